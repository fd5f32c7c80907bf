from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.registry import url_modules
from danvan.forms import LoginForm
from danvan.health import healthz
from orgs.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Before the apps' modules: those are mounted at "" and Django tries every pattern of each in turn
    # (building the list of what it tried) before it reaches a later one.
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # Each app declares its URL module in its AppConfig (core.registry).
    *(path("", include(module)) for module in url_modules()),
]

handler400 = "danvan.errors.bad_request"
handler403 = "danvan.errors.permission_denied"
handler404 = "danvan.errors.page_not_found"
handler500 = "danvan.errors.server_error"

admin.site.site_header = "DanVan"
admin.site.site_title = "DanVan"
