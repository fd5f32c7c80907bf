from django.urls import path

from scoring import views

app_name = "scoring"

urlpatterns = [
    path("criteria-sets/", views.SetList.as_view(), name="set_list"),
    path("criteria-sets/export.xlsx", views.SetList.as_view(export=True), name="set_export"),
    path("criteria-sets/import/", views.SetImport.as_view(), name="set_import"),
    path("criteria-sets/<int:pk>/", views.SetDetail.as_view(), name="set_detail"),
    path("criteria-sets/<int:pk>/set.yaml", views.SetYaml.as_view(), name="set_yaml"),
    path("criteria-sets/<int:pk>/set.xlsx", views.SetXlsx.as_view(), name="set_xlsx"),
    path("criteria-sets/<int:pk>/history/", views.SetHistory.as_view(), name="set_history"),
    path("criteria-sets/<int:set>/reviewers/new/", views.ReviewerAdd.as_view(), name="reviewer_add"),
    path("reviewers/<int:pk>/remove/", views.ReviewerRemove.as_view(), name="reviewer_remove"),
    path("criteria-sets/<int:pk>/publish/", views.SetPublish.as_view(), name="set_publish"),
    path("criteria-sets/<int:pk>/decision.docx", views.DecisionDocx.as_view(), name="decision_docx"),
    path("assessments/", views.AssessmentList.as_view(), name="assessment_list"),
    path("assessments/export.xlsx", views.AssessmentList.as_view(export=True), name="assessment_export"),
    path("assessments/new/", views.AssessmentCreate.as_view(), name="assessment_create"),
    path("assessments/<int:pk>/", views.AssessmentDetail.as_view(), name="assessment_detail"),
    path("assessments/<int:pk>/history/", views.AssessmentHistory.as_view(), name="assessment_history"),
    path("assessments/<int:pk>/dossier.docx", views.DossierDocx.as_view(), name="assessment_docx"),
    path("assessments/<int:pk>/propose/", views.Propose.as_view(), name="assessment_propose"),
    path("assessments/<int:pk>/submit/", views.Submit.as_view(), name="assessment_submit"),
    path("assessments/<int:pk>/start-review/", views.StartReview.as_view(), name="assessment_start_review"),
    path("assessments/<int:pk>/return/", views.ReturnStep.as_view(), name="assessment_return"),
    path("assessments/<int:pk>/answer/", views.AnswerStep.as_view(), name="assessment_answer"),
    path("assessments/<int:pk>/not-eligible/", views.NotEligibleStep.as_view(), name="assessment_not_eligible"),
    path("assessments/<int:pk>/reopen/", views.ReopenStep.as_view(), name="assessment_reopen"),
    path("assessments/<int:pk>/red-lines/", views.RedLinesStep.as_view(), name="assessment_red_lines"),
    path("assessments/<int:pk>/finalize/", views.Finalize.as_view(), name="assessment_finalize"),
    path("scores/<int:pk>/self/", views.SelfScoreEdit.as_view(), name="score_self"),
    path("scores/<int:pk>/review/", views.ReviewScoreEdit.as_view(), name="score_review"),
    path("ranking/", views.RankingList.as_view(), name="ranking_list"),
    path("ranking/export.xlsx", views.RankingList.as_view(export=True), name="ranking_export"),
]
