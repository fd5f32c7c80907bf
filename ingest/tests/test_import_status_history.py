"""Every status an import goes through is in its history."""

from ingest import services
from ingest.models import ImportStatus
from ingest.tests.factories import PlanImportFactory


def test_reading_an_import_records_each_status(db, media):
    plan_import = PlanImportFactory(status=ImportStatus.QUEUED, text="", result=None)
    services.run_import(plan_import.pk)
    statuses = list(plan_import.history.order_by("history_id").values_list("status", flat=True))
    assert statuses == [ImportStatus.QUEUED, ImportStatus.RUNNING, ImportStatus.DONE]


def test_a_failed_reading_records_the_failure_and_its_reason(db, media):
    plan_import = PlanImportFactory(status=ImportStatus.QUEUED, file__data=b"   \n", text="", result=None)
    services.run_import(plan_import.pk)
    last = plan_import.history.latest("history_id")
    assert last.status == ImportStatus.FAILED and "rỗng" in last.error
