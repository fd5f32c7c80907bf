from django.urls import path

from attachments import views

app_name = "attachments"

urlpatterns = [
    path("attachments/<int:pk>/", views.DownloadView.as_view(), name="download"),
    path("attachments/<int:pk>/delete/", views.DeleteView.as_view(), name="delete"),
    path("attachments/add/<int:content_type_id>/<int:object_id>/", views.UploadView.as_view(), name="add"),
]
