"""Offline replay of the DOF source depends on the raw store only, never on today's date."""

import datetime as dt

from pipeline.fetch.replay import ReplayFetcher
from pipeline.fetch.store import RawStore
from pipeline.sources.federal import dof
from tests.e2e.test_federal_offline import FIXTURES

DAYS = ("19-03-2014", "19-01-2018", "23-04-2024")


def stored(tmp_path) -> RawStore:
    store = RawStore(tmp_path / "raw")
    for day in DAYS:
        url = dof.sidof_day_url(dt.datetime.strptime(day, "%d-%m-%Y").date())
        store.put((FIXTURES / "sidof" / f"notas_{day}.json").read_bytes(), source="dof", url=url, final_url=url,
                  retrieved_at="2026-01-20T10:00:00Z", http_status=200, content_type="application/json", outcome="ok")
    return store


def _key(records):
    return sorted((r.instrument.instrument_id, r.event_type, r.date, r.issue) for r in records)


def test_replay_window_comes_from_the_store(tmp_path):
    store = stored(tmp_path)
    source = dof.DofSource()
    assert source.stored_days(ReplayFetcher(store)) == [dt.date(2014, 3, 19), dt.date(2018, 1, 19), dt.date(2024, 4, 23)]
    records = list(source.scrape(ReplayFetcher(store)))
    assert ("MX/lgpsedmtp", "reformed", dt.date(2018, 1, 19), "codNota 5510956") in _key(records)


def test_same_store_same_records_whatever_today_is(tmp_path):
    store = stored(tmp_path)
    first = _key(dof.DofSource(today=dt.date(2026, 1, 21)).scrape(ReplayFetcher(store)))
    later = _key(dof.DofSource(today=dt.date(2031, 7, 1)).scrape(ReplayFetcher(store)))
    assert first and first == later
