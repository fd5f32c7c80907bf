"""Targets read from their measures: the current value, its status, the drill-down, the records; and
the monthly counts entered by hand (form and .xlsx import)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry
from core.history import ChangeReason, acting_as
from core.periods import Period, PeriodKind
from documents.xlsx import ImportReport, XlsxError, read_rows
from indicators.measures import Figure
from indicators.models import MONTHLY_CHOICES, MeasuredTarget, MeasuredValue, MonthlyCount
from orgs.models import Organization
from orgs.scoping import can
from orgs.text import fold
from plans.models import Comparator, Measure, Target, TargetKind

logger = logging.getLogger(__name__)

# A share or rate more than this many points short of its target before the period ends is at risk.
AT_RISK_POINTS = Decimal(10)


class Status(models.TextChoices):
    MET = "met", gettext_lazy("Met")
    MISSED = "missed", gettext_lazy("Missed")
    AT_RISK = "at_risk", gettext_lazy("At risk")
    ON_TRACK = "on_track", gettext_lazy("On track")
    NO_DATA = "no_data", "chưa có dữ liệu"
    BY_HAND = "by_hand", gettext_lazy("Assessed by hand")


STATUS_COLOURS = {Status.MET: "success", Status.MISSED: "danger", Status.AT_RISK: "warning",
                  Status.ON_TRACK: "info", Status.NO_DATA: "secondary", Status.BY_HAND: "light"}


@dataclass
class Reading:
    """A target's figure for one organization and period: what the pages and the API show."""

    target: Target
    organization: Organization
    period: Period
    figure: Figure | None
    value: Decimal | None
    status: str
    rows: list = field(default_factory=list)

    @property
    def numerator(self) -> int | None:
        return self.figure.numerator if self.figure else None

    @property
    def denominator(self) -> int | None:
        return self.figure.denominator if self.figure else None

    @property
    def computed_at(self):
        """When the figure was computed, when it was read from the materialized values; None: just now."""
        return self.figure.computed_at if self.figure else None

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self.status]


def plan_period(target: Target) -> Period:
    return Period(target.plan.year, PeriodKind.YEAR)


def value_of(figure: Figure) -> Decimal | None:
    """A count's number; a share's percentage to one decimal; None when nothing was counted."""
    if figure.is_count:
        return Decimal(figure.numerator)
    if not figure.denominator:
        return None
    return (Decimal(100 * figure.numerator) / figure.denominator).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _holds(comparator: str, value: Decimal, goal: Decimal) -> bool:
    return {Comparator.GTE: value >= goal, Comparator.GT: value > goal, Comparator.EQ: value == goal,
            Comparator.LTE: value <= goal}[comparator]


def target_status(target: Target, value: Decimal | None, period: Period, *, is_count: bool,
                  today: dt.date | None = None) -> str:
    """After the period: met or missed by the comparator. Before it ends: met when the comparator already
    holds; at risk when a share or rate is more than 10 points short, or a count is below the target ×
    the elapsed share of the period; on track otherwise. Nothing counted: no data."""
    if target.kind == TargetKind.GRADE or target.target_value is None:
        return Status.BY_HAND
    if value is None:
        return Status.NO_DATA
    today = today or timezone.localdate()
    goal = target.target_value
    if _holds(target.comparator, value, goal):
        return Status.MET
    if today > period.end:
        return Status.MISSED
    if target.comparator == Comparator.LTE:
        # Lower is better: a count already above its ceiling, or a rate far above it, is at risk.
        return Status.AT_RISK if is_count or value - goal > AT_RISK_POINTS else Status.ON_TRACK
    if is_count:
        expected = goal * Decimal(str(period.elapsed_share(today)))
        return Status.AT_RISK if value < expected else Status.ON_TRACK
    return Status.AT_RISK if goal - value > AT_RISK_POINTS else Status.ON_TRACK


