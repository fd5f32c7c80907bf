"""Every .xlsx export writes text as text: a name or a note that starts with "=", "+", "-" or "@"
is a string cell with Excel's quote prefix, never a formula (OWASP CSV/formula injection)."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from core.xlsx import FORMULA_TRIGGERS, HEADER_ROW, build_workbook
from danvan.tests.permission_table import LEAK_MARKERS
from danvan.tests.test_permissions import CHECKED

PAYLOADS = ("=HYPERLINK(\"http://x\",\"ZZF1\")", "+ZZF2+1", "-ZZF3-1", "@SUM(ZZF4)")


def export_urls() -> list[str]:
    return sorted(
        reverse(endpoint.name) for endpoint in CHECKED
        if not endpoint.is_admin and not endpoint.kwargs and not endpoint.positional
        and endpoint.name.endswith("_export")
    )


def _cells(content: bytes):
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            yield from row


def test_a_sheet_keeps_formula_like_text_as_text():
    content = build_workbook("T", ["=header"], [[payload] for payload in PAYLOADS] + [["ordinary"]])
    # The table: its header and one text column (the title, date and numbering are the site's own).
    cells = [cell for cell in _cells(content) if cell.row >= HEADER_ROW and cell.column > 1]
    assert [cell.value for cell in cells] == ["=header", *PAYLOADS, "ordinary"]
    assert all(cell.data_type == "s" for cell in cells)
    assert all(cell.quotePrefix for cell in cells[:-1]) and not cells[-1].quotePrefix


@pytest.mark.parametrize("url", export_urls())
def test_each_export_writes_formula_like_text_as_text(url, orgs, users):
    for index, build in enumerate(LEAK_MARKERS.values()):
        build(orgs["TN.SXD.QLXD"], PAYLOADS[index % len(PAYLOADS)])
    client = Client()
    client.force_login(users["admin"])
    response = client.get(url)
    assert response.status_code == 200
    cells = list(_cells(response.content))
    assert cells, url
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    risky = [cell for cell in cells if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS)]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in risky)


def test_the_planted_formulas_reach_the_exports(orgs, users):
    """The check above is not empty: the roster and the tree exports carry the planted values."""
    for index, build in enumerate(LEAK_MARKERS.values()):
        build(orgs["TN.SXD.QLXD"], PAYLOADS[index % len(PAYLOADS)])
    client = Client()
    client.force_login(users["admin"])
    for name in ("orgs:staff_export", "orgs:organization_export"):
        values = {cell.value for cell in _cells(client.get(reverse(name)).content)}
        assert values & set(PAYLOADS), name
