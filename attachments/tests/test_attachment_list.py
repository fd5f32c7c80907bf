"""The attachments card on a record's page: what it lists, what it offers, and at a fixed query cost."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attachments.models import Attachment
from attachments.services import attach
from attachments.tests import files
from attachments.tests.factories import AttachmentFactory
from orgs.scoping import forget_scope

CARD = Template("{% load attachments %}{% attachments_for obj %}")


def render_card(obj, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return CARD.render(Context({"request": request, "obj": obj}))


def test_the_plan_page_lists_its_attachments(client_for, plan, users):
    attachment = attach(plan, files.upload("Kế hoạch đã ký.pdf", files.pdf()), by=users["focal"], description="Bản ký")
    Attachment.objects.filter(pk=attachment.pk).update(
        uploaded_at=dt.datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), size=1536
    )
    html = client_for("viewer").get(plan.get_absolute_url()).content.decode()
    assert "Tệp đính kèm" in html
    assert f'href="{reverse("attachments:download", args=[attachment.pk])}">Kế hoạch đã ký.pdf</a>' in html
    assert "Bản ký" in html
    assert "1,5 KB" in html
    assert "Trần Văn Hùng" in html
    assert "05/03/2024 09:30" in html


def test_those_who_change_the_record_get_the_upload_form_and_delete_buttons(plan, users):
    attachment = attach(plan, files.upload("a.pdf", files.pdf()), by=users["focal"])
    html = render_card(plan, users["focal"])
    assert 'enctype="multipart/form-data"' in html
    assert reverse("attachments:delete", args=[attachment.pk]) in html


@pytest.mark.parametrize("role", ["viewer", "leader", "unit"])
def test_readers_get_neither_form_nor_delete_buttons(plan, users, role):
    attachment = attach(plan, files.upload("a.pdf", files.pdf()), by=users["focal"])
    html = render_card(plan, users[role])
    assert reverse("attachments:download", args=[attachment.pk]) in html
    assert "<form" not in html


def test_a_record_without_attachments_says_so(plan, users):
    assert "Chưa có tệp đính kèm." in render_card(plan, users["viewer"])


def queries_to_render(obj, user) -> int:
    forget_scope(user)
    with CaptureQueriesContext(connection) as queries:
        render_card(obj, user)
    return len(queries)


def test_the_card_costs_the_same_queries_for_one_attachment_or_many(plan, users):
    AttachmentFactory(record=plan)
    one = queries_to_render(plan, users["focal"])
    AttachmentFactory.create_batch(5, record=plan)
    many = queries_to_render(plan, users["focal"])
    assert len(re.findall("attachments/[0-9]+/delete/", render_card(plan, users["focal"]))) == 6
    assert many == one
