"""Open violations hold the nominations of their person or unit (registered in emulation.holds)."""

from django.utils.translation import gettext as _

from inspections.models import DISCIPLINES, Finding


def open_findings(exemplar) -> list[str]:
    findings = Finding.objects.open().select_related("inspection")
    if exemplar.person_id:
        on_person = findings.filter(person_id=exemplar.person_id)
    else:
        on_person = Finding.objects.none()
    on_unit = findings.filter(person__isnull=True, inspection__subject_id=exemplar.organization_id)
    reasons = []
    for finding in (on_person | on_unit).distinct():
        what = _("discipline") if finding.handling in DISCIPLINES else _("open inspection finding")
        reasons.append(_("%(what)s in “%(inspection)s”") % {"what": what, "inspection": finding.inspection})
    return reasons
