"""Object-level questions the kit asks, answered through each model's one scoping entry point.

The kit imports no app: the function that tells whether a user holds an action anywhere (it
needs the memberships) is plugged in by the app that owns them (orgs) at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

_holds_anywhere: Callable[[object, str], bool] | None = None


def set_holds_anywhere(func: Callable[[object, str], bool]) -> None:
    global _holds_anywhere
    _holds_anywhere = func


def holds_anywhere(user, action: str) -> bool:
    """Whether `user` may perform `action` on some organization (pages that create answer 403 otherwise)."""
    if _holds_anywhere is None:
        raise RuntimeError("No scoping installed: orgs must be in INSTALLED_APPS.")
    return _holds_anywhere(user, action)


def scoped(model, user, action: str = "view"):
    """`model`'s rows that `user` may perform `action` on: the only way the kit reads data."""
    return model._default_manager.scoped(user, action)


def can(user, action: str, obj) -> bool:
    """Whether `user` may perform `action` on `obj`, asked of the object's own scoped queryset.

    Answers are kept for the request beside the user's scope (orgs.scoping.forget_scope drops
    both), so a page that asks about one object several times queries once.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    answers = user.__dict__.setdefault("_danvan_scope", {}).setdefault("can", {})
    key = (type(obj)._meta.label, obj.pk, str(action))
    if key not in answers:
        answers[key] = scoped(type(obj), user, action).filter(pk=obj.pk).exists()
    return answers[key]
