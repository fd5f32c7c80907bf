from datetime import timedelta

from django_tasks import task

from core.scheduler import periodic


@periodic("erase-petitioners-personal-data", every=timedelta(days=1))
@task()
def erase_petitioners_personal_data() -> int:
    """Personal data of petitions closed longer ago than PETITION_RETENTION_DAYS, erased; the record stays."""
    from citizens.services import erase_personal_data

    return erase_personal_data()
