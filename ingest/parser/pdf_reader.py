""".pdf: text layer through PDFium, scanned pages through Tesseract OCR (lang vie).

A scanned page is laid out first (scan_layout: ruling painted out, a ruled table's grid kept, a
two-column header or closing laid out column by column) and read in one run; the words of a table's
cells go back into their cells, a table of tasks becoming markdown rows as the text layer writes
it. What Tesseract gets wrong where the document's form tells the truth is repaired: list marks
read again by themselves, roman headings put in sequence, syllables run together set apart.

The text layer is read glyph by glyph, by position (see _glyphs below): lines by baseline,
letters by x, whatever font or text object they were drawn from. Both readers give positioned
lines; paragraphs are rebuilt from the page geometry: a first-line indent, a wider vertical gap,
a list mark, a jump to another column all start a paragraph (a blank line in the output). A line of
the text layer that reaches the right margin runs on into the next; other line ends stay single
newlines for the normalizer to judge by length.
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
import unicodedata
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import scan_layout
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
# A list mark ("2.", "III.") set apart by a tab is a shape Tesseract's Vietnamese line model can
# take for letters ("gÀI", "L", "3:") or read short ("I." for "II."): such marks are read again
# by themselves (_reread_marks). Marks read with less confidence than this are read again whatever
# follows them; a mark read again is taken from MARK_READ_FROM.
MARKER_REREAD_BELOW = 60.0
MARK_READ_FROM = 60.0

Progress = Callable[[int, int], None]


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float  # y grows downwards
    bottom: float
    new_block: bool = False  # the source says a new block starts here (OCR block)
    cells: list[str] | None = None  # a row of a ruled table read by OCR: the text of each cell
    table: int = 0  # which table of its page


# Text layer: glyphs placed by their positions. PDFium gives characters in content-stream order,
# which is not reading order when a line mixes fonts: a word processor that lacks a glyph in the
# document's font (Vietnamese letters in an old Liberation Serif, a missing Times New Roman) draws
# it from a fallback font in a text object of its own after the line, leaving a hole in the word.
# So glyphs are grouped into lines by baseline and ordered by x; spaces come from the space
# characters the text spells and from gaps, never from PDFium's guesses. Pieces of a line far
# apart or with a vertical rule between them (table cells side by side) stay apart and keep the
# order of the content stream, which is the order of the cells, unless that order runs against the
# page.
_BASELINE_TOLERANCE = 0.2  # of the font size: glyphs this close to a baseline are on it
_COLUMN_GAP = 1.5  # of the font size: a wider gap separates two pieces of a line (table cells)
# Of the font size: a wider gap between two glyphs is a space. Text often spells no space beside
# a glyph drawn from another font, or none at all (words placed one by one); a space is 0.25 em
# (Times) or more, letters stand less than 0.15 em apart even when the heading is spaced out.
_WORD_GAP = 0.18
# The same, between two glyphs drawn from different runs of the content stream (a letter from a
# fallback font beside the letters of the document's font). The word processor places such glyphs
# by its own layout, and the space after a fallback glyph is often not spelled but folded into the
# jump of the run it interrupts, whose width is then short by the difference between the fonts'
# advances (Liberation Serif's "ơ" drawn from DejaVu: 0.17 em); inside a word the glyphs of two
# runs touch (0 em).
_RUN_WORD_GAP = 0.1
# A vertical rule at most this wide (pt), and at least _RULE_SPAN of the font size high, crossing a
# row between two glyphs is the border between two table cells, however close their texts stand.
_RULE_WIDTH = 2.0
_RULE_SPAN = 0.8
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


def _page_glyphs(textpage: pdfium.PdfTextPage) -> tuple[list[_Glyph], list[_Glyph], int]:
    """Glyphs of the page, read along the angle most of its text is set at (a landscape page
    drawn sideways reads as well as an upright one), and that angle in right angles."""
    glyphs, spaces, turned = _glyphs(textpage)
    if turned <= len(glyphs):
        return glyphs, spaces, 0
    text = textpage.get_text_range()
    angles = [pdfium_c.FPDFText_GetCharAngle(textpage.raw, i) for i, c in enumerate(text[:400]) if not c.isspace()]
    quarters = [round(a / (math.pi / 2)) % 4 for a in angles if a >= 0]
    best = max(set(quarters), key=quarters.count) if quarters else 0
    return (*_glyphs(textpage, best)[:2], best) if best else (glyphs, spaces, 0)


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


def _vertical_rules(page: pdfium.PdfPage) -> list[tuple[float, float, float]]:
    """The vertical rules drawn on the page as (x, bottom, top): the borders of table cells."""
    rules = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        if right - left <= _RULE_WIDTH and top > bottom:
            rules.append(((left + right) / 2, bottom, top))
    return rules


def _pieces(row: list[_Glyph], number: int, rules: list[tuple[float, float, float]] = ()) -> list[_Piece]:
    """A row's text, split where a gap is wide enough to separate table cells or a vertical rule
    runs between two glyphs (the border of a cell)."""
    row.sort(key=lambda g: (g.x, g.index))
    size = statistics.median(g.size for g in row if g.char != " ")
    base = statistics.median(g.base for g in row if g.char != " ")
    borders = sorted(
        x for x, bottom, top in rules if bottom <= base - 0.2 * size and top >= base + (_RULE_SPAN - 0.2) * size
    )
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
        if (
            piece is None
            or gap > _COLUMN_GAP * size
            or (borders and any(last.right - 0.5 <= x <= g.x + 0.5 for x in borders))
        ):
            piece = _Piece(g.char, g.x, g.right, g.base, size, g.index, number, [g.x])
            pieces.append(piece)
        else:
            # Glyphs of one run stand next to each other in the content stream (a spelled space
            # or a character PDFium generated between them at most).
            same_run = abs(g.index - last.index) <= 2
            if space or gap > (_WORD_GAP if same_run else _RUN_WORD_GAP) * size:
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
    if carry.get("starts"):
        # The page number over the rest of a table left open on the previous page is no cell of it.
        while rows and _PAGE_NUMBER.match(" ".join(p.text for p in by_row[rows[0]])):
            rows.pop(0)
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
            if r2 == rows[-1] and _PAGE_NUMBER.match(" ".join(p.text for p in cells)):
                continue  # the page number under a table going on over the page
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
    glyphs, spaces, quarters = _page_glyphs(page.get_textpage())
    if not glyphs:
        return []
    rules = _vertical_rules(page) if not quarters else []
    pieces = [p for n, row in enumerate(_rows(glyphs, spaces)) for p in _pieces(row, n, rules)]
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


def _tesseract(png: bytes, number: int) -> str:
    """Tesseract's TSV of a page image. One thread per process: OpenMP threads only slow Tesseract
    down on a small machine, and pages run in parallel instead."""
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
    return result.stdout.decode("utf-8", errors="replace")


def _box(words: list[list[str]]) -> tuple[int, int, int, int]:
    return (
        min(int(w[6]) for w in words),
        max(int(w[6]) + int(w[8]) for w in words),
        min(int(w[7]) for w in words),
        max(int(w[7]) + int(w[9]) for w in words),
    )


# Vietnamese writes every syllable as a word of its own, and a syllable has one form: an initial
# consonant (or none), a run of vowels, a final consonant (or none). Tesseract runs words together
# where the spaces of a scan are narrow ("Nộivụ", "Úybannhân", "KINHPHÍ"): a word with a marked
# letter that is two or more syllables, and no one, is set apart into its syllables.
_VOWELS = frozenset("aeiouy")  # with their marks taken off
_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
             "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")  # "đ" is "d" here
_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "")
_WORD_CORE = re.compile(r"^([^\w]*)(\w+)([^\w]*)$")


def _syllable_ends(base: str, i: int = 0) -> list[int] | None:
    """Where each syllable of `base` (lower case, marks taken off) ends, or None."""
    if i == len(base):
        return []
    for initial in _INITIALS:
        if not base.startswith(initial, i):
            continue
        j = k = i + len(initial)
        while k < len(base) and base[k] in _VOWELS:
            k += 1
        if k == j:
            continue
        for final in _FINALS:
            if base.startswith(final, k) and (rest := _syllable_ends(base, k + len(final))) is not None:
                return [k + len(final), *rest]
    return None


def _set_apart(text: str) -> str:
    """Each word of `text` run together from Vietnamese syllables set apart ("Nộivụ" "Nội vụ")."""
    words = []
    for word in text.split(" "):
        m = _WORD_CORE.match(word)
        core = m.group(2) if m else ""
        if 3 < len(core) <= 24 and any(ord(c) > 127 for c in core) and not any(c.isdigit() or c == "_" for c in core):
            base = "".join("d" if c == "đ" else unicodedata.normalize("NFD", c)[0] for c in core.lower())
            ends = _syllable_ends(base) if len(base) == len(core) else None
            if ends and len(ends) > 1:
                cut = [core[a:b] for a, b in zip([0, *ends], ends, strict=False)]
                word = m.group(1) + " ".join(cut) + m.group(3)
        words.append(word)
    return " ".join(words)


def _line(words: list[list[str]], new_block: bool) -> Line:
    x0, x1, top, bottom = _box(words)
    # Tesseract writes "Đ" as the Icelandic eth at times (normalize maps it later too).
    text = undouble_type_code(_set_apart(" ".join(w[11].strip() for w in words).replace("Ð", "Đ")))
    return Line(text, x0, x1, top, bottom, new_block=new_block)


def _ocr_lines(png: bytes, number: int = 1) -> list[Line]:
    """The page's lines as Tesseract reads it once laid out (scan_layout.prepare): its words
    grouped into lines, the words of a ruled table's cells put back into their cells (a Line with
    `cells`, one a row of the table)."""
    from PIL import Image

    prepared = scan_layout.prepare(Image.open(io.BytesIO(png)))
    buffer = io.BytesIO()
    prepared.image.save(buffer, format="PNG")
    tsv = _tesseract(buffer.getvalue(), number)
    words: dict[tuple[str, str, str], list[list[str]]] = {}
    cells: dict[tuple[int, int, int], list[list[str]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) != 12 or not cols[11].strip():
            continue
        cx, cy = int(cols[6]) + int(cols[8]) / 2, int(cols[7]) + int(cols[9]) / 2
        for t, table in enumerate(prepared.tables):
            at = table.cell_of(cx, cy)
            if at is not None:
                cells.setdefault((t, *at), []).append(cols)
                break
        else:
            words.setdefault((cols[2], cols[3], cols[4]), []).append(cols)
    _reread_marks(prepared.image, list(words.values()))
    lines: list[Line] = []
    previous_block = None
    for (block, _, _), group in words.items():
        lines.append(_line(group, block != previous_block))
        previous_block = block
    lines = _join_labels(lines)
    for t, table in enumerate(prepared.tables):
        x0, _, x1, _ = table.box
        for r, (top, bottom, row_cells) in enumerate(table.rows):
            texts = [_cell_text(cells.get((t, r, c), [])) for c in range(len(row_cells))]
            if not re.fullmatch(r"\d{1,3}\.?|[IVX]{1,4}\.?|STT|TT", texts[0]) and any(texts[1:]):
                # A row's number alone in a narrow cell is a shape Tesseract may leave unread.
                x_a, x_b = row_cells[0]
                texts[0] = _read_number(prepared.image, (x_a + 2, top + 2, x_b - 2, bottom - 2)) or texts[0]
            if any(texts):
                lines.append(Line(" ".join(texts), x0, x1, top, bottom, new_block=True, cells=texts, table=t))
    lines.sort(key=lambda ln: ln.top if ln.cells is not None else -1)  # keeps the order of the rest
    return _in_page_order(lines)


def _read_number(image, box: tuple[int, int, int, int]) -> str | None:
    """The number written in a table cell, read by itself with digits only; None if unsure."""
    from PIL import ImageOps

    crop = image.crop(box)
    if crop.getextrema()[0] >= scan_layout.INK_BELOW:
        return None  # an empty cell
    buffer = io.BytesIO()
    ImageOps.expand(crop, border=40, fill=255).save(buffer, format="PNG")
    try:
        result = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", "eng", "--psm", "6", "-c", "tessedit_char_whitelist=0123456789.",
             "tsv"],
            input=buffer.getvalue(), capture_output=True, check=True, timeout=10,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    for row in result.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and re.fullmatch(r"\d{1,3}\.?", cols[11].strip()) and float(cols[10]) >= MARK_READ_FROM:
            return cols[11].strip().rstrip(".")
    return None


def _in_page_order(lines: list[Line]) -> list[Line]:
    """Tesseract's lines in its order, each table row put where its top is."""
    rows = [ln for ln in lines if ln.cells is not None]
    rest = [ln for ln in lines if ln.cells is None]
    out: list[Line] = []
    for ln in rest:
        while rows and rows[0].top <= ln.top:
            out.append(rows.pop(0))
        out.append(ln)
    return out + rows


