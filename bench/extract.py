"""Speed of plan extraction; prints one name=value a line.

    docx_pages_per_s  .docx pages extracted per second (pages as the same plan renders to A4)
    pdf_pages_per_s   text-layer .pdf pages extracted per second (the .docx exported by LibreOffice)
    ocr_s_per_page    seconds per scanned page (Tesseract, lang vie)
    overhead          time of full extraction ÷ time of only reading the text, over the .txt,
                      .docx and .pdf versions of the seed plans

Inputs are made from the seed plans (ingest/tests/fixtures/seeds) the way the tests make them
(LibreOffice's soffice must be on PATH). Run: python bench/extract.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.parser import extract_plan, read_text  # noqa: E402
from ingest.tests.documents import SEEDS, make_documents  # noqa: E402

REPEAT = 7


def best_of(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    """Best wall time of `repeat` runs (after one warm-up run): on a shared machine the other
    runs measure the neighbours as much as the code."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def pages(pdf: Path) -> int:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def scanned(pdf: Path, directory: Path, n_pages: int = 2) -> Path:
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-f", "1", "-l", str(n_pages), str(pdf), str(directory / "scan")],
        check=True,
    )
    images = [Image.open(p).convert("L") for p in sorted(directory.glob("scan-*.png"))]
    path = directory / "scan.pdf"
    images[0].save(path, save_all=True, append_images=images[1:], resolution=150)
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        docs = list(make_documents(sorted(p.stem for p in SEEDS.glob("*.txt")), directory).values())
        n_pages = sum(pages(d["pdf"]) for d in docs)
        timings: dict[str, tuple[float, float]] = {}
        for fmt in ("txt", "docx", "pdf"):
            read = sum(best_of(lambda p=d[fmt]: read_text(p)) for d in docs)
            full = sum(best_of(lambda p=d[fmt]: extract_plan(p)) for d in docs)
            timings[fmt] = (read, full)
        scan = scanned(docs[0]["pdf"], directory)
        ocr = best_of(lambda: extract_plan(scan), repeat=1) / pages(scan)

    read_total = sum(r for r, _ in timings.values())
    full_total = sum(f for _, f in timings.values())
    print(f"docx_pages_per_s={n_pages / timings['docx'][1]:.1f}")
    print(f"pdf_pages_per_s={n_pages / timings['pdf'][1]:.1f}")
    print(f"ocr_s_per_page={ocr:.2f}")
    print(f"overhead={full_total / read_total:.2f}")


if __name__ == "__main__":
    main()
