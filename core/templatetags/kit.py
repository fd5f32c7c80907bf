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


@register.simple_tag(takes_context=True)
def list_table(context, table):
    """`{% render_table table %}` for the kit's tables: drawn in Python (core.tables.Table.html) unless
    the table names a template of its own."""
    from django.template.loader import get_template

    from core.tables import Table

    request = context.get("request")
    # As render_table does: template columns render in the page's context.
    table.context = context
    try:
        table.before_render(request)
        if isinstance(table, Table) and table.template_name == Table.Meta.template_name:
            return table.html(request)
        return get_template(table.template_name).render({"table": table}, request)
    finally:
        del table.context


# The menu's HTML by what it shows: the same entries (in a language, under a script prefix) draw the
# same markup, so each combination is drawn once per process, whoever asks.
_MENU_HTML: dict[tuple, str] = {}


@register.simple_tag
def menu_html(groups) -> str:
    """The navigation bar's dropdowns for `main_menu` (core.context_processors.menu)."""
    from django.urls import get_script_prefix, reverse
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    key = (get_language(), get_script_prefix(),
           tuple((entry.group, entry.url_name) for _group, entries in groups for entry in entries))
    html = _MENU_HTML.get(key)
    if html is None:
        parts = []
        for group, entries in groups:
            links = "".join(
                f'<li><a class="dropdown-item" href="{conditional_escape(reverse(entry.url_name))}">'
                + (f'<i class="bi bi-{conditional_escape(entry.icon)} me-1" aria-hidden="true"></i>'
                   if entry.icon else "")
                + f"{conditional_escape(entry.label)}</a></li>"
                for entry in entries
            )
            parts.append(
                '<li class="nav-item dropdown">\n'
                '<button class="nav-link dropdown-toggle" type="button" data-bs-toggle="dropdown" '
                f'aria-expanded="false">{conditional_escape(group)}</button>\n'
                f'<ul class="dropdown-menu">\n{links}\n</ul>\n</li>'
            )
        html = _MENU_HTML[key] = "\n".join(parts)
    return mark_safe(html)