def _cell_text(words: list[list[str]]) -> str:
    """The words of a table cell in reading order: lines by their middle, words left to right."""
    lines: list[list[list[str]]] = []
    for w in sorted(words, key=lambda w: int(w[7]) + int(w[9]) / 2):
        middle, height = int(w[7]) + int(w[9]) / 2, int(w[9])
        if lines:
            last = lines[-1][-1]
            if abs(middle - (int(last[7]) + int(last[9]) / 2)) < 0.5 * max(height, int(last[9])):
                lines[-1].append(w)
                continue
        lines.append([w])
    text = _set_apart(
        " ".join(" ".join(w[11].strip() for w in sorted(line, key=lambda w: int(w[6]))) for line in lines)
    )
    # Words run together in a narrow cell ("PhòngNội"): a capital after a small letter starts a word.
    text = "".join(f" {c}" if i and c.isupper() and text[i - 1].islower() else c for i, c in enumerate(text))
    return undouble_type_code(text.replace("Ð", "Đ")).replace("|", "/").strip()


_LABEL_LIKE = re.compile(r"^\S{1,4}[.):;,]$")


def _join_labels(lines: list[Line]) -> list[Line]:
    """A list mark Tesseract read as a line of its own (the tab after it), even in a block of its
    own read far from the text's, joined to the text beside it on its row, as the text layer's
    pieces are; the text takes the mark's place in the order."""
    out: list[Line] = []
    pending = list(lines)
    while pending:
        ln = pending.pop(0)
        if _LABEL.match(ln.text) or _LABEL_LIKE.match(ln.text):
            height = ln.bottom - ln.top
            beside = min(
                (other for other in pending
                 if other.x0 >= ln.x1 and min(ln.bottom, other.bottom) - max(ln.top, other.top) > 0.5 * height),
                key=lambda other: other.x0,
                default=None,
            )
            if beside is not None:
                pending.remove(beside)
                beside.text, beside.x0 = f"{ln.text} {beside.text}", ln.x0
                beside.top, beside.new_block = min(beside.top, ln.top), beside.new_block or ln.new_block
                out.append(beside)
                continue
        out.append(ln)
    return out


