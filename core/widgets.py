"""Filter fields rendered in Python with the markup django-bootstrap5 gives them.

A list page shows its filter form on every request; through the widget templates each field
costs about a millisecond, which is most of a short page. Text, number and select fields (all
that filters use) are written here; any other widget falls back to `bootstrap_field`.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django_bootstrap5.forms import render_field

from core.tables import fast_escape

INPUTS = (forms.TextInput, forms.NumberInput, forms.DateInput, forms.EmailInput, forms.URLInput)


def filter_field(bound_field: forms.BoundField, wrapper_class: str = "mb-0") -> SafeString:
    widget = bound_field.field.widget
    if type(widget) not in (*INPUTS, forms.Select):
        return render_field(bound_field, wrapper_class=wrapper_class, server_side_validation=False)
    field = bound_field.field
    attrs = dict(widget.attrs)
    # As BoundField.build_widget_attrs, but asking the widget last: a select's use_required_attribute
    # reads its choices, which for an organization filter is a query run a second time.
    if field.required and bound_field.form.use_required_attribute and widget.use_required_attribute(
        bound_field.initial
    ):
        attrs["required"] = True
    if field.disabled:
        attrs["disabled"] = True
    errors = bound_field.errors
    is_select = isinstance(widget, forms.Select)
    attrs["class"] = " ".join(filter(None, [attrs.get("class"), "form-select" if is_select else "form-control"]))
    if not is_select:
        attrs.setdefault("placeholder", bound_field.label)
    if errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{bound_field.auto_id}_error"
    attrs["id"] = bound_field.auto_id
    value = bound_field.value()
    if is_select:
        control = format_html('<select name="{}"{}>', bound_field.html_name, flatatt(widget.build_attrs(attrs)))
        control += _options(widget.choices, widget.format_value(value)) + mark_safe("</select>")
    else:
        context = widget.get_context(bound_field.html_name, value, attrs)["widget"]
        value = context["value"]
        control = format_html(
            '<input type="{}" name="{}"{}{}>',
            context["type"],
            context["name"],
            format_html(' value="{}"', value) if value is not None else "",
            flatatt(context["attrs"]),
        )
    label = format_html('<label class="form-label" for="{}">{}</label>', bound_field.auto_id, bound_field.label)
    feedback = ""
    if errors:
        feedback = format_html(
            '<div id="{}_error" class="w-100">{}</div>',
            bound_field.auto_id,
            mark_safe("".join(format_html('<div class="invalid-feedback d-block">{}</div>', e) for e in errors)),
        )
    return format_html('<div class="{}">{}{}{}</div>', wrapper_class, label, control, mark_safe(feedback))


def _options(choices, chosen: list[str]) -> SafeString:
    """Options as Select draws them (one level of optgroups), from the choices read once."""
    chosen = set(chosen)
    html = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            inner = "".join(_option(v, sub, chosen) for v, sub in label)
            html.append(f'<optgroup label="{conditional_escape(value)}">{inner}</optgroup>')
        else:
            html.append(_option(value, label, chosen))
    return mark_safe("".join(html))


def _option(value, label, chosen: set[str]) -> str:
    # A select may offer every agency of a province: escaped without conditional_escape's lazy checks.
    value = "" if value is None else str(value)
    return f'<option value="{fast_escape(value)}"{" selected" if value in chosen else ""}>{fast_escape(label)}</option>'

