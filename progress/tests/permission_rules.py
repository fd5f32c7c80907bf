"""Rows of the permission walk for progress: the sample assignment (lead: Phòng QLHĐXD) of Sở Xây
dựng's issued 2024 plan. Its page is read where the plan is; progress is reported by the plan's
editors and the lead unit's."""

from django.contrib.contenttypes.models import ContentType

from attachments.models import Attachment
from danvan.tests.permission_table import Rule, api, page
from plans.models import Assignment
from plans.tests.permission_rules import SEES_ASSIGNMENT
from progress.models import ProgressUpdate

REPORTS = frozenset({"admin", "focal", "unit"})

def _update(orgs):
    assignment = Assignment.objects.filter(plan__organization=orgs["TN.SXD"], plan__year=2024,
                                           lead_unit=orgs["TN.SXD.QLXD"]).first()
    return ProgressUpdate.objects.get_or_create(assignment=assignment, text="Báo cáo mẫu",
                                                defaults={"date": "2024-05-01", "percent": 30,
                                                          "status": "in_progress"})[0]


def _evidence(orgs):
    update = _update(orgs)
    return Attachment.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(ProgressUpdate), object_id=update.pk, sha256="0" * 64,
        defaults={"file": "attachments/mau.pdf", "original_name": "bien-ban.pdf", "mime_type": "application/pdf",
                  "extension": "pdf", "size": 10})[0]


SAMPLES = {"progress_update": _update, "evidence": _evidence}
PAYLOADS = {
    "progress_on_sample_assignment": lambda samples: {
        "assignment": samples["assignment"].pk, "date": "2024-06-30", "text": "Đã triển khai", "percent": 50,
        "status": "in_progress",
    },
}
RULES = {
    # An empty report answers 400 with its errors; a reader who may not report gets 403.
    "progress:assignment_progress": Rule(
        get=page(SEES_ASSIGNMENT), post={**page(SEES_ASSIGNMENT, ok=403), **dict.fromkeys(REPORTS, 400)},
        kwargs={"pk": "assignment"},
    ),
    "progress-update-detail": Rule(get=api(SEES_ASSIGNMENT), kwargs={"pk": "progress_update"}),
    "evidence-list": Rule(get=api()),
    "evidence-detail": Rule(get=api(SEES_ASSIGNMENT), kwargs={"pk": "evidence"}),
    "progress-update-list": Rule(get=api(), post=api(REPORTS, ok=201, denied=403),
                                 post_data="progress_on_sample_assignment"),
}
LEAK_MARKERS = {
    "progress_update": lambda org, marker: ProgressUpdate.objects.create(
        assignment=Assignment.objects.filter(plan__organization=org).first(), date="2025-01-05", text=marker,
        percent=10, status="in_progress"),
}

# Periodic reports keep their rows in their own module.
from progress.tests import reporting_permission_rules as _reports  # noqa: E402

SAMPLES.update(_reports.SAMPLES)
RULES.update(_reports.RULES)
LEAK_MARKERS.update(_reports.LEAK_MARKERS)
