"""The signed scan of an issued plan is attached to it; the plan page says who signed and whether it changed."""

import datetime as dt

import pytest

from attachments.services import attach
from attachments.tests.files import upload
from attachments.tests.signed_pdf import TEXT, signed_pdf
from plans import services
from plans.models import Plan


@pytest.fixture
def issued_plan(users, orgs):
    province = Plan.objects.get(organization__code="TN", year=2025)
    plan = services.cascade_plan(province, to_org=orgs["TN.SXD"], by=users["focal"])
    services.submit_plan(plan, by=users["focal"])
    services.approve_plan(plan, by=users["leader"])
    return services.issue_plan(plan, by=users["focal"], number=9, date=dt.date(2025, 4, 3))


def test_the_focal_office_attaches_the_signed_scan_and_readers_see_the_signature(issued_plan, users, client_for):
    attach(issued_plan, upload("05-KH-SXD-ky-so.pdf", signed_pdf("Nguyễn Văn A")), by=users["focal"])
    page = client_for("leader").get(issued_plan.get_absolute_url()).content.decode()
    assert "Đã ký số, không thay đổi sau khi ký" in page and "Nguyễn Văn A" in page


def test_a_scan_changed_after_signing_is_flagged(issued_plan, users, client_for):
    data = signed_pdf("Nguyễn Văn A")
    attach(issued_plan, upload("ban-sua.pdf", data.replace(TEXT, TEXT.replace(b"05", b"06"))), by=users["focal"])
    page = client_for("focal").get(issued_plan.get_absolute_url()).content.decode()
    assert "Chữ ký số: tệp đã bị thay đổi sau khi ký" in page
