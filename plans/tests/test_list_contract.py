"""Plans and assignments keep the house kit's list contract (core.testing)."""

from core.testing import ListPageContract
from plans.models import Assignment, Plan


class TestPlanList(ListPageContract):
    list_url_name = "plans:plan_list"
    export_url_name = "plans:plan_export"
    detail_url_name = "plans:plan_detail"
    history_url_name = "plans:plan_history"

    def add_rows(self, orgs, count):
        start = 2040 + Plan.objects.filter(organization=orgs["TN.SXD"], year__gte=2040).count()
        return [Plan.objects.create(organization=orgs["TN.SXD"], year=start + i, symbol="KH-SXD", place="Tây Ninh",
                                    title=f"Kế hoạch thử {start + i}") for i in range(count)]


class TestMyAssignments(ListPageContract):
    list_url_name = "plans:my_assignments"
    export_url_name = "plans:assignment_export"
    role = "unit"

    def add_rows(self, orgs, count):
        plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)
        return [Assignment.objects.create(plan=plan, lead_unit=orgs["TN.SXD.QLXD"], task=f"Nhiệm vụ thử {i}")
                for i in range(count)]
