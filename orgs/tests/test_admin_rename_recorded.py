"""An organization renamed in the Django admin gets a dated rename record, as renames in the app do."""

from django.contrib import admin
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.utils import timezone

from core.history import ChangeReason
from orgs.models import Organization, OrganizationChange, OrganizationChangeKind


def test_a_rename_in_the_admin_is_recorded_with_its_date(orgs, django_user_model):
    superuser = django_user_model.objects.create_superuser("quan-tri", "qt@example.vn", "x")
    organization = orgs["TN.SXD.QLXD"]
    old_name = organization.name
    model_admin = admin.site._registry[Organization]
    request = RequestFactory().post("/admin/")
    request.user = superuser
    form_class = model_admin.get_form(request, organization, change=True)
    data = {key: value for key, value in model_to_dict(organization).items() if value is not None}
    data["name"] = "Phòng Quản lý xây dựng và phát triển đô thị"
    form = form_class(data, instance=organization)
    assert form.is_valid(), form.errors
    model_admin.save_model(request, form.save(commit=False), form, change=True)

    change = OrganizationChange.objects.get(organization=organization, kind=OrganizationChangeKind.RENAME)
    assert (change.old_name, change.new_name) == (old_name, "Phòng Quản lý xây dựng và phát triển đô thị")
    assert change.date == timezone.localdate() and change.recorded_by == superuser
    last = organization.history.latest("history_id")
    assert last.history_user == superuser and last.history_change_reason == ChangeReason.RENAMED


def test_an_admin_edit_that_keeps_the_name_records_no_rename(orgs, django_user_model):
    superuser = django_user_model.objects.create_superuser("quan-tri", "qt@example.vn", "x")
    organization = orgs["TN.SXD.QLXD"]
    model_admin = admin.site._registry[Organization]
    request = RequestFactory().post("/admin/")
    request.user = superuser
    form_class = model_admin.get_form(request, organization, change=True)
    data = {key: value for key, value in model_to_dict(organization).items() if value is not None}
    data["short_name"] = "QLXD"
    form = form_class(data, instance=organization)
    assert form.is_valid(), form.errors
    model_admin.save_model(request, form.save(commit=False), form, change=True)
    assert not OrganizationChange.objects.filter(organization=organization, kind=OrganizationChangeKind.RENAME).exists()
