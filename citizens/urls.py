from django.urls import path

from citizens import public, views

app_name = "citizens"

urlpatterns = [
    path("petitions/", views.PetitionList.as_view(), name="petition_list"),
    path("petitions/export.xlsx", views.PetitionList.as_view(export=True), name="petition_export"),
    path("petitions/new/", views.PetitionEdit.as_view(), name="petition_create"),
    path("petitions/<int:pk>/", views.PetitionDetail.as_view(), name="petition_detail"),
    path("petitions/<int:pk>/edit/", views.PetitionEdit.as_view(), name="petition_update"),
    path("petitions/<int:pk>/step/", views.PetitionStep.as_view(), name="petition_step"),
    path("petitions/<int:pk>/notice/<int:event>.docx", views.PetitionNotice.as_view(), name="petition_notice"),
    path("petitions/<int:pk>/notice/<int:event>/number/", views.PetitionNoticeNumber.as_view(),
         name="petition_notice_number"),
    path("petitions/<int:pk>/history/", views.PetitionHistory.as_view(), name="petition_history"),
    path("receptions/", views.ReceptionList.as_view(), name="reception_list"),
    path("receptions/export.xlsx", views.ReceptionList.as_view(export=True), name="reception_export"),
    path("receptions/book.docx", views.ReceptionBookDocx.as_view(), name="reception_book_docx"),
    path("receptions/new/", views.ReceptionEdit.as_view(), name="reception_create"),
    path("receptions/<int:pk>/", views.ReceptionDetail.as_view(), name="reception_detail"),
    path("receptions/<int:pk>/edit/", views.ReceptionEdit.as_view(), name="reception_update"),
    path("receptions/<int:pk>/petition/", views.ReceptionOpenPetition.as_view(), name="reception_open_petition"),
    path("receptions/<int:pk>/receipt.docx", views.ReceptionDocument.as_view(kind="receipt"),
         name="reception_receipt"),
    path("receptions/<int:pk>/refusal.docx", views.ReceptionDocument.as_view(kind="refusal"),
         name="reception_refusal"),
    path("receptions/<int:pk>/history/", views.ReceptionHistory.as_view(), name="reception_history"),
    path("personal-data-readings/", views.ReadingList.as_view(), name="reading_list"),
    path("public/citizens/", public.Directory.as_view(), name="public_directory"),
    path("public/citizens/<int:pk>/", public.AgencyDirectory.as_view(), name="public_agency"),
    path("public/citizens/<int:pk>/feedback/", public.Feedback.as_view(), name="public_feedback"),
    path("public/citizens/follow/", public.follow, name="public_follow"),
]
