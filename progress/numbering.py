"""An agency's report to the province takes its number from the agency's document register (#8).

When the agency first submits its report, the registry office's next number of the year is given to
it as a BÁO CÁO ("15/BC-SXD"), in the same transaction as the submission: a refusal of the register
leaves the report unsubmitted. A report returned and submitted again keeps its number and date: it is
the same document corrected, and the number was already written in the province's incoming register
(a new number would leave a hole in the agency's register and two numbers for one report). Units'
reports to their agency are internal and are not numbered.
"""

from __future__ import annotations

import datetime as dt

from progress.reporting_models import Report, ReportLevel
from registry import services as registry

TYPE_CODE = "BC"


def symbol_of(report: Report) -> str:
    """ "BC-SXD": the type and the organization's symbol (just "BC" when it has none)."""
    symbol = report.organization.symbol.strip()
    return f"{TYPE_CODE}-{symbol}" if symbol else TYPE_CODE


def period_words(report: Report) -> str:
    """The period as the report's subject writes it: "năm 2025", "6 tháng đầu năm 2025"."""
    period = report.period
    if period.kind == "half":
        return f"6 tháng {'đầu' if period.n == 1 else 'cuối'} năm {period.year}"
    return f"năm {period.year}"


def subject_of(report: Report) -> str:
    """The trích yếu."""
    return f"Kết quả thực hiện công tác dân vận chính quyền {period_words(report)}"


def is_numbered(report: Report) -> bool:
    return report.period.level == ReportLevel.AGENCY


def number_report(report: Report, *, by, date: dt.date):
    """Enter the agency's report in its register on its first submission; afterwards, its entry."""
    if not is_numbered(report):
        return None
    entry = report.registrations.first()
    if entry is not None:
        return entry
    return registry.register_document(organization=report.organization, record=report, type_code=TYPE_CODE,
                                      symbol=symbol_of(report), title=subject_of(report), by=by, date=date)
