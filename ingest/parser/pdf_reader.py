""".pdf: text layer through PDFium, scanned pages through Tesseract OCR (lang vie).

The text layer is read glyph by glyph, by position (see _glyphs below): lines by baseline,
letters by x, whatever font or text object they were drawn from. Both readers give positioned
lines; paragraphs are rebuilt from the page geometry: a first-line indent, a wider vertical gap,
a list mark, a jump to another column all start a paragraph (a blank line in the output). Other
line ends stay single newlines for the normalizer to judge by length.
"""

from __future__ import annotations

import ctypes
import io
import math
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
from .patterns import undouble_type_code
from .tables import columns

# A page with fewer characters than this in its text layer is treated as a scan.
MIN_TEXT_CHARS = 40
OCR_DPI = 200
OCR_LANG = "vie"
OCR_TIMEOUT_S = 120
# A page is rendered for OCR at OCR_DPI, or smaller if that gives more pixels than this (a
# 14,400-pt page at 200 dpi is 1.6 gigapixels: gigabytes to render, and Tesseract refuses it).
OCR_MAX_PIXELS = 36_000_000
TESSERACT = shutil.which("tesseract") or "tesseract"
OCR_WORKERS = max(1, min(4, os.cpu_count() or 1))
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")
# A numbered item's marker ("2.", "3)") set apart by a tab is a shape Tesseract's line model can
# take for letters ("gÀI", "Xã") with a confidence near zero, which runs two items together. Such
# a short first word is read again by itself with digits only, and replaced when that reading is a
# marker read with confidence.
MARKER_REREAD_BELOW = 60.0
MARKER_TRUSTED_FROM = 80.0
_MARKER = re.compile(r"^\d{1,2}[.)]$")

Progress = Callable[[int, int], None]


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float  # y grows downwards
    bottom: float
    new_block: bool = False  # the source says a new block starts here (OCR block)


# Text layer: glyphs placed by their positions. PDFium gives characters in content-stream order,
# which is not reading order when a line mixes fonts: a word processor that lacks a glyph in the
# document's font (Vietnamese letters in an old Liberation Serif, a missing Times New Roman) draws
# it from a fallback font in a text object of its own after the line, leaving a hole in the word.
# So glyphs are grouped into lines by baseline and ordered by x; spaces come from the space
# characters the text spells and from gaps, never from PDFium's guesses. Pieces of a line far
# apart (table cells side by side) stay apart and keep the order of the content stream, which is
# the order of the cells, unless that order runs against the page.
_BASELINE_TOLERANCE = 0.2  # of the font size: glyphs this close to a baseline are on it
_COLUMN_GAP = 1.5  # of the font size: a wider gap separates two pieces of a line (table cells)
# Of the font size: a wider gap between two glyphs is a space. Text often spells no space beside
# a glyph drawn from another font, or none at all (words placed one by one); a space is 0.25 em
# (Times) or more, letters stand less than 0.15 em apart even when the heading is spaced out.
_WORD_GAP = 0.18
# A piece that is only a list label ("1.", "a)", "-") goes on with the text after its tab.
_LABEL = re.compile(r"^(?:[IVXLC]{1,5}|\d{1,3}(?:\.\d{1,3})*|[a-zđ])\s*[.)]$|^[-–—+•∙·▪◦*]$")
# A piece that opens a field left blank for a hand ("Số:", "ngày") goes on after the blank.
_OPEN_END = re.compile(r"(?::|\bngày|\btháng|\bnăm|\bsố)$", re.IGNORECASE)


@dataclass(slots=True)
class _Glyph:
    char: str
    x: float
    right: float
    base: float
    size: float
    index: int  # position in the content stream


@dataclass(slots=True)
class _Piece:
    text: str
    x0: float
    x1: float
    base: float
    size: float
    index: int
    row: int  # the baseline it sits on
    xs: list[float] | None = None  # the x of each character of `text` (for splitting table cells)


def _turn(x: float, y: float, quarters: int) -> tuple[float, float]:
    """(x, y) turned counter-clockwise by `quarters` right angles."""
    for _ in range(quarters):
        x, y = -y, x
    return x, y


def _unchecked(function: Callable[..., int]) -> Callable[..., int]:
    """The same PDFium function without ctypes' argument conversion, which costs more than the
    call itself in a loop over every character. Arguments: a c_void_p handle, an int, byref()s."""
    bare = type(function)(ctypes.cast(function, ctypes.c_void_p).value)  # the library's calling convention
    bare.restype, bare.argtypes = function.restype, None
    return bare


