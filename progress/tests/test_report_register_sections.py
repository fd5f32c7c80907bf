"""A report quotes the registers' figures for its organization and period (core.registry.report_sections):
on its page and in its .docx, each register a small table; a register with nothing to say adds nothing."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from citizens.models import PetitionKind
from citizens.tests.factories import PetitionFactory
from emulation.models import ExemplarStatus
from emulation.tests.factories import ExemplarFactory
from progress import reporting
from progress.report_docx import render_report_docx
from progress.sections import figure_text


def test_figures_read_as_counts_and_shares():
    assert figure_text(12, None) == "12"
    assert figure_text(9, 12) == "9/12 (75,0%)"
    assert figure_text(0, 0) == "0/0"


@pytest.fixture
def annual_report(unit_report):
    return unit_report  # the unit's first half of 2024 (progress/tests/conftest.py)


def test_the_report_quotes_each_register_with_records_in_its_period(annual_report, orgs, client_for):
    year = annual_report.period.year
    ExemplarFactory(organization=orgs["TN.SXD.QLXD"], status=ExemplarStatus.APPROVED, recognised_on=dt.date(year, 3, 1))
    PetitionFactory(organization=orgs["TN.SXD.QLXD"], kind=PetitionKind.FEEDBACK, received_on=dt.date(year, 3, 2))
    sections = {section.title: dict(section.rows) for section in reporting.prefill(annual_report).sections}
    assert sections["Thi đua, khen thưởng"]["Số mô hình, điển hình được công nhận"] == "1"
    assert sections["Tiếp công dân, giải quyết đơn thư"]["Đơn đang giải quyết"] == "1"
    page = client_for("unit").get(reverse("progress:report_detail", args=[annual_report.pk])).content.decode()
    assert "Thi đua, khen thưởng" in page and "Số mô hình, điển hình được công nhận" in page
    text = "\n".join(cell.text for table in Document(io.BytesIO(render_report_docx(annual_report))).tables
                     for row in table.rows for cell in row.cells)
    assert "Số mô hình, điển hình được công nhận" in text


def test_a_register_with_nothing_in_the_period_adds_no_section(annual_report):
    titles = [section.title for section in reporting.prefill(annual_report).sections]
    assert "Thi đua, khen thưởng" not in titles
