"""Criteria sets and assessments for tests: the example set of the domain notes, imported for Tây Ninh."""

from pathlib import Path

from scoring import services

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "criteria-example.yaml"


def example_data(**changes) -> dict:
    return {**services.set_from_yaml(EXAMPLE.read_text(encoding="utf-8")), **changes}


def example_set(orgs, users, **changes):
    return services.import_set(example_data(**changes), province=orgs["TN"], by=users["coordinator"])


def scored_assessment(orgs, users, agency="TN.SXD", points=None, **changes):
    """A draft assessment of `agency` with every criterion self-scored at `points` (its maximum by default)."""
    criteria_set = example_set(orgs, users, **changes)
    assessment = services.open_assessment(criteria_set, orgs[agency], by=users["coordinator"])
    for score in assessment.scores.select_related("criterion").filter(criterion__kind="criterion"):
        score.self_points = score.criterion.max_points if points is None else min(points, score.criterion.max_points)
        score.save()
    return assessment


def under_review(orgs, users, **kwargs):
    assessment = scored_assessment(orgs, users, **kwargs)
    services.submit(assessment, by=users["focal"])
    return services.start_review(assessment, by=users["coordinator"])
