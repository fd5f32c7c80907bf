from django.urls import path

from ingest import views

app_name = "ingest"

urlpatterns = [
    path("imports/", views.ImportListView.as_view(), name="import_list"),
    path("imports/new/", views.ImportCreateView.as_view(), name="import_create"),
    path("imports/<int:pk>/", views.ImportDetailView.as_view(), name="import_detail"),
    path("imports/<int:pk>/existing-plan/", views.ImportExistingPlanView.as_view(), name="import_existing_plan"),
    path("imports/<int:pk>/organization/", views.ImportMoveView.as_view(), name="import_move"),
    path("imports/<int:pk>/delete/", views.ImportDeleteView.as_view(), name="import_delete"),
    path("imports/<int:pk>/progress/", views.ImportProgressView.as_view(), name="import_progress"),
]
