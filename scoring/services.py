"""The rules of scoring: criteria sets (import, export, freezing), assessments and their states, proposals
from the measures, review, finalization and the ranking.

The arithmetic (proposals, totals, bands) lives in scoring.rules as plain functions; here each service
checks who acts and in which state, and writes in one transaction with the history's actor set.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import yaml
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import registry
from core.access import scoped
from core.history import ChangeReason, acting_as
from core.locking import locked_save
from core.periods import Period, PeriodKind, next_working_day
from orgs.models import Organization
from orgs.scoping import can
from progress.sections import figure_text
from scoring import rules
from scoring.models import (
    Assessment,
    AssessmentState,
    CriteriaSet,
    Criterion,
    Evidence,
    ItemKind,
    Reviewer,
    Score,
)

State = AssessmentState

# The state machine: action -> (the states it leaves, the state it reaches, who acts). "agency": those who
# change the agency's data; "reviewer": the province's coordinator. Nothing else moves an assessment.
TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    "submit": (frozenset({State.DRAFT}), State.SUBMITTED, "agency"),
    "start_review": (frozenset({State.SUBMITTED}), State.UNDER_REVIEW, "reviewer"),
    "return": (frozenset({State.UNDER_REVIEW}), State.RETURNED, "reviewer"),
    "answer": (frozenset({State.RETURNED}), State.UNDER_REVIEW, "agency"),
    "finalize": (frozenset({State.UNDER_REVIEW}), State.FINALIZED, "reviewer"),
    "reopen": (frozenset({State.DRAFT, State.SUBMITTED}), State.DRAFT, "reviewer"),
}


# ---------------------------------------------------------------------------------------------- who acts


def is_reviewer(user, criteria_set: CriteriaSet) -> bool:
    """The province's coordinator (who changes the province's own node) reviews its agencies."""
    return can(user, "change", criteria_set.province)


def group_of(criterion: Criterion, by_pk: Mapping[int, Criterion] | None = None) -> Criterion:
    """The top-level criterion a criterion belongs to (the review team's "criterion group")."""
    while criterion.parent_id:
        criterion = by_pk[criterion.parent_id] if by_pk else criterion.parent
    return criterion


def reviews(user, score: Score, team: list[Reviewer] | None = None, by_pk=None) -> bool:
    """Whether `user` reviews this score: the coordinator while the set has no review team; once it has
    one, the members whose agency and criterion group cover it."""
    assessment = score.assessment
    if not is_reviewer(user, assessment.criteria_set):
        return False
    if team is None:
        team = list(assessment.criteria_set.reviewers.all())
    if not team:
        return True
    group = group_of(by_pk[score.criterion_id] if by_pk else score.criterion, by_pk)
    return any(member.user_id == user.pk and member.covers(assessment.agency_id, group.pk) for member in team)


def add_reviewer(criteria_set: CriteriaSet, user, *, agency: Organization | None = None,
                 criterion: Criterion | None = None, by) -> Reviewer:
    """The coordinator puts a member of the province's coordinating office on the review team, for one
    agency, one criterion group, both or all."""
    if not is_reviewer(by, criteria_set):
        raise PermissionDenied(_("Only the province's coordinator forms the review team."))
    if not is_reviewer(user, criteria_set):
        raise ValidationError({"user": _("A reviewer must hold the coordinator's role in the province.")})
    if agency is not None and not agency.path.startswith(criteria_set.province.path):
        raise ValidationError({"agency": _("Choose an agency of the province.")})
    if criterion is not None and (criterion.criteria_set_id != criteria_set.pk or criterion.parent_id):
        raise ValidationError({"criterion": _("Choose a top-level criterion of this set.")})
    if criteria_set.reviewers.filter(user=user, agency=agency, criterion=criterion).exists():
        raise ValidationError(_("This reviewer already has this part of the review."))
    with transaction.atomic(), acting_as(by):
        return Reviewer.objects.create(criteria_set=criteria_set, user=user, agency=agency, criterion=criterion)


def remove_reviewer(reviewer: Reviewer, *, by) -> None:
    if not is_reviewer(by, reviewer.criteria_set):
        raise PermissionDenied(_("Only the province's coordinator forms the review team."))
    with transaction.atomic(), acting_as(by):
        reviewer.delete()


def _check_actor(user, assessment: Assessment, actor: str) -> None:
    if actor == "reviewer":
        if not is_reviewer(user, assessment.criteria_set):
            raise PermissionDenied(_("Only the province's coordinator reviews assessments."))
    elif not can(user, "change", assessment.agency):
        raise PermissionDenied(_("You may not change this agency's assessment."))


def _check_open(assessment: Assessment) -> None:
    if assessment.state == State.FINALIZED:
        raise ValidationError(_("This assessment is finalized: nothing in it can change."))


# ------------------------------------------------------------------------------------------ criteria sets


def set_rules(criteria_set: CriteriaSet, items: Iterable[Criterion] | None = None) -> rules.SetRules:
    items = list(criteria_set.items.all()) if items is None else list(items)
    bands = [rules.Band(label=str(band["label"]), min_total=Decimal(str(band.get("min_total", 0))),
                        min_share_each=(Decimal(str(band["min_share_each"])) if band.get("min_share_each") is not None
                                        else None),
                        no_zero=bool(band.get("no_zero"))) for band in criteria_set.grades]
    top = {item.code: item.max_points for item in items if item.kind == ItemKind.CRITERION and not item.parent_id}
    return rules.SetRules(max_total=criteria_set.max_total, bands=bands, top_level=top,
                          bonus_may_exceed_max=criteria_set.bonus_may_exceed_max)


def _number(value, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError(_("%(where)s: “%(value)s” is not a number.") % {"where": where, "value": value}) from None


def _flatten(data: Mapping) -> list[dict]:
    """The items of a set in the example's shape, in order, each with its parent's code and its kind."""
    flat: list[dict] = []

    def walk(nodes, parent):
        for node in nodes or []:
            flat.append({**node, "kind": ItemKind.CRITERION, "parent": parent})
            walk(node.get("children"), node.get("code"))

    walk(data.get("criteria"), None)
    for key, kind in (("reserved", ItemKind.RESERVED), ("bonus", ItemKind.BONUS), ("penalty", ItemKind.PENALTY)):
        flat.extend({**node, "kind": kind, "parent": None} for node in data.get(key) or [])
    return flat


def _check_set(data: Mapping, flat: list[dict]) -> None:
    errors = []
    codes = [str(item.get("code") or "") for item in flat]
    for code in {code for code in codes if codes.count(code) > 1}:
        errors.append(_("The code %(code)s is used twice.") % {"code": code})
    if "" in codes or any(not item.get("title") for item in flat):
        errors.append(_("Every criterion needs a code and a title."))
    children: dict[str | None, Decimal] = {}
    for item in flat:
        if item["kind"] == ItemKind.CRITERION:
            children[item["parent"]] = children.get(item["parent"], Decimal(0)) + _number(item.get("max"), item["code"])
        errors.extend(f"{item['code']}: {problem}" for problem in rules.check_proposal(item.get("proposal")))
    for item in flat:
        if item["code"] in children and children[item["code"]] != _number(item.get("max"), item["code"]):
            errors.append(_("%(code)s: its children's maxima add up to %(sum)s, not %(max)s.") % {
                "code": item["code"], "sum": children[item["code"]], "max": item.get("max")})
    reserved = sum((_number(i.get("max"), i["code"]) for i in flat if i["kind"] == ItemKind.RESERVED), Decimal(0))
    top = children.get(None, Decimal(0))
    max_total = _number(data.get("max_total", 100), "max_total")
    if top + reserved != max_total:
        errors.append(_("The criteria (%(criteria)s) and the reserved points (%(reserved)s) add up to %(sum)s, "
                        "not the maximum total %(max)s.") % {"criteria": top, "reserved": reserved,
                                                             "sum": top + reserved, "max": max_total})
    if not data.get("grades"):
        errors.append(_("The set needs at least one grade band."))
    if errors:
        raise ValidationError(errors)


def import_set(data: Mapping, *, province: Organization, by, submission_due=None) -> CriteriaSet:
    """A criteria set from a mapping in the shape of criteria-example.yaml. The province's set of that
    year is replaced while no assessment uses it; once one does, the import makes a new version."""
    if not can(by, "change", province):
        raise PermissionDenied(_("Only the province's coordinator keeps its criteria sets."))
    try:
        year = int(data["year"])
    except (KeyError, TypeError, ValueError):
        raise ValidationError(_("The set needs a year.")) from None
    flat = _flatten(data)
    _check_set(data, flat)
    with transaction.atomic(), acting_as(by, reason=ChangeReason.IMPORTED):
        latest = CriteriaSet.objects.filter(province=province, year=year).order_by("-version").first()
        if latest and not latest.frozen_at:
            criteria_set = latest
            criteria_set.items.all().delete()
        else:
            criteria_set = CriteriaSet(province=province, year=year,
                                       version=latest.version + 1 if latest else 1)
        criteria_set.name = str(data.get("name") or _("Criteria set %(year)s") % {"year": year})
        criteria_set.max_total = _number(data.get("max_total", 100), "max_total")
        criteria_set.bonus_may_exceed_max = bool(data.get("bonus_may_exceed_max"))
        criteria_set.grades = [dict(band) for band in data["grades"]]
        criteria_set.red_lines = [dict(line) for line in data.get("red_lines") or []]
        if submission_due is not None:
            criteria_set.submission_due = submission_due
        criteria_set.save()
        by_code: dict[str, Criterion] = {}
        for order, item in enumerate(flat):
            by_code[item["code"]] = Criterion.objects.create(
                criteria_set=criteria_set, parent=by_code.get(item["parent"]), kind=item["kind"],
                code=str(item["code"]), title=str(item["title"]), max_points=_number(item.get("max"), item["code"]),
                guidance=str(item.get("guidance") or ""), evidence=str(item.get("evidence") or ""),
                measure=str(item.get("measure") or ""), proposal=item.get("proposal") or None, order=order)
    return criteria_set


def export_set(criteria_set: CriteriaSet) -> dict:
    """The set as a mapping in the shape of criteria-example.yaml (import_set reads it back)."""
    items = list(criteria_set.items.all())
    children: dict[int | None, list[Criterion]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)

    def node(item: Criterion) -> dict:
        out = {"code": item.code, "title": item.title, "max": _plain(item.max_points)}
        for key in ("guidance", "evidence", "measure"):
            if getattr(item, key):
                out[key] = getattr(item, key)
        if item.proposal:
            out["proposal"] = item.proposal
        if item.pk in children:
            out["children"] = [node(child) for child in children[item.pk]]
        return out

    top = children.get(None, [])
    return {
        "name": criteria_set.name, "province": criteria_set.province.name, "year": criteria_set.year,
        "max_total": _plain(criteria_set.max_total), "bonus_may_exceed_max": criteria_set.bonus_may_exceed_max,
        "reserved": [node(i) for i in top if i.kind == ItemKind.RESERVED],
        "grades": criteria_set.grades, "red_lines": criteria_set.red_lines,
        "criteria": [node(i) for i in top if i.kind == ItemKind.CRITERION],
        "bonus": [node(i) for i in top if i.kind == ItemKind.BONUS],
        "penalty": [node(i) for i in top if i.kind == ItemKind.PENALTY],
    }


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def set_from_yaml(text: str | bytes) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValidationError(_("The file is not valid YAML: %(error)s") % {"error": exc}) from None
    if not isinstance(data, dict):
        raise ValidationError(_("The file does not describe a criteria set."))
    return data


def set_to_yaml(criteria_set: CriteriaSet) -> str:
    return yaml.safe_dump(export_set(criteria_set), allow_unicode=True, sort_keys=False, width=120)


# The .xlsx shape: a sheet of settings (key, value as YAML) and a sheet of items, one row each.
XLSX_COLUMNS = ("kind", "code", "parent", "title", "max", "guidance", "evidence", "measure", "proposal")
XLSX_SETTINGS = ("name", "province", "year", "max_total", "bonus_may_exceed_max", "grades", "red_lines")


def set_to_xlsx(criteria_set: CriteriaSet) -> bytes:
    from openpyxl import Workbook

    data = export_set(criteria_set)
    book = Workbook()
    sheet = book.active
    sheet.title = "set"
    sheet.append(["key", "value"])
    for key in XLSX_SETTINGS:
        sheet.append([key, yaml.safe_dump(data[key], allow_unicode=True).strip()])
    items = book.create_sheet("items")
    items.append(list(XLSX_COLUMNS))
    parents = {i.pk: i.code for i in criteria_set.items.all()}
    for item in criteria_set.items.all():
        items.append([item.kind, item.code, parents.get(item.parent_id, ""), item.title, _plain(item.max_points),
                      item.guidance, item.evidence, item.measure,
                      yaml.safe_dump(item.proposal, default_flow_style=True).strip() if item.proposal else ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def set_from_xlsx(upload) -> dict:
    """The mapping import_set reads, from a workbook in set_to_xlsx's shape."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(upload, read_only=True, data_only=True)
        settings_rows = list(book["set"].iter_rows(min_row=2, values_only=True))
        item_rows = list(book["items"].iter_rows(min_row=2, values_only=True))
    except Exception:  # noqa: BLE001 - any unreadable workbook is one message to the user
        raise ValidationError(_("The file is not a criteria set workbook (sheets “set” and “items”).")) from None
    data: dict = {key: yaml.safe_load(str(value)) for key, value in ((r[0], r[1]) for r in settings_rows)
                  if key and value is not None}
    nodes: dict[str, dict] = {}
    for row in item_rows:
        values = dict(zip(XLSX_COLUMNS, row, strict=False))
        if not values.get("code"):
            continue
        node = {"code": str(values["code"]), "title": values.get("title") or "", "max": values.get("max")}
        for key in ("guidance", "evidence", "measure"):
            if values.get(key):
                node[key] = values[key]
        if values.get("proposal"):
            node["proposal"] = yaml.safe_load(str(values["proposal"]))
        nodes[node["code"]] = node
        kind = values.get("kind") or ItemKind.CRITERION
        parent = str(values.get("parent") or "")
        if kind == ItemKind.CRITERION and parent:
            nodes.setdefault(parent, {}).setdefault("children", []).append(node)
        else:
            key = {ItemKind.CRITERION: "criteria", ItemKind.RESERVED: "reserved", ItemKind.BONUS: "bonus",
                   ItemKind.PENALTY: "penalty"}.get(kind, "criteria")
            data.setdefault(key, []).append(node)
    return data


def update_set_settings(criteria_set: CriteriaSet, *, by, **changes) -> CriteriaSet:
    """Change a set's settings (bands, red lines, due date, …); a frozen set is copied into a new version."""
    if not can(by, "change", criteria_set.province):
        raise PermissionDenied(_("Only the province's coordinator keeps its criteria sets."))
    if criteria_set.frozen_at and set(changes) - {"submission_due"}:
        data = {**export_set(criteria_set), **changes}
        return import_set(data, province=criteria_set.province, by=by,
                          submission_due=criteria_set.submission_due)
    with transaction.atomic(), acting_as(by):
        for key, value in changes.items():
            setattr(criteria_set, key, value)
        criteria_set.save()
    return criteria_set


# ------------------------------------------------------------------------------------------- assessments


def leaves(criteria_set: CriteriaSet) -> list[Criterion]:
    """The items scored directly: criteria without children, the reserved points, bonus and penalty."""
    items = list(criteria_set.items.all())
    parents = {item.parent_id for item in items}
    return [item for item in items if item.pk not in parents]


def open_assessment(criteria_set: CriteriaSet, agency: Organization, *, by) -> Assessment:
    """The agency's assessment of the set's year, with a score row for each item scored; it freezes the set."""
    if not (can(by, "change", agency) or is_reviewer(by, criteria_set)):
        raise PermissionDenied(_("You may not open this agency's assessment."))
    if not agency.path.startswith(criteria_set.province.path):
        raise ValidationError(_("The agency is not in the set's province."))
    with transaction.atomic(), acting_as(by):
        assessment, created = Assessment.objects.get_or_create(
            agency=agency, year=criteria_set.year, defaults={"criteria_set": criteria_set})
        if created:
            Score.objects.bulk_create([Score(assessment=assessment, criterion=item) for item in leaves(criteria_set)])
            if not criteria_set.frozen_at:
                criteria_set.frozen_at = timezone.now()
                criteria_set.save(update_fields=["frozen_at"])
    return assessment


def _measured_value(figure) -> tuple[Decimal, str] | None:
    if figure.denominator is None:
        return Decimal(figure.numerator), str(figure.numerator)
    if not figure.denominator:
        return None
    share = Decimal(figure.numerator) * 100 / Decimal(figure.denominator)
    return share, figure_text(figure.numerator, figure.denominator)


def proposal_for(criterion: Criterion, agency: Organization, year: int):
    """(points, basis, records) proposed from the measure the criterion names, or None when no measure
    registered today covers it or the records give no figure."""
    measure = registry.measures.get(criterion.measure) if criterion.measure else None
    if measure is None:
        return None
    figure = measure([agency], Period(year, PeriodKind.YEAR, 1))
    measured = _measured_value(figure)
    if measured is None:
        return None
    value, basis = measured
    if figure.is_count and not criterion.proposal:
        # A count without a formula: something held earns the maximum.
        proposed = criterion.max_points if value > 0 else rules.ZERO
    else:
        proposed = rules.propose(criterion.proposal, criterion.max_points, value)
    return proposed, basis, figure.records


PROPOSED_EVIDENCE = 5  # records linked as evidence with a proposed score


def propose_scores(assessment: Assessment, *, by) -> int:
    """Propose the scores the measures cover, with the records they read as evidence; how many."""
    if not is_reviewer(by, assessment.criteria_set):
        _check_actor(by, assessment, "agency")
    _check_open(assessment)
    count = 0
    with transaction.atomic(), acting_as(by):
        for score in assessment.scores.select_related("criterion"):
            found = proposal_for(score.criterion, assessment.agency, assessment.year)
            if found is None:
                continue
            score.proposed_points, score.proposed_basis, records = found[0], found[1][:200], found[2]
            score.save()
            score.evidence.filter(proposed=True).delete()
            for record in list(records[:PROPOSED_EVIDENCE]) if records is not None else []:
                Evidence.objects.create(score=score, title=str(record)[:300], proposed=True,
                                        content_type=ContentType.objects.get_for_model(record), object_id=record.pk,
                                        url=_url_of(record))
            count += 1
    return count


def _url_of(record) -> str:
    try:
        return record.get_absolute_url()[:500]
    except Exception:  # noqa: BLE001 - a record without a page is linked by its type and id alone
        return ""


def _check_agency_edit(assessment: Assessment, by) -> None:
    _check_actor(by, assessment, "agency")
    _check_open(assessment)
    if assessment.state != State.DRAFT:
        raise ValidationError(_("Only a draft assessment's self-scores can change."))


def accept_proposals(assessment: Assessment, *, by) -> int:
    """Take every proposed score as the self-score where none was given; how many."""
    _check_agency_edit(assessment, by)
    with transaction.atomic(), acting_as(by):
        scores = list(assessment.scores.filter(proposed_points__isnull=False, self_points__isnull=True))
        for score in scores:
            score.self_points = score.proposed_points
            score.save()
    return len(scores)


def self_score(score: Score, points, *, explanation: str = "", by, version: str | None = None) -> Score:
    """The agency's score of one item: within its maximum; differing from a proposal needs an explanation."""
    assessment = score.assessment
    if score.criterion.kind == ItemKind.RESERVED:
        raise ValidationError(_("Points reserved for the superior are given by the reviewer."))
    _check_agency_edit(assessment, by)
    value = _within(score.criterion, points)
    explanation = (explanation or "").strip()
    if score.proposed_points is not None and value != score.proposed_points and not explanation:
        raise ValidationError({"explanation": _("A score other than the proposed %(points)s needs an explanation.")
                               % {"points": score.proposed_points}})

    def save():
        with acting_as(by):
            score.self_points, score.explanation = value, explanation
            score.save()
        return score

    return locked_save(score, version, save) if version is not None else _atomic(save)


def _atomic(save):
    with transaction.atomic():
        return save()


def _within(criterion: Criterion, points) -> Decimal:
    value = _number(points, criterion.code) if points not in (None, "") else None
    if value is None:
        raise ValidationError({"points": _("Give a score.")})
    if not rules.ZERO <= value <= criterion.max_points:
        raise ValidationError({"points": _("%(code)s is scored from 0 to %(max)s.") % {
            "code": criterion.code, "max": criterion.max_points}})
    return rules.points(value)


def add_evidence(score: Score, *, title: str, by, url: str = "", record=None) -> Evidence:
    """Evidence for a score: a record of any register (by type and id), or an address."""
    assessment = score.assessment
    _check_actor(by, assessment, "agency")
    _check_open(assessment)
    if assessment.state not in (State.DRAFT, State.RETURNED):
        raise ValidationError(_("Evidence is added while the assessment is a draft or returned for explanation."))
    if not (url or record):
        raise ValidationError(_("Evidence needs a record or an address."))
    with transaction.atomic(), acting_as(by):
        evidence = Evidence(score=score, title=title[:300], url=url or (_url_of(record) if record else ""),
                            added_by=by)
        if record is not None:
            evidence.content_type, evidence.object_id = ContentType.objects.get_for_model(record), record.pk
        evidence.full_clean(exclude=["added_by", "content_type", "score"])
        evidence.save()
    return evidence


def is_past_deadline(assessment: Assessment, today=None) -> bool:
    """Submission closes the day after the set's due date (moved to a working day); a reopening by the
    coordinator opens it until the day it names."""
    today = today or timezone.localdate()
    due = assessment.criteria_set.submission_due
    if due is None or today <= next_working_day(due):
        return False
    return not (assessment.reopened_until and today <= assessment.reopened_until)


def _lock(assessment: Assessment) -> None:
    """Lock the row and read it as stored (a second finalization or submission waits, then sees the first)."""
    list(Assessment.objects.select_for_update().filter(pk=assessment.pk).values_list("pk", flat=True))
    assessment.refresh_from_db()


def transition(assessment: Assessment, action: str, *, by, reason=None) -> Assessment:
    """Move the assessment by `action` of TRANSITIONS, or refuse: an action from a state it does not
    leave, or by someone it is not theirs to take."""
    if action not in TRANSITIONS:
        raise ValidationError(_("Unknown action."))
    sources, target, actor = TRANSITIONS[action]
    _check_actor(by, assessment, actor)
    if assessment.state not in sources:
        raise ValidationError(_("An assessment that is “%(state)s” cannot be moved this way.") % {
            "state": State(assessment.state).label})
    assessment.state = target
    assessment.save()
    return assessment


def submit(assessment: Assessment, *, by) -> Assessment:
    """The agency submits its self-assessment: every item it scores has a score, before the deadline."""
    with transaction.atomic(), acting_as(by, reason=ChangeReason.SUBMITTED):
        _lock(assessment)
        if is_past_deadline(assessment):
            raise ValidationError(_("The deadline for self-assessments has passed; ask the coordinator to reopen "
                                    "submission."))
        if assessment.state == State.DRAFT and not assessment.not_eligible:
            missing = [s.criterion.code for s in assessment.scores.select_related("criterion")
                       if s.self_points is None and s.criterion.kind == ItemKind.CRITERION]
            if missing:
                raise ValidationError(_("Score every criterion before submitting: %(codes)s.") % {
                    "codes": ", ".join(missing)})
        assessment.submitted_at = timezone.now()
        return transition(assessment, "submit", by=by)


def start_review(assessment: Assessment, *, by) -> Assessment:
    with transaction.atomic(), acting_as(by, reason=ChangeReason.STATUS_CHANGED):
        return transition(assessment, "start_review", by=by)


def reopen(assessment: Assessment, *, until, by) -> Assessment:
    """The coordinator reopens submission (after the deadline, or a submitted assessment back to draft)."""
    with transaction.atomic(), acting_as(by, reason=ChangeReason.STATUS_CHANGED):
        if assessment.state in TRANSITIONS["reopen"][0]:
            assessment.reopened_until = until
        return transition(assessment, "reopen", by=by)


def review_score(score: Score, points, *, reason: str = "", by, version: str | None = None) -> Score:
    """The reviewer's score of one item, with a reason wherever it differs from the self-score. With the
    version the reviewer's form was based on, a save over someone else's is refused (StaleVersionError)."""
    assessment = score.assessment
    _check_actor(by, assessment, "reviewer")
    if not reviews(by, score):
        raise PermissionDenied(_("Another member of the review team reviews this item."))
    _check_open(assessment)
    if assessment.state != State.UNDER_REVIEW:
        raise ValidationError(_("Scores are reviewed while the assessment is under review."))
    value = _within(score.criterion, points)
    reason = (reason or "").strip()
    if score.criterion.kind != ItemKind.RESERVED and value != score.self_points and not reason:
        raise ValidationError({"reason": _("Give the reason why the score differs from the self-score.")})

    def save():
        with acting_as(by):
            fresh = Score.objects.get(pk=score.pk)
            fresh.review_points, fresh.review_reason = value, reason
            fresh.save()
            score.review_points, score.review_reason = value, reason
        return score

    return locked_save(score, version, save) if version is not None else _atomic(save)


def return_for_explanation(assessment: Assessment, codes: Iterable[str], *, note: str = "", by) -> Assessment:
    """The reviewer returns the named items for the agency to explain; an item answered once is not
    returned again."""
    codes = set(codes)
    with transaction.atomic(), acting_as(by, reason=ChangeReason.RETURNED):
        scores = list(assessment.scores.filter(criterion__code__in=codes).select_related("criterion"))
        if not scores or len(scores) != len(codes):
            raise ValidationError(_("Name the criteria to explain."))
        answered = [s.criterion.code for s in scores if s.agency_answer]
        if answered:
            raise ValidationError(_("The agency has already answered %(codes)s.") % {"codes": ", ".join(answered)})
        transition(assessment, "return", by=by)
        for score in scores:
            score.returned = True
            score.save()
        assessment.return_note = note
        assessment.save()
    return assessment


def answer_returned(assessment: Assessment, answers: Mapping[str, str], *, by) -> Assessment:
    """The agency answers every returned item, once; the assessment goes back under review."""
    with transaction.atomic(), acting_as(by):
        _check_actor(by, assessment, "agency")
        returned = {s.criterion.code: s for s in assessment.scores.filter(returned=True).select_related("criterion")}
        missing = [code for code in returned if not (answers.get(code) or "").strip()]
        if assessment.state == State.RETURNED and missing:
            raise ValidationError(_("Answer every returned criterion: %(codes)s.") % {"codes": ", ".join(missing)})
        transition(assessment, "answer", by=by)
        for code, score in returned.items():
            score.agency_answer, score.returned = answers[code].strip(), False
            score.save()
    return assessment


def set_red_lines(assessment: Assessment, codes: Iterable[str], *, by) -> Assessment:
    _check_actor(by, assessment, "reviewer")
    _check_open(assessment)
    known = {str(line.get("code")) for line in assessment.criteria_set.red_lines}
    codes = sorted(set(codes))
    if set(codes) - known:
        raise ValidationError(_("Unknown red line: %(codes)s.") % {"codes": ", ".join(set(codes) - known)})
    with transaction.atomic(), acting_as(by):
        assessment.red_lines = codes
        assessment.save()
    return assessment


def mark_not_eligible(assessment: Assessment, *, reason: str, by) -> Assessment:
    _check_actor(by, assessment, "reviewer")
    _check_open(assessment)
    if not (reason or "").strip():
        raise ValidationError({"not_eligible_reason": _("Give the reason the agency is not eligible.")})
    with transaction.atomic(), acting_as(by):
        assessment.not_eligible, assessment.not_eligible_reason = True, reason.strip()
        assessment.save()
    return assessment


def scored_points(assessment: Assessment, *, final: bool = True) -> rules.Points:
    """The assessment's points as the rules read them (final: the reviewed scores over the self-scores)."""
    items = list(assessment.criteria_set.items.all())
    parents = {item.code: None for item in items if item.kind == ItemKind.CRITERION}
    by_pk = {item.pk: item for item in items}
    for item in items:
        if item.parent_id:
            parents[item.code] = by_pk[item.parent_id].code
    leaf_points: dict[str, Decimal] = {}
    extra = dict.fromkeys(ItemKind.values, rules.ZERO)
    for score in assessment.scores.all():
        item = by_pk[score.criterion_id]
        value = (score.final_points if final else score.self_points) or rules.ZERO
        value = rules.clamp(value, rules.ZERO, item.max_points)
        if item.kind == ItemKind.CRITERION:
            leaf_points[item.code] = value
        else:
            extra[item.kind] += value
    sums = rules.tree_sums(parents, leaf_points)
    top = {code: sums.get(code, rules.ZERO) for code, parent in parents.items() if parent is None}
    return rules.Points(criteria=top, reserved=extra[ItemKind.RESERVED], bonus=extra[ItemKind.BONUS],
                        penalty=extra[ItemKind.PENALTY], red_lines=list(assessment.red_lines))


def finalize(assessment: Assessment, *, by) -> Assessment:
    """Fix the total and the grade from the reviewed scores; from now on nothing in it changes."""
    with transaction.atomic(), acting_as(by, reason=ChangeReason.APPROVED):
        _lock(assessment)
        if assessment.state == State.UNDER_REVIEW and not assessment.not_eligible:
            unscored = [s.criterion.code for s in assessment.scores.select_related("criterion")
                        if s.criterion.kind == ItemKind.RESERVED and s.review_points is None]
            if unscored:
                raise ValidationError(_("Give the reserved points first: %(codes)s.") % {"codes": ", ".join(unscored)})
        if assessment.not_eligible:
            assessment.total, assessment.grade = None, ""
        else:
            set_rules_ = set_rules(assessment.criteria_set)
            scored = scored_points(assessment)
            assessment.total = rules.total(set_rules_, scored)
            assessment.grade = rules.grade(set_rules_, scored, assessment.total)
        assessment.finalized_at = timezone.now()
        return transition(assessment, "finalize", by=by)


# --------------------------------------------------------------------------------------------- ranking


@dataclass(frozen=True)
class RankRow:
    rank: int | None
    agency: Organization
    total: Decimal | None
    grade: str
    not_eligible: bool
    # year -> (total, grade) of the years before, where their ranking is visible.
    previous: dict = field(default_factory=dict)


def visible_rankings(user, years: Iterable[int]) -> dict[int, list[CriteriaSet]]:
    """The sets whose ranking `user` may read, by year: published ones in the user's province, and every
    one the user reviews (the coordinator sees the table before publishing it)."""
    sets: dict[int, list[CriteriaSet]] = {}
    for criteria_set in scoped(CriteriaSet, user).filter(year__in=list(years)).select_related("province"):
        if criteria_set.ranking_published_at or is_reviewer(user, criteria_set):
            sets.setdefault(criteria_set.year, []).append(criteria_set)
    return sets


def ranking(user, year: int, *, org_type: str = "", previous_years: int = 2) -> list[RankRow]:
    """The province's table of finalized assessments by final total, with the years before side by side.

    Read through the criteria sets `user` may see (the published rankings): only totals and grades,
    never the assessments' scores or evidence."""
    years = [year - n for n in range(previous_years + 1)]
    sets = visible_rankings(user, years)
    finalized = (Assessment.objects.filter(criteria_set__in=[s for found in sets.values() for s in found],
                                           state=State.FINALIZED).select_related("agency"))
    if org_type:
        finalized = finalized.filter(agency__org_type=org_type)
    by_year: dict[int, dict[int, Assessment]] = {}
    for assessment in finalized:
        by_year.setdefault(assessment.year, {})[assessment.agency_id] = assessment
    current = sorted(by_year.get(year, {}).values(),
                     key=lambda a: (a.not_eligible, -(a.total or 0), a.agency.path))
    rows, rank, last = [], 0, None
    for index, assessment in enumerate(current, 1):
        if not assessment.not_eligible and assessment.total != last:
            rank, last = index, assessment.total
        previous = {y: (found.total, found.grade) for y in years[1:]
                    if (found := by_year.get(y, {}).get(assessment.agency_id))}
        rows.append(RankRow(None if assessment.not_eligible else rank, assessment.agency, assessment.total,
                            assessment.grade, assessment.not_eligible, previous))
    return rows


DECISION_TYPE, DECISION_SYMBOL = "QĐ", "QĐ-UBND"


def publish_ranking(criteria_set: CriteriaSet, *, by, date=None) -> CriteriaSet:
    """The coordinator publishes the year's ranking once every assessment of the set is finalized; the
    chairman's decision announcing the grades takes the next number of the province's register."""
    from registry.services import register_document

    if not is_reviewer(by, criteria_set):
        raise PermissionDenied(_("Only the province's coordinator publishes the ranking."))
    if criteria_set.ranking_published_at:
        raise ValidationError(_("The ranking is already published."))
    if not criteria_set.assessments.exists() or criteria_set.assessments.exclude(state=State.FINALIZED).exists():
        raise ValidationError(_("Finalize every assessment before publishing the ranking."))
    with transaction.atomic(), acting_as(by, reason=ChangeReason.ISSUED):
        register_document(organization=criteria_set.province, record=criteria_set, type_code=DECISION_TYPE,
                          symbol=DECISION_SYMBOL, by=by, date=date,
                          title=decision_title(criteria_set))
        criteria_set.ranking_published_at = timezone.now()
        criteria_set.save()
    return criteria_set


def decision_title(criteria_set: CriteriaSet) -> str:
    return f"Về việc công bố kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {criteria_set.year}"
