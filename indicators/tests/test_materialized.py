"""Materialized figures: the worker's refresh stores what the measures compute, a change of the records they
read makes them stale and enqueues one refresh per target, stale or absent figures are computed on demand,
and the pages read them in a fixed number of queries and say when they were computed."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from core import registry
from indicators import services, signals
from indicators.models import MeasuredTarget, MeasuredValue
from indicators.tasks import refresh_target
from indicators.tests.factories import (
    AgencyFactory,
    MonthlyCountFactory,
    OrganizationFactory,
    StaffMemberFactory,
    session,
)
from legal.models import LegalDocument
from plans.models import AssignmentStatus, Plan, PlanStatus
from plans.tests.factories import AssignmentFactory, PlanFactory, TargetFactory
from progress.models import ProgressUpdate

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue(settings):
    """The test task backend: what was enqueued, nothing run."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def enqueued(queue, task=refresh_target) -> list:
    return sorted(result.args[0] for result in queue.results if result.task.name == task.name)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block whose changes are marked as at its commit. The test's transaction never commits, and the changes
    made before (the fixtures) wait in its batch: the block starts a batch of its own."""

    def block():
        signals._local.batch = None
        return django_capture_on_commit_callbacks(execute=True)

    return block


@pytest.fixture
def tree(db):
    """An agency with two units, its staff (a joiner and a leaver), study sessions, plans, assignments with
    progress and monthly counts across 2025: the data of test_measures.py, one target of each kind."""
    agency = AgencyFactory()
    units = [OrganizationFactory(parent=agency, name=f"Phòng {n}") for n in (1, 2)]
    directive = LegalDocument.objects.create(number="97/CT-TEST", kind="directive", title="Chỉ thị thử")
    plan = PlanFactory(organization=agency, year=2025, status=PlanStatus.ISSUED)
    plan.basis_documents.set([directive])
    people = [StaffMemberFactory(organization=units[n % 2]) for n in range(6)]
    StaffMemberFactory(organization=units[0], active_from=dt.date(2025, 6, 1))
    StaffMemberFactory(organization=units[1], active_to=dt.date(2025, 10, 31))
    session(units[0], dt.date(2025, 3, 10), people[:3], [directive])
    session(units[1], dt.date(2025, 8, 2), people[3:5], [directive])
    session(agency, dt.date(2025, 11, 2), people[5:], [])
    PlanFactory(organization=units[0], year=2025, status=PlanStatus.ISSUED)
    first, second, third = (AssignmentFactory(plan=plan, lead_unit=unit) for unit in (units[0], units[0], units[1]))
    ProgressUpdate.objects.create(assignment=first, date=dt.date(2025, 2, 1), text="Xong", percent=100,
                                  status=AssignmentStatus.DONE)
    ProgressUpdate.objects.create(assignment=second, date=dt.date(2025, 9, 1), text="Xong", percent=100,
                                  status=AssignmentStatus.DONE)
    for month in (1, 4, 7, 10):
        MonthlyCountFactory(organization=units[month % 2], month=dt.date(2025, month, 1), numerator=month,
                            denominator=12)
        MonthlyCountFactory(organization=units[0], month=dt.date(2025, month, 1), measure="good_models_count",
                            numerator=month, denominator=None)
    kinds = {"staff_study_rate": "staff_share", "units_plan_rate": "unit_share",
             "agency_plan_issued_on_time": "unit_share", "study_sessions_held": "count",
             "assignments_done_rate": "unit_share", "dossiers_on_time_rate": "register_rate",
             "good_models_count": "count"}
    for order, (measure, kind) in enumerate(kinds.items(), 1):
        TargetFactory(plan=plan, order=order, measure=measure, kind=kind, target_value=50)
    return agency, units, plan


def _targets(plan):
    return list(Plan.objects.get(pk=plan.pk).targets.select_related("plan__organization")
                .prefetch_related("documents", "plan__basis_documents"))


def _numbers(reading):
    return reading.numerator, reading.denominator, reading.value, reading.status


def test_the_refresh_stores_what_the_measures_compute_for_every_organization_and_period(tree):
    agency, units, plan = tree
    targets = _targets(plan)
    for target in targets:
        services.refresh(target)
    for target in targets:
        for period in services.periods_of(2025):
            for organization in (agency, *units):
                stored = services.read(target, organization, period)
                live = services.read(target, organization, period, materialized=False)
                assert stored.computed_at is not None and live.computed_at is None
                assert _numbers(stored) == _numbers(live), (target.measure, period.key, organization)
                assert stored.figure.is_count == live.figure.is_count
                assert stored.figure.by_path == live.figure.by_path
    study = next(t for t in targets if t.measure == "staff_study_rate")
    assert services.read(study, agency, services.periods_of(2025)[0]).numerator == 5  # the data is not empty
    # The records behind a stored value are the measure's own, listed without computing it again.
    stored = services.read(study, units[0], services.periods_of(2025)[0])
    assert list(stored.figure.records) == list(services.read(study, units[0], materialized=False).figure.records)


def test_a_refresh_replaces_what_was_stored(tree):
    agency, units, plan = tree
    target = next(t for t in _targets(plan) if t.measure == "dossiers_on_time_rate")
    services.refresh(target)
    before = MeasuredValue.objects.filter(target=target).count()
    MonthlyCountFactory(organization=units[1], month=dt.date(2025, 12, 1), numerator=12, denominator=12)
    services.refresh(target)
    assert MeasuredValue.objects.filter(target=target).count() == before + 1  # Phòng 2 counted in Q4 now
    assert services.read(target, agency).numerator == 1 + 4 + 7 + 10 + 12


def test_a_change_of_records_makes_the_figures_stale_and_enqueues_one_refresh_per_target(
        tree, queue, committed):
    agency, units, plan = tree
    targets = {t.measure: t for t in _targets(plan)}
    for target in targets.values():
        services.refresh(target)
    study, held = targets["staff_study_rate"], targets["study_sessions_held"]
    assert services.read(study, agency).computed_at is not None

    newcomer = StaffMemberFactory.build(organization=units[1])
    with committed():
        newcomer.save()
        session(units[1], dt.date(2025, 12, 1), [newcomer], plan.basis_documents.all())
    # A burst in one transaction: one refresh of each study target, none of the others.
    assert enqueued(queue) == sorted([study.pk, held.pk])
    stale = services.read(study, agency)
    assert stale.computed_at is None and stale.numerator == 6  # computed on demand, the change counted

    with committed():
        StaffMemberFactory(organization=units[0])
    assert enqueued(queue) == sorted([study.pk, held.pk])  # a refresh already waits: nothing more

    refresh_target.call(study.pk)
    fresh = services.read(study, agency)
    assert fresh.computed_at is not None and (fresh.numerator, fresh.denominator) == (6, 9)
    with committed():
        ProgressUpdate.objects.create(assignment=plan.assignments.get(lead_unit=units[1]), date=dt.date(2025, 12, 1),
                                      text="Xong", percent=100, status=AssignmentStatus.DONE)
    assert targets["assignments_done_rate"].pk in enqueued(queue)
    assert study.pk in {state.target_id for state in MeasuredTarget.objects.filter(pending=False)}


@pytest.mark.parametrize("change", ["count", "plan", "organization", "target"])
def test_each_register_a_measure_reads_marks_its_targets(tree, queue, committed, change):
    agency, units, plan = tree
    targets = {t.measure: t for t in _targets(plan)}
    with committed():
        if change == "count":
            MonthlyCountFactory(organization=units[1], month=dt.date(2025, 5, 1), measure="good_models_count",
                                denominator=None)
            expected = {targets["good_models_count"].pk}
        elif change == "plan":
            PlanFactory(organization=units[1], year=2025, status=PlanStatus.ISSUED)
            expected = {targets[m].pk for m in ("units_plan_rate", "agency_plan_issued_on_time",
                                                "assignments_done_rate")}
        elif change == "organization":
            OrganizationFactory(parent=units[1], name="Tổ mới")
            expected = {t.pk for t in targets.values()}
        else:
            target = targets["dossiers_on_time_rate"]
            target.target_value = 80
            target.save()
            expected = {target.pk}
    assert set(enqueued(queue)) == expected


def test_a_count_of_another_year_or_another_tree_marks_nothing(tree, queue, committed):
    agency, units, plan = tree
    with committed():
        MonthlyCountFactory(organization=units[1], month=dt.date(2024, 5, 1))
        MonthlyCountFactory(organization=AgencyFactory(), month=dt.date(2025, 5, 1))
    assert enqueued(queue) == []


def test_stale_old_or_absent_figures_are_computed_on_demand(tree, settings):
    agency, units, plan = tree
    target = next(t for t in _targets(plan) if t.measure == "dossiers_on_time_rate")
    assert services.read(target, agency).computed_at is None  # never refreshed
    services.refresh(target)
    assert services.read(target, agency).computed_at is not None
    # Older than MEASURES_MAX_AGE (a change the signals could not see may lie behind it).
    MeasuredTarget.objects.filter(target=target).update(computed_at=timezone.now() - settings.MEASURES_MAX_AGE
                                                        - dt.timedelta(minutes=1))
    assert services.read(target, agency).computed_at is None
    services.refresh(target)
    MeasuredTarget.objects.filter(target=target).update(changed_at=timezone.now())
    reading = services.read(target, agency)
    assert reading.computed_at is None and reading.numerator == 1 + 4 + 7 + 10
    # A period the refresh does not cover, or an organization outside the plan's tree: computed.
    other_year = services.Period(2024, services.PeriodKind.YEAR)
    services.refresh(target)
    assert services.read(target, agency, other_year).computed_at is None


def test_the_nightly_refresh_covers_recent_plans(tree):
    from core import scheduler
    from indicators.tasks import refresh_all_targets

    agency, units, plan = tree
    assert services.refresh_all(since_year=2025) >= len(_targets(plan))
    assert all(services.read(t, agency).computed_at for t in _targets(plan))
    scheduler.discover()
    assert scheduler.JOBS["refresh-measures"].task is refresh_all_targets


# The pages


@pytest.fixture
def demo_plan(orgs):
    return Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)


def _refresh(plan):
    for target in _targets(plan):
        services.refresh(target)


def test_the_pages_and_the_api_say_when_the_figures_were_computed(client_for, demo_plan, orgs):
    client = client_for("leader")
    targets_url = reverse("indicators:plan_targets", args=[demo_plan.pk])
    study = demo_plan.targets.get(measure="staff_study_rate")
    target_url = reverse("indicators:target_detail", args=[study.pk])
    assert 'id="computed-at"' not in client.get(targets_url).content.decode()  # computed on demand
    live = client.get(target_url).context
    _refresh(demo_plan)
    computed = timezone.localtime(MeasuredTarget.objects.get(target=study).computed_at)
    page = client.get(targets_url).content.decode()
    assert 'id="computed-at"' in page and computed.strftime("%H:%M %d/%m/%Y") in page
    response = client.get(target_url)
    assert computed.strftime("%H:%M %d/%m/%Y") in response.content.decode()
    # The same numbers, drill-down and records as computed on demand.
    assert [_numbers(r) for r in response.context["rows"]] == [_numbers(r) for r in live["rows"]]
    assert response.context["records"] == live["records"]
    answer = client_for("focal").get(reverse("measure-list"), {"plan": demo_plan.pk}).json()
    assert {row["computed_at"] is not None for row in answer if registry.measures.get(row["measure"])} == {True}


def test_the_pages_read_materialized_figures_in_a_fixed_number_of_queries(
        client_for, demo_plan, orgs, django_assert_num_queries):
    client = client_for("leader")
    targets_url = reverse("indicators:plan_targets", args=[demo_plan.pk])
    study = demo_plan.targets.get(measure="staff_study_rate")
    target_url = reverse("indicators:target_detail", args=[study.pk])
    api_url = reverse("measure-list")
    for n in range(15):
        unit = orgs["TN.SXD"].children.create(code=f"TN.SXD.M{n}", name=f"Phòng đo {n}", kind="unit")
        people = [StaffMemberFactory(organization=unit) for _ in range(3)]
        session(unit, dt.date(2024, 5, 1), people, list(demo_plan.basis_documents.all()))
        MonthlyCountFactory(organization=unit, month=dt.date(2024, 5, 1))
    _refresh(demo_plan)
    client.get(targets_url)
    # Pinned, however many targets, units and records: the session, the user with their memberships (2), the
    # plan and its organization (2), the targets and their documents (3), the materialized states and values
    # (2), the organizations within reach (1); the target's page adds the drill-down's children, the
    # breadcrumb and its records (count and first page), without the measure's aggregation.
    with django_assert_num_queries(10):
        assert client.get(targets_url).context["computed_at"] is not None
    with django_assert_num_queries(13):
        assert client.get(target_url).context["computed_at"] is not None
    with django_assert_num_queries(10):
        assert client.get(api_url, {"plan": demo_plan.pk}).status_code == 200
