"""Background work of plan imports, run by the task worker (`danvan db_worker`)."""

from django_tasks import task

from ingest import services


@task()
def read_plan_import(import_id: int) -> None:
    services.run_import(import_id)
