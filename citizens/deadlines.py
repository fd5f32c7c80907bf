"""Every step's time limit, read from the rules table (DeadlineRule) and counted through core.periods.

A rule applies from its effective date: the one in force on the day a step's clock starts is
used. Among the rows in force, the most particular variant wins (a remote-area row over an
"any area" one; a complex-case row over the normal one), then the latest effective date.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from citizens.models import Area, Complexity, DeadlineRule, Petition, PetitionKind, PetitionState, Step
from core.periods import deadline

# The inbox and dashboards warn of steps due within this many days.
DUE_SOON_DAYS = 5


def load_rules() -> list[DeadlineRule]:
    """The whole table (a few dozen rows): a list page reads it once and passes it as `rules`."""
    return list(DeadlineRule.objects.all())


def find_rule(kind: str, step: str, *, start: dt.date, remote: bool = False,
              complexity: str = Complexity.NORMAL, rules: list[DeadlineRule] | None = None) -> DeadlineRule | None:
    """The rule in force on `start` for `step` of `kind` (None when the law gives that step no limit)."""
    area = Area.REMOTE if remote else Area.NORMAL
    if rules is None:
        rules = list(DeadlineRule.objects.filter(
            Q(area=Area.ANY) | Q(area=area), kind=kind, step=step, effective_from__lte=start,
            complexity__in={complexity, Complexity.NORMAL}))
    candidates = [rule for rule in rules if rule.kind == kind and rule.step == step and rule.effective_from <= start
                  and rule.area in (Area.ANY, area) and rule.complexity in (complexity, Complexity.NORMAL)]
    if not candidates:
        return None
    return max(candidates, key=lambda rule: (rule.area != Area.ANY, rule.complexity == complexity,
                                             rule.effective_from))


def due_date(rule: DeadlineRule, start: dt.date) -> dt.date:
    """`rule.days` after `start`, in calendar or working days; a day off moves it to the next working day."""
    return deadline(start, rule.days, working=rule.working_days)


@dataclass(frozen=True)
class Due:
    step: str
    due: dt.date
    rule: DeadlineRule

    @property
    def label(self) -> str:
        return Step(self.step).label


def settle_step(petition: Petition) -> str:
    return Step.SETTLE_SECOND if petition.second_time else Step.SETTLE


def settle_due(petition: Petition, *, accepted_on: dt.date | None = None, rules=None) -> Due | None:
    """When the petition must be settled: from acceptance, by its kind, area and complexity, plus its extensions."""
    start = accepted_on or petition.accepted_on
    if start is None:
        return None
    rule = find_rule(petition.kind, settle_step(petition), start=start, remote=petition.remote_area,
                     complexity=petition.complexity, rules=rules)
    if rule is None:
        return None
    due = due_date(rule, start)
    if petition.extensions:
        extension = find_rule(petition.kind, Step.EXTENSION, start=start, remote=petition.remote_area,
                              complexity=petition.complexity, rules=rules)
        for _count in range(petition.extensions if extension else 0):
            due = due_date(extension, due)
    return Due(settle_step(petition), due, rule)


def current_due(petition: Petition, *, rules=None) -> Due | None:
    """The deadline of the step the petition waits for now (None once decided, refused, transferred or closed)."""
    if petition.state == PetitionState.RECEIVED:
        rule = find_rule(petition.kind, Step.ACCEPT, start=petition.received_on, remote=petition.remote_area,
                         complexity=petition.complexity, rules=rules)
        return Due(Step.ACCEPT, due_date(rule, petition.received_on), rule) if rule else None
    if petition.state in (PetitionState.ACCEPTED, PetitionState.SETTLING):
        return settle_due(petition, rules=rules)
    return None


def transfer_due(petition: Petition, *, rules=None) -> dt.date | None:
    rule = find_rule(petition.kind, Step.TRANSFER, start=petition.received_on, remote=petition.remote_area, rules=rules)
    return due_date(rule, petition.received_on) if rule else None


def second_complaint_due(first: Petition, *, rules=None) -> dt.date | None:
    """The last day to complain a second time: counted from the first decision (or its deadline if none came)."""
    if first.kind != PetitionKind.COMPLAINT or first.second_time:
        return None
    settle = settle_due(first, rules=rules)
    start = first.decided_on or (settle.due if settle else None)
    if start is None:
        return None
    rule = find_rule(first.kind, Step.SECOND_COMPLAINT, start=start, remote=first.remote_area, rules=rules)
    return due_date(rule, start) if rule else None


def extension_allowed(petition: Petition, *, rules=None) -> bool:
    start = petition.accepted_on or petition.received_on
    rule = find_rule(petition.kind, Step.EXTENSION, start=start, remote=petition.remote_area,
                     complexity=petition.complexity, rules=rules)
    return rule is not None and (rule.max_times == 0 or petition.extensions < rule.max_times)


def check_extension(petition: Petition, *, rules=None) -> str:
    """How an extension works for this petition: "extension" (one more period, as for denunciations) or
    "complex" (the case becomes complex: the longer limit, and its first extension where the law gives one)."""
    if extension_allowed(petition, rules=rules):
        return "extension"
    if petition.complexity == Complexity.NORMAL and petition.accepted_on:
        as_complex = copy.copy(petition)
        as_complex.complexity = Complexity.COMPLEX
        now, then = settle_due(petition, rules=rules), settle_due(as_complex, rules=rules)
        if extension_allowed(as_complex, rules=rules) or (now and then and then.due > now.due):
            return "complex"
    raise ValidationError(_("The law allows no (further) extension for this petition."))


def is_overdue(petition: Petition, today: dt.date | None = None, *, rules=None) -> bool:
    due = current_due(petition, rules=rules)
    return due is not None and due.due < (today or timezone.localdate())


def settled_on_time(petition: Petition, *, rules=None) -> bool | None:
    """Whether a decided petition was decided by its deadline (None when not decided or no rule)."""
    if petition.decided_on is None:
        return None
    due = settle_due(petition, rules=rules)
    return None if due is None else petition.decided_on <= due.due
