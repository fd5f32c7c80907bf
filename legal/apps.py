from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Legal documents")
    urls = "legal.urls"
    menu = [MenuEntry("reference", _("Legal documents"), "legal:document_list", order=10, icon="book")]
    api_routes = [("legal-documents", "legal.api.LegalDocumentViewSet", "legal-document")]
