"""The house kit for pages without an account (/public/…): a citizen's feedback, a satisfaction survey,
following a petition by its code.

Three guards stand in front of every public form, none of them a third-party service:
- a rate limit per client address (django-ratelimit), counted in the "ratelimit" cache that every worker
  shares: the database cache by default, Redis where REDIS_URL is set. The address is the connection's,
  or the one the `PUBLIC_TRUSTED_PROXIES` proxies in front wrote into X-Forwarded-For;
- anti-spam fields: a honeypot that people never see and robots fill, and a signed "issued at" that
  refuses a form sent back faster than a person reads it or long after it was shown;
- size: every text field at most `max_chars`, the whole body at most `PUBLIC_MAX_BODY_BYTES`.
What a citizen typed is only ever rendered escaped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from functools import wraps

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_ratelimit.core import is_ratelimited

HONEYPOT = "website"
ISSUED = "issued"
ISSUED_SALT = "core.public.issued"


def client_address(request: HttpRequest) -> str:
    """The client's address: the connection's, unless settings.PUBLIC_TRUSTED_PROXIES says how many proxies
    stand in front; then the address the outermost of them saw, read from the right of X-Forwarded-For
    (what a client writes on the left itself cannot choose its bucket)."""
    proxies = settings.PUBLIC_TRUSTED_PROXIES
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    hops = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(hops) < proxies:
        return remote
    return hops[-proxies]


def _key(group: str, request: HttpRequest) -> str:
    return client_address(request)


def over_limit(request: HttpRequest, group: str, rate: str | None = None, *, increment: bool = True) -> bool:
    """Whether this client has used up `rate` (e.g. "10/h") for `group`; counts this request."""
    return is_ratelimited(request, group=group, key=_key, rate=rate or settings.PUBLIC_FORM_RATE,
                          increment=increment)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(request, "core/public_error.html", {
        "title": gettext("Too many requests"),
        "message": gettext("You have sent this form too many times. Please wait a while and try again."),
    }, status=429)


def body_too_large(request: HttpRequest) -> HttpResponse:
    return render(request, "core/public_error.html", {
        "title": gettext("Request too large"),
        "message": gettext("What you sent is too long. Shorten it and try again."),
    }, status=413)


def _body_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def rate_limit(group: str, rate: str | None = None, methods: Iterable[str] = ("POST",)) -> Callable:
    """Decorate a view: requests of `methods` over `rate` for the client's address answer 429 and change
    nothing; bodies over PUBLIC_MAX_BODY_BYTES answer 413."""
    methods = tuple(method.upper() for method in methods)

    def decorate(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if request.method in methods:
                if _body_length(request) > settings.PUBLIC_MAX_BODY_BYTES:
                    return body_too_large(request)
                if over_limit(request, group, rate):
                    return too_many_requests(request)
            return view(request, *args, **kwargs)

        return guarded

    return decorate


class PublicFormMixin:
    """Mix into a Form or ModelForm shown to citizens: a honeypot, a signed time of issue, a size limit per
    text field and, with `asks_consent`, the personal-data notice of Nghị định 13/2023/NĐ-CP to agree to."""

    max_chars = 4000
    asks_consent = False
    consent_purpose = _("to receive, handle and answer what you send")

    def __init__(self, *args, consent_purpose=None, **kwargs):
        super().__init__(*args, **kwargs)
        if consent_purpose:
            self.consent_purpose = consent_purpose
        # A field people never see (hidden by CSS and from screen readers); robots fill every field.
        self.fields[HONEYPOT] = forms.CharField(
            required=False, label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
        self.fields[ISSUED] = forms.CharField(required=False, widget=forms.HiddenInput,
                                              initial=signing.dumps(time.time(), salt=ISSUED_SALT))
        if self.asks_consent:
            self.fields["consent"] = forms.BooleanField(
                label=_("I have read the notice on personal data above and agree that my data are processed "
                        "for this purpose."),
                error_messages={"required": _("Your agreement is needed to send this form.")})
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = self.max_chars
                field.validators.append(_MaxChars(self.max_chars))
                field.widget.attrs.setdefault("maxlength", str(self.max_chars))

    def clean(self):
        cleaned = super().clean()
        if self.data.get(self.add_prefix(HONEYPOT)):
            raise forms.ValidationError(_("The form could not be sent. Please try again."), code="spam")
        try:
            issued = float(signing.loads(self.data.get(self.add_prefix(ISSUED), ""), salt=ISSUED_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(_("The form has expired. Open it again and send it."), code="expired") from None
        age = time.time() - issued
        if age < settings.PUBLIC_FORM_MIN_SECONDS:
            raise forms.ValidationError(_("The form was sent too fast. Please check it and send it again."),
                                        code="too_fast")
        if age > settings.PUBLIC_FORM_MAX_AGE_SECONDS:
            raise forms.ValidationError(_("The form has expired. Open it again and send it."), code="expired")
        return cleaned


class _MaxChars:
    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, value):
        if value and len(value) > self.limit:
            raise forms.ValidationError(
                _("At most %(limit)s characters (this has %(length)s)."),
                params={"limit": self.limit, "length": len(value)}, code="too_long")

    def __eq__(self, other):
        return isinstance(other, _MaxChars) and other.limit == self.limit


class PublicFormView(FormView):
    """A FormView for citizens without an account, behind the rate limit of `rate_group`."""

    template_name = "core/public_form_page.html"
    rate_group: str = ""
    rate: str | None = None
    title = ""
    submit_label = _("Send")

    def dispatch(self, request, *args, **kwargs):
        view = rate_limit(self.rate_group or type(self).__name__, self.rate)(super().dispatch)
        return view(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("title", self.title)
        context.setdefault("submit_label", self.submit_label)
        return context
