"""A content area added with its units charges each of its lead units with it; the others help, and
the units that are not the plan's own stay as written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import Plan, PlanStatus, Recurrence


@pytest.fixture
def draft(db, orgs, users):
    return services.create_plan(organization=orgs["TN.SXD"], year=2031, by=users["focal"], place="Tây Ninh",
                                title="Thực hiện công tác dân vận chính quyền năm 2031")


def test_each_lead_unit_is_charged_with_the_area_helped_by_the_others(draft, orgs, users):
    vp, ttr, cd = orgs["TN.SXD.VP"], orgs["TN.SXD.TTR"], orgs["TN.SXD.CD"]
    area = services.add_content_area(
        draft, title="Tiếp công dân", activities=["Duy trì lịch tiếp công dân.", " "], leads=[vp, ttr],
        supports=[cd, ttr], other_leads=["Sở Nội vụ"], other_units=["các phòng, đơn vị có liên quan", "Sở Nội vụ"],
        timing="hằng năm, trước ngày 15/11", due_date=dt.date(2031, 11, 15), recurrence=Recurrence.ANNUAL,
        order=2, first_assignment=5, by=users["focal"],
    )
    assert area.order == 2 and [a.text for a in area.activities.all()] == ["Duy trì lịch tiếp công dân."]
    assert area.description == ""
    charged = {a.lead_unit: a for a in area.assignments.all()}
    assert set(charged) == {vp, ttr}
    assert set(charged[vp].support_units.all()) == {ttr, cd} and set(charged[ttr].support_units.all()) == {vp, cd}
    for assignment in charged.values():
        assert assignment.task == "Tiếp công dân" and assignment.plan == draft
        assert assignment.other_units == "Sở Nội vụ; các phòng, đơn vị có liên quan"
        assert (assignment.timing, assignment.due_date, assignment.recurrence) == (
            "hằng năm, trước ngày 15/11", dt.date(2031, 11, 15), Recurrence.ANNUAL)
    assert sorted(a.order for a in charged.values()) == [5, 6]


def test_an_area_without_a_lead_of_the_plan_keeps_its_units_and_timing_as_text(draft, orgs, users):
    area = services.add_content_area(draft, title="Phối hợp với Mặt trận", other_leads=["Ủy ban MTTQ tỉnh"],
                                     supports=[orgs["TN.SXD.CD"]], other_units=["các phòng có liên quan"],
                                     timing="thường xuyên", by=users["focal"])
    assert not area.assignments.exists()
    leads, helpers, timing = area.description.splitlines()
    assert leads.endswith(": Ủy ban MTTQ tỉnh")
    assert helpers.endswith(": Công đoàn cơ sở Sở Xây dựng; các phòng có liên quan")
    assert timing.endswith(": thường xuyên")


def test_only_the_plans_own_units_can_lead_and_only_a_draft_takes_areas(draft, orgs, users):
    with pytest.raises(ValidationError):
        services.add_content_area(draft, title="X", leads=[orgs["TN.SNV.VP"]], by=users["focal"])
    assert not draft.content_areas.exists()
    Plan.objects.filter(pk=draft.pk).update(status=PlanStatus.SUBMITTED)
    with pytest.raises(ValidationError):
        services.add_content_area(draft, title="X", by=users["focal"])
