"""From a file (or text) to the plan JSON of ingest/parser/SCHEMA.md."""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike

from .areas import areas_json, purposes
from .body import assignments, deadlines, targets
from .citations import basis, references
from .closing import filed_copies, recipients, signer
from .errors import ErrorCode, ExtractionError
from .header import document_fields, period
from .layout import locate
from .normalize import paragraphs
from .readers import read_text

Progress = Callable[[int, int], None]


def extract_from_text(text: str) -> dict[str, object]:
    layout = locate(paragraphs(text))
    document = document_fields(layout)
    found_deadlines = deadlines(layout, document["year"])
    found = [{"date": d.date, "text": d.text} for d in found_deadlines]
    charged = []
    for unit in assignments(layout):
        dates = [d.date for d in found_deadlines if d.para in unit.paras]
        charged.append({"unit": unit.unit, "text": unit.text, "deadlines": list(dict.fromkeys(dates))})
    areas = areas_json(layout, document["year"])
    dated = {d["date"] for d in found}
    for area in areas:  # a due date the timing of an area gives is a deadline too
        if area["due_date"] and area["due_date"] not in dated:
            dated.add(area["due_date"])
            found.append({"date": area["due_date"], "text": f"{area['title']} ({area['timing']})"})
    return {
        "document": document,
        "period": period(layout, document["year"]),
        "basis": basis(layout),
        "references": references(layout, document["number"]),
        "sections": [{"label": s.label, "title": s.title} for s in layout.sections],
        "purposes": purposes(layout),
        "content_areas": areas,
        "targets": targets(layout),
        "deadlines": found,
        "assignments": charged,
        "recipients": recipients(layout.closing),
        "archive": filed_copies(layout.closing),
        "signer": signer(layout.closing),
    }


def extract_plan(path: str | PathLike[str], progress: Progress | None = None) -> dict[str, object]:
    """Read a plan (.docx, .pdf with or without a text layer, .txt) and return its structure.

    `progress(done, total)` is called as pages are read. Raises ExtractionError for bad input,
    never returns a partial plan.
    """
    text = read_text(path, progress)
    if not text.strip():
        raise ExtractionError(ErrorCode.EMPTY)
    return extract_from_text(text)