_ORIGIN = _unchecked(pdfium_c.FPDFText_GetCharOrigin)
_LOOSE_BOX = _unchecked(pdfium_c.FPDFText_GetLooseCharBox)
_IS_GENERATED = _unchecked(pdfium_c.FPDFText_IsGenerated)


def _glyphs(textpage: pdfium.PdfTextPage, quarters: int = 0) -> tuple[list[_Glyph], list[_Glyph], int]:
    """The page's glyphs, its spelled (not PDFium-generated) spaces and the number of glyphs set at
    another angle, with coordinates turned by `quarters` right angles."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    text = textpage.get_text_range(0, count) if count > 0 else ""
    if len(text) != count:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
    text = text.replace("\ufffe", "-")  # PDFium's mark for a hyphen that ends a line
    ox, oy, box, matrix = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    p_ox, p_oy, p_box, p_matrix = ctypes.byref(ox), ctypes.byref(oy), ctypes.byref(box), ctypes.byref(matrix)
    handle = ctypes.cast(raw, ctypes.c_void_p)
    origin, loose, generated = _ORIGIN, _LOOSE_BOX, _IS_GENERATED
    glyphs: list[_Glyph] = []
    spaces: list[_Glyph] = []
    turned = 0
    size, size_base = 10.0, None
    for i, char in enumerate(text):
        if char.isspace():
            if char not in "\r\n" and not generated(handle, i):
                origin(handle, i, p_ox, p_oy)
                x, y = _turn(ox.value, oy.value, quarters) if quarters else (ox.value, oy.value)
                spaces.append(_Glyph(" ", x, x, y, size, i))
            continue
        origin(handle, i, p_ox, p_oy)
        loose(handle, i, p_box)
        x, y, left, right = ox.value, oy.value, box.left, box.right
        if quarters:
            x, y = _turn(x, y, quarters)
            left, right = sorted((_turn(left, box.bottom, quarters)[0], _turn(right, box.top, quarters)[0]))
        # The loose box of upright text starts at the glyph's origin; text set at an angle
        # (a stamp, a watermark) has its box elsewhere.
        if abs(left - x) > 0.2 * size or right < left:
            turned += 1
            continue
        if y != size_base:  # the size changes with the baseline, if at all: ask PDFium then only
            pdfium_c.FPDFText_GetMatrix(raw, i, p_matrix)
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            size = pdfium_c.FPDFText_GetFontSize(raw, i) * scale or abs(box.top - box.bottom) or 10.0
            size_base = y
        glyphs.append(_Glyph(char, x, right, y, size, i))
    return glyphs, spaces, turned


def _page_glyphs(textpage: pdfium.PdfTextPage) -> tuple[list[_Glyph], list[_Glyph]]:
    """Glyphs of the page, read along the angle most of its text is set at (a landscape page
    drawn sideways reads as well as an upright one)."""
    glyphs, spaces, turned = _glyphs(textpage)
    if turned <= len(glyphs):
        return glyphs, spaces
    text = textpage.get_text_range()
    angles = [pdfium_c.FPDFText_GetCharAngle(textpage.raw, i) for i, c in enumerate(text[:400]) if not c.isspace()]
    quarters = [round(a / (math.pi / 2)) % 4 for a in angles if a >= 0]
    best = max(set(quarters), key=quarters.count) if quarters else 0
    return _glyphs(textpage, best)[:2] if best else (glyphs, spaces)


def _rows(glyphs: list[_Glyph], spaces: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs grouped by baseline, top first; spaces join the baseline they sit on. A footnote
    mark raised above a line is left out, as the normalizer leaves out superscript digits."""
    items = sorted(glyphs + spaces, key=lambda g: -g.base)
    rows: list[list[_Glyph]] = []
    top = math.inf
    for g in items:
        if not rows or top - g.base > _BASELINE_TOLERANCE * g.size:
            rows.append([])
            top = g.base
        rows[-1].append(g)
    rows = [row for row in rows if any(g.char != " " for g in row)]
    return [row for row, below in zip(rows, [*rows[1:], None], strict=True) if not _raised_mark(row, below)]


