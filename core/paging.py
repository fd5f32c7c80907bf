"""Pages of a list, for the pages (django-tables2) and the API (DRF) alike.

A page reads one row past its end: whether a next page exists is known without counting, and
on the last page (most lists of a unit or an agency fit in one) the total is the rows before it
plus the rows read, so no COUNT query runs at all. Otherwise the total is counted up to COUNT_CAP
rows: past that an exact COUNT costs more than the page itself (counting a province's 60,000
staff takes 20 ms on PostgreSQL), and the list says "more than 10,000" instead (`capped`); the
pages still reach every row through their next links. That a list is longer than the cap is
remembered for OVER_CAP_SECONDS (keyed by its count query, so by the user's scope and filters):
paging through a province's roster does not count 10,000 rows again on every page.
"""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from core.memo import sql_key

COUNT_CAP = 10_000
OVER_CAP_SECONDS = 60


class LookaheadPage(Page):
    def __init__(self, object_list, number, paginator, *, more: bool | None = None):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return super().has_next() if self.more is None else self.more


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP rows, and none when the page read shows where the list ends."""

    COUNT_CAP = COUNT_CAP

    def _queryset(self):
        # django-tables2 paginates its BoundRows; the queryset lies under them.
        queryset = getattr(getattr(self.object_list, "data", None), "data", self.object_list)
        return queryset if hasattr(queryset, "query") else None

    @cached_property
    def count(self) -> int:
        queryset = self._queryset()
        if queryset is None:
            return len(self.object_list)
        # Only the ids: annotations the page shows (counts of related rows…) are not computed to count.
        ids = queryset.order_by().values("pk")[: self.COUNT_CAP + 1]
        try:
            sql, params = ids.query.get_compiler(ids.db).as_sql()
        except EmptyResultSet:  # a filter no row can match (an empty id list)
            return 0
        key = sql_key("danvan:over-cap:", ids.db, sql, params)
        if cache.get(key):
            return self.COUNT_CAP + 1
        # The SQL compiled once serves the key and the count (QuerySet.count() would compile it again,
        # inside the same "SELECT COUNT(*) FROM (…) subquery" it runs here).
        with connections[ids.db].cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) subquery", params)
            count = cursor.fetchone()[0]
        if count > self.COUNT_CAP:
            cache.set(key, True, OVER_CAP_SECONDS)
        return count

    @property
    def capped(self) -> bool:
        return self.count > self.COUNT_CAP

    @property
    def num_pages(self) -> int:
        # Past the cap the pages go on: the page read knows whether another follows.
        pages = super().num_pages
        page = self.__dict__.get("_page")
        if self.capped and page is not None and page.number >= pages:
            return page.number + page.has_next()
        return pages

    def page(self, number) -> Page:
        if self._queryset() is None or self.orphans or "count" in self.__dict__:
            return super().page(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom: bottom + self.per_page + 1])
        more = len(rows) > self.per_page
        if not more:
            if not rows and number > 1:
                raise EmptyPage(self.error_messages["no_results"])
            self.count = bottom + len(rows)
        page = self.__dict__["_page"] = LookaheadPage(rows[: self.per_page], number, self, more=more)
        return page

    def validate_number(self, number):
        page = self.__dict__.get("_page")
        if page is not None and page.more is not None:
            # The page read knows its neighbours (next_page_number() asks): no count needed.
            number = int(number)
            if 1 <= number <= page.number + page.more:
                return number
        return super().validate_number(number)


class ApiPagination(PageNumberPagination):
    """DRF's page-number pagination with CappedPaginator: `count` is exact up to 10,000 rows and
    null beyond (follow `next`)."""

    django_paginator_class = CappedPaginator

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response({
            "count": None if paginator.capped else paginator.count,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        })

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"].update(
            nullable=True, description=f"Rows in all pages; null past {COUNT_CAP:,} (follow next)."
        )
        return response
