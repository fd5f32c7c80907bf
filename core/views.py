"""The views every app builds on. Each reads through the model's scoped queryset and writes
through a service; an app's view is a few declarations.

- `ScopedListView`: filterset + table; the same table renders the page and, with
  `export=True` (a second URL), the .xlsx.
- `ScopedDetailView`: one object from the view scope (404 outside it).
- `ServiceFormView`: a form whose valid data go to a service; the service's `ValidationError`s
  land on the form, and nothing is saved.
- `ConfirmView`: a question and a button for an irreversible step; POST runs the service.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, FormView
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.access import can, holds_anywhere, scoped
from core.locking import VERSION_FIELD, StaleVersionError, locked_save, version_of
from core.paging import CappedPaginator
from core.tables import export_rows
from core.xlsx import xlsx_response

# Exports longer than settings.EXPORT_SYNC_LIMIT rows go to the worker through this function,
# `(view) -> job with get_absolute_url()`, plugged in by the exports app at start-up.
_background_export = None


def set_background_export(func) -> None:
    global _background_export
    _background_export = func


def _longer_than(table, limit: int) -> bool:
    """Whether the table has more than `limit` rows, counting no further than `limit + 1`."""
    queryset = getattr(table.data, "data", None)
    if hasattr(queryset, "query"):
        return queryset.order_by()[: limit + 1].count() > limit
    return len(table.data) > limit


@dataclass(frozen=True)
class PageAction:
    """A button in a page's header."""

    label: str
    url: str
    css: str = "btn-outline-secondary"
    icon: str = ""


@dataclass(frozen=True)
class Link:
    """A list page's button to another page, shown to users who hold `requires` somewhere."""

    label: str
    url_name: str
    requires: str | None = "change"
    css: str = "btn-primary"
    icon: str = "plus-lg"


def add_service_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when it names one."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def error_messages(request, exc: ValidationError) -> None:
    """A service's refusal, shown as messages on the page the user is sent back to."""
    for message in exc.messages:
        messages.error(request, message)


