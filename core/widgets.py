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

INPUTS = (forms.TextInput, forms.NumberInput, forms.DateInput, forms.EmailInput, forms.URLInput)


def filter_field(bound_field: forms.BoundField, wrapper_class: str = "mb-0") -> SafeString:
    widget = bound_field.field.widget
    if type(widget) not in (*INPUTS, forms.Select):
        return render_field(bound_field, wrapper_class=wrapper_class, server_side_validation=False)
    attrs = bound_field.build_widget_attrs(dict(widget.attrs))
    errors = bound_field.errors
    is_select = isinstance(widget, forms.Select)
    attrs["class"] = " ".join(filter(None, [attrs.get("class"), "form-select" if is_select else "form-control"]))
    if not is_select:
        attrs.setdefault("placeholder", bound_field.label)
    if errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{bound_field.auto_id}_error"
    attrs["id"] = bound_field.auto_id
    context = widget.get_context(bound_field.html_name, bound_field.value(), attrs)["widget"]
    if is_select:
        control = format_html('<select name="{}"{}>', context["name"], flatatt(context["attrs"])) + _options(context)
        control += mark_safe("</select>")
    else:
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


def _options(context: dict) -> SafeString:
    html = []
    for group_name, options, _index in context["optgroups"]:
        inner = "".join(
            '<option value="{}"{}>{}</option>'.format(
                conditional_escape(option["value"]),
                " selected" if option["selected"] else "",
                conditional_escape(option["label"]),
            )
            for option in options
        )
        html.append(f'<optgroup label="{conditional_escape(group_name)}">{inner}</optgroup>' if group_name else inner)
    return mark_safe("".join(html))
