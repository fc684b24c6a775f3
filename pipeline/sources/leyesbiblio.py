"""LeyesBiblio (Cámara de Diputados): the federal law catalogue, reform histories and law PDFs.

``../shared/sources.md`` §2. Bytes are cp1252 even where the page declares utf-8 [raw: index.htm].

* ``index.htm`` [raw]: one table, header ``No. | LEY / Página de Reformas | Última Reforma | TEXTO
  VIGENTE``; a law row holds the number, the title linked to ``ref/<abbr>.htm``, ``DOF dd/mm/yyyy``
  (original publication), optional flags ("Nueva reforma", "Ley Abrogada", "Ley abrogada a partir del
  …", "( Declaratoria de Invalidez de la Ley DOF … )", "(Antes "…")"), the last reform and the PDF /
  DOC / mobile links. Some numbers carry a letter ("060 A"): superseded budget laws kept next to their
  successor, linking ``abro/`` pages instead of ``ref/``.
* ``ref/<abbr>.htm`` [code: LegalIA leyesmx/diputados.py + tests — no raw copy exists]: "Publicación
  Original" then "Decretos de Reforma", a table whose rows are number | title + a link paragraph
  ``| <a href="lgpsedmtp/LGPSEDMTP_ref01_19mar14.pdf">DOF 19-03-2014</a> | …``. The table mixes reforms
  with errata (``_fe``), SCJN rulings (``_sent``/``_voto``), peso-amount updates (``_cant``) and
  others, each numbered from 1. Dates come as ``DOF dd-mm-yyyy`` or bare and sometimes with typos
  (``DOF 04-06-214``): the file-name date (``04jun14``) recovers them. Known data error: LGPSEDMTP's
  reform 4 links reform 3's PDF — the number column wins over the file name.

The source yields LGPSEDMTP's publication and reforms (each linked to its DOF ``codNota``: first by
matching the decree title in the SIDOF day list, then from the shipped list in
``data/lgpsedmtp_codnotas.json``), the VersionRecord of its consolidated PDF, and the 2007 law it
abrogated, whose facts come from the LGPSEDMTP text's second transitorio ("Se abroga la Ley para
Prevenir y Sancionar la Trata de Personas, publicada en el Diario Oficial de la Federación el día 27 de
noviembre de 2007") and from the DOF day lists of both dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from pipeline import problems
from pipeline.parse.dates import DateParseError, find_dates, parse_date, parse_filename_date
from pipeline.records import EventRecord, Evidence, Instrument
from pipeline.sources import dof
from pipeline.sources.base import LayoutChanged, Page, Response, ScrapeError, SourceInfo

log = logging.getLogger(__name__)

INFO = SourceInfo(
    name="leyesbiblio",
    title="Cámara de Diputados — Leyes Federales Vigentes (LeyesBiblio)",
    jurisdiction="MX",
    homepage="https://www.diputados.gob.mx/LeyesBiblio/",
    allowed_hosts=("www.diputados.gob.mx", "diputados.gob.mx"),
    encoding="cp1252",
    min_interval_s=1.5,
    formats=("html", "pdf", "doc"),
    covers="Federal law catalogue (publication, last reform, flags), per-law reform histories, consolidated PDFs",
    notes="cp1252 bytes under a utf-8 declaration; server resets connections now and then.",
)

BASE = "https://www.diputados.gob.mx/LeyesBiblio/"
INDEX_URL = urljoin(BASE, "index.htm")
GAZETTE = dof.GAZETTE
DATA_DIR = Path(__file__).resolve().parent / "data"
CODNOTAS_FILE = DATA_DIR / "lgpsedmtp_codnotas.json"

#: Laws whose reform history and text this source follows (abbr → Instrument).
TRACKED = {"lgpsedmtp": dof.LGPSEDMTP}


# --- the catalogue (index.htm) ------------------------------------------------------------------------

_NUMBER = re.compile(r"^\d{3}(?:\s*[A-Z])?$")
_DOF_SLASH = re.compile(r"DOF\s*(\d{1,2}/\d{1,2}/\d{4})")
#: A publication spread over several issues: "DOF 01 al 08/01/1912" (Ordenanza General de la Armada).
_DOF_RANGE = re.compile(r"DOF\s*(\d{1,2})\s+al\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_ABROGATED = re.compile(r"\babrogad[oa]\b", re.I)


def _clean(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _dof_date(text: str) -> dt.date | None:
    match = _DOF_SLASH.search(text)
    return parse_date(match.group(1)) if match else None


def _dof_span(text: str) -> tuple[dt.date | None, dt.date | None]:
    """(first, last) day of a publication line; last is None unless it spans several issues."""
    span = _DOF_RANGE.search(text)
    if span:
        first, last, month, year = (int(g) for g in span.groups())
        return dt.date(year, month, first), dt.date(year, month, last)
    return _dof_date(text), None


@dataclass
class CatalogueRow:
    number: str
    abbr: str
    title: str
    published: dt.date | None
    published_until: dt.date | None  # last issue of a publication spread over several issues
    last_reform: dt.date | None
    last_reform_note: str | None
    flags: list[str]
    pdf_url: str | None
    doc_url: str | None
    ref_url: str | None
    mobile_url: str | None
    abrogated: bool = False
    abrogation_date: dt.date | None = None
    abrogation_deadline: dt.date | None = None
    invalidated: bool = False
    invalidation_date: dt.date | None = None
    former_titles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        return {k: _iso(v) if isinstance(v, dt.date) else v for k, v in data.items()}


def read_flags(row: CatalogueRow) -> CatalogueRow:
    """Interpret the free-text flags printed under a law's title."""
    for flag in row.flags:
        inner = flag.strip("() ")
        dates = find_dates(inner)
        if inner.lower().startswith("antes"):
            row.former_titles.append(inner[5:].strip(' "“”'))
        elif inner.startswith("Declaratoria de Invalidez"):
            row.invalidated, row.invalidation_date = True, dates[0] if dates else None
        elif _ABROGATED.search(inner):
            row.abrogated = True
            if "plazo" in inner:  # "Abrogado en un plazo que no exceda del 01/04/2027": a deadline
                row.abrogation_deadline = dates[0] if dates else None
            else:
                row.abrogation_date = dates[0] if dates else None
    return row


