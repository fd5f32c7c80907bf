"""Tables of tasks and the marks of web copies, turned into the plain lines of a plan.

A table of tasks (columns STT / Nội dung / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian) is
written as a markdown table by web copies and read as one by the .docx reader; each row becomes a
numbered item with its field lines ("Cơ quan chủ trì: …"), the form plans use in running text.
Web copies also bring markdown marks (headings, links, images) and the lines of the site around
the plan (share buttons, view counters, breadcrumbs, related links): those go.
"""

from __future__ import annotations

import re

# Column kinds, tested in this order on the header cell.
_COLUMNS = (
    ("label", re.compile(r"(?i)^(?:stt|tt|số\s*tt|số\s+thứ\s+tự)\.?$")),
    ("support", re.compile(r"(?i)phối\s+hợp")),
    ("lead", re.compile(r"(?i)chủ\s+trì|(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)\s+(?:thực\s+hiện|phụ\s+trách)|phân\s+công")),
    ("timing", re.compile(r"(?i)thời\s+gian|thời\s+hạn|tiến\s+độ")),
    ("content", re.compile(r"(?i)nội\s+dung|nhiệm\s+vụ|công\s+việc|hoạt\s+động|giải\s+pháp")),
)
_FIELD_LINES = {"lead": "Cơ quan chủ trì", "support": "Cơ quan phối hợp", "timing": "Thời gian thực hiện"}
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
_GROUP_LABEL = re.compile(r"^(?:[IVX]+|[A-Z])\.?$")


def columns(header: list[str]) -> list[str | None] | None:
    """The kind of each column of a task table's header row, or None when it is no task table."""
    kinds: list[str | None] = []
    for cell in header:
        cell = " ".join(cell.replace("*", "").split())
        kinds.append(next((kind for kind, pattern in _COLUMNS if pattern.search(cell)), None))
    if "content" in kinds and ({"lead", "support", "timing"} & set(kinds)):
        return kinds
    return None


def _cells(line: str) -> list[str]:
    return [c.replace("*", "").strip() for c in line.strip().strip("|").split("|")]


def rows_as_items(rows: list[list[str]], kinds: list[str | None]) -> list[str]:
    """The rows of a task table (header excluded) as numbered items with field lines."""
    out: list[str] = []
    count = 0
    merged: list[list[str]] = []
    label_at = kinds.index("label") if "label" in kinds else None
    for row in rows:
        # A row with no number after a numbered one is its continuation (a row broken by a page).
        if (
            merged
            and label_at is not None
            and label_at < len(row)
            and not row[label_at].strip()
            and merged[-1][label_at].strip()
            and not _GROUP_LABEL.match(merged[-1][label_at].strip())
        ):
            merged[-1] = [f"{a} {b}".strip() for a, b in zip(merged[-1], row + [""] * len(merged[-1]), strict=False)]
            continue
        merged.append(list(row))
    for row in merged:
        cell = {kind: " ".join(text.split()) for kind, text in zip(kinds, row, strict=False) if kind}
        content = cell.get("content", "")
        label = cell.get("label", "").rstrip(".")
        if not content or _GROUP_LABEL.match(label) or not (label.isdigit() or not label):
            continue  # a group row ("I", "A") or an empty one
        count += 1
        out.append(f"{label or count}. {content}")
        out.extend(f"{_FIELD_LINES[k]}: {cell[k]}" for k in ("lead", "support", "timing") if cell.get(k))
    return out


def markdown_tables(text: str) -> str:
    """Markdown tables of tasks rewritten as items; other tables are left to the cell splitter."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("|"):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and (
            lines[j].lstrip().startswith("|") or not lines[j].strip() or _PAGE_NUMBER.match(lines[j])
        ):
            j += 1  # a page break inside the table leaves its page number between two rows
        block = [_cells(line) for line in lines[i:j] if line.strip() and not _PAGE_NUMBER.match(line)]
        block = [row for row in block if not all(_SEPARATOR_CELL.match(c) or not c for c in row)]
        kinds = columns(block[0]) if block else None
        if kinds:
            out.extend(line for item in rows_as_items(block[1:], kinds) for line in ("", item))
            out.append("")
        else:
            out.extend(lines[i:j])
        i = j
    return "\n".join(out)


_NOISE = re.compile(
    r"""(?ix)^(?:
        trang\s+chủ(?:\s*[>»/›].*)?            # breadcrumbs
      | .{0,80}\s[>»›]\s.{0,80}\s[>»›]\s.*     # "Văn bản > Kế hoạch > …"
      | (?:chia\s+sẻ|share|facebook|zalo|twitter|in\s+bài(?:\s+viết)?|bản\s+in|gửi\s+email|email|
         tải\s+về|tải\s+xuống|download|xem\s+thêm|đọc\s+tiếp|bình\s+luận|quay\s+lại|về\s+đầu\s+trang|
         back\s+to\s+top|tin\s+liên\s+quan|bài\s+viết\s+liên\s+quan|tin\s+khác|các\s+tin\s+khác)\s*:?
      | (?:lượt\s+xem|số\s+lượt\s+xem|lượt\s+truy\s+cập|views?)\s*:?\s*[\d.,]+
      | (?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày\s+cập\s+nhật)\s*:?\s*[\d/:\s-]+(?:AM|PM)?
      | (?:tags?|từ\s+khóa)\s*:.*
      | (?:https?://|www\.)\S+
      | !\[[^\]]*\]\([^)]*\)
      | [-*+]?\s*\[[^\]]+\]\([^)]*\)           # a line that is only a link: related articles, menus
    )\s*$"""
)
_LINK = re.compile(r"\[([^\]]+)\]\((?:https?:|/|#)[^)]*\)")
_HEADING_MARK = re.compile(r"(?m)^[ \t]*(?:#{1,6}|>+)[ \t]+")
_HTML = ((re.compile(r"(?i)<br\s*/?>"), "\n"), (re.compile(r"(?i)&nbsp;"), " "), (re.compile(r"(?i)&amp;"), "&"))


def web_copy(text: str) -> str:
    """Markdown marks and the site's own lines removed, task tables rewritten as items."""
    if "<" in text or "&" in text:
        for pattern, repl in _HTML:
            text = pattern.sub(repl, text)
    if "#" in text or ">" in text:
        text = _HEADING_MARK.sub("", text)
    if "](" in text or "http" in text or "www." in text or "ượt xem" in text or "Trang chủ" in text:
        text = "\n".join(line for line in text.split("\n") if not _NOISE.match(line.strip()))
        text = _LINK.sub(r"\1", text)
    else:
        text = "\n".join(line for line in text.split("\n") if not _NOISE.match(line.strip()))
    if "|" in text:
        text = markdown_tables(text)
    return text
