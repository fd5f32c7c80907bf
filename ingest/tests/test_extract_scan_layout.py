"""A scanned page is laid out before Tesseract reads it (ingest/parser/scan_layout.py): ruling lines
painted out and the grid of a ruled table kept, a block of two columns laid out one column above the
other, running text left as it is."""

from PIL import Image, ImageDraw, ImageFont

from ingest.parser import scan_layout

FONT = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 30)
WIDTH, HEIGHT = 1654, 2339  # A4 at 200 dpi


def _page():
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    # Header: two columns whose lines do not line up.
    for i, text in enumerate(["ỦY BAN NHÂN DÂN", "XÃ BÌNH MINH", "Số: 47/KH-UBND"]):
        draw.text((200, 150 + 70 * i), text, font=FONT, fill=0)
    for i, text in enumerate(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "Độc lập - Tự do - Hạnh phúc", "Bình Minh, ngày 18"]):
        draw.text((900, 170 + 60 * i), text, font=FONT, fill=0)
    # Running text across the page.
    draw.text((200, 600), "Căn cứ Kế hoạch số 112/KH-UBND ngày 05/02/2025 của Ủy ban nhân dân huyện", font=FONT, fill=0)
    # A ruled table: 3 columns, 3 rows.
    xs, ys = [200, 300, 900, 1450], [800, 870, 1000, 1130]
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=2)
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=0, width=2)
    draw.text((215, 815), "STT", font=FONT, fill=0)
    draw.text((315, 815), "Nội dung", font=FONT, fill=0)
    draw.text((215, 900), "1", font=FONT, fill=0)
    return image


def test_a_ruled_table_keeps_its_grid_and_loses_its_lines():
    prepared = scan_layout.prepare(_page())
    assert len(prepared.tables) == 1
    table = prepared.tables[0]
    assert [len(cells) for _, _, cells in table.rows] == [3, 3, 3]
    top, bottom, cells = table.rows[0]
    assert table.cell_of(330, (top + bottom) / 2) == (0, 1)
    assert prepared.image.getpixel((600, top)) == 255  # the rule across is painted out
    assert prepared.image.getpixel((cells[1][0], (top + bottom) // 2)) == 255  # and the rule down


def test_a_two_column_block_is_laid_out_one_column_above_the_other():
    prepared = scan_layout.prepare(_page())
    image = prepared.image
    assert image.height > HEIGHT
    ink = image.point(lambda v: 255 if v < scan_layout.INK_BELOW else 0)
    left_rows = [y for y in range(image.height) if ink.crop((150, y, 700, y + 1)).getbbox()]
    right_rows = [y for y in range(image.height) if ink.crop((850, y, 1600, y + 1)).getbbox()]
    # The right column starts below the end of the left one.
    assert min(right_rows) > max(y for y in left_rows if y < 500)
    # The table is shifted down with the rest of the page, its grid too.
    assert prepared.tables[0].rows[0][0] > 800


def test_running_text_only_is_left_as_it_is():
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    for i in range(10):
        draw.text((200, 200 + 50 * i), "Nâng cao chất lượng, hiệu quả công tác dân vận chính quyền", font=FONT, fill=0)
    prepared = scan_layout.prepare(image)
    assert prepared.tables == [] and prepared.image.size == image.size
    assert list(prepared.image.getdata()) == list(image.getdata())
