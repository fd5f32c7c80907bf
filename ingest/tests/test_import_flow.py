"""Upload a plan document, watch it being read, review it beside its text, create the draft plan."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from ingest import services
from ingest.models import ImportStatus, PlanImport
from ingest.tests.documents import SEEDS
from plans.models import Plan, PlanStatus


def upload(client, organization, name="ke-hoach.txt", content=None):
    content = content if content is not None else (SEEDS / "sxd-tayninh-2024.txt").read_bytes()
    return client.post("/imports/new/", {"organization": organization.pk, "file": SimpleUploadedFile(name, content)})


def review_data(response):
    """The review form as the page renders it, ready to post back (what a user accepts unchanged)."""
    context = response.context
    data = {}
    for name in context["form"].fields:
        value = context["form"].initial.get(name, "")
        data[name] = value if value is not None else ""
    formsets = ("target_formset", "assignment_formset", "area_formset", "unit_formset")
    for formset in (context[name] for name in formsets):
        data.update({f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()})
        for form in formset.forms:
            for name in form.fields:
                value = form.initial.get(name)
                if name == "include":
                    if value:
                        data[form.add_prefix(name)] = "on"
                    continue
                if hasattr(value, "pk"):
                    value = value.pk
                elif isinstance(value, dt.date):
                    value = value.strftime("%d/%m/%Y")
                data[form.add_prefix(name)] = "" if value is None else value
    return data


@pytest.fixture
def coordinator(client_for, media, immediate_tasks):
    return client_for("coordinator")


def test_an_uploaded_plan_is_read_and_shown_beside_its_text(coordinator, orgs):
    response = upload(coordinator, orgs["TN.SNV"])
    plan_import = PlanImport.objects.get()
    assert response.status_code == 302 and response["Location"] == plan_import.get_absolute_url()
    assert plan_import.status == ImportStatus.DONE and "KẾ HOẠCH" in plan_import.text.upper()
    page = coordinator.get(plan_import.get_absolute_url())
    html = page.content.decode()
    assert 'id="document-text"' in html and "859/KH-UBND" in html
    assert page.context["form"].initial["year"] == 2024
    matched = {f.initial["unit_name"]: f.initial["lead_unit"] for f in page.context["assignment_formset"].forms}
    assert matched["Văn phòng Sở"] == orgs["TN.SNV.VP"]
    assert matched["Tổ kiểm tra công vụ"] is None


def test_the_reviewed_import_becomes_a_draft_plan(coordinator, orgs):
    upload(coordinator, orgs["TN.SNV"])
    plan_import = PlanImport.objects.get()
    data = review_data(coordinator.get(plan_import.get_absolute_url()))
    data["title"] = "Thực hiện công tác dân vận chính quyền năm 2024 (Sở Nội vụ)"
    response = coordinator.post(plan_import.get_absolute_url(), data)
    plan = Plan.objects.get(organization=orgs["TN.SNV"], year=2024)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.status == PlanStatus.DRAFT and plan.title.endswith("(Sở Nội vụ)")
    assert plan.parent == Plan.objects.get(organization=orgs["TN"], year=2024)
    numbers = set(plan.basis_documents.values_list("number", flat=True))
    assert {"859/KH-UBND", "16/CT-TTg", "59/2023/NĐ-CP"} <= numbers
    assert plan.targets.filter(target_value=100).exists()
    assert plan.targets.filter(kind="grade", grade="Tốt").exists()
    # Each deadline the document gives the unit is an assignment of its own.
    dues = sorted(plan.assignments.filter(lead_unit=orgs["TN.SNV.VP"]).values_list("due_date", flat=True))
    assert dt.date(2024, 11, 1) in dues and len(dues) == len(set(dues))
    assert plan.signer_authority == "KT." and plan.signer_principal == "GIÁM ĐỐC"
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.CREATED and plan_import.plan == plan


def test_an_unconfirmed_unit_blocks_creation_and_nothing_is_saved(coordinator, orgs):
    upload(coordinator, orgs["TN.SNV"])
    plan_import = PlanImport.objects.get()
    data = review_data(coordinator.get(plan_import.get_absolute_url()))
    data["assignments-1-include"] = "on"  # "Tổ kiểm tra công vụ": no organization chosen
    response = coordinator.post(plan_import.get_absolute_url(), data)
    assert response.status_code == 400
    assert "Hãy xác nhận" in response.content.decode()
    assert not Plan.objects.filter(organization=orgs["TN.SNV"], year=2024).exists()


def test_an_import_makes_one_plan_only(coordinator, orgs):
    upload(coordinator, orgs["TN.SNV"])
    plan_import = PlanImport.objects.get()
    data = review_data(coordinator.get(plan_import.get_absolute_url()))
    coordinator.post(plan_import.get_absolute_url(), data)
    coordinator.post(plan_import.get_absolute_url(), data)
    assert Plan.objects.filter(organization=orgs["TN.SNV"], year=2024).count() == 1


def test_an_organization_with_a_plan_for_that_year_is_refused(client_for, orgs, media, immediate_tasks):
    focal = client_for("focal")
    upload(focal, orgs["TN.SXD"])
    plan_import = PlanImport.objects.get()
    response = focal.post(plan_import.get_absolute_url(), review_data(focal.get(plan_import.get_absolute_url())))
    assert response.status_code == 400 and "đã có kế hoạch năm 2024" in response.content.decode()
    assert Plan.objects.filter(organization=orgs["TN.SXD"], year=2024).count() == 1


def test_the_worker_reads_queued_imports_and_the_page_shows_progress(client_for, orgs, media, monkeypatch):
    # The worker drops stale connections between tasks; inside a test transaction that would
    # close the test's own connection (PostgreSQL), so it keeps it here.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    client = client_for("coordinator")
    upload(client, orgs["TN.SNV"])
    plan_import = PlanImport.objects.get()
    assert plan_import.status == ImportStatus.QUEUED
    page = client.get(plan_import.get_absolute_url())
    assert 'id="import-progress"' in page.content.decode() and 'hx-trigger="every 1s"' in page.content.decode()
    call_command("db_worker", "--batch", "--no-startup-delay")
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.DONE
    polled = client.get(f"/imports/{plan_import.pk}/progress/", HTTP_HX_REQUEST="true")
    assert polled.status_code == 204 and polled["HX-Refresh"] == "true"


def test_progress_is_reported_page_by_page(orgs, users, media, seed_documents):
    pdf = seed_documents["svhtt-hcm-2023"]["pdf"]
    plan_import = services.start_import(
        SimpleUploadedFile("kh.pdf", pdf.read_bytes()), organization=orgs["TN.SNV"], by=users["coordinator"]
    )
    services.run_import(plan_import.pk)
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.DONE and plan_import.percent == 100
    assert plan_import.pages_total >= 2 and plan_import.pages_done == plan_import.pages_total
