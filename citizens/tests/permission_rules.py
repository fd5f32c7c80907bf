"""Rows of the permission walk for receptions and petitions, in Phòng QLHĐXD (the sample unit).

Handling (records, steps, personal data) is for the holders of `handle_petitions` over the unit: among the
demo roles, the leader of Sở Xây dựng (and the superuser). Everyone who sees the unit reads the records
without the personal data. The public pages answer everyone, signed in or not.
"""

import datetime as dt

from citizens.models import PetitionEvent, PetitionKind, Reception
from citizens.tests.factories import PetitionFactory
from danvan.tests.permission_table import ROLES, SEES_SAMPLE, Rule, api, everyone, page

HANDLES_SAMPLE = frozenset({"admin", "leader"})
HANDLES_SOMEWHERE = frozenset({"admin", "leader"})
REGISTERS_SAMPLE = frozenset({"admin", "focal"})
AUDITS = frozenset({"admin", "coordinator"})


def _petition(orgs):
    from citizens.models import Petition

    found = Petition.objects.filter(code="PAMAU0001").first()
    if found:
        return found
    petition = PetitionFactory(organization=orgs["TN.SXD.QLXD"], code="PAMAU0001", subject="Đơn mẫu",
                               kind=PetitionKind.COMPLAINT)
    PetitionEvent.objects.create(petition=petition, transition="accept", state="accepted", date=dt.date(2025, 3, 5))
    return petition


def _event(orgs):
    return _petition(orgs).events.get(transition="accept")


def _reception(orgs):
    return Reception.objects.get_or_create(organization=orgs["TN.SXD.QLXD"], host="Trưởng phòng mẫu",
                                           defaults={"date": dt.date(2025, 3, 10)})[0]


def _agency(orgs):
    return orgs["TN.SXD"]


SAMPLES = {"petition": _petition, "petition_event": _event, "reception": _reception, "public_agency": _agency}
RULES = {
    "citizens:petition_list": Rule(get=page()),
    "citizens:petition_export": Rule(get=page()),
    "citizens:petition_create": Rule(
        get=page(HANDLES_SOMEWHERE, denied=403), post=page(HANDLES_SOMEWHERE, ok=400, denied=403)),
    "citizens:petition_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "petition"}),
    "citizens:petition_update": Rule(get=page(HANDLES_SAMPLE), post=page(HANDLES_SAMPLE, ok=400),
                                     kwargs={"pk": "petition"}),
    # POST only: an empty step is refused with a message on the petition's page.
    "citizens:petition_step": Rule(get=page(ok=405, denied=405), post=page(HANDLES_SAMPLE, ok=302),
                                   kwargs={"pk": "petition"}),
    "citizens:petition_notice": Rule(get=page(HANDLES_SAMPLE), kwargs={"pk": "petition", "event": "petition_event"}),
    "citizens:petition_notice_number": Rule(get=page(ok=405, denied=405), post=page(REGISTERS_SAMPLE, ok=302),
                                            kwargs={"pk": "petition", "event": "petition_event"}),
    "citizens:petition_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "petition"}),
    "citizens:reception_list": Rule(get=page()),
    "citizens:reception_export": Rule(get=page()),
    "citizens:reception_book_docx": Rule(get=page()),
    "citizens:reception_create": Rule(
        get=page(HANDLES_SOMEWHERE, denied=403), post=page(HANDLES_SOMEWHERE, ok=400, denied=403)),
    "citizens:reception_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "reception"}),
    "citizens:reception_update": Rule(get=page(HANDLES_SAMPLE), post=page(HANDLES_SAMPLE, ok=400),
                                      kwargs={"pk": "reception"}),
    "citizens:reception_open_petition": Rule(get=page(ok=405, denied=405), post=page(HANDLES_SAMPLE, ok=302),
                                             kwargs={"pk": "reception"}),
    "citizens:reception_receipt": Rule(get=page(HANDLES_SAMPLE), kwargs={"pk": "reception"}),
    # The sample reception was not refused: no notice to print (404 for everyone).
    "citizens:reception_refusal": Rule(get=page(HANDLES_SAMPLE, ok=404), kwargs={"pk": "reception"}),
    "citizens:reception_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "reception"}),
    "citizens:reading_list": Rule(get=page(AUDITS, denied=403)),
    "citizens:public_directory": Rule(get=everyone(200)),
    "citizens:public_agency": Rule(get=everyone(200), kwargs={"pk": "public_agency"}),
    # An empty form answers with its errors (200: a public form page).
    "citizens:public_feedback": Rule(get=everyone(200), post=everyone(200), kwargs={"pk": "public_agency"}),
    "citizens:public_follow": Rule(get=everyone(200)),
    "petition-list": Rule(get=api()),
    "petition-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "petition"}),
    "reception-list": Rule(get=api()),
    "reception-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "reception"}),
}
LEAK_MARKERS = {
    "petition": lambda org, marker: PetitionFactory(organization=org, subject=marker),
    "reception": lambda org, marker: Reception.objects.create(organization=org, host=marker, matter=marker,
                                                              date=dt.date(2025, 2, 3)),
}
assert set(ROLES) >= HANDLES_SAMPLE
