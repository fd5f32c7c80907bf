"""The organization tree, the staff roster and who holds which role where."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.lookups import StartsWith
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.scoping import Scope, ScopedQuerySet
from orgs.text import name_sort_key


class OrganizationKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    AGENCY = "agency", _("Agency")
    UNIT = "unit", _("Unit")
    MASS_ORG = "mass_org", _("Mass organization")


class OrganizationType(models.TextChoices):
    """The type of an organization within its kind: rules and rankings differ by it."""

    # Agencies (under the province)
    DEPARTMENT = "department", _("Department (sở, ban, ngành)")
    COMMUNE = "commune", _("Commune-level People's Committee (xã, phường, đặc khu)")
    PROVINCIAL_SERVICE_UNIT = "provincial_service_unit", _("Public service unit under the province")
    # Units (inside an agency)
    DIVISION = "division", _("Division (phòng)")
    SERVICE_UNIT = "service_unit", _("Public service unit with its own seal and registry")
    MASS_ORGANIZATION = "mass_organization", _("Mass organization")


# Which types each kind admits; the first is the default. A province has no type.
TYPES_BY_KIND: dict[str, tuple[str, ...]] = {
    "province": ("",),
    "agency": (OrganizationType.DEPARTMENT, OrganizationType.COMMUNE, OrganizationType.PROVINCIAL_SERVICE_UNIT),
    "unit": (OrganizationType.DIVISION, OrganizationType.SERVICE_UNIT, OrganizationType.MASS_ORGANIZATION),
    "mass_org": (OrganizationType.MASS_ORGANIZATION,),
}

# Types that keep their own seal and document registry (văn thư riêng): every agency, and the
# public service units among units. Divisions and mass organizations use their agency's.
OWN_SEAL_TYPES = frozenset({
    OrganizationType.DEPARTMENT, OrganizationType.COMMUNE, OrganizationType.PROVINCIAL_SERVICE_UNIT,
    OrganizationType.SERVICE_UNIT,
})


def default_type(kind: str) -> str:
    return TYPES_BY_KIND.get(kind, ("",))[0]


COMMUNE_PREFIXES = ("Ủy ban nhân dân xã", "Ủy ban nhân dân phường", "Ủy ban nhân dân đặc khu", "UBND xã",
                    "UBND phường", "UBND đặc khu")
SERVICE_UNIT_PREFIXES = ("Trung tâm", "Thư viện", "Bảo tàng", "Nhà văn hóa", "Ban Quản lý", "Bệnh viện",
                         "Trường", "Đài")
MASS_ORGANIZATION_PREFIXES = ("Công đoàn", "Đoàn Thanh niên", "Chi đoàn", "Ban Thanh tra nhân dân", "Hội",
                              "Chi hội")


def guess_type(kind: str, name: str) -> str:
    """The likely type of an organization from its kind and name (for rows saved without one)."""
    if kind == "agency":
        if name.startswith(COMMUNE_PREFIXES):
            return OrganizationType.COMMUNE
        if name.startswith(SERVICE_UNIT_PREFIXES):
            return OrganizationType.PROVINCIAL_SERVICE_UNIT
    elif kind == "unit":
        if name.startswith(MASS_ORGANIZATION_PREFIXES):
            return OrganizationType.MASS_ORGANIZATION
        if name.startswith(SERVICE_UNIT_PREFIXES):
            return OrganizationType.SERVICE_UNIT
    return default_type(kind)


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    FOCAL = "focal", _("Focal office")
    LEADER = "leader", _("Leader")
    UNIT_EDITOR = "unit_editor", _("Unit editor")
    INSPECTOR = "inspector", _("Inspector")
    VIEWER = "viewer", _("Viewer")
    PETITION_HANDLER = "petition_handler", _("Citizen reception and petition officer")


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class StaffCategory(models.TextChoices):
    CADRE = "cadre", _("Cadre")
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    PUBLIC_EMPLOYEE = "public_employee", _("Public employee")
    WORKER = "worker", _("Worker")


class OrganizationQuerySet(ScopedQuerySet):
    scope = Scope(path="path")

    def active_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def with_own_seal(self):
        """Organizations that keep their own seal and document registry (see OWN_SEAL_TYPES)."""
        return self.filter(org_type__in=OWN_SEAL_TYPES)


class Organization(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    symbol = models.CharField(
        _("document symbol"),
        max_length=20,
        blank=True,
        help_text=_("The abbreviation used in document numbers, e.g. SXD in 22/KH-SXD."),
    )
    # "full name" alone reads as a person's name (họ và tên) in Vietnamese.
    name = models.CharField(pgettext_lazy("organization", "full name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices, db_index=True)
    org_type = models.CharField(
        _("type"), max_length=30, choices=OrganizationType.choices, blank=True, db_index=True,
        help_text=_("The type within its kind: a department or a commune, a division or a public service unit…"),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialized path of ids ("/1/5/12/"): a subtree is one indexed prefix match.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    is_focal_office = models.BooleanField(
        _("focal office"), default=False, help_text=_("The unit that drafts the agency's plan.")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True, db_index=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["path", "updated_at"])
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="org_valid_range",
                violation_error_message=_("The end of validity cannot be earlier than its start."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="province") | Q(parent__isnull=True),
                name="org_province_is_root",
                violation_error_message=_("A province cannot have a parent organization."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.org_type:
            self.org_type = guess_type(self.kind, self.name)
        super().save(*args, **kwargs)
        path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if path != self.path:
            old = self.path
            self.path = path
            type(self).objects.filter(pk=self.pk).update(path=path)
            if old:
                _move_descendants(old, path)

    def get_absolute_url(self) -> str:
        return reverse_pk("orgs:organization_detail", self.pk)

    @property
    def has_own_seal(self) -> bool:
        """Whether it keeps its own seal and document registry (agencies, public service units)."""
        return self.org_type in OWN_SEAL_TYPES

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def has_own_registry(self) -> bool:
        """Whether it keeps its own document register (its own registry office and seal); units issue under
        their agency's."""
        return self.kind in (OrganizationKind.PROVINCE, OrganizationKind.AGENCY)

    @property
    def depth(self) -> int:
        return max(self.path.count("/") - 2, 0)

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part][:-1]

    def is_active_on(self, day=None) -> bool:
        day = day or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    @property
    def is_active(self) -> bool:
        return self.is_active_on()

    def name_on(self, day) -> str:
        """The name the organization bore on a given day (history stays readable under old names).

        Renames count from their effective date, not from when they were recorded: the first
        rename after `day` still holds, as its old name, the name borne on `day`.
        """
        rename = (
            self.changes.filter(kind=OrganizationChangeKind.RENAME, date__gt=day).order_by("date", "id").first()
        )
        return rename.old_name if rename else self.name


