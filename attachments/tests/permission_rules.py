"""Rows of the permission walk (danvan/tests/permission_table.py) for attachments.

The sample is a PDF attached to Sở Xây dựng's issued 2024 plan. Downloading follows who may
see the plan; adding and removing follow who may change it (the agency's focal office). An
issued plan takes no edits, but it still takes attachments: its signed scan, for instance.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from attachments.models import Attachment
from attachments.services import attach
from danvan.tests.permission_table import Rule, page
from plans.models import Plan
from plans.tests.permission_rules import POST_ONLY, SEES_ISSUED, acts

CHANGES_ISSUED = frozenset({"admin", "focal"})
# A minimal PDF: the signature is what the type check reads.
SAMPLE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _plan(orgs) -> Plan:
    return Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)


def _sample_attachment(orgs) -> Attachment:
    plan = _plan(orgs)
    existing = Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(Plan), object_id=plan.pk
    ).first()
    if existing is not None:
        return existing
    focal = get_user_model().objects.get(username="focal")
    return attach(plan, ContentFile(SAMPLE_PDF, name="Kế hoạch đã ký.pdf"), by=focal, description="Bản ký")


SAMPLES = {
    "attachment": _sample_attachment,
    "plan_content_type": lambda orgs: ContentType.objects.get_for_model(Plan),
}

RULES = {
    "attachments:download": Rule(get=page(SEES_ISSUED), kwargs={"pk": "attachment"}),
    # An empty upload is refused with a message on the plan's page (302) for those who may change it.
    "attachments:add": Rule(
        get=POST_ONLY,
        post=acts(CHANGES_ISSUED, SEES_ISSUED),
        kwargs={"content_type_id": "plan_content_type", "object_id": "plan"},
    ),
    "attachments:delete": Rule(
        get=POST_ONLY, post=acts(CHANGES_ISSUED, SEES_ISSUED), kwargs={"pk": "attachment"}
    ),
}
