"""Rows of the permission walk (danvan/tests/permission_table.py) for exports.

An export belongs to the user who asked for it: the sample is the focal's, and nobody else,
not the province's coordinator nor a colleague in the same agency, may open or download it.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from danvan.tests.permission_table import Rule, page
from exports.models import ExportJob, ExportStatus

OWNER = frozenset({"focal"})


def _sample_export(orgs):
    job = ExportJob.objects.filter(user__username="focal", title="Mẫu").first()
    if job is None:
        job = ExportJob(
            user=get_user_model().objects.get(username="focal"), view="orgs.views.StaffMemberListView",
            title="Mẫu", filename="mau.xlsx", status=ExportStatus.DONE, rows_total=1, rows_done=1,
        )
        job.file.save("mau.xlsx", ContentFile(b"PK"), save=False)
        job.save()
    return job


def _leak_export(org, marker):
    # An export of someone who works in `org`: only that person ever lists it.
    user, _ = get_user_model().objects.get_or_create(username=f"leak-{org.code}".lower())
    ExportJob.objects.create(user=user, view="orgs.views.StaffMemberListView", title=marker, filename="x.xlsx")


SAMPLES = {"export_job": _sample_export}

RULES = {
    "exports:export_list": Rule(get=page()),
    "exports:export_detail": Rule(get=page(OWNER), kwargs={"pk": "export_job"}),
    "exports:export_progress": Rule(get=page(OWNER), kwargs={"pk": "export_job"}),
    "exports:export_download": Rule(get=page(OWNER), kwargs={"pk": "export_job"}),
}

LEAK_MARKERS = {"export_job": _leak_export}
