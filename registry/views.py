"""The document register's pages: what each registry office numbered, newest first."""

from django.utils.translation import gettext_lazy

from core.views import ScopedListView
from registry.filters import RegisteredDocumentFilter
from registry.models import RegisteredDocument
from registry.tables import RegisteredDocumentTable


class RegisteredDocumentListView(ScopedListView):
    model = RegisteredDocument
    related = ("register__organization", "issuer")
    columns = ("register__organization__name", "year", "number", "type_code", "symbol", "date", "title",
               "issuer__name", "content_type", "object_id")
    filterset_class = RegisteredDocumentFilter
    table_class = RegisteredDocumentTable
    title = gettext_lazy("Document register")
    export_url_name = "registry:document_export"
    export_filename = "so-dang-ky-van-ban.xlsx"

    def get_queryset(self):
        return super().get_queryset().order_by("register", "-year", "-number")
