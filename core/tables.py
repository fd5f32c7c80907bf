"""Tables: one class renders a list page and its .xlsx export, so columns are written once."""

from __future__ import annotations

import copy
import datetime as dt
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from decimal import Decimal
from html import escape as html_escape

import django_tables2 as tables
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.http import urlencode
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext_lazy as _
from django_tables2 import utils as tables_utils
from django_tables2.templatetags.django_tables2 import table_page_range
from django_tables2.utils import AttributeDict

from core.reversing import reverse_pk

RAW_TYPES = (dt.date, int, float, Decimal)

_signature = tables_utils.signature
_signatures: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _cached_signature(fn):
    """django-tables2 reads the signature of every cell's render function, for every cell of every
    page (inspect.signature: a third of a 50-row list's time). It depends on the function alone (and
    whether it is bound), so it is read once per function."""
    func = getattr(fn, "__func__", fn)
    try:
        known = _signatures.setdefault(func, {})
    except TypeError:  # not weakly referable (a builtin, a partial): read it each time
        return _signature(fn)
    bound = func is not fn
    if bound not in known:
        known[bound] = _signature(fn)
    return known[bound]


tables_utils.signature = _cached_signature


class _Columns(OrderedDict):
    """A table class's columns. django-tables2 deep-copies them for every table it makes, so that hiding a
    column (setting its `visible`) leaves the class alone: a third of a short list's table time, copying
    every header text, attribute and accessor. A copy of each column does the same, as no code here or in
    django-tables2 changes what a column holds (its attrs, choices, links) once the class is made."""

    def __deepcopy__(self, memo):
        return OrderedDict((name, copy.copy(column)) for name, column in self.items())


class Table(tables.Table):
    """Base of every list table: the site's look, a Vietnamese empty text, dd/mm/yyyy dates."""

    export_sequence: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.base_columns = _Columns(cls.base_columns)

    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle"}
        template_name = "core/table.html"
        empty_text = _("Nothing to show.")

    # Optional: column name → function(table, record) giving the cell's whole `<td>…</td>` (see
    # `td`), for a long list's hot path. Used when every shown column has one: then no cell goes
    # through django-tables2's per-cell machinery.
    fast_cells: dict = {}
    # With fast_cells: function(record) giving the row's CSS class (what Meta.row_attrs gives otherwise).
    fast_row_class = None

    def label(self, record, name: str) -> str:
        """`record.get_<name>_display()`, with the translated labels read once per table."""
        cache = self.__dict__.setdefault("_labels", {})
        if name not in cache:
            field = record._meta.get_field(name)
            cache[name] = {value: str(label) for value, label in field.flatchoices}
        value = getattr(record, name)
        return cache[name].get(value, value)

    def url(self, name: str, pk) -> str:
        """`reverse(name, args=[pk])`, reversed once per URL name: a reverse per row costs more than the row."""
        return reverse_pk(name, pk)

    def tbody_rows(self) -> str:
        """The page's rows as HTML, joined in Python: a template loop costs more than the cells."""
        html = []
        names = [column.name for column in self.columns]
        # Each cell carries its column's name: on a phone a row reads as a card (danvan.css).
        labels = [f' data-label="{escape(force_str(column.header))}"' for column in self.columns]
        if self.fast_cells and all(name in self.fast_cells for name in names):
            cells = list(zip([self.fast_cells[name] for name in names], labels, strict=True))
            row_class = self.fast_row_class
            for record in self.paginated_rows:
                record = record.record
                css = row_class(record) if row_class else ""
                html.append((f'<tr class="{css}">' if css else "<tr>")
                            + "".join("<td" + label + cell(self, record)[3:] for cell, label in cells) + "</tr>")
            return mark_safe("\n".join(html))
        for row in self.paginated_rows:
            cells = "".join(
                f"<td {column.attrs['td'].as_html()}{label}><div>{_cell_html(cell, column.localize)}</div></td>"
                for (column, cell), label in zip(row.items(), labels, strict=True)
            )
            html.append(f"<tr {row.attrs.as_html()}>{cells}</tr>")
        return mark_safe("\n".join(html))


    def html(self, request) -> str:
        """The whole table as core/table.html draws it (header with sort links, rows, pages), written in
        Python: the template's loops over columns and pages cost as much as the rows themselves."""
        query = request.GET
        attrs = AttributeDict({"class": "table"})
        attrs.update(self.attrs)
        parts = [f'<div class="table-container table-responsive">\n<table {attrs.as_html()}>']
        if self.show_header:
            parts.append(f"<thead {_attrs(self.attrs, 'thead')}><tr>")
            for column in self.columns:
                header = conditional_escape(column.header)
                if column.orderable:
                    link = _querystring(query, self.prefixed_order_by_field, column.order_by_alias.next)
                    header = f'<a href="{link}">{header}</a>'
                parts.append(f'<th {column.attrs["th"].as_html()} scope="col">{header}</th>')
            parts.append("</tr></thead>")
        parts.append(f"<tbody {_attrs(self.attrs, 'tbody')}>{self.tbody_rows()}")
        if not self.paginated_rows and self.empty_text:
            parts.append(f'<tr><td colspan="{len(self.columns)}">{conditional_escape(self.empty_text)}</td></tr>')
        parts.append("</tbody>")
        if self.has_footer():
            parts.append(f"<tfoot {_attrs(self.attrs, 'tfoot')}><tr>")
            parts += [f'<td {column.attrs["tf"].as_html()}>{conditional_escape(column.footer)}</td>'
                      for column in self.columns]
            parts.append("</tr></tfoot>")
        parts.append("</table>")
        page = getattr(self, "page", None)
        if page and self.paginator.num_pages > 1:
            field = self.prefixed_page_field
            parts.append('<nav aria-label="Table navigation"><ul class="pagination justify-content-center">')
            if page.has_previous():
                previous = _querystring(query, field, page.previous_page_number())
                parts.append(
                    f'<li class="previous page-item"><a href="{previous}"'
                    f' class="page-link"><span aria-hidden="true">&laquo;</span> {escape(_("Previous page"))}</a></li>')
            if page.has_previous() or page.has_next():
                for number in table_page_range(page, self.paginator):
                    active = " active" if page.number == number else ""
                    href = f' href="{_querystring(query, field, number)}"' if number != "..." else ""
                    parts.append(f'<li class="page-item{active}"><a class="page-link"{href}>{number}</a></li>')
            if page.has_next():
                parts.append(
                    f'<li class="next page-item"><a href="{_querystring(query, field, page.next_page_number())}"'
                    f' class="page-link">{escape(_("Next page"))} <span aria-hidden="true">&raquo;</span></a></li>')
            parts.append("</ul></nav>")
        parts.append("</div>")
        return mark_safe("\n".join(parts))