class ActionRequiredMixin(LoginRequiredMixin):
    """A page that needs `required_action` on some organization: 403 for users who hold it nowhere."""

    required_action: str | None = None

    def dispatch(self, request, *args, **kwargs):
        if (
            self.required_action
            and request.user.is_authenticated
            and not holds_anywhere(request.user, self.required_action)
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScopedMixin(LoginRequiredMixin):
    """Rows come from `model`'s scoped queryset for `action`; `related`/`prefetch` load what is shown.

    `columns`, when given, are the only columns read (``.only()``, related ones as ``issuer__name``):
    a list's rows then skip the long texts and timestamps they never show.
    """

    model = None
    action = "view"
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()

    def scope(self, action: str | None = None):
        if self.model is None:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a model.")
        return scoped(self.model, self.request.user, action or self.action)

    def get_queryset(self):
        queryset = self.scope()
        if self.related:
            queryset = queryset.select_related(*self.related)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        if self.columns:
            queryset = queryset.only(*self.columns)
        return queryset

    def can(self, action: str, obj) -> bool:
        return can(self.request.user, action, obj)


class ScopedListView(ScopedMixin, SingleTableMixin, FilterView):
    """A list page and its .xlsx export from one filterset and one table class.

    Without a filterset the scoped queryset (or `get_table_data()`) is listed as it is.
    """

    template_name = "core/list.html"
    paginate_by = 25
    paginator_class = CappedPaginator
    title = ""
    # The export is this view with `export=True` at its own URL (`export_url_name`).
    export = False
    export_url_name: str | None = None
    export_filename = "danh-sach.xlsx"
    # Buttons to related pages (add, import…), each shown only to users who may use it.
    links: tuple[Link, ...] = ()
    # Filters applied when the page is opened without any (e.g. active organizations only).
    default_filters: dict[str, str] = {}

    def get_title(self) -> str:
        return self.title or capfirst(self.model._meta.verbose_name_plural)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        data = kwargs["data"]
        missing = {k: v for k, v in self.default_filters.items() if data is None or k not in data}
        if missing:
            kwargs["data"] = {**(data.dict() if data is not None else {}), **missing}
        return kwargs

    def page_actions(self) -> list[PageAction]:
        actions = []
        if self.export_url_name:
            url = reverse(self.export_url_name)
            query = self.request.GET.urlencode()
            actions.append(PageAction(_("Export .xlsx"), f"{url}?{query}" if query else url,
                                      icon="file-earmark-excel"))
        user = self.request.user
        actions += [
            PageAction(link.label, reverse(link.url_name), css=link.css, icon=link.icon)
            for link in self.links
            if link.requires is None or holds_anywhere(user, link.requires)
        ]
        return actions

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.get_title(), page_actions=self.page_actions(), **kwargs)

    def paginate_queryset(self, queryset, page_size):
        # The table paginates (and counts) its rows; the list view need not count them again.
        return None, None, queryset, False

    def filtered(self):
        """The scoped rows the filters keep; an invalid filter keeps none rather than all."""
        if self.filterset_class is None:
            self.filterset = None
            return self.get_queryset()
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_bound or self.filterset.is_valid() or not self.get_strict():
            return self.filterset.qs
        return self.filterset.queryset.none()

    def export_table(self):
        """The table of every filtered row (no pages), sorted as the page was."""
        table = self.get_table_class()(self.get_table_data(), **self.get_table_kwargs())
        table.order_by = self.request.GET.get(table.prefixed_order_by_field)
        return table

    def get(self, request, *args, **kwargs):
        self.object_list = self.filtered()
        if self.export:
            table = self.export_table()
            if _background_export is not None and _longer_than(table, settings.EXPORT_SYNC_LIMIT):
                # Too long to write while the request waits: the worker writes it, the user watches.
                return HttpResponseRedirect(_background_export(self).get_absolute_url())
            headers, rows = export_rows(table)
            return xlsx_response(self.export_filename, str(self.get_title()), headers, rows)
        return self.render_to_response(self.get_context_data(filter=self.filterset, object_list=self.object_list))


class ScopedDetailView(ScopedMixin, DetailView):
    """One object of the user's view scope; `detail_fields` lists what the generic template shows."""

    template_name = "core/detail.html"
    detail_fields: tuple[str, ...] = ()
    update_url_name: str | None = None
    history_url_name: str | None = None

    def detail_rows(self) -> list[tuple[str, object]]:
        rows = []
        for name in self.detail_fields:
            field = self.model._meta.get_field(name)
            display = getattr(self.object, f"get_{name}_display", None)
            rows.append((capfirst(field.verbose_name), display() if display else getattr(self.object, name)))
        return rows

    def page_actions(self) -> list[PageAction]:
        actions = []
        if self.history_url_name:
            actions.append(PageAction(_("History"), reverse(self.history_url_name, args=[self.object.pk]),
                                      icon="clock-history"))
        if self.update_url_name and self.can("change", self.object):
            actions.append(PageAction(_("Edit"), reverse(self.update_url_name, args=[self.object.pk]),
                                      css="btn-primary", icon="pencil"))
        return actions

    def get_context_data(self, **kwargs):
        return super().get_context_data(detail_rows=self.detail_rows(), page_actions=self.page_actions(), **kwargs)


