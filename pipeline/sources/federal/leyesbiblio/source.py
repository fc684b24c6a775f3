"""The LeyesBiblio source: the tracked law's history, its codNotas, its text and its predecessors."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from pipeline.core.errors import LayoutChanged, ScrapeError
from pipeline.core.fetching import Fetcher, Response, RunReport, SourceInfo
from pipeline.core.records import EventRecord, Evidence, Instrument
from pipeline.parse.dates import parse_date
from pipeline.sources.federal import dof
from pipeline.sources.federal.leyesbiblio.info import BASE, CODNOTAS_FILE, GAZETTE, INDEX_URL, INFO, TRACKED
from pipeline.sources.federal.leyesbiblio.pages import CatalogueRow, IndexPage, RefEntry, RefPage
from pipeline.sources.kit import run_source

log = logging.getLogger(__name__)


# --- codNota linking ----------------------------------------------------------------------------------


def shipped_codnotas() -> list[int]:
    """LGPSEDMTP's codNotas in reform order (index 0 = original), cited from INGEOTEC/LegalIA."""
    return list(json.loads(CODNOTAS_FILE.read_text(encoding="utf-8"))["codnotas"])


def match_note(notes: list[dict], title: str | None, law_name: str | None = None) -> dict | None:
    """The day's note whose title is the decree title (or, for an original publication, that expides the law)."""
    best, best_ratio = None, 0.0
    for note in notes:
        candidate = dof.plain_text(note["title"])
        if law_name and candidate.startswith("decreto") and dof.plain_text(f"expide la {law_name}") in candidate:
            return note
        if title:
            ratio = difflib.SequenceMatcher(None, dof.plain_text(title), candidate).ratio()
            if ratio > best_ratio:
                best, best_ratio = note, ratio
    return best if best_ratio >= 0.9 else None


def sidof_notes(fetcher, day: dt.date) -> tuple[list[dict], Response | None]:
    """The SIDOF notes of a past day (read once), or ([], None) when unavailable."""
    try:
        response = dof.get_once(fetcher, dof.sidof_day_url(day), dof.INFO, recheck=False)
        return dof.SidofDayPage(response).parse(), response
    except ScrapeError as exc:
        log.info("SIDOF day %s unavailable: %s", day, exc)
        return [], None


# --- law PDFs -----------------------------------------------------------------------------------------

_ABROGATES = re.compile(
    r"Se abroga la (Ley para Prevenir y Sancionar la Trata de Personas),?\s+publicada en el\s+Diario\s+Oficial"
    r"\s+de la Federaci[oó]n\s+el\s+(?:d[ií]a\s+)?(\d{1,2}\s+de\s+\w+\s+de\s+\d{4})",
    re.I,
)


def pdf_text(content: bytes) -> str:
    """Plain text of a PDF: the law parser's own extraction (memoised), so each PDF is extracted once."""
    from pipeline.parse.extract import DocumentError, extract_text

    try:
        return extract_text(content).text
    except DocumentError:
        return ""


def abrogated_laws(text: str) -> list[tuple[str, dt.date]]:
    """(law title, its publication date) for each law the text's transitorios abrogate by name."""
    flat = " ".join(text.split())
    return [(m.group(1), parse_date(m.group(2))) for m in _ABROGATES.finditer(flat)]


def version_record(content: bytes, instrument: Instrument, evidence: Evidence):
    """The law parser's VersionRecord for a consolidated PDF, or None when the document cannot be parsed."""
    from pipeline.parse.versions import law_version

    # Cached by (sha256, parser version); an unparseable document is recorded, not fatal.
    return law_version(content, instrument, evidence)


# --- the source -----------------------------------------------------------------------------------------


def scraped(response: Response, day: dt.date | None, cod_nota=None, source: str = INFO.name) -> Evidence:
    return dof.evidence_for(response, day, cod_nota, source=source)


def _event(instrument, event_type, day, evidence, title=None, cod_nota=None, note=None) -> EventRecord:
    return EventRecord(instrument, event_type, day, evidence, gazette=GAZETTE,
                       issue=f"codNota {cod_nota}" if cod_nota else None, title=title,
                       official_url=dof.nota_detalle_url(cod_nota, day) if cod_nota else None, note=note)


