from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from danvan.forms import LoginForm
from orgs.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("orgs.urls")),
    path("", include("plans.urls")),
    path("", include("ingest.urls")),
    path("", include("legal.urls")),
    path("", include("attachments.urls")),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "DanVan"
admin.site.site_title = "DanVan"
