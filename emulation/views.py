"""The emulation register on the house kit: movements, nominations with their workflow, commendations."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.history import ObjectHistoryView
from core.views import ConfirmView, Link, ScopedDetailView, ScopedListView, ScopedMixin, ServiceFormView, error_messages
from emulation import services
from emulation.filters import CommendationFilter, ExemplarFilter, MovementFilter
from emulation.forms import CommendationForm, ExemplarCommendationForm, ExemplarForm, MovementForm, StepForm
from emulation.holds import holds_of
from emulation.models import Commendation, Exemplar, Movement
from emulation.tables import CommendationTable, ExemplarTable, MovementTable


class MovementList(ScopedListView):
    model, filterset_class, table_class = Movement, MovementFilter, MovementTable
    related = ("organization",)
    title = gettext_lazy("Emulation movements")
    export_url_name, export_filename = "emulation:movement_export", "phong-trao-thi-dua.xlsx"
    links = (Link(gettext_lazy("Launch a movement"), "emulation:movement_create"),)


class MovementDetail(ScopedDetailView):
    template_name = "emulation/movement_detail.html"
    model, related = Movement, ("organization",)
    detail_fields = ("year", "name", "organization", "description")
    update_url_name, history_url_name = "emulation:movement_update", "emulation:movement_history"

    def get_context_data(self, **kwargs):
        # The nominations the user sees, of every unit that took part.
        exemplars = (Exemplar.objects.scoped(self.request.user, "view").filter(movement=self.object)
                     .select_related("organization").order_by("organization__path", "name"))
        return super().get_context_data(exemplars=exemplars, **kwargs)


class MovementEdit(ServiceFormView):
    model, form_class = Movement, MovementForm
    success_message = gettext_lazy("Movement saved.")

    def save(self, form):
        return services.save_movement(form.instance, by=self.request.user)


class MovementHistory(ObjectHistoryView):
    model = Movement


class ExemplarList(ScopedListView):
    model, filterset_class, table_class = Exemplar, ExemplarFilter, ExemplarTable
    related = ("organization",)
    title = gettext_lazy("Good models and exemplary people")
    export_url_name, export_filename = "emulation:exemplar_export", "mo-hinh-dien-hinh.xlsx"
    links = (Link(gettext_lazy("Nominate"), "emulation:exemplar_create"),)


class ExemplarDetail(ScopedDetailView):
    template_name = "emulation/exemplar_detail.html"
    model, related = Exemplar, ("organization", "movement", "person", "created_by")
    update_url_name, history_url_name = "emulation:exemplar_update", "emulation:exemplar_history"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            steps=services.steps_for(user, self.object), holds=holds_of(self.object),
            may_commend=self.object.status in services.COMMEND_FROM and services.may_review(user, self.object),
            commendations=self.object.commendations.all(), step_form=StepForm(),
            can_delete=self.can("change", self.object), **kwargs)


class ExemplarEdit(ServiceFormView):
    model, form_class = Exemplar, ExemplarForm
    success_message = gettext_lazy("Nomination saved.")

    def get_title(self):
        return _("Edit nomination") if self.object else _("Nominate a good model or an exemplary person")

    def save(self, form):
        return services.save_exemplar(form.instance, by=self.request.user)


class ExemplarDelete(ConfirmView):
    model = Exemplar
    title = gettext_lazy("Delete nomination")
    question = gettext_lazy("Delete this nomination? The history keeps the record.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Nomination deleted.")
    service = services.delete_exemplar
    success_url_name = "emulation:exemplar_list"


class ExemplarStep(ScopedMixin, View):
    """One step of the nomination workflow (services.STEPS); a refused step is shown as a message."""

    model = Exemplar
    http_method_names = ["post"]

    def post(self, request, pk):
        exemplar = get_object_or_404(self.get_queryset(), pk=pk)
        form = StepForm(request.POST)
        step = form.data.get("step", "")
        try:
            services.advance(exemplar, step, by=request.user, note=form.data.get("note", ""))
        except ValidationError as exc:
            error_messages(request, exc)
        else:
            messages.success(request, _("Nomination: %(step)s.") % {"step": services.STEPS[step].label})
        return HttpResponseRedirect(exemplar.get_absolute_url())


class ExemplarHistory(ObjectHistoryView):
    model = Exemplar


class CommendationList(ScopedListView):
    model, filterset_class, table_class = Commendation, CommendationFilter, CommendationTable
    related = ("organization",)
    title = gettext_lazy("Commendations")
    export_url_name, export_filename = "emulation:commendation_export", "khen-thuong.xlsx"
    links = (Link(gettext_lazy("Record a commendation"), "emulation:commendation_create"),)


class CommendationDetail(ScopedDetailView):
    model, related = Commendation, ("organization", "exemplar")
    detail_fields = ("recipient", "organization", "exemplar", "award", "kind", "level", "award_type",
                     "decision_number", "decision_date", "golden_book_number", "notes")
    update_url_name, history_url_name = "emulation:commendation_update", "emulation:commendation_history"


class CommendationEdit(ServiceFormView):
    model, form_class = Commendation, CommendationForm
    success_message = gettext_lazy("Commendation saved.")

    def get_form_class(self):
        if self.object is not None and self.object.exemplar_id:
            return ExemplarCommendationForm
        return CommendationForm

    def save(self, form):
        return services.save_commendation(form.instance, by=self.request.user)


class ExemplarCommend(ServiceFormView):
    """The focal office records the commendation of an approved nomination (its decision's number and date)."""

    model, form_class = Commendation, ExemplarCommendationForm
    success_message = gettext_lazy("Commendation recorded.")

    def load(self, **kwargs):
        self.exemplar = get_object_or_404(
            Exemplar.objects.scoped(self.request.user, "view").select_related("organization", "person"),
            pk=kwargs["pk"])
        if not services.may_review(self.request.user, self.exemplar):
            raise PermissionDenied

    def get_title(self):
        return _("Commendation of %(name)s") % {"name": self.exemplar}

    def get_cancel_url(self):
        return self.exemplar.get_absolute_url()

    def save(self, form):
        form.instance.exemplar = self.exemplar
        return services.save_commendation(form.instance, by=self.request.user)

    def get_success_url(self, obj=None):
        return self.exemplar.get_absolute_url()


class CommendationHistory(ObjectHistoryView):
    model = Commendation
