from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    urls = "accounts.urls"
    menu = [
        MenuEntry("organization", _("Accounts and roles"), "accounts:membership_list", order=30, icon="person-gear",
                  requires="manage_accounts"),
        MenuEntry("organization", _("My account"), "accounts:me", order=40, icon="person-circle"),
    ]