class IndexPage(Page):
    """``index.htm``: every law row of the catalogue."""

    source = INFO

    def rows(self):
        header = self.select_one("tr:has(> td:-soup-contains('Última Reforma'))")
        table = header.find_parent("table")
        return [tr for tr in table.find_all("tr") if self._is_law_row(tr)]

    @staticmethod
    def _is_law_row(tr) -> bool:
        cells = tr.find_all("td", recursive=False)
        return len(cells) == 4 and bool(_NUMBER.match(_clean(cells[0].get_text(" "))))

    def parse(self) -> list[dict]:
        rows = self.rows()
        if not rows:
            raise LayoutChanged("index.htm has no law rows", self.url)
        return [self.read_row(tr).to_dict() for tr in rows]

    def catalogue(self) -> list[CatalogueRow]:
        """Every readable row; a row with an impossible date (``DOF 31/02/1917``) is skipped and recorded."""
        rows = []
        for number, tr in enumerate(self.rows(), start=1):
            try:
                rows.append(self.read_row(tr))
            except DateParseError as exc:
                problems.record(INFO.name, f"{self.url} row {number}", "parse_error", exc)
        return rows

    def read_row(self, tr) -> CatalogueRow:
        number_cell, law_cell, reform_cell, files_cell = tr.find_all("td", recursive=False)
        title_link = self.select_one("a[href]", root=law_cell)
        paragraphs = [_clean(p.get_text(" ")) for p in law_cell.find_all("p")]
        dated = [p for p in paragraphs[1:] if _DOF_SLASH.fullmatch(p) or _DOF_RANGE.fullmatch(p)]
        published, published_until = _dof_span(dated[0]) if dated else (None, None)
        flags = [p for p in paragraphs[1:] if p and p not in dated]
        reform_text = _clean(reform_cell.get_text(" "))
        hrefs = [a["href"] for a in files_cell.find_all("a", href=True)]
        ref_href = title_link["href"]
        row = CatalogueRow(
            number=_clean(number_cell.get_text(" ")),
            abbr=Path(ref_href).stem.lower(),
            title=_clean(title_link.get_text(" ")),
            published=published,
            published_until=published_until,
            last_reform=_dof_date(reform_text),
            last_reform_note=_DOF_SLASH.sub("", reform_text).strip() or None,
            flags=flags,
            pdf_url=self._link(hrefs, lambda h: h.lower().endswith(".pdf") and not h.startswith("pdf_mov/")),
            doc_url=self._link(hrefs, lambda h: h.lower().endswith((".doc", ".docx"))),
            ref_url=urljoin(self.url, ref_href),
            mobile_url=self._link(hrefs, lambda h: h.startswith("pdf_mov/")),
        )
        return read_flags(row)

    def _link(self, hrefs: list[str], wanted) -> str | None:
        chosen = next((h for h in hrefs if wanted(h)), None)
        return urljoin(self.url, chosen) if chosen else None


