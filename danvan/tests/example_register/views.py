from core.history import ObjectHistoryView
from core.views import ConfirmView, Link, ScopedDetailView, ScopedListView, ServiceFormView

from . import services
from .filters import NoteFilter
from .forms import NoteForm
from .models import Note
from .tables import NoteTable


class NoteList(ScopedListView):
    model, filterset_class, table_class = Note, NoteFilter, NoteTable
    related = ("organization",)
    export_url_name = "example_register:note_export"
    links = (Link("Thêm ghi chép", "example_register:note_create"),)


class NoteDetail(ScopedDetailView):
    model, detail_fields = Note, ("date", "subject", "organization")
    update_url_name, history_url_name = "example_register:note_update", "example_register:note_history"


class NoteEdit(ServiceFormView):
    model, form_class = Note, NoteForm

    def save(self, form):
        return services.save_note(form.instance, by=self.request.user)


class NoteDelete(ConfirmView):
    model, title, question = Note, "Xóa ghi chép", "Xóa ghi chép này?"
    service, success_url_name = services.delete_note, "example_register:note_list"


class NoteHistory(ObjectHistoryView):
    model = Note
