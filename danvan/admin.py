"""The task queue in the admin: waiting, running, failed tasks, with their errors."""

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskQueueAdmin(DBTaskResultAdmin):
    list_display = ("id", "task_name", "status", "enqueued_at", "started_at", "finished_at", "error", "queue_name")
    list_filter = ("status", "queue_name", "task_path")
    search_fields = ("task_path", "exception_class_path")

    @admin.display(description="error")
    def error(self, obj) -> str:
        return obj.exception_class_path or ""
