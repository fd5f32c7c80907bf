"""Rows of the permission walk for the dashboards: a page needs an agency in the user's view reach (the
coordinator's province, the agency of a focal office, leader or inspector); a unit's editor and a viewer
get 403, and the menu's entry sends everyone to the page that fits them (a unit to its inbox)."""

from danvan.tests.permission_table import Rule, everyone, page

SEES_AN_AGENCY = frozenset({"admin", "coordinator", "focal", "leader", "inspector", "other-focal"})

RULES = {
    "dashboard:index": Rule(get=everyone(302)),
    "dashboard:agency": Rule(get=page(SEES_AN_AGENCY, denied=403)),
    "dashboard:agency_export": Rule(get=page(SEES_AN_AGENCY, denied=403)),
    "dashboard:province": Rule(get=page(SEES_AN_AGENCY, denied=403)),
    "dashboard:province_export": Rule(get=page(SEES_AN_AGENCY, denied=403)),
}
RULES["dashboard:panel"] = Rule(get=page(SEES_AN_AGENCY, denied=403), kwargs={"key": "dashboard_panel"})


class _Panel:
    """The sample for a panel's URL: its key, as the walk fills a URL's argument with a sample's `pk`."""

    def __init__(self, key: str):
        self.pk = key


def _first_panel(orgs):
    from core.registry import dashboard_panels

    return _Panel(next(key for key, _panel in dashboard_panels.items()))


SAMPLES = {"dashboard_panel": _first_panel}
