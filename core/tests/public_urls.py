"""A public form for core/public's tests (pytest.mark.urls)."""

from django import forms
from django.http import HttpResponse
from django.urls import path

from core.public import PublicFormMixin, PublicFormView, rate_limit


class FeedbackForm(PublicFormMixin, forms.Form):
    asks_consent = True
    max_chars = 200
    name = forms.CharField(label="Họ tên")
    content = forms.CharField(label="Nội dung", widget=forms.Textarea)


SENT: list[dict] = []


class FeedbackView(PublicFormView):
    form_class = FeedbackForm
    rate_group = "test-feedback"
    rate = "3/m"
    title = "Góp ý"

    def form_valid(self, form):
        SENT.append(form.cleaned_data)
        return HttpResponse("ok")


@rate_limit("test-lookup", "2/m", methods=("GET",))
def lookup(request):
    return HttpResponse("found")


urlpatterns = [
    path("public/feedback/", FeedbackView.as_view(), name="feedback"),
    path("public/lookup/", lookup, name="lookup"),
]
