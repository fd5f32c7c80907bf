import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet, YearFilter, YesNoFilter
from democracy.models import (
    ON_TIME,
    BoardActivity,
    Disclosure,
    DisclosureMethod,
    DisclosureSubject,
    FollowUpAction,
    InspectionBoard,
    Meeting,
    MeetingKind,
)
from orgs.filters import SubtreeFilter
from orgs.scoping import memberships


class _OrganizationFilterSet(FilterSet):
    organization = SubtreeFilter()


class DisclosureFilter(_OrganizationFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    subject = django_filters.ChoiceFilter(choices=DisclosureSubject.choices, label=_("Subject"))
    method = django_filters.ChoiceFilter(choices=DisclosureMethod.choices, label=_("How"))
    year = YearFilter(field_name="decision_date__year", label=_("Year"))
    flagged = YesNoFilter(method="only_flagged", label=_("Late or too short"))

    class Meta:
        model = Disclosure
        fields = ["q", "organization", "subject", "method", "year", "flagged"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(decision__icontains=value))

    def only_flagged(self, queryset, name, value):
        return queryset.exclude(ON_TIME) if value else queryset.filter(ON_TIME)


class MeetingFilter(_OrganizationFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label=_("Kind"))
    year = YearFilter(field_name="date__year", label=_("Year"))

    class Meta:
        model = Meeting
        fields = ["q", "organization", "kind", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(resolution__icontains=value))


class FollowUpActionFilter(_OrganizationFilterSet):
    organization = SubtreeFilter(paths=("meeting__organization",))
    q = django_filters.CharFilter(field_name="description", lookup_expr="icontains", label=_("Search"))
    mine = YesNoFilter(method="only_mine", label=_("Owned by my units"))
    done = YesNoFilter(field_name="done_on", lookup_expr="isnull", exclude=True, label=_("Done"))

    class Meta:
        model = FollowUpAction
        fields = ["q", "organization", "mine", "done"]

    def only_mine(self, queryset, name, value):
        user = self.request.user
        mine = Q(owner_unit_id__in=[m.organization.pk for m in memberships(user)]) | Q(owner__user=user)
        return queryset.filter(mine) if value else queryset.exclude(mine)


class InspectionBoardFilter(_OrganizationFilterSet):
    year = YearFilter(method="in_office", label=_("In office in"))

    class Meta:
        model = InspectionBoard
        fields = ["organization", "year"]

    def in_office(self, queryset, name, value):
        return queryset.filter(elected_on__year__lte=value, term_end__year__gte=value)


class BoardActivityFilter(FilterSet):
    class Meta:
        model = BoardActivity
        fields = ["kind"]
