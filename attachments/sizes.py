"""File sizes as people read them: 340 KB, 1,5 MB (with the locale's decimal separator)."""

from django.template.defaultfilters import floatformat

KB = 1024
MB = 1024 * KB


def format_size(size: int) -> str:
    if size >= MB:
        return f"{floatformat(size / MB, -1)} MB"
    return f"{floatformat(size / KB, -1)} KB"
