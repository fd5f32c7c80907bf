from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import ObjectHistoryView
from core.views import ActionRequiredMixin, ConfirmView, ScopedDetailView, ScopedListView, ServiceFormView
from legal.filters import LegalDocumentFilter
from legal.forms import MergeForm
from legal.models import LegalDocument
from legal.services import confirm_document, curates, merge_document
from legal.tables import LegalDocumentTable, WaitingDocumentTable
from plans.models import Plan


class LegalDocumentListView(ScopedListView):
    """The register of cited documents: the national catalogue, the user's province's register and
    what the user's own organizations added that waits for confirmation."""

    model = LegalDocument
    related = ("province",)
    filterset_class = LegalDocumentFilter
    table_class = LegalDocumentTable
    title = _("Legal documents")
    export_url_name = "legal:document_export"
    export_filename = "van-ban.xlsx"


class WaitingDocumentListView(ActionRequiredMixin, ScopedListView):
    """The coordinator's queue: the province's documents plan editors added, to confirm or merge."""

    required_action = "curate"
    action = "curate"
    model = LegalDocument
    related = ("added_by",)
    table_class = WaitingDocumentTable
    title = _("Documents waiting for confirmation")

    def get_queryset(self):
        return super().get_queryset().waiting().order_by("-created_at", "number")


class LegalDocumentDetailView(ScopedDetailView):
    template_name = "legal/document_detail.html"
    model = LegalDocument
    related = ("province", "added_by")
    history_url_name = "legal:document_history"

    def get_context_data(self, **kwargs):
        # Only the citing plans the user may read.
        plans = Plan.objects.scoped(self.request.user, "view").filter(basis_documents=self.object)
        return super().get_context_data(plans=plans.select_related("organization"),
                                        curates=curates(self.request.user, self.object), **kwargs)


class LegalDocumentHistoryView(ObjectHistoryView):
    model = LegalDocument


class ConfirmDocumentView(ConfirmView):
    model = LegalDocument
    action = "curate"
    title = _("Confirm into the province's register")
    question = _("Everyone in the province will see this document and cite it by its number.")
    warning = _("Check its number, issuer and date first: a confirmed document is no longer merged from the "
                "queue.")
    confirm_label = _("Confirm")
    confirm_css = "btn-success"
    success_message = _("The document is now in the province's register.")
    service = confirm_document
    success_url_name = "legal:waiting_list"


class MergeDocumentView(ServiceFormView):
    """Merge a waiting document into one already in a register (national or the province's)."""

    model = LegalDocument
    action = "curate"
    form_class = MergeForm
    template_name = "legal/document_merge.html"
    submit_label = _("Merge and delete this document")
    success_message = _("The documents are merged.")

    def get_title(self) -> str:
        return _("Merge %(number)s into another document") % {"number": self.object.number}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "document": self.object}

    def save(self, form):
        return merge_document(self.object, into=form.cleaned_data["into"], by=self.request.user)

    def get_cancel_url(self) -> str:
        return reverse("legal:waiting_list")
