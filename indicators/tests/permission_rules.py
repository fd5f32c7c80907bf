"""Rows of the permission walk for indicators: the targets of Sở Xây dựng's issued 2024 plan (read by
everyone in its subtree, each for the organizations they see) and a monthly count of Phòng QLHĐXD."""

import datetime as dt

from danvan.tests.permission_table import CHANGES_SAMPLE, CHANGES_SOMEWHERE, SEES_SAMPLE, Rule, api, page
from indicators.models import MonthlyCount
from plans.tests.permission_rules import SEES_ISSUED


def _count(orgs):
    return MonthlyCount.objects.get_or_create(organization=orgs["TN.SXD.QLXD"], month=dt.date(2024, 3, 1),
                                              measure="dossiers_on_time_rate",
                                              defaults={"numerator": 8, "denominator": 10})[0]


SAMPLES = {"monthly_count": _count}
PAYLOADS = {
    "count_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "month": "2024-05-01", "measure": "satisfaction_rate",
        "numerator": 9, "denominator": 10,
    },
}
RULES = {
    "indicators:plan_targets": Rule(get=page(SEES_ISSUED), kwargs={"pk": "plan"}),
    "indicators:target_detail": Rule(get=page(SEES_ISSUED), kwargs={"pk": "target"}),
    "indicators:count_list": Rule(get=page()),
    "indicators:count_export": Rule(get=page()),
    "indicators:count_create": Rule(
        get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, ok=400, denied=403)
    ),
    # An empty upload answers 200 with the form's error.
    "indicators:count_import": Rule(get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE,
                                                                                       denied=403)),
    "indicators:count_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "monthly_count"}),
    "indicators:count_update": Rule(
        get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400), kwargs={"pk": "monthly_count"}
    ),
    "indicators:count_delete": Rule(
        get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=302), kwargs={"pk": "monthly_count"}
    ),
    "indicators:count_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "monthly_count"}),
    # Without ?plan= the question is incomplete (400).
    "measure-list": Rule(get=api(ok=400)),
    "monthly-count-list": Rule(get=api(), post=api(CHANGES_SAMPLE, ok=201, denied=403),
                               post_data="count_in_sample_unit"),
    "monthly-count-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "monthly_count"}),
}
LEAK_MARKERS = {
    "monthly_count": lambda org, marker: MonthlyCount.objects.create(
        organization=org, month=dt.date(2025, 1, 1), measure="good_models_count", numerator=1, note=marker),
}
