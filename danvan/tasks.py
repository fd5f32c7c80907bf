"""Periodic housekeeping of the project's own tables (sessions, login attempts) and the worker's heartbeat."""

from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.core.management import call_command
from django.http import HttpRequest
from django.utils import timezone
from django_tasks import task

from core.scheduler import periodic
from danvan import health


@periodic("clear-expired-sessions", every=timedelta(days=1))
@task()
def clear_expired_sessions() -> None:
    call_command("clearsessions")


@periodic("clear-expired-login-attempts", every=timedelta(days=1))
@task()
def clear_expired_login_attempts() -> int:
    # django-axes cleans expired attempts only when someone logs in (or from its admin
    # action); its handler needs a request to read the attempt time from.
    request = HttpRequest()
    AxesProxyHandler.update_request(request)
    return AxesProxyHandler.get_implementation().clean_expired_user_attempts(request)


@periodic("worker-heartbeat", every=timedelta(minutes=1))
@task()
def heartbeat() -> str:
    """Finished only by a running worker: its time is the workers' last sign of life (/healthz)."""
    now = timezone.now()
    health.record_beat(now)
    return now.isoformat()
