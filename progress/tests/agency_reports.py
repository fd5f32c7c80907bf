"""Sở Xây dựng's 2024 annual report to the province and the reports its units sent it for 2024:
Phòng QLHĐXD's accepted, Văn phòng Sở's sent but not yet accepted, the others not started."""

from progress import reporting
from progress.reporting_models import ReportLevel


def periods_2024(orgs, users):
    periods = reporting.ensure_default_periods(orgs["TN"], 2024, by=users["coordinator"])
    unit_year = next(p for p in periods if p.kind == "year" and p.level == ReportLevel.UNIT)
    agency_year = next(p for p in periods if p.level == ReportLevel.AGENCY)
    return unit_year, agency_year


def unit_reports_2024(orgs, users, unit_year):
    accepted = reporting.start_report(unit_year, orgs["TN.SXD.QLXD"], by=users["unit"])
    reporting.edit_narrative(accepted, results="Phòng tổ chức 4 buổi đối thoại với doanh nghiệp.",
                             limits="Một số hồ sơ còn trễ hạn do thiếu nhân lực.",
                             proposals="Đề nghị bổ sung 01 biên chế.", by=users["unit"])
    reporting.take_step(accepted, "submit", by=users["unit"])
    reporting.take_step(accepted, "accept", by=users["focal"])
    sent = reporting.start_report(unit_year, orgs["TN.SXD.VP"], by=users["focal"])
    reporting.edit_narrative(sent, results="Văn phòng tiếp nhận 120 hồ sơ.", limits="", proposals="",
                             by=users["focal"])
    reporting.take_step(sent, "submit", by=users["focal"])
    return accepted, sent


def agency_report_2024(orgs, users):
    unit_year, agency_year = periods_2024(orgs, users)
    accepted, sent = unit_reports_2024(orgs, users, unit_year)
    report = reporting.start_report(agency_year, orgs["TN.SXD"], by=users["focal"])
    reporting.edit_narrative(report, results="Sở quán triệt đầy đủ các văn bản về công tác dân vận chính quyền.",
                             limits="Việc cập nhật số liệu của một số phòng còn chậm.",
                             proposals="Đề nghị Ủy ban nhân dân tỉnh tổ chức tập huấn nghiệp vụ.", by=users["focal"])
    return report, accepted, sent
