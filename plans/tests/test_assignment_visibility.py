"""Regression tests of issue 9: an assignment is seen exactly where its plan is, and a status form
never sends the user to another site."""

from django.urls import reverse

from plans import services
from plans.models import Plan


def test_a_unit_neither_reads_nor_updates_an_assignment_of_its_agencys_draft(client_for, orgs, users):
    province = Plan.objects.get(organization=orgs["TN"], year=2025)
    draft = services.cascade_plan(province, to_org=orgs["TN.SXD"], by=users["focal"])
    assignment = services.add_assignment(draft, lead_unit=orgs["TN.SXD.QLXD"], task="Nhiệm vụ dự thảo",
                                         by=users["focal"])
    unit = client_for("unit")
    assert unit.get(reverse("assignment-detail", args=[assignment.pk])).status_code == 404
    assert assignment.pk not in [row["id"] for row in unit.get(reverse("assignment-list"), {"plan": draft.pk})
                                 .json()["results"]]
    response = unit.post(reverse("plans:assignment_status", args=[assignment.pk]), {"status": "done"})
    assert response.status_code == 404
    assignment.refresh_from_db()
    assert assignment.status == "not_started"


def test_the_status_form_follows_next_only_to_a_path_on_this_site(client_for, orgs):
    plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)
    assignment = plan.assignments.filter(lead_unit=orgs["TN.SXD.QLXD"]).first()
    client = client_for("unit")
    url = reverse("plans:assignment_status", args=[assignment.pk])
    for target in ("https://evil.example/x", "//evil.example/x", "/\\evil.example"):
        response = client.post(url, {"status": "in_progress", "next": target})
        assert response["Location"] == reverse("plans:my_assignments")
    assert client.post(url, {"status": "in_progress", "next": "/plans/"})["Location"] == "/plans/"
