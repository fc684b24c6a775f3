"""Helpers for the state catalogue tests: parse a fixture, run a scrape on fakes, read a LegismEx sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from tests.sources.conftest import FIXTURES, FakeFetcher

SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs"


def fixture(relative: str) -> bytes:
    return (FIXTURES / "states" / relative).read_bytes()


def parse_rows(page_cls, relative: str, url: str | None = None) -> list:
    response = FakeFetcher({})._response(url or page_cls.example_source, fixture(relative))
    return page_cls(response).parse()


def scrape(source, pages: dict[str, bytes]) -> tuple[list, RunReport]:
    report = RunReport(source.info.name)
    return list(source.scrape(FakeFetcher(pages), report)), report


def events(records) -> list[tuple]:
    return [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]


def sample_laws(state: str) -> list[tuple[int, str]]:
    """(index, title) of every entry of the LegismEx sample that classify_title calls a trafficking law."""
    path = SAMPLES / f"legismex_{state}_catalogo.json"
    if not path.is_file():
        pytest.skip(f"{path} absent: ../shared/real-samples is not laid beside this checkout")
    entries = json.loads(path.read_text(encoding="utf-8"))
    return [(i, e["nombre"]) for i, e in enumerate(entries) if classify_title(e["nombre"]).is_law]
