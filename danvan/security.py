"""Security headers Django does not send itself: Content-Security-Policy and Permissions-Policy.

The policy allows only this site's own files: no inline script, no inline style, no other
origin. Every page of the app satisfies it (templates have no <script> bodies, no on…=
handlers, no style="" attributes; forms.js does what inline code would). A view may loosen a
directive for its own page by setting `response.csp_overrides = {"style-src": …}` (Swagger UI's
page keeps its own inline <style> block: api/views.py).

Referrer-Policy comes from Django's SecurityMiddleware (SECURE_REFERRER_POLICY).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

CONTENT_SECURITY_POLICY: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    # Bootstrap draws checkboxes and selects with data: SVGs; the page icon is `data:,`.
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
        "payment", "usb",
    )
)


def policy_header(overrides: dict[str, str] | None = None) -> str:
    directives = {**CONTENT_SECURITY_POLICY, **(overrides or {})}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(
            "Content-Security-Policy", policy_header(getattr(response, "csp_overrides", None)))
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
