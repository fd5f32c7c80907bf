"""A base test every list page subclasses: it opens, its export carries the table's columns,
its query count does not grow with its rows, and its rows' detail and history pages open.

    class TestStaffList(ListPageContract):
        list_url_name = "orgs:staff_list"
        export_url_name = "orgs:staff_export"
        role = "focal"
        def add_rows(self, orgs, count): ...   # `count` more rows the role sees

pytest collects the inherited tests in each subclass.
"""

from __future__ import annotations

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from core.tables import export_rows
from core.xlsx import HEADER_ROW


def read_export(content: bytes) -> tuple[list, list[list]]:
    """The headers and rows of a sheet this site exported, without its title lines and its
    numbering column (core.xlsx: the table starts at HEADER_ROW with STT)."""
    sheet = load_workbook(io.BytesIO(content)).active
    table = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert table and table[0][0] == "STT", "not a sheet exported by this site"
    return list(table[0][1:]), [list(row[1:]) for row in table[1:]]


def read_export_cells(content: bytes) -> tuple[list, list]:
    """As read_export, but the data rows as openpyxl cells (number formats and types)."""
    sheet = load_workbook(io.BytesIO(content)).active
    header = next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True))
    return list(header[1:]), [row[1:] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]


class ListPageContract:
    list_url_name: str = ""
    export_url_name: str | None = None
    detail_url_name: str | None = None
    history_url_name: str | None = None
    role = "focal"
    max_queries = 15

    def add_rows(self, orgs, count: int) -> list:
        """Create `count` rows the role sees; return them."""
        raise NotImplementedError

    def _queries(self, client, url) -> tuple[int, int]:
        """(queries other than the rows' count, count queries). A list that ends on its first page
        is not counted (core.paging), one longer is: the count comes with the second page, not
        with each row."""
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts = sum(1 for query in captured.captured_queries if query["sql"].upper().startswith("SELECT COUNT("))
        return len(captured) - counts, counts

    def test_the_list_opens_with_its_rows(self, client_for, orgs):
        rows = self.add_rows(orgs, 2)
        response = client_for(self.role).get(reverse(self.list_url_name))
        assert response.status_code == 200
        table = response.context["table"]
        shown = {row.record.pk for row in table.paginated_rows}
        assert {row.pk for row in rows} <= shown or table.paginator.count > table.paginator.per_page

    def test_the_list_queries_do_not_grow_with_its_rows(self, client_for, orgs):
        client = client_for(self.role)
        url = reverse(self.list_url_name)
        self.add_rows(orgs, 2)
        few, few_counts = self._queries(client, url)
        self.add_rows(orgs, 15)
        many, many_counts = self._queries(client, url)
        assert many <= few and many_counts <= 1 and many + many_counts <= self.max_queries, (few, many)

    def test_the_export_has_the_columns_of_the_table(self, client_for, orgs):
        if not self.export_url_name:
            return
        self.add_rows(orgs, 2)
        client = client_for(self.role)
        response = client.get(reverse(self.export_url_name))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        headers, rows = read_export(response.content)
        table = client.get(reverse(self.list_url_name)).context["table"]
        assert headers == export_rows(table)[0]
        assert len(rows) == table.paginator.count

    def test_a_row_opens_with_its_history(self, client_for, orgs):
        row = self.add_rows(orgs, 1)[0]
        client = client_for(self.role)
        for name in (self.detail_url_name, self.history_url_name):
            if name:
                assert client.get(reverse(name, args=[row.pk])).status_code == 200


def public_form_data(form_class, **fields) -> dict:
    """What a person sends back from a public form (core.public.PublicFormMixin): the fields given, the
    honeypot empty and the form issued long enough ago to pass the "sent too fast" check."""
    import time

    from django.conf import settings
    from django.core import signing

    from core import public

    issued = time.time() - settings.PUBLIC_FORM_MIN_SECONDS - 1
    return {public.ISSUED: signing.dumps(issued, salt=public.ISSUED_SALT), public.HONEYPOT: "", **fields}
