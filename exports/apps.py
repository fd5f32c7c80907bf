from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class ExportsConfig(AppConfig):
    name = "exports"
    verbose_name = _("Exports")
    urls = "exports.urls"
    menu = [MenuEntry("reports", _("My exports"), "exports:export_list", order=90, icon="file-earmark-excel")]

    def ready(self):
        from core.views import set_background_export
        from exports.services import start_export

        # Every ScopedListView export above EXPORT_SYNC_LIMIT rows becomes a job of the worker.
        set_background_export(start_export)