def _move_descendants(old: str, new: str) -> None:
    from django.db.models.functions import Concat, Substr

    Organization.objects.filter(path__startswith=old).exclude(path=new).update(
        path=Concat(models.Value(new), Substr("path", len(old) + 1), output_field=models.CharField())
    )



class PathStartsWith(StartsWith):
    """`path__startswith` as GLOB on SQLite. Its LIKE ignores case, so a subtree query never uses
    the path index there and scans every row (15 ms for one agency's staff in a province, 0.5 ms
    with GLOB). Paths hold only digits and slashes, never GLOB's wildcards. PostgreSQL's LIKE
    uses the pattern index Django makes beside the path index."""

    def as_sqlite(self, compiler, connection):
        if not isinstance(self.rhs, str) or set(self.rhs) & set("*?[]"):
            return self.as_sql(compiler, connection)
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs_sql} GLOB %s", [*lhs_params, f"{self.rhs}*"]


Organization._meta.get_field("path").register_lookup(PathStartsWith)

class OrganizationChangeKind(models.TextChoices):
    ESTABLISH = "establish", _("Establishment")
    RENAME = "rename", _("Rename")
    MERGE = "merge", _("Merge")
    DISSOLVE = "dissolve", _("Dissolution")


class OrganizationChange(models.Model):
    """A dated event in the tree (2025: departments merged, districts abolished)."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationChangeKind.choices)
    date = models.DateField(_("effective date"))
    old_name = models.CharField(_("old name"), max_length=255, blank=True)
    new_name = models.CharField(_("new name"), max_length=255, blank=True)
    result = models.ForeignKey(
        Organization,
        verbose_name=_("resulting organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="absorbed_changes",
    )
    decision = models.CharField(_("decision"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organization change")
        verbose_name_plural = _("organization changes")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.organization} ({self.date:%d/%m/%Y})"


class MembershipQuerySet(ScopedQuerySet):
    pass


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organization}"


class StaffMemberQuerySet(ScopedQuerySet):
    # The roster pages along its (organization, sort_key) index: matched by id, not joined.
    scope = Scope(by_id=True)

    def bulk_create(self, objs, *args, **kwargs):
        # Bulk inserts skip save(): give each person their roster key here too.
        objs = list(objs)
        for member in objs:
            member.sort_key = name_sort_key(member.full_name)
        return super().bulk_create(objs, *args, **kwargs)

    def active_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(Q(active_from__isnull=True) | Q(active_from__lte=day)).filter(
            Q(active_to__isnull=True) | Q(active_to__gte=day)
        )


class StaffMember(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="staff"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    # Rosters sort by given name, then family and middle names, in Vietnamese order (orgs.text).
    sort_key = models.CharField(max_length=255, editable=False, default="")
    position = models.CharField(_("position"), max_length=150, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=StaffCategory.choices, db_index=True)
    email = models.EmailField(_("email"), blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_to = models.DateField(_("active to"), null=True, blank=True, db_index=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff_member",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "sort_key"])
    objects = StaffMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        ordering = ["organization__path", "sort_key", "id"]
        indexes = [
            models.Index(fields=["organization", "full_name"], name="staff_org_name_idx"),
            models.Index(fields=["organization", "sort_key"], name="staff_org_sort_idx"),
            models.Index(fields=["organization", "active_to"], name="staff_org_active_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_to__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_to__gte=models.F("active_from")),
                name="staff_active_range",
                violation_error_message=_("The end of service cannot be earlier than its start."),
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.sort_key = name_sort_key(self.full_name)
        if kwargs.get("update_fields") is not None and "full_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse_pk("orgs:staff_detail", self.pk)

    @property
    def is_active(self) -> bool:
        today = timezone.localdate()
        return (self.active_from is None or self.active_from <= today) and (
            self.active_to is None or self.active_to >= today
        )
