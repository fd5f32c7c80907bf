"""Rows of the permission walk for inspections and index scores: Sở Xây dựng's inspection of Phòng QLHĐXD (the
sample unit), with a finding and a remedy the unit owns, and Sở Xây dựng's index score."""

import datetime as dt

from danvan.tests.permission_table import CHANGES_SOMEWHERE, SEES_SAMPLE, SIGNED_IN, Rule, api, page
from inspections.models import Finding, IndexScore, Inspection, Remedy

# The inspection is changed by the inspecting agency's focal office; the remedy also by the unit that owns it.
CHANGES_INSPECTION = frozenset({"admin", "focal"})
CHANGES_REMEDY = frozenset({"admin", "focal", "unit"})
# An agency's score is read in the agency and below it (Thanh tra Sở's viewer too), and above it.
SEES_SCORE = SIGNED_IN - {"other-focal"}


def _inspection(orgs):
    return Inspection.objects.get_or_create(
        organization=orgs["TN.SXD"], subject=orgs["TN.SXD.QLXD"], title="Kiểm tra mẫu",
        defaults={"kind": "staff_discipline", "scope": "Phạm vi", "team": "Đoàn",
                  "period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 6, 30)})[0]


def _finding(orgs):
    return Finding.objects.get_or_create(inspection=_inspection(orgs), text="Phát hiện mẫu")[0]


def _remedy(orgs):
    return Remedy.objects.get_or_create(inspection=_inspection(orgs), action="Khắc phục mẫu",
                                        defaults={"owner": orgs["TN.SXD.QLXD"], "due_date": dt.date(2025, 9, 1)})[0]


def _score(orgs):
    return IndexScore.objects.get_or_create(organization=orgs["TN.SXD"], index="ddci", year=2025,
                                            defaults={"score": 70})[0]


SAMPLES = {"inspection": _inspection, "finding": _finding, "remedy": _remedy, "index_score": _score}
PAYLOADS = {
    "new_inspection_of_sample_unit": lambda samples: {
        "organization": samples["organization"].parent_id, "subject": samples["organization"].pk,
        "kind": "plan_implementation", "title": "Kiểm tra mới", "scope": "Phạm vi", "team": "Đoàn",
        "period_start": "2025-01-01", "period_end": "2025-03-31"},
    "new_index_score_of_sample_agency": lambda samples: {
        "organization": samples["organization"].parent_id, "index": "pci", "year": 2030, "score": "70.50"},
}
_create = Rule(get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, ok=400, denied=403))
RULES = {
    "inspections:inspection_list": Rule(get=page()),
    "inspections:inspection_export": Rule(get=page()),
    "inspections:inspection_create": _create,
    "inspections:inspection_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "inspection"}),
    "inspections:inspection_update": Rule(get=page(CHANGES_INSPECTION), post=page(CHANGES_INSPECTION, ok=400),
                                          kwargs={"pk": "inspection"}),
    "inspections:inspection_delete": Rule(get=page(CHANGES_INSPECTION), post=page(CHANGES_INSPECTION, ok=302),
                                          kwargs={"pk": "inspection"}),
    "inspections:inspection_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "inspection"}),
    "inspections:finding_create": Rule(get=page(CHANGES_INSPECTION), post=page(CHANGES_INSPECTION, ok=400),
                                       kwargs={"inspection": "inspection"}),
    "inspections:finding_update": Rule(get=page(CHANGES_INSPECTION), post=page(CHANGES_INSPECTION, ok=400),
                                       kwargs={"pk": "finding"}),
    "inspections:remedy_create": Rule(get=page(CHANGES_INSPECTION), post=page(CHANGES_INSPECTION, ok=400),
                                      kwargs={"inspection": "inspection"}),
    "inspections:remedy_update": Rule(get=page(CHANGES_INSPECTION), post=page(CHANGES_INSPECTION, ok=400),
                                      kwargs={"pk": "remedy"}),
    "inspections:remedy_done": Rule(get=page(CHANGES_REMEDY), post=page(CHANGES_REMEDY, ok=400),
                                    kwargs={"pk": "remedy"}),
    "inspections:score_list": Rule(get=page()),
    "inspections:score_export": Rule(get=page()),
    "inspections:score_create": _create,
    # An empty upload answers 200 with the form's error.
    "inspections:score_import": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                                     post=page(CHANGES_SOMEWHERE, denied=403)),
    "inspections:score_detail": Rule(get=page(SEES_SCORE), kwargs={"pk": "index_score"}),
    "inspections:score_update": Rule(get=page(CHANGES_INSPECTION), post=page(CHANGES_INSPECTION, ok=400),
                                     kwargs={"pk": "index_score"}),
    "inspections:score_delete": Rule(get=page(CHANGES_INSPECTION), post=page(CHANGES_INSPECTION, ok=302),
                                     kwargs={"pk": "index_score"}),
    "inspections:score_history": Rule(get=page(SEES_SCORE), kwargs={"pk": "index_score"}),
    # A dashboard's panel: every signed-in user gets it, filled with what they see.
    "inspection-list": Rule(get=api(), post=api(CHANGES_INSPECTION, ok=201, denied=403),
                            post_data="new_inspection_of_sample_unit"),
    "inspection-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "inspection"}),
    "index-score-list": Rule(get=api(), post=api(CHANGES_INSPECTION, ok=201, denied=403),
                             post_data="new_index_score_of_sample_agency"),
    "index-score-detail": Rule(get=api(SEES_SCORE), kwargs={"pk": "index_score"}),
}
LEAK_MARKERS = {
    "inspection": lambda org, marker: Inspection.objects.create(
        organization=org, subject=org, title=marker, kind="staff_discipline", scope=marker, team=marker,
        period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 2, 1)),
    "index_score": lambda org, marker: IndexScore.objects.create(
        organization=org, index="ddci", year=2025, score=50, source=marker),
}
