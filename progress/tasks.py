"""Periodic jobs of reporting: the daily digest, at 06:00 local time."""

from django_tasks import task

from core.scheduler import periodic
from progress.digest import send_digests


@periodic("send-digests", every="0 6 * * *")
@task()
def send_daily_digests() -> int:
    return send_digests()
