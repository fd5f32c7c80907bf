from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("plans/<int:pk>/targets/", views.PlanTargetsView.as_view(), name="plan_targets"),
    path("targets/<int:pk>/", views.TargetDetailView.as_view(), name="target_detail"),
    path("monthly-counts/", views.CountList.as_view(), name="count_list"),
    path("monthly-counts/export.xlsx", views.CountList.as_view(export=True), name="count_export"),
    path("monthly-counts/new/", views.CountEdit.as_view(), name="count_create"),
    path("monthly-counts/import/", views.CountImport.as_view(), name="count_import"),
    path("monthly-counts/<int:pk>/", views.CountDetail.as_view(), name="count_detail"),
    path("monthly-counts/<int:pk>/edit/", views.CountEdit.as_view(), name="count_update"),
    path("monthly-counts/<int:pk>/delete/", views.CountDelete.as_view(), name="count_delete"),
    path("monthly-counts/<int:pk>/history/", views.CountHistory.as_view(), name="count_history"),
]
