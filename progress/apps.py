from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = _("Progress")
    urls = "progress.urls"
    api_routes = [
        ("progress-updates", "progress.api.ProgressUpdateViewSet", "progress-update"),
        ("evidence", "progress.api.EvidenceViewSet", "evidence"),
    ]
