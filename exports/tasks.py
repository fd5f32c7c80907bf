"""The worker's side of exports: write a requested sheet; purge old ones."""

from datetime import timedelta

from django_tasks import task

from core.scheduler import periodic
from exports import services


@task()
def run_export_job(job_id: int) -> int:
    return services.run_export(job_id).rows_done


@periodic("purge-expired-exports", every=timedelta(hours=1))
@task()
def purge_expired_exports() -> int:
    return services.purge_expired()