_STRAY_ACCENT = re.compile(r"^[ˆ˜^~`´¨'’‘\"]+$")
_READ_MARK = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.,:)]$")
MARK_TRUSTED = 95.0  # a mark Tesseract reads with this confidence is not read again


def _mark_span(group: list[list[str]]) -> tuple[int, int, int, int] | None:
    """The box of a line's list mark worth reading again: its first word, short, set apart from
    the text by a tab, or read with little confidence; None when there is none or it is sure."""
    first = group[0]
    if len(group) < 2:
        # A mark alone on its line (its text read as another block): read it with some room.
        head, h = first[11].strip(), int(first[9])
        if not _LABEL_LIKE.match(head) or (_LABEL.match(head) and float(first[10]) >= MARK_TRUSTED):
            return None
        x0, top = int(first[6]), int(first[7])
        return x0 - 4, top - 4, x0 + int(first[8]) + h // 2, top + h + 4
    second = group[1]
    height = statistics.median(int(w[9]) for w in group)
    x0, x1 = int(first[6]), int(first[6]) + int(first[8])
    head, conf = first[11].strip(), float(first[10])
    if len(head) > 4 or x1 - x0 > 2.5 * height:
        return None
    if _LABEL.match(head) and conf >= MARK_TRUSTED:
        return None
    gap = int(second[6]) - x1
    if gap < 0.6 * height and conf >= MARKER_REREAD_BELOW:
        return None
    # The mark's box as Tesseract drew it can leave out its period: up to the next word.
    # Rows of the words beside it, not the mark's own box, which may reach the line above.
    top = min(int(w[7]) for w in group[1:4])
    bottom = max(int(w[7]) + int(w[9]) for w in group[1:4])
    return x0 - 4, top - 4, max(x1 + 4, min(int(second[6]) - 6, x1 + int(height))), bottom + 4


