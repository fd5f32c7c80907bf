"""Rows of the permission walk (danvan/tests/permission_table.py) for plan imports.

The sample import belongs to Sở Xây dựng and has been read: the agency's readers and the
province see it; only those who change the agency's data (focal, admin) may create its plan.
"""

from __future__ import annotations

from danvan.tests.permission_table import CHANGES_SOMEWHERE, Rule, page
from ingest.models import ImportStatus, PlanImport

SEES_IMPORT = frozenset({"admin", "coordinator", "focal", "leader", "inspector"})
USES_IMPORT = frozenset({"admin", "focal"})


def _sample_import(orgs):
    from ingest.tasks import read_plan_import

    plan_import = PlanImport.objects.filter(organization=orgs["TN.SXD"]).first()
    if plan_import is None:
        plan_import = PlanImport.objects.create(
            organization=orgs["TN.SXD"], file="imports/mau.txt", original_name="mau.txt", size=9,
            status=ImportStatus.DONE, text="KẾ HOẠCH", result={"document": {"year": 2031}},
        )
        # Leaves a queued task in the database backend, so its admin pages have a row to open.
        read_plan_import.enqueue(plan_import.pk)
    return plan_import


def _deletable_import(orgs):
    plan_import, _ = PlanImport.objects.get_or_create(
        organization=orgs["TN.SXD"], original_name="xoa.txt",
        defaults={"file": "imports/xoa.txt", "size": 9, "status": ImportStatus.DONE, "text": "KẾ HOẠCH"},
    )
    return plan_import


SAMPLES = {"plan_import": _sample_import, "deletable_import": _deletable_import}

RULES = {
    "ingest:import_list": Rule(get=page()),
    "ingest:import_create": Rule(
        get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, denied=403)
    ),
    # An empty review is refused (400) for those who may use the import; readers are forbidden.
    "ingest:import_detail": Rule(
        get=page(SEES_IMPORT),
        post={**page(SEES_IMPORT, ok=403), **dict.fromkeys(USES_IMPORT, 400)},
        kwargs={"pk": "plan_import"},
    ),
    # GET asks for confirmation; those who change the agency's data delete it (and go to the list).
    "ingest:import_delete": Rule(
        get=page(USES_IMPORT), post=page(USES_IMPORT, ok=302),
        kwargs={"pk": "deletable_import"},
    ),
    "ingest:import_existing_plan": Rule(get=page(SEES_IMPORT), kwargs={"pk": "plan_import"}),
    # Only POST; an empty choice sends those who may use the import back to it.
    "ingest:import_move": Rule(
        get=page(ok=405),
        post={**page(SEES_IMPORT, ok=403), **dict.fromkeys(USES_IMPORT, 302)},
        kwargs={"pk": "plan_import"},
    ),
    "ingest:import_progress": Rule(get=page(SEES_IMPORT), kwargs={"pk": "plan_import"}),
}


LEAK_MARKERS = {
    "plan_import": lambda agency, marker: PlanImport.objects.create(
        organization=agency, file="imports/leak.txt", original_name=marker, size=1, status=ImportStatus.DONE,
    ),
}
