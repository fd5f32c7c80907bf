"""The page where a user makes, replaces or revokes their calendar address, and the feed itself."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from calendars import services
from calendars.models import CalendarFeed


class CalendarLinkView(LoginRequiredMixin, TemplateView):
    template_name = "calendars/calendar.html"

    def get_context_data(self, **kwargs):
        feed = CalendarFeed.objects.filter(user=self.request.user).first()
        return super().get_context_data(feed=feed, feed_url=services.feed_url(feed) if feed else "", **kwargs)

    def post(self, request):
        action = request.POST.get("action")
        if action == "make":
            services.make_link(request.user)
            messages.success(request, _("Your calendar link is ready. The previous link, if any, no longer works."))
        elif action == "revoke":
            if services.revoke_link(request.user):
                messages.success(request, _("Your calendar link is revoked: calendars that read it get nothing more."))
        else:
            messages.error(request, _("Choose what to do with your calendar link."))
        return redirect("calendars:calendar")


@require_GET
def feed(request, token: str):
    """No login: the token is the key. An unknown or revoked token answers 404."""
    calendar = services.read_feed(token)
    if calendar is None:
        raise Http404
    response = HttpResponse(services.calendar_for(calendar.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="danvan.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