def _raised_mark(row: list[_Glyph], below: list[_Glyph] | None) -> bool:
    marks = [g for g in row if g.char != " "]
    if below is None or len(marks) > 3:
        return False
    line = [g for g in below if g.char != " "]
    size = statistics.median(g.size for g in line)
    return (
        max(g.size for g in marks) <= 0.8 * size
        and marks[0].base - line[0].base < 0.6 * size
        and min(g.x for g in line) < marks[0].x < max(g.right for g in line)
    )


def _pieces(row: list[_Glyph], number: int) -> list[_Piece]:
    """A row's text, split where a gap is wide enough to separate table cells."""
    row.sort(key=lambda g: (g.x, g.index))
    size = statistics.median(g.size for g in row if g.char != " ")
    pieces: list[_Piece] = []
    piece: _Piece | None = None
    last: _Glyph | None = None
    reach = -math.inf  # right edge of the text so far, typed blanks included
    space = False
    for g in row:
        if g.char == " ":
            space = True
            reach = max(reach, g.x + 0.25 * size)  # a blank for a hand ("Số:      /KH") keeps the row whole
            continue
        if last is not None and g.char == last.char and abs(g.x - last.x) < 0.5 * (last.right - last.x):
            continue  # the same letter drawn again for a bolder look
        gap = g.x - reach
        if piece is None or gap > _COLUMN_GAP * size:
            piece = _Piece(g.char, g.x, g.right, g.base, size, g.index, number, [g.x])
            pieces.append(piece)
        else:
            if space or gap > _WORD_GAP * size:
                piece.text += " "
                piece.xs.append(g.x)
            piece.text += g.char
            piece.xs.append(g.x)
            piece.x1 = max(piece.x1, g.right)
            piece.index = min(piece.index, g.index)
        space = False
        reach = max(reach, g.right)
        last = g
    return pieces


def _goes_on(before: str, after: str) -> bool:
    """Whether two pieces of a row are one line: a label and its text, a blank field and the rest."""
    return bool(_LABEL.match(before) or _OPEN_END.search(before)) or after[0].islower() or after[0] == "/"


def _against_the_page(pieces: list[_Piece]) -> bool:
    """Whether the content stream runs against the page: often back up over the text just read.
    (Going up into another column, as from one table cell to the next, is the normal order.)"""
    back = sum(
        1 for a, b in zip(pieces, pieces[1:], strict=False) if b.row < a.row and min(a.x1, b.x1) - max(a.x0, b.x0) > 0
    )
    return back > max(2, len(pieces) // 5)


def _task_tables(pieces: list[_Piece], carry: dict) -> list[_Piece]:
    """A table of tasks (a header row naming its columns, tables.columns; the header may wrap onto
    a second line) as one piece per table row, its cells joined with "|" as a markdown row: cells
    wrapped over several lines are put back together by their column, a row starts with a number
    in the STT column, and the table ends at a line that crosses a column's edge. A table still
    open at the foot of a page goes on at the top of the next (`carry`), its first lines continuing
    the row left open, written as a row with no number."""
    by_row: dict[int, list[_Piece]] = {}
    for p in pieces:
        by_row.setdefault(p.row, []).append(p)
    rows = sorted(by_row)
    for at, r in enumerate(rows):
        header = sorted(by_row[r], key=lambda p: p.x0)
        if carry.get("starts") and at == 0:
            starts, kinds, tol = carry["starts"], carry["kinds"], carry["tol"]
            body_from = at
            records: list[list[list[str]]] = [[[] for _ in starts]]
            firsts: list[_Piece] = [header[0]]
            used: set[int] = set()
        else:
            if len(header) < 3 or not _names_task_columns(" ".join(p.text for p in header)):
                continue
            tol = 0.5 * header[0].size
            starts = _column_starts([by_row[row] for row in rows[at : at + 8]], tol)
            split = _split_cells(header, starts, tol) if len(starts) >= 3 else None
            if not split:
                continue
            texts = [[] for _ in starts]
            for col, text in split:
                texts[col].append(text)
            body_from = at + 1
            if at + 1 < len(rows):
                # The header's second line: short words under its cells, no row number yet.
                wrapped = _split_cells(sorted(by_row[rows[at + 1]], key=lambda p: p.x0), starts, tol)
                if wrapped and all(len(t.split()) <= 2 and not t.rstrip(".").isdigit() for _, t in wrapped):
                    for col, text in wrapped:
                        texts[col].append(text)
                    body_from = at + 2
            header_texts = [re.sub(r"^S\s?T\s?T$", "STT", " ".join(t)) for t in texts]
            kinds = columns(header_texts)
            if not kinds:
                continue
            records = [[[t] for t in header_texts]]
            firsts = [header[0]]
            used = {id(p) for row in rows[at:body_from] for p in by_row[row]}
        carry.clear()
        label_col = kinds.index("label") if "label" in kinds else None
        ended = False
        for r2 in rows[body_from:]:
            cells = sorted(by_row[r2], key=lambda p: p.x0)
            placed = _split_cells(cells, starts, tol)
            if not placed or re.match(r"[IVX]{1,4}\.(?:\s|$)", cells[0].text):
                ended = True  # running text, or the next roman section's heading
                break
            label = [text for col, text in placed if col == label_col]
            if label and not re.fullmatch(r"\d{1,3}\.?|[IVX]{1,4}\.?|[A-Z]\.?", label[0].strip()):
                ended = True
                break  # text in the STT column that is no number: no row of the table
            if label and any(records[-1]):
                records.append([[] for _ in starts])
                firsts.append(cells[0])
            for col, text in placed:
                records[-1][col].append(text)
            used.update(id(p) for p in cells)
        if not ended:
            carry.update(starts=starts, kinds=kinds, tol=tol)
        records = [rec for rec in records if any(rec)]
        if not records:
            continue
        out = [p for p in pieces if id(p) not in used]
        for record, first in zip(records, firsts, strict=False):
            text = "| " + " | ".join(" ".join(cell).replace("|", "/") for cell in record) + " |"
            out.append(_Piece(text, starts[0], first.x1, first.base, first.size, first.index, first.row))
        return out
    return pieces


def _names_task_columns(text: str) -> bool:
    """Whether a line names the columns of a table of tasks: a content column and a unit or time one."""
    return bool(re.search(r"(?i)nội\s+dung|nhiệm\s+vụ|công\s+việc", text)) and bool(
        re.search(r"(?i)chủ\s+trì|phối|thời\s+gian|thời\s+hạn", text)
    )


def _column_starts(lines: list[list[_Piece]], tol: float) -> list[float]:
    """The left edges of a table's columns: the x where pieces start on at least two of its lines."""
    xs = sorted(p.x0 for line in lines for p in line)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= tol:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= 2]


