"""The review says when the organization already has a plan for the year, and refuses a year the title contradicts."""

from ingest.forms import ReviewForm
from ingest.tests.factories import PlanImportFactory
from plans.models import Plan

TITLE = "Thực hiện công tác dân vận chính quyền năm 2025"


def test_the_review_links_to_the_plan_the_organization_already_has_for_that_year(orgs, client_for, media):
    existing = Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)
    plan_import = PlanImportFactory(organization=orgs["TN.SXD"],
                                    result={"document": {"year": 2024, "title": "Kế hoạch năm 2024"}})
    page = client_for("focal").get(f"/imports/{plan_import.pk}/").content.decode()
    assert 'id="existing-plan"' in page and existing.get_absolute_url() in page
    assert "Sở Xây dựng tỉnh Tây Ninh đã có kế hoạch năm 2024" in page


def test_no_warning_for_a_year_without_a_plan(orgs, client_for, media):
    plan_import = PlanImportFactory(organization=orgs["TN.SXD"],
                                    result={"document": {"year": 2031, "title": "Kế hoạch năm 2031"}})
    assert 'id="existing-plan"' not in client_for("focal").get(f"/imports/{plan_import.pk}/").content.decode()


def review(**fields):
    data = {"year": 2025, "symbol": "KH-SXD", "place": "Tây Ninh", "title": TITLE, **fields}
    return ReviewForm(data=data)


def test_a_year_contradicting_the_title_is_refused():
    form = review(year=2024)
    assert not form.is_valid() and "năm 2025" in str(form.errors["year"])


def test_the_year_the_title_names_is_accepted():
    assert review().is_valid()
    assert review(title="Kế hoạch công tác dân vận chính quyền", year=2024).is_valid()


def test_lưu_keeps_every_holder_of_the_filed_copies():
    from ingest.parser.closing import filed_copies

    assert filed_copies(["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP."]) == "VT, VP"
    assert filed_copies(["Nơi nhận:", "- Sở Nội vụ;"]) is None


def test_two_deadlines_for_the_same_unit_stay_two_assignments(orgs, media):
    from ingest.services import review_initial

    plan_import = PlanImportFactory(organization=orgs["TN.SXD"], result={
        "document": {"year": 2031, "title": "Kế hoạch năm 2031"}, "archive": "VT, VP",
        "assignments": [{"unit": "Văn phòng Sở", "text": "Báo cáo sơ kết, tổng kết",
                         "deadlines": ["2031-06-15", "2031-12-15"]}],
    })
    fields, _targets, assignments = review_initial(plan_import)
    assert fields["archive"] == "VT, VP"
    assert [(row["task"], str(row["due_date"])) for row in assignments] == [
        ("Báo cáo sơ kết, tổng kết", "2031-06-15"), ("Báo cáo sơ kết, tổng kết", "2031-12-15")]
