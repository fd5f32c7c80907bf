from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = _("Organizations")
    urls = "orgs.urls"
    menu = [
        MenuEntry("organization", _("Organizations"), "orgs:organization_list", order=10, icon="diagram-3"),
        MenuEntry("organization", _("Staff"), "orgs:staff_list", order=20, icon="people"),
    ]
    api_routes = [
        ("organizations", "orgs.api.OrganizationViewSet", "organization"),
        ("staff", "orgs.api.StaffMemberViewSet", "staff"),
    ]

    def ready(self):
        from core.access import set_holds_anywhere
        from core.memo import forget_on_change
        from orgs.models import Organization
        from orgs.scoping import has_any

        set_holds_anywhere(has_any)
        # The organization selects of the filters are remembered a minute (orgs.filters).
        forget_on_change(Organization)
