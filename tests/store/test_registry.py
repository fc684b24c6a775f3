"""The committed registry (data/registry/facts/*.csv): every row valid, no duplicates, full coverage."""

import csv
from collections import Counter

from pipeline.core import jurisdictions, vocab
from pipeline.core.dates import DateSpan
from pipeline.core.paths import REPO_DIR
from pipeline.store.registry_csv import COLUMNS, load_records, read_rows

REGISTRY = REPO_DIR / "data" / "registry"


def test_every_row_is_well_formed_and_loads():
    records = load_records(REGISTRY)  # raises RegistryError naming file:line on any bad row
    assert len(records) > 100


def test_every_row_has_jurisdiction_date_source_and_vocab_event():
    for path, line, row in read_rows(REGISTRY):
        where = f"{path.name}:{line}"
        assert jurisdictions.resolve(row["jurisdiction"]) == row["jurisdiction"], where
        assert row["source_url"].startswith(("http://", "https://")), where
        assert row["event"] in vocab.EVENT_TYPES or row["event"] in vocab.BILL_EVENT_TYPES, where
        assert row["confidence"] in vocab.CONFIDENCE_LEVELS, where
        if row["date"]:
            DateSpan.parse(row["date"])  # the EDTF subset (a day, month, year or interval), nothing else


def test_no_duplicate_facts():
    keys = Counter()
    for _path, _line, row in read_rows(REGISTRY):
        # An undated fact is told apart by its note (e.g. two reforms known by month only).
        ignored = ("note",) if row["date"] else ()
        keys[tuple(row[c] for c in COLUMNS if c not in ignored)] += 1
    assert [k for k, n in keys.items() if n > 1] == []


def test_each_of_33_jurisdictions_has_at_least_one_fact():
    seen = {row["jurisdiction"] for _p, _l, row in read_rows(REGISTRY)}
    assert seen == {j.code for j in jurisdictions.load()}


def test_files_have_the_documented_header():
    for path in sorted((REGISTRY / "facts").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            assert tuple(next(csv.reader(fh))) == COLUMNS, path.name
