from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import DetailView
from django_filters.views import FilterView

from legal.api import LegalDocumentFilter
from legal.models import LegalDocument
from plans.models import Plan


class LegalDocumentListView(LoginRequiredMixin, FilterView):
    """The register of cited documents: public texts, readable by every user."""

    template_name = "legal/document_list.html"
    filterset_class = LegalDocumentFilter
    paginate_by = 50

    def get_queryset(self):
        return LegalDocument.objects.order_by("-date", "number")


class LegalDocumentDetailView(LoginRequiredMixin, DetailView):
    template_name = "legal/document_detail.html"
    model = LegalDocument

    def get_context_data(self, **kwargs):
        # Only the citing plans the user may read.
        plans = Plan.objects.visible_to(self.request.user).filter(basis_documents=self.object)
        return super().get_context_data(plans=plans.select_related("organization"), **kwargs)
