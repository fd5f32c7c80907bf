from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class DemocracyConfig(AppConfig):
    name = "democracy"
    verbose_name = _("Grassroots democracy")
    urls = "democracy.urls"
    menu = [
        MenuEntry("registers", _("Disclosures"), "democracy:disclosure_list", order=30, icon="megaphone"),
        MenuEntry("registers", _("Conferences and dialogues"), "democracy:meeting_list", order=31, icon="people"),
        MenuEntry("registers", _("Follow-up actions"), "democracy:action_list", order=32, icon="check2-square"),
        MenuEntry("registers", _("People's inspection boards"), "democracy:board_list", order=33,
                  icon="shield-check"),
    ]
    api_routes = [
        ("disclosures", "democracy.api.DisclosureViewSet", "disclosure"),
        ("meetings", "democracy.api.MeetingViewSet", "meeting"),
        ("inspection-board", "democracy.api.InspectionBoardViewSet", "inspection-board"),
    ]

    def ready(self):
        from core import registry
        from democracy import demo, measures, selectors
        from plans.models import Measure

        registry.measures.replace(Measure.DISCLOSURES_ON_TIME_RATE, measures.disclosures_on_time_rate)
        registry.measures.replace(Measure.STAFF_CONFERENCE_HELD, measures.staff_conferences_held)
        registry.deadlines.register("democracy.actions", selectors.action_deadlines)
        registry.inbox.register("democracy.actions_due", selectors.actions_due)
        registry.inbox.register("democracy.conferences_missing", selectors.conferences_missing)
        registry.demo_loaders.register("democracy", demo.load)
