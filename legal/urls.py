from django.urls import path

from legal import views

app_name = "legal"

urlpatterns = [
    path("legal/", views.LegalDocumentListView.as_view(), name="document_list"),
    path("legal/export.xlsx", views.LegalDocumentListView.as_view(export=True), name="document_export"),
    path("legal/waiting/", views.WaitingDocumentListView.as_view(), name="waiting_list"),
    path("legal/<int:pk>/", views.LegalDocumentDetailView.as_view(), name="document_detail"),
    path("legal/<int:pk>/history/", views.LegalDocumentHistoryView.as_view(), name="document_history"),
    path("legal/<int:pk>/confirm/", views.ConfirmDocumentView.as_view(), name="document_confirm"),
    path("legal/<int:pk>/merge/", views.MergeDocumentView.as_view(), name="document_merge"),
]
