from django.urls import path

from democracy import views

app_name = "democracy"

urlpatterns = [
    path("disclosures/", views.DisclosureList.as_view(), name="disclosure_list"),
    path("disclosures/export.xlsx", views.DisclosureList.as_view(export=True), name="disclosure_export"),
    path("disclosures/new/", views.DisclosureEdit.as_view(), name="disclosure_create"),
    path("disclosures/<int:pk>/", views.DisclosureDetail.as_view(), name="disclosure_detail"),
    path("disclosures/<int:pk>/edit/", views.DisclosureEdit.as_view(), name="disclosure_update"),
    path("disclosures/<int:pk>/delete/", views.DisclosureDelete.as_view(), name="disclosure_delete"),
    path("disclosures/<int:pk>/history/", views.DisclosureHistory.as_view(), name="disclosure_history"),
    path("meetings/", views.MeetingList.as_view(), name="meeting_list"),
    path("meetings/export.xlsx", views.MeetingList.as_view(export=True), name="meeting_export"),
    path("meetings/yearly-check/", views.ConferenceCheck.as_view(), name="conference_check"),
    path("meetings/new/", views.MeetingEdit.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", views.MeetingDetail.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.MeetingEdit.as_view(), name="meeting_update"),
    path("meetings/<int:pk>/delete/", views.MeetingDelete.as_view(), name="meeting_delete"),
    path("meetings/<int:pk>/history/", views.MeetingHistory.as_view(), name="meeting_history"),
    path("meetings/<int:pk>/minutes.docx", views.MeetingMinutes.as_view(), name="meeting_minutes"),
    path("meetings/<int:pk>/resolution.docx", views.MeetingResolution.as_view(), name="meeting_resolution"),
    path("meetings/<int:meeting>/actions/new/", views.ActionEdit.as_view(), name="action_create"),
    path("follow-up-actions/", views.ActionList.as_view(), name="action_list"),
    path("follow-up-actions/export.xlsx", views.ActionList.as_view(export=True), name="action_export"),
    path("follow-up-actions/<int:pk>/", views.ActionDetail.as_view(), name="action_detail"),
    path("follow-up-actions/<int:pk>/edit/", views.ActionEdit.as_view(), name="action_update"),
    path("follow-up-actions/<int:pk>/history/", views.ActionHistory.as_view(), name="action_history"),
    path("inspection-boards/", views.BoardList.as_view(), name="board_list"),
    path("inspection-boards/export.xlsx", views.BoardList.as_view(export=True), name="board_export"),
    path("inspection-boards/new/", views.BoardEdit.as_view(), name="board_create"),
    path("inspection-boards/<int:pk>/", views.BoardDetail.as_view(), name="board_detail"),
    path("inspection-boards/<int:pk>/edit/", views.BoardEdit.as_view(), name="board_update"),
    path("inspection-boards/<int:pk>/history/", views.BoardHistory.as_view(), name="board_history"),
    path("inspection-boards/<int:board>/work/new/", views.ActivityEdit.as_view(), name="activity_create"),
    path("board-work/<int:pk>/edit/", views.ActivityEdit.as_view(), name="activity_update"),
]
