"""An import whose worker died while reading is found by the scheduler and marked failed:
nothing stays "Reading" forever."""

import datetime as dt

from django.utils import timezone

from core.scheduler import JOBS, discover
from ingest import services
from ingest.models import ImportStatus
from ingest.tests.factories import PlanImportFactory


def test_a_reading_older_than_the_limits_allow_is_marked_failed(db, media, settings):
    settings.PARSE_WALL_SECONDS = 600
    now = timezone.now()
    lost = PlanImportFactory(status=ImportStatus.RUNNING, started_at=now - dt.timedelta(hours=1))
    reading = PlanImportFactory(status=ImportStatus.RUNNING, started_at=now - dt.timedelta(minutes=2))
    assert services.fail_lost_imports(now) == 1
    lost.refresh_from_db()
    reading.refresh_from_db()
    assert lost.status == ImportStatus.FAILED
    assert "dừng giữa chừng" in lost.error and "nhập lại" in lost.error
    assert reading.status == ImportStatus.RUNNING


def test_the_scheduler_runs_the_lost_import_check():
    discover()
    job = JOBS["fail-lost-plan-imports"]
    assert job.task.module_path == "ingest.tasks.fail_lost_plan_imports"
    assert job.schedule <= dt.timedelta(minutes=10)
