from django.urls import path

from . import views

app_name = "example_register"

urlpatterns = [
    path("example-notes/", views.NoteList.as_view(), name="note_list"),
    path("example-notes/export.xlsx", views.NoteList.as_view(export=True), name="note_export"),
    path("example-notes/new/", views.NoteEdit.as_view(), name="note_create"),
    path("example-notes/<int:pk>/", views.NoteDetail.as_view(), name="note_detail"),
    path("example-notes/<int:pk>/edit/", views.NoteEdit.as_view(), name="note_update"),
    path("example-notes/<int:pk>/delete/", views.NoteDelete.as_view(), name="note_delete"),
    path("example-notes/<int:pk>/history/", views.NoteHistory.as_view(), name="note_history"),
]
