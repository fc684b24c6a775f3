"""An offline build from a raw store holding a state trafficking-law text (our fixture) publishes a scorecard
whose every ``present`` cell has a provision id and an excerpt that occurs in that provision."""

from __future__ import annotations

import csv
import datetime as dt
import shutil

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import REPO_DIR, DataPaths
from pipeline.fetch.store import RawStore
from pipeline.sources.states.dur import laws as dur
from tests.parse.builders import STATE_HEADER, paginate, pdf_from_pages
from tests.sources.states import test_dur

RETRIEVED = "2026-11-30T12:00:00Z"

BODY = [
    "LEY PARA LA ATENCIÓN DE LAS VÍCTIMAS DE TRATA DEL ESTADO MODELO.",
    "PUBLICADO EN EL PERIÓDICO OFICIAL No. 7, DE FECHA 15/01/2015, DECRETO 101, LXVI LEGISLATURA.",
    "CAPÍTULO I",
    "DISPOSICIONES GENERALES",
    "ARTÍCULO 1. Esta ley es de orden público y tiene por objeto la atención integral a las víctimas de trata.",
    "ARTÍCULO 2. Corresponde al Ejecutivo:",
    "I. Aprobar el Programa Estatal para Prevenir la Trata de Personas;",
    "II. Crear albergues y refugios para las víctimas;",
    "III. Impartir capacitación a los servidores públicos.",
    "ARTÍCULO 3. Se crea la Comisión Interinstitucional contra la Trata de Personas.",
    "ARTÍCULO 4. Los delitos previstos en la Ley General se investigarán por la Fiscalía Especializada.",
    "ARTÍCULO 5. El juez condenará al pago de la reparación del daño.",
    "TRANSITORIOS",
    "ARTÍCULO PRIMERO. La presente Ley entrará en vigor al día siguiente de su publicación.",
]


def _pdf() -> bytes:
    return pdf_from_pages(paginate(BODY, [*STATE_HEADER, "{page}"], per_page=12))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("scorecard") / "data"
    shutil.copytree(REPO_DIR / "data" / "registry", root / "registry")
    paths = DataPaths(root)
    store = RawStore(paths.raw)
    for url, content, ctype in [(dur.CATALOGUE_URL, test_dur.LISTING, "text/html"),
                                (test_dur.TRATA + ".pdf", _pdf(), "application/pdf")]:  # fmt: skip
        store.put(content, source=dur.INFO.name, url=url, final_url=url, retrieved_at=RETRIEVED, http_status=200,
                  content_type=ctype, outcome="ok")  # fmt: skip
    build(paths, validate=False)  # the gate rejects this fixture (a reform dated before its publication), so unvalidated
    # Only a validated build publishes; these tests read the --no-validate output as if it were the publication.
    shutil.copytree(paths.unvalidated, paths.processed)
    return paths


