"""Whose register a cited document belongs to: the national catalogue or its province's.

Read from the issuer codes in its number (Nghị định 30/2020: "16/CT-TTg", "59/2023/NĐ-CP",
"23-QĐ/TW", "859/KH-UBND", "05/BNV-VP"), else from the issuer's name. The tables below are the
rules; a code none of them knows leaves the document to its province, where the coordinator
confirms it (a national document filed under a province is merged into the catalogue later,
a provincial one filed as national would be shown to every province).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class Level(StrEnum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"


# Issuer codes of national bodies: the Government, the Prime Minister, the President, the State
# audit, courts and procuracy, ministries and ministry-level bodies (before and after 2025).
NATIONAL_CODES = frozenset({
    "CP", "TTG", "VPCP", "CTN", "KTNN", "TANDTC", "VKSNDTC", "ĐCSVN",
    "BNV", "BTC", "BCA", "BQP", "BNG", "BTP", "BKHĐT", "BCT", "BNNPTNT", "BNNMT", "BGTVT", "BXD", "BTNMT",
    "BTTTT", "BLĐTBXH", "BVHTTDL", "BKHCN", "BGDĐT", "BYT", "BDTTG", "NHNN", "TTCP", "UBDT",
})
# Code shapes of national bodies: the National Assembly and its Standing Committee (QH15,
# UBTVQH15), and central Party bodies (TW, BDVTW, BTGTW, VPTW…; "TƯ" is also Trung ương).
NATIONAL_PATTERNS = (re.compile(r"^(UBTV)?QH\d*$"), re.compile(r"(TW|TƯ)$"))

# Issuer codes of a province's own bodies: People's Committee and Council, the provincial Party
# committee and its boards (TU, BDVTU, BTGTU…), its Party delegation (BCSĐ…), its departments (Sở).
PROVINCIAL_CODES = frozenset({"UBND", "HĐND", "TU", "ĐĐBQH"})
PROVINCIAL_PATTERNS = (re.compile(r"TU$"), re.compile(r"^BCSĐ"), re.compile(r"UBND|HĐND"),
                       re.compile(r"^S[A-ZĐ]{1,8}$"))

# Type codes (Nghị định 30/2020, Phụ lục III, and the Party's): what precedes the issuer in a
# state document's symbol ("KH" in 859/KH-UBND). A công văn has none ("05/BNV-VP").
TYPE_CODES = frozenset({
    "NQ", "QĐ", "CT", "QC", "QYĐ", "TB", "HD", "CTR", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTR", "HĐ", "CĐ",
    "GM", "GGT", "TT", "TTLT", "NQLT", "NĐ", "KL", "L", "PL", "LT", "GUQ", "GNP", "PC", "PG", "PB", "TC",
})

# Words of an issuer's name, when the number has no code the tables know.
NATIONAL_NAMES = ("Quốc hội", "Chính phủ", "Thủ tướng", "Chủ tịch nước", "Trung ương", "Bộ Chính trị",
                  "Ban Bí thư")
NATIONAL_NAME_PREFIXES = ("Bộ ",)
PROVINCIAL_NAMES = ("tỉnh", "Tỉnh ủy", "Thành ủy", "Thành phố", "thành phố", "Sở ", "UBND", "HĐND",
                    "Ủy ban nhân dân", "Hội đồng nhân dân")


def issuer_codes(number: str) -> list[str]:
    """The issuers' codes in a number, leading issuer first ("04-CTr/BDVTU-BCSĐUBND" → BDVTU, BCSĐUBND)."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFC", number or "")).upper()
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    head, _, rest = text.partition("/")
    if not rest:
        return []
    if re.match(r"^\d+-", head):
        # Party documents: "23-QĐ/TW" — the type before the slash, the issuers after it.
        return [code for code in rest.replace("/", "-").split("-") if code]
    # State documents: "59/2023/NĐ-CP", "10/2022/QH15", "859/KH-UBND", "05/BNV-VP".
    parts = [part for part in rest.split("/") if part and not part.isdigit()]
    if not parts:
        return []
    codes = [code for code in parts[0].split("-") if code]
    if codes and codes[0] in TYPE_CODES:
        return codes[1:]
    # A công văn: the issuer, then the drafting unit ("VP"), which says nothing of the level.
    return codes[:1]


def code_level(code: str) -> Level | None:
    code = code.upper()
    if code in NATIONAL_CODES or any(pattern.search(code) for pattern in NATIONAL_PATTERNS):
        return Level.NATIONAL
    if code in PROVINCIAL_CODES or any(pattern.search(code) for pattern in PROVINCIAL_PATTERNS):
        return Level.PROVINCIAL
    return None


def name_level(issuer: str) -> Level | None:
    issuer = unicodedata.normalize("NFC", issuer or "").strip()
    if any(word in issuer for word in NATIONAL_NAMES) or issuer.startswith(NATIONAL_NAME_PREFIXES):
        return Level.NATIONAL
    if any(word in issuer for word in PROVINCIAL_NAMES):
        return Level.PROVINCIAL
    return None


def level_of(number: str, issuer: str = "") -> Level:
    """National or provincial: the leading issuer's code decides, else the issuer's name, else provincial."""
    for code in issuer_codes(number)[:1]:
        if (level := code_level(code)) is not None:
            return level
    return name_level(issuer) or Level.PROVINCIAL
