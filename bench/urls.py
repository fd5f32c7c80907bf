"""The site's URLs and the bench's bare view, which only bench/wsgi.py's middleware-free handler serves."""

from django.urls import include, path

from bench.views import bare

urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("", include("danvan.urls")),
]
