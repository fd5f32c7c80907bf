"""The registers' part of a periodic report (core.registry.report_sections), built from their measures:
each line is a measure read over the report's period for the report's organization and everything
below it — the same figures its targets read."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.formats import number_format

from core import registry
from core.registry import ReportSection


def figure_text(numerator: int, denominator: int | None) -> str:
    """"12" for a count, "9/12 (75,0%)" for a share, "0/0" when nothing was due."""
    if denominator is None:
        return number_format(numerator)
    if not denominator:
        return "0/0"
    share = number_format(100 * numerator / denominator, 1)
    return f"{number_format(numerator)}/{number_format(denominator)} ({share}%)"


def measured_section(report, title: str, lines: Iterable[tuple[str, str]], *, order: int = 100,
                     extra: Iterable[tuple[str, str]] = ()) -> ReportSection | None:
    """`lines`: (label, measure key). A section whose measures found nothing (and no `extra` line) is left out."""
    organizations, period = [report.organization], report.period.period
    rows, found = [], False
    for label, key in lines:
        measure = registry.measures.get(key)
        if measure is None:
            continue
        figure = measure(organizations, period)
        numerator, denominator = figure.numerator, figure.denominator
        found = found or bool(numerator or denominator)
        rows.append((label, figure_text(numerator, denominator)))
    rows += list(extra)
    if not found and not extra:
        return None
    return ReportSection(title=title, rows=rows, order=order)
