"""Pages per second: full law parse vs pypdfium2 raw text vs pdfplumber extract_text.

Runs on the real LeyesBiblio and Durango PDFs in ../shared/real-samples when present, otherwise on
a generated PDF. Goal (issue 4): the full parse runs at ≥ half of pypdfium2's raw rate.
Usage: ``python bench/bench_parse.py [--plumber-pages N]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.parse.law import parse_law  # noqa: E402

SAMPLES = REPO.parent / "shared" / "real-samples"
REAL_PDFS = ["leyesbiblio/LGPSEDMTP.pdf", "state-laws/durango_ley_victimas.pdf",
             "state-laws/durango_ley_mujeres_vida_sin_violencia.pdf"]  # fmt: skip


def documents() -> list[tuple[str, bytes]]:
    found = [(name, (SAMPLES / name).read_bytes()) for name in REAL_PDFS if (SAMPLES / name).exists()]
    if found:
        return found
    sys.path.insert(0, str(REPO))
    from tests.parse.builders import FEDERAL_BODY, FEDERAL_HEADER, paginate, pdf_from_pages

    return [("generated federal layout", pdf_from_pages(paginate(FEDERAL_BODY * 20, FEDERAL_HEADER)))]


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def cold_parse(content: bytes) -> None:
    """A full parse with the fold() cache emptied first, so repeats do not flatter the parser."""
    from pipeline.parse.dates import fold

    fold.cache_clear()
    parse_law(content)


def pdfium_raw(content: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(content)
    for index in range(len(pdf)):
        pdf[index].get_textpage().get_text_range()
    return len(pdf)


def plumber(content: bytes, limit: int) -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(content)) as pdf:
        for page in pdf.pages[:limit]:
            page.extract_text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plumber-pages", type=int, default=10, help="pdfplumber is slow: time only this many pages")
    args = parser.parse_args()
    print(f"{'document':45} {'pages':>5} {'full parse':>11} {'pypdfium2':>10} {'pdfplumber':>11} {'parse/raw':>9}")
    for name, content in documents():
        pages = pdfium_raw(content)
        parse_rate = pages / timed(lambda c=content: cold_parse(c))
        raw_rate = pages / timed(lambda c=content: pdfium_raw(c))
        limit = min(pages, args.plumber_pages)
        plumber_rate = limit / timed(lambda c=content, n=limit: plumber(c, n), repeat=1)
        print(f"{name[:45]:45} {pages:5d} {parse_rate:9.0f}/s {raw_rate:8.0f}/s {plumber_rate:9.1f}/s {parse_rate / raw_rate:9.2f}")
    print("goal: parse/raw >= 0.50")


if __name__ == "__main__":
    main()
