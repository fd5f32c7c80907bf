from django.utils.translation import gettext_lazy as _

from core.views import ScopedDetailView, ScopedListView
from legal.filters import LegalDocumentFilter
from legal.models import LegalDocument
from legal.tables import LegalDocumentTable
from plans.models import Plan


class LegalDocumentListView(ScopedListView):
    """The register of cited documents: public texts, readable by every user."""

    model = LegalDocument
    filterset_class = LegalDocumentFilter
    table_class = LegalDocumentTable
    title = _("Legal documents")
    export_url_name = "legal:document_export"
    export_filename = "van-ban.xlsx"


class LegalDocumentDetailView(ScopedDetailView):
    template_name = "legal/document_detail.html"
    model = LegalDocument

    def get_context_data(self, **kwargs):
        # Only the citing plans the user may read.
        plans = Plan.objects.scoped(self.request.user, "view").filter(basis_documents=self.object)
        return super().get_context_data(plans=plans.select_related("organization"), **kwargs)
