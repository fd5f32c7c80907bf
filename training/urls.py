from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("study-sessions/", views.SessionList.as_view(), name="session_list"),
    path("study-sessions/export.xlsx", views.SessionList.as_view(export=True), name="session_export"),
    path("study-sessions/new/", views.SessionEdit.as_view(), name="session_create"),
    path("study-sessions/<int:pk>/", views.SessionDetail.as_view(), name="session_detail"),
    path("study-sessions/<int:pk>/edit/", views.SessionEdit.as_view(), name="session_update"),
    path("study-sessions/<int:pk>/delete/", views.SessionDelete.as_view(), name="session_delete"),
    path("study-sessions/<int:pk>/attendance/", views.AttendanceImport.as_view(), name="attendance_import"),
    path("study-sessions/<int:pk>/history/", views.SessionHistory.as_view(), name="session_history"),
]
