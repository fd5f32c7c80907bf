"""Hostile PDFs, written byte by byte: a few KB that cost a careless reader gigabytes or minutes."""

from __future__ import annotations

import zlib

_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, dictionary: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), dictionary, data)


def nested_forms(depth: int = 6, fan: int = 10) -> bytes:
    """One page drawing a Form XObject ten times, which draws the level below ten times, six deep:
    a million drawings from 3 KB."""
    draw = b"".join(b"q 1 0 0 1 %d 0 cm /X Do Q " % i for i in range(fan))
    objects = [
        _CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /X 5 0 R >> >> >>",
        _stream(draw),
    ]
    for level in range(depth):
        last = level == depth - 1
        resources = b"" if last else b"/Resources << /XObject << /X %d 0 R >> >>" % (6 + level)
        objects.append(_stream(b"0 0 m 10 10 l S" if last else draw,
                               b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + resources))
    return _pdf(objects)


def huge_page(points: int = 14400) -> bytes:
    """One page of the largest size PDF allows (200 inches square), covered by a 1-pixel image."""
    return _pdf([
        _CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R"
        b" /Resources << /XObject << /I 5 0 R >> >> >>" % (points, points),
        _stream(b"q %d 0 0 %d 0 0 cm /I Do Q" % (points, points)),
        _stream(zlib.compress(b"\x80"), b"/Type /XObject /Subtype /Image /Width 1 /Height 1"
                b" /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"),
    ])


def many_pages(count: int) -> bytes:
    """`count` blank pages sharing one content stream."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    return _pdf([_CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), _stream(b"")]
                + [page] * count)
