from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class CitizensConfig(AppConfig):
    name = "citizens"
    verbose_name = _("Citizen reception and petitions")
    urls = "citizens.urls"
    menu = [
        MenuEntry("registers", _("Citizen receptions"), "citizens:reception_list", order=20, icon="people"),
        MenuEntry("registers", _("Petitions"), "citizens:petition_list", order=21, icon="envelope-paper"),
        MenuEntry("reference", _("Personal data readings"), "citizens:reading_list", order=90, icon="eye",
                  requires="audit_personal_data"),
    ]
    api_routes = [
        ("receptions", "citizens.api.ReceptionViewSet", "reception"),
        ("petitions", "citizens.api.PetitionViewSet", "petition"),
    ]

    def ready(self):
        from citizens import holds, measures, report, selectors
        from core import registry
        from plans.models import Measure

        registry.inbox.register("citizens.petitions_due", selectors.petitions_inbox)
        registry.inbox.register("citizens.notices_to_number", selectors.notices_to_number)
        registry.deadlines.register("citizens.petitions", selectors.petition_deadlines)
        registry.measures.replace(Measure.PETITIONS_ON_TIME_RATE, measures.petitions_on_time_rate)
        registry.measures.replace(Measure.RECEPTION_DAYS_RATE, measures.reception_days_rate)
        registry.measures.register(Measure.PETITIONS_BACKLOG, measures.petitions_backlog)
        if apps.is_installed("emulation"):
            from emulation.holds import hold_sources

            hold_sources.register("citizens.open_petitions", holds.open_petitions_against)
        registry.dashboard_panels.register("citizens", selectors.dashboard_panel)
        registry.report_sections.register("citizens", report.section)
        registry.demo_loaders.register("citizens", lambda: __import__("citizens.demo").demo.load())
