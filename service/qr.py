"""The QR code that opens a service point's survey: SVG for the page, PNG and PDF to print (segno writes
all three itself)."""

import io

import segno


def _code(url: str):
    return segno.make(url, error="m", micro=False)


def svg(url: str) -> str:
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="svg", scale=6, xmldecl=False, svgns=True, title="QR")
    return buffer.getvalue().decode()


def png(url: str) -> bytes:
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()


def pdf(url: str) -> bytes:
    """A page holding the code alone, about 7 cm wide: printed as it is and stuck on the desk."""
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="pdf", scale=6, border=4)
    return buffer.getvalue()
