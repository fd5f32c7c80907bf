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
        return super().post(request, *args, **kwargs)


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI with its start-up script served as a file (no inline script). Its page keeps
    one inline <style> block, so this page alone allows inline styles."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.csp_overrides = {"style-src": "'self' 'unsafe-inline'"}
        return response
