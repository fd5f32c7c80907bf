"""Template filters every page shares."""

from django import template

from core.history import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    """A person as Vietnamese write them: family and middle names, then the given name."""
    return "" if user is None else _person_name(user)


@register.simple_tag
def filter_field(bound_field, wrapper_class: str = "mb-0"):
    """A filter form's field as `bootstrap_field` draws it, written in Python (core.widgets)."""
    from core.widgets import filter_field as render

    return render(bound_field, wrapper_class)
