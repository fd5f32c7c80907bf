"""National or provincial: read from the issuer's code in the number, else from the issuer's name."""

import pytest

from legal.levels import Level, issuer_codes, level_of

NATIONAL, PROVINCIAL = Level.NATIONAL, Level.PROVINCIAL


@pytest.mark.parametrize(("number", "level"), [
    ("10/2022/QH15", NATIONAL),  # a law of the National Assembly
    ("1234/NQ-UBTVQH15", NATIONAL),  # the Assembly's Standing Committee
    ("59/2023/NĐ-CP", NATIONAL),  # a decree of the Government
    ("16/CT-TTg", NATIONAL),  # the Prime Minister
    ("36/2024/TT-BTC", NATIONAL),  # a ministry's circular
    ("05/BNV-VP", NATIONAL),  # a ministry's công văn: the drafting unit follows
    ("23-QĐ/TW", NATIONAL),  # central Party bodies
    ("114-KL/TW", NATIONAL),
    ("12-HD/BDVTW", NATIONAL),  # a central Party board
    ("859/KH-UBND", PROVINCIAL),  # the province's People's Committee
    ("12/NQ-HĐND", PROVINCIAL),  # its People's Council
    ("01-NQ/TU", PROVINCIAL),  # the provincial Party committee
    ("04-CTr/BDVTU-BCSĐUBND", PROVINCIAL),  # its boards, jointly with the Party delegation
    ("22/KH-SGTVT", PROVINCIAL),  # a department (Sở)
    ("1234/UBND-VP", PROVINCIAL),  # the People's Committee's công văn
])
def test_the_leading_issuer_code_decides(number, level):
    assert level_of(number) is level


def test_codes_are_read_after_the_type_or_the_party_slash():
    assert issuer_codes("59/2023/NĐ-CP") == ["CP"]
    assert issuer_codes("04-CTr/BDVTU-BCSĐUBND") == ["BDVTU", "BCSĐUBND"]
    assert issuer_codes("05/BNV-VP") == ["BNV"]
    assert issuer_codes("no number") == []


@pytest.mark.parametrize(("issuer", "level"), [
    ("Bộ Nội vụ", NATIONAL),
    ("Ban Chấp hành Trung ương", NATIONAL),
    ("Ủy ban nhân dân tỉnh Tây Ninh", PROVINCIAL),
])
def test_an_unknown_code_leaves_the_issuer_name_to_decide(issuer, level):
    assert level_of("15/KH-XYZ", issuer) is level


def test_what_nothing_tells_stays_with_the_province():
    assert level_of("15/KH-XYZ") is PROVINCIAL
    assert level_of("15") is PROVINCIAL
