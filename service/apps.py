from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class ServiceConfig(AppConfig):
    name = "service"
    verbose_name = _("Service quality")
    urls = "service.urls"
    menu = [
        MenuEntry("registers", _("Dossier statistics"), "service:stat_list", order=40, icon="folder-check"),
        MenuEntry("registers", _("Apology and thank-you letters"), "service:letter_list", order=41,
                  icon="envelope-paper"),
        MenuEntry("registers", _("Satisfaction surveys"), "service:survey_list", order=42, icon="emoji-smile"),
        MenuEntry("registers", _("Service points"), "service:point_list", order=43, icon="qr-code"),
    ]
    api_routes = [
        ("dossier-stats", "service.api.DossierStatViewSet", "dossier-stat"),
        ("letters", "service.api.LetterViewSet", "letter"),
        ("surveys", "service.api.SurveyViewSet", "survey"),
        ("survey-responses", "service.api.SurveyResponseViewSet", "survey-response"),
    ]

    def ready(self):
        from core import registry
        from plans.models import Measure
        from service import demo, measures, panels, report, signals

        registry.measures.replace(Measure.DOSSIERS_ON_TIME_RATE, measures.dossiers_on_time_rate)
        registry.measures.replace(Measure.SATISFACTION_RATE, measures.satisfaction_rate)
        registry.measures.register(Measure.LATE_DOSSIERS_APOLOGY_RATE, measures.apology_letters_rate)
        registry.dashboard_panels.register("service-satisfaction", panels.satisfaction_panel)
        registry.report_sections.register("service", report.section)
        registry.demo_loaders.register("service", demo.load)
        signals.connect()
