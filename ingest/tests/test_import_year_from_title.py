"""The review refuses a year that contradicts the title, and nothing is created; a period in the title
admits the years within it, for a plan of several years."""

from ingest.forms import ReviewForm
from ingest.models import ImportStatus
from ingest.tests.reviewing import post_review, sxd_import
from plans.models import Plan, PlanKind

TITLE = "Kế hoạch công tác dân vận chính quyền năm 2026"
PERIOD = "Thực hiện công tác dân vận chính quyền giai đoạn 2026–2030"


def review(**fields):
    return ReviewForm(data={"year": 2026, "symbol": "KH-SXD", "place": "Tây Ninh", "title": TITLE, **fields})


def test_a_year_contradicting_the_title_is_refused_and_nothing_is_created(client_for, orgs, media):
    plan_import = sxd_import(orgs, 2026, TITLE)
    response = post_review(client_for("focal"), plan_import, year=2025)
    assert response.status_code == 400
    assert response.context["form"].errors["year"] == [
        "Tiêu đề ghi năm 2026; năm của kế hoạch không thể là 2025."]
    assert not Plan.objects.filter(organization=orgs["TN.SXD"], year__in=[2025, 2026]).exists()
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.DONE


def test_the_year_the_title_names_is_accepted():
    assert review().is_valid()
    assert review(title="Kế hoạch công tác dân vận chính quyền", year=2024).is_valid()


def test_a_second_year_contradicting_a_one_year_title_is_refused():
    form = review(kind=PlanKind.THEMATIC, year_to=2027)
    assert not form.is_valid() and "year_to" in form.errors


def test_any_year_of_the_period_is_accepted_for_a_thematic_plan():
    for year in (2026, 2028, 2030):
        assert review(title=PERIOD, kind=PlanKind.THEMATIC, year=year).is_valid(), year
    assert review(title=PERIOD, kind=PlanKind.THEMATIC, year=2026, year_to=2030).is_valid()
    assert review(title=PERIOD.replace("–", " - "), kind=PlanKind.THEMATIC, year=2027).is_valid()


def test_a_year_outside_the_period_is_refused():
    assert "year" in review(title=PERIOD, kind=PlanKind.THEMATIC, year=2025).errors
    assert "year" in review(title=PERIOD, kind=PlanKind.THEMATIC, year=2026, year_to=2031).errors


def test_a_period_title_is_not_an_annual_plan():
    assert "kind" in review(title=PERIOD, kind=PlanKind.ANNUAL, year=2026).errors
