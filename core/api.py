"""The API's share of the kit: scoped viewsets that write through services, and one error shape.

Reads go through the model's view scope, writes through its change scope (an object the user
may read but not change answers 404 to a write, as the pages do). A service's Django
`ValidationError` answers 400 with its Vietnamese message; `PermissionDenied` answers 403.

Updates are optimistic-locked (core.locking): a read of one object answers with its version as
an `ETag`; PUT and PATCH must send it back in `If-Match` (428 without it, 412 when someone has
changed the object since, the answer naming who changed what).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated
from rest_framework.views import exception_handler as drf_exception_handler

from core.access import scoped
from core.locking import StaleVersionError, locked_save, version_of


def exception_handler(exc, context):
    """DRF's handler, taught that a service's Django ValidationError is the client's 400."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = ValidationError(detail)
    return drf_exception_handler(exc, context)


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = _("Send the ETag of the object you read in the If-Match header: "
                       "a change must say which version it is based on.")
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The object changed since you read it.")
    default_code = "precondition_failed"


def etag(version: str) -> str:
    return f'"{version}"'


def if_match_versions(header: str) -> list[str]:
    """The versions an If-Match header names (weak or strong ETags)."""
    tags = [tag.strip() for tag in header.split(",")]
    return [tag.removeprefix("W/").strip('"') for tag in tags if tag]


class ModelSerializer(serializers.ModelSerializer):
    """DRF's ModelSerializer, building its fields from the model once per class and copying them
    after: the introspection (a field class looked up per column, per nested serializer) cost an
    API list a millisecond a request, a copy a third of it. The fields depend on the class only
    (Meta and declared fields), never on the instance or the request."""

    def get_fields(self):
        cls = type(self)
        if "_built_fields" not in cls.__dict__:
            cls._built_fields = super().get_fields()
        return copy.deepcopy(cls._built_fields)


class ScopedViewSetMixin:
    """`model` read through `scoped(user, "view")`, written through `scoped(user, "change")`."""

    model = None
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    ordering: tuple[str, ...] = ("pk",)
    # service(instance, *, by) -> instance: saves a new or changed object, checking the rules.
    save_service: Callable | None = None
    # service(instance, *, by): deletes it.
    delete_service: Callable | None = None

    def get_queryset(self):
        if self.model is None:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a model.")
        action = "view" if self.request.method in SAFE_METHODS else "change"
        queryset = scoped(self.model, self.request.user, action)
        if self.related:
            queryset = queryset.select_related(*self.related)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset.order_by(*self.ordering)

    def _save(self, serializer):
        if self.save_service is None:
            raise ImproperlyConfigured(f"{type(self).__name__} writes only through a save_service.")
        instance = serializer.instance or self.model()
        many = {}
        for name, value in serializer.validated_data.items():
            field = self.model._meta.get_field(name)
            if field.many_to_many:
                many[name] = value
            else:
                setattr(instance, name, value)
        # Class attributes hold plain functions: call them unbound.
        type(self).save_service(instance, by=self.request.user, **many)
        serializer.instance = instance

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = etag(version_of(self.get_object()))
        return response

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer)

    def perform_destroy(self, instance):
        if self.delete_service is None:
            raise ImproperlyConfigured(f"{type(self).__name__} deletes only through a delete_service.")
        type(self).delete_service(instance, by=self.request.user)


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """List and read, scoped."""


class ScopedViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """List, read, create, update and delete; writes only through the services.

    PUT and PATCH need the version read (If-Match: the ETag of GET): 428 without it, 412 if stale.
    """

    def update(self, request, *args, **kwargs):
        instance = self.get_object()  # 404 outside the change scope, before anything else
        # A body that is not a valid object is the client's error (400), whatever its version.
        self.get_serializer(instance, data=request.data, partial=kwargs.get("partial", False)).is_valid(
            raise_exception=True)
        header = request.headers.get("If-Match", "")
        if not header.strip():
            raise PreconditionRequired
        versions = if_match_versions(header)
        based_on = versions[0] if len(versions) == 1 else None
        try:
            response = locked_save(
                instance, based_on, lambda: super(ScopedViewSet, self).update(request, *args, **kwargs))
        except StaleVersionError as exc:
            raise PreconditionFailed(exc.message) from exc
        if response.status_code == status.HTTP_200_OK:
            response["ETag"] = etag(version_of(instance))
        return response


# The schema: every answer an operation can give, documented once here for every viewset.


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


ERROR_STATUSES = {
    "401": "Không có hoặc sai token (Authorization: Token …).",
    "403": "Không có quyền thực hiện thao tác này.",
    "404": "Không tìm thấy, hoặc nằm ngoài phạm vi được xem (hoặc được sửa, với thao tác ghi).",
    "412": "Đối tượng đã bị người khác sửa sau phiên bản ghi trong If-Match; nội dung cho biết ai sửa gì.",
    "428": "Thiếu tiêu đề If-Match (ETag của lần đọc).",
}


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's schema, told what the kit answers besides success: 400 (a form of the
    answer's own: field → messages), 401 and 403 where a login is needed, 404 for an object (or a
    page of a list) out of reach, and for versioned updates the If-Match header, 412 and 428."""

    def _is_versioned_update(self) -> bool:
        return self.method in ("PUT", "PATCH") and isinstance(self.view, ScopedViewSet)

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self._is_versioned_update():
            parameters.append(OpenApiParameter(
                "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=True,
                description="ETag của lần đọc (GET) đối tượng mà thay đổi này dựa trên.",
            ))
        return parameters

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        for parameter in (operation or {}).get("parameters", []):
            # A list's filter sent empty means "not filtered" (the pages' filter forms send every
            # field, empty when unset), and an empty page is the first: the schema says so.
            if parameter["in"] == "query" and "anyOf" not in parameter["schema"]:
                parameter["schema"] = {"anyOf": [parameter["schema"], {"type": "string", "enum": [""]}]}
        return operation

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        needs_login = any(isinstance(p, IsAuthenticated) for p in self.view.get_permissions())
        codes = ["400"]
        if needs_login:
            codes += ["401", "403", "404"]
        if self._is_versioned_update():
            codes += ["412", "428"]
        for code in codes:
            if code in responses:
                continue
            if code == "400":
                response = OpenApiResponse(
                    OpenApiTypes.OBJECT, description="Dữ liệu không hợp lệ: lỗi theo từng trường.")
            else:
                response = OpenApiResponse(ErrorSerializer, description=ERROR_STATUSES[code])
            responses[code] = self._get_response_for_code(response, code, direction=direction)
        return responses
