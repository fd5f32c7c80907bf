"""Demo data: the example criteria set for Tây Ninh, a finalized and published 2024 round for the agencies of
the province, and an open 2025 round with the scores the records propose (idempotent)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from orgs.models import Organization, OrganizationKind
from scoring import services
from scoring.models import Assessment, CriteriaSet, ItemKind

EXAMPLE = Path(__file__).resolve().parent / "data" / "criteria-example.yaml"
PROVINCE = "TN"
# Share of each criterion's maximum the demo agencies scored in 2024, one after the other.
SHARES_2024 = [Decimal(s) for s in ("1", "0.9", "0.8", "0.95", "0.7", "0.85")]


def _agencies(province: Organization) -> list[Organization]:
    return list(Organization.objects.filter(path__startswith=province.path, kind=OrganizationKind.AGENCY,
                                            valid_to__isnull=True).order_by("path")[:12])


def _round_2024(province, agencies, coordinator) -> int:
    if CriteriaSet.objects.filter(province=province, year=2024).exists():
        return 0
    data = {**services.set_from_yaml(EXAMPLE.read_text(encoding="utf-8")), "year": 2024}
    criteria_set = services.import_set(data, province=province, by=coordinator,
                                       submission_due=dt.date(2024, 12, 13))
    for index, agency in enumerate(agencies):
        share = SHARES_2024[index % len(SHARES_2024)]
        assessment = services.open_assessment(criteria_set, agency, by=coordinator)
        for score in assessment.scores.select_related("criterion"):
            if score.criterion.kind == ItemKind.CRITERION:
                score.self_points = round(score.criterion.max_points * share * 4) / Decimal(4)
                score.explanation = "Theo báo cáo năm 2024 của cơ quan."
                score.save()
        Assessment.objects.filter(pk=assessment.pk).update(state="under_review", submitted_at=timezone.now())
        assessment.refresh_from_db()
        if index % 3 == 1:
            score = assessment.scores.select_related("criterion").get(criterion__code="TC3")
            services.review_score(score, score.self_points - 2, reason="Thiếu biên bản phối hợp quý IV.",
                                  by=coordinator)
        services.finalize(assessment, by=coordinator)
    services.publish_ranking(criteria_set, by=coordinator, date=dt.date(2025, 1, 20))
    return len(agencies)


def _round_2025(province, agencies, coordinator) -> int:
    if CriteriaSet.objects.filter(province=province, year=2025).exists():
        return 0
    data = {**services.set_from_yaml(EXAMPLE.read_text(encoding="utf-8")), "year": 2025}
    criteria_set = services.import_set(data, province=province, by=coordinator,
                                       submission_due=timezone.localdate() + dt.timedelta(days=21))
    for agency in agencies:
        assessment = services.open_assessment(criteria_set, agency, by=coordinator)
        services.propose_scores(assessment, by=coordinator)
    return len(agencies)


def load() -> str:
    province = Organization.objects.filter(code=PROVINCE).first()
    coordinator = get_user_model().objects.filter(username="coordinator").first()
    if province is None or coordinator is None:
        return "no province or coordinator: nothing loaded"
    agencies = _agencies(province)
    with transaction.atomic():
        done_2024 = _round_2024(province, agencies, coordinator)
        open_2025 = _round_2025(province, agencies, coordinator)
    return f"criteria sets 2024 and 2025; {done_2024} assessments finalized (2024), {open_2025} opened (2025)"
