"""Template filters every page shares."""

from django import template

from core.history import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    """A person as Vietnamese write them: family and middle names, then the given name."""
    return "" if user is None else _person_name(user)
