from django.urls import path

from inspections import views

app_name = "inspections"

urlpatterns = [
    path("inspections/", views.InspectionList.as_view(), name="inspection_list"),
    path("inspections/export.xlsx", views.InspectionList.as_view(export=True), name="inspection_export"),
    path("inspections/new/", views.InspectionEdit.as_view(), name="inspection_create"),
    path("inspections/<int:pk>/", views.InspectionDetail.as_view(), name="inspection_detail"),
    path("inspections/<int:pk>/edit/", views.InspectionEdit.as_view(), name="inspection_update"),
    path("inspections/<int:pk>/delete/", views.InspectionDelete.as_view(), name="inspection_delete"),
    path("inspections/<int:pk>/history/", views.InspectionHistory.as_view(), name="inspection_history"),
    path("inspections/<int:inspection>/findings/new/", views.FindingEdit.as_view(), name="finding_create"),
    path("inspections/findings/<int:pk>/edit/", views.FindingEdit.as_view(), name="finding_update"),
    path("inspections/<int:inspection>/remedies/new/", views.RemedyEdit.as_view(), name="remedy_create"),
    path("inspections/remedies/<int:pk>/edit/", views.RemedyEdit.as_view(), name="remedy_update"),
    path("inspections/remedies/<int:pk>/done/", views.RemedyDone.as_view(), name="remedy_done"),
    path("index-scores/", views.ScoreList.as_view(), name="score_list"),
    path("index-scores/export.xlsx", views.ScoreList.as_view(export=True), name="score_export"),
    path("index-scores/new/", views.ScoreEdit.as_view(), name="score_create"),
    path("index-scores/import/", views.ScoreImport.as_view(), name="score_import"),
    path("index-scores/<int:pk>/", views.ScoreDetail.as_view(), name="score_detail"),
    path("index-scores/<int:pk>/edit/", views.ScoreEdit.as_view(), name="score_update"),
    path("index-scores/<int:pk>/delete/", views.ScoreDelete.as_view(), name="score_delete"),
    path("index-scores/<int:pk>/history/", views.ScoreHistory.as_view(), name="score_history"),
]