def _split_cells(cells: list[_Piece], starts: list[float], tol: float) -> list[tuple[int, str]] | None:
    """The pieces of a line cut at the columns' left edges: (column, text). None when a piece
    starts left of the table or a word runs across a column's edge (a line of running text)."""
    out: list[tuple[int, str]] = []
    for p in cells:
        if p.x0 < starts[0] - 4 * tol:
            return None
        xs = p.xs or [p.x0] * len(p.text)
        cols = [max((i for i, x in enumerate(starts) if x <= cx + tol), default=0) for cx in xs]
        for i in range(1, len(cols)):
            if cols[i] != cols[i - 1] and p.text[i] != " " and p.text[i - 1] != " ":
                return None
        current, text = cols[0], ""
        for ch, col in zip(p.text, cols, strict=True):
            if col != current:
                out.append((current, text.strip()))
                current, text = col, ""
            text += ch
        out.append((current, text.strip()))
    return [(c, t) for c, t in out if t]


def _text_lines(page: pdfium.PdfPage, carry: dict | None = None) -> list[Line]:
    """The page's lines in reading order."""
    glyphs, spaces = _page_glyphs(page.get_textpage())
    if not glyphs:
        return []
    pieces = [p for n, row in enumerate(_rows(glyphs, spaces)) for p in _pieces(row, n)]
    pieces = _task_tables(pieces, carry if carry is not None else {})
    pieces.sort(key=lambda p: p.index)
    if _against_the_page(pieces):
        pieces.sort(key=lambda p: (p.row, p.x0))
    merged: list[_Piece] = []
    for p in pieces:
        prev = merged[-1] if merged else None
        if prev and p.row == prev.row and p.x0 >= prev.x1 and _goes_on(prev.text, p.text):
            prev.text, prev.x1 = f"{prev.text} {p.text}", p.x1
        else:
            merged.append(p)
    return [Line(p.text, p.x0, p.x1, -(p.base + 0.8 * p.size), -(p.base - 0.2 * p.size)) for p in merged]


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))


def render_scale(width_pt: float, height_pt: float) -> float:
    """Points to pixels: OCR_DPI, reduced so that the image stays within OCR_MAX_PIXELS."""
    scale = OCR_DPI / 72
    pixels = width_pt * height_pt * scale * scale
    if pixels > OCR_MAX_PIXELS:
        scale *= math.sqrt(OCR_MAX_PIXELS / pixels)
    return scale


