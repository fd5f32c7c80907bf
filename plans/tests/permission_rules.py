"""Rows of the permission walk (danvan/tests/permission_table.py) for plans.

Samples live in Sở Xây dựng: its issued 2024 plan (which its units and the province read too,
since superiors' issued plans are public to the organizations below) and a draft plan that
only the agency and the province see, and only the focal office edits.
"""

from __future__ import annotations

from danvan.tests.permission_table import CHANGES_SOMEWHERE, Rule, api, everyone, page
from plans.models import Assignment, Plan

# The issued 2024 plan of Sở Xây dựng: everyone in Tây Ninh's Sở Xây dựng subtree and the
# province reads it; Sở VHTTDL does not.
SEES_ISSUED = frozenset({"admin", "coordinator", "focal", "leader", "unit", "inspector", "viewer"})
# A draft of Sở Xây dựng: the agency's readers and the province, not its units.
SEES_DRAFT = frozenset({"admin", "coordinator", "focal", "leader", "inspector"})
EDITS_DRAFT = frozenset({"admin", "focal"})
# Issuing (the registry's number and date) is the registry office's: the focal office's right.
ISSUES = frozenset({"admin", "focal"})
# The sample assignment (lead: Phòng QLHĐXD) in the issued plan.
SEES_ASSIGNMENT = SEES_ISSUED

POST_ONLY = {**everyone(405), "anonymous": 302}


def acts(allowed, sees) -> dict[str, int]:
    """A POST that redirects for `allowed`, is forbidden (403) for those who only read, 404 for the rest."""
    return {**page(sees, ok=403), **{role: 302 for role in allowed}}


def _draft(orgs):
    plan, _ = Plan.objects.get_or_create(
        organization=orgs["TN.SXD"], year=2030, revision_of=None,
        defaults={"symbol": "KH-SXD", "place": "Tây Ninh", "title": "Dự thảo mẫu"},
    )
    if not plan.content_areas.exists():
        plan.content_areas.create(order=1, title="Nội dung mẫu")
        plan.targets.create(order=1, text="100% cán bộ", kind="staff_share", target_value=100)
        plan.assignments.create(order=1, lead_unit=orgs["TN.SXD.VP"], task="Nhiệm vụ mẫu")
    return plan


def _deletable(orgs):
    plan, _ = Plan.objects.get_or_create(
        organization=orgs["TN.SXD"], year=2033, revision_of=None,
        defaults={"symbol": "KH-SXD", "place": "Tây Ninh", "title": "Dự thảo sẽ xóa"},
    )
    return plan


def _approved(orgs):
    plan, _ = Plan.objects.get_or_create(
        organization=orgs["TN.SXD"], year=2034, revision_of=None,
        defaults={"symbol": "KH-SXD", "place": "Tây Ninh", "title": "Đã duyệt", "status": "approved"},
    )
    return plan


SAMPLES = {
    "deletable_plan": _deletable,
    "approved_plan": _approved,
    "plan": lambda orgs: Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None),
    "draft_plan": _draft,
    "draft_area": lambda orgs: _draft(orgs).content_areas.first(),
    "draft_target": lambda orgs: _draft(orgs).targets.first(),
    "draft_assignment": lambda orgs: _draft(orgs).assignments.first(),
    "target": lambda orgs: Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None).targets.first(),
    "assignment": lambda orgs: Assignment.objects.filter(
        plan__organization=orgs["TN.SXD"], plan__year=2024, lead_unit=orgs["TN.SXD.QLXD"]).first(),
}


def _draft_part(sample: str) -> Rule:
    # An empty form is refused (400) for editors; others are told the plan does not exist.
    return Rule(get=page(EDITS_DRAFT), post=page(EDITS_DRAFT, ok=400), kwargs={"part_pk": sample})


def _new_part() -> Rule:
    return Rule(get=page(EDITS_DRAFT), post=page(EDITS_DRAFT, ok=400), kwargs={"pk": "draft_plan"})


