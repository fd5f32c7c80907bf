from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Study sessions")
    urls = "training.urls"
    menu = [MenuEntry("registers", _("Study sessions"), "training:session_list", order=10, icon="mortarboard")]
    api_routes = [("study-sessions", "training.api.StudySessionViewSet", "study-session")]
