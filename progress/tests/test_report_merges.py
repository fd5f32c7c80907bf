"""An organization merged mid-period (orgs.services.merge_organizations): its open assignments and
open reports pass to its successor through core.registry.merge_handlers, each recorded in its
history with the merge as the reason (the old organization and the new on either side of the change);
the merged one is not counted as missing, the successor is expected instead."""

import datetime as dt
import pathlib

import pytest

from core.history import ChangeReason
from core.registry import merge_handlers
from orgs.models import Role
from orgs.services import merge_organizations
from orgs.tests.factories import AgencyFactory, MembershipFactory, OrganizationFactory, ProvinceFactory, UserFactory
from plans.models import AssignmentStatus, PlanStatus
from plans.tests.factories import AssignmentFactory, PlanFactory
from progress import reporting
from progress.reporting_models import ReportLevel, ReportStatus

pytestmark = pytest.mark.django_db
MERGE_DAY = dt.date(2026, 4, 1)


@pytest.fixture
def world():
    province = ProvinceFactory()
    coordinator = UserFactory()
    MembershipFactory(user=coordinator, organization=province, role=Role.COORDINATOR)
    agency = AgencyFactory(parent=province)
    focal = UserFactory()
    MembershipFactory(user=focal, organization=agency, role=Role.FOCAL)
    plan = PlanFactory(organization=agency, year=2026, status=PlanStatus.ISSUED)
    source, successor, other = (OrganizationFactory(parent=agency, name=name)
                                for name in ("Phòng Cũ", "Phòng Mới", "Phòng Khác"))
    open_one = AssignmentFactory(plan=plan, lead_unit=source, task="Việc còn dở")
    done_one = AssignmentFactory(plan=plan, lead_unit=source, task="Việc đã xong", status=AssignmentStatus.DONE)
    supported = AssignmentFactory(plan=plan, lead_unit=other, task="Việc phối hợp")
    supported.support_units.add(source)
    last_year = AssignmentFactory(plan=PlanFactory(organization=agency, year=2025, status=PlanStatus.ISSUED),
                                  lead_unit=source, task="Việc năm trước")
    for unit in (successor, other):
        AssignmentFactory(plan=plan, lead_unit=unit)
    periods = reporting.ensure_default_periods(province, 2026, by=coordinator)
    half = next(p for p in periods if p.kind == "half" and p.level == ReportLevel.UNIT)
    return {"agency": agency, "focal": focal, "source": source, "successor": successor, "other": other,
            "open": open_one, "done": done_one, "supported": supported, "last_year": last_year, "period": half}


def _draft(world, org, text):
    report = reporting.start_report(world["period"], org, by=world["focal"])
    return reporting.edit_narrative(report, results=text, limits="", proposals="", by=world["focal"])


def _merge(world):
    merge_organizations([world["source"]], into=world["successor"], date=MERGE_DAY, by=world["focal"])


def test_both_apps_register_a_merge_handler():
    assert "plans.assignments" in merge_handlers and "progress.reports" in merge_handlers


def test_orgs_does_not_import_plans_or_progress():
    for path in pathlib.Path(__file__).resolve().parents[2].joinpath("orgs").glob("*.py"):
        text = path.read_text()
        assert "from plans" not in text and "from progress" not in text, path.name


def test_open_assignments_pass_to_the_successor_and_their_history_says_so(world):
    _merge(world)
    for name in ("open", "done", "supported", "last_year"):
        world[name].refresh_from_db()
    assert world["open"].lead_unit == world["successor"]
    assert world["done"].lead_unit == world["source"]  # done: it stays where it was done
    assert world["last_year"].lead_unit == world["source"]  # last year's plan reads under the old name
    assert set(world["supported"].support_units.all()) == {world["successor"]}
    records = list(world["open"].history.order_by("history_id"))
    assert records[-1].history_change_reason == ChangeReason.MERGED
    assert (records[0].lead_unit_id, records[-1].lead_unit_id) == (world["source"].pk, world["successor"].pk)


def test_an_open_report_passes_to_the_successor_recorded_in_its_history(world):
    report = _draft(world, world["source"], "Kết quả của Phòng Cũ")
    _merge(world)
    report.refresh_from_db()
    assert report.organization == world["successor"] and report.receiver == world["agency"]
    records = list(report.history.order_by("history_id"))
    assert records[-1].history_change_reason == ChangeReason.MERGED
    assert (records[0].organization_id, records[-1].organization_id) == (world["source"].pk, world["successor"].pk)
    # The successor reports with it: submitting it counts for the successor.
    reporting.take_step(report, "submit", by=world["focal"])
    _rows, total = reporting.completeness(world["period"])
    assert world["successor"] not in total.missing


def test_when_the_successor_has_its_own_report_the_narrative_is_added_to_it(world):
    theirs = _draft(world, world["source"], "Kết quả của Phòng Cũ")
    own = _draft(world, world["successor"], "Kết quả của Phòng Mới")
    _merge(world)
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert own.results.startswith("Kết quả của Phòng Mới")
    assert "Phòng Cũ" in own.results and "Kết quả của Phòng Cũ" in own.results
    assert own.history.order_by("-history_id").first().history_change_reason == ChangeReason.MERGED
    assert theirs.organization == world["source"]  # kept, readable, with the source


def test_a_report_already_sent_stays_with_the_source(world):
    report = _draft(world, world["source"], "Đã gửi trước khi hợp nhất")
    reporting.take_step(report, "submit", by=world["focal"])
    _merge(world)
    report.refresh_from_db()
    assert report.organization == world["source"] and report.status == ReportStatus.SUBMITTED


def test_the_merged_one_is_not_counted_missing_and_the_successor_is_expected(world):
    before = {org.pk for org in reporting.expected_organizations(world["period"])}
    assert world["source"].pk in before
    _merge(world)
    expected = {org.pk for org in reporting.expected_organizations(world["period"])}
    assert world["source"].pk not in expected
    assert {world["successor"].pk, world["other"].pk} <= expected
    rows, total = reporting.completeness(world["period"])
    assert world["source"] not in total.missing
    assert world["source"] not in [org for row in rows for org in row.missing]


def test_a_merge_that_fails_hands_nothing(world):
    report = _draft(world, world["source"], "Kết quả")
    with pytest.raises(Exception):  # noqa: B017, PT011 - the merge refuses an organization merged into itself
        merge_organizations([world["source"], world["successor"]], into=world["successor"], date=MERGE_DAY,
                            by=world["focal"])
    report.refresh_from_db()
    world["open"].refresh_from_db()
    assert report.organization == world["source"] and world["open"].lead_unit == world["source"]
