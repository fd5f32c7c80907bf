"""A user's list of exports keeps the house kit's list contract (core.testing)."""

from core.testing import ListPageContract
from exports.models import ExportJob


class TestMyExports(ListPageContract):
    list_url_name = "exports:export_list"
    detail_url_name = "exports:export_detail"
    role = "focal"

    def add_rows(self, orgs, count):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username=self.role)
        return [ExportJob.objects.create(user=user, view="orgs.views.StaffMemberListView", title=f"Danh sách {i}",
                                         filename="x.xlsx") for i in range(count)]
