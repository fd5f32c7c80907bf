"""Form pieces every app shares."""

from django import forms


class DateInput(forms.DateInput):
    """A date shown and typed as dd/mm/yyyy, with the site's calendar (danvan/forms.js)."""

    input_type = "text"

    def __init__(self, **kwargs):
        attrs = {"placeholder": "dd/mm/yyyy", "class": "date-input", "autocomplete": "off", **kwargs.pop("attrs", {})}
        super().__init__(format="%d/%m/%Y", attrs=attrs, **kwargs)
