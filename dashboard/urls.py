from django.urls import path

from dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("dashboard/", views.DashboardIndex.as_view(), name="index"),
    path("dashboard/agency/", views.AgencyDashboard.as_view(), name="agency"),
    path("dashboard/agency/export.xlsx", views.AgencyDashboard.as_view(export=True), name="agency_export"),
    path("dashboard/province/", views.ProvinceDashboard.as_view(), name="province"),
    path("dashboard/panels/<str:key>/", views.PanelView.as_view(), name="panel"),
    path("dashboard/province/export.xlsx", views.ProvinceDashboard.as_view(export=True), name="province_export"),
]
