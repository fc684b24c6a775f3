"""Records emitted by the page objects and rows of the registry conform to schemas/*.schema.json."""

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from pipeline.core.paths import REPO_DIR, SCHEMAS_DIR
from pipeline.sources.discovery import inspect_kinds

FIXTURES = REPO_DIR / "tests" / "fixtures"

CASES = [
    ("leyesbiblio-index", "leyesbiblio-index", FIXTURES / "leyesbiblio" / "index_small.htm"),
    ("leyesbiblio-ref", "leyesbiblio-ref", FIXTURES / "leyesbiblio" / "ref_lgpsedmtp.htm"),
    ("leyesbiblio-ref", "leyesbiblio-ref", FIXTURES / "leyesbiblio" / "ref_traps.htm"),
    ("sidof-day", "dof-note", FIXTURES / "sidof" / "notas_19-03-2014.json"),
    ("sidof-note", "dof-note", FIXTURES / "sidof" / "nota_5724254.json"),
    ("dof-index", "dof-note", FIXTURES / "dof" / "index_08-03-1999_MAT.htm"),
    ("dof-note", "dof-note", FIXTURES / "dof" / "nota_detalle_5724254.htm"),
    ("sil-search", "sil-bill", FIXTURES / "sil" / "search_trata.htm"),
    ("sil-detail", "sil-bill", FIXTURES / "sil" / "detail_4740725_4729480.htm"),
]

REAL = [
    ("leyesbiblio-index", "leyesbiblio-index", "leyesbiblio/index.htm"),
    ("dof-ws-day", "dof-note", "dof/WS_getDiarioFull_2days.ndjson"),
]


def schema(name: str) -> dict:
    body = json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(body)
    return body


def check_all(records: list, body: dict) -> int:
    validator = jsonschema.Draft202012Validator(body)
    for record in records:
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, f"{record}: {errors[0].message}"
    return len(records)


@pytest.mark.parametrize(("kind", "schema_name", "path"), CASES, ids=[f"{c[0]}:{c[2].name}" for c in CASES])
def test_page_records_match_schema(kind, schema_name, path):
    records = inspect_kinds()[kind](path)
    records = records if isinstance(records, list) else [records]
    assert check_all(records, schema(schema_name)) >= 1


@pytest.mark.parametrize(("kind", "schema_name", "relative"), REAL, ids=[r[0] for r in REAL])
def test_real_sample_records_match_schema(real_samples, kind, schema_name, relative):
    records = inspect_kinds()[kind](real_samples / relative)
    assert check_all(records, schema(schema_name)) > 10


def test_schema_rejects_a_bad_record():
    bad = {"cod_nota": "abc", "date": "24/01/2014", "edition": "MAT", "section": None, "organism": None,
           "title": "x", "url": "ftp://x", "trafficking": "yes"}  # fmt: skip
    errors = list(jsonschema.Draft202012Validator(schema("dof-note")).iter_errors(bad))
    assert {e.path[0] for e in errors} == {"cod_nota", "date", "url", "trafficking"}


def test_every_registry_row_matches_schema():
    body = schema("registry-row")
    rows = []
    for path in sorted((REPO_DIR / "data" / "registry" / "facts").glob("*.csv")):
        with Path(path).open(encoding="utf-8", newline="") as fh:
            rows += list(csv.DictReader(fh))
    assert check_all(rows, body) > 100