def _reread_marks(image, groups: list[list[list[str]]]) -> None:
    """The list marks of the page's lines ("2.", "III.", "a)") that Tesseract read as something
    else ("gÀI", "L", "3:", "I." for "II.") read again, all in one run of Tesseract over their
    boxes set one under the other, without the Vietnamese model's pull towards words; a mark read
    with confidence replaces the first word (a colon or comma read for its period made a period).
    An accent Tesseract left as a word of its own beside the mark goes."""
    from PIL import Image

    for group in groups:
        group[:] = [w for i, w in enumerate(group) if not (i and _STRAY_ACCENT.match(w[11].strip()))] or group
    spans = [(g, box) for g in groups if (box := _mark_span(g)) is not None]
    if not spans:
        return
    if image.mode != "L":
        image = image.convert("L")
    pad = 40
    width = max(b[2] - b[0] for _, b in spans) + 2 * pad
    height = sum(b[3] - b[1] + pad for _, b in spans) + pad
    sheet = Image.new("L", (width, height), 255)
    places = []
    y = pad
    for _, box in spans:
        sheet.paste(image.crop(box), (pad, y))
        places.append((y, y + box[3] - box[1]))
        y += box[3] - box[1] + pad
    buffer = io.BytesIO()
    # In black and white: the grey edges of a scan enlarged to OCR_DPI make "2." read as "2" or "„5".
    sheet.point(lambda v: 0 if v < scan_layout.INK_BELOW else 255).save(buffer, format="PNG")
    try:
        result = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", "eng", "--psm", "6", "tsv"],
            input=buffer.getvalue(), capture_output=True, check=True, timeout=30,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return  # the first readings stand
    read: dict[int, list[list[str]]] = {}
    for row in result.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) != 12 or not cols[11].strip():
            continue
        middle = int(cols[7]) + int(cols[9]) / 2
        at = next((i for i, (top, bottom) in enumerate(places) if top - pad / 2 <= middle <= bottom + pad / 2), None)
        if at is not None:
            read.setdefault(at, []).append(cols)
    for i, (group, _) in enumerate(spans):
        words = read.get(i, [])
        if len(words) != 1 or float(words[0][10]) < MARK_READ_FROM:
            continue
        mark = words[0][11].strip()
        mark = mark[:-1] + "." if mark[-1] in ",:;" else mark
        if re.fullmatch(r"[IlVX]+[.)]", mark):
            mark = mark.replace("l", "I")  # the Latin model's "Il." for "II."
        if _READ_MARK.match(mark):
            group[0][11] = mark


