"""status_history.csv: each jurisdiction's status over time, one row per span in which its answer held.

On the committed data: every jurisdiction's spans tile the timeline, consecutive spans differ, the span
holding the publication date is status.csv's row, and the datapackage describes every column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json

from pipeline.core.descriptions import HISTORY_SPAN_COLUMNS, STATUS_COLUMNS
from pipeline.publish.render import CSV_COLUMNS, HISTORY_CSV_COLUMNS


def _read(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def test_history_spans_tile_each_jurisdiction_and_always_change(built):
    rows = _read(built.processed / "status_history.csv")
    by_state = {state: list(spans) for state, spans in itertools.groupby(rows, key=lambda r: r["state"])}
    assert len(by_state) == 33 and list(by_state)[0] == "MX"  # INEGI order: the federation first
    for state, spans in by_state.items():
        assert spans[0]["valid_from"] == "" and spans[-1]["valid_until"] == "", state
        for earlier, later in itertools.pairwise(spans):
            assert earlier["valid_until"] == later["valid_from"] != "", state
            assert _day(earlier["valid_from"]) is None or _day(earlier["valid_from"]) < _day(earlier["valid_until"])
            # what changed is named; a change the flat columns show is among the names
            changed = later["changed"].split()
            assert changed, state
            shown = [k for k in CSV_COLUMNS if earlier[k] != later[k] and k in STATUS_COLUMNS]
            assert set(shown) - {"law_since", "pending_bill_ids", "ended_bill_ids", "evidence_urls"} <= set(changed)
    assert all(spans[0]["changed"] == "" for spans in by_state.values())
    # Chihuahua's history: unknown at first, and its 2017 law seen in force since the day it was published
    chihuahua = by_state["MX-CHH"]
    assert chihuahua[0]["summary"] == "unknown" and chihuahua[-1]["law_status"] == "specific_law"
    assert "2017-10-14" in {span["valid_from"] for span in chihuahua}
    published = next(span for span in chihuahua if span["valid_from"] == "2017-10-14")
    assert {"summary", "law_status", "law_title", "law_published", "laws_in_force"} <= set(published["changed"].split())


def test_the_span_holding_the_publication_date_is_the_status_row(built):
    package = json.loads((built.processed / "datapackage.json").read_text(encoding="utf-8"))
    as_of = dt.date.fromisoformat(package["as_of"])
    current = {r["state"]: r for r in _read(built.processed / "status.csv")}
    held = {}
    for row in _read(built.processed / "status_history.csv"):
        start, end = _day(row["valid_from"]), _day(row["valid_until"])
        if (start is None or start <= as_of) and (end is None or as_of < end):
            assert row["state"] not in held, row["state"]
            held[row["state"]] = {k: v for k, v in row.items() if k not in HISTORY_SPAN_COLUMNS}
    assert held == current


def test_the_datapackage_describes_the_history(built):
    package = json.loads((built.processed / "datapackage.json").read_text(encoding="utf-8"))
    history = next(r for r in package["resources"] if r["path"] == "status_history.csv")
    fields = history["schema"]["fields"]
    assert [f["name"] for f in fields] == list(HISTORY_CSV_COLUMNS) == ["valid_from", "valid_until", "changed",
                                                                         *CSV_COLUMNS]  # fmt: skip
    described = {**HISTORY_SPAN_COLUMNS, **STATUS_COLUMNS}
    assert all(f["description"] == described[f["name"]] for f in fields)
    assert {f["name"]: f["type"] for f in fields}["valid_until"] == "date"


def test_each_jurisdiction_page_shows_its_status_over_time(built):
    """The page reads a span [from, until) as people do: from its first day to the day before it changed."""
    page = (built.processed / "pages" / "MX-CHH.html").read_text(encoding="utf-8")
    section = page[page.index("Status over time"):page.index("The law&#x27;s history")]
    rows = section.split("<tr>")[2:]  # after the header row
    spans = [r for r in _read(built.processed / "status_history.csv") if r["state"] == "MX-CHH"]
    assert len(rows) == len(spans) >= 4
    published = rows[[s["valid_from"] for s in spans].index("2017-10-14")]
    assert '<td class="date">2017-10-14</td><td class="date">2018-08-31</td>' in published  # until 2018-09-01
    assert "Ley para la Prevención, Combate y Erradicación" in published
    assert '<td class="date">…</td>' in rows[0] and "still holds" in rows[-1] and "continúa" in rows[-1]


def test_history_command_prints_the_spans_of_one_state(built):
    from tests.publish.conftest import cli

    wanted = [r for r in _read(built.processed / "status_history.csv") if r["state"] == "MX-CHH"]
    as_csv = cli(built, "history", "--state", "Chihuahua", "--format", "csv")
    assert as_csv.returncode == 0, as_csv.stderr
    assert list(csv.DictReader(io.StringIO(as_csv.stdout))) == wanted
    table = cli(built, "history", "--state", "CHH", columns=160)
    assert table.returncode == 0, table.stderr
    lines = [line for line in table.stdout.splitlines() if "CHH" in line]
    assert len(lines) == len(wanted)
    published = next(line for line in lines if "2017-10-14" in line)
    assert "2018-08-31" in published and "Law in force, reform pending" in published
    assert "status, law, sources" in published  # what changed, by topic
    assert "still holds" in lines[-1]


def test_change_topics_name_each_field_once_under_its_first_topic():
    from pipeline.publish.render import change_topics

    assert change_topics(["law_status"]) == "status"  # not also "law"
    assert change_topics(["pending_bill_list", "law_title", "summary"], "es") == "situación, ley, iniciativas"
    assert change_topics(None) == "" and change_topics(["is_state"]) == ""


def test_the_page_names_a_law_once_per_run_of_spans():
    """A span with the same law as the one before says "same"; a span with no law says "—"."""
    from pipeline.publish.html import status_spans

    day = dt.date
    spans = [
        {"valid_from": None, "valid_until": day(2008, 1, 1), "summary": "unknown", "law_id": None, "pending_bills": 0},
        {"valid_from": day(2008, 1, 1), "valid_until": day(2009, 1, 1), "summary": "possibly_enacted",
         "law_id": "L1", "law_title": "Ley Uno", "pending_bills": 0},
        {"valid_from": day(2009, 1, 1), "valid_until": None, "summary": "enacted", "law_id": "L1",
         "law_title": "Ley Uno", "pending_bills": 2},
    ]  # fmt: skip
    rows = status_spans(spans).split("<tr>")[2:]
    assert "<td>—</td>" in rows[0] and "la misma" not in rows[0]
    assert "<td>Ley Uno</td>" in rows[1] and '<td class="date">2008-12-31</td>' in rows[1]
    assert "same" in rows[2] and "Ley Uno" not in rows[2] and "<td>2</td>" in rows[2]
    assert status_spans([]) == ""


def test_history_since_lists_the_changes_in_date_order(built):
    from tests.publish.conftest import cli

    package = json.loads((built.processed / "datapackage.json").read_text(encoding="utf-8"))
    as_of = package["as_of"]
    since = "2025-06-01"
    out = cli(built, "history", "--since", since, "--as-of", as_of, "--format", "csv")
    assert out.returncode == 0, out.stderr
    listed = list(csv.DictReader(io.StringIO(out.stdout)))
    published = _read(built.processed / "status_history.csv")
    expected = sorted((r for r in published if r["valid_from"] and r["valid_from"] >= since),
                      key=lambda r: r["valid_from"])  # fmt: skip
    assert listed and [(r["valid_from"], r["state"]) for r in listed] == [(r["valid_from"], r["state"]) for r in expected]
    assert all(r["changed"] for r in listed)  # every span after a first one names what changed
    assert max(r["valid_from"] for r in published) <= as_of  # the published history stops at its as-of date
    bad = cli(built, "history", "--since", "2025-13-01")
    assert bad.returncode == 2 and "--since must be a date" in bad.stderr
