"""Who acted is recorded by the services themselves: also outside a request (API, commands, tasks)."""

from django.http import HttpResponse
from simple_history.middleware import HistoryRequestMiddleware
from simple_history.utils import bulk_create_with_history

from core.history import ChangeReason, acting_as
from orgs import services as org_services
from orgs.models import StaffMember
from plans.models import Activity


def roster_entry(orgs) -> StaffMember:
    return StaffMember.objects.filter(organization=orgs["TN.SXD.QLXD"], user__isnull=True).order_by("pk").first()


def test_a_service_called_outside_a_request_records_the_user_it_acts_for(orgs, users):
    staff = roster_entry(orgs)
    staff.position = "Phó Trưởng phòng"
    org_services.save_staff_member(staff, by=users["unit"])
    assert staff.history.first().history_user == users["unit"]


def test_records_written_in_bulk_name_the_acting_user_and_reason(draft_plan, users):
    area = draft_plan.content_areas.first()
    with acting_as(users["leader"], reason=ChangeReason.IMPORTED):
        [activity] = bulk_create_with_history([Activity(content_area=area, text="Hội nghị")], Activity)
    record = activity.history.get()
    assert (record.history_user, record.history_change_reason) == (users["leader"], "imported")


def test_a_cascade_outside_a_request_names_its_author_on_every_copied_part(draft_plan, users):
    copied = Activity.history.filter(content_area_id__in=draft_plan.content_areas.values("id"))
    assert copied.exists()
    assert {(r.history_user, r.history_change_reason) for r in copied} == {(users["focal"], "cascaded")}


def test_acting_as_wins_over_the_request_user_who_is_recorded_otherwise(rf, orgs, users):
    staff = roster_entry(orgs)

    def view(request):
        staff.position = "Chuyên viên chính"
        staff.save()
        with acting_as(users["leader"]):
            staff.position = "Phó Trưởng phòng"
            staff.save()
        return HttpResponse()

    request = rf.post("/")
    request.user = users["focal"]
    HistoryRequestMiddleware(view)(request)
    by_request, by_service = staff.history.order_by("-history_id")[:2][::-1]
    assert (by_request.history_user, by_service.history_user) == (users["focal"], users["leader"])


def test_an_objects_own_reason_wins_over_the_enclosing_one(orgs, users):
    staff = roster_entry(orgs)
    with acting_as(users["focal"], reason=ChangeReason.MERGED):
        staff._change_reason = ChangeReason.RENAMED
        staff.save()
        other = StaffMember.objects.exclude(pk=staff.pk).filter(organization=staff.organization).first()
        other.save()
    assert staff.history.first().history_change_reason == "renamed"
    assert other.history.first().history_change_reason == "merged"


def test_leaving_acting_as_stops_naming_its_user(orgs, users):
    staff = roster_entry(orgs)
    with acting_as(users["focal"]):
        staff.save()
    staff.save()
    inside, after = staff.history.order_by("-history_id")[:2][::-1]
    assert (inside.history_user, after.history_user) == (users["focal"], None)
