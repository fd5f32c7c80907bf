"""View helpers every app shares: the scoping gate applied to pages, form errors from services."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError

from orgs.scoping import has_any


class ActionRequiredMixin(LoginRequiredMixin):
    """A page that needs `required_action` on some organization: 403 for users who hold it nowhere."""

    required_action = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not has_any(request.user, self.required_action):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def add_service_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when it names one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
