"""``make bench``: the performance goals of issue 17 as ratios, measured side by side, printed as ONE JSON object.

Every ratio compares two things measured in the same rounds, interleaved (A, B, A, B, …), and takes the
median of each, so machine load hits both sides alike and no ratio can come from two unrelated best-ofs.

* ``parse_vs_pypdfium2``      full law parse rate ÷ raw pypdfium2 text rate (same PDF)           goal ≥ 0.5
* ``parse_vs_pdfplumber``     full law parse rate ÷ pdfplumber extract_text rate                 goal ≥ 1
* ``build_path_vs_pypdfium2`` what the build does per PDF (parse + its source's text) ÷ raw rate   goal ≥ 0.5
* ``no_change_vs_full_build`` a rebuild with nothing changed ÷ a full build                        goal ≤ 0.05
* ``corpus_10x_vs_1x``        parsing 10 distinct documents ÷ parsing 1                            goal ≤ 11
* ``status_vs_build``         ``status --as-of`` (connect, derive, render) ÷ a full build          goal ≤ 0.01
* ``status_cli_vs_build_cli`` both through fresh ``python -m pipeline`` processes (start-up included; reported)

The corpus is the committed registry plus a raw store holding the real LeyesBiblio index and LGPSEDMTP PDF
from ../shared/real-samples when present (else the test fixtures and a generated PDF).
Usage: ``python bench/bench.py [--rounds N] [--build-rounds N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SAMPLES = REPO.parent / "shared" / "real-samples" / "leyesbiblio"


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(rounds: int, **fns) -> dict[str, float]:
    """Median seconds of each function, measured in alternation within every round."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            times[name].append(_timed(fn))
    return {name: statistics.median(values) for name, values in times.items()}


# -- what is measured -------------------------------------------------------------------------------


def law_pdf() -> bytes:
    real = SAMPLES / "LGPSEDMTP.pdf"
    if real.exists():
        return real.read_bytes()
    from tests.parse.builders import FEDERAL_BODY, FEDERAL_HEADER, paginate, pdf_from_pages

    return pdf_from_pages(paginate(FEDERAL_BODY * 20, FEDERAL_HEADER))


def _forget_memos() -> None:
    """Cold runs: no fold() cache, no memoised extraction."""
    from pipeline.parse import extract
    from pipeline.parse.dates import fold

    fold.cache_clear()
    extract._RECENT.clear()


def pdfium_raw(content: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(content)
    try:
        for index in range(len(pdf)):
            pdf[index].get_textpage().get_text_range()
        return len(pdf)
    finally:
        pdf.close()


def plumber(content: bytes, pages: int) -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(content)) as pdf:
        for page in pdf.pages[:pages]:
            page.extract_text()


def cold_parse(content: bytes) -> None:
    from pipeline.parse.law import parse_law

    _forget_memos()
    parse_law(content)


def build_path(content: bytes) -> None:
    """Per PDF, the build parses the law (parse cache cold) and its source reads the abrogation phrases."""
    from pipeline.core.records import Instrument
    from pipeline.parse.versions import law_version, parse_session
    from pipeline.sources.federal.leyesbiblio.source import abrogated_laws, pdf_text

    _forget_memos()
    law = Instrument("MX", "lgpsedmtp", "Ley General", "ley_general")
    with parse_session(None):
        law_version(content, law, _evidence(content))
    abrogated_laws(pdf_text(content))


def _evidence(content: bytes):
    import hashlib

    from pipeline.core.records import Evidence

    return Evidence(kind="scraped", source="leyesbiblio", sha256=hashlib.sha256(content).hexdigest())


def parse_corpus(documents: list[bytes]) -> None:
    from pipeline.core.records import Instrument
    from pipeline.parse.versions import law_version, parse_session

    _forget_memos()
    law = Instrument("MX", "lgpsedmtp", "Ley General", "ley_general")
    with parse_session(None) as session:
        for content in documents:
            law_version(content, law, _evidence(content))
    assert session.parsed == len(documents), session.unparsed


def variants(content: bytes, n: int) -> list[bytes]:
    """n distinct documents (different sha256, so nothing is served from a cache) of the same size."""
    return [content + f"\n% bench variant {i}\n".encode() for i in range(n)]


# -- the corpus -------------------------------------------------------------------------------------


