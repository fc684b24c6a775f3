"""The scorecard on the real samples (../shared/real-samples): the Ley General and two Durango laws.

Every article asserted here was checked by reading the text (LGPSEDMTP_extracted.txt for the federal law).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.paths import REPO_DIR

SAMPLES = REPO_DIR.parent / "shared" / "real-samples"
FEDERAL = SAMPLES / "leyesbiblio" / "LGPSEDMTP.pdf"
DURANGO = SAMPLES / "state-laws"

#: element → an article that carries it in the Ley General (read in the text).
FEDERAL_ARTICLES = {
    "programa_estatal": "art_92",  # the Comisión designs the Programa Nacional
    "organo_coordinacion": "art_84",  # establishes the Comisión Intersecretarial
    "albergues": "art_62",  # fr. V: refugios y albergues
    "reparacion_dano": "art_48",  # Del Resarcimiento y Reparación del Daño
    "fondo_victimas": "art_81",  # a fund for the protection and assistance of victims
    "consentimiento_irrelevante": "art_40",
    "no_criminalizacion_victimas": "art_37",  # no se procederá en contra de la víctima
    "tipifica_delito": "art_10",  # 5 to 15 years of prison
    "palermo_acto": "art_10",  # captar, enganchar, transportar, transferir, retener …
    "palermo_fin": "art_10",  # con fines de explotación; fr. III prostitución ajena …
    "palermo_medio": "art_16",  # uso de la fuerza, el engaño, la violencia …
    "capacitacion": "art_113",  # fr. IV: capacitación y profesionalización
    "registro_estadistico": "art_113",  # fr. XVII: datos y estadísticas delictivas
    "participacion_sociedad_civil": "art_62",  # fr. V: podrán participar la sociedad civil
}


def _scorecard(path) -> dict[str, dict]:
    result = CliRunner().invoke(app, ["scorecard", "--file", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {row["element"]: row for row in json.loads(result.output)}


@pytest.fixture(scope="module")
def federal():
    if not FEDERAL.exists():
        pytest.skip("../shared/real-samples/leyesbiblio/LGPSEDMTP.pdf is absent")
    return _scorecard(FEDERAL)


def test_federal_law_elements_are_found_in_the_articles_that_carry_them(federal):
    for code, article in FEDERAL_ARTICLES.items():
        assert federal[code]["finding"] == "present", code
        assert article in federal[code]["articles"], (code, federal[code]["articles"])
    assert all(row["finding"] == "present" for row in federal.values())  # the Ley General has every element
    assert len(FEDERAL_ARTICLES) >= 10


def test_federal_excerpts_occur_in_the_text(federal):
    text = " ".join((SAMPLES / "leyesbiblio" / "LGPSEDMTP_extracted.txt").read_text(encoding="utf-8").split())
    assert " ".join(federal["consentimiento_irrelevante"]["excerpt"].split())[:80] in text
    assert all(len(row["excerpt"]) <= 200 for row in federal.values())


@pytest.fixture(scope="module")
def durango():
    files = sorted(DURANGO.glob("durango_*.pdf")) if DURANGO.exists() else []
    if not files:
        pytest.skip("../shared/real-samples/state-laws/durango_*.pdf are absent")
    return {f.stem: _scorecard(f) for f in files}


def test_durango_laws_are_scored_without_errors(durango):
    for name, rows in durango.items():
        assert len(rows) == 18, name
        assert {r["finding"] for r in rows.values()} <= {"present", "partial", "absent"}, name


def test_durango_findings_verified_by_reading(durango):
    women = durango["durango_ley_mujeres_vida_sin_violencia"]
    assert "art_4" in women["albergues"]["articles"]  # fr. XVII: "Refugios: A los albergues, centros …"
    assert "art_4" in women["organo_coordinacion"]["articles"]  # fr. IV: the Consejo Estatal
    assert "art_22" in women["proteccion_testigos"]["articles"]  # fr. III: protección legal … testigos
    victims = durango["durango_ley_victimas"]
    assert "art_12" in victims["proteccion_testigos"]["articles"]  # fr. X: protección de … testigos
    assert "art_99" in victims["albergues"]["articles"]
    for rows in durango.values():  # neither is a trafficking law: no offences, no Palermo definition
        for code in ("tipifica_delito", "palermo_acto", "palermo_fin", "consentimiento_irrelevante"):
            assert rows[code]["finding"] == "absent", code
    assert victims["fondo_victimas"]["finding"] == "partial"  # "el Fondo Estatal" without "víctimas" nearby