def _ocr_tables(pages: list[list[Line]]) -> list[list[Line]]:
    """The rows of the ruled tables read by OCR as text: a table of tasks (its header names the
    columns, tables.columns) as markdown rows, one a line, as the text layer writes it; its rows
    at the top of the next page, the rest of it, the same; any other table cell by cell."""
    out_pages: list[list[Line]] = []
    open_columns = None  # the column count of a table of tasks still open at the foot of a page
    for page in pages:
        out: list[Line] = []
        i = 0
        while i < len(page):
            ln = page[i]
            if ln.cells is None:
                out.append(ln)
                if not _PAGE_NUMBER.match(ln.text):
                    open_columns = None
                i += 1
                continue
            rows = [ln]
            while i + len(rows) < len(page) and page[i + len(rows)].cells is not None and (
                page[i + len(rows)].table == ln.table
            ):
                rows.append(page[i + len(rows)])
            i += len(rows)
            header = [re.sub(r"^S\s?T\s?T$", "STT", c) for c in rows[0].cells]
            first = not any(not _PAGE_NUMBER.match(o.text) for o in out)
            if columns(header) or (first and open_columns == len(header)):
                rows[0].cells = header
                for row in rows:
                    row.text = "| " + " | ".join(row.cells) + " |"
                    out.append(row)
                open_columns = len(rows[-1].cells)
            else:
                out.extend(
                    Line(c, row.x0, row.x1, row.top, row.bottom, new_block=True) for row in rows for c in row.cells if c
                )
                open_columns = None
        out_pages.append(out)
    return out_pages


_ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# A top-level heading read by OCR: a short mark, then the heading in capitals ("II. NỘI DUNG").
# ("H" is how "II" reads at times; a rule or stroke beside the mark reads as "_" or "—").
_OCR_HEADING = re.compile(r"^([IVXLHl1|!íìï]{1,4}(?:[.,:;]\s*|\s+))(?:[_—–-]\s*)?(\w.{3,})$")
# A heading in small letters ("III. Một số chỉ tiêu") needs a mark that is no digit, and its period
# (or the mark run into the heading's capital: "LMục đích").
_OCR_HEADING_SMALL = re.compile(r"^([IVXLHl|]{1,4}[.,:;]\s*|[IL](?=[A-ZĐ]))(?:[_—–-]\s*)?([A-ZĐ]\w*.{3,})$")


# The words of the headings of a plan's sections (RULES.md), by their letters without marks: a
# heading's word Tesseract read with a wrong mark ("TỔ CHÚC THỰC HIỆN") is read as this word.
_HEADING_WORDS: dict[str, str] = {}


def _bare(word: str) -> str:
    word = word.replace("Đ", "D").replace("đ", "d")
    return unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode()


