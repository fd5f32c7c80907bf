from django.urls import path

from registry import views

app_name = "registry"

urlpatterns = [
    path("register/", views.RegisteredDocumentListView.as_view(), name="document_list"),
    path("register/export.xlsx", views.RegisteredDocumentListView.as_view(export=True), name="document_export"),
]
