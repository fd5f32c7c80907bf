from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("plans/", views.PlanListView.as_view(), name="plan_list"),
    path("plans/export.xlsx", views.PlanListView.as_view(export=True), name="plan_export"),
    path("plans/new/", views.PlanFormView.as_view(), name="plan_create"),
    path("plans/coverage/", views.CoverageView.as_view(), name="coverage"),
    path("plans/coverage/export.xlsx", views.CoverageView.as_view(export=True), name="coverage_export"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", views.PlanFormView.as_view(), name="plan_update"),
    path("plans/<int:pk>/transition/", views.PlanTransitionView.as_view(), name="plan_transition"),
    path("plans/<int:pk>/issue/", views.PlanIssueView.as_view(), name="plan_issue"),
    path("plans/<int:pk>/delete/", views.PlanDeleteView.as_view(), name="plan_delete"),
    path("plans/<int:pk>/revise/", views.PlanReviseView.as_view(), name="plan_revise"),
    path("plans/<int:pk>/cascade/", views.PlanCascadeView.as_view(), name="plan_cascade"),
    path("plans/<int:pk>/docx", views.PlanDocxView.as_view(), name="plan_docx"),
    path("plans/<int:pk>/history/", views.PlanHistoryView.as_view(), name="plan_history"),
    path("plans/<int:pk>/areas/new/", views.ContentAreaView.as_view(), name="area_create"),
    path("plans/areas/<int:part_pk>/", views.ContentAreaView.as_view(), name="area_update"),
    path("plans/<int:pk>/targets/new/", views.TargetView.as_view(), name="target_create"),
    path("plans/targets/<int:part_pk>/", views.TargetView.as_view(), name="target_update"),
    path("plans/<int:pk>/assignments/new/", views.AssignmentView.as_view(), name="assignment_create"),
    path("plans/assignments/<int:part_pk>/", views.AssignmentView.as_view(), name="assignment_update"),
    path("assignments/<int:pk>/status/", views.AssignmentStatusView.as_view(), name="assignment_status"),
    path("assignments/mine/", views.MyAssignmentsView.as_view(), name="my_assignments"),
    path("assignments/export.xlsx", views.MyAssignmentsView.as_view(export=True), name="assignment_export"),
]
