from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from legal.models import LegalDocument
from legal.services import merge_targets


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        parts = [obj.number, obj.issuer, obj.scope_label]
        if not obj.confirmed:
            parts.append(obj.status_label)
        return " — ".join(part for part in parts if part)


class MergeForm(forms.Form):
    into = DocumentChoiceField(
        queryset=LegalDocument.objects.none(), label=_("Keep this document"),
        help_text=_("Plans and study sessions citing this document will cite the one kept; this one is deleted."),
    )

    def __init__(self, *args, document: LegalDocument, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Documents with the same number first: they are the likely duplicates.
        self.fields["into"].queryset = (
            merge_targets(document, user).select_related("province")
            .annotate(other_number=Case(When(normalized_number=document.normalized_number, then=Value(0)),
                                        default=Value(1), output_field=IntegerField()))
            .order_by("other_number", "number")
        )
