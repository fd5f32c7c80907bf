"""Pages for citizens without an account (core.public): each agency's directory of units, duties and hotline;
a feedback form whose submission becomes a petition of kind feedback; following a petition by code and secret.

Nothing here shows personal data or anything of an account; a wrong secret answers exactly as an unknown code.
"""

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView

from citizens import deadlines, services
from citizens.models import Petition, PetitionState
from core.public import PublicFormMixin, PublicFormView, over_limit, too_many_requests
from orgs.models import Organization, OrganizationKind

FOLLOW_RATE = "20/h"
# Steps a citizen sees by name; their reasons are shown only for a refusal or a transfer (addressed to them).
PUBLIC_REASONS = ("refuse", "transfer")


def _agencies():
    return Organization.objects.active_on().filter(kind=OrganizationKind.AGENCY).select_related(
        "directory_entry").order_by("name")


class Directory(TemplateView):
    template_name = "citizens/public/directory.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Directory of agencies"), agencies=_agencies(), **kwargs)


class AgencyDirectory(TemplateView):
    template_name = "citizens/public/agency.html"

    def get_context_data(self, **kwargs):
        agency = get_object_or_404(_agencies(), pk=self.kwargs["pk"])
        units = (Organization.objects.active_on().filter(parent=agency).select_related("directory_entry")
                 .order_by("name"))
        return super().get_context_data(title=agency.name, agency=agency, units=units, **kwargs)


class FeedbackForm(PublicFormMixin, forms.Form):
    asks_consent = True
    consent_purpose = _("to receive and settle your feedback and to answer you")
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Send to"),
                                          empty_label=None)
    name = forms.CharField(label=_("Your full name"), max_length=200)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    subject = forms.CharField(label=pgettext_lazy("petition", "Subject"), max_length=300)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.active_on().filter(
            path__startswith=agency.path).order_by("path")


class Feedback(PublicFormView):
    form_class = FeedbackForm
    rate_group = "citizens-feedback"
    template_name = "citizens/public/feedback.html"

    def dispatch(self, request, *args, **kwargs):
        self.agency = get_object_or_404(_agencies(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "agency": self.agency}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Send feedback to %(agency)s") % {"agency": self.agency.name},
                                        agency=self.agency, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        petition, secret = services.submit_feedback(
            organization=data["organization"], subject=data["subject"], content=data["content"], name=data["name"],
            address=data["address"], phone=data["phone"])
        return render(self.request, "citizens/public/sent.html", {
            "title": _("Your feedback has been received"), "code": petition.code, "secret": secret})


class FollowForm(forms.Form):
    code = forms.CharField(label=_("Petition code"), max_length=20)
    secret = forms.CharField(label=_("Secret"), max_length=40)


def follow(request):
    """A petition's steps and deadline, for whoever holds its code and secret (GETs rate-limited)."""
    form = FollowForm(request.GET or None)
    context = {"title": _("Follow a petition"), "form": form}
    if form.is_bound:
        if over_limit(request, "citizens-follow", FOLLOW_RATE):
            return too_many_requests(request)
        if form.is_valid():
            code = form.cleaned_data["code"].strip().upper()
            petition = Petition.objects.filter(code=code).select_related("organization").first()
            if petition is None or not services.check_secret(petition, form.cleaned_data["secret"]):
                context["not_found"] = True
                return render(request, "citizens/public/follow.html", context, status=404)
            due = deadlines.current_due(petition)
            context.update(petition=petition, due=due, events=[
                (event, event.reason if event.transition in PUBLIC_REASONS else "")
                for event in petition.events.all()],
                open=petition.state not in (PetitionState.CLOSED,))
    return render(request, "citizens/public/follow.html", context)
