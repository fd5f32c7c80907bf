from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = _("Dashboards")
    urls = "dashboard.urls"
    menu = [MenuEntry("reports", _("Dashboard"), "dashboard:index", order=5, icon="speedometer2")]
