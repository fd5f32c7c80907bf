"""Vietnamese text typed in the legacy 8-bit encodings, converted to Unicode.

TCVN3 (TCVN 5712:1993, the "ABC" fonts .VnTime, .VnArial): one byte per letter; each toned
lower-case letter has its own code point, the capitals have only Ă Â Ê Ô Ơ Ư Đ (toned capitals
were typed in the "H" fonts, .VnTimeH, at the lower-case code points).
VNI (VNI-Windows, the VNI-Times fonts): a base letter followed by one byte for its mark and tone
("aù" is "á", "oâ" is "ô", "oá" is "ố"); ơ ư đ and the toned i, ỵ are single bytes.

A legacy file's bytes, or a document's characters in a legacy font, arrive as the Latin-1 /
Windows-1252 characters of those bytes. The tables below map each Vietnamese letter with its tone
to its one or two legacy characters; decoding takes the longest sequence that matches.
"""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "tcvn3"
VNI = "vni"

# The letters with their five tones, in the order: none, sắc, huyền, hỏi, ngã, nặng.
_TONED = {
    "a": "aáàảãạ",
    "ă": "ăắằẳẵặ",
    "â": "âấầẩẫậ",
    "e": "eéèẻẽẹ",
    "ê": "êếềểễệ",
    "i": "iíìỉĩị",
    "o": "oóòỏõọ",
    "ô": "ôốồổỗộ",
    "ơ": "ơớờởỡợ",
    "u": "uúùủũụ",
    "ư": "ưứừửữự",
    "y": "yýỳỷỹỵ",
}

# TCVN 5712:1993 (VN3): code points of the lower-case letters, tone order as above.
_TCVN3_CODES = {
    "a": (None, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": (None, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (None, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (None, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (None, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": (None, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
_TCVN3_SINGLE = {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}

# VNI-Windows: the tone bytes after a vowel (sắc, huyền, hỏi, ngã, nặng), the mark-and-tone bytes
# after a, e, o for â ê ô and after a for ă, and the single-byte letters.
_VNI_TONES = "ùøûõï"
_VNI_CIRCUMFLEX = "âáàåãä"  # no tone, then the five tones
_VNI_BREVE = "êéèúüë"
_VNI_SINGLE = {
    "ơ": "ô",
    "ư": "ö",
    "đ": "ñ",
    "í": "í",
    "ì": "ì",
    "ỉ": "æ",
    "ĩ": "ó",
    "ị": "ò",
    "ỵ": "î",
}


def _tcvn3_table() -> dict[str, str]:
    table = {}
    for base, letters in _TONED.items():
        for letter, code in zip(letters, _TCVN3_CODES[base], strict=True):
            if code is not None:
                table[letter] = chr(code)
    table.update({letter: chr(code) for letter, code in _TCVN3_SINGLE.items()})
    return table


def _vni_table() -> dict[str, str]:
    lower: dict[str, str] = {}
    for base in "aeiouy":
        for tone, letter in enumerate(_TONED[base][1:]):
            lower[letter] = base + _VNI_TONES[tone]
    for base, hatted in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for tone, letter in enumerate(_TONED[hatted]):
            lower[letter] = base + _VNI_CIRCUMFLEX[tone]
    for tone, letter in enumerate(_TONED["ă"]):
        lower[letter] = "a" + _VNI_BREVE[tone]
    for base, single in (("ơ", "ô"), ("ư", "ö")):
        for tone, letter in enumerate(_TONED[base][1:]):
            lower[letter] = single + _VNI_TONES[tone]
    lower.update(_VNI_SINGLE)
    table = dict(lower)
    for letter, code in lower.items():
        table[letter.upper()] = code.upper()
    return table


ENCODE = {TCVN3: _tcvn3_table(), VNI: _vni_table()}
DECODE = {name: {code: letter for letter, code in table.items()} for name, table in ENCODE.items()}
_DECODER = {
    name: re.compile("|".join(re.escape(code) for code in sorted(table, key=len, reverse=True)))
    for name, table in DECODE.items()
}


def to_unicode(text: str, encoding: str) -> str:
    """`text` (legacy characters as Latin-1 / Windows-1252) in Unicode NFC."""
    table = DECODE[encoding]
    text = unicodedata.normalize("NFC", _DECODER[encoding].sub(lambda m: table[m.group(0)], text))
    return _capital_lines(text) if encoding == TCVN3 else text


def toned_capitals(words: list[str]) -> bool:
    return any(sum(c.isascii() and c.isalpha() for c in w) >= 2 for w in words)


def _capital_lines(text: str) -> str:
    """TCVN3 has no toned capitals: a line whose Latin letters are all capitals and whose toned
    words show it ("KÕ HO¹CH": two of them, or one with two capitals) was typed in capitals
    throughout, so its toned letters are capitals too (also "ñY BAN", beside two words in capitals).
    "Sè: 12/KH-UBND" stays as it is."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
        if len(ascii_letters) < 3 or not all(c.isupper() for c in ascii_letters) or line.isupper():
            continue
        toned = [w for w in line.split() if any(c.islower() and not c.isascii() for c in w)]
        capitals = [w for w in line.split() if w.isupper() and sum(c.isalpha() for c in w) >= 2]
        if len(toned) >= 2 or (toned and len(capitals) >= 2) or toned_capitals(toned):
            lines[i] = line.upper()
    return "\n".join(lines)


def from_unicode(text: str, encoding: str) -> str:
    """The legacy characters of Unicode `text`; toned capitals TCVN3 lacks are written lower case."""
    table = ENCODE[encoding]
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out.append(table[ch])
        elif encoding == TCVN3 and ch.lower() in table and ch.isupper():
            out.append(table[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


# Unicode Vietnamese letters that Latin-1 lacks: their presence says the text is Unicode already.
_UNICODE_VI = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")
_HIGH = re.compile("[\u00a0-\u00ff]")
# Words every Vietnamese administrative text uses; a right conversion gives many of them.
_COMMON_WORDS = (
    "của và các công tác thực hiện được năm trong đơn vị cơ quan theo người nhân dân việc những "
    "với có không đến về này cho tỉnh huyện xã phường kế hoạch chính quyền dân vận nhà nước cán bộ"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def common_share(text: str) -> float:
    """Share of the words of `text` (its first 20,000 characters) that are everyday Vietnamese words."""
    words = re.findall(r"\w+", text[:20000].casefold())
    return sum(w in _COMMON for w in words) / max(1, len(words))


def detect(text: str) -> str | None:
    """TCVN3 or VNI when `text` reads as Vietnamese only once converted from it, else None."""
    sample = text[:20000]
    high = len(_HIGH.findall(sample))
    if high < 5 or len(_UNICODE_VI.findall(sample)) > high // 10:
        return None
    base = common_share(sample)
    best, best_share = None, base
    for encoding in (TCVN3, VNI):
        share = common_share(to_unicode(sample, encoding))
        if share > best_share + 0.02:
            best, best_share = encoding, share
    return best


def fix_legacy(text: str) -> str:
    """`text` converted to Unicode when it is in a legacy encoding, unchanged otherwise."""
    encoding = detect(text)
    return to_unicode(text, encoding) if encoding else text