def _render(page: pdfium.PdfPage) -> bytes:
    buffer = io.BytesIO()
    width, height = page.get_size()
    page.render(scale=render_scale(width, height), grayscale=True).to_pil().save(buffer, format="PNG")
    return buffer.getvalue()


def _ocr_lines(png: bytes, number: int = 1) -> list[Line]:
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
    except FileNotFoundError as e:
        raise ExtractionError(ErrorCode.OCR_UNAVAILABLE) from e
    except subprocess.TimeoutExpired as e:
        raise ExtractionError(ErrorCode.OCR_TIMEOUT, page=number, limit_s=OCR_TIMEOUT_S) from e
    except subprocess.CalledProcessError as e:
        # Tesseract says why (an image it will not take, a missing language pack): tell it as it is.
        said = [ln.strip() for ln in e.stderr.decode("utf-8", errors="replace").splitlines() if ln.strip()]
        detail = "; ".join(said[-3:])[:300] or f"mã lỗi {e.returncode}"
        if any("Failed loading language" in ln for ln in said):
            raise ExtractionError(ErrorCode.OCR_UNAVAILABLE) from e
        raise ExtractionError(ErrorCode.OCR_FAILED, page=number, detail=detail) from e
    except OSError as e:
        raise ExtractionError(ErrorCode.OCR_FAILED, page=number, detail=str(e)) from e
    words: dict[tuple[str, str, str], list[list[str]]] = {}
    for row in result.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and cols[11].strip():
            words.setdefault((cols[2], cols[3], cols[4]), []).append(cols)
    image = None
    for group in words.values():
        first = group[0]
        if float(first[10]) < MARKER_REREAD_BELOW and len(first[11].strip()) <= 4 and len(group) > 1:
            if image is None:
                from PIL import Image

                image = Image.open(io.BytesIO(png))
            first[11] = _reread_marker(image, first) or first[11]
    lines: list[Line] = []
    previous_block = None
    for (block, _, _), group in words.items():
        left = [int(w[6]) for w in group]
        top = [int(w[7]) for w in group]
        lines.append(
            Line(
                # Tesseract writes "Đ" as the Icelandic eth at times (normalize maps it later too).
                undouble_type_code(" ".join(w[11].strip() for w in group).replace("Ð", "Đ")),
                min(left),
                max(int(w[6]) + int(w[8]) for w in group),
                min(top),
                max(int(w[7]) + int(w[9]) for w in group),
                new_block=block != previous_block,
            )
        )
        previous_block = block
    return lines


def _reread_marker(image, word: list[str]) -> str | None:
    """The word's box, padded with white, read as one line of digits and closing marks."""
    from PIL import ImageOps

    left, top, width, height = (int(v) for v in word[6:10])
    crop = ImageOps.expand(image.crop((left - 4, top - 4, left + width + 4, top + height + 4)), border=40, fill=255)
    buffer = io.BytesIO()
    crop.save(buffer, format="PNG")
    try:
        result = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", "eng", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789.)",
             "tsv"],
            input=buffer.getvalue(), capture_output=True, check=True, timeout=10,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return None  # the first reading stands
    for row in result.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and _MARKER.match(cols[11].strip()) and float(cols[10]) >= MARKER_TRUSTED_FROM:
            return cols[11].strip()
    return None


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
                or starts_item(ln.text, prev.text if prev else "")
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


def read_pdf(path: Path, progress: Progress | None = None, *, max_pages: int | None = None) -> str:
    pdf = _open(path)
    total = len(pdf)
    if max_pages is not None and total > max_pages:
        pdf.close()
        raise ExtractionError(ErrorCode.TOO_MANY_PAGES, pages=total, limit=max_pages)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    try:
        pages: list[list[Line]] = []
        scans: dict[Future[list[Line]], int] = {}
        carry: dict = {}  # a table of tasks still open at the foot of the previous page
        with ThreadPoolExecutor(OCR_WORKERS) as pool:
            for index in range(total):
                page = pdf[index]
                lines = _text_lines(page, carry)
                if sum(len(ln.text) for ln in lines) < MIN_TEXT_CHARS and _has_image(page):
                    # PDFium is not thread-safe: render here, recognise in the pool.
                    scans[pool.submit(_ocr_lines, _render(page), index + 1)] = index
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
