import unicodedata


def fold(text: str) -> str:
    """Compare Vietnamese names without case, accents or extra spaces."""
    text = unicodedata.normalize("NFD", str(text).strip().lower()).replace("đ", "d")
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())