# --- reform histories (ref/<abbr>.htm) ------------------------------------------------------------------

#: File-name kinds of the rows in a reform table (sources.md §2.2).
_FILE_KIND = re.compile(r"_(ref|fe|sent|voto|cant|decla|acuerdo|tarifa|acla|aclara|abro|notifica|mod|aviso)_?(\d*)_",
                        re.I)
_KINDS = {"ref": "reform", "fe": "errata", "sent": "ruling", "voto": "ruling", "cant": "quantities"}
_ROW_DATE = re.compile(r"(?:DOF\s*)?(\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{2,4})")
_SUMMARY = re.compile(r"\s*\bNota\s*:.*$", re.S)


@dataclass
class RefEntry:
    """One row of a reform table."""

    kind: str  # reform, errata, ruling, quantities, other
    number: int | None
    date: dt.date | None
    date_source: str  # "text" or "filename"
    title: str
    pdf_url: str | None
    doc_url: str | None
    file_number: int | None = None
    file_date: dt.date | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        return {k: _iso(v) if isinstance(v, dt.date) else v for k, v in data.items()}


@dataclass
class RefHistory:
    abbr: str
    original: dt.date | None
    original_url: str | None
    entries: list[RefEntry]

    @property
    def reforms(self) -> list[RefEntry]:
        return sorted((e for e in self.entries if e.kind == "reform"), key=lambda e: (e.date or dt.date.min, e.number))


class RefPage(Page):
    """``ref/<abbr>.htm``: the original publication and the table of decrees."""

    source = INFO

    @property
    def abbr(self) -> str:
        return Path(self.url.split("?")[0]).stem.lower()

    def history(self) -> RefHistory:
        marker = self.soup.find(string=re.compile("Decretos de Reforma"))
        if marker is None:
            raise LayoutChanged("reform page without 'Decretos de Reforma'", self.url)
        original, original_url = self._original()
        table = marker.find_next("table")
        if table is None:
            raise LayoutChanged("no table after 'Decretos de Reforma'", self.url)
        entries = [e for tr in table.find_all("tr") if (e := self._entry(tr)) is not None]
        return RefHistory(self.abbr, original, original_url, entries)

    def parse(self) -> list[dict]:
        history = self.history()
        head = {"kind": "original", "number": None, "date": _iso(history.original), "date_source": "text",
                "title": "Publicación Original", "pdf_url": history.original_url, "doc_url": None}
        return [head] + [e.to_dict() for e in history.entries]

    def _original(self) -> tuple[dt.date | None, str | None]:
        label = self.soup.find(string=re.compile("Publicación Original"))
        if label is None:
            return None, None
        paragraph = label.find_parent("p")
        following = paragraph.find_next("p") if paragraph else None
        text = _clean(following.get_text(" ")) if following else ""
        match = _ROW_DATE.search(text)
        link = following.find("a", href=True) if following else None
        date = _safe_date(match.group(1)) if match else None
        return date, urljoin(self.url, link["href"]) if link else None

    def _entry(self, tr) -> RefEntry | None:
        cells = tr.find_all("td", recursive=False)
        if len(cells) < 2:
            return None
        links = [a for a in cells[1].find_all("a", href=True)]
        files = [a["href"] for a in links if a["href"].lower().endswith((".pdf", ".doc", ".docx"))]
        if not files:
            return None
        kind, file_number = _file_kind(files)
        link_paragraph = links[0].find_parent("p") or cells[1]
        title = _title(cells[1], link_paragraph)
        entry = RefEntry(kind=kind, number=None, date=None, date_source="text", title=title,
                         pdf_url=self._first(files, ".pdf"), doc_url=self._first(files, (".doc", ".docx")),
                         file_number=file_number, file_date=_file_date(files))
        _date_of(entry, _clean(link_paragraph.get_text(" ")))
        _number_of(entry, _clean(cells[0].get_text(" ")))
        return entry

    def _first(self, files: list[str], suffix) -> str | None:
        chosen = [f for f in files if f.lower().endswith(suffix)]
        # Prefer the text-bearing PDF over the "_ima" scan of the gazette page.
        chosen.sort(key=lambda f: "_ima" in f.lower())
        return urljoin(self.url, chosen[0]) if chosen else None


