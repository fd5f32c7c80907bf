"""The democracy registers on the house kit: disclosures, conferences and dialogues with their follow-up
actions, inspection boards with their work; lists and exports, details, forms, history, .docx."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.access import scoped
from core.filters import YearField
from core.history import ObjectHistoryView
from core.views import (
    ConfirmView,
    Link,
    PageAction,
    ScopedDetailView,
    ScopedDownloadView,
    ScopedListView,
    ServiceFormView,
)
from democracy import documents, selectors, services
from democracy.filters import DisclosureFilter, FollowUpActionFilter, InspectionBoardFilter, MeetingFilter
from democracy.forms import BoardActivityForm, DisclosureForm, FollowUpActionForm, InspectionBoardForm, MeetingForm
from democracy.models import BoardActivity, Disclosure, FollowUpAction, InspectionBoard, Meeting
from democracy.tables import DisclosureTable, FollowUpActionTable, InspectionBoardTable, MeetingTable
from documents.docx import DOCX_CONTENT_TYPE

# Disclosures


class DisclosureList(ScopedListView):
    model, filterset_class, table_class = Disclosure, DisclosureFilter, DisclosureTable
    related = ("organization",)
    title = gettext_lazy("Disclosures")
    export_url_name, export_filename = "democracy:disclosure_export", "cong-khai.xlsx"
    links = (Link(gettext_lazy("Record a disclosure"), "democracy:disclosure_create"),)

    def get_queryset(self):
        return super().get_queryset().with_flags()


class DisclosureDetail(ScopedDetailView):
    template_name = "democracy/disclosure_detail.html"
    model, related = Disclosure, ("organization", "created_by")
    update_url_name, history_url_name = "democracy:disclosure_update", "democracy:disclosure_history"

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_change=self.can("change", self.object), **kwargs)


class DisclosureEdit(ServiceFormView):
    model, form_class = Disclosure, DisclosureForm
    success_message = gettext_lazy("Disclosure saved.")

    def get_title(self):
        return _("Edit disclosure") if self.object else _("Record a disclosure")

    def save(self, form):
        return services.save_disclosure(form.instance, by=self.request.user)


class DisclosureDelete(ConfirmView):
    model = Disclosure
    title = gettext_lazy("Delete disclosure")
    question = gettext_lazy("Delete this disclosure? The history keeps the record.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Disclosure deleted.")
    service = services.delete_disclosure
    success_url_name = "democracy:disclosure_list"


class DisclosureHistory(ObjectHistoryView):
    model = Disclosure


# Conferences and dialogues


class MeetingList(ScopedListView):
    model, filterset_class, table_class = Meeting, MeetingFilter, MeetingTable
    related = ("organization",)
    title = gettext_lazy("Conferences and dialogues")
    export_url_name, export_filename = "democracy:meeting_export", "hoi-nghi-doi-thoai.xlsx"
    links = (Link(gettext_lazy("Yearly check"), "democracy:conference_check", requires=None,
                  css="btn-outline-primary", icon="calendar-check"),
             Link(gettext_lazy("Record a conference or dialogue"), "democracy:meeting_create"))

    def get_queryset(self):
        return super().get_queryset().annotate(attendee_count=Count("attendees", distinct=True))


class MeetingDetail(ScopedDetailView):
    template_name = "democracy/meeting_detail.html"
    model, related = Meeting, ("organization", "created_by")
    update_url_name, history_url_name = "democracy:meeting_update", "democracy:meeting_history"

    def page_actions(self):
        actions = super().page_actions()
        if self.object.is_conference:
            actions += [
                PageAction(_("Minutes .docx"), self._url("democracy:meeting_minutes"), icon="file-earmark-word"),
                PageAction(_("Resolution .docx"), self._url("democracy:meeting_resolution"),
                           icon="file-earmark-word"),
            ]
        return actions

    def _url(self, name):
        return reverse(name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        attendees = list(self.object.attendees.select_related("organization")
                         .order_by("organization__path", "sort_key"))
        return super().get_context_data(
            attendees=attendees, vote=services.vote_of(self.object, len(attendees)),
            late=services.is_late_conference(self.object),
            deadline=(services.conference_deadline(self.object.work_year) if self.object.work_year else None),
            actions=self.object.actions.select_related("owner_unit", "owner").order_by("due_date", "pk"),
            can_change=self.can("change", self.object), today=timezone.localdate(), **kwargs)


class MeetingEdit(ServiceFormView):
    model, form_class = Meeting, MeetingForm
    success_message = gettext_lazy("Meeting saved.")

    def get_title(self):
        return _("Edit meeting") if self.object else _("Record a conference or dialogue")

    def save(self, form):
        data = form.cleaned_data
        attendees = {*data["attendees"], *services.units_roster(data["attendee_units"], data["date"])}
        return services.save_meeting(form.instance, attendees=attendees, by=self.request.user)


class MeetingDelete(ConfirmView):
    model = Meeting
    title = gettext_lazy("Delete meeting")
    question = gettext_lazy("Delete this meeting, its attendance and follow-up actions? The history keeps them.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Meeting deleted.")
    service = services.delete_meeting
    success_url_name = "democracy:meeting_list"


class MeetingHistory(ObjectHistoryView):
    model = Meeting


class MeetingMinutes(ScopedDownloadView):
    model, content_type = Meeting, DOCX_CONTENT_TYPE

    def render_file(self, meeting):
        return documents.render_minutes(meeting), f"bien-ban-hoi-nghi-{meeting.date:%Y%m%d}.docx"


class MeetingResolution(ScopedDownloadView):
    model, content_type = Meeting, DOCX_CONTENT_TYPE

    def render_file(self, meeting):
        return documents.render_resolution(meeting), f"nghi-quyet-hoi-nghi-{meeting.date:%Y%m%d}.docx"


class ConferenceCheck(LoginRequiredMixin, TemplateView):
    """The yearly conference of each agency and public service unit the user sees: held on time, late, not
    held, or optional (7 staff or fewer)."""

    template_name = "democracy/conference_check.html"

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        field = YearField(required=False)
        try:
            year = field.clean(request.GET.get("year")) or today.year - 1
        except ValidationError:
            return HttpResponseBadRequest(_("Enter a valid year."))
        organizations = selectors.organizations_holding_conferences(request.user, today)
        checks = services.conference_checks(organizations, year, today=today)
        return self.render_to_response(self.get_context_data(
            title=_("Staff conferences on the work of %(year)s") % {"year": year}, year=year, checks=checks,
            deadline=services.conference_deadline(year), flagged=sum(1 for c in checks if c.status.flagged)))


# Follow-up actions


class ActionList(ScopedListView):
    model, filterset_class, table_class = FollowUpAction, FollowUpActionFilter, FollowUpActionTable
    related = ("meeting", "owner_unit", "owner")
    title = gettext_lazy("Follow-up actions")
    export_url_name, export_filename = "democracy:action_export", "viec-sau-hoi-nghi.xlsx"


class ActionDetail(ScopedDetailView):
    model, related = FollowUpAction, ("meeting", "owner_unit", "owner")
    detail_fields = ("description", "meeting", "owner_unit", "owner", "due_date", "done_on", "result")
    update_url_name, history_url_name = "democracy:action_update", "democracy:action_history"


class ActionEdit(ServiceFormView):
    """Add an action to a meeting (`meeting` in the URL) or change one (`pk`): its owner reports it done."""

    model, form_class = FollowUpAction, FollowUpActionForm
    success_message = gettext_lazy("Follow-up action saved.")
    meeting = None

    def load(self, **kwargs):
        if "meeting" in kwargs:
            self.meeting = get_object_or_404(scoped(Meeting, self.request.user, "change"), pk=kwargs["meeting"])
        else:
            super().load(**kwargs)

    def get_title(self):
        return _("Edit follow-up action") if self.object else _("Add a follow-up action")

    def get_cancel_url(self):
        return self.meeting.get_absolute_url() if self.meeting else super().get_cancel_url()

    def save(self, form):
        if self.meeting is not None:
            form.instance.meeting = self.meeting
        return services.save_action(form.instance, by=self.request.user)

    def get_success_url(self, obj=None):
        return (obj or self.object).meeting.get_absolute_url() if self.meeting else (obj or self.object) \
            .get_absolute_url()


class ActionHistory(ObjectHistoryView):
    model = FollowUpAction


# People's inspection boards


class BoardList(ScopedListView):
    model, filterset_class, table_class = InspectionBoard, InspectionBoardFilter, InspectionBoardTable
    related = ("organization", "head")
    title = gettext_lazy("People's inspection boards")
    export_url_name, export_filename = "democracy:board_export", "ban-thanh-tra-nhan-dan.xlsx"
    links = (Link(gettext_lazy("Record an inspection board"), "democracy:board_create"),)

    def get_queryset(self):
        return super().get_queryset().annotate(member_count=Count("members", distinct=True))


class BoardDetail(ScopedDetailView):
    template_name = "democracy/board_detail.html"
    model, related = InspectionBoard, ("organization", "elected_at", "head")
    update_url_name, history_url_name = "democracy:board_update", "democracy:board_history"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            members=self.object.members.select_related("organization").order_by("organization__path", "sort_key"),
            activities=self.object.activities.select_related("addressed_to").order_by("-date", "-pk"),
            can_change=self.can("change", self.object), **kwargs)


class BoardEdit(ServiceFormView):
    model, form_class = InspectionBoard, InspectionBoardForm
    success_message = gettext_lazy("Inspection board saved.")

    def get_title(self):
        return _("Edit inspection board") if self.object else _("Record an inspection board")

    def save(self, form):
        return services.save_board(form.instance, members=form.cleaned_data["members"], by=self.request.user)


class BoardHistory(ObjectHistoryView):
    model = InspectionBoard


class ActivityEdit(ServiceFormView):
    """Add a programme, report or inspection to a board (`board` in the URL) or change one (`pk`)."""

    model, form_class = BoardActivity, BoardActivityForm
    success_message = gettext_lazy("Saved.")
    board = None

    def load(self, **kwargs):
        if "board" in kwargs:
            self.board = get_object_or_404(scoped(InspectionBoard, self.request.user, "change"), pk=kwargs["board"])
        else:
            super().load(**kwargs)

    def get_title(self):
        return _("Edit the board's work") if self.object else _("Record the board's work")

    def get_cancel_url(self):
        return self.board.get_absolute_url() if self.board else super().get_cancel_url()

    def save(self, form):
        if self.board is not None:
            form.instance.board = self.board
        return services.save_activity(form.instance, by=self.request.user)
