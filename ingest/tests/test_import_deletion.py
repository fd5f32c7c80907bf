"""An import waiting for review can be deleted, with its file, by whoever may change its organization."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.history import ChangeReason
from ingest import services
from ingest.models import ImportStatus, PlanImport
from ingest.tests.factories import PlanImportFactory


def test_the_focal_office_deletes_a_pending_import_and_its_file(
    orgs, client_for, media, django_capture_on_commit_callbacks
):
    plan_import = PlanImportFactory(organization=orgs["TN.SXD"])
    stored = Path(plan_import.file.path)
    client = client_for("focal")
    assert client.get(f"/imports/{plan_import.pk}/delete/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/imports/{plan_import.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/imports/"
    assert not PlanImport.objects.filter(pk=plan_import.pk).exists() and not stored.exists()
    record = PlanImport.history.get(id=plan_import.pk, history_type="-")
    assert record.history_user.username == "focal" and record.history_change_reason == ChangeReason.DELETED


def test_an_import_that_became_a_plan_is_kept(orgs, users, media):
    plan_import = PlanImportFactory(organization=orgs["TN.SXD"], status=ImportStatus.CREATED)
    with pytest.raises(ValidationError):
        services.delete_import(plan_import, by=users["focal"])


def test_a_reader_cannot_delete_an_import(orgs, users, media):
    plan_import = PlanImportFactory(organization=orgs["TN.SXD"])
    with pytest.raises(PermissionDenied):
        services.delete_import(plan_import, by=users["leader"])
    assert PlanImport.objects.filter(pk=plan_import.pk).exists()
