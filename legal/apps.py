from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Legal documents")
    urls = "legal.urls"
    menu = [
        MenuEntry("reference", _("Legal documents"), "legal:document_list", order=10, icon="book"),
        MenuEntry("reference", _("Documents waiting for confirmation"), "legal:waiting_list", order=11,
                  icon="patch-check", requires="curate"),
    ]
    api_routes = [("legal-documents", "legal.api.LegalDocumentViewSet", "legal-document")]

    def ready(self):
        from core import registry
        from legal import selectors

        registry.inbox.register("legal.to_confirm", selectors.documents_to_confirm)
