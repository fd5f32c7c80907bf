"""Turn a reader's text into clean paragraphs.

Text from PDFs and web copies arrives with lines broken mid-sentence (sometimes a blank line after
every line), numbers hyphenated across lines ("114-" / "KL/TW"), page numbers, table rules,
markdown emphasis and the residue of digital signatures. Readers mark the paragraph ends they know
with a blank line; this module joins the rest by the usual shape of wrapped text.
"""

from __future__ import annotations

import re
import statistics
import unicodedata

from .patterns import DASH_MARKER, DIGIT_MARKER, LETTER_MARKER, ROMAN_HEADING
from .tables import web_copy

# Legacy Vietnamese fonts map "Đ" to the Icelandic eth; zero-width and no-break spaces vanish.
_CHAR_FIXES = (
    ("\u00d0", "Đ"),
    ("\u00f0", "đ"),
    ("\u00a0", " "),
    ("\u200b", ""),
    ("\ufeff", ""),
    ("\u00ad", ""),
    ("\t", " "),
)
# List dashes as scans and web copies give them: "-_ Sở", "— Sở", "– Sở".
_DASH_VARIANTS = re.compile(r"(?m)^[ \t]*(?:[-–—][ \t]*_|_[ \t]*-|[–—])[ \t]*(?=[^\s\-–—_=+|])")
_SUPERSCRIPTS = re.compile("[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]")
# A footnote's body starts its line with the footnote's mark ("¹ Chương trình …").
_FOOTNOTE_START = re.compile("(?m)^[ \t]*[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+[ \t]*")
_NOISE_LINE = re.compile(
    r"""^(?:
        [-=_+|:.~*#\s]{3,}                                  # table rules and separators
      | [-–]?\s*\d{1,3}\s*[-–]?                             # a page number
      | (?:Trang|trang|Page)\s+\d+(?:\s*/\s*\d+)?
      | \d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:[+-]\d{2}:?\d{2}|Z)?   # signature timestamp
      | Not\s+specified | Signature\s+(?:Not\s+)?Valid.* | Digitally\s+signed.*
      | (?:Ký\s+bởi|Người\s+ký|Thời\s+gian\s+ký|Ngày\s+ký)\s*:.*
    )$""",
    re.VERBOSE,
)
# A number broken after its hyphen keeps no space: "114-" + "KL/TW".
_HYPHEN_NUMBER_END = re.compile(r"\d-$")
_SYMBOL_START = re.compile(r"^[A-ZĐ][A-Za-zĐ]*(?:/|-[A-ZĐ])")
_HYPHEN_NUMBER_INLINE = re.compile(r"(\d)-\s+(?=[A-ZĐ][A-Za-zĐ]*/[A-ZĐ])")
# A symbol broken at its inner hyphen ("59/2023/NĐ-" / "CP ngày"): the rest is one more segment.
_HYPHEN_SYMBOL_END = re.compile(r"/[A-ZĐ][A-Za-zĐ0-9]*-$")
_SYMBOL_SEGMENT = re.compile(r"^[A-ZĐ][A-Za-zĐ0-9]*(?!\w)")
_HYPHEN_SYMBOL_INLINE = re.compile(r"(/[A-ZĐ][A-Za-zĐ0-9]*)-\s+(?=[A-ZĐ][A-Za-zĐ0-9]*(?!\w))")
_YEAR_END = re.compile(r"\b(?:19|20)\d\d\s*$")
_YEAR_RANGE_END = re.compile(r"(?:19|20)\d\d(?![\d:%])")
# A date or number cut after its keyword ("ngày 07 tháng" / "3 năm 2023") is one phrase.
_OPEN_DATE_END = re.compile(r"(?:\bngày|\btháng|\bnăm|\bsố|\bSố\s*:?)$")
_STARTS_BLOCK = re.compile(r"^(?:Nơi\s+nhận|Trên\s+đây\s+là|Lưu\s*:|(?:KT|TM|TL|TUQ|Q)\s*\.\s|Số\s*:)", re.IGNORECASE)

# A scan reads the period of "1." as ";", ",", ":" or "¿".
_OCR_NUMBER_MARK = re.compile(r"(?m)^[ \t]*(\d{1,2})[;,:¿][ \t]+(?=[A-ZĐÀ-Ỹ])")
_ROMAN_CAPS = re.compile(r"^[IVX]{1,4}\.?\s+[A-ZĐÀ-Ỹ ,–-]+$")
_MOTTO_END = re.compile(r"Hạnh\s+phúc\s*$")
_RANGE_OPEN = re.compile(r"\b(?:19|20)\d\d\s*[-–]$")
_YEAR_START = re.compile(r"^(?:19|20)\d\d\b")