def _attrs(attrs, name: str) -> str:
    """`{{ table.attrs.<name>.as_html }}`: empty when the table gives none."""
    value = attrs.get(name)
    return value.as_html() if hasattr(value, "as_html") else (AttributeDict(value).as_html() if value else "")


def _querystring(query, key: str, value) -> str:
    """`{% querystring_replace key=value %}`: the request's query string with one parameter replaced."""
    params = dict(query)
    params[key] = value
    return escape("?" + urlencode(params, doseq=True))


def fast_escape(value) -> str:
    """`conditional_escape(value)`, as a plain str: the same characters escaped (the standard library's
    html.escape is what Django's escape calls) without its lazy-string checks, which cost more than the
    escaping in a loop over every cell of a page."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html_escape(str(value))


def link(url: str, text) -> str:
    """`<a href="url">text</a>`, both escaped (format_html's output, for a cell's hot path)."""
    return mark_safe(f'<a href="{fast_escape(url)}">{fast_escape(text)}</a>')


def td(content, css: str = "") -> str:
    """A table cell; `content` is escaped unless it is safe HTML."""
    return f'<td class="{css}">{fast_escape(content)}</td>' if css else f"<td>{fast_escape(content)}</td>"


def _cell_html(value, localized) -> str:
    """A cell as `{{ cell }}` (or `|localize`, `|unlocalize`) would render it."""
    if localized is False:
        value = str(value) if not isinstance(value, SafeData) else value
    else:
        value = localize(value, use_l10n=localized)
    return conditional_escape(value)


class DateColumn(tables.DateColumn):
    """dd/mm/yyyy, formatted in Python: no template rendered per cell."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", "d/m/Y")
        # Its cells are rendered even when empty (a template column's way): show the table's dash.
        kwargs.setdefault("default", "—")
        super().__init__(*args, **kwargs)

    def render(self, value, **kwargs):
        return value.strftime("%d/%m/%Y") if value else self.default


class DateTimeColumn(tables.DateTimeColumn):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", "d/m/Y H:i")
        super().__init__(*args, **kwargs)


def _renders_raw(table: tables.Table, bound_column) -> bool:
    """Whether the cell's value is the record's own value (then dates and numbers stay typed)."""
    column = bound_column.column
    if hasattr(table, f"render_{bound_column.name}") or hasattr(table, f"value_{bound_column.name}"):
        return False
    if isinstance(column, tables.DateColumn | tables.DateTimeColumn):
        return True
    return type(column).render is tables.Column.render and type(column).value is tables.Column.value


def export_rows(table: tables.Table) -> tuple[list[str], Iterator[list]]:
    """Headers and rows of the columns meant for export: the table's `export_sequence` when it
    gives one (a sheet may want its columns in another order than the page), otherwise every
    column but those marked `exclude_from_export`."""
    sequence = getattr(table, "export_sequence", None)
    if sequence:
        columns = [table.columns[name] for name in sequence]
    else:
        columns = [column for column in table.columns.iterall() if not column.column.exclude_from_export]
    headers = [force_str(column.header) for column in columns]

    def rows():
        for row in table.rows:
            values = []
            for column in columns:
                value = None
                if _renders_raw(table, column):
                    value = column.accessor.resolve(row.record, quiet=True)
                    if isinstance(value, dt.datetime):
                        value = timezone.localtime(value).replace(tzinfo=None)
                    if not isinstance(value, RAW_TYPES):
                        value = None
                if value is None:
                    cell = row.get_cell_value(column.name)
                    value = "" if cell is None else force_str(cell)
                    value = "" if value == table.default else value
                values.append(value)
            yield values

    return headers, rows()
