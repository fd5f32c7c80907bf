"""The same content is attached to a record once, and stored once however many records carry it."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from attachments.models import Attachment
from attachments.services import attach, remove
from attachments.tests import files
from plans.tests.factories import PlanFactory


@pytest.fixture
def other_plan(orgs):
    return PlanFactory(organization=orgs["TN.SXD"], year=2031)


def test_the_hash_is_the_sha256_of_the_content(plan, users):
    data = files.pdf()
    attachment = attach(plan, files.upload("ke-hoach.pdf", data), by=users["focal"])
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()


def test_the_same_content_twice_on_one_record_is_refused_naming_the_first(plan, users, stored_files):
    data = files.pdf()
    first = attach(plan, files.upload("Kế hoạch đã ký.pdf", data), by=users["focal"])
    with pytest.raises(ValidationError) as refused:
        attach(plan, files.upload("ban-sao.pdf", data), by=users["focal"])
    uploaded = timezone.localtime(first.uploaded_at).strftime("%d/%m/%Y %H:%M")
    assert refused.value.messages == [f"Tệp này đã được đính kèm với tên “Kế hoạch đã ký.pdf” ({uploaded})."]
    assert list(Attachment.objects.values_list("pk", flat=True)) == [first.pk]
    assert stored_files() == [first.file.name]


def test_the_same_content_on_another_record_shares_the_stored_file(plan, other_plan, users, stored_files):
    data = files.pdf()
    first = attach(plan, files.upload("ke-hoach.pdf", data), by=users["focal"])
    second = attach(other_plan, files.upload("ban-sao.pdf", data), by=users["focal"])
    assert second.pk != first.pk
    assert second.file.name == first.file.name
    assert stored_files() == [first.file.name]


def test_different_content_is_stored_apart(plan, users, stored_files):
    first = attach(plan, files.upload("a.pdf", files.pdf("Một")), by=users["focal"])
    second = attach(plan, files.upload("b.pdf", files.pdf("Hai")), by=users["focal"])
    assert stored_files() == sorted([first.file.name, second.file.name])


def test_a_shared_file_stays_until_its_last_attachment_is_removed(
    plan, other_plan, users, stored_files, django_capture_on_commit_callbacks
):
    data = files.pdf()
    first = attach(plan, files.upload("ke-hoach.pdf", data), by=users["focal"])
    second = attach(other_plan, files.upload("ban-sao.pdf", data), by=users["focal"])
    name = first.file.name
    with django_capture_on_commit_callbacks(execute=True):
        remove(first, by=users["focal"])
    assert stored_files() == [name]
    with django_capture_on_commit_callbacks(execute=True):
        remove(second, by=users["focal"])
    assert stored_files() == []
    assert not Attachment.objects.exists()


def test_a_removed_file_may_be_attached_again(plan, users, django_capture_on_commit_callbacks):
    data = files.pdf()
    with django_capture_on_commit_callbacks(execute=True):
        remove(attach(plan, files.upload("ke-hoach.pdf", data), by=users["focal"]), by=users["focal"])
    again = attach(plan, files.upload("ke-hoach.pdf", data), by=users["focal"])
    with again.file.open("rb") as stored:
        assert stored.read() == data
