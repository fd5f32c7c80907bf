"""Error pages (danvan/urls.py handler400/403/404/500) and the "request too large" answer.

Pages are Vietnamese and in the site layout; requests to the API get JSON instead. A form
body over DATA_UPLOAD_MAX_MEMORY_SIZE (Django's RequestDataTooBig, a 400) and a request
larger than any upload the app accepts (RequestSizeLimitMiddleware) answer 413.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
MB = 1024 * 1024


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig):
        limit = _mb(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        message = _("A form may send at most %(limit)s MB of data, attached files not counted.") % {"limit": limit}
        return request_too_large(request, message)
    return _error(request, 400, _("Bad request"), _("The request could not be understood. Go back and try again."))


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, 403, _("Access denied"), _("You do not have permission to open this page."))


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, 404, _("Not found"), _("The page does not exist or you cannot see it."))


def server_error(request: HttpRequest) -> HttpResponse:
    title, message = _("Server error"), _("Something went wrong on our side. Try again in a few minutes.")
    if _is_api(request):
        return JsonResponse({"detail": message}, status=500)
    # No request context: the database may be what failed, so no user menu, no queries.
    return HttpResponse(loader.render_to_string("error.html", {"title": title, "message": message}), status=500)


def request_too_large(request: HttpRequest, message: str) -> HttpResponse:
    return _error(request, 413, _("Request too large"), message)


def max_request_size() -> int:
    """The largest body accepted: the largest file upload plus the form fields beside it."""
    return max(settings.MAX_IMPORT_FILE_SIZE, settings.MAX_PLAN_IMPORT_SIZE) + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class RequestSizeLimitMiddleware:
    """Refuse a body larger than any upload the app accepts before reading (or spooling) it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = max_request_size()
        if length > limit:
            return request_too_large(
                request, _("A request may be at most %(limit)s MB, attached files included.") % {"limit": _mb(limit)}
            )
        return self.get_response(request)


def _error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "error.html", {"title": title, "message": message}, status=status)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def _mb(size: int) -> str:
    return f"{size / MB:g}"
