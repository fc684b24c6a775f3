"""Citable URLs: real hosts, never proxies or mirrors; 'official' only on the official publisher's host."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.core.citations import is_official_host, url_problem
from pipeline.validate.expectations import _citation_rules

#: The proxy and mirror hosts found in the registry before the 2026-12-01 pass, and their families.
MIRRORS = [
    "https://tomorrow.paperai.life/https://es.scribd.com/document/1", "http://698264.gfjx.asia/doc",
    "https://studylib.es/doc/7757921/x", "https://documentop.com/x", "https://kipdf.com/x",
    "https://mydokument.com/x", "https://vdocumento.com/x", "https://vdocuments.mx/x", "https://datospdf.com/x",
    "https://pdfslide.tips/x",
]  # fmt: skip


@pytest.mark.parametrize("url", MIRRORS)
def test_mirrors_and_proxies_are_never_citations(url):
    assert "proxy or document mirror" in url_problem(url)


@pytest.mark.parametrize(("url", "problem"), [
    ("https://issuu.com./doc", "not a valid host"), ("ftp://congreso.gob.mx/a", "scheme"),
    ("https://-bad-.gob.mx/a", "not a valid host"),
])  # fmt: skip
def test_malformed_urls_are_refused(url, problem):
    assert problem in url_problem(url)


def test_original_publishers_and_stable_copies_are_citable():
    for url in ("https://www.congresoson.gob.mx/ley.pdf", "https://es.scribd.com/document/368709248/x",
                "https://github.com/PhilippeWhaat/LegismEx/blob/11b92d0/estados/chiapas/catalogo.json"):
        assert url_problem(url) is None
    assert is_official_host("https://legislacion.scjn.gob.mx/x") and not is_official_host("https://mexico.justia.com/x")


def test_the_gate_finds_a_planted_mirror_and_an_unofficial_official_row():
    con = duckdb.connect()
    con.execute("""CREATE TABLE evidence AS SELECT * FROM (VALUES
        ('ok', 'https://dof.gob.mx/nota.php', 'https://dof.gob.mx/nota.php', 'curated', 'official', 'official_site'),
        ('mirror', NULL, 'https://studylib.es/doc/1', 'curated', 'secondary', 'verbatim_copy'),
        ('badhost', 'https://issuu.com./d', 'https://issuu.com./d', 'curated', 'secondary', 'verbatim_copy'),
        ('notofficial', NULL, 'https://github.com/a/b', 'curated', 'official', 'official_site'))
        t(evidence_id, url, source_url, kind, confidence, source_kind)""")
    found = {rule.name: [row[0] for row in con.execute(rule.sql).fetchall()] for rule in _citation_rules()}
    assert found == {"expect_citations_on_citable_hosts": ["badhost", "mirror"],
                     "expect_official_evidence_on_official_hosts": ["notofficial"]}
