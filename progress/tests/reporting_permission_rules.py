"""Rows of the permission walk for periodic reports: Tây Ninh's 2024 six-month period for units and
the report of Phòng QLHĐXD (TN.SXD.QLXD) to Sở Xây dựng in it, a draft. Periods are read by the whole
province and managed by the coordinator; a report is read by its unit's side and its receiver's, and
written by its unit's side."""

import datetime as dt

from danvan.tests.permission_table import CHANGES_SAMPLE, SEES_SAMPLE, Rule, api, page
from progress.reporting_models import Report, ReportingPeriod, ReportLevel

MANAGES = frozenset({"admin", "coordinator"})


def _period(orgs):
    return ReportingPeriod.objects.get_or_create(
        province=orgs["TN"], year=2024, kind="half", n=1, level=ReportLevel.UNIT,
        defaults={"data_start": dt.date(2023, 12, 15), "data_end": dt.date(2024, 6, 14),
                  "cut_off": dt.date(2024, 5, 9), "due_date": dt.date(2024, 5, 10)})[0]


def _report(orgs):
    return Report.objects.get_or_create(period=_period(orgs), organization=orgs["TN.SXD.QLXD"],
                                        defaults={"receiver": orgs["TN.SXD"]})[0]


def _marked_report(org, marker):
    province = org.parent if org.parent_id else org
    period = ReportingPeriod.objects.get_or_create(
        province=province, year=2025, kind="year", n=1, level=ReportLevel.AGENCY,
        defaults={"data_start": dt.date(2024, 12, 15), "data_end": dt.date(2025, 12, 14),
                  "cut_off": dt.date(2025, 10, 31), "due_date": dt.date(2025, 11, 1)})[0]
    return Report.objects.create(period=period, organization=org, receiver=province, results=marker)


SAMPLES = {"reporting_period": _period, "report": _report}
RULES = {
    "progress:report_list": Rule(get=page()),
    "progress:report_export": Rule(get=page()),
    "progress:completeness": Rule(get=page()),
    "progress:completeness_export": Rule(get=page()),
    "progress:report_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "report"}),
    "progress:report_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "report"}),
    # An empty POST carries no version of the report: 400, nothing saved.
    "progress:report_edit": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                 kwargs={"pk": "report"}),
    # An empty POST names no step: refused with a message (back to the report), for whoever sees it.
    "progress:report_step": Rule(
        get={**page(ok=405), "anonymous": 302},
        post=page(SEES_SAMPLE, ok=302), kwargs={"pk": "report"}),
    # An empty POST on a unit's report: refused with a message (only an agency's report is assembled).
    "progress:report_copy_units": Rule(
        get={**page(ok=405), "anonymous": 302},
        post=page(SEES_SAMPLE, ok=302), kwargs={"pk": "report"}),
    "progress:report_docx": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "report"}),
    "progress:period_list": Rule(get=page()),
    "progress:period_detail": Rule(get=page(), kwargs={"pk": "reporting_period"}),
    "progress:period_history": Rule(get=page(), kwargs={"pk": "reporting_period"}),
    "progress:period_create": Rule(get=page(MANAGES, denied=403), post=page(MANAGES, ok=400, denied=403)),
    "progress:period_defaults": Rule(get=page(MANAGES, denied=403), post=page(MANAGES, ok=400, denied=403)),
    "progress:period_close": Rule(get=page(MANAGES), kwargs={"pk": "reporting_period"}),
    "progress:period_reopen": Rule(get=page(MANAGES), post=page(MANAGES, ok=400), kwargs={"pk": "reporting_period"}),
    "progress:period_exempt": Rule(get=page(MANAGES), post=page(MANAGES, ok=400), kwargs={"pk": "reporting_period"}),
    # The sample report exists: its page opens for whoever writes for the unit.
    "progress:report_start": Rule(
        get={**page(ok=405), "anonymous": 302}, post=page(CHANGES_SAMPLE, ok=302),
        kwargs={"pk": "reporting_period", "organization": "organization"}),
    "report-list": Rule(get=api()),
    "report-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "report"}),
    "report-docx": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "report"}),
    "reporting-period-list": Rule(get=api()),
    "reporting-period-detail": Rule(get=api(), kwargs={"pk": "reporting_period"}),
    # Without ?period= the answer says it is needed.
    "completeness-list": Rule(get=api(ok=400)),
}
LEAK_MARKERS = {"report": _marked_report}
