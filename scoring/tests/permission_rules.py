"""Rows of the permission walk for scoring: the province's criteria set and Sở Xây dựng's assessment (the
agency of the sample unit). The assessment is read by the agency and the coordinator; changed by the agency's
focal point and the coordinator (its reviewer); the set is read by the province and kept by the coordinator."""

from danvan.tests.permission_table import CHANGES_SOMEWHERE, Rule, api, page
from scoring.models import Assessment, CriteriaSet, Criterion, Reviewer, Score

SEES_ASSESSMENT = frozenset({"admin", "coordinator", "focal", "leader", "inspector"})
CHANGES_ASSESSMENT = frozenset({"admin", "coordinator", "focal"})
KEEPS_SETS = frozenset({"admin", "coordinator"})


def _set(orgs):
    criteria_set, created = CriteriaSet.objects.get_or_create(
        province=orgs["TN"], year=2025, version=1,
        defaults={"name": "Bộ tiêu chí mẫu", "grades": [{"label": "Tốt", "min_total": 90},
                                                          {"label": "Yếu", "min_total": 0}]})
    if created:
        Criterion.objects.create(criteria_set=criteria_set, code="TC1", title="Tiêu chí mẫu", max_points=100)
    return criteria_set


def _assessment(orgs):
    criteria_set = _set(orgs)
    assessment, created = Assessment.objects.get_or_create(agency=orgs["TN.SXD"], year=2025,
                                                           defaults={"criteria_set": criteria_set})
    if created:
        Score.objects.create(assessment=assessment, criterion=criteria_set.items.get(code="TC1"))
    return assessment


def _score(orgs):
    return _assessment(orgs).scores.first()


def _reviewer(orgs):
    from django.contrib.auth import get_user_model

    coordinator = get_user_model().objects.get(username="coordinator")
    return Reviewer.objects.get_or_create(criteria_set=_set(orgs), user=coordinator, agency=orgs["TN.SXD"])[0]


SAMPLES = {"criteria_set": _set, "assessment": _assessment, "score": _score, "reviewer": _reviewer}

SET = {"pk": "criteria_set"}
ASSESSMENT = {"pk": "assessment"}
RULES = {
    "scoring:set_list": Rule(get=page()),
    "scoring:set_export": Rule(get=page()),
    "scoring:set_import": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                               post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
    "scoring:set_detail": Rule(get=page(), kwargs=SET),
    "scoring:set_yaml": Rule(get=page(), kwargs=SET),
    "scoring:set_xlsx": Rule(get=page(), kwargs=SET),
    "scoring:set_history": Rule(get=page(), kwargs=SET),
    # Publishing an unfinished round is refused on the page (a redirect with the message).
    "scoring:set_publish": Rule(get=page(KEEPS_SETS), post=page(KEEPS_SETS, ok=302), kwargs=SET),
    "scoring:decision_docx": Rule(get=page(), kwargs=SET),
    # The review team is formed by the province's coordinator; for everyone else the set's team is not there.
    "scoring:reviewer_add": Rule(get=page(KEEPS_SETS), post=page(KEEPS_SETS, ok=400), kwargs={"set": "criteria_set"}),
    "scoring:reviewer_remove": Rule(get=page(KEEPS_SETS), post=page(KEEPS_SETS, ok=302), kwargs={"pk": "reviewer"}),
    "scoring:assessment_list": Rule(get=page()),
    "scoring:assessment_export": Rule(get=page()),
    "scoring:assessment_create": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                                      post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
    "scoring:assessment_detail": Rule(get=page(SEES_ASSESSMENT), kwargs=ASSESSMENT),
    "scoring:assessment_history": Rule(get=page(SEES_ASSESSMENT), kwargs=ASSESSMENT),
    "scoring:assessment_docx": Rule(get=page(SEES_ASSESSMENT), kwargs=ASSESSMENT),
    **{f"scoring:assessment_{step}": Rule(get=page(CHANGES_ASSESSMENT), kwargs=ASSESSMENT)
       for step in ("propose", "submit", "start_review", "return", "answer", "not_eligible", "reopen", "red_lines",
                    "finalize")},
    "scoring:score_self": Rule(get=page(CHANGES_ASSESSMENT), kwargs={"pk": "score"}),
    "scoring:score_review": Rule(get=page(CHANGES_ASSESSMENT), kwargs={"pk": "score"}),
    "scoring:ranking_list": Rule(get=page()),
    "scoring:ranking_export": Rule(get=page()),
    "criteria-set-list": Rule(get=api()),
    "criteria-set-detail": Rule(get=api(), kwargs=SET),
    "assessment-list": Rule(get=api()),
    "assessment-detail": Rule(get=api(SEES_ASSESSMENT), kwargs=ASSESSMENT),
    "assessment-docx": Rule(get=api(SEES_ASSESSMENT), kwargs=ASSESSMENT),
    "ranking-list": Rule(get=api()),
}


def _leaking_assessment(org, marker):
    province = org
    while province.parent_id:
        province = province.parent
    criteria_set = CriteriaSet.objects.get_or_create(province=province, year=2030, version=1,
                                                     defaults={"name": "Bộ tiêu chí 2030", "grades": []})[0]
    return Assessment.objects.create(criteria_set=criteria_set, agency=org, year=2030, grade=marker,
                                     not_eligible_reason=marker)


LEAK_MARKERS = {"assessment": _leaking_assessment}
