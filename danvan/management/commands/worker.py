"""`danvan worker`: run background tasks from whichever queue the site uses.

The database queue (default) runs `db_worker`; with REDIS_URL, RQ's worker with the job class
django-tasks-rq needs. Extra arguments go to that worker (e.g. `danvan worker --batch`).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import task_backends


class Command(BaseCommand):
    help = "Run the background worker of the configured task queue (database or Redis)."

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="run the waiting tasks, then stop")
        parser.add_argument("--worker-class", help="RQ only: e.g. rq.worker.SimpleWorker (no fork per task)")

    def handle(self, *args, **options):
        backend = type(task_backends["default"]).__name__
        if backend == "RQBackend":
            rq_options = {"job_class": "django_tasks_rq.Job", "with_scheduler": True}
            if options["burst"]:
                rq_options["burst"] = True
            if options["worker_class"]:
                rq_options["worker_class"] = options["worker_class"]
            call_command("rqworker", "default", **rq_options)
        else:
            db_options = {"batch": True} if options["burst"] else {}
            call_command("db_worker", **db_options)
