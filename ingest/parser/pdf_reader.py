""".pdf: text layer through PDFium, scanned pages through Tesseract OCR (lang vie).

Both give positioned lines; paragraphs are rebuilt from the page geometry: a first-line indent,
a wider vertical gap, a list mark, a jump to another column all start a paragraph (a blank line
in the output). Other line ends stay single newlines for the normalizer to judge by length.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import statistics
import subprocess
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .errors import ErrorCode, ExtractionError
from .normalize import starts_item

# A page with fewer characters than this in its text layer is treated as a scan.
MIN_TEXT_CHARS = 40
OCR_DPI = 200
OCR_LANG = "vie"
OCR_TIMEOUT_S = 120
TESSERACT = shutil.which("tesseract") or "tesseract"
OCR_WORKERS = max(1, min(4, os.cpu_count() or 1))
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")

Progress = Callable[[int, int], None]


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float  # y grows downwards
    bottom: float
    new_block: bool = False  # the source says a new block starts here (OCR block)


def _text_lines(page: pdfium.PdfPage) -> list[Line]:
    """Text runs of the page as PDFium orders them (content order keeps table cells together)."""
    height = page.get_height()
    textpage = page.get_textpage()
    lines: list[Line] = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        if not text:
            continue
        line = Line(text, left, right, height - top, height - bottom)
        prev = lines[-1] if lines else None
        # Runs split at a font change (bold label, italic word) on the same line are one line.
        height = line.bottom - line.top
        if prev and abs(prev.top - line.top) < 0.5 * height and 0 <= line.x0 - prev.x1 < 1.5 * height:
            sep = " " if line.x0 - prev.x1 > 1.5 else ""
            lines[-1] = Line(
                prev.text + sep + line.text, prev.x0, line.x1, min(prev.top, line.top), max(prev.bottom, line.bottom)
            )
        else:
            lines.append(line)
    return lines


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))


def _render(page: pdfium.PdfPage) -> bytes:
    buffer = io.BytesIO()
    page.render(scale=OCR_DPI / 72, grayscale=True).to_pil().save(buffer, format="PNG")
    return buffer.getvalue()


def _ocr_lines(png: bytes) -> list[Line]:
    """Tesseract's TSV words grouped into lines. One thread per process: OpenMP threads only
    slow Tesseract down on a small machine, and pages run in parallel instead."""
    try:
        result = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", OCR_LANG, "tsv"],
            input=png,
            capture_output=True,
            check=True,
            timeout=OCR_TIMEOUT_S,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        raise ExtractionError(ErrorCode.OCR_UNAVAILABLE) from e
    words: dict[tuple[str, str, str], list[list[str]]] = {}
    for row in result.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and cols[11].strip():
            words.setdefault((cols[2], cols[3], cols[4]), []).append(cols)
    lines: list[Line] = []
    previous_block = None
    for (block, _, _), group in words.items():
        left = [int(w[6]) for w in group]
        top = [int(w[7]) for w in group]
        lines.append(
            Line(
                " ".join(w[11].strip() for w in group),
                min(left),
                max(int(w[6]) + int(w[8]) for w in group),
                min(top),
                max(int(w[7]) + int(w[9]) for w in group),
                new_block=block != previous_block,
            )
        )
        previous_block = block
    return lines


def _layout_text(pages: list[list[Line]]) -> str:
    """Lines joined with "\\n", and "\\n\\n" where the geometry says a paragraph starts."""
    body = [ln for page in pages for ln in page if len(ln.text) > 20]
    if not body:
        return "\n\n".join(ln.text for page in pages for ln in page)
    char_w = statistics.median((ln.x1 - ln.x0) / len(ln.text) for ln in body)
    line_h = statistics.median(ln.bottom - ln.top for ln in body)
    out: list[str] = []
    for page in pages:
        page = [ln for ln in page if not _PAGE_NUMBER.match(ln.text)]
        if not page:
            continue
        xs = sorted(ln.x0 for ln in page)
        left = xs[len(xs) // 10]  # most lines start at the margin; first lines are indented
        prev: Line | None = None
        for ln in page:
            new_paragraph = (
                ln.new_block
                or ln.x0 > left + 2 * char_w
                or starts_item(ln.text)
                or (prev is not None and not 0 <= ln.top - prev.bottom < 0.9 * line_h)
            )
            if out:
                out.append("\n\n" if new_paragraph else "\n")
            out.append(ln.text)
            prev = ln
    return "".join(out)


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise ExtractionError(ErrorCode.ENCRYPTED) from e
        raise ExtractionError(ErrorCode.CORRUPT, kind="PDF") from e


def read_pdf(path: Path, progress: Progress | None = None) -> str:
    pdf = _open(path)
    total = len(pdf)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    try:
        pages: list[list[Line]] = []
        scans: dict[Future[list[Line]], int] = {}
        with ThreadPoolExecutor(OCR_WORKERS) as pool:
            for index in range(total):
                page = pdf[index]
                lines = _text_lines(page)
                if sum(len(ln.text) for ln in lines) < MIN_TEXT_CHARS and _has_image(page):
                    # PDFium is not thread-safe: render here, recognise in the pool.
                    scans[pool.submit(_ocr_lines, _render(page))] = index
                else:
                    tick()
                pages.append(lines)
            for future in as_completed(scans):
                pages[scans[future]] = future.result()
                tick()
    finally:
        pdf.close()
    text = _layout_text(pages)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise ExtractionError(ErrorCode.NO_TEXT)
    return text