# The measures that count the study of documents (the others ignore the documents a target cites).
STUDY_MEASURES = (Measure.STAFF_STUDY_RATE, Measure.STUDY_SESSIONS_HELD)


def documents_of(target: Target) -> list:
    """The documents a target cites, by default its plan's legal basis (prefetch both for a list)."""
    return list(target.documents.all()) or list(target.plan.basis_documents.all())


def compute(target: Target, organizations: Sequence[Organization], period: Period) -> Figure | None:
    measure = registry.measures.get(target.measure) if target.measure else None
    if measure is None:
        return None
    return measure(list(organizations), period, documents=documents_of(target))


def read(target: Target, organization: Organization, period: Period | None = None, *,
         today: dt.date | None = None, figure: Figure | None = None, materialized: bool = True) -> Reading:
    """The target's current value and status for `organization` (and everything below it) in `period`
    (by default the plan's year): from its materialized figures when they are fresh, computed otherwise."""
    period = period or plan_period(target)
    if figure is None:
        figure = (materialized_figures([target], organization, period).get(target.pk) if materialized else None) \
            or compute(target, [organization], period)
    return _reading(target, organization, period, figure, today=today)


def readings(targets: Sequence[Target], organization: Organization, period: Period, *,
             today: dt.date | None = None) -> list[Reading]:
    """`read` for each of a plan's targets, the materialized figures of all of them read at once."""
    stored = materialized_figures(targets, organization, period)
    return [read(target, organization, period, today=today, figure=stored.get(target.pk), materialized=False)
            for target in targets]


# Materialized figures: each target's figure per organization and period of its plan's year, computed by the
# worker (refresh) when the records its measure reads change, and every night (indicators.tasks).


@functools.lru_cache(maxsize=32)
def periods_of(year: int) -> tuple[Period, ...]:
    """The periods a target of a plan of `year` is read in (the pages' period picker) and materialized for
    (kept: a province's dashboard asks for them for each of its hundreds of targets)."""
    return (Period(year, PeriodKind.YEAR), Period(year, PeriodKind.NINE_MONTHS),
            *(Period(year, PeriodKind.HALF, n) for n in (1, 2)),
            *(Period(year, PeriodKind.QUARTER, n) for n in range(1, 5)))


def is_fresh(state: MeasuredTarget, now=None) -> bool:
    """Computed after the last change of the records it reads, and not older than MEASURES_MAX_AGE (changes
    the signals cannot see, such as bulk inserts, are caught by the nightly refresh)."""
    if state.computed_at is None or (state.changed_at is not None and state.changed_at >= state.computed_at):
        return False
    return (now or timezone.now()) - state.computed_at <= settings.MEASURES_MAX_AGE


def fresh_states(target_ids) -> dict[int, MeasuredTarget]:
    """Target id -> its materialization state, for the targets whose stored figures are fresh (one query)."""
    now = timezone.now()
    return {state.target_id: state for state in MeasuredTarget.objects.filter(target__in=list(target_ids))
            if is_fresh(state, now)}


def _materializable(target: Target, organization: Organization, period: Period) -> bool:
    # The organization lies in the subtree of the plan's organization (paths are made of ids).
    return (registry.measures.get(target.measure or "") is not None
            and f"/{target.plan.organization_id}/" in organization.path
            and period in periods_of(target.plan.year))


