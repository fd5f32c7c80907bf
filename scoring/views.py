"""Scoring on the house kit: criteria sets (import, export, publication), assessments (self-scores, steps,
review), the ranking and the .docx outputs."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from core.access import holds_anywhere
from core.history import ObjectHistoryView
from core.views import (
    ConfirmView,
    Link,
    PageAction,
    ScopedDetailView,
    ScopedDownloadView,
    ScopedListView,
    ScopedMixin,
    ServiceFormView,
    add_service_errors,
)
from core.xlsx import xlsx_response
from orgs.models import OrganizationType
from plans.models import Measure
from scoring import documents, services
from scoring.filters import AssessmentFilter, CriteriaSetFilter
from scoring.forms import (
    AnswerForm,
    NotEligibleForm,
    OpenAssessmentForm,
    RedLinesForm,
    ReopenForm,
    ReturnForm,
    ReviewerForm,
    ReviewScoreForm,
    SelfScoreForm,
    SetImportForm,
)
from scoring.models import Assessment, AssessmentState, CriteriaSet, ItemKind, Reviewer, Score
from scoring.tables import AssessmentTable, CriteriaSetTable

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# ------------------------------------------------------------------------------------------ criteria sets


class SetList(ScopedListView):
    model, filterset_class, table_class = CriteriaSet, CriteriaSetFilter, CriteriaSetTable
    related = ("province",)
    title = gettext_lazy("Criteria sets")
    export_url_name, export_filename = "scoring:set_export", "bo-tieu-chi.xlsx"
    links = (Link(gettext_lazy("Import a criteria set"), "scoring:set_import", icon="upload"),)


class SetDetail(ScopedDetailView):
    template_name = "scoring/set_detail.html"
    model, related = CriteriaSet, ("province",)
    history_url_name = "scoring:set_history"

    def page_actions(self):
        actions = super().page_actions()
        actions += [PageAction(_("Export .yaml"), self._url("scoring:set_yaml"), icon="filetype-yml"),
                    PageAction(_("Export .xlsx"), self._url("scoring:set_xlsx"), icon="file-earmark-excel")]
        if self.object.ranking_published_at:
            actions.append(PageAction(_("Decision (.docx)"), self._url("scoring:decision_docx"),
                                      icon="file-earmark-word"))
        elif services.is_reviewer(self.request.user, self.object):
            actions.append(PageAction(_("Publish the ranking"), self._url("scoring:set_publish"), css="btn-primary"))
        return actions

    def _url(self, name):
        return reverse(name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        items = list(self.object.items.all())
        depth: dict[int, int] = {}
        for item in items:
            depth[item.pk] = depth.get(item.parent_id, -1) + 1 if item.parent_id else 0
        labels = dict(Measure.choices)
        rows = [(item, depth[item.pk], labels.get(item.measure, item.measure) if item.measure else "")
                for item in items]
        team = list(self.object.reviewers.select_related("user", "agency", "criterion"))
        return super().get_context_data(rows=rows, ItemKind=ItemKind, team=team,
                                        forms_team=services.is_reviewer(self.request.user, self.object),
                                        **kwargs)


class ReviewerAdd(ServiceFormView):
    """The coordinator puts someone on the set's review team."""

    model, form_class = Reviewer, ReviewerForm
    success_message = gettext_lazy("Reviewer added.")
    criteria_set = None

    def load(self, **kwargs):
        # The sets whose province the user coordinates (who forms the review team); others answer 404.
        self.criteria_set = get_object_or_404(CriteriaSet.objects.scoped(self.request.user, "change"),
                                              pk=kwargs["set"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "criteria_set": self.criteria_set}

    def get_title(self):
        return _("Add a reviewer")

    def get_cancel_url(self):
        return self.criteria_set.get_absolute_url()

    def get_success_url(self, obj=None):
        return self.criteria_set.get_absolute_url()

    def save(self, form):
        return services.add_reviewer(self.criteria_set, form.cleaned_data["user"], agency=form.cleaned_data["agency"],
                                     criterion=form.cleaned_data["criterion"], by=self.request.user)


class ReviewerRemove(ConfirmView):
    model = Reviewer
    title = gettext_lazy("Remove from the review team")
    question = gettext_lazy("Remove this reviewer from the review team? The history keeps the record.")
    confirm_label = gettext_lazy("Remove")
    success_message = gettext_lazy("Reviewer removed.")
    service = services.remove_reviewer

    def get_queryset(self):
        sets = CriteriaSet.objects.scoped(self.request.user, "change")
        return Reviewer.objects.filter(criteria_set__in=sets).select_related("criteria_set__province")

    def get_success_url(self, obj, result):
        return obj.criteria_set.get_absolute_url()


class SetImport(LoginRequiredMixin, FormView):
    template_name = "core/form.html"
    form_class = SetImportForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not holds_anywhere(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Import a criteria set"), submit_label=_("Import"),
                                        multipart=True, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            if upload.name.lower().endswith(".xlsx"):
                data = services.set_from_xlsx(upload)
            else:
                data = services.set_from_yaml(upload.read())
            criteria_set = services.import_set(data, province=form.cleaned_data["province"], by=self.request.user,
                                               submission_due=form.cleaned_data["submission_due"])
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, _("Criteria set imported."))
        return HttpResponseRedirect(criteria_set.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SetYaml(ScopedDownloadView):
    model, content_type = CriteriaSet, "application/yaml"

    def render_file(self, obj):
        return services.set_to_yaml(obj).encode(), f"bo-tieu-chi-{obj.year}-v{obj.version}.yaml"


class SetXlsx(ScopedDownloadView):
    model, content_type = CriteriaSet, XLSX

    def render_file(self, obj):
        return services.set_to_xlsx(obj), f"bo-tieu-chi-{obj.year}-v{obj.version}.xlsx"


class SetHistory(ObjectHistoryView):
    model = CriteriaSet


class SetPublish(ConfirmView):
    model = CriteriaSet
    title = gettext_lazy("Publish the ranking")
    question = gettext_lazy("Publish the ranking of this year? Every agency of the province will see the grades, "
                            "and the chairman's decision takes the next number of the register.")
    confirm_label, confirm_css = gettext_lazy("Publish"), "btn-primary"
    success_message = gettext_lazy("Ranking published.")
    service = services.publish_ranking

    def get_success_url(self, obj, result):
        return f"{reverse('scoring:ranking_list')}?year={obj.year}"


class DecisionDocx(ScopedDownloadView):
    model, content_type = CriteriaSet, DOCX

    def render_file(self, obj):
        rows = services.ranking(self.request.user, obj.year)
        return documents.render_decision_docx(obj, rows), f"quyet-dinh-xep-loai-{obj.year}.docx"


# --------------------------------------------------------------------------------------------- assessments


class AssessmentList(ScopedListView):
    model, filterset_class, table_class = Assessment, AssessmentFilter, AssessmentTable
    related = ("agency",)
    title = gettext_lazy("Assessments")
    export_url_name, export_filename = "scoring:assessment_export", "tu-danh-gia.xlsx"
    links = (Link(gettext_lazy("Open an assessment"), "scoring:assessment_create"),)


class AssessmentCreate(LoginRequiredMixin, FormView):
    template_name = "core/form.html"
    form_class = OpenAssessmentForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not holds_anywhere(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Open an assessment"), submit_label=_("Open"), **kwargs)

    def form_valid(self, form):
        try:
            assessment = services.open_assessment(form.cleaned_data["criteria_set"], form.cleaned_data["agency"],
                                                  by=self.request.user)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return HttpResponseRedirect(assessment.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class AssessmentDetail(ScopedDetailView):
    template_name = "scoring/assessment_detail.html"
    model, related = Assessment, ("agency", "criteria_set__province")
    history_url_name = "scoring:assessment_history"

    def get_context_data(self, **kwargs):
        assessment = self.object
        user = self.request.user
        reviewer = services.is_reviewer(user, assessment.criteria_set)
        agency_side = self.can("change", assessment.agency) if not reviewer else False
        items = list(assessment.criteria_set.items.all())
        scores = {s.criterion_id: s for s in assessment.scores.prefetch_related("evidence")}
        depth: dict[int, int] = {}
        for item in items:
            depth[item.pk] = depth.get(item.parent_id, -1) + 1 if item.parent_id else 0
        open_ = assessment.state != AssessmentState.FINALIZED
        by_pk = {item.pk: item for item in items}
        parents = {item.code: by_pk[item.parent_id].code if item.parent_id else None for item in items}
        own = services.rules.tree_sums(parents, {by_pk[pk].code: s.self_points or 0 for pk, s in scores.items()})
        final = services.rules.tree_sums(parents, {by_pk[pk].code: s.final_points or 0 for pk, s in scores.items()})
        team = list(assessment.criteria_set.reviewers.all()) if reviewer else []
        reviewed = {pk for pk, score in scores.items()
                    if reviewer and services.reviews(user, score, team, by_pk)} if reviewer else set()
        return super().get_context_data(
            rows=[(item, depth[item.pk], scores.get(item.pk), own.get(item.code), final.get(item.code))
                  for item in items],
            reviewed=reviewed,
            is_reviewer=reviewer and open_,
            agency_edits=agency_side and assessment.state == AssessmentState.DRAFT,
            agency_answers=agency_side and assessment.state == AssessmentState.RETURNED,
            past_deadline=services.is_past_deadline(assessment), States=AssessmentState, **kwargs)


class AssessmentHistory(ObjectHistoryView):
    model = Assessment


class AssessmentStep(ConfirmView):
    """One step of the assessment's life (TRANSITIONS), confirmed on its page."""

    model = Assessment
    confirm_css = "btn-primary"


def _step(service, title, question, label, message):
    return type(f"{service.__name__.title()}Step", (AssessmentStep,), {
        "service": staticmethod(service), "title": title, "question": question, "confirm_label": label,
        "success_message": message})


def _propose_and_accept(assessment, *, by):
    services.propose_scores(assessment, by=by)
    return services.accept_proposals(assessment, by=by)


Propose = _step(_propose_and_accept, gettext_lazy("Take the proposed scores"),
                gettext_lazy("Compute the scores the records propose and take them where no score is given yet?"),
                gettext_lazy("Take the proposals"), gettext_lazy("Proposed scores taken."))
Submit = _step(services.submit, gettext_lazy("Submit the self-assessment"),
               gettext_lazy("Submit the self-assessment to the coordinator? The scores cannot change afterwards."),
               gettext_lazy("Submit"), gettext_lazy("Self-assessment submitted."))
StartReview = _step(services.start_review, gettext_lazy("Start the review"),
                    gettext_lazy("Start reviewing this assessment?"), gettext_lazy("Start"),
                    gettext_lazy("Review started."))
Finalize = _step(services.finalize, gettext_lazy("Finalize the assessment"),
                 gettext_lazy("Fix the total and the grade? Nothing in the assessment can change afterwards."),
                 gettext_lazy("Finalize"), gettext_lazy("Assessment finalized."))


class AssessmentFormStep(ScopedMixin, FormView):
    """A step that asks for more than a confirmation (return, answer, not eligible, reopen, red lines)."""

    template_name = "core/form.html"
    model, action = Assessment, "change"
    title = ""
    submit_label = gettext_lazy("Save")
    success_message = gettext_lazy("Saved.")
    with_assessment = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.assessment = get_object_or_404(self.get_queryset().select_related("criteria_set"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "assessment": self.assessment} if self.with_assessment else kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, submit_label=self.submit_label,
                                        cancel_url=self.assessment.get_absolute_url(), object=self.assessment,
                                        **kwargs)

    def form_valid(self, form):
        try:
            self.perform(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.assessment.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReturnStep(AssessmentFormStep):
    form_class, with_assessment = ReturnForm, True
    title = gettext_lazy("Return criteria for explanation")
    success_message = gettext_lazy("Returned to the agency for explanation.")

    def perform(self, data):
        services.return_for_explanation(self.assessment, data["criteria"], note=data["note"], by=self.request.user)


class AnswerStep(AssessmentFormStep):
    form_class, with_assessment = AnswerForm, True
    title = gettext_lazy("Answer the returned criteria")
    success_message = gettext_lazy("Explanations sent.")

    def perform(self, data):
        services.answer_returned(self.assessment, data, by=self.request.user)


class NotEligibleStep(AssessmentFormStep):
    form_class = NotEligibleForm
    title = gettext_lazy("Mark not eligible")

    def perform(self, data):
        services.mark_not_eligible(self.assessment, reason=data["reason"], by=self.request.user)


class ReopenStep(AssessmentFormStep):
    form_class = ReopenForm
    title = gettext_lazy("Reopen submission")

    def get_initial(self):
        return {"until": timezone.localdate() + dt.timedelta(days=7)}

    def perform(self, data):
        services.reopen(self.assessment, until=data["until"], by=self.request.user)


class RedLinesStep(AssessmentFormStep):
    form_class, with_assessment = RedLinesForm, True
    title = gettext_lazy("Red lines")

    def perform(self, data):
        services.set_red_lines(self.assessment, data["codes"], by=self.request.user)


class DossierDocx(ScopedDownloadView):
    model, content_type = Assessment, DOCX

    def render_file(self, obj):
        return documents.render_dossier_docx(obj), f"ho-so-cham-diem-{obj.year}-{obj.agency.code}.docx"


# ----------------------------------------------------------------------------------------------- scores


class SelfScoreEdit(ServiceFormView):
    model, form_class = Score, SelfScoreForm
    related = ("criterion", "assessment__criteria_set__province", "assessment__agency")
    success_message = gettext_lazy("Score saved.")

    def get_title(self):
        return f"{self.object.criterion.code}. {self.object.criterion.title}"

    def get_cancel_url(self):
        return self.object.assessment.get_absolute_url()

    def get_success_url(self, obj=None):
        return self.object.assessment.get_absolute_url()

    def save(self, form):
        data = form.cleaned_data
        score = services.self_score(self.object, data["points"], explanation=data["explanation"],
                                    by=self.request.user)
        if data["evidence_title"] or data["evidence_url"]:
            services.add_evidence(score, title=data["evidence_title"] or data["evidence_url"],
                                  url=data["evidence_url"], by=self.request.user)
        return score


class ReviewScoreEdit(SelfScoreEdit):
    form_class = ReviewScoreForm
    success_message = gettext_lazy("Reviewed score saved.")

    def save(self, form):
        return services.review_score(self.object, form.cleaned_data["points"],
                                     reason=form.cleaned_data["review_reason"], by=self.request.user)


# ---------------------------------------------------------------------------------------------- ranking


class RankingList(LoginRequiredMixin, TemplateView):
    """The province's table by final total and grade, with the years before beside it; .xlsx export."""

    template_name = "scoring/ranking.html"
    export = False

    def _params(self):
        try:
            year = int(self.request.GET.get("year") or self._latest_year())
        except ValueError:
            year = self._latest_year()
        org_type = self.request.GET.get("org_type") or ""
        return year, org_type if org_type in OrganizationType.values else ""

    def _latest_year(self) -> int:
        """The latest year whose ranking the user may read (this year when there is none yet)."""
        this_year = timezone.localdate().year
        readable = services.visible_rankings(self.request.user, range(this_year - 5, this_year + 1))
        return max(readable, default=this_year)

    def get(self, request, *args, **kwargs):
        year, org_type = self._params()
        rows = services.ranking(request.user, year, org_type=org_type)
        previous = [year - 1, year - 2]
        if self.export:
            headers = [_("Rank"), _("Agency"), _("Total"), _("Grade"),
                       *[f"{_('Total')} {y}" for y in previous]]
            return xlsx_response(f"xep-hang-{year}.xlsx", _("Ranking %(year)s") % {"year": year}, headers, [
                [row.rank or "", row.agency.name, row.total, row.grade or _("Not eligible"),
                 *[(row.previous.get(y) or ("", ""))[0] for y in previous]] for row in rows])
        sets = services.visible_rankings(request.user, [year]).get(year, [])
        return self.render_to_response(self.get_context_data(
            rows=[(row, [row.previous.get(y) for y in previous]) for row in rows],
            chart=ranking_chart(rows, year, previous),
            year=year, org_type=org_type, previous=previous, types=OrganizationType.choices,
            published=any(s.ranking_published_at for s in sets), sets=sets, title=_("Ranking")))


def ranking_chart(rows, year: int, previous: list[int]) -> dict:
    """The totals of the year and the years before, per agency in rank order (dashboard/static charts.js draws
    it; the table below holds the same figures)."""
    def value(total):
        return float(total) if total not in (None, "") else None

    return {
        "type": "bar", "horizontal": True,
        "labels": [row.agency.display_name for row in rows],
        "series": [{"label": str(year), "data": [value(row.total) for row in rows]},
                   *[{"label": str(y), "data": [value((row.previous.get(y) or (None,))[0]) for row in rows]}
                     for y in previous]],
    }
