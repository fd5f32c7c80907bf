from django.urls import path

from orgs import views

app_name = "orgs"

urlpatterns = [
    path("orgs/", views.OrganizationListView.as_view(), name="organization_list"),
    path("orgs/export.xlsx", views.OrganizationListView.as_view(export=True), name="organization_export"),
    path("orgs/<int:pk>/children/", views.OrganizationChildrenView.as_view(), name="organization_children"),
    path("orgs/new/", views.OrganizationFormView.as_view(), name="organization_create"),
    path("orgs/<int:pk>/", views.OrganizationDetailView.as_view(), name="organization_detail"),
    path("orgs/<int:pk>/edit/", views.OrganizationFormView.as_view(), name="organization_update"),
    path("orgs/<int:pk>/merge/", views.OrganizationMergeView.as_view(), name="organization_merge"),
    path("orgs/<int:pk>/history/", views.OrganizationHistoryView.as_view(), name="organization_history"),
    path("staff/", views.StaffMemberListView.as_view(), name="staff_list"),
    path("staff/export.xlsx", views.StaffMemberListView.as_view(export=True), name="staff_export"),
    path("staff/import/", views.StaffImportView.as_view(), name="staff_import"),
    path("staff/new/", views.StaffMemberFormView.as_view(), name="staff_create"),
    path("staff/<int:pk>/", views.StaffMemberDetailView.as_view(), name="staff_detail"),
    path("staff/<int:pk>/edit/", views.StaffMemberFormView.as_view(), name="staff_update"),
    path("staff/<int:pk>/delete/", views.StaffMemberDeleteView.as_view(), name="staff_delete"),
    path("staff/<int:pk>/history/", views.StaffMemberHistoryView.as_view(), name="staff_history"),
]
