"""REST endpoints for organizations and staff: same scoping and services as the pages."""

from core.api import ModelSerializer, ScopedReadOnlyViewSet, ScopedViewSet
from orgs import services
from orgs.filters import OrganizationFilter, StaffMemberFilter
from orgs.models import Organization, StaffMember


class OrganizationSerializer(ModelSerializer):
    class Meta:
        model = Organization
        fields = [
            "id", "code", "symbol", "name", "short_name", "kind", "org_type", "parent", "is_focal_office",
            "valid_from", "valid_to", "successor",
        ]


class StaffMemberSerializer(ModelSerializer):
    class Meta:
        model = StaffMember
        fields = ["id", "full_name", "date_of_birth", "gender", "position", "category", "organization", "email",
                  "active_from", "active_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            # An organization outside the user's reach is "not found", as in the pages.
            self.fields["organization"].queryset = Organization.objects.visible_to(request.user)


class OrganizationViewSet(ScopedReadOnlyViewSet):
    model = Organization
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter
    ordering = ("path",)


class StaffMemberViewSet(ScopedViewSet):
    model = StaffMember
    serializer_class = StaffMemberSerializer
    filterset_class = StaffMemberFilter
    related = ("organization",)
    # The roster's order, along its (organization, sort_key) index, as the page: a page of 50 reads 50 rows.
    ordering = ("organization_id", "sort_key", "id")
    save_service = services.save_staff_member
    delete_service = services.delete_staff_member
