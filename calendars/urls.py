from django.urls import path, re_path

from calendars import views

app_name = "calendars"

urlpatterns = [
    path("accounts/me/calendar/", views.CalendarLinkView.as_view(), name="calendar"),
    # The secret address: no login, a 43-character token (anything else answers 404 at once).
    re_path(r"^calendar/(?P<token>[A-Za-z0-9_-]{43})\.ics$", views.feed, name="feed"),
]
