"""Plans are read within one's reach, plus the issued plans of the organizations above."""

from plans.models import Assignment, Plan
from plans.tests.factories import PlanFactory


def codes(plans):
    return {(p.organization.code, p.year) for p in plans}


def test_focal_sees_its_agency_plans_and_the_province_plans(users):
    seen = codes(Plan.objects.visible_to(users["focal"]).select_related("organization"))
    assert {("TN", 2024), ("TN", 2025), ("TN.SXD", 2024), ("TN.SXD.QLXD", 2024)} <= seen
    assert not any(code.startswith(("TN.SVHTTDL", "HCM")) for code, _ in seen)


def test_unit_sees_its_own_plan_and_its_superiors_issued_plans_not_siblings(users, orgs):
    from plans import services

    PlanFactory(organization=orgs["TN.SXD.HTKT"], year=2024)
    seen = codes(Plan.objects.visible_to(users["unit"]).select_related("organization"))
    assert ("TN.SXD.QLXD", 2024) in seen and ("TN.SXD", 2024) in seen and ("TN", 2024) in seen
    assert ("TN.SXD.HTKT", 2024) not in seen
    draft = services.cascade_plan(Plan.objects.get(organization__code="TN", year=2025), to_org=orgs["TN.SXD"],
                                  by=users["focal"])
    assert not Plan.objects.visible_to(users["unit"]).filter(pk=draft.pk).exists()


def test_coordinator_reads_every_agency_plan_of_the_province(users):
    seen = codes(Plan.objects.visible_to(users["coordinator"]).select_related("organization"))
    assert ("TN.SVHTTDL", 2025) in seen and ("TN.SXD", 2024) in seen and ("HCM.SVHTT", 2023) not in seen


def test_other_agency_gets_404_on_plan_pages_and_api(client_for):
    plan = Plan.objects.get(organization__code="TN.SXD", year=2024)
    client = client_for("other-focal")
    for url in (f"/plans/{plan.pk}/", f"/plans/{plan.pk}/history/", f"/plans/{plan.pk}/edit/",
                f"/api/plans/{plan.pk}/"):
        assert client.get(url).status_code == 404, url
    assert plan.pk not in [p["id"] for p in client.get("/api/plans/?year=2024").json()["results"]]
    targets = client.get("/api/targets/").json()["results"]
    assert plan.pk not in {t["plan"] for t in targets}
    assignments = client.get("/api/assignments/").json()["results"]
    assert plan.pk not in {a["plan"] for a in assignments}


def test_assignments_are_scoped(users, orgs):
    visible = Assignment.objects.visible_to(users["unit"])
    assert visible.filter(lead_unit=orgs["TN.SXD.QLXD"]).exists()
    assert not visible.filter(plan__organization__code__startswith="TN.SVHTTDL").exists()
    assert not Assignment.objects.visible_to(users["other-focal"]).filter(
        plan__organization__code="TN.SXD").exists()


def test_plan_api_filters_by_year_organization_and_status(client_for, orgs):
    client = client_for("coordinator")
    results = client.get("/api/plans/", {"year": 2025, "status": "issued"}).json()["results"]
    assert results and all(p["year"] == 2025 and p["status"] == "issued" for p in results)
    results = client.get("/api/plans/", {"organization": orgs["TN.SVHTTDL"].pk}).json()["results"]
    assert {p["organization"] for p in results} == {orgs["TN.SVHTTDL"].pk}
    assert client.get("/api/legal-documents/", {"number": "16/CT"}).json()["results"][0]["number"] == "16/CT-TTg"


def test_plan_list_queries_do_not_grow_with_plans(client_for, django_assert_max_num_queries, orgs):
    client = client_for("coordinator")
    with django_assert_max_num_queries(12):
        client.get("/plans/")
    for year in range(2010, 2030):
        if not Plan.objects.filter(organization=orgs["TN.SNV"], year=year).exists():
            PlanFactory(organization=orgs["TN.SNV"], year=year)
    with django_assert_max_num_queries(12):
        client.get("/plans/")
    with django_assert_max_num_queries(12):
        client.get("/api/plans/")
    with django_assert_max_num_queries(10):
        client.get("/assignments/mine/")
