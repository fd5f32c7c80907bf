"""All demo data, in dependency order (organizations before plans)."""

from orgs import demo as orgs_demo
from plans import demo as plans_demo


def load_all() -> dict:
    organizations = orgs_demo.load()
    plans = plans_demo.load(organizations)
    return {"organizations": organizations, "plans": plans}
