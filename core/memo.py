"""A minute's memory of small lists that rarely change and are read on every page (a filter's organizations).

Keyed by the query itself (its SQL and parameters, so by the user's scope and filter) and by a version of
its model that any save or delete of one of its rows moves on: in this process at once, in the others
(each worker keeps its own memory unless the cache is Redis) when their entry expires.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save

SECONDS = 60


def _version_key(model: type[models.Model]) -> str:
    return f"danvan:memo-version:{model._meta.label_lower}"


def query_key(prefix: str, queryset: models.QuerySet, *extra) -> str:
    """A cache key naming `queryset` by its SQL and parameters (so by the user's scope and filters)."""
    sql, params = queryset.query.sql_with_params()
    return sql_key(prefix, queryset.db, sql, params, *extra)


def sql_key(prefix: str, db: str, sql: str, params, *extra) -> str:
    """A cache key naming a compiled query (its database, SQL and parameters)."""
    return prefix + hashlib.sha256(repr((db, sql, params, *extra)).encode()).hexdigest()


def remembered_rows(queryset: models.QuerySet, seconds: int = SECONDS) -> list:
    """`list(queryset)` (values_list rows: plain data), read from the database at most once a minute."""
    key = query_key("danvan:memo:", queryset, cache.get(_version_key(queryset.model), 0))
    rows = cache.get(key)
    if rows is None:
        rows = list(queryset)
        cache.set(key, rows, seconds)
    return rows


def forget(model: type[models.Model]) -> None:
    """Every remembered list of `model` is read again."""
    key = _version_key(model)
    cache.add(key, 0, None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, None)


def forget_on_change(model: type[models.Model]) -> None:
    """Forget `model`'s lists whenever one of its rows is saved or deleted."""
    def changed(sender, **kwargs):
        forget(model)

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"memo-{model._meta.label_lower}-save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"memo-{model._meta.label_lower}-delete")
