"""{{ reading|measured }}: a reading's value as the pages write it ("87,5%", "12", "chưa có dữ liệu")."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html

register = template.Library()


@register.filter
def measured(reading) -> str:
    if reading.value is None:
        return "chưa có dữ liệu" if reading.figure is not None else "—"
    if reading.figure.is_count:
        return floatformat(reading.value, 0)
    return f"{floatformat(reading.value, -1)}%"


@register.filter
def fraction(reading) -> str:
    if reading.figure is None or reading.figure.is_count:
        return ""
    return f"{reading.numerator}/{reading.denominator}"


@register.filter
def status_badge(reading) -> str:
    return format_html('<span class="badge text-bg-{}" data-status="{}">{}</span>', reading.colour, reading.status,
                       reading.status_label)
