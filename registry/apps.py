from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Document registers")
    urls = "registry.urls"
    menu = [
        MenuEntry("registers", _("Document register"), "registry:document_list", order=5, icon="journal-bookmark"),
    ]
