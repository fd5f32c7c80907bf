"""The closing block: "Nơi nhận:" list and signature (authority, title, name)."""

from __future__ import annotations

import re

from .patterns import AUTHORITY, CLOSING, DASH_MARKER, FILED_COPY, ISSUER_HEAD, RECIPIENTS, UNIT_START, fold

# Ending annotations are lower case: "(b/c)", "(để biết)", "(t/h)".
_ANNOTATION = re.compile(r"\s*\((?=[a-zđ])[^()]{1,25}\)\s*$")


# The commonest Vietnamese family names: a recipients entry that starts with one and reads as a
# full name is the signer's name caught in the list (scans, two-column rows), not a recipient.
_SURNAMES = frozenset(
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Đoàn",
        "Lâm",
        "Mai",
        "Trương",
        "Tạ",
        "Lương",
        "Cao",
        "Châu",
        "Tô",
        "Hà",
        "Thái",
        "Quách",
        "Từ",
        "Kiều",
        "Triệu",
        "La",
        "Tăng",
        "Văn",
    ]
)


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _upper_run(text: str) -> str:
    """Leading words of `text` written in capitals ("GIÁM ĐỐC" of "GIÁM ĐỐC Trần Văn A")."""
    words = []
    for word in text.split():
        if not is_upper(word) and not (len(word) == 1 and word.isupper()):
            break
        words.append(word)
    return " ".join(words)


def _is_person(text: str) -> bool:
    """A Vietnamese full name: two to six capitalized words ("Trần Thế Thuận"), not an organization."""
    words = text.split()
    if not 2 <= len(words) <= 6 or UNIT_START.match(text) or ISSUER_HEAD.match(text):
        return False
    return all(w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)


def _without_signature(line: str) -> str:
    """A recipients line without signature text that shares its row ("Nơi nhận: KT. GIÁM ĐỐC")."""
    if (m := AUTHORITY.search(line)) and is_upper(_upper_run(m.group("rest"))):
        line = line[: m.start()]
    cut = max(line.rfind(";"), line.rfind("."))
    tail = line[cut + 1 :].strip()
    if cut >= 0 and tail and (is_upper(tail) or _is_person(tail)):
        line = line[: cut + 1]
    return line.strip()


def _names(item: str) -> list[str]:
    names = []
    for part in item.split(";"):
        name = _ANNOTATION.sub("", part.strip().lstrip("-–—+•_ ").rstrip(".;, ")).strip()
        if name:
            names.append(fold(name))
    return names


def recipients(closing: list[str]) -> list[str]:
    start = next((i for i, p in enumerate(closing) if RECIPIENTS.match(p)), None)
    if start is None:
        return []
    first = closing[start][RECIPIENTS.match(closing[start]).end() :]
    out: list[str] = []
    lines: list[str] = []
    for line in [first, *closing[start + 1 :]]:
        # A recipient wrapped onto a line of its own ("- Chủ tịch, các Phó Chủ tịch" / "UBND tỉnh;").
        if (
            lines
            and DASH_MARKER.match(lines[-1])
            and not lines[-1].rstrip().endswith((";", ".", ":", ","))
            and (
                line
                and not DASH_MARKER.match(line)
                and not FILED_COPY.match(line)
                and line[0].isupper()
                and line.rstrip().endswith((";", "."))
            )
        ):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    for line in lines:
        line = _without_signature(line)
        if not line:
            continue
        is_item = bool(DASH_MARKER.match(line))
        # An item may hold several dash entries when lines were joined.
        for entry in re.split(r"(?:^|\s)[-–—+•]\s+", line) if is_item else [line]:
            entry = entry.strip()
            if not entry:
                continue
            if FILED_COPY.match(entry):
                return out  # "Lưu: VT, ..." closes the list and is no recipient
            if is_item or entry.endswith(";"):
                out.extend(n for n in _names(entry) if not (_is_person(n) and n.split()[0] in _SURNAMES))
    return out


def _split_authority(rest: str) -> tuple[str, str | None]:
    """ "GIÁM ĐỐC PHÓ GIÁM ĐỐC" read on one line: the title starts at its own "PHÓ"."""
    m = re.search(r"\s(PHÓ\s.+)$", rest)
    return (rest[: m.start()], m.group(1)) if m else (rest, None)


def signer(closing: list[str]) -> dict[str, str | None]:
    authority = title = name = None
    in_items = False
    for para in closing:
        if CLOSING.match(para):
            continue
        if RECIPIENTS.match(para):
            in_items = True
            para = para[RECIPIENTS.match(para).end() :].strip()
        if (m := AUTHORITY.search(para)) and (rest := _upper_run(m.group("rest"))) and authority is None:
            held, title_inline = _split_authority(rest)
            authority = f"{m.group('prefix')}. {held}"
            title = title or title_inline
            continue
        if authority and title is None and (m := AUTHORITY.match(para)) and (rest := _upper_run(m.group("rest"))):
            # Two levels, "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH": both kept, in order.
            held, title = _split_authority(rest)
            authority = f"{authority} / {m.group('prefix')}. {held}"
            continue
        if DASH_MARKER.match(para) or (in_items and para.endswith(";")):
            continue
        if FILED_COPY.match(para):
            in_items = False
            continue
        candidate = _upper_run(para)
        if title is None and candidate and candidate == para and len(para.split()) <= 8:
            title = para
        elif title and name is None and _is_person(para):
            name = para
    return {"authority": authority, "title": title, "name": name}


def filed_copies(closing: list[str]) -> str | None:
    """The holders of the filed copies, as written after "Lưu:" ("VT, VP"), all of them: also when the
    line wraps after a comma, and when they are parted by ";"."""
    for i, line in enumerate(closing):
        for entry in re.split(r"(?:^|\s)[-–—+•]\s+", _without_signature(line) or ""):
            entry = entry.strip()
            match = FILED_COPY.match(entry)
            if not match:
                continue
            written = entry[match.end():]
            for following in closing[i + 1:]:
                if not written.rstrip().endswith(","):
                    break
                written = f"{written} {_without_signature(following) or ''}"
            holders = [h.strip().rstrip(".;").strip() for h in re.split(r"[,;]", written)]
            holders = [h for h in holders if h]
            return ", ".join(holders) if holders else None
    return None
