"""``proteja scout`` offline: one state OK, one blocked by a challenge page, one whose layout changed."""

from __future__ import annotations

import dataclasses
import json

from typer.testing import CliRunner

from pipeline.core.paths import DataPaths
from pipeline.fetch.challenge import detect_block
from pipeline.fetch.errors import Blocked
from pipeline.fetch.runs import read_runs
from pipeline.jobs import scout as scout_job
from pipeline.jobs.coverage import coverage_rows
from pipeline.sources.national.ojn import info as ojn_info
from pipeline.sources.national.ojn.source import OjnSource
from pipeline.sources.states.agu import laws as agu
from tests.sources.conftest import FIXTURES, FakeFetcher
from tests.sources.test_conformance import mutate

CHALLENGE = (FIXTURES / "runtime" / "cloudflare.html").read_bytes()
AGU_PAGE = (FIXTURES / "states" / "agu" / "leyes.html").read_bytes()
BCN_URL = "https://www.congresobc.gob.mx/leyes.html"
CHP_URL = "https://www.congresochiapas.gob.mx/leyes.html"


class ChallengeAwareFetcher(FakeFetcher):
    """The FakeFetcher plus the runtime's challenge detection (as HttpFetcher applies it)."""

    def get(self, url, *, source):
        response = super().get(url, source=source)
        reason = detect_block(response.content, "text/html", 200)
        if reason:
            raise Blocked(reason, url)
        return response


class FakeStateSource:
    """A state law source whose first layer is the Aguascalientes catalogue page class at another URL."""

    def __init__(self, code: str, url: str):
        self.info = dataclasses.replace(agu.INFO, name=f"mx-{code[3:].lower()}-test-leyes", jurisdiction=code,
                                        jurisdictions=(code,))  # fmt: skip
        self.url = url

    def first_layer(self, states):
        return [(self.info.jurisdiction, self.url, agu.LawCatalogue, self.info)]


def _registry():
    return {agu.INFO.name: agu.SOURCE, "bcn": FakeStateSource("MX-BCN", BCN_URL),
            "chp": FakeStateSource("MX-CHP", CHP_URL), ojn_info.INFO.name: OjnSource(["MX-PUE"])}  # fmt: skip


def _fetcher():
    return ChallengeAwareFetcher({
        agu.CATALOGUE_URL: AGU_PAGE,  # the AGU package's own first page class, found by discovery
        BCN_URL: CHALLENGE,
        CHP_URL: mutate(agu.LawCatalogue, AGU_PAGE),
        ojn_info.list_url(21, 2): (FIXTURES / "national" / "ojn" / "listPoder2_edo21_poder2.html").read_bytes(),
    })  # fmt: skip


def test_scout_says_ok_blocked_and_changed_per_state(tmp_path):
    runs_file = tmp_path / "raw" / "runs.jsonl"
    results = {(r.state, r.source, r.url): r for r in scout_job.scout(_fetcher(), _registry(), runs_file=runs_file)}
    ok = results[("MX-AGU", agu.INFO.name, agu.CATALOGUE_URL)]
    assert (ok.reachable, ok.fetch, ok.layout, ok.rows) == (True, "ok", "as expected", 20)
    assert ok.laws == [("LEY PARA PREVENIR Y ERRADICAR LA TRATA DE PERSONAS EN EL ESTADO DE AGUASCALIENTES",
                        "https://congresoags.gob.mx/agenda_legislativa/leyes/descargarPdf/419")]  # fmt: skip
    blocked = results[("MX-BCN", "mx-bcn-test-leyes", BCN_URL)]
    assert (blocked.reachable, blocked.fetch, blocked.layout, blocked.laws) == (True, "blocked", "not checked", [])
    changed = results[("MX-CHP", "mx-chp-test-leyes", CHP_URL)]
    assert (changed.fetch, changed.layout) == ("ok", "changed") and "matched 0 elements" in changed.error
    ojn = results[("MX-PUE", ojn_info.INFO.name, ojn_info.list_url(21, 2))]
    assert ojn.layout == "as expected" and [t for t, _u in ojn.laws] == [
        "Ley para Prevenir y Erradicar los Delitos en Materia de Trata de Personas y para la Protección y Asistencia "
        "a las Víctimas de estos Delitos en el Estado de Puebla",
        "Ley para la Prevención del Delito de Trata de Personas y para la Protección y Asistencia de sus Víctimas "
        "del Estado de Puebla",
    ]  # fmt: skip
    assert ojn.laws[0][1] == ojn_info.ficha_url(50640)
    assert len([r for r in results.values() if r.source == ojn_info.INFO.name]) == 4  # every idPoder


def test_each_probe_is_a_scout_run_that_coverage_shows(tmp_path):
    runs_file = tmp_path / "raw" / "runs.jsonl"
    scout_job.scout(_fetcher(), _registry(), runs_file=runs_file)
    runs = {row["source"]: row for row in read_runs(runs_file)}
    assert {row["mode"] for row in runs.values()} == {"scout"}
    assert runs[agu.INFO.name]["ok"] and runs[agu.INFO.name]["outcomes"] == {"ok": 1}
    assert runs["mx-bcn-test-leyes"]["outcomes"] == {"blocked": 1} and not runs["mx-bcn-test-leyes"]["ok"]
    assert runs["mx-chp-test-leyes"]["outcomes"] == {"layout_changed": 1}
    assert runs[ojn_info.INFO.name]["outcomes"] == {"http_error": 3, "ok": 1}
    rows = {r["code"]: r for r in coverage_rows(DataPaths.from_env(tmp_path))}
    assert rows["MX-AGU"]["last_live_run"].startswith(f"{agu.INFO.name} ") and "ok" in rows["MX-AGU"]["last_live_run"]


def test_state_filter_takes_that_state_only(tmp_path):
    results = scout_job.scout(_fetcher(), _registry(), state="Aguascalientes")
    assert [(r.state, r.source) for r in results] == [("MX-AGU", agu.INFO.name)] + [("MX-AGU", ojn_info.INFO.name)] * 4
    assert {r.url for r in results if r.source == ojn_info.INFO.name} == {ojn_info.list_url(1, p) for p in range(1, 5)}
    puebla = scout_job.scout(_fetcher(), _registry(), state="21")  # the OJN/INEGI number works too
    assert {r.source for r in puebla} == {ojn_info.INFO.name}


def test_scout_help_explains_what_it_checks():
    from pipeline.cli import app

    result = CliRunner().invoke(app, ["scout", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for phrase in ("FIRST layer", "reachable", "blocked", "layout", "trafficking law", "TLS always verified",
                   "mode 'scout'"):  # fmt: skip
        assert phrase in result.output, phrase


def test_a_source_without_a_first_layer_is_listed_not_dropped(tmp_path):
    class Bare:
        info = dataclasses.replace(agu.INFO, name="mx-dur-bare", jurisdiction="MX-DUR", jurisdictions=("MX-DUR",))

    (result,) = scout_job.scout(_fetcher(), {"bare": Bare()}, runs_file=tmp_path / "runs.jsonl")
    assert (result.state, result.fetch, result.layout) == ("MX-DUR", "not probed", "not checked")
    assert not (tmp_path / "runs.jsonl").exists()  # nothing was fetched: no run is recorded


def test_as_dict_is_json_ready():
    result = scout_job.ScoutResult("MX-AGU", "x", "https://e/", laws=[("Ley", "https://e/1")])
    assert json.loads(json.dumps(result.as_dict()))["laws"] == [{"title": "Ley", "url": "https://e/1"}]
