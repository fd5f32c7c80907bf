"""The ranking: the coordinator's table before publication, everyone's in the province after; an agency never
reads another's assessment or evidence, before or after."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from attachments.services import attach
from core.access import scoped
from scoring import documents, services
from scoring.models import Assessment, Evidence, Score
from scoring.tests.factories import example_set

SAMPLE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def finalize(criteria_set, orgs, users, code, points):
    assessment = services.open_assessment(criteria_set, orgs[code], by=users["coordinator"])
    for score in assessment.scores.select_related("criterion").filter(criterion__kind="criterion"):
        score.self_points = min(points, score.criterion.max_points)
        score.save()
    services.add_evidence(assessment.scores.get(criterion__code="TC3"), title=f"Minh chứng {code}",
                          url="https://example.org/minh-chung.pdf", by=users["admin"] if code != "TN.SXD"
                          else users["focal"])
    services.submit(assessment, by=users["admin"])
    services.start_review(assessment, by=users["coordinator"])
    return services.finalize(assessment, by=users["coordinator"])


@pytest.fixture
def round_2025(orgs, users):
    criteria_set = example_set(orgs, users)
    finalize(criteria_set, orgs, users, "TN.SXD", 10)
    finalize(criteria_set, orgs, users, "TN.SVHTTDL", 6)
    return criteria_set


def test_an_agency_never_sees_another_agencys_assessment_before_publication(round_2025, users, orgs):
    assert set(scoped(Assessment, users["focal"]).values_list("agency__code", flat=True)) == {"TN.SXD"}
    assert services.ranking(users["other-focal"], 2025) == []
    assert services.ranking(users["focal"], 2025) == []
    coordinator_rows = services.ranking(users["coordinator"], 2025)
    assert [(r.rank, r.agency.code) for r in coordinator_rows] == [(1, "TN.SXD"), (2, "TN.SVHTTDL")]


def test_after_publication_the_ranking_is_seen_but_not_the_others_scores_or_evidence(round_2025, users):
    services.publish_ranking(round_2025, by=users["coordinator"])
    rows = services.ranking(users["other-focal"], 2025)
    assert [(r.agency.code, r.grade) for r in rows] == [("TN.SXD", "Trung bình"), ("TN.SVHTTDL", "Yếu")]
    for model, field in ((Assessment, "agency__code"), (Score, "assessment__agency__code"),
                         (Evidence, "score__assessment__agency__code")):
        assert set(scoped(model, users["other-focal"]).values_list(field, flat=True)) <= {"TN.SVHTTDL"}


def test_the_ranking_filters_by_type_and_shows_previous_years(round_2025, orgs, users):
    services.publish_ranking(round_2025, by=users["coordinator"])
    older = example_set(orgs, users, year=2024)
    Assessment.objects.filter(year=2025, agency=orgs["TN.SXD"]).update(year=2024, criteria_set=older)
    services.publish_ranking(older, by=users["coordinator"])
    newer = example_set(orgs, users, year=2026)
    finalize(newer, orgs, users, "TN.SXD", 9)
    services.publish_ranking(newer, by=users["coordinator"])
    rows = services.ranking(users["focal"], 2026)
    assert rows[0].previous == {2024: (Decimal("80.00"), "Trung bình")}
    kind = orgs["TN.SXD"].org_type
    assert all(r.agency.org_type == kind for r in services.ranking(users["focal"], 2026, org_type=kind))
    assert services.ranking(users["focal"], 2026, org_type="no-such-type") == []


def test_the_ranking_is_published_only_when_every_assessment_is_finalized(orgs, users, round_2025):
    services.open_assessment(round_2025, orgs["TN.SNV"], by=users["coordinator"])
    with pytest.raises(ValidationError):
        services.publish_ranking(round_2025, by=users["coordinator"])


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_decision_takes_the_next_number_of_the_provinces_register(round_2025, users):
    services.publish_ranking(round_2025, by=users["coordinator"])
    registered = documents.decision_number(round_2025)
    text = _text(documents.render_decision_docx(round_2025, services.ranking(users["coordinator"], 2025)))
    assert f"{registered.number}/QĐ-UBND" in text and "Trung bình" in text and "QUYẾT ĐỊNH" in text


def test_the_dossier_lists_self_and_final_scores_explanations_and_evidence(round_2025, orgs):
    assessment = Assessment.objects.get(agency=orgs["TN.SXD"], year=2025)
    text = _text(documents.render_dossier_docx(assessment))
    assert "TC1.2" in text and "Minh chứng TN.SXD" in text and "TỔNG ĐIỂM" in text and "Trung bình" in text


def test_files_attached_to_an_assessment_are_listed_and_kept_from_other_agencies(round_2025, orgs, users,
                                                                                client_for):
    assessment = Assessment.objects.get(agency=orgs["TN.SXD"], year=2025)
    assessment.state = "draft"
    assessment.save()
    attachment = attach(assessment, SimpleUploadedFile("bien-ban.pdf", SAMPLE_PDF), by=users["focal"])
    assert "bien-ban.pdf" in _text(documents.render_dossier_docx(assessment))
    assert client_for("focal").get(reverse("attachments:download", args=[attachment.pk])).status_code == 200
    assert client_for("other-focal").get(reverse("attachments:download", args=[attachment.pk])).status_code == 404


def test_the_ranking_page_opens_on_the_latest_year_the_user_may_read(round_2025, users, client_for):
    services.publish_ranking(round_2025, by=users["coordinator"])
    page = client_for("other-focal").get(reverse("scoring:ranking_list"))
    assert page.status_code == 200 and "2025" in page.content.decode().split("</h1>")[0]


def test_the_ranking_page_draws_the_totals_beside_its_table(round_2025, users, client_for):
    import json
    import re

    services.publish_ranking(round_2025, by=users["coordinator"])
    html = client_for("other-focal").get(reverse("scoring:ranking_list"), {"year": 2025}).content.decode()
    chart = json.loads(re.search(r'<script id="chart-ranking" type="application/json">(.*?)</script>', html).group(1))
    assert chart["series"][0]["label"] == "2025" and len(chart["labels"]) == 2
    assert 'data-chart="chart-ranking"' in html and "style=" not in html.split('id="ranking"')[1]


def test_the_decision_is_signed_as_the_provinces_plan_of_the_year(round_2025, users, orgs):
    from plans.models import Plan, PlanStatus

    Plan.objects.filter(organization=orgs["TN"], year__in=[2024, 2025], status=PlanStatus.ISSUED).update(
        signer_authority="KT.", signer_principal="CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH",
        signer_name="Nguyễn Hồng Thanh")
    services.publish_ranking(round_2025, by=users["coordinator"])
    document = Document(io.BytesIO(documents.render_decision_docx(
        round_2025, services.ranking(users["coordinator"], 2025))))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Nguyễn Hồng Thanh" in "\n".join([p.text for p in document.paragraphs] + cells)