@dataclass
class LeyesBiblioSource:
    info: SourceInfo = INFO
    tracked: dict = field(default_factory=lambda: dict(TRACKED))

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        index = IndexPage(fetcher.get(INDEX_URL, source=INFO))
        report.saw("index")
        catalogue = {row.abbr: row for row in index.catalogue()}
        for abbr, instrument in self.tracked.items():
            row = catalogue.get(abbr)
            if row is None:
                raise LayoutChanged(f"tracked law {abbr!r} missing from index.htm", INDEX_URL)
            yield from self.law_history(fetcher, row, instrument)
            if row.pdf_url:
                yield from self.law_text(fetcher, row, instrument)

    def law_history(self, fetcher, row: CatalogueRow, instrument: Instrument) -> Iterator[EventRecord]:
        response = fetcher.get(row.ref_url, source=INFO)
        history = RefPage(response).history()
        shipped = shipped_codnotas() if instrument.slug == "lgpsedmtp" else []
        original_day = history.original or row.published
        notes, _ = sidof_notes(fetcher, original_day)
        matched = match_note(notes, None, law_name=instrument.title)
        cod = matched["cod_nota"] if matched else (shipped[0] if shipped else None)
        yield _event(instrument, "published", original_day, scraped(response, original_day, cod),
                     title=matched["title"] if matched else None, cod_nota=cod)
        for position, entry in enumerate(history.reforms, start=1):
            yield self._reform_event(fetcher, instrument, entry, response, shipped, position)
        for entry in history.entries:
            if entry.kind in ("errata", "ruling"):
                event_type = "errata" if entry.kind == "errata" else "provisions_invalidated"
                yield _event(instrument, event_type, entry.date, scraped(response, entry.date), title=entry.title,
                             note="SCJN ruling listed by LeyesBiblio; provisions not parsed" if entry.kind == "ruling"
                             else None)

    def _reform_event(self, fetcher, instrument, entry: RefEntry, response, shipped, position) -> EventRecord:
        notes, _ = sidof_notes(fetcher, entry.date) if entry.date else ([], None)
        matched = match_note(notes, entry.title)
        cod = matched["cod_nota"] if matched else (shipped[position] if position < len(shipped) else None)
        warnings = list(entry.warnings)
        if matched and position < len(shipped) and shipped[position] != cod:
            warnings.append(f"SIDOF title match gives codNota {cod}, shipped list {shipped[position]}")
        return _event(instrument, "reformed", entry.date, scraped(response, entry.date, cod), title=entry.title,
                      cod_nota=cod, note="; ".join(warnings) or None)

    def law_text(self, fetcher, row: CatalogueRow, instrument: Instrument) -> Iterator:
        from pipeline.parse.versions import record_unparsed

        response = fetcher.get(row.pdf_url, source=INFO)
        # A bad law text must not cost the catalogue and reform events: it is recorded as unparsed.
        if not response.content.startswith(b"%PDF"):
            record_unparsed(f"{instrument.instrument_id} {response.sha256[:12]}: not_pdf: {row.pdf_url} is not a PDF")
            return
        evidence = Evidence(kind="scraped", source=INFO.name, url=response.url, sha256=response.sha256,
                            retrieved_at=response.retrieved_at, date=row.last_reform)
        version = version_record(response.content, instrument, evidence)
        if version is None:
            return  # recorded as unparsed; nothing else can be read from these bytes
        yield version
        yield from self.predecessors(fetcher, pdf_text(response.content), row, response)

    def predecessors(self, fetcher, text: str, row: CatalogueRow, response: Response) -> Iterator[EventRecord]:
        """Publication and abrogation of the laws this law's decree abrogated (the 2007 trafficking law)."""
        for title, published in abrogated_laws(text):
            if dof.plain_text(title) != dof.plain_text(dof.LPSTP_2007.title):
                continue
            law = dof.LPSTP_2007
            notes, _ = sidof_notes(fetcher, published)
            matched = match_note(notes, None, law_name=law.title)
            cod = matched["cod_nota"] if matched else None
            yield _event(law, "published", published, scraped(response, published, cod),
                         title=matched["title"] if matched else None, cod_nota=cod,
                         note="date from the abrogating decree's transitorio")
            abrogation_cod = (match_note(sidof_notes(fetcher, row.published)[0], None, law_name=dof.LGPSEDMTP.title)
                              or {}).get("cod_nota")
            yield _event(law, "abrogated", row.published, scraped(response, row.published, abrogation_cod),
                         title=f"Se abroga la {law.title} (transitorio segundo de la {row.title})",
                         cod_nota=abrogation_cod)


SOURCE = LeyesBiblioSource()


# --- inspect ------------------------------------------------------------------------------------------------


def inspect_index(path: Path) -> list[dict]:
    return IndexPage(Response(url=INDEX_URL, content=Path(path).read_bytes(), sha256="")).parse()


def inspect_ref(path: Path) -> list[dict]:
    url = urljoin(BASE, f"ref/{Path(path).stem.lower()}.htm")
    return RefPage(Response(url=url, content=Path(path).read_bytes(), sha256="")).parse()


INSPECT_KINDS = {"leyesbiblio-index": inspect_index, "leyesbiblio-ref": inspect_ref}
