from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class CalendarsConfig(AppConfig):
    """Each user's deadlines (core.registry.deadlines_for) as an iCalendar feed at a secret address."""

    name = "calendars"
    verbose_name = _("Calendar feeds")
    urls = "calendars.urls"
    menu = [MenuEntry("reports", _("My calendar"), "calendars:calendar", order=90, icon="calendar-event")]