def materialized_figures(targets: Sequence[Target], organization: Organization, period: Period) -> dict:
    """Target id -> the figure of `organization` (and below) in `period`, added up from the fresh materialized
    values (two queries for any number of targets); targets without fresh values are left out. The records
    behind a figure are still the measure's own queryset (not run until listed)."""
    wanted = {target.pk: target for target in targets if _materializable(target, organization, period)}
    if not wanted:
        return {}
    states = fresh_states(wanted)
    if not states:
        return {}
    by_target: dict[int, list] = {pk: [] for pk in states}
    for target_id, path, numerator, denominator in (
            MeasuredValue.objects.filter(target__in=list(states), period=period.key,
                                         organization__path__startswith=organization.path)
            .values_list("target_id", "organization__path", "numerator", "denominator")):
        by_target[target_id].append((path, numerator, denominator))
    figures = {}
    for target_id, rows in by_target.items():
        target, state = wanted[target_id], states[target_id]
        if getattr(registry.measures.get(target.measure), "below_only", False):
            rows = [row for row in rows if row[0] != organization.path]
        live = compute(target, [organization], period)  # lazy: only its records are used
        figure = Figure(records=live.records, rows=lambda rows=rows: rows, count=state.is_count,
                        computed_at=state.computed_at)
        figures[target_id] = figure
    return figures


def stored_figures(targets: Sequence[Target], period_of) -> dict:
    """Target id -> its figure for its plan's own organization in `period_of(target)`, from the fresh
    materialized values of every target at once (two queries for a province's dashboard), as totals. Targets
    without fresh values are left out (their callers compute them); the records behind are not listed here."""
    wanted = {target.pk: target for target in targets if registry.measures.get(target.measure or "") is not None
              and period_of(target) in periods_of(target.plan.year)}
    if not wanted:
        return {}
    states = fresh_states(wanted)
    if not states:
        return {}
    keys = {pk: period_of(wanted[pk]).key for pk in states}
    # Added up in the database (one row per target, not one per organization): a province's dashboard reads
    # a few hundred rows instead of every unit's.
    below_only = [key for key, measure in registry.measures.items() if getattr(measure, "below_only", False)]
    sums = {(row["target_id"], row["period"]): (row["n"], row["d"]) for row in (
        MeasuredValue.objects.filter(target__in=list(states), period__in=set(keys.values()))
        .exclude(Q(target__measure__in=below_only) & Q(organization_id=F("target__plan__organization_id")))
        .values("target_id", "period").annotate(n=Sum("numerator"), d=Sum("denominator")).order_by())}
    figures = {}
    for pk, state in states.items():
        numerator, denominator = sums.get((pk, keys[pk]), (0, 0))
        denominator = None if state.is_count else (denominator or 0)
        # Totals only (no figures per organization): what a reading of the plan's own organization needs.
        figures[pk] = Figure(numerator or 0, denominator, None, computed_at=state.computed_at)
    return figures


def refresh(target: Target) -> int:
    """Compute `target`'s figure in every period of its plan's year for its plan's organization and all below,
    and store it per organization (replacing what was stored) in one transaction; returns the rows stored.
    Changes committed while it computes leave the figures stale (they are later than its start) and enqueue
    the next refresh (the pending flag is cleared first)."""
    started = timezone.now()
    MeasuredTarget.objects.update_or_create(target=target, defaults={"pending": False})
    measure = registry.measures.get(target.measure) if target.measure else None
    if measure is None:
        with transaction.atomic():
            MeasuredValue.objects.filter(target=target).delete()
            MeasuredTarget.objects.filter(target=target).delete()
        return 0
    root = target.plan.organization
    figures = {period.key: compute(target, [root], period) for period in periods_of(target.plan.year)}
    ids = dict(Organization.objects.filter(path__startswith=root.path).values_list("path", "pk"))
    rows = [MeasuredValue(target=target, period=key, organization_id=ids[path], numerator=numerator,
                          denominator=denominator, computed_at=started)
            for key, figure in figures.items() for path, (numerator, denominator) in figure.by_path.items()
            if path in ids]
    with transaction.atomic():
        # One refresh of a target writes at a time; one that started later and has written already wins.
        state = MeasuredTarget.objects.select_for_update().filter(target=target).first()
        if state is None or (state.computed_at and state.computed_at >= started):
            return 0
        MeasuredValue.objects.filter(target=target).delete()
        MeasuredValue.objects.bulk_create(rows, batch_size=2000)
        MeasuredTarget.objects.filter(target=target).update(
            computed_at=started, is_count=next(iter(figures.values())).is_count)
    return len(rows)


