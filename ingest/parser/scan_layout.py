"""The layout of a scanned page, found in its pixels before Tesseract reads it.

Tesseract's own page segmentation runs the two columns of a plan's header (issuing body on the
left, national motto and "place, date" line on the right) and of its closing ("Nơi nhận" beside
the signature) into single lines, and reads the ruling of a table as letters while it runs the
cells of a row together. So the page is prepared first:

- ruling lines (long straight runs of ink, across or down) are found and painted out; where they
  cross into a grid, the grid's cells are kept, so that the words read in a cell are put back
  into that cell (`Table`);
- the rest of the page is cut into strips (rows of ink between white rows); a strip, or a run of
  strips, with one wide white gutter down it is two columns, and is laid out again as its left
  column above its right one, the reading order of such a block.

Tesseract then reads the page so prepared, in one run. Pillow only: runs of ink are found with
regular expressions over the bytes of a thresholded image, which is as fast as array code here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

INK_BELOW = 160  # grey level under which a pixel is ink
# A straight run of ink at least this long is a ruling line: across, this share of the page's
# width (a long dash is one em, some 2% of a page); down, this share of its height (a tall letter
# is under 2%).
RULE_ACROSS = 0.10
RULE_DOWN = 0.03
# A white gap down a strip at least this share of the page's width is a gutter between two
# columns (a tab after a list mark, or the wide space of a justified line, stay well under it).
GUTTER = 0.04
# Once a block of two columns is open, a strip goes on with it where a narrower gap runs down the
# block's gutter (a long line of one column reaching towards the other).
GUTTER_GOING_ON = 0.02
STRIP_GAP_PX = 2  # white rows within a strip (the gaps inside a letter's marks)
COLUMN_GAP = 0.02  # of the page's height: white left between the two columns laid one above the other


@dataclass
class Table:
    """A ruled grid: for each of its rows, the (x0, x1) of each cell; `top` and `bottom` of each
    row. Coordinates are those of the prepared image."""

    rows: list[tuple[int, int, list[tuple[int, int]]]] = field(default_factory=list)  # (top, bottom, cells)

    @property
    def box(self) -> tuple[int, int, int, int]:
        x0 = min(c[0] for _, _, cells in self.rows for c in cells)
        x1 = max(c[1] for _, _, cells in self.rows for c in cells)
        return x0, self.rows[0][0], x1, self.rows[-1][1]

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        for r, (top, bottom, cells) in enumerate(self.rows):
            if top <= y < bottom:
                for c, (x0, x1) in enumerate(cells):
                    if x0 <= x < x1:
                        return r, c
                return None
        return None


@dataclass
class Prepared:
    image: Image.Image
    tables: list[Table]


def _runs(data: bytes, width: int, height: int, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of ink at least `min_len` long along the rows of a
    thresholded image (ink is 0xFF)."""
    pattern = re.compile(rb"\xff{%d,}" % min_len)
    out = []
    for y in range(height):
        row = data[y * width : (y + 1) * width]
        if b"\xff" * min_len in row:
            out.extend((y, m.start(), m.end()) for m in pattern.finditer(row))
    return out


def _lines(runs: list[tuple[int, int, int]]) -> list[list[int]]:
    """Runs on neighbouring rows that overlap merged into lines [first row, last row, start, end]."""
    lines: list[list[int]] = []
    open_: list[list[int]] = []
    for y, a, b in runs:
        for line in open_:
            if line[1] >= y - 1 and a < line[3] and b > line[2]:
                line[1], line[2], line[3] = y, min(line[2], a), max(line[3], b)
                break
        else:
            line = [y, y, a, b]
            lines.append(line)
            open_.append(line)
        open_ = [ln for ln in open_ if ln[1] >= y - 1]
    return [ln for ln in lines if ln[1] - ln[0] <= 8]  # a thick block of ink is no line


