"""The people's inspection board: 3 to 9 members from the roster, a 2-year term, none with 7 staff or fewer."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from democracy import services
from democracy.models import BoardActivity, BoardActivityKind, InspectionBoard
from democracy.tests.factories import small_unit

ELECTED = dt.date(2025, 3, 20)


def _board(org, by, count, elected=ELECTED):
    members = list(services.roster(org, elected)[:count])
    return services.save_board(InspectionBoard(organization=org, elected_on=elected), members=members, by=by)


def test_a_board_of_three_serves_two_years(orgs, users):
    board = _board(orgs["TN.SXD"], users["focal"], 3)
    assert board.term_end == dt.date(2027, 3, 19) and board.members.count() == 3


@pytest.mark.parametrize("count", [2, 10])
def test_a_board_has_three_to_nine_members(orgs, users, count):
    with pytest.raises(ValidationError):
        _board(orgs["TN.SXD"], users["focal"], count)


def test_no_board_is_formed_with_seven_staff_or_fewer(orgs, users):
    unit = small_unit(orgs["TN.SXD"], "TN.SXD.NHO", staff=7)
    with pytest.raises(ValidationError, match="7"):
        _board(unit, users["focal"], 3)


def test_an_inspection_recommendation_goes_to_a_unit_of_the_agency(orgs, users):
    board = _board(orgs["TN.SXD"], users["focal"], 5)
    activity = BoardActivity(board=board, kind=BoardActivityKind.INSPECTION, date=dt.date(2025, 6, 2),
                             subject="Giám sát công khai tài chính", recommendation="Niêm yết đủ 20 ngày",
                             addressed_to=orgs["TN.SVHTTDL.VP"])
    with pytest.raises(ValidationError):
        services.save_activity(activity, by=users["focal"])
    activity.addressed_to = orgs["TN.SXD.VP"]
    assert services.save_activity(activity, by=users["focal"]).pk


def test_a_programme_names_its_period(orgs, users):
    board = _board(orgs["TN.SXD"], users["focal"], 5)
    with pytest.raises(ValidationError):
        services.save_activity(BoardActivity(board=board, kind=BoardActivityKind.PROGRAMME, period="2025-Q5",
                                             date=dt.date(2025, 4, 1), subject="Chương trình quý"),
                               by=users["focal"])
