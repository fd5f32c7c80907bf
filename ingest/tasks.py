"""Background work of plan imports, run by the task worker (`danvan db_worker`)."""

from datetime import timedelta

from django_tasks import task

from core.scheduler import periodic
from ingest import services


@task()
def read_plan_import(import_id: int) -> None:
    services.run_import(import_id)


@periodic("fail-lost-plan-imports", every=timedelta(minutes=10))
@task()
def fail_lost_plan_imports() -> int:
    """Nothing stays "Reading" forever: an import whose worker died is marked failed."""
    return services.fail_lost_imports()


@periodic("purge-old-plan-imports", every=timedelta(days=1))
@task()
def purge_old_plan_imports() -> int:
    """Failed and abandoned imports are deleted, row and file, after IMPORT_RETENTION_DAYS."""
    return services.purge_old_imports()