def _cluster(values: list[int], tol: int) -> list[int]:
    out: list[list[int]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [round(sum(c) / len(c)) for c in out]


def _tables(across: list[list[int]], down: list[list[int]], tol: int) -> list[Table]:
    """Grids of ruling lines: lines across (y0, y1, x0, x1) joined by lines down (x0, x1, y0, y1)."""
    # Connected groups of crossing lines.
    nodes = [("a", ln) for ln in across] + [("d", ln) for ln in down]
    parent = list(range(len(nodes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (ki, a) in enumerate(nodes):
        if ki != "a":
            continue
        for j, (kj, d) in enumerate(nodes):
            if kj == "d" and a[2] - tol <= d[0] <= a[3] + tol and d[2] - tol <= a[0] <= d[3] + tol:
                parent[find(i)] = find(j)
    groups: dict[int, list[tuple[str, list[int]]]] = {}
    for i, node in enumerate(nodes):
        groups.setdefault(find(i), []).append(node)
    tables = []
    for group in groups.values():
        hs = [ln for k, ln in group if k == "a"]
        vs = [ln for k, ln in group if k == "d"]
        if len(hs) < 2 or len(vs) < 2:
            continue
        ys = _cluster([(h[0] + h[1]) // 2 for h in hs], tol)
        table = Table()
        for top, bottom in zip(ys, ys[1:], strict=False):
            mid = (top + bottom) / 2
            xs = _cluster([(v[0] + v[1]) // 2 for v in vs if v[2] - tol <= mid <= v[3] + tol], tol)
            cells = list(zip(xs, xs[1:], strict=False))
            if cells and bottom - top > tol:
                table.rows.append((top, bottom, cells))
        if table.rows and any(len(cells) >= 2 for _, _, cells in table.rows):
            tables.append(table)
    return sorted(tables, key=lambda t: t.rows[0][0])


def _ink_rows(data: bytes, width: int, height: int) -> list[bool]:
    return [b"\xff" in data[y * width : (y + 1) * width] for y in range(height)]


def _strips(ink: list[bool], skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Vertical ranges of ink rows, a table's range being one strip of its own."""
    strips: list[tuple[int, int]] = []
    y, height = 0, len(ink)
    while y < height:
        table = next((t for t in skip if t[0] <= y < t[1]), None)
        if table:
            strips.append(table)
            y = table[1]
            continue
        if not ink[y]:
            y += 1
            continue
        start, last = y, y
        while y < height and not any(t[0] <= y < t[1] for t in skip):
            if ink[y]:
                last = y
            elif y - last > STRIP_GAP_PX:
                break
            y += 1
        strips.append((start, last + 1))
    return strips


def _gutters(image: Image.Image, top: int, bottom: int, min_width: int) -> tuple[list[tuple[int, int]], int, int]:
    """White gaps down the strip at least `min_width` wide, between its first and last ink, and
    that ink's extent."""
    strip = image.crop((0, top, image.width, bottom)).transpose(Image.Transpose.TRANSPOSE)
    data = strip.tobytes()
    h = bottom - top
    ink = [b"\xff" in data[x * h : (x + 1) * h] for x in range(image.width)]
    xs = [x for x, v in enumerate(ink) if v]
    if not xs:
        return [], 0, 0
    gaps, start = [], None
    for x in range(xs[0], xs[-1] + 1):
        if not ink[x]:
            start = x if start is None else start
        elif start is not None:
            if x - start >= min_width:
                gaps.append((start, x))
            start = None
    return gaps, xs[0], xs[-1] + 1


def prepare(page: Image.Image) -> Prepared:
    """The page with its ruling painted out and its two-column blocks laid out one column above
    the other, and the grids of its tables (in the coordinates of the prepared image)."""
    page = page.convert("L")
    width, height = page.size
    mask = page.point(lambda v: 255 if v < INK_BELOW else 0)
    data = mask.tobytes()
    across = _lines(_runs(data, width, height, max(20, int(RULE_ACROSS * width))))
    turned = mask.transpose(Image.Transpose.TRANSPOSE)
    down = _lines(_runs(turned.tobytes(), height, width, max(20, int(RULE_DOWN * height))))
    across_boxes = [(ln[2], ln[0], ln[3], ln[1]) for ln in across]  # x0, y0, x1, y1
    down_boxes = [(ln[0], ln[2], ln[1], ln[3]) for ln in down]
    tol = max(4, width // 200)
    tables = _tables(
        [[b[1], b[3], b[0], b[2]] for b in across_boxes], [[b[0], b[2], b[1], b[3]] for b in down_boxes], tol
    )
    if across_boxes or down_boxes:
        clean, clean_mask = page.copy(), mask.copy()
        for draw, fill in ((ImageDraw.Draw(clean), 255), (ImageDraw.Draw(clean_mask), 0)):
            for x0, y0, x1, y1 in across_boxes + down_boxes:
                draw.rectangle((x0 - 1, y0 - 1, x1 + 1, y1 + 1), fill=fill)
        page, mask = clean, clean_mask
    table_ranges = [(t.box[1], t.box[3]) for t in tables]
    strips = _strips(_ink_rows(mask.tobytes(), width, height), table_ranges)
    blocks = _blocks(mask, strips, table_ranges, int(GUTTER * width), int(GUTTER_GOING_ON * width))
    if not any(split is not None for *_, split in blocks):
        return Prepared(page, tables)
    # Lay the page out again: each two-column block as its left column above its right one.
    gap = int(COLUMN_GAP * height)
    extra = sum(b - t + gap for t, b, split in blocks if split is not None)
    out = Image.new("L", (width, height + extra), 255)
    shift, y_done = 0, 0
    moved: list[tuple[int, int, int]] = []  # (top, bottom, shift) of what stays whole
    for top, bottom, split in blocks:
        if split is None:
            continue
        out.paste(page.crop((0, y_done, width, top)), (0, y_done + shift))
        moved.append((y_done, top, shift))
        out.paste(page.crop((0, top, split, bottom)), (0, top + shift))
        shift += bottom - top + gap
        out.paste(page.crop((split, top, width, bottom)), (split, top + shift))
        y_done = bottom
    out.paste(page.crop((0, y_done, width, height)), (0, y_done + shift))
    moved.append((y_done, height, shift))
    for table in tables:
        s = next((s for t, b, s in moved if t <= table.rows[0][0] < b), 0)
        table.rows = [(top + s, bottom + s, cells) for top, bottom, cells in table.rows]
    return Prepared(out, tables)


def _blocks(mask: Image.Image, strips: list[tuple[int, int]], tables: list[tuple[int, int]],
            min_gutter: int, min_going_on: int) -> list[tuple[int, int, int | None]]:
    """(top, bottom, split) of runs of strips: `split` is the x of the gutter of a two-column
    block, None for a strip read as it is."""
    found: list[tuple[int, int, int | None]] = []
    band: list | None = None  # [top, bottom, gutter x0, gutter x1, strips since the last two-column one]
    line_h = sorted(b - t for t, b in strips)[len(strips) // 2] if strips else 0

    def close() -> None:
        # Strips in one column right after the block (the rest of a longer "Nơi nhận" list)
        # belong to it; the first strip that crosses the gutter, or a wide white gap, ends it.
        nonlocal band
        if band:
            found.append((band[0], band[4][-1][1] if band[4] else band[1], (band[2] + band[3]) // 2))
        band = None

    for top, bottom in strips:
        if (top, bottom) in tables:
            close()
            found.append((top, bottom, None))
            continue
        gaps, x0, x1 = _gutters(mask, top, bottom, min_going_on if band else min_gutter)
        # One gutter between two columns of some width (not a list mark and its text, nor a
        # number left blank: "Số:      /KH-UBND").
        across = [g for g in gaps if band and max(band[2], g[0]) < min(band[3], g[1])]
        if len(across) == 1:  # a strip split by the block's gutter goes on with it
            g0, g1 = across[0]
            band[1], band[2], band[3], band[4] = bottom, max(band[2], g0), min(band[3], g1), []
            continue
        gaps = [g for g in gaps if g[1] - g[0] >= min_gutter]
        if len(gaps) == 1 and min(gaps[0][0] - x0, x1 - gaps[0][1]) >= 4 * line_h:
            g0, g1 = gaps[0]
            close()
            band = [top, bottom, g0, g1, []]
            continue
        fits = band is not None and not gaps and (x1 <= band[2] or x0 >= band[3])
        near = band is not None and top - (band[4][-1][1] if band[4] else band[1]) <= 3 * max(line_h, 1)
        if fits and near:
            band[4].append((top, bottom))  # one column only: part of the block if another two-column strip follows
            continue
        close()
        found.append((top, bottom, None))
    close()
    return found