def _heading_word(word: str) -> str:
    """A word of a heading with its marks set right ("CHÚC" is "CHỨC"), or two words Tesseract ran
    together set apart ("NỘIDUNG" is "NỘI DUNG")."""
    core = word.rstrip(",.;:")
    bare = _bare(core)
    if bare in _HEADING_WORDS:
        return _HEADING_WORDS[bare] + word[len(core) :]
    for cut in range(2, len(bare) - 1):
        if bare[:cut] in _HEADING_WORDS and bare[cut:] in _HEADING_WORDS and len(core) == len(bare):
            return f"{_HEADING_WORDS[bare[:cut]]} {_HEADING_WORDS[bare[cut:]]}" + word[len(core) :]
    return word


_HEADING_VOCABULARY = (
    "MỤC", "ĐÍCH", "YÊU", "CẦU", "NHIỆM", "VỤ", "GIẢI", "PHÁP", "TỔ",
    "CHỨC", "THỰC", "HIỆN", "KINH", "PHÍ", "TIÊU", "CHỈ", "TRỌNG", "TÂM", "NỘI", "DUNG",
)
for _w in _HEADING_VOCABULARY:
    _HEADING_WORDS[_bare(_w)] = _w


def _roman_sequence(pages: list[list[Line]]) -> None:
    """The roman marks of a scanned plan's top-level headings, which Tesseract reads as "L.",
    "1.", "I." for "II." or "II" for "III.", put back in sequence: the sections of an
    administrative plan are numbered I, II, III … in order, and a heading in capitals after a
    mark that looks like a roman numeral is the next of them."""
    count = 0
    for page in pages:
        for ln in page:
            match = _OCR_HEADING.match(ln.text)
            if match and match.group(2) != match.group(2).upper():
                match = None  # not a heading in capitals
            match = match or _OCR_HEADING_SMALL.match(ln.text)
            if ln.cells is not None or not match or len(ln.text) > 120:
                continue
            if count >= len(_ROMAN_NUMERALS) or (match.group(1).startswith("1") and count):
                continue
            heading = " ".join(_heading_word(w) for w in match.group(2).split(" "))
            ln.text = f"{_ROMAN_NUMERALS[count]}. {heading}"
            count += 1


def _layout_text(pages: list[list[Line]], scanned: frozenset[int] = frozenset()) -> str:
    """Lines joined with "\\n", and "\\n\\n" where the geometry says a paragraph starts. On a
    page of the text layer (not in `scanned`), a line of running text that reaches the right margin
    and goes on at the left margin is wrapped: the next line continues it after a space, whatever
    letter it starts with and however long the font made the line (the normalizer, which has only
    the text, judges line ends by their length)."""
    body = [ln for page in pages for ln in page if len(ln.text) > 20]
    if not body:
        return "\n\n".join(ln.text for page in pages for ln in page)
    char_w = statistics.median((ln.x1 - ln.x0) / len(ln.text) for ln in body)
    line_h = statistics.median(ln.bottom - ln.top for ln in body)
    out: list[str] = []
    for number, page in enumerate(pages):
        page = [ln for ln in page if not _PAGE_NUMBER.match(ln.text)]
        if not page:
            continue
        xs = sorted(ln.x0 for ln in page)
        left = xs[len(xs) // 10]  # most lines start at the margin; first lines are indented
        ends = sorted(ln.x1 for ln in page if len(ln.text) > 20 and not ln.text.startswith("|"))
        right = ends[len(ends) * 9 // 10] if ends and number not in scanned else None  # the right margin
        prev: Line | None = None
        for ln in page:
            new_paragraph = (
                ln.new_block
                or ln.x0 > left + 2 * char_w
                or starts_item(ln.text, prev.text if prev else "")
                or (prev is not None and not 0 <= ln.top - prev.bottom < 0.9 * line_h)
            )
            wrapped = (
                right is not None
                and prev is not None
                and not new_paragraph
                and prev.x1 >= right - 1.5 * char_w
                and prev.x0 < left + 0.25 * (right - left)
                and not prev.text.startswith("|")
                and not ln.text.startswith("|")
            )
            if out:
                out.append(" " if wrapped else "\n\n" if new_paragraph else "\n")
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
        if scans:
            _roman_sequence([pages[i] for i in sorted(scans.values())])
    finally:
        pdf.close()
    text = _layout_text(_ocr_tables(pages), frozenset(scans.values()))
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise ExtractionError(ErrorCode.NO_TEXT)
    return text
