"""Same inputs, same tables: a tie on one day is broken by a stated order, never by the scan order."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import DataPaths
from pipeline.core.vocab import sql_ordered_list
from pipeline.store.registry_csv import BILL_COLUMNS
from pipeline.store.schema import render
from tests.store.conftest import _write_by_jurisdiction, fact, write_registry
from tests.store.test_legislatures import bill


def test_vocab_order_placeholder_keeps_the_written_order():
    assert render("{{vocab_order:bill_event_type}}").startswith("['presented', 'referred', 'committee_report'")
    with pytest.raises(ValueError, match="unordered subset"):
        sql_ordered_list("terminal_bill_events")


@pytest.mark.parametrize("order", [("presented", "referred"), ("referred", "presented")])
def test_a_bill_presented_and_referred_on_one_day_is_at_the_referred_stage(tmp_path, order):
    root = tmp_path / "data"
    paths = write_registry(root, [fact("MX", "lgpsedmtp", "Ley General de Trata", "ley_general", "published",
                                       "2012-06-14")])  # fmt: skip
    rows = [bill("MX-SON", "ini-2025", "LXIV", event, "2025-09-25") for event in order]
    _write_by_jurisdiction(paths.registry / "bills", rows, BILL_COLUMNS)
    result = build(DataPaths(root))
    assert result.validation and result.validation["success"]
    con = duckdb.connect(str(paths.database), read_only=True)
    try:
        (stage,) = con.execute("SELECT stage FROM bills_pending(DATE '2025-10-01')").fetchone()
    finally:
        con.close()
    assert stage == "referred"