def refresh_all(*, since_year: int | None = None) -> int:
    """Refresh every measured target of the plans of `since_year` (default: last year) and later."""
    since_year = since_year or timezone.localdate().year - 1
    targets = (Target.objects.filter(measure__in=[key for key, _measure in registry.measures.items()],
                                     plan__year__gte=since_year)
               .select_related("plan__organization").prefetch_related("documents", "plan__basis_documents")
               .order_by("pk"))
    done = 0
    for target in targets.iterator(chunk_size=200):
        try:
            refresh(target)
        except Exception:  # one target's failure must not leave the others stale; its figures stay as they were
            logger.exception("Refreshing the figures of target %s failed", target.pk)
            continue
        done += 1
    return done


def _reading(target, organization, period, figure, *, today=None) -> Reading:
    value = value_of(figure) if figure is not None else None
    status = target_status(target, value, period, is_count=bool(figure and figure.is_count), today=today)
    if figure is None and status != Status.BY_HAND:
        status = Status.NO_DATA
    return Reading(target, organization, period, figure, value, status)


def drill_down(reading: Reading, children: Sequence[Organization], *, today=None) -> list[Reading]:
    """The reading of each organization below, from the same figure (no measure computed again)."""
    rows = []
    none = reading.figure.records.none() if reading.figure is not None else None
    for child in children:
        figure = None
        if reading.figure is not None:
            numerator, denominator = reading.figure.within(child)
            figure = Figure(numerator, denominator, none)
        rows.append(_reading(reading.target, child, reading.period, figure, today=today))
    return rows


@dataclass(frozen=True)
class RecordRow:
    label: str
    url: str
    organization: str
    date: dt.date | None
    detail: str


def record_row(record) -> RecordRow:
    """One record behind a value, as the target's page lists it, whatever register it comes from."""
    organization = getattr(record, "organization", None)
    detail = ""
    url = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
    if hasattr(record, "studied"):  # a staff member of a study target
        detail = _("Studied") if record.studied else _("Has not studied")
    elif hasattr(record, "completed"):  # an assignment of a completion target, on its progress page
        organization = record.lead_unit
        detail = _("Done") if record.completed else _("Not done yet")
        url = reverse("progress:assignment_progress", args=[record.pk])
    elif isinstance(record, MonthlyCount):
        detail = (f"{record.numerator}/{record.denominator}" if record.denominator is not None
                  else str(record.numerator))
    # A monthly count names its month in its label; other records are dated.
    day = None if isinstance(record, MonthlyCount) else getattr(record, "date", None) or getattr(
        record, "due_date", None)
    return RecordRow(str(record), url, organization.display_name if organization else "", day, detail)


def parse_period(key: str | None, default: Period) -> Period:
    if not key:
        return default
    try:
        return Period.from_key(key)
    except ValueError:
        raise ValidationError({"period": _("Unknown period: %(key)s.") % {"key": key}}) from None


# Monthly counts


def save_monthly_count(count: MonthlyCount, *, by) -> MonthlyCount:
    """Record (or correct) one organization's count of a month; the month is kept as its first day."""
    if not can(by, "change", count.organization):
        raise PermissionDenied(_("You may not record counts of this organization."))
    if count.pk:
        original = MonthlyCount.objects.get(pk=count.pk)
        if not can(by, "change", original.organization):
            raise PermissionDenied(_("You may not change this count."))
    if count.month:
        count.month = count.month.replace(day=1)
        if count.month > timezone.localdate():
            raise ValidationError({"month": _("A month that has not begun has no count yet.")})
    if count.measure and count.is_rate and count.denominator is None:
        raise ValidationError({"denominator": _("A rate needs its denominator.")})
    if count.measure and not count.is_rate:
        count.denominator = None
    count.full_clean(exclude=["created_by"])
    try:
        with transaction.atomic(), acting_as(by):
            count.created_by = count.created_by or by
            count.save()
    except IntegrityError:
        raise ValidationError(_("This organization already has this count for the month.")) from None
    return count


