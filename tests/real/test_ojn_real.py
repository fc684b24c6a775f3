"""The OJN source's URL scheme and edo table against the real OJN crawl (../shared/real-samples/ojn)."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.core import jurisdictions
from pipeline.sources.national.ojn import info
from tests.conftest import REAL_SAMPLES

pytestmark = pytest.mark.real


def _metadata():
    folder = REAL_SAMPLES / "ojn"
    if not folder.is_dir():
        pytest.skip("../shared/real-samples not present")
    # the CDMX file is not OJN data (consejería URLs, synthetic ids: MANIFEST.md); its sibling is empty
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*_metadata.json"))
            if p.name != "ciudad_de_mexico_metadata.json"]  # fmt: skip


def test_edo_numbers_match_the_state_names_of_the_crawl():
    for data in _metadata():
        assert info.EDO[int(data["state_id"])] == jurisdictions.resolve(data["state_name"]), data["state_name"]


def test_ficha_urls_are_the_ones_ojn_links():
    estatal = [law for data in _metadata() for law in data.get("laws", []) if law["ambito"] == "ESTATAL"]
    assert len(estatal) > 5000
    assert all(law["url"] == info.ficha_url(law["file_id"]) for law in estatal)


def test_download_names_end_with_the_idarchivo_after_a_type_prefix():
    """``o<tipo><idArchivo>.doc`` (state-sources.md §E): the prefix is read off by stripping the known id."""
    laws = [law for data in _metadata() for law in data.get("laws", []) if law.get("download_url")]
    names = [re.search(r"nombreclave=o(\d+)\.(\w+)$", law["download_url"]) for law in laws]
    assert all(m and m.group(1).endswith(str(law["file_id"])) for m, law in zip(names, laws, strict=True))
    prefixes = {m.group(1)[: -len(str(law["file_id"]))] for m, law in zip(names, laws, strict=True)}
    assert {"2", "4", "5", "6", "8"} <= prefixes
