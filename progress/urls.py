from django.urls import path

from progress import views

app_name = "progress"

urlpatterns = [
    path("assignments/<int:pk>/", views.AssignmentProgressView.as_view(), name="assignment_progress"),
]
