"""The four lists open, export their columns and keep their query counts whatever their length; each
record's detail and history open."""

import datetime as dt

from core.testing import ListPageContract
from democracy.models import FollowUpAction, InspectionBoard
from democracy.tests.factories import conference, disclosure

DAY = dt.date(2025, 3, 10)


def _focal(orgs):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="focal")


class TestDisclosureList(ListPageContract):
    list_url_name, export_url_name = "democracy:disclosure_list", "democracy:disclosure_export"
    detail_url_name, history_url_name = "democracy:disclosure_detail", "democracy:disclosure_history"

    def add_rows(self, orgs, count):
        return [disclosure(orgs["TN.SXD"], _focal(orgs), decided=DAY, posted_from=DAY + dt.timedelta(days=i % 9),
                           title=f"Công khai {i}") for i in range(count)]


class TestMeetingList(ListPageContract):
    list_url_name, export_url_name = "democracy:meeting_list", "democracy:meeting_export"
    detail_url_name, history_url_name = "democracy:meeting_detail", "democracy:meeting_history"

    def add_rows(self, orgs, count):
        return [conference(orgs["TN.SXD.QLXD"], _focal(orgs), date=DAY, title=f"Hội nghị {i}") for i in range(count)]


class TestActionList(ListPageContract):
    list_url_name, export_url_name = "democracy:action_list", "democracy:action_export"
    detail_url_name, history_url_name = "democracy:action_detail", "democracy:action_history"

    def add_rows(self, orgs, count):
        meeting = conference(orgs["TN.SXD.QLXD"], _focal(orgs), date=DAY)
        return [FollowUpAction.objects.create(meeting=meeting, description=f"Việc {i}", owner_unit=orgs["TN.SXD.QLXD"],
                                              due_date=DAY + dt.timedelta(days=30)) for i in range(count)]


class TestBoardList(ListPageContract):
    list_url_name, export_url_name = "democracy:board_list", "democracy:board_export"
    detail_url_name, history_url_name = "democracy:board_detail", "democracy:board_history"

    def add_rows(self, orgs, count):
        return [InspectionBoard.objects.create(organization=orgs["TN.SXD"], elected_on=DAY + dt.timedelta(days=i),
                                               term_end=dt.date(2027, 3, 1)) for i in range(count)]
