from django.urls import path

from legal import views

app_name = "legal"

urlpatterns = [
    path("legal/", views.LegalDocumentListView.as_view(), name="document_list"),
    path("legal/export.xlsx", views.LegalDocumentListView.as_view(export=True), name="document_export"),
    path("legal/<int:pk>/", views.LegalDocumentDetailView.as_view(), name="document_detail"),
]
