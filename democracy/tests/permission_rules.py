"""Rows of the permission walk for the democracy registers: records of Phòng QLHĐXD (the sample unit)."""

import datetime as dt

from danvan.tests.permission_table import CHANGES_SAMPLE, CHANGES_SOMEWHERE, SEES_SAMPLE, Rule, api, page
from democracy.models import (
    BoardActivity,
    Disclosure,
    FollowUpAction,
    InspectionBoard,
    Meeting,
)
from orgs.models import StaffMember

DAY = dt.date(2025, 3, 10)


def _disclosure(orgs):
    return Disclosure.objects.get_or_create(
        organization=orgs["TN.SXD.QLXD"], title="Công khai mẫu",
        defaults={"subject": "work_plan", "decision_date": DAY, "method": "notice_board", "posted_from": DAY,
                  "due_date": dt.date(2025, 3, 17)})[0]


def _meeting(orgs):
    return Meeting.objects.get_or_create(
        organization=orgs["TN.SXD.QLXD"], title="Hội nghị mẫu",
        defaults={"kind": "staff_conference", "work_year": 2024, "date": DAY, "roster_size": 10})[0]


def _action(orgs):
    return FollowUpAction.objects.get_or_create(
        meeting=_meeting(orgs), description="Việc mẫu",
        defaults={"owner_unit": orgs["TN.SXD.QLXD"], "due_date": dt.date(2025, 6, 30)})[0]


def _board(orgs):
    return InspectionBoard.objects.get_or_create(
        organization=orgs["TN.SXD.QLXD"], elected_on=DAY, defaults={"term_end": dt.date(2027, 3, 9)})[0]


def _activity(orgs):
    return BoardActivity.objects.get_or_create(
        board=_board(orgs), subject="Giám sát mẫu", defaults={"kind": "inspection", "date": DAY})[0]


def _members(samples) -> list[int]:
    staff = StaffMember.objects.filter(organization=samples["organization"]).active_on(DAY).order_by("pk")
    return list(staff.values_list("pk", flat=True)[:3])


SAMPLES = {"disclosure": _disclosure, "meeting": _meeting, "follow_up_action": _action, "inspection_board": _board,
           "board_activity": _activity}
PAYLOADS = {
    "new_disclosure_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "subject": "budget", "title": "Dự toán ngân sách",
        "decision_date": "2025-05-02", "method": "notice_board", "posted_from": "2025-05-05",
    },
    "new_dialogue_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "kind": "dialogue_businesses", "date": "2025-05-06",
        "title": "Đối thoại với doanh nghiệp",
    },
    "new_board_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "elected_on": "2025-03-10", "members": _members(samples),
    },
}


def _register(name: str, sample: str, *, delete: bool = True) -> dict[str, Rule]:
    rules = {
        f"democracy:{name}_list": Rule(get=page()),
        f"democracy:{name}_export": Rule(get=page()),
        f"democracy:{name}_create": Rule(
            get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
        f"democracy:{name}_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": sample}),
        f"democracy:{name}_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                         kwargs={"pk": sample}),
        f"democracy:{name}_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": sample}),
    }
    if delete:
        rules[f"democracy:{name}_delete"] = Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=302),
                                                 kwargs={"pk": sample})
    return rules


RULES = {
    **_register("disclosure", "disclosure"),
    **_register("meeting", "meeting"),
    **_register("board", "inspection_board", delete=False),
    "democracy:conference_check": Rule(get=page()),
    # A dashboard's panel: every signed-in user gets it, filled with what they see.
    "democracy:meeting_minutes": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "meeting"}),
    "democracy:meeting_resolution": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "meeting"}),
    "democracy:action_create": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                    kwargs={"meeting": "meeting"}),
    "democracy:action_list": Rule(get=page()),
    "democracy:action_export": Rule(get=page()),
    "democracy:action_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "follow_up_action"}),
    "democracy:action_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                    kwargs={"pk": "follow_up_action"}),
    "democracy:action_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "follow_up_action"}),
    "democracy:activity_create": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                      kwargs={"board": "inspection_board"}),
    "democracy:activity_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                      kwargs={"pk": "board_activity"}),
    "disclosure-list": Rule(get=api(), post=api(CHANGES_SAMPLE, ok=201, denied=403),
                            post_data="new_disclosure_in_sample_unit"),
    "disclosure-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "disclosure"}),
    "meeting-list": Rule(get=api(), post=api(CHANGES_SAMPLE, ok=201, denied=403),
                         post_data="new_dialogue_in_sample_unit"),
    "meeting-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "meeting"}),
    "inspection-board-list": Rule(get=api(), post=api(CHANGES_SAMPLE, ok=201, denied=403),
                                  post_data="new_board_in_sample_unit"),
    "inspection-board-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "inspection_board"}),
}
LEAK_MARKERS = {
    "disclosure": lambda org, marker: Disclosure.objects.create(
        organization=org, title=marker, subject="budget", decision_date=DAY, method="intranet", posted_from=DAY,
        due_date=DAY),
    "meeting": lambda org, marker: Meeting.objects.create(organization=org, title=marker, kind="dialogue_citizens",
                                                          date=DAY),
    "follow_up_action": lambda org, marker: FollowUpAction.objects.create(
        meeting=Meeting.objects.create(organization=org, title="Họp", kind="dialogue_citizens", date=DAY),
        description=marker, owner_unit=org, due_date=DAY),
    "inspection_board": lambda org, marker: InspectionBoard.objects.create(
        organization=org, elected_on=DAY, term_end=dt.date(2027, 3, 9), notes=marker),
}
