import django_tables2 as tables
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.tables import DateColumn, Table, fast_escape, link, td
from orgs.models import Organization, StaffMember
from orgs.staff_import import COLUMNS


class OrganizationTable(Table):
    """The tree, indented by depth; the export adds the columns the page leaves out."""

    name = tables.Column(
        verbose_name=pgettext_lazy("organization", "Full name"), orderable=False,
        attrs={"td": {"class": lambda record: f"tree-cell tree-depth-{min(record.depth, 8)}"}},
    )
    kind = tables.Column(verbose_name=_("Kind"), orderable=False)
    org_type = tables.Column(verbose_name=_("Type"), orderable=False, attrs={"td": {"class": "small"}})
    code = tables.Column(verbose_name=_("Code"), orderable=False)
    staff_count = tables.Column(verbose_name=_("Staff"), orderable=False, attrs={"td": {"class": "text-end"}})
    validity = tables.Column(verbose_name=_("Validity"), accessor="valid_from", orderable=False,
                             attrs={"td": {"class": "small text-nowrap"}})
    valid_from = DateColumn(verbose_name=_("Valid from"), visible=False)
    valid_to = DateColumn(verbose_name=_("Valid to"), visible=False)
    symbol = tables.Column(verbose_name=_("Symbol"), visible=False)
    short_name = tables.Column(verbose_name=_("Short name"), visible=False)
    parent = tables.Column(verbose_name=_("Parent organization"), accessor="parent__name", visible=False)
    export_sequence = (
        "code", "symbol", "name", "short_name", "kind", "org_type", "parent", "valid_from", "valid_to",
    )

    class Meta(Table.Meta):
        model = Organization
        fields = ("name", "kind", "org_type", "code", "staff_count", "validity")
        # A node's button inserts its children's rows below its own row (htmx inherits these).
        attrs = {"class": "table table-sm table-hover align-middle", "id": "org-tree",
                 "hx-target": "closest tr", "hx-swap": "afterend"}
        empty_text = _("No organizations.")

    def __init__(self, *args, children_query: str | None = None, is_open=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Given on the tree page: closed nodes with children get a button that loads them below.
        self.children_query = children_query
        self.is_open = is_open or (lambda record: False)

    fast_cells = {
        "name": lambda t, r: td(t.render_name(r), f"tree-cell tree-depth-{min(r.depth, 8)}"),
        "kind": lambda t, r: td(t.label(r, "kind")),
        "org_type": lambda t, r: td(t.label(r, "org_type") or t.default, "small"),
        "code": lambda t, r: td(t.render_code(r.code)),
        "staff_count": lambda t, r: td(r.staff_count, "text-end"),
        "validity": lambda t, r: td(t.render_validity(r), "small text-nowrap"),
    }

    def render_name(self, record):
        # Up to 200 rows a page: the labels, today and the query string are escaped once per table.
        parts = self.__dict__.get("_name_parts")
        if parts is None:
            parts = self.__dict__["_name_parts"] = {
                "toggle": escape(_("Show sub-organizations")), "focal": escape(_("focal office")),
                "query": escape(self.children_query or ""), "today": timezone.localdate(),
            }
        html = '<span class="text-muted">└</span> ' if record.depth else ""
        if self.children_query is not None and getattr(record, "has_children", False) and not self.is_open(record):
            html += (
                '<button type="button" class="btn btn-link btn-sm p-0 me-1 tree-toggle" aria-label="{}" '
                'hx-get="{}?{}" hx-on::after-request="this.disabled=true">'
                '<i class="bi bi-caret-right-fill" aria-hidden="true"></i></button>'
            ).format(parts["toggle"], fast_escape(self.url("orgs:organization_children", record.pk)), parts["query"])
        html += '<a href="{}" class="{}">{}</a>'.format(
            fast_escape(self.url("orgs:organization_detail", record.pk)),
            "" if record.is_active_on(parts["today"]) else "org-inactive", fast_escape(record.name),
        )
        if record.is_focal_office:
            html += ' <span class="badge text-bg-info">{}</span>'.format(parts["focal"])
        if record.successor_id:
            html += f' <span class="small text-muted">→ {fast_escape(record.successor.name)}</span>'
        return mark_safe(html)

    def value_name(self, record):
        return record.name

    def render_code(self, value):
        return mark_safe(f"<code>{fast_escape(value)}</code>")

    def value_code(self, value):
        return value

    def render_validity(self, record):
        start = record.valid_from.strftime("%d/%m/%Y") if record.valid_from else ""
        end = f" – {record.valid_to:%d/%m/%Y}" if record.valid_to else ""
        return f"{start}{end}"


class StaffMemberTable(Table):
    """Headed with the import's column names, so an exported roster imports again as it is."""

    full_name = tables.Column(linkify=True, verbose_name=COLUMNS["full_name"], order_by=("sort_key", "id"))
    position = tables.Column(verbose_name=COLUMNS["position"])
    category = tables.Column(verbose_name=COLUMNS["category"])
    organization = tables.Column(
        linkify=True, verbose_name=COLUMNS["unit"], order_by=("organization__path", "sort_key")
    )
    email = tables.Column(verbose_name=COLUMNS["email"], visible=False)
    active_from = DateColumn(verbose_name=COLUMNS["active_from"])
    active_to = DateColumn(verbose_name=COLUMNS["active_to"])
    date_of_birth = DateColumn(verbose_name=COLUMNS["date_of_birth"], visible=False)
    gender = tables.Column(verbose_name=COLUMNS["gender"], visible=False)
    # The sheet's columns are the import's, in its order.
    export_sequence = ("full_name", "date_of_birth", "gender", "position", "category", "organization", "email",
                       "active_from", "active_to")

    class Meta(Table.Meta):
        model = StaffMember
        fields = ("full_name", "position", "category", "organization", "email", "active_from", "active_to")
        empty_text = _("No staff members.")

    fast_cells = {
        "full_name": lambda t, r: td(link(t.url("orgs:staff_detail", r.pk), r.full_name)),
        "position": lambda t, r: td(r.position or t.default),
        "category": lambda t, r: td(t.label(r, "category") or t.default),
        "organization": lambda t, r: td(link(t.url("orgs:organization_detail", r.organization_id),
                                             r.organization.name)),
        "email": lambda t, r: td(r.email or t.default),
        "active_from": lambda t, r: td(r.active_from.strftime("%d/%m/%Y") if r.active_from else t.default),
        "active_to": lambda t, r: td(r.active_to.strftime("%d/%m/%Y") if r.active_to else t.default),
    }
