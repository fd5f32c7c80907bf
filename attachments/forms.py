from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# What the file picker offers; the content decides what is accepted (attachments.filetypes).
ACCEPT = ".pdf,.docx,.xlsx,.odt,.ods,.jpg,.jpeg,.png"


class AttachmentForm(forms.Form):
    # Empty files reach the service, which refuses them with its own message.
    file = forms.FileField(
        label=_("File"),
        allow_empty_file=True,
        widget=forms.FileInput(attrs={"accept": ACCEPT, "class": "form-control form-control-sm"}),
    )
    description = forms.CharField(
        label=capfirst(_("description")),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
