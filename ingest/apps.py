from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class IngestConfig(AppConfig):
    name = "ingest"
    verbose_name = _("Plan imports")
    urls = "ingest.urls"
    menu = [
        MenuEntry("plans", _("Plan imports"), "ingest:import_list", order=40, icon="file-earmark-arrow-up",
                  requires="change"),
    ]

    def ready(self):
        from core import registry
        from ingest import selectors

        registry.inbox.register("ingest.to_review", selectors.imports_to_review)
