from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = _("Scoring and ranking")
    urls = "scoring.urls"
    menu = [
        MenuEntry("reports", _("Self-assessments"), "scoring:assessment_list", order=60, icon="clipboard-check"),
        MenuEntry("reports", _("Ranking"), "scoring:ranking_list", order=61, icon="trophy"),
        MenuEntry("reference", _("Criteria sets"), "scoring:set_list", order=60, icon="list-check"),
    ]
    api_routes = [
        ("criteria-sets", "scoring.api.CriteriaSetViewSet", "criteria-set"),
        ("assessments", "scoring.api.AssessmentViewSet", "assessment"),
        ("rankings", "scoring.api.RankingViewSet", "ranking"),
    ]

    def ready(self):
        from core import registry
        from scoring import demo, selectors

        registry.demo_loaders.register("scoring", demo.load)
        registry.inbox.register("scoring.to_review", selectors.to_review)
        registry.inbox.register("scoring.returned", selectors.returned_to_me)
        registry.deadlines.register("scoring.submission", selectors.submission_deadlines)
        registry.dashboard_panels.register("scoring", selectors.dashboard_panel)
