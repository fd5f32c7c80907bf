import datetime as dt

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citizens import deadlines
from citizens.models import OPEN_STATES, Petition, PetitionKind, PetitionState, Reception, ReceptionKind
from core.filters import FilterSet, YesNoFilter
from orgs.filters import SubtreeFilter


class _OrganizationFilterSet(FilterSet):
    organization = SubtreeFilter()
    year = django_filters.NumberFilter(method="in_year", label=_("Year"), min_value=2000, max_value=2100)
    date_field = "date"

    def in_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__year": value})


DUE_CHOICES = (("overdue", _("Past the deadline")), ("soon", _("Due soon")))


class PetitionFilter(_OrganizationFilterSet):
    # Searches what anyone who sees the petition may read: never the petitioner's data.
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=PetitionKind.choices, label=_("Kind"))
    state = django_filters.ChoiceFilter(choices=PetitionState.choices, label=_("State"))
    due = django_filters.ChoiceFilter(choices=DUE_CHOICES, method="by_due", label=_("Deadline"))
    date_field = "received_on"

    class Meta:
        model = Petition
        fields = ["q", "organization", "kind", "state", "due", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(code__icontains=value) | Q(subject__icontains=value))

    def by_due(self, queryset, name, value):
        """Open petitions whose current step is past due, or due within DUE_SOON_DAYS (computed from the rules)."""
        today = timezone.localdate()
        rules = deadlines.load_rules()
        ids = []
        for petition in queryset.filter(state__in=OPEN_STATES):
            due = deadlines.current_due(petition, rules=rules)
            if due is None:
                continue
            if (value == "overdue" and due.due < today) or (
                    value == "soon" and today <= due.due <= today + dt.timedelta(days=deadlines.DUE_SOON_DAYS)):
                ids.append(petition.pk)
        return queryset.filter(pk__in=ids)


class ReceptionFilter(_OrganizationFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    session_kind = django_filters.ChoiceFilter(choices=ReceptionKind.choices, label=_("Session"))
    head_session = YesNoFilter(label=_("Received by the head"))

    class Meta:
        model = Reception
        fields = ["q", "organization", "session_kind", "head_session", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(host__icontains=value) | Q(matter__icontains=value))
