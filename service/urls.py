from django.urls import path

from service import views

app_name = "service"

urlpatterns = [
    path("dossier-stats/", views.StatList.as_view(), name="stat_list"),
    path("dossier-stats/export.xlsx", views.StatList.as_view(export=True), name="stat_export"),
    path("dossier-stats/new/", views.StatEdit.as_view(), name="stat_create"),
    path("dossier-stats/import/", views.StatImport.as_view(), name="stat_import"),
    path("dossier-stats/<int:pk>/", views.StatDetail.as_view(), name="stat_detail"),
    path("dossier-stats/<int:pk>/edit/", views.StatEdit.as_view(), name="stat_update"),
    path("dossier-stats/<int:pk>/delete/", views.StatDelete.as_view(), name="stat_delete"),
    path("dossier-stats/<int:pk>/history/", views.StatHistory.as_view(), name="stat_history"),
    path("letters/", views.LetterList.as_view(), name="letter_list"),
    path("letters/export.xlsx", views.LetterList.as_view(export=True), name="letter_export"),
    path("letters/apology/new/", views.LetterCreate.as_view(kind="apology"), name="apology_create"),
    path("letters/thanks/new/", views.LetterCreate.as_view(kind="thanks"), name="thanks_create"),
    path("letters/<int:pk>/", views.LetterDetail.as_view(), name="letter_detail"),
    path("letters/<int:pk>/letter.docx", views.LetterDocx.as_view(), name="letter_docx"),
    path("letters/<int:pk>/history/", views.LetterHistory.as_view(), name="letter_history"),
    path("surveys/", views.SurveyList.as_view(), name="survey_list"),
    path("surveys/new/", views.SurveyEdit.as_view(), name="survey_create"),
    path("surveys/results/", views.Results.as_view(), name="results"),
    path("surveys/results/export.xlsx", views.Results.as_view(export=True), name="results_export"),
    path("surveys/<int:pk>/", views.SurveyDetail.as_view(), name="survey_detail"),
    path("surveys/<int:pk>/edit/", views.SurveyEdit.as_view(), name="survey_update"),
    path("surveys/<int:pk>/history/", views.SurveyHistory.as_view(), name="survey_history"),
    path("surveys/<int:survey>/questions/new/", views.QuestionEdit.as_view(), name="question_create"),
    path("survey-questions/<int:pk>/edit/", views.QuestionEdit.as_view(), name="question_update"),
    path("survey-questions/<int:pk>/delete/", views.QuestionDelete.as_view(), name="question_delete"),
    path("service-points/", views.PointList.as_view(), name="point_list"),
    path("service-points/export.xlsx", views.PointList.as_view(export=True), name="point_export"),
    path("service-points/new/", views.PointEdit.as_view(), name="point_create"),
    path("service-points/<int:pk>/", views.PointDetail.as_view(), name="point_detail"),
    path("service-points/<int:pk>/edit/", views.PointEdit.as_view(), name="point_update"),
    path("service-points/<int:pk>/qr.<str:fmt>", views.PointQR.as_view(), name="point_qr"),
    path("service-points/<int:pk>/history/", views.PointHistory.as_view(), name="point_history"),
    path("public/survey/<str:token>/", views.PublicSurvey.as_view(), name="public_survey"),
]
