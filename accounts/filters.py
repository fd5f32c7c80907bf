import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet
from orgs.models import Membership, Role


class MembershipFilter(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    role = django_filters.ChoiceFilter(choices=Role.choices, label=_("Role"))

    class Meta:
        model = Membership
        fields = ["q", "role"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(user__username__icontains=value) | Q(user__email__icontains=value) | Q(user__last_name__icontains=value)
            | Q(user__first_name__icontains=value) | Q(organization__name__icontains=value)
        )
