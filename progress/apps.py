from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = _("Progress")
    urls = "progress.urls"
    menu = [
        MenuEntry("reports", _("Periodic reports"), "progress:report_list", order=10, icon="file-earmark-text"),
        MenuEntry("reports", _("Report completeness"), "progress:completeness", order=20, icon="bar-chart"),
        MenuEntry("reports", _("Reporting periods"), "progress:period_list", order=30, icon="calendar-range"),
    ]
    api_routes = [
        ("progress-updates", "progress.api.ProgressUpdateViewSet", "progress-update"),
        ("evidence", "progress.api.EvidenceViewSet", "evidence"),
        ("reports", "progress.reporting_api.ReportViewSet", "report"),
        ("reporting-periods", "progress.reporting_api.ReportingPeriodViewSet", "reporting-period"),
        ("completeness", "progress.reporting_api.CompletenessViewSet", "completeness"),
    ]

    def ready(self):
        from core import registry
        from progress import merging, reporting_inbox

        registry.deadlines.register("progress.reports_due", reporting_inbox.report_deadlines)
        registry.inbox.register("progress.reports_waiting", reporting_inbox.reports_waiting)
        registry.inbox.register("progress.reports_due", reporting_inbox.reports_due)
        registry.merge_handlers.register("progress.reports", merging.pass_reports_to_successor)
