""".docx: paragraphs in order, with the text of Word's automatic numbering, tables and footnotes."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from .errors import ErrorCode, ExtractionError
from .legacy import TCVN3, VNI, to_unicode
from .tables import columns

# Zip-bomb guards, checked on the archive's directory before anything is inflated.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
_RATIO_MIN_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 5000
# Small tables (header, signature) are layout: read them column by column, as a person does.
_LAYOUT_MAX_ROWS = 4
_LAYOUT_MAX_COLS = 3


def check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as e:
        raise ExtractionError(ErrorCode.CORRUPT, kind="DOCX") from e
    total = sum(i.file_size for i in infos)
    if len(infos) > MAX_ENTRIES or total > MAX_UNCOMPRESSED_BYTES:
        raise ExtractionError(ErrorCode.ZIP_BOMB)
    for info in infos:
        if info.file_size > _RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ExtractionError(ErrorCode.ZIP_BOMB)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ExtractionError(ErrorCode.UNSUPPORTED)


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += digits
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


class Numbering:
    """Renders the labels Word draws for numbered paragraphs ("I.", "1.", "a)", bullets as "-")."""

    def __init__(self, document: docx.document.Document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            overrides = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl")))] = int(start.get(qn("w:val")))
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            self.nums[num.get(qn("w:numId"))] = (abstract_id, overrides)

    @staticmethod
    def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
        """numId and level from the paragraph, else from its style chain."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.numPr if p_pr is not None else None
        style = paragraph.style
        while num_pr is None and style is not None:
            s_pr = style.element.pPr
            num_pr = s_pr.numPr if s_pr is not None else None
            style = style.base_style
        if num_pr is None or num_pr.numId is None:
            return None
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        return str(num_pr.numId.val), int(ilvl)

    def label(self, paragraph: Paragraph) -> str | None:
        found = self._num_pr(paragraph)
        if not found or found[0] not in self.nums:
            return None
        num_id, ilvl = found
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else overrides.get(ilvl, start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the ones below it
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return None
        for k in range(9):
            if f"%{k + 1}" in text:
                k_fmt = levels.get(k, ("decimal", "", 1))[0]
                value = counters.get(k, levels.get(k, ("", "", 1))[2])
                text = text.replace(f"%{k + 1}", _FORMATS.get(k_fmt, str)(value))
        return text.strip() or None


def legacy_font(name: str | None) -> tuple[str, bool] | None:
    """(encoding, capitals) of a legacy Vietnamese font: ".VnTime" TCVN3, ".VnTimeH" TCVN3 in
    capitals, "VNI-Times" VNI; None for a Unicode font."""
    if not name:
        return None
    if name.startswith(".Vn"):
        return TCVN3, name.endswith("H")
    if name.upper().startswith("VNI"):
        return VNI, False
    return None


def _run_font(r: etree._Element) -> str | None:
    fonts = r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) if fonts is not None else None


class _Reader:
    def __init__(self, document: docx.document.Document) -> None:
        self.document = document
        self.numbering = Numbering(document)
        self.footnotes = self._footnotes()
        xml = etree.tostring(document.element) + etree.tostring(document.styles.element)
        self.legacy = b'w:ascii=".Vn' in xml or b'w:ascii="VNI' in xml

    def _style_font(self, paragraph: Paragraph) -> str | None:
        style = paragraph.style
        while style is not None:
            if style.font.name:
                return style.font.name
            style = style.base_style
        try:
            return self.document.styles.default(WD_STYLE_TYPE.PARAGRAPH).font.name
        except (AttributeError, KeyError):
            return None

    def text(self, paragraph: Paragraph) -> str:
        """The paragraph's text; runs in a legacy font converted to Unicode."""
        if not self.legacy:
            return paragraph.text
        default = self._style_font(paragraph)
        parts = []
        for r in paragraph._p.iter(qn("w:r")):
            text = "".join(t.text or "" for t in r.iter(qn("w:t")))
            if r.find(qn("w:tab")) is not None:
                text += "\t"
            if found := legacy_font(_run_font(r) or default):
                encoding, capitals = found
                text = to_unicode(text, encoding)
                text = text.upper() if capitals else text
            parts.append(text)
        return "".join(parts)

    def _footnotes(self) -> dict[str, str]:
        for rel in self.document.part.rels.values():
            if rel.reltype.endswith("/footnotes"):
                root = etree.fromstring(rel.target_part.blob)
                notes = {}
                for note in root.iterchildren(qn("w:footnote")):
                    text = "".join(t.text or "" for t in note.iter(qn("w:t"))).strip()
                    if text:
                        notes[note.get(qn("w:id"))] = text
                return notes
        return {}

    def blocks(self, parent: etree._Element, container: object) -> Iterator[str]:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                paragraph = Paragraph(child, container)
                text = self.text(paragraph).strip()
                label = self.numbering.label(paragraph) if text else None
                if text:
                    yield f"{label} {text}" if label else text
                for ref in child.iter(qn("w:footnoteReference")):
                    if note := self.footnotes.get(ref.get(qn("w:id"))):
                        yield "\u00b9 " + note  # a footnote is read where it is cited, marked as one
            elif child.tag == qn("w:tbl"):
                yield from self._table(child, container)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from self.blocks(content, container)

    def _table(self, tbl: etree._Element, container: object) -> Iterator[str]:
        rows = [[tc for tc in tr.iterchildren(qn("w:tc"))] for tr in tbl.iterchildren(qn("w:tr"))]
        n_cols = max((len(r) for r in rows), default=0)
        header = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in rows[0]] if rows else []
        if columns(header):  # a table of tasks: kept as rows for tables.markdown_tables
            texts = [[" ".join(self.blocks(tc, container)) for tc in row] for row in rows]
            yield "\n".join("| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in texts)
            return
        if len(rows) <= _LAYOUT_MAX_ROWS and n_cols <= _LAYOUT_MAX_COLS:
            cells = [row[c] for c in range(n_cols) for row in rows if c < len(row)]
        else:
            cells = [tc for row in rows for tc in row]
        for tc in cells:
            yield from self.blocks(tc, container)


def read_docx(path: Path) -> str:
    check_archive(path)
    try:
        document = docx.Document(str(path))
        reader = _Reader(document)
        return "\n\n".join(reader.blocks(document.element.body, document._body))
    except ExtractionError:
        raise
    except Exception as e:  # python-docx and lxml raise many types for a damaged package
        raise ExtractionError(ErrorCode.CORRUPT, kind="DOCX") from e