def delete_monthly_count(count: MonthlyCount, *, by) -> None:
    if not can(by, "change", count.organization):
        raise PermissionDenied(_("You may not delete this count."))
    with transaction.atomic(), acting_as(by):
        count.delete()


CODE, MONTH, MEASURE, NUMERATOR, DENOMINATOR = "Mã đơn vị", "Tháng", "Chỉ số", "Tử số", "Mẫu số"


@dataclass
class CountRow:
    number: int
    code: str
    count: MonthlyCount | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class CountReport(ImportReport):
    saved: int = 0


def _month(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    text = str(value or "").strip()
    for pattern in ("%m/%Y", "%d/%m/%Y", "%Y-%m"):
        try:
            return dt.datetime.strptime(text, pattern).date().replace(day=1)
        except ValueError:
            continue
    return None


def _number(value) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        number = Decimal(str(value).strip())
    except ArithmeticError:
        return -1
    return int(number) if number == number.to_integral_value() and number >= 0 else -1


def import_monthly_counts(upload, *, by) -> CountReport:
    """Monthly counts from a sheet (Mã đơn vị, Tháng mm/yyyy, Chỉ số, Tử số, Mẫu số): each row checked
    and reported; nothing is saved if a row is wrong; a row for a month already counted corrects it."""
    try:
        raw = read_rows(upload, required_headers=[CODE, MONTH, MEASURE, NUMERATOR])
    except XlsxError as exc:
        return CountReport(file_errors=[str(exc)])
    editable = {org.code.casefold(): org for org in Organization.objects.scoped(by, "change")}
    kinds = {}
    for value, label in MONTHLY_CHOICES:
        kinds[fold(value)] = kinds[fold(str(label))] = value
    report = CountReport()
    for number, values in raw:
        row = CountRow(number, str(values.get(CODE) or "").strip())
        organization = editable.get(row.code.casefold())
        month = _month(values.get(MONTH))
        kind = kinds.get(fold(str(values.get(MEASURE) or "").strip()))
        numerator, denominator = _number(values.get(NUMERATOR)), _number(values.get(DENOMINATOR))
        if organization is None:
            row.errors.append(_("No organization with this code within your reach."))
        if month is None:
            row.errors.append(_("Write the month as mm/yyyy."))
        if kind is None:
            row.errors.append(_("Unknown measure."))
        if numerator is None or numerator < 0 or (denominator is not None and denominator < 0):
            row.errors.append(_("Numbers are whole and not negative."))
        if not row.errors:
            count = (MonthlyCount.objects.filter(organization=organization, month=month, measure=kind).first()
                     or MonthlyCount(organization=organization, month=month, measure=kind))
            count.numerator, count.denominator = numerator, denominator
            row.count = count
            try:
                _check(count)
            except ValidationError as exc:
                row.errors.extend(exc.messages)
        report.rows.append(row)
    if not report.rows:
        report.file_errors.append(_("The file has no data rows."))
    if report.bad_rows or report.file_errors:
        return report
    with transaction.atomic(), acting_as(by, reason=ChangeReason.IMPORTED):
        for row in report.rows:
            save_monthly_count(row.count, by=by)
            report.saved += 1
    return report


def _check(count: MonthlyCount) -> None:
    if count.month > timezone.localdate():
        raise ValidationError(_("A month that has not begun has no count yet."))
    if count.is_rate and count.denominator is None:
        raise ValidationError(_("A rate needs its denominator."))
    if count.is_rate and count.numerator > count.denominator:
        raise ValidationError(_("The numerator cannot exceed the denominator."))
