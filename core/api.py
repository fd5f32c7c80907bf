"""The API's share of the kit: scoped viewsets that write through services, and one error shape.

Reads go through the model's view scope, writes through its change scope (an object the user
may read but not change answers 404 to a write, as the pages do). A service's Django
`ValidationError` answers 400 with its Vietnamese message; `PermissionDenied` answers 403.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import SAFE_METHODS
from rest_framework.views import exception_handler as drf_exception_handler

from core.access import scoped


def exception_handler(exc, context):
    """DRF's handler, taught that a service's Django ValidationError is the client's 400."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = ValidationError(detail)
    return drf_exception_handler(exc, context)


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
    """List, read, create, update and delete; writes only through the services."""