# Lines of wrapped text are at most this long; longer lines are whole paragraphs.
_WRAPPED_MAX = 150


def clean_text(text: str) -> str:
    """Character-level fixes: Unicode NFC, legacy glyphs, web-copy marks and noise, markdown
    emphasis, footnote marks; task tables become items with field lines (tables.py)."""
    text = unicodedata.normalize("NFC", text)
    for old, new in _CHAR_FIXES:
        if old in text:  # str.replace per character is much faster than str.translate
            text = text.replace(old, new)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = web_copy(text)
    text = re.sub(r"(?m)^(\s*)\*\s+", r"\1- ", text)  # "* item" is a bullet, other stars are emphasis
    text = _DASH_VARIANTS.sub("- ", text)
    text = _OCR_NUMBER_MARK.sub(r"\1. ", text)
    text = text.replace("*", "").replace("__", "")
    text = _FOOTNOTE_START.sub("\u00b9 ", text)  # a footnote's body keeps one mark that says so
    text = _SUPERSCRIPTS.sub(lambda m: m.group(0) if m.start() == 0 or text[m.start() - 1] == "\n" else "", text)
    return re.sub(r"[ \t]*\|[ \t]*", "\n", text)  # table cells become lines of their own


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def starts_item(line: str, previous: str = "") -> bool:
    """Whether `line` opens a new item: a heading number, a list mark or a closing-block word."""
    if ROMAN_HEADING.match(line) or DIGIT_MARKER.match(line) or LETTER_MARKER.match(line):
        return True
    if _STARTS_BLOCK.match(line) or line.startswith("Căn cứ "):  # a basis paragraph, capitalised
        return True
    if m := DASH_MARKER.match(line):
        rest = line[m.end() :]
        if _YEAR_RANGE_END.match(rest) and _YEAR_END.search(previous):
            return False  # "giai đoạn 2021" / "- 2030": a range of years wrapped at its dash
        # A wrapped "kinh tế" / "- xã hội" is no list item; an item starts with a capital.
        return bool(rest) and (not rest[0].islower() or previous.rstrip().endswith((";", ":", ".")))
    return False


def _joiner(a: str, b: str, gap: bool, long_line: float | None) -> str | None:
    """How line `b` continues line `a`: "" or " ", or None when `b` starts a new paragraph."""
    if (_HYPHEN_NUMBER_END.search(a) and _SYMBOL_START.match(b)) or (
        _HYPHEN_SYMBOL_END.search(a) and _SYMBOL_SEGMENT.match(b)
    ):
        return ""
    if starts_item(b, a) or _MOTTO_END.search(a) or (b[0].islower() and _ROMAN_CAPS.match(a)):
        return None  # a heading in capitals does not run on in lower case
    if _RANGE_OPEN.search(a) and _YEAR_START.match(b):
        return " "  # "giai đoạn 2026 -" / "2030": a range of years wrapped after its dash
    if b[0].islower() or (_OPEN_DATE_END.search(a) and b[0].isdigit()):
        return " "
    if gap or long_line is None or _is_upper(a) != _is_upper(b):
        return None
    return " " if len(a) >= long_line else None


def paragraphs(text: str) -> list[str]:
    """The document's paragraphs, each on one line with whitespace folded."""
    raw = [" ".join(line.split()) for line in clean_text(text).split("\n")]
    lines: list[tuple[str, bool]] = []  # (line, blank line before it)
    gap = False
    for line in raw:
        if not line or _NOISE_LINE.match(line):
            gap = gap or not line
            continue
        lines.append((line, gap))
        gap = False
    if not lines:
        return []

    lengths = sorted(len(line) for line, _ in lines)
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    # Wrapped text breaks mid-sentence: many lines go on in lower case. One paragraph per line does not.
    lower_next = sum(b[0].islower() for (b, _) in lines[1:]) / max(1, len(lines) - 1)
    wrapped = len(lines) >= 10 and p90 <= _WRAPPED_MAX and lower_next >= 0.25
    long_line = 0.8 * statistics.median(lengths[len(lengths) // 2 :]) if wrapped else None
    # Some copies put a blank line after every line: then blank lines say nothing.
    if wrapped and sum(g for _, g in lines) >= 0.7 * len(lines):
        lines = [(line, False) for line, _ in lines]

    out: list[str] = [lines[0][0]]
    last = lines[0][0]  # the last physical line: its length tells whether it was wrapped
    for line, gap in lines[1:]:
        joiner = _joiner(last, line, gap, long_line)
        if joiner is None:
            out.append(line)
        else:
            out[-1] = out[-1] + joiner + line
        last = line
    return [_HYPHEN_SYMBOL_INLINE.sub(r"\1-", _HYPHEN_NUMBER_INLINE.sub(r"\1-", p)) for p in out]
