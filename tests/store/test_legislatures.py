"""Legislatures as reference data: the loader, and bills of ended legislatures in the status derivation."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import DataPaths
from pipeline.publish.bills import bill_lines, ended_label
from pipeline.publish.render import render_csv, render_json, render_markdown
from pipeline.store.legislatures import (
    LEGISLATURE_COLUMNS,
    RULE_COLUMNS,
    LegislatureError,
    read_legislatures,
    read_rules,
)
from pipeline.store.registry_csv import BILL_COLUMNS
from tests.store.conftest import ACC, SRC, _write_by_jurisdiction, fact, write_registry

WIKI = "https://en.wikipedia.org/wiki/Some_Legislature"


def legislature(jur, numeral, body, start, end, source_url=WIKI, source_kind="other", note="") -> dict:
    return dict(zip(LEGISLATURE_COLUMNS, (jur, numeral, body, start, end, source_url, source_kind, ACC, note),
                    strict=True))  # fmt: skip


def rule(jur, effect, instrument="Ley Orgánica del Poder Legislativo", article="63",
         source_url="https://www.congreso.gob.mx/ley-organica", source_kind="official_site") -> dict:
    return dict(zip(RULE_COLUMNS, (jur, effect, instrument, article, source_url, source_kind, ACC, "fixture"),
                    strict=True))  # fmt: skip


def write_csv(path: Path, columns, rows) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


# -- the loader ----------------------------------------------------------------------------------------


def test_rows_keep_the_precision_their_source_gives(tmp_path):
    write_csv(tmp_path / "legislatures.csv", LEGISLATURE_COLUMNS, [
        legislature("MX-SON", "LIX", "Congreso del Estado de Sonora", "2009-09", "2012-09"),
        legislature("MX-CMX", "I", "Congreso de la Ciudad de México", "2018-09-17", "../2021-09-01",
                    source_url="https://www.informedevgobierno.cdmx.gob.mx", source_kind="official_site"),
        legislature("MX-SON", "LXIV", "Congreso del Estado de Sonora", "", ""),
    ])  # fmt: skip
    son, cmx, unknown = read_legislatures(tmp_path)
    assert (son["start_earliest"], son["start_latest"], son["start_precision"]) == (
        dt.date(2009, 9, 1), dt.date(2009, 9, 30), "month")
    assert (son["end_latest"], son["confidence"], son["legislature_id"]) == (
        dt.date(2012, 9, 30), "secondary", "MX-SON/Congreso del Estado de Sonora/LIX")
    assert (cmx["end_earliest"], cmx["end_latest"], cmx["end_precision"], cmx["confidence"]) == (
        None, dt.date(2021, 9, 1), "before", "official")
    assert unknown["start_text"] is None and unknown["end_latest"] is None and unknown["line_no"] == 4


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (legislature("MX-SON", "LIX", "Congreso", "2012-09-16", "2009-09-15"), "end 2009-09-15 is before start 2012-09-16"),
        (legislature("MX-SON", "59", "Congreso", "", ""), "'59' is not a Roman numeral"),
        (legislature("Sonora", "LIX", "Congreso", "", ""), "write the ISO code 'MX-SON', not 'Sonora'"),
        (legislature("MX-SON", "LIX", "", "", ""), "body is required"),
        (legislature("MX-SON", "LIX", "Congreso", "16/09/2009", ""), "start"),
        (legislature("MX-SON", "LIX", "Congreso", "", "", source_kind="wiki"), "source_kind 'wiki' is not in"),
        (legislature("MX-SON", "LIX", "Congreso", "", "", source_url=""), "source_url is required"),
    ],
)
def test_a_bad_row_stops_with_its_file_and_line(tmp_path, row, message):
    good = legislature("MX", "LXV", "Cámara de Diputados", "2021-09-01", "2024-08-31")
    path = write_csv(tmp_path / "legislatures.csv", LEGISLATURE_COLUMNS, [good, row])
    with pytest.raises(LegislatureError) as caught:
        read_legislatures(tmp_path)
    assert str(caught.value).startswith(f"{path}:3: ")
    assert message in str(caught.value)


def test_a_numeral_with_no_dates_may_cite_nothing_but_says_what_was_searched(tmp_path):
    searched = legislature("MX-AGU", "LXII", "Congreso del Estado de Aguascalientes", "", "", source_url="",
                           source_kind="", note="searched the congress site and the press: no dates found")
    path = write_csv(tmp_path / "legislatures.csv", LEGISLATURE_COLUMNS, [searched])
    (row,) = read_legislatures(tmp_path)
    assert (row["source_url"], row["confidence"], row["end_latest"]) == (None, None, None)
    write_csv(path, LEGISLATURE_COLUMNS, [dict(searched, note="")])
    with pytest.raises(LegislatureError, match=rf"{path}:2: a row with no start, end or source_url needs a note"):
        read_legislatures(tmp_path)
    write_csv(path, LEGISLATURE_COLUMNS, [dict(searched, end="2016-11-14")])  # a date needs its source
    with pytest.raises(LegislatureError, match=rf"{path}:2: source_url is required"):
        read_legislatures(tmp_path)


def test_the_same_legislature_twice_names_both_lines(tmp_path):
    row = legislature("MX", "LXV", "Cámara de Diputados", "2021-09-01", "2024-08-31")
    path = write_csv(tmp_path / "legislatures.csv", LEGISLATURE_COLUMNS, [row, row])
    with pytest.raises(LegislatureError, match=rf"{path}:3: MX Cámara de Diputados LXV is already on {path}:2"):
        read_legislatures(tmp_path)


def test_a_wrong_header_and_missing_files(tmp_path):
    assert read_legislatures(tmp_path) == [] and read_rules(tmp_path) == []
    (tmp_path / "legislatures.csv").write_text("jurisdiction,legislature,start,end\n", encoding="utf-8")
    with pytest.raises(LegislatureError, match="legislatures.csv:1: header must be jurisdiction,legislature,body"):
        read_legislatures(tmp_path)


def test_rules_need_a_known_effect_an_instrument_and_an_article(tmp_path):
    path = write_csv(tmp_path / "legislature_rules.csv", RULE_COLUMNS, [rule("MX-ZAC", "lapse_at_end")])
    assert read_rules(tmp_path)[0]["rule_id"] == "MX-ZAC/lapse_at_end/63"
    for bad, message in ((rule("MX-ZAC", "archive"), "effect 'archive' is not in the vocabulary"),
                         (rule("MX-ZAC", "lapse_at_end", article=""), "article is required")):  # fmt: skip
        write_csv(path, RULE_COLUMNS, [bad])
        with pytest.raises(LegislatureError, match=rf"{path}:2: {message}"):
            read_rules(tmp_path)
    write_csv(path, RULE_COLUMNS, [rule("MX-ZAC", "lapse_at_end"), rule("MX-ZAC", "carry_over", article="64")])
    with pytest.raises(LegislatureError, match="MX-ZAC cites both carry_over and lapse_at_end"):
        read_rules(tmp_path)


def test_the_build_stops_on_a_bad_row(tmp_path):
    paths = write_registry(tmp_path / "data", [fact("MX", "lgpsedmtp", "Ley General de Trata", "ley_general",
                                                    "published", "2012-06-14")])  # fmt: skip
    write_csv(paths.reference / "legislatures.csv", LEGISLATURE_COLUMNS,
              [legislature("MX-SON", "LIX", "Congreso", "2012-09", "2009-09")])  # fmt: skip
    with pytest.raises(LegislatureError, match=r"legislatures.csv:2: end 2009-09 is before start 2012-09"):
        build(paths, validate=False, publish=False)


# -- the derivation ------------------------------------------------------------------------------------


def bill(jur, slug, legislature_numeral, event, date, title="Iniciativa de reforma a la Ley de Trata") -> dict:
    row = dict.fromkeys(BILL_COLUMNS, "")
    row.update(jurisdiction=jur, bill_slug=slug, legislature=legislature_numeral, title=title, event=event,
               date=date, source_url=SRC, accessed=ACC, confidence="official", source_kind="official_site")
    return row


# Sonora: a 2011 bill of the LIX (ended Sep. 2012), no outcome; a LXIV bill (end unknown).
# Mexico City: a 2013 bill of the ALDF's VI (ended by 2015-09-15) under a cited lapse rule; a 2019 bill of
#   the Congress's I, numbered like the ALDF's I (the bill's date picks the Congress's).
# Zacatecas: a LXI bill under a carry_over rule. Jalisco: a LXIII bill whose legislature is not on file.
BILLS = [
    bill("MX-SON", "ini-2011", "LIX", "presented", "2011-05-10"),
    bill("MX-SON", "ini-2011", "LIX", "referred", "2011-05-12"),
    bill("MX-SON", "ini-2025", "LXIV", "presented", "2025-09-25"),
    bill("MX-CMX", "ini-2013", "VI", "presented", "2013-04-02"),
    bill("MX-CMX", "ini-2019", "I", "presented", "2019-03-05"),
    bill("MX-ZAC", "ini-2014", "LXI", "presented", "2014-02-11"),
    bill("MX-JAL", "ini-2022", "LXIII", "presented", "2022-03-01"),
    bill("MX-GRO", "ini-2022", "LXIII", "presented", "2022-03-01"),
]
GRO_LXIV_SOURCE = "https://example.org/gro-lxiv-instalada"
LEGISLATURES = [
    legislature("MX-SON", "LIX", "Congreso del Estado de Sonora", "2009-09", "2012-09"),
    legislature("MX-SON", "LXIV", "Congreso del Estado de Sonora", "", ""),
    legislature("MX-CMX", "VI", "Asamblea Legislativa del Distrito Federal", "2012-09", "../2015-09-15"),
    legislature("MX-CMX", "I", "Asamblea Legislativa del Distrito Federal", "1997-09", "2000-09"),
    legislature("MX-CMX", "I", "Congreso de la Ciudad de México", "2018-09-17", "../2021-09-01"),
    legislature("MX-ZAC", "LXI", "Legislatura del Estado de Zacatecas", "2013-09", "2016-09"),
    # Guerrero: no source states the LXIII's end, but the LXIV was installed on 2024-09-01 (the LXV's start,
    # later still, is a weaker bound and must not be used)
    legislature("MX-GRO", "LXIII", "Congreso del Estado de Guerrero", "2021-09-01", ""),
    legislature("MX-GRO", "LXV", "Congreso del Estado de Guerrero", "2027-09-01", ""),
    legislature("MX-GRO", "LXIV", "Congreso del Estado de Guerrero", "2024-09-01", "", source_url=GRO_LXIV_SOURCE),
]
RULES = [rule("MX-CMX", "lapse_at_end", instrument="Reglamento (fixture)", article="12"),
         rule("MX-ZAC", "carry_over")]  # fmt: skip


@pytest.fixture(scope="module")
def ended_db(tmp_path_factory):
    root = tmp_path_factory.mktemp("legislatures") / "data"
    paths = write_registry(root, [fact("MX", "lgpsedmtp", "Ley General de Trata", "ley_general", "published",
                                       "2012-06-14")])  # fmt: skip
    _write_by_jurisdiction(paths.registry / "bills", BILLS, BILL_COLUMNS)
    write_csv(paths.reference / "legislatures.csv", LEGISLATURE_COLUMNS, LEGISLATURES)
    write_csv(paths.reference / "legislature_rules.csv", RULE_COLUMNS, RULES)
    result = build(DataPaths(root))
    assert result.validation and result.validation["success"], result.validation
    con = duckdb.connect(str(paths.database), read_only=True)
    yield con
    con.close()


def _row(con, as_of: str, state: str) -> dict:
    cursor = con.execute("SELECT * FROM jurisdiction_status_table(CAST(? AS DATE)) WHERE state = ?", [as_of, state])
    return dict(zip([c[0] for c in cursor.description], cursor.fetchall()[0], strict=True))


@pytest.mark.parametrize(
    ("as_of", "pending", "ended"),
    [
        ("2011-05-10", 1, 0),
        ("2012-09-15", 1, 0),  # the LIX ended in September 2012, day unknown: not certainly ended yet
        ("2012-09-30", 0, 1),  # by the month's last day it certainly had
        ("2026-01-01", 1, 1),  # the LXIV bill: its legislature's end is unknown, so it stays pending
    ],
)
def test_a_bill_of_an_ended_legislature_is_not_pending_after_the_end(ended_db, as_of, pending, ended):
    row = _row(ended_db, as_of, "MX-SON")
    assert (row["pending_bills"], row["ended_bills"]) == (pending, ended)
    assert row["summary"] == ("considering" if pending else "unknown")


def test_the_ended_bill_is_listed_with_its_legislature_and_no_outcome(ended_db):
    row = _row(ended_db, "2013-01-01", "MX-SON")
    assert row["pending_bill_list"] == []
    (ended,) = row["ended_bill_list"]
    assert (ended["bill_id"], ended["legislature"], ended["legislature_end"], ended["legislature_end_by"]) == (
        "MX-SON/ini-2011", "LIX", "2012-09", dt.date(2012, 9, 30))
    assert (ended["outcome"], ended["stage"], ended["rule_id"]) == ("ended_no_outcome", "referred", None)
    assert ended_label(ended, "en") == "presented in LIX, ended Sep. 2012, no outcome found"
    assert ended_label(ended, "es") == "presentada en la LIX Legislatura, concluida sep. 2012, sin resultado encontrado"
    supports = {e["supports"] for e in row["evidence"]}
    assert "legislature_ended" in supports and "lapse_at_end" not in supports
    assert WIKI in {e["url"] for e in row["evidence"]}


def test_a_cited_lapse_rule_makes_it_precluida_with_the_rule_as_evidence(ended_db):
    before = _row(ended_db, "2015-09-14", "MX-CMX")
    assert [b["bill_id"] for b in before["pending_bill_list"]] == ["MX-CMX/ini-2013"]
    after = _row(ended_db, "2015-09-15", "MX-CMX")
    assert [b["bill_id"] for b in after["pending_bill_list"]] == []  # the 2019 bill is not presented yet
    (lapsed,) = after["ended_bill_list"]
    assert (lapsed["outcome"], lapsed["rule_id"], lapsed["rule"]) == (
        "expired", "MX-CMX/lapse_at_end/12", "Reglamento (fixture), art. 12")
    assert ended_label(lapsed, "en") == (
        "presented in VI, ended by 2015-09-15, expired (precluida) under Reglamento (fixture), art. 12")
    rules = [e for e in after["evidence"] if e["supports"] == "lapse_at_end"]
    assert [(e["url"], e["confidence"]) for e in rules] == [("https://www.congreso.gob.mx/ley-organica", "official")]


def test_a_numeral_two_bodies_share_is_matched_by_the_bills_date(ended_db):
    row = _row(ended_db, "2021-09-01", "MX-CMX")
    assert [(b["bill_id"], b["legislature_end"]) for b in row["ended_bill_list"]] == [
        ("MX-CMX/ini-2019", "../2021-09-01"), ("MX-CMX/ini-2013", "../2015-09-15")]
    assert _row(ended_db, "2021-08-31", "MX-CMX")["pending_bills"] == 1


@pytest.mark.parametrize(("as_of", "pending", "ended"), [("2024-08-31", 1, 0), ("2024-09-01", 0, 1)])
def test_an_end_no_source_states_is_bounded_by_the_next_installation(ended_db, as_of, pending, ended):
    row = _row(ended_db, as_of, "MX-GRO")
    assert (row["pending_bills"], row["ended_bills"]) == (pending, ended)
    if ended:
        (bill,) = row["ended_bill_list"]
        assert (bill["legislature_end"], bill["legislature_end_by"], bill["legislature_end_basis"]) == (
            "../2024-09-01", dt.date(2024, 9, 1), "later_installed")
        assert ended_label(bill, "en") == "presented in LXIII, ended by 2024-09-01, no outcome found"
        assert GRO_LXIV_SOURCE in {e["url"] for e in row["evidence"]}  # the installation that bounds it is cited


def test_carry_over_and_unknown_legislatures_stay_pending(ended_db):
    zac = _row(ended_db, "2026-01-01", "MX-ZAC")  # LXI ended 2016, but its rule carries initiatives over
    jal = _row(ended_db, "2026-01-01", "MX-JAL")  # LXIII is not in legislatures.csv: we do not know
    assert (zac["pending_bills"], zac["ended_bills"], jal["pending_bills"], jal["ended_bills"]) == (1, 0, 1, 0)


def test_bills_pending_and_bills_ended_never_overlap(ended_db):
    for as_of in ("2016-01-01", "2021-09-01", "2026-01-01"):
        pending = {r[0] for r in ended_db.execute("SELECT bill_id FROM bills_pending(CAST(? AS DATE))", [as_of]).fetchall()}
        ended = {r[0] for r in ended_db.execute("SELECT bill_id FROM bills_ended(CAST(? AS DATE))", [as_of]).fetchall()}
        assert pending and ended and not pending & ended


def test_the_wording_in_markdown_json_csv_and_cli_lines(ended_db):
    rows = [_row(ended_db, "2016-01-01", s) for s in ("MX-SON", "MX-CMX")]
    md_en = render_markdown(rows, as_of=dt.date(2016, 1, 1), last_checked=None, lang="en")
    md_es = render_markdown(rows, as_of=dt.date(2016, 1, 1), last_checked=None, lang="es")
    assert "## Bills of ended legislatures" in md_en
    assert "- Sonora: Iniciativa de reforma a la Ley de Trata — presented in LIX, ended Sep. 2012, no outcome found" in md_en
    assert "presentada en la VI Legislatura, concluida a más tardar el 2015-09-15, precluida conforme a" in md_es
    import json

    son = json.loads(render_json(rows))[0]
    assert son["ended_bills"] == 1 and son["pending_bills"] == 0
    assert son["ended_bill_list"][0]["stage_label"] == "presented in LIX, ended Sep. 2012, no outcome found"
    lines = render_csv(rows).splitlines()
    header = lines[0].split(",")
    son_cells = next(csv.reader([lines[1]]))
    assert son_cells[header.index("ended_bill_ids")] == "MX-SON/ini-2011"
    assert son_cells[header.index("pending_bill_ids")] == ""
    assert bill_lines(rows[0], "en") == [
        "Not pending: Iniciativa de reforma a la Ley de Trata — presented in LIX, ended Sep. 2012, no outcome found"]


def test_the_files_are_build_inputs_and_published_tables(tmp_path, ended_db):
    from pipeline.build import inputs_digest

    paths = write_registry(tmp_path / "data", [])
    before = inputs_digest(paths)
    write_csv(paths.reference / "legislatures.csv", LEGISLATURE_COLUMNS, LEGISLATURES[:1])
    with_one = inputs_digest(paths)
    write_csv(paths.reference / "legislature_rules.csv", RULE_COLUMNS, RULES[:1])
    assert len({before, with_one, inputs_digest(paths)}) == 3  # a changed file means a new build
    tables = {r[0]: r[1] for r in ended_db.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE table_name LIKE 'legislature%'").fetchall()}
    assert set(tables) == {"legislatures", "legislature_rules"} and all(tables.values())
    assert ended_db.execute("SELECT count(*) FROM legislatures").fetchone()[0] == len(LEGISLATURES)
