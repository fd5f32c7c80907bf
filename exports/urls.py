from django.urls import path

from exports import views

app_name = "exports"

urlpatterns = [
    path("exports/", views.ExportJobListView.as_view(), name="export_list"),
    path("exports/<int:pk>/", views.ExportJobDetailView.as_view(), name="export_detail"),
    path("exports/<int:pk>/progress/", views.ExportJobProgressView.as_view(), name="export_progress"),
    path("exports/<int:pk>/download/", views.ExportJobDownloadView.as_view(), name="export_download"),
]
