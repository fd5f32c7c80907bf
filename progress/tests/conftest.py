import pytest

from progress import reporting
from progress.reporting_models import ReportLevel


@pytest.fixture
def unit_period_2024(orgs, users):
    """Tây Ninh's 2024 six-month period for units, with the seeds' defaults (Sở Xây dựng's plan is issued)."""
    periods = reporting.ensure_default_periods(orgs["TN"], 2024, by=users["coordinator"])
    return next(p for p in periods if p.kind == "half" and p.level == ReportLevel.UNIT)


@pytest.fixture
def unit_report(unit_period_2024, orgs, users):
    report = reporting.start_report(unit_period_2024, orgs["TN.SXD.QLXD"], by=users["unit"])
    return reporting.edit_narrative(report, results="Đã tổ chức học tập", limits="", proposals="", by=users["unit"])