RULES = {
    "plans:plan_list": Rule(get=page()),
    "plans:plan_export": Rule(get=page()),
    # An empty form answers 400 with its errors.
    "plans:plan_create": Rule(
        get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, ok=400, denied=403)
    ),
    "plans:coverage": Rule(get=page()),
    "plans:coverage_export": Rule(get=page()),
    "plans:plan_detail": Rule(get=page(SEES_ISSUED), kwargs={"pk": "plan"}),
    "plans:plan_update": Rule(get=page(EDITS_DRAFT), post=page(EDITS_DRAFT, ok=400), kwargs={"pk": "draft_plan"}),
    # Transitions answer with a redirect to the plan (and a message saying what happened).
    "plans:plan_transition": Rule(get=POST_ONLY, post=page(SEES_DRAFT, ok=302), kwargs={"pk": "draft_plan"}),
    # The confirmation page, then the deletion (redirect to the list), for the draft's editors only.
    "plans:plan_delete": Rule(get=page(EDITS_DRAFT), post=page(EDITS_DRAFT, ok=302), kwargs={"pk": "deletable_plan"}),
    # The issue page (number and date, then confirm) for those who issue; an empty form answers 400.
    "plans:plan_issue": Rule(get=page(ISSUES), post=page(ISSUES, ok=400), kwargs={"pk": "approved_plan"}),
    "plans:plan_revise": Rule(get=POST_ONLY, post=acts(EDITS_DRAFT, SEES_ISSUED), kwargs={"pk": "plan"}),
    "plans:plan_cascade": Rule(get=POST_ONLY, post=page(SEES_ISSUED, ok=302), kwargs={"pk": "plan"}),
    "plans:plan_docx": Rule(get=page(SEES_ISSUED), kwargs={"pk": "plan"}),
    "plans:plan_history": Rule(get=page(SEES_ISSUED), kwargs={"pk": "plan"}),
    "plans:area_create": _new_part(),
    "plans:area_update": _draft_part("draft_area"),
    "plans:target_create": _new_part(),
    "plans:target_update": _draft_part("draft_target"),
    "plans:assignment_create": _new_part(),
    "plans:assignment_update": _draft_part("draft_assignment"),
    # Progress is recorded by the plan's editors and the lead unit.
    "plans:assignment_status": Rule(
        get=POST_ONLY, post=acts({"admin", "focal", "unit"}, SEES_ASSIGNMENT), kwargs={"pk": "assignment"}
    ),
    "plans:my_assignments": Rule(get=page()),
    "plans:assignment_export": Rule(get=page()),
    "plan-list": Rule(get=api(), post=api(ok=405)),
    "plan-detail": Rule(get=api(SEES_ISSUED), kwargs={"pk": "plan"}),
    "plan-docx": Rule(get=api(SEES_ISSUED), kwargs={"pk": "plan"}),
    "target-list": Rule(get=api(), post=api(ok=405)),
    "target-detail": Rule(get=api(SEES_ISSUED), kwargs={"pk": "target"}),
    "assignment-list": Rule(get=api(), post=api(ok=405)),
    "assignment-detail": Rule(get=api(SEES_ASSIGNMENT), kwargs={"pk": "assignment"}),
}


def _plan_markers(agency, marker):
    """A draft and an issued plan of `agency`, each with a target and an assignment carrying `marker`."""
    unit = agency.children.filter(kind="unit").first()
    for year, status in ((2031, "draft"), (2032, "issued")):
        plan = Plan.objects.create(organization=agency, year=year, symbol=marker, place=marker, title=marker,
                                   status=status, number=1 if status == "issued" else None)
        plan.targets.create(order=1, text=marker, kind="staff_share", target_value=100)
        plan.assignments.create(order=1, lead_unit=unit, task=marker)


LEAK_MARKERS = {"plan": _plan_markers}
