"""`danvan scheduler`: enqueue the periodic jobs the apps declare, when they are due."""

import time

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import close_old_connections
from django.utils import timezone
from django_tasks.exceptions import TaskResultDoesNotExist

from core import scheduler


class Command(BaseCommand):
    help = "Enqueue due periodic jobs every SCHEDULER_TICK_SECONDS (the task worker runs them)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")
        parser.add_argument("--list", action="store_true", help="List the jobs and their last run, then exit.")

    def handle(self, *args, once=False, list=False, **options):
        # The claims table is a database cache table: create it here, so no deploy step is needed.
        call_command("createcachetable", verbosity=0)
        scheduler.discover()
        if list:
            self.list_jobs()
            return
        tick = settings.SCHEDULER_TICK_SECONDS
        if not once:
            self.stdout.write(f"Scheduler: {len(scheduler.JOBS)} periodic jobs, a pass every {tick} s.")
        while True:
            for name in scheduler.run_due_jobs():
                self.stdout.write(f"Enqueued {name}")
            if once:
                return
            # Like the end of a request: drop a connection that is broken or past CONN_MAX_AGE.
            close_old_connections()
            time.sleep(tick)

    def list_jobs(self):
        now = timezone.now()
        for job in scheduler.JOBS.values():
            last = scheduler.last_run(job.name)
            next_due = timezone.localtime(job.next_due_time(now))
            if last is None:
                state = "never enqueued"
            else:
                state = (
                    f"last due {timezone.localtime(last.due):%d/%m/%Y %H:%M}, "
                    f"enqueued {timezone.localtime(last.enqueued_at):%d/%m/%Y %H:%M}, {self.status(job, last)}"
                )
            self.stdout.write(f"{job.name} ({job.describe()}): {state}; next due {next_due:%d/%m/%Y %H:%M}")

    def status(self, job, last):
        try:
            result = job.task.get_result(last.result_id)
        except (TaskResultDoesNotExist, NotImplementedError):
            return "result no longer kept"
        return result.status.label
