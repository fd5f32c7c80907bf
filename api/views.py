from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken


class TokenView(ObtainAuthToken):
    """Exchange a username and password for the token that authenticates API requests."""

    @extend_schema(
        request=inline_serializer("TokenRequest", {"username": serializers.CharField(),
                                                   "password": serializers.CharField()}),
        responses=inline_serializer("TokenResponse", {"token": serializers.CharField()}),
    )
    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except serializers.ValidationError:
            # django-axes refused to authenticate a locked account (it marks the request): say so,
            # as the login page does, rather than "unable to log in".
            if getattr(request, "axes_locked_out", False):
                minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
                raise serializers.ValidationError({"non_field_errors": [
                    _("This account is temporarily locked after too many failed logins. "
                      "Try again in %(minutes)s minutes.") % {"minutes": minutes}
                ]}) from None
            raise


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI with its start-up script served as a file (no inline script). Its page keeps
    one inline <style> block, so this page alone allows inline styles."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.csp_overrides = {"style-src": "'self' 'unsafe-inline'"}
        return response
