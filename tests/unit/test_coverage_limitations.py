"""Coverage limitations name their source; a national compilation's limitation is not mixed into every state's row."""

from __future__ import annotations

from pipeline.jobs.coverage import coverage_rows, render_markdown

SCJN = "structure not documented: ASP.NET postbacks"


def test_a_national_limitation_is_kept_apart_from_the_state_rows_and_printed_once():
    rows = {row["code"]: row for row in coverage_rows()}
    states = [row for code, row in rows.items() if code != "MX"]
    assert len(states) == 32
    assert not any(SCJN in row["limitations"] for row in states)  # it used to end every state's limitations
    assert all(any(part.startswith("mx-scjn-legislacion (dating): " + SCJN) for part in row["national_limitations"])
               for row in states)  # fmt: skip
    markdown = render_markdown(list(rows.values()))
    assert markdown.count(SCJN) == 1 and markdown.count("HTTP only (no TLS offered)") == 1


def test_state_bill_limitations_name_their_source():
    rows = {row["code"]: row for row in coverage_rows()}
    assert rows["MX-SIN"]["bills"] == "mx-sin-gaceta-iniciativas"
    assert "mx-sin-gaceta-iniciativas (bills): TLS certificate reported invalid" in rows["MX-SIN"]["limitations"]
    assert rows["MX-BCN"]["bills"] == "mx-bcn-congreso-iniciativas" and "GET-only" not in rows["MX-BCN"]["limitations"]
    assert rows["MX-CHH"]["limitations"].startswith("bills: the CSV export's columns")  # still no bill source
