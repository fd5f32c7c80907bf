"""An open complaint or denunciation against a person holds their nomination (registered in emulation.holds):
the Law on Emulation and Commendation 2022 commends no one while one pends."""

from django.utils.translation import gettext as _

from citizens.models import OPEN_STATES, Petition, PetitionKind


def open_petitions_against(exemplar) -> list[str]:
    user_id = exemplar.person.user_id if exemplar.person_id else None
    if user_id is None:
        return []
    pending = Petition.objects.filter(denounced_user_id=user_id, state__in=OPEN_STATES,
                                      kind__in=[PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION])
    # The reason names the petition by its code only: who sent it stays with those who handle it.
    return [_("pending %(kind)s %(code)s") % {"kind": petition.get_kind_display().lower(), "code": petition.code}
            for petition in pending.order_by("received_on", "id")]
