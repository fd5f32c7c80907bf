from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("Indicators")
    urls = "indicators.urls"
    menu = [MenuEntry("registers", _("Monthly counts"), "indicators:count_list", order=80, icon="calendar3")]
    api_routes = [
        ("measures", "indicators.api.MeasureViewSet", "measure"),
        ("monthly-counts", "indicators.api.MonthlyCountViewSet", "monthly-count"),
    ]

    def ready(self):
        from core import registry
        from indicators import measures, signals
        from indicators.models import MONTHLY_COUNTS, MONTHLY_RATES
        from plans.models import Measure

        registry.measures.register(Measure.STAFF_STUDY_RATE, measures.staff_study_rate)
        registry.measures.register(Measure.UNITS_PLAN_RATE, measures.units_plan_rate)
        registry.measures.register(Measure.AGENCY_PLAN_ISSUED_ON_TIME, measures.agency_plan_issued_on_time)
        registry.measures.register(Measure.STUDY_SESSIONS_HELD, measures.study_sessions_held)
        registry.measures.register(Measure.ASSIGNMENTS_DONE_RATE, measures.assignments_done_rate)
        # Entered by hand, month by month with evidence, until a register replaces it with its own function
        # (`registry.measures.replace`), which reads its records and falls back to the counts where none exist.
        for kind in (*MONTHLY_RATES, *MONTHLY_COUNTS):
            registry.measures.register_default(kind, measures.monthly(kind))
        # The materialized figures go stale, and their refresh is enqueued, when the records they read change.
        signals.connect()
