"""A month's figures, or a citizen's answers, make the stored figures of the targets they measure stale and
enqueue their refresh (indicators.signals); targets of other measures are left alone."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks import default_task_backend

from indicators import signals
from indicators.models import MeasuredTarget
from indicators.tasks import refresh_target
from plans.models import Measure, PlanStatus
from plans.tests.factories import PlanFactory, TargetFactory
from service.models import ServicePoint
from service.services import submit_response
from service.tests.factories import AgencyFactory, DossierStatFactory, OrganizationFactory, survey_with_questions

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue(settings):
    settings.TASKS = DUMMY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def enqueued(queue) -> set:
    return {result.args[0] for result in queue.results if result.task.name == refresh_target.name}


def test_figures_and_answers_mark_their_targets(queue, django_capture_on_commit_callbacks):
    year = timezone.localdate().year
    agency = AgencyFactory()
    unit = OrganizationFactory(parent=agency)
    plan = PlanFactory(organization=agency, year=year, status=PlanStatus.ISSUED)
    on_time = TargetFactory(plan=plan, measure=Measure.DOSSIERS_ON_TIME_RATE)
    satisfied = TargetFactory(plan=plan, measure=Measure.SATISFACTION_RATE)
    survey = survey_with_questions(agency.parent, year=year)
    point = ServicePoint.objects.create(organization=unit, name="Một cửa")
    signals._local.batch = None
    with django_capture_on_commit_callbacks(execute=True):
        DossierStatFactory(organization=unit, month=dt.date(year, 1, 1))
    assert enqueued(queue) == {on_time.pk}
    signals._local.batch = None
    with django_capture_on_commit_callbacks(execute=True):
        submit_response(point, {q.pk: 5 for q in survey.questions.all()})
    assert enqueued(queue) == {on_time.pk, satisfied.pk}
    assert MeasuredTarget.objects.get(target=satisfied).pending
