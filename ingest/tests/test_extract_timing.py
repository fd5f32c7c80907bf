"""Due dates from a timing text: a date, a month's or a quarter's last day, a yearly recurrence,
no date for continuous work."""

from __future__ import annotations

import pytest

from ingest.parser.timing import YEARLY, parse_timing


@pytest.mark.parametrize(
    ("text", "due", "recurrence"),
    [
        ("Trước ngày 30/6/2025", "2025-06-30", None),
        ("ngày 15 tháng 3 năm 2026", "2026-03-15", None),
        ("Trong tháng 12/2025", "2025-12-31", None),
        ("tháng 02 năm 2028", "2028-02-29", None),
        ("Quý II năm 2024", "2024-06-30", None),
        ("quý IV/2027", "2027-12-31", None),
        ("Hằng năm, trước ngày 15/11", "2024-11-15", YEARLY),
        ("Thường xuyên", None, None),
        ("Thường xuyên; trong tháng 5", "2024-05-31", None),
        ("6 tháng đầu năm", "2024-06-30", None),
        (None, None, None),
    ],
)
def test_timing_gives_due_date_and_recurrence(text, due, recurrence):
    assert parse_timing(text, 2024) == (due, recurrence)
