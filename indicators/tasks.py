"""The worker's side of the materialized figures: one target refreshed when the records it reads change
(enqueued by indicators.signals), and every measured target of recent plans each night as a safety net."""

from django_tasks import task

from core.scheduler import periodic
from indicators import services
from plans.models import Target


@task()
def refresh_target(target_id: int) -> int:
    target = (Target.objects.select_related("plan__organization")
              .prefetch_related("documents", "plan__basis_documents").filter(pk=target_id).first())
    if target is None:
        return 0  # deleted meanwhile: its values went with it
    return services.refresh(target)


@periodic("refresh-measures", every="30 1 * * *")
@task()
def refresh_all_targets() -> int:
    return services.refresh_all()
