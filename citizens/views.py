"""Receptions and petitions on the house kit; the personal data shown only to the handlers (citizens.privacy)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from citizens import deadlines, documents, privacy, services
from citizens.filters import PetitionFilter, ReceptionFilter
from citizens.forms import OpenPetitionForm, PetitionForm, ReceptionForm, StepForm
from citizens.models import PersonalDataReading, Petition, Reception
from citizens.tables import PetitionTable, ReadingTable, ReceptionTable
from core.history import ObjectHistoryView
from core.views import (
    ActionRequiredMixin,
    Link,
    PageAction,
    ScopedDetailView,
    ScopedDownloadView,
    ScopedListView,
    ScopedMixin,
    ServiceFormView,
    error_messages,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class _PrivateList(ScopedListView):
    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "user": self.request.user,
                "where": "export" if self.export else "page"}


class PetitionList(_PrivateList):
    model, filterset_class, table_class = Petition, PetitionFilter, PetitionTable
    related = ("organization",)
    title = gettext_lazy("Petitions")
    export_url_name, export_filename = "citizens:petition_export", "don-thu.xlsx"
    links = (Link(gettext_lazy("Record a petition"), "citizens:petition_create", requires=privacy.HANDLE),)


class PetitionDetail(ScopedDetailView):
    template_name = "citizens/petition_detail.html"
    model, related = Petition, ("organization", "first_petition", "reception")
    history_url_name = "citizens:petition_history"

    def page_actions(self):
        actions = super().page_actions()
        if self.handles:
            actions.append(PageAction(_("Edit"), self.url("citizens:petition_update"), css="btn-primary",
                                      icon="pencil"))
        return actions

    def url(self, name):
        from django.urls import reverse

        return reverse(name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        self.handles = bool(privacy.visible_petitions(self.request.user, [self.object], where="page"))
        petition = self.object
        return super().get_context_data(
            handles=self.handles, due=deadlines.current_due(petition), events=petition.events.select_related(
                "notice"), transitions=services.available_transitions(petition) if self.handles else [],
            step_form=StepForm(), on_time=deadlines.settled_on_time(petition),
            can_register=self.can("register", petition),
            second_due=deadlines.second_complaint_due(petition), **kwargs)


class PetitionEdit(ServiceFormView):
    model, form_class = Petition, PetitionForm
    action = create_action = privacy.HANDLE
    success_message = gettext_lazy("Petition saved.")

    def get_title(self):
        return _("Edit petition") if self.object else _("Record a petition")

    def load(self, **kwargs):
        super().load(**kwargs)
        if self.object is not None:
            if not privacy.handles(self.request.user, self.object):
                from django.http import Http404

                raise Http404
            privacy.log_readings(self.request.user, petitions=[self.object], where="form")

    def save(self, form):
        if self.object is None:
            petition, secret = services.record_petition(form.instance, by=self.request.user)
            messages.info(self.request, _("Give the citizen the code %(code)s and the secret %(secret)s to follow "
                                          "the petition online.") % {"code": petition.code, "secret": secret})
            return petition
        return services.update_petition(form.instance, by=self.request.user)


class PetitionStep(ScopedMixin, FormView):
    """One legal step (POST only, from the petition's page)."""

    model, action = Petition, privacy.HANDLE
    form_class = StepForm
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        petition = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        form = self.get_form()
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return HttpResponseRedirect(petition.get_absolute_url())
        data = form.cleaned_data
        try:
            services.advance(petition, data["transition"], by=request.user, date=data["date"], reason=data["reason"])
        except ValidationError as exc:
            error_messages(request, exc)
        else:
            messages.success(request, _("Step recorded."))
        return HttpResponseRedirect(petition.get_absolute_url())


class PetitionNotice(ScopedDownloadView):
    """The notice of acceptance or non-acceptance (.docx), for the handlers."""

    model, action, content_type = Petition, privacy.HANDLE, DOCX

    def render_file(self, petition):
        event = get_object_or_404(petition.events.select_related("notice"), pk=self.kwargs["event"],
                                  transition__in=("accept", "refuse"))
        if not privacy.handles(self.request.user, petition):
            from django.http import Http404

            raise Http404
        privacy.log_readings(self.request.user, petitions=[petition], where="notice")
        return documents.petition_notice(petition, event), f"thong-bao-{petition.code}.docx"


class PetitionNoticeNumber(ScopedMixin, FormView):
    """The registry office numbers a step's notice in the document register (POST from the petition's page)."""

    model, action = Petition, "register"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        petition = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        event = get_object_or_404(petition.events.all(), pk=kwargs["event"])
        try:
            event = services.number_notice(event, by=request.user)
        except ValidationError as exc:
            error_messages(request, exc)
        else:
            messages.success(request, _("Notice numbered %(number)s.") % {"number": event.notice.number_symbol})
        return HttpResponseRedirect(petition.get_absolute_url())


class PetitionHistory(ObjectHistoryView):
    model = Petition


class ReceptionList(_PrivateList):
    model, filterset_class, table_class = Reception, ReceptionFilter, ReceptionTable
    related = ("organization",)
    title = gettext_lazy("Citizen-reception book")
    export_url_name, export_filename = "citizens:reception_export", "so-tiep-cong-dan.xlsx"
    links = (Link(gettext_lazy("Record a reception"), "citizens:reception_create", requires=privacy.HANDLE),)

    def page_actions(self):
        from django.urls import reverse

        query = self.request.GET.urlencode()
        url = reverse("citizens:reception_book_docx")
        return [*super().page_actions(), PageAction(_("Book .docx"), f"{url}?{query}" if query else url,
                                                    icon="file-earmark-word")]


class ReceptionBookDocx(_PrivateList):
    """The citizen-reception book as .docx, in the columns of Mẫu 03/TCD."""

    model, filterset_class, table_class = Reception, ReceptionFilter, ReceptionTable
    related = ("organization",)

    def get(self, request, *args, **kwargs):
        from django.utils.http import content_disposition_header

        self.object_list = self.filtered()
        receptions = list(self.object_list.order_by("date", "id")[:2000])
        visible = privacy.visible_receptions(request.user, receptions, where="export")
        response = HttpResponse(documents.reception_book(receptions, visible), content_type=DOCX)
        response["Content-Disposition"] = content_disposition_header(True, "so-tiep-cong-dan.docx")
        return response


class ReceptionDetail(ScopedDetailView):
    template_name = "citizens/reception_detail.html"
    model, related = Reception, ("organization",)
    history_url_name = "citizens:reception_history"

    def get_context_data(self, **kwargs):
        handles = bool(privacy.visible_receptions(self.request.user, [self.object], where="page"))
        actions = []
        if handles:
            from django.urls import reverse

            actions.append(PageAction(_("Edit"), reverse("citizens:reception_update", args=[self.object.pk]),
                                      css="btn-primary", icon="pencil"))
        return super().get_context_data(handles=handles, extra_actions=actions, open_form=OpenPetitionForm(),
                                        petitions=self.object.petitions.all(), **kwargs)


class ReceptionEdit(ServiceFormView):
    model, form_class = Reception, ReceptionForm
    action = create_action = privacy.HANDLE
    success_message = gettext_lazy("Reception saved.")

    def get_title(self):
        return _("Edit reception") if self.object else _("Record a reception")

    def load(self, **kwargs):
        super().load(**kwargs)
        if self.object is not None:
            privacy.log_readings(self.request.user, receptions=[self.object], where="form")

    def save(self, form):
        return services.save_reception(form.instance, by=self.request.user)


class ReceptionOpenPetition(ScopedMixin, FormView):
    model, action = Reception, privacy.HANDLE
    form_class = OpenPetitionForm
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        reception = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        form = self.get_form()
        subject = form.cleaned_data["subject"] if form.is_valid() else ""
        try:
            petition, secret = services.open_petition_from_reception(reception, by=request.user, subject=subject)
        except ValidationError as exc:
            error_messages(request, exc)
            return HttpResponseRedirect(reception.get_absolute_url())
        messages.info(request, _("Give the citizen the code %(code)s and the secret %(secret)s to follow "
                                 "the petition online.") % {"code": petition.code, "secret": secret})
        return HttpResponseRedirect(petition.get_absolute_url())


class ReceptionDocument(ScopedDownloadView):
    """The refusal notice (Mẫu 01/TCD) or the receipt of documents (Mẫu 02/TCD), for the handlers."""

    model, action, content_type = Reception, privacy.HANDLE, DOCX
    kind = "receipt"

    def render_file(self, reception):
        privacy.log_readings(self.request.user, receptions=[reception], where="notice")
        if self.kind == "refusal":
            if not reception.refused:
                from django.http import Http404

                raise Http404
            return documents.reception_refusal(reception), f"tu-choi-tiep-{reception.pk}.docx"
        return documents.reception_receipt(reception), f"bien-nhan-{reception.pk}.docx"


class ReceptionHistory(ObjectHistoryView):
    model = Reception


class ReadingList(ActionRequiredMixin, ScopedListView):
    """The log of every reading of personal data, for the coordinator."""

    required_action = "audit_personal_data"
    action = "audit_personal_data"
    model, table_class = PersonalDataReading, ReadingTable
    related = ("user", "petition", "reception")
    title = gettext_lazy("Personal data readings")
    export_url_name, export_filename = None, "nhat-ky.xlsx"