def test_published_scorecard_cells_rest_on_provisions_and_verbatim_excerpts(built):
    con = duckdb.connect(str(built.database), read_only=True)
    try:
        texts = dict(con.execute("SELECT provision_id, text FROM provisions").fetchall())
    finally:
        con.close()
    with (built.processed / "scorecard.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    durango = {r["element"]: r for r in rows if r["jurisdiction"] == "MX-DUR"}
    assert len(durango) == 18
    present = [r for r in rows if r["finding"] == "present"]
    assert {r["element"] for r in present} >= {"programa_estatal", "albergues", "capacitacion", "organo_coordinacion",
                                               "reparacion_dano", "fiscalia_especializada", "atencion_victimas"}
    for row in present:
        ids = row["provision_ids"].split("|")
        assert ids and all(i in texts for i in ids), row
        assert row["excerpt"] and row["excerpt"] in texts[ids[0]] and len(row["excerpt"]) <= 200, row
    assert durango["albergues"]["provision_ids"].endswith("~art_2.frac_II")
    # the law cites "los delitos previstos en la Ley General": it does not define offences itself
    assert durango["tipifica_delito"]["finding"] == "absent"
    others = {r["finding"] for r in rows if r["jurisdiction"] not in ("MX-DUR",)}
    assert others == {"text not yet fetched"}
    assert "scorecard.md" in (built.processed / "datapackage.json").read_text(encoding="utf-8")


def test_timing_and_invalidations_are_queryable(built):
    con = duckdb.connect(str(built.database), read_only=True)
    try:
        timing = dict(con.execute("SELECT jurisdiction, acted_after_lg FROM harmonisation_timing").fetchall())
        scjn = con.execute("SELECT jurisdiction, date FROM scjn_invalidations WHERE jurisdiction = 'MX-QUE'").fetchall()
    finally:
        con.close()
    assert len(timing) == 32 and timing["MX-DUR"] is True
    assert ("MX-QUE", dt.date(2015, 4, 28)) in scjn


def test_cli_reads_the_built_scorecard_for_one_state(built):
    import json

    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["--data-dir", str(built.root), "scorecard", "--state", "MX-DUR", "--as-of", "2026-11-30", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["element"]: r for r in json.loads(result.output)}
    assert len(rows) == 18 and {r["jurisdiction"] for r in rows.values()} == {"MX-DUR"}
    assert rows["albergues"]["finding"] == "present"
    result = CliRunner().invoke(app, ["--data-dir", str(built.root), "scorecard", "--state", "MX-SON", "--as-of", "2026-11-30", "--format", "md"])
    assert result.exit_code == 0 and "*text not yet fetched*" in result.output


def test_an_accepted_element_review_changes_the_next_builds_finding(built, tmp_path):
    import json
    import subprocess
    import sys

    from pipeline.store.reviews import element_subject, review_id

    root = tmp_path / "data"
    shutil.copytree(built.root, root)
    paths = DataPaths(root)

    def cli(*args):
        result = subprocess.run([sys.executable, "-m", "pipeline", "--data-dir", str(root), *args],
                                capture_output=True, text=True, check=False)  # fmt: skip
        assert result.returncode == 0, result.stderr + result.stdout
        return result.stdout

    queue = {i["subject"]: i for i in json.loads(cli("review", "list", "--json"))}
    # five articles only: an absent finding is uncertain (the text may be incomplete) and waits for a person
    [version] = {s.split("|")[0] for s in queue if s.startswith("MX-DUR/")}
    assert element_subject(version, "albergues") not in queue  # present with a strong rule: nothing to review
    item = queue[element_subject(version, "fondo_victimas")]
    assert (item["review_kind"], item["proposed"]) == ("element_finding", "absent")
    assert item["review_id"] == review_id("element_finding", f"{version}|fondo_victimas")
    cli("review", "accept", item["review_id"], "--label", "partial", "--by", "Ana Revisora",
        "--note", "art. 5: reparation is ordered, no fund is created")  # fmt: skip
    victims = queue[element_subject(version, "proteccion_testigos")]["review_id"]
    cli("review", "reject", victims, "--by", "Ana Revisora", "--note", "only five articles were parsed")
    decisions = [json.loads(line) for line in (paths.registry / "reviews" / "decisions.jsonl").read_text().splitlines()]
    assert [(d["kind"], d["decision"], d["label"]) for d in decisions[-2:]] == [
        ("element_finding", "accepted", "partial"), ("element_finding", "rejected", "not_assessed")]
    build(paths, validate=False)
    con = duckdb.connect(str(paths.unvalidated / "proteja.duckdb"), read_only=True)
    try:
        found = dict(con.execute("SELECT element, (finding, needs_review, reviewed_by) FROM element_findings "
                                 "WHERE version_id = ? AND reviewed_by IS NOT NULL", [version]).fetchall())  # fmt: skip
        applied = con.execute("SELECT applied_to FROM reviews WHERE review_id = ?", [item["review_id"]]).fetchone()
    finally:
        con.close()
    assert found == {"fondo_victimas": ("partial", False, "Ana Revisora"),
                     "proteccion_testigos": ("not_assessed", False, "Ana Revisora")}
    assert applied == (1,)
    with (paths.unvalidated / "scorecard.csv").open(encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["jurisdiction"] == "MX-DUR" and r["element"] == "fondo_victimas")
    assert (row["finding"], row["needs_review"], row["reviewed_by"], row["review_note"]) == (
        "partial", "false", "Ana Revisora", "art. 5: reparation is ordered, no fund is created")
    assert "| ◐ partial (*reviewed by Ana Revisora," in (paths.unvalidated / "scorecard.md").read_text(encoding="utf-8")
    listed = {i["subject"] for i in json.loads(cli("review", "list", "--json"))}
    assert element_subject(version, "fondo_victimas") not in listed and element_subject(version, "palermo_fin") in listed


def test_a_curated_invalidation_strikes_the_provision_in_the_built_scorecard(built, tmp_path):
    """A provisions_invalidated fact (a fictional ruling added to a copy of the registry) becomes effects on the
    parsed text and turns the element that only the struck fracción carried into ``invalidated``."""
    root = tmp_path / "data"
    shutil.copytree(built.root, root)
    paths = DataPaths(root)
    row = ["MX-DUR", "scjn-ai-99-2016", "Acción de Inconstitucionalidad 99/2016 (fixture)", "sentencia_scjn",
           "provisions_invalidated", "2016-05-02", "Diario Oficial de la Federación", "", "AI 99/2016", "",
           "https://example.org/fixture/ai-99-2016", "2026-12-01", "secondary",
           "TERCERO. Se declara la invalidez de la fracción II del artículo 2 de la Ley para la Atención de las "
           "Víctimas de Trata del Estado Modelo. CUARTO. Publíquese.", "other", ""]  # fmt: skip
    with (paths.registry / "facts" / "DUR.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(row)
    build(paths, validate=False)
    con = duckdb.connect(str(paths.unvalidated / "proteja.duckdb"), read_only=True)
    try:
        effects = con.execute("SELECT provision_eid, effect_type, effect_date, decree FROM effects "
                              "WHERE effect_type = 'invalidacion'").fetchall()  # fmt: skip
        cited = con.execute("SELECT count(*) FROM evidence WHERE fact_table = 'effects' AND source_url = "
                            "'https://example.org/fixture/ai-99-2016'").fetchone()[0]  # fmt: skip
        shelters = con.execute("SELECT finding, invalidated_by FROM element_findings f JOIN instrument_versions v "
                               "USING (version_id) WHERE v.instrument_id = 'MX-DUR/ley-trata-2012' "
                               "AND element IN ('albergues', 'programa_estatal') ORDER BY element").fetchall()  # fmt: skip
    finally:
        con.close()
    assert effects == [("art_2.frac_II", "invalidacion", dt.date(2016, 5, 2), "AI 99/2016")]
    assert cited == 1
    # art. 2 frac. II created the shelters; frac. I (the state programme) stands
    assert shelters == [("invalidated", "AI 99/2016"), ("present", None)]
    assert "⊘ invalidated (*SCJN: AI 99/2016*)" in (paths.unvalidated / "scorecard.md").read_text(encoding="utf-8")
