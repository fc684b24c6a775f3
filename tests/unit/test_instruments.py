"""The instrument catalogue: identity by jurisdiction + name, and type disagreements as conflicts."""

from __future__ import annotations

from pipeline.core.instruments import Catalogue, CatalogueEntry, catalogue, title_key
from pipeline.core.paths import REPO_DIR, DataPaths
from pipeline.core.records import EventRecord, Evidence, Instrument
from pipeline.jobs.catalogue import missing_entries
from pipeline.store.load import Loader


def test_resolves_titles_whatever_their_case_accents_and_punctuation():
    cat = catalogue()
    upper = ("LEY GENERAL PARA PREVENIR, SANCIONAR Y ERRADICAR LOS DELITOS EN MATERIA DE TRATA DE PERSONAS Y PARA LA "
             "PROTECCION Y ASISTENCIA A LAS VICTIMAS DE ESTOS DELITOS")  # fmt: skip
    assert cat.resolve("MX", upper).slug == "lgpsedmtp"
    assert cat.resolve("MX", "LGPSEDMTP").slug == "lgpsedmtp"  # alias
    assert cat.resolve("MX", "Ley para Prevenir y Sancionar la Trata de Personas").slug == "lpstp-2007"
    assert cat.resolve("MX-CHP", upper) is None  # names are per jurisdiction
    assert title_key("Ley  de Víctimas, del Estado.") == "ley de victimas del estado"


def test_a_former_title_resolves_and_an_ambiguous_name_does_not():
    cat = Catalogue([
        CatalogueEntry("MX-NLE", "ley-trata", "Ley para Prevenir, Atender, Combatir y Erradicar la Trata",
                       "ley_estatal_trata", former_titles=("Ley para Prevenir, Atender y Erradicar la Trata",)),
        CatalogueEntry("MX-NLE", "a", "Ley X", "otro", aliases=("Ley Y",)),
        CatalogueEntry("MX-NLE", "b", "Ley Z", "otro", aliases=("Ley Y",)),
    ])  # fmt: skip
    assert cat.resolve("MX-NLE", "LEY PARA PREVENIR, ATENDER Y ERRADICAR LA TRATA").slug == "ley-trata"
    assert cat.resolve("MX-NLE", "Ley Y") is None


def test_every_registry_instrument_is_in_the_catalogue():
    assert missing_entries(DataPaths(REPO_DIR / "data"), catalogue()) == []


def _event(kind: str, instrument_type: str, day) -> EventRecord:
    if kind == "scraped":
        evidence = Evidence(kind="scraped", source="test", sha256="a" * 64)
    else:
        evidence = Evidence(kind="curated", source="registry", source_url="https://x.gob.mx/", accessed=day,
                            confidence="official")  # fmt: skip
    return EventRecord(Instrument("MX-DUR", "ley-trata", "Ley", instrument_type), "published", day, evidence)


def test_a_type_disagreement_is_a_conflict_row_not_an_exception():
    import datetime as dt

    loader = Loader()
    loader.add(_event("curated", "otro", dt.date(2012, 7, 15)))
    loader.add(_event("scraped", "ley_estatal_trata", dt.date(2012, 7, 15)))
    instruments = loader.resolve_instruments()
    assert instruments["MX-DUR/ley-trata"].instrument_type == "ley_estatal_trata"
    conflicts = loader.resolve_conflicts()
    assert [(c["field"], c["kept_value"], c["other_value"], c["resolution"]) for c in conflicts] == [
        ("instrument_type", "ley_estatal_trata", "otro", "scraped_over_curated")]
