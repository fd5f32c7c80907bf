"""Petitioners' personal data: who may read it, masking for everyone else, the log of every reading.

A user handles a petition when they hold `handle_petitions` over its handling unit (the
reception and petition officer of that unit, the agency's leader) and are not the person a
denunciation names. Everyone else sees the petition without its petitioner.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from citizens.models import PersonalDataReading, Petition, PetitionKind, Reception
from core.access import scoped
from orgs.scoping import Action

HANDLE = Action.HANDLE_PETITIONS
PETITION_FIELDS = ("petitioner_name", "petitioner_address", "petitioner_phone", "petitioner_id_number")
RECEPTION_FIELDS = ("citizen_name", "citizen_address", "citizen_id_number")
HIDDEN = _("(personal data hidden)")


def handled_ids(user, petitions: Iterable[Petition]) -> set[int]:
    """Which of `petitions` the user handles (one query for a page of them)."""
    ids = [p.pk for p in petitions]
    if not ids or not getattr(user, "is_authenticated", False):
        return set()
    handled = scoped(Petition, user, HANDLE).filter(pk__in=ids)
    handled = handled.exclude(kind=PetitionKind.DENUNCIATION, denounced_user=user)
    return set(handled.values_list("pk", flat=True))


def handles(user, petition: Petition) -> bool:
    return petition.pk in handled_ids(user, [petition])


def handled_reception_ids(user, receptions: Iterable[Reception]) -> set[int]:
    ids = [r.pk for r in receptions]
    if not ids or not getattr(user, "is_authenticated", False):
        return set()
    return set(scoped(Reception, user, HANDLE).filter(pk__in=ids).values_list("pk", flat=True))


def log_readings(user, *, petitions: Iterable[Petition] = (), receptions: Iterable[Reception] = (),
                 where: str) -> None:
    """Record that `user` read the personal data of these records (page, export, api)."""
    rows = [PersonalDataReading(petition=p, user=user, where=where) for p in petitions if has_personal_data(p)]
    rows += [PersonalDataReading(reception=r, user=user, where=where) for r in receptions
             if any(getattr(r, name) for name in RECEPTION_FIELDS)]
    PersonalDataReading.objects.bulk_create(rows)


def has_personal_data(petition: Petition) -> bool:
    return any(getattr(petition, name) for name in PETITION_FIELDS)


def visible_petitions(user, petitions: list[Petition], *, where: str) -> set[int]:
    """The ids among `petitions` whose personal data `user` reads here; the reading is logged."""
    ids = handled_ids(user, petitions)
    if ids:
        log_readings(user, petitions=[p for p in petitions if p.pk in ids], where=where)
    return ids


def visible_receptions(user, receptions: list[Reception], *, where: str) -> set[int]:
    ids = handled_reception_ids(user, receptions)
    if ids:
        log_readings(user, receptions=[r for r in receptions if r.pk in ids], where=where)
    return ids
