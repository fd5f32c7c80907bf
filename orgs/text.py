import unicodedata


def fold(text: str) -> str:
    """Compare Vietnamese names without case, accents or extra spaces."""
    text = unicodedata.normalize("NFD", str(text).strip().lower()).replace("đ", "d")
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


# Vietnamese alphabetical order; tones are compared only after the letters.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng
# Marks that make a letter of its own (ă â ê ô ơ ư) rather than a tone.
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def _letters_and_tones(word: str) -> tuple[str, str]:
    letters, tones = [], []
    for char in word.lower():
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", parts[0] + "".join(m for m in parts[1:] if m in LETTER_MARKS))
        index = ALPHABET.find(base)
        # Two digits a letter (10–42), 01 anything else: digits order alike under every collation.
        letters.append(f"{index + 10:02d}" if index >= 0 else "01")
        tones.append(str(max((TONES.get(m, 0) for m in parts[1:]), default=0)))
    return "".join(letters), "".join(tones)


def name_sort_key(full_name: str) -> str:
    """The key Vietnamese rosters sort by: the given name (tên) first, then the family and middle
    names, each in Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after letters).
    Digits only, so SQLite and PostgreSQL (whatever its collation) order it the same way."""
    words = " ".join(str(full_name).split()).split(" ")
    given, rest = words[-1], " ".join(words[:-1])
    given_letters, given_tones = _letters_and_tones(given)
    rest_letters, rest_tones = _letters_and_tones(rest)
    return f"{given_letters}00{rest_letters}00{given_tones}{rest_tones}"[:255]
