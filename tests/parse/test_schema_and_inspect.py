"""The inspect JSON validates against schemas/law.schema.json and is JSON-serialisable."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pipeline.core.paths import SCHEMAS_DIR
from pipeline.parse.law import INSPECT_KINDS

from .builders import OJN_PARAGRAPHS, docx_bytes, federal_pdf, state_pdf

SCHEMA = json.loads((SCHEMAS_DIR / "law.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "build"), [("ley.pdf", federal_pdf), ("estatal.pdf", state_pdf),
                                             ("o4123.doc", lambda: docx_bytes(OJN_PARAGRAPHS))])  # fmt: skip
def test_inspect_output_matches_schema(tmp_path, name, build):
    path = tmp_path / name
    path.write_bytes(build())
    data = INSPECT_KINDS["law"](path)
    jsonschema.validate(data, SCHEMA)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["url"].startswith("file://") and data["articles"]


def test_schema_rejects_a_bad_effect():
    data = {"parser_version": "x", "title": None, "published": {"date": None, "gazette": None, "issue": None, "decree": None},
            "last_reform": None, "text_status": "vigente", "articles": [], "transitorios": [], "reform_decrees": [],
            "effects": [{"provision": "art_1", "effect": "repealed", "date": None, "decree": None, "gazette": None,
                         "source": "note", "raw": ""}]}  # fmt: skip
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