class ServiceFormView(ScopedMixin, FormView):
    """Create (no `pk`) or change (the object from the `change` scope, 404 outside it) through a service.

    Subclasses give `form_class` and `save(form) -> object`; a `ValidationError` the service
    raises goes back on the form. Creating needs `create_action` somewhere (403 otherwise).
    Changing carries the object's version in a hidden field (core.locking): a save based on a
    version someone else has since changed is refused, their change shown, the user's input kept.
    """

    template_name = "core/form.html"
    action = "change"
    create_action = "change"
    title = ""
    submit_label = _("Save")
    success_message = _("Saved.")
    object = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs) -> None:
        """Find what the form is about: the object in the change scope, or check the right to create."""
        if "pk" in kwargs:
            self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        elif not holds_anywhere(self.request.user, self.create_action):
            raise PermissionDenied

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        form_class = self.get_form_class()
        if self.object is not None and hasattr(form_class, "_meta"):
            kwargs["instance"] = self.object
        # Forms that offer organizations take the user, to offer only those in reach.
        if "user" in inspect.signature(form_class.__init__).parameters:
            kwargs["user"] = self.request.user
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.object is not None:
            form.fields[VERSION_FIELD] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=version_of(self.object))
        return form

    def get_title(self) -> str:
        if self.title:
            return self.title
        return str(self.object) if self.object is not None else capfirst(self.model._meta.verbose_name)

    def get_cancel_url(self) -> str:
        if self.object is not None and hasattr(self.object, "get_absolute_url"):
            return self.object.get_absolute_url()
        return ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, title=self.get_title(), submit_label=self.submit_label,
            cancel_url=self.get_cancel_url(), **kwargs,
        )

    def save(self, form):
        raise ImproperlyConfigured(f"{type(self).__name__} must call its service in save(form).")

    def get_success_url(self, obj=None) -> str:
        return (obj or self.object).get_absolute_url()

    def form_valid(self, form):
        based_on = form.cleaned_data.pop(VERSION_FIELD, None)
        try:
            if self.object is None:
                obj = self.save(form)
            else:
                obj = locked_save(self.object, based_on, lambda: self.save(form))
        except StaleVersionError as exc:
            # The user's input stays; the form now carries the version they have been shown.
            form.data = form.data.copy()
            form.data[VERSION_FIELD] = exc.current
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url(obj))

    def form_invalid(self, form):
        # The page again with the errors; 400 says so to scripts and tests.
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ConfirmView(ScopedMixin, DetailView):
    """An irreversible step: GET asks, POST runs `perform(obj)` (a service) and redirects.

    The common case needs no method: `service` (called as `service(obj, by=user)`) and
    `success_url_name` (a page to land on once the object is gone, e.g. its list).
    """

    template_name = "core/confirm.html"
    action = "change"
    title = ""
    question = ""
    warning = ""
    confirm_label = _("Confirm")
    confirm_css = "btn-danger"
    success_message = ""
    service: Callable | None = None
    success_url_name: str | None = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title, question=self.question, warning=self.warning, confirm_label=self.confirm_label,
            confirm_css=self.confirm_css, cancel_url=self.get_cancel_url(), **kwargs,
        )

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url() if hasattr(self.object, "get_absolute_url") else ""

    def perform(self, obj):
        if self.service is None:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a service or perform(obj).")
        # A plain function held on the class: called unbound.
        return type(self).service(obj, by=self.request.user)

    def get_success_url(self, obj, result) -> str:
        return reverse(self.success_url_name) if self.success_url_name else obj.get_absolute_url()

    def post(self, request, *args, **kwargs):
        self.object = obj = self.get_object()
        try:
            result = self.perform(obj)
        except ValidationError as exc:
            error_messages(request, exc)
            return HttpResponseRedirect(self.get_cancel_url() or request.path)
        if self.success_message:
            messages.success(request, self.success_message)
        return HttpResponseRedirect(self.get_success_url(obj, result))


class ScopedDownloadView(ScopedMixin, SingleObjectMixin, View):
    """A file made from one object of the view scope (.docx of a plan, a report…)."""

    content_type = "application/octet-stream"

    def render_file(self, obj) -> tuple[bytes, str]:
        """The file's bytes and its download name."""
        raise ImproperlyConfigured(f"{type(self).__name__} must render its file.")

    def get(self, request, *args, **kwargs):
        content, filename = self.render_file(self.get_object())
        response = HttpResponse(content, content_type=self.content_type)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