def make_corpus(root: Path, pdf: bytes) -> Path:
    from pipeline.fetch.store import RawStore
    from pipeline.sources.federal import dof, leyesbiblio
    from tests.e2e.test_federal_offline import FIXTURES

    data = root / "data"
    for folder in ("registry", "reference"):
        shutil.copytree(REPO / "data" / folder, data / folder)
    store = RawStore(data / "raw")
    index = SAMPLES / "index.htm"
    pages = {
        leyesbiblio.INDEX_URL: index.read_bytes() if index.exists() else (FIXTURES / "leyesbiblio" / "index_small.htm").read_bytes(),
        leyesbiblio.BASE + "ref/lgpsedmtp.htm": (FIXTURES / "leyesbiblio" / "ref_lgpsedmtp.htm").read_bytes(),
        leyesbiblio.BASE + "pdf/LGPSEDMTP.pdf": pdf,
    }
    for day in ("14-06-2012", "19-03-2014", "19-01-2018", "20-05-2021", "05-04-2023", "07-06-2024", "27-11-2007"):
        url = dof.sidof_day_url(dt.datetime.strptime(day, "%d-%m-%Y").date())
        pages[url] = (FIXTURES / "sidof" / f"notas_{day}.json").read_bytes()
    for url, content in pages.items():
        store.put(content, source="leyesbiblio", url=url, http_status=200,
                  retrieved_at="2026-01-15T12:00:00Z", encoding="cp1252" if url.endswith(".htm") else None)  # fmt: skip
    return data


def status_in_process(paths) -> None:
    from pipeline.derive.status import status_rows
    from pipeline.publish import render
    from pipeline.store.db import connect_read_only

    con = connect_read_only(paths.database)
    try:
        render.render_json(status_rows(con, dt.date(2020, 1, 1)))
    finally:
        con.close()


def status_cli(paths) -> None:
    subprocess.run([sys.executable, "-m", "pipeline", "--data-dir", str(paths.root), "status", "--as-of", "2020-01-01",
                    "--format", "json"], cwd=REPO, check=True, capture_output=True)  # fmt: skip


def build_cli(paths) -> None:
    shutil.rmtree(paths.cache, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pipeline", "--data-dir", str(paths.root), "build", "--force", "--quiet",
                    "--allow-shrink"], cwd=REPO, check=True, capture_output=True)  # fmt: skip


def measure_builds(data: Path, rounds: int) -> dict[str, float]:
    from pipeline.build import build
    from pipeline.core.paths import DataPaths

    paths = DataPaths(data)

    def full() -> None:
        shutil.rmtree(paths.cache, ignore_errors=True)
        _forget_memos()
        result = build(paths, force=True, allow_shrink=True)
        assert result.validation["success"] and result.scraped_records > 0, result.unparsed

    def no_change() -> None:
        assert build(paths).up_to_date

    full()  # the first publication (and warm imports, for both sides alike)
    return interleaved(rounds, full=full, no_change=no_change, status=lambda: status_in_process(paths),
                       full_cli=lambda: build_cli(paths), status_cli=lambda: status_cli(paths))  # fmt: skip


# -- report ----------------------------------------------------------------------------------------


def ratio(value: float, goal: str) -> dict:
    op, bound = goal.split()
    met = value >= float(bound) if op == ">=" else value <= float(bound)
    return {"value": round(value, 4), "goal": goal, "met": met}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds of the parser measurements")
    parser.add_argument("--build-rounds", type=int, default=5, help="interleaved rounds of the build measurements")
    parser.add_argument("--plumber-pages", type=int, default=10, help="pdfplumber is slow: time this many pages")
    args = parser.parse_args()

    pdf = law_pdf()
    pages = pdfium_raw(pdf)
    plumber_pages = min(pages, args.plumber_pages)
    parse = interleaved(args.rounds, raw=lambda: pdfium_raw(pdf), parse=lambda: cold_parse(pdf),
                        build_path=lambda: build_path(pdf), plumber=lambda: plumber(pdf, plumber_pages))  # fmt: skip
    corpus = interleaved(args.rounds, one=lambda: parse_corpus(variants(pdf, 1)),
                         ten=lambda: parse_corpus(variants(pdf, 10)))  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="proteja-bench-") as tmp:
        builds = measure_builds(make_corpus(Path(tmp), pdf), args.build_rounds)

    plumber_per_page = parse["plumber"] / plumber_pages
    report = {
        "corpus": {"pdf": "LGPSEDMTP.pdf (real)" if (SAMPLES / "LGPSEDMTP.pdf").exists() else "generated", "pages": pages,
                   "rounds": args.rounds, "build_rounds": args.build_rounds},
        "seconds": {k: round(v, 4) for k, v in {**parse, **{f"corpus_{k}": v for k, v in corpus.items()},
                                                **{f"build_{k}": v for k, v in builds.items()}}.items()},
        "ratios": {
            "parse_vs_pypdfium2": ratio(parse["raw"] / parse["parse"], ">= 0.5"),
            "parse_vs_pdfplumber": ratio(plumber_per_page * pages / parse["parse"], ">= 1"),
            "build_path_vs_pypdfium2": ratio(parse["raw"] / parse["build_path"], ">= 0.5"),
            "no_change_vs_full_build": ratio(builds["no_change"] / builds["full"], "<= 0.05"),
            "corpus_10x_vs_1x": ratio(corpus["ten"] / corpus["one"], "<= 11"),
            "status_vs_build": ratio(builds["status"] / builds["full"], "<= 0.01"),
            "status_cli_vs_build_cli": {"value": round(builds["status_cli"] / builds["full_cli"], 4),
                                        "goal": "reported: both as fresh processes (start-up and imports included)"},
        },
    }  # fmt: skip
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
