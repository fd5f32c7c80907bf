from django.urls import path

from progress import views
from progress.reporting_urls import urlpatterns as reporting_urlpatterns

app_name = "progress"

urlpatterns = [
    path("assignments/<int:pk>/", views.AssignmentProgressView.as_view(), name="assignment_progress"),
]

urlpatterns += reporting_urlpatterns
