"""The timing and counting rules of grassroots democracy in an agency (Luật 10/2022/QH15), as data:
one row per effective date, so a change of law is a new row, not a change of code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class DemocracyRules:
    effective: dt.date
    source: str
    disclosure_working_days: int  # Đ.48: disclosed within this many working days of the decision
    posting_days: int  # Đ.48: posted for at least this many consecutive days
    conference_months: int  # Đ.52: the yearly conference within this many months after the year ends
    quorum: Fraction  # Đ.52: share of the staff who must attend
    majority: Fraction  # Đ.52: a resolution passes with more than this share of those present
    optional_up_to_staff: int  # Đ.51: no conference (nor board) required with this many staff or fewer
    board_min: int  # Đ.60: the people's inspection board's size
    board_max: int
    board_term_years: int
    review_months: int  # Đ.54: the conference's resolution is reviewed this often


RULES = [
    DemocracyRules(
        effective=dt.date(2023, 7, 1), source="Luật 10/2022/QH15", disclosure_working_days=5, posting_days=20,
        conference_months=3, quorum=Fraction(2, 3), majority=Fraction(1, 2), optional_up_to_staff=7,
        board_min=3, board_max=9, board_term_years=2, review_months=6,
    ),
]


def rules_on(day: dt.date) -> DemocracyRules:
    """The rules in force on `day` (the earliest row for days before every row)."""
    current = RULES[0]
    for row in RULES:
        if row.effective <= day:
            current = row
    return current
