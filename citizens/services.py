"""The rules of receptions and petitions: who records them, the legal steps as a table of transitions,
the deadlines (citizens.deadlines), the notices numbered in the document register, erasure."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from citizens import deadlines
from citizens.models import (
    Channel,
    Complexity,
    Petition,
    PetitionEvent,
    PetitionKind,
    PetitionState,
    Reception,
)
from citizens.privacy import HANDLE, PETITION_FIELDS, RECEPTION_FIELDS
from core.history import acting_as
from orgs.models import Organization
from orgs.scoping import Action, can

S = PetitionState
# The alphabet of codes and secrets: no 0/O, 1/I/L to misread.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class Transition:
    label: str
    sources: tuple[str, ...]
    target: str | None  # None: the state stays (an extension)
    reason_required: bool = False
    # The notice issued with the step (type code of the document register), if any.
    notice: str = ""


# The legal steps of a petition: which states each starts from and where it leads.
TRANSITIONS: dict[str, Transition] = {
    "accept": Transition(pgettext_lazy("petition", "Accept"), (S.RECEIVED,), S.ACCEPTED, notice="TB"),
    "refuse": Transition(gettext_lazy("Refuse"), (S.RECEIVED,), S.REFUSED, reason_required=True, notice="TB"),
    "transfer": Transition(gettext_lazy("Transfer to the competent body"), (S.RECEIVED,), S.TRANSFERRED,
                           reason_required=True),
    "start": Transition(gettext_lazy("Start settling"), (S.ACCEPTED,), S.SETTLING),
    "extend": Transition(gettext_lazy("Extend (complex case)"), (S.ACCEPTED, S.SETTLING), None,
                         reason_required=True),
    "decide": Transition(gettext_lazy("Decide"), (S.SETTLING,), S.DECIDED, reason_required=True),
    "close": Transition(pgettext_lazy("petition", "Close"), (S.DECIDED, S.REFUSED, S.TRANSFERRED), S.CLOSED),
}


def available_transitions(petition: Petition) -> list[tuple[str, Transition]]:
    return [(name, t) for name, t in TRANSITIONS.items() if petition.state in t.sources]


def _code() -> str:
    while True:
        code = "PA" + "".join(secrets.choice(ALPHABET) for _i in range(8))
        if not Petition.objects.filter(code=code).exists():
            return code


def _hash(secret: str) -> str:
    return salted_hmac("citizens.petition-secret", secret.strip().upper()).hexdigest()


def new_secret() -> str:
    return "".join(secrets.choice(ALPHABET) for _i in range(10))


def check_secret(petition: Petition, secret: str) -> bool:
    return bool(petition.secret_hash) and constant_time_compare(petition.secret_hash, _hash(secret or ""))


def _check_handler(by, organization: Organization) -> None:
    if by is not None and not can(by, HANDLE, organization):
        raise PermissionDenied(_("Only the reception and petition officers of %(org)s and its leader handle "
                                 "its petitions.") % {"org": organization})


def _check_not_denounced(by, petition: Petition) -> None:
    if by is not None and petition.kind == PetitionKind.DENUNCIATION and petition.denounced_user_id == by.pk:
        raise PermissionDenied(_("The person denounced does not handle the denunciation."))


def record_petition(petition: Petition, *, by) -> tuple[Petition, str]:
    """Record a new petition (by a handler, or by a citizen's form when `by` is None); returns it with the
    secret the citizen follows it with (shown once, stored only as a hash)."""
    _check_handler(by, petition.organization)
    if petition.pk:
        raise ValidationError(_("This petition is already recorded."))
    if petition.first_petition_id:
        check_second_complaint(petition.first_petition, petition.received_on)
        petition.kind = PetitionKind.COMPLAINT
    if petition.received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date received cannot lie in the future.")})
    secret = new_secret()
    petition.code = _code()
    petition.secret_hash = _hash(secret)
    petition.state = S.RECEIVED
    petition.full_clean(exclude=["created_by"])
    with transaction.atomic(), acting_as(by):
        petition.created_by = by
        petition.save()
        PetitionEvent.objects.create(petition=petition, transition="receive", state=S.RECEIVED,
                                     date=petition.received_on, by=by)
    return petition, secret


def update_petition(petition: Petition, *, by) -> Petition:
    """Change what was recorded (subject, petitioner, unit…); the state changes only through `advance`."""
    original = Petition.objects.get(pk=petition.pk)
    _check_handler(by, original.organization)
    _check_not_denounced(by, original)
    _check_handler(by, petition.organization)
    petition.state = original.state
    petition.full_clean(exclude=["created_by"])
    with transaction.atomic(), acting_as(by):
        petition.save()
    return petition


def check_second_complaint(first: Petition, received_on: dt.date) -> None:
    if first.kind != PetitionKind.COMPLAINT or first.second_time:
        raise ValidationError({"first_petition": _("A second-time complaint follows a first-time complaint.")})
    if first.state not in (S.DECIDED, S.CLOSED, S.ACCEPTED, S.SETTLING):
        raise ValidationError({"first_petition": _("The first complaint was never accepted.")})
    if first.decided_on is None:
        due = deadlines.settle_due(first)
        if due is None or received_on <= due.due:
            raise ValidationError({"first_petition": _(
                "The first complaint is neither decided nor past its deadline: it cannot be complained again yet.")})
    last = deadlines.second_complaint_due(first)
    if last is not None and received_on > last:
        raise ValidationError({"received_on": _("The time to complain a second time ended on %(date)s.")
                               % {"date": f"{last:%d/%m/%Y}"}})


def advance(petition: Petition, transition: str, *, by, date: dt.date | None = None, reason: str = "",
            register: bool = True) -> PetitionEvent:
    """Take one legal step; refused (ValidationError) when the petition's state does not allow it."""
    if transition not in TRANSITIONS:
        raise ValidationError(_("Unknown step."))
    step = TRANSITIONS[transition]
    _check_handler(by, petition.organization)
    _check_not_denounced(by, petition)
    date = date or timezone.localdate()
    reason = (reason or "").strip()
    with transaction.atomic(), acting_as(by):
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        if petition.state not in step.sources:
            raise ValidationError(_("A petition that is “%(state)s” cannot take the step “%(step)s”.")
                                  % {"state": petition.get_state_display(), "step": step.label})
        if step.reason_required and not reason:
            raise ValidationError({"reason": _("Give the reason for this step.")})
        last = petition.events.order_by("-date", "-id").values_list("date", flat=True).first()
        if date > timezone.localdate() or (last and date < last):
            raise ValidationError({"date": _("The date must lie between the previous step and today.")})
        if transition == "accept":
            petition.accepted_on = date
        elif transition == "decide":
            petition.decided_on, petition.outcome = date, reason
        elif transition == "close":
            petition.closed_on = date
        elif transition == "transfer":
            petition.transferred_to = reason
        elif transition == "extend":
            if deadlines.check_extension(petition) == "complex":
                petition.complexity = Complexity.COMPLEX
                if deadlines.extension_allowed(petition):
                    petition.extensions += 1
            else:
                petition.extensions += 1
        if step.target:
            petition.state = step.target
        petition.save()
        notice = None
        if step.notice and register and by is not None and can(by, Action.REGISTER, petition.organization):
            notice = register_notice(petition, transition, by=by, date=date)
        return PetitionEvent.objects.create(petition=petition, transition=transition, state=petition.state,
                                            date=date, reason=reason, by=by, notice=notice)


def number_notice(event: PetitionEvent, *, by, date: dt.date | None = None) -> PetitionEvent:
    """The registry office numbers a notice of acceptance or non-acceptance drafted by the handlers."""
    petition = event.petition
    if event.transition not in ("accept", "refuse") or event.notice_id:
        raise ValidationError(_("This step has no notice waiting for a number."))
    if not can(by, Action.REGISTER, petition.organization):
        raise PermissionDenied(_("Only the registry office numbers the notices."))
    with transaction.atomic(), acting_as(by):
        event.notice = register_notice(petition, event.transition, by=by, date=date or timezone.localdate())
        event.save(update_fields=["notice"])
    return event


def register_notice(petition: Petition, transition: str, *, by, date: dt.date):
    """Number the notice of acceptance or non-acceptance in the handling unit's document register."""
    from registry.services import register_document

    title = (_("Notice of acceptance of petition %(code)s") if transition == "accept"
             else _("Notice of non-acceptance of petition %(code)s")) % {"code": petition.code}
    return register_document(organization=petition.organization, record=petition, type_code="TB",
                             symbol=f"TB-{petition.organization.symbol}", title=title, by=by, date=date)


def erase_personal_data(*, today: dt.date | None = None) -> int:
    """Erase the petitioners' personal data of petitions closed longer ago than the retention period
    (settings.PETITION_RETENTION_DAYS), keeping the anonymous record; returns how many."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=settings.PETITION_RETENTION_DAYS)
    petitions = Petition.objects.filter(state=S.CLOSED, closed_on__lt=cutoff, personal_data_erased_on__isnull=True)
    with transaction.atomic():
        count = petitions.update(personal_data_erased_on=today, **dict.fromkeys(PETITION_FIELDS, ""))
        Reception.objects.filter(date__lt=cutoff, petitions__state=S.CLOSED).update(
            **dict.fromkeys(RECEPTION_FIELDS, ""))
    return count


def save_reception(reception: Reception, *, by) -> Reception:
    _check_handler(by, reception.organization)
    if reception.pk:
        _check_handler(by, Reception.objects.get(pk=reception.pk).organization)
    reception.full_clean(exclude=["created_by"])
    with transaction.atomic(), acting_as(by):
        if not reception.pk:
            reception.created_by = by
        reception.save()
    return reception


def open_petition_from_reception(reception: Reception, *, by, subject: str, organization=None) -> tuple[Petition, str]:
    """A petition opened from a reception: its citizen, matter and kind carried over."""
    petition = Petition(
        organization=organization or reception.organization, kind=reception.kind or PetitionKind.FEEDBACK,
        channel=Channel.RECEPTION, received_on=reception.date, subject=subject or reception.matter[:300],
        content=reception.matter, reception=reception, petitioner_name=reception.citizen_name,
        petitioner_address=reception.citizen_address, petitioner_id_number=reception.citizen_id_number)
    return record_petition(petition, by=by)


def submit_feedback(*, organization: Organization, subject: str, content: str, name: str, address: str = "",
                    phone: str = "") -> tuple[Petition, str]:
    """A citizen's feedback from the public form: a petition of kind feedback, received today online."""
    petition = Petition(organization=organization, kind=PetitionKind.FEEDBACK, channel=Channel.ONLINE,
                        received_on=timezone.localdate(), subject=subject, content=content,
                        petitioner_name=name, petitioner_address=address, petitioner_phone=phone,
                        consent_at=timezone.now())
    return record_petition(petition, by=None)
