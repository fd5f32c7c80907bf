from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Emulation and commendation")
    urls = "emulation.urls"
    menu = [
        MenuEntry("registers", _("Good models and exemplary people"), "emulation:exemplar_list", order=60,
                  icon="award"),
        MenuEntry("registers", _("Commendations"), "emulation:commendation_list", order=61, icon="trophy"),
        MenuEntry("registers", _("Emulation movements"), "emulation:movement_list", order=62, icon="flag"),
    ]
    api_routes = [
        ("exemplars", "emulation.api.ExemplarViewSet", "exemplar"),
        ("commendations", "emulation.api.CommendationViewSet", "commendation"),
    ]

    def ready(self):
        from core import registry
        from emulation import demo, measures, report, selectors, services
        from plans.models import Measure

        registry.measures.replace(Measure.GOOD_MODELS_COUNT, measures.good_models_count)
        registry.measures.register(measures.COMMENDATIONS_COUNT, measures.commendations_count)
        registry.measures.register(measures.EXEMPLARS_COUNT, measures.exemplars_count)
        registry.inbox.register("emulation.nominations", selectors.nominations_waiting)
        registry.dashboard_panels.register("emulation", selectors.commendations_panel)
        registry.report_sections.register("emulation", report.section)
        registry.demo_loaders.register("emulation", demo.load)
        registry.merge_handlers.register("emulation.nominations", services.pass_nominations_to_successor)
