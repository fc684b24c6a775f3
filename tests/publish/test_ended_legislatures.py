"""Bills of ended legislatures on the committed data (data/reference/legislatures.csv): shown, not pending."""

from __future__ import annotations

import json

from tests.publish.conftest import cli

FLOR_AYALA = "MX-SON/iniciativa-flor-ayala-2011"  # presented May 2011 in Sonora's LIX, no outcome on file


def test_sonoras_2011_bill_is_not_pending_and_says_why(built):
    result = cli(built, "status", "--state", "MX-SON", "--as-of", "2026-01-01", columns=200)
    assert result.returncode == 0, result.stderr
    assert "presented in LIX, ended Sep. 2012, no outcome found" in result.stdout
    row = json.loads(cli(built, "status", "--state", "MX-SON", "--as-of", "2026-01-01", "--format", "json").stdout)[0]
    assert FLOR_AYALA not in {b["bill_id"] for b in row["pending_bill_list"]}
    assert [(b["bill_id"], b["outcome"], b["legislature_end"]) for b in row["ended_bill_list"]] == [
        (FLOR_AYALA, "ended_no_outcome", "2012-09")]
    assert row["ended_bills"] == 1


def test_before_the_legislature_ended_the_same_bill_was_pending(built):
    row = json.loads(cli(built, "status", "--state", "MX-SON", "--as-of", "2012-06-30", "--format", "json").stdout)[0]
    assert [b["bill_id"] for b in row["pending_bill_list"]] == [FLOR_AYALA]
    assert row["ended_bill_list"] == []


def test_spanish_wording(built):
    result = cli(built, "status", "--state", "Sonora", "--as-of", "2026-01-01", "--lang", "es", columns=200)
    assert "Sin resultado:" in result.stdout
    assert "presentada en la LIX Legislatura, concluida sep. 2012, sin resultado encontrado" in result.stdout