def _safe_date(text: str) -> dt.date | None:
    try:
        return parse_date(re.sub(r"\s+", "", text))
    except DateParseError:
        return None


def _file_kind(files: list[str]) -> tuple[str, int | None]:
    for name in files:
        match = _FILE_KIND.search(Path(name).name)
        if match:
            kind = _KINDS.get(match.group(1).lower(), "other")
            return kind, int(match.group(2)) if match.group(2) else None
    return "other", None


def _file_date(files: list[str]) -> dt.date | None:
    for name in files:
        found = parse_filename_date(Path(name).stem, "ddmmmyy")
        if found:
            return found
    return None


def _title(cell, link_paragraph) -> str:
    """The decree title: the cell's text without the link paragraph and the editorial "Nota:" summary."""
    parts = [_clean(p.get_text(" ")) for p in cell.find_all("p") if p is not link_paragraph]
    parts = [p for p in parts if p and p not in ("Nuevo", "Nueva") and not p.startswith("Nota")]
    if not parts:  # title and links share one paragraph
        parts = [_clean(cell.get_text(" ")).split("|")[0]]
    return _SUMMARY.sub("", " ".join(parts)).strip()


def _date_of(entry: RefEntry, link_text: str) -> None:
    """The row's DOF date: the link text when it parses, else the file-name date (typo years)."""
    match = _ROW_DATE.search(link_text)
    text_date = _safe_date(match.group(1)) if match else None
    if text_date is not None:
        entry.date = text_date
        if entry.file_date and entry.file_date != text_date:
            entry.warnings.append(f"file-name date {entry.file_date} differs from the printed date {text_date}")
        return
    entry.date, entry.date_source = entry.file_date, "filename"
    entry.warnings.append(f"printed date {match.group(0) if match else 'missing'!s} unusable; took the file-name date")


def _number_of(entry: RefEntry, column: str) -> None:
    """The number column wins; the file's number fills an empty column and flags a disagreement."""
    if column.isdecimal():
        entry.number = int(column)
        if entry.kind == "reform" and entry.file_number and entry.file_number != entry.number:
            entry.warnings.append(f"reform {entry.number} links the file of reform {entry.file_number}")
    else:
        entry.number = entry.file_number


# --- codNota linking ----------------------------------------------------------------------------------


def shipped_codnotas() -> list[int]:
    """LGPSEDMTP's codNotas in reform order (index 0 = original), cited from INGEOTEC/LegalIA."""
    return list(json.loads(CODNOTAS_FILE.read_text(encoding="utf-8"))["codnotas"])


def match_note(notes: list[dict], title: str | None, law_name: str | None = None) -> dict | None:
    """The day's note whose title is the decree title (or, for an original publication, that expides the law)."""
    best, best_ratio = None, 0.0
    for note in notes:
        candidate = dof._plain(note["title"])
        if law_name and candidate.startswith("decreto") and dof._plain(f"expide la {law_name}") in candidate:
            return note
        if title:
            ratio = difflib.SequenceMatcher(None, dof._plain(title), candidate).ratio()
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

    def scrape(self, fetcher) -> Iterator:
        index = IndexPage(fetcher.get(INDEX_URL, source=INFO))
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
            if dof._plain(title) != dof._plain(dof.LPSTP_2007.title):
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
