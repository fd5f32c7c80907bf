"""REST endpoints for organizations and staff: same scoping and services as the pages."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError

from orgs import services
from orgs.filters import OrganizationFilter, StaffMemberFilter
from orgs.models import Organization, StaffMember


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = [
            "id", "code", "symbol", "name", "short_name", "kind", "parent", "is_focal_office",
            "valid_from", "valid_to", "successor",
        ]


class StaffMemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = StaffMember
        fields = ["id", "full_name", "position", "category", "organization", "email", "active_from", "active_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            # An organization outside the user's reach is "not found", as in the pages.
            self.fields["organization"].queryset = Organization.objects.visible_to(request.user)


class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return Organization.objects.visible_to(self.request.user).order_by("path")


class StaffMemberViewSet(viewsets.ModelViewSet):
    serializer_class = StaffMemberSerializer
    filterset_class = StaffMemberFilter

    def get_queryset(self):
        return StaffMember.objects.visible_to(self.request.user).select_related("organization").order_by("id")

    def _save(self, serializer):
        instance = serializer.instance or StaffMember()
        for name, value in serializer.validated_data.items():
            setattr(instance, name, value)
        try:
            services.save_staff_member(instance, by=self.request.user)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        except DjangoValidationError as exc:
            raise ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from exc
        serializer.instance = instance

    perform_create = _save
    perform_update = _save

    def perform_destroy(self, instance):
        try:
            services.delete_staff_member(instance, by=self.request.user)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
