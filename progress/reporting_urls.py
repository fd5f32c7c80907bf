from django.urls import path

from progress import reporting_views as views

urlpatterns = [
    path("reports/", views.ReportList.as_view(), name="report_list"),
    path("reports/export.xlsx", views.ReportList.as_view(export=True), name="report_export"),
    path("reports/completeness/", views.CompletenessView.as_view(), name="completeness"),
    path("reports/completeness/export.xlsx", views.CompletenessView.as_view(export=True), name="completeness_export"),
    path("reports/<int:pk>/", views.ReportDetail.as_view(), name="report_detail"),
    path("reports/<int:pk>/edit/", views.ReportEdit.as_view(), name="report_edit"),
    path("reports/<int:pk>/history/", views.ReportHistory.as_view(), name="report_history"),
    path("reports/<int:pk>/step/", views.ReportStepView.as_view(), name="report_step"),
    path("reports/<int:pk>/copy-units/", views.ReportCopyUnits.as_view(), name="report_copy_units"),
    path("reports/<int:pk>/docx", views.ReportDocxView.as_view(), name="report_docx"),
    path("reporting-periods/", views.PeriodList.as_view(), name="period_list"),
    path("reporting-periods/new/", views.PeriodCreate.as_view(), name="period_create"),
    path("reporting-periods/defaults/", views.PeriodDefaults.as_view(), name="period_defaults"),
    path("reporting-periods/<int:pk>/", views.PeriodDetail.as_view(), name="period_detail"),
    path("reporting-periods/<int:pk>/close/", views.PeriodClose.as_view(), name="period_close"),
    path("reporting-periods/<int:pk>/reopen/", views.PeriodReopen.as_view(), name="period_reopen"),
    path("reporting-periods/<int:pk>/exempt/", views.PeriodExempt.as_view(), name="period_exempt"),
    path("reporting-periods/<int:pk>/history/", views.PeriodHistory.as_view(), name="period_history"),
    path("reporting-periods/<int:pk>/report/<int:organization>/", views.StartReport.as_view(), name="report_start"),
]
