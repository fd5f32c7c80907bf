from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = _("Inspections and public indices")
    urls = "inspections.urls"
    menu = [
        MenuEntry("registers", _("Internal inspections"), "inspections:inspection_list", order=70, icon="search"),
        MenuEntry("registers", _("Public indices"), "inspections:score_list", order=71, icon="graph-up"),
    ]
    api_routes = [
        ("inspections", "inspections.api.InspectionViewSet", "inspection"),
        ("index-scores", "inspections.api.IndexScoreViewSet", "index-score"),
    ]

    def ready(self):
        from core import registry
        from emulation.holds import hold_sources
        from inspections import demo, holds, measures, report, selectors, services

        hold_sources.register("inspections.open_findings", holds.open_findings)
        registry.measures.register(measures.REMEDIES_ON_TIME_RATE, measures.remedies_on_time_rate)
        registry.measures.register(measures.VIOLATIONS_FOUND, measures.violations_found)
        registry.inbox.register("inspections.remedies_due", selectors.remedies_due)
        registry.deadlines.register("inspections.remedies", selectors.remedy_deadlines)
        registry.dashboard_panels.register("indices", selectors.indices_panel)
        registry.report_sections.register("inspections", report.section)
        registry.demo_loaders.register("inspections", demo.load)
        registry.merge_handlers.register("inspections.remedies", services.pass_remedies_to_successor)
