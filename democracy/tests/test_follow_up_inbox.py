"""The focal office records the conference through its form, with attendance from the roster and a follow-up
action; the action joins its owner's inbox, digest and calendar until it is reported done."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from core.registry import deadlines_for, inbox_for
from democracy import services
from democracy.models import FollowUpAction, Meeting


def test_the_form_records_the_conference_with_attendance_from_the_roster(client_for, orgs, users):
    day = dt.date(2025, 3, 12)
    staff = list(services.roster(orgs["TN.SXD"], day))
    picked = staff[: (len(staff) * 2) // 3 + 1]
    response = client_for("focal").post(reverse("democracy:meeting_create"), {
        "organization": orgs["TN.SXD"].pk, "kind": "staff_conference", "work_year": 2024, "date": "12/03/2025",
        "title": "Hội nghị CBCCVC năm 2025", "attendees": [p.pk for p in picked],
        "agenda": ["head_report", "resolution"], "resolution": "Thông qua kế hoạch năm 2025",
        "votes_for": len(picked) - 1, "votes_against": 1})
    assert response.status_code == 302, response.context["form"].errors
    meeting = Meeting.objects.get(title="Hội nghị CBCCVC năm 2025")
    vote = services.vote_of(meeting)
    assert meeting.roster_size == len(staff) and vote.quorum and vote.adopted
    assert meeting.agenda == ["head_report", "resolution"]
    assert meeting.history.first().history_user == users["focal"]


def test_a_conference_short_of_its_quorum_is_refused_on_the_form(client_for, orgs):
    day = dt.date(2025, 3, 12)
    few = list(services.roster(orgs["TN.SXD"], day)[:5])
    response = client_for("focal").post(reverse("democracy:meeting_create"), {
        "organization": orgs["TN.SXD"].pk, "kind": "staff_conference", "work_year": 2024, "date": "12/03/2025",
        "title": "Hội nghị thiếu người", "attendees": [p.pk for p in few], "votes_for": 5})
    assert response.status_code == 400 and "attendees" in response.context["form"].errors
    assert not Meeting.objects.filter(title="Hội nghị thiếu người").exists()


def _meeting_with_action(orgs, users, due):
    meeting = services.save_meeting(Meeting(organization=orgs["TN.SXD"], kind="dialogue_businesses",
                                            date=timezone.localdate(), title="Đối thoại doanh nghiệp"),
                                    by=users["focal"])
    return services.save_action(FollowUpAction(meeting=meeting, description="Rút ngắn thời gian cấp phép",
                                               owner_unit=orgs["TN.SXD.QLXD"], due_date=due), by=users["focal"])


def test_the_owner_unit_finds_the_action_in_its_inbox_and_deadlines(orgs, users):
    today = timezone.localdate()
    action = _meeting_with_action(orgs, users, today + dt.timedelta(days=3))
    inbox = {item.label: item.count for item in inbox_for(users["unit"])}
    assert any("due within" in label or "đến hạn" in label for label, count in inbox.items() if count == 1)
    items = deadlines_for(users["unit"], until=today + dt.timedelta(days=30))
    assert [item.key for item in items if item.key.startswith("democracy.")] == [f"democracy.action-{action.pk}"]
    assert not [item for item in deadlines_for(users["other-focal"], until=today + dt.timedelta(days=30))
                if item.key.startswith("democracy.")]


def test_the_owner_reports_the_action_done_and_it_leaves_the_inbox(client_for, orgs, users):
    today = timezone.localdate()
    action = _meeting_with_action(orgs, users, today - dt.timedelta(days=1))
    assert any(item.level == "danger" and item.count == 1 and "follow-up-actions" in item.url
               for item in inbox_for(users["unit"]))
    client = client_for("unit")
    assert client.get(reverse("democracy:action_detail", args=[action.pk])).status_code == 200
    url = reverse("democracy:action_update", args=[action.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(due_date=action.due_date.strftime("%d/%m/%Y"), done_on=today.strftime("%d/%m/%Y"),
                result="Đã rút ngắn còn 10 ngày")
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.done_on == today
    assert not [item for item in deadlines_for(users["unit"], until=today) if item.key.startswith("democracy.")]


def test_the_responsible_unit_must_belong_to_the_meetings_organization(orgs, users):
    import pytest
    from django.core.exceptions import ValidationError

    meeting = services.save_meeting(Meeting(organization=orgs["TN.SXD"], kind="dialogue_citizens",
                                            date=dt.date(2025, 5, 5), title="Đối thoại"), by=users["focal"])
    with pytest.raises(ValidationError):
        services.save_action(FollowUpAction(meeting=meeting, description="Việc", owner_unit=orgs["TN.SVHTTDL.VP"],
                                            due_date=dt.date(2025, 6, 1)), by=users["focal"])
