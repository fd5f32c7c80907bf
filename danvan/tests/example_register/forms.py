from django import forms

from orgs.models import Organization

from .models import Note


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["organization", "date", "subject"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, "change")
