"""The Diario Oficial de la Federación: SIDOF JSON, the dof.gob.mx HTML fallback and the legacy web service.

Three ways into the same gazette (``../shared/sources.md`` §1):

* **SIDOF JSON** (preferred, UTF-8): ``/notas/{DD-MM-YYYY}`` lists a day's notes per edition and
  ``/notas/nota/{codNota}`` gives one note with its HTML in ``cadenaContenido``. A missing day is
  answered *200 OK with every list empty* — the same answer as a Sunday — so an empty weekday is
  ``unknown``, never "no gazette", and is cross-checked on dof.gob.mx.
* **dof.gob.mx** (cp1252, undeclared): the daily ``index.php`` is a flat table of banners and note
  links in document order; ``nota_detalle.php`` wraps the note in ``<HTML>…</HTML>`` inside
  ``DivDetalleNota`` and shows ``DOF: 31/12/1969`` for an unknown code. The index has been seen
  serving another day's page, so its printed ``Fecha:`` is checked against the date asked for.
* **WS_getDiarioFull.php** (legacy JSON, real sample in ``real-samples/dof``): ``ejemplares`` →
  ``secciones`` → ``contentsection`` (power) → ``content`` (issuing body) → ``content`` (notes).

Every page object returns plain *note dicts* (``cod_nota, date, edition, section, organism, issuer,
title, url, trafficking, category``) for ``proteja inspect``; the source turns the notes it can tie
to a tracked instrument into :class:`~pipeline.records.EventRecord` s.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from pipeline.parse.dates import DateParseError, fold, parse_date
from pipeline.parse.relevance import is_trafficking
from pipeline.records import EventRecord, Evidence, Instrument
from pipeline.sources.base import (
    EmptyResponse,
    LayoutChanged,
    Page,
    Response,
    ScrapeError,
    SourceInfo,
)

INFO = SourceInfo(
    name="dof",
    title="Diario Oficial de la Federación (SIDOF JSON, dof.gob.mx, legacy web service)",
    jurisdiction="MX",
    homepage="https://sidof.segob.gob.mx/",
    allowed_hosts=("sidof.segob.gob.mx", "dof.gob.mx", "www.dof.gob.mx", "diariooficial.gob.mx"),
    encoding="utf-8",
    min_interval_s=1.5,
    formats=("json", "html"),
    covers="Federal gazette of record: daily note lists, note texts, trafficking decrees, reglamentos, "
    "programas and SCJN rulings",
    notes="SIDOF empty day = unknown (cross-checked on dof.gob.mx); dof.gob.mx index is cp1252 undeclared.",
)

#: The same source seen through dof.gob.mx's daily index, whose bytes are cp1252 (the fetcher checks
#: decoding with the SourceInfo it is given, so the index is fetched under this one).
WEB_INFO = SourceInfo(
    name=INFO.name,
    title="Diario Oficial de la Federación (dof.gob.mx HTML)",
    jurisdiction="MX",
    homepage="https://www.dof.gob.mx/",
    allowed_hosts=INFO.allowed_hosts,
    encoding="cp1252",
    min_interval_s=INFO.min_interval_s,
    formats=("html",),
    covers=INFO.covers,
)

GAZETTE = "Diario Oficial de la Federación"
SIDOF_BASE = "https://sidof.segob.gob.mx/dof/sidof"
DOF_WEB_BASE = "https://www.dof.gob.mx"

#: SIDOF day-list keys and the edition code each stands for.
SIDOF_EDITIONS = {"NotasMatutinas": "MAT", "NotasVespertinas": "VES", "NotasExtraordinarias": "EXT"}
#: Legacy WS edition words → SIDOF codes.
WS_EDITIONS = {"matutina": "MAT", "vespertina": "VES", "extraordinaria": "EXT"}
#: dof.gob.mx shows this date for a codigo it does not have (the epoch, one day off).
MISSING_NOTE_DATE = dt.date(1969, 12, 31)
#: Days younger than this are re-fetched on every run; older ones are fetched once.
RECHECK_DAYS = 7


# --- URLs ---------------------------------------------------------------------------------------


def sidof_day_url(day: dt.date) -> str:
    return f"{SIDOF_BASE}/notas/{day:%d-%m-%Y}"


def sidof_note_url(cod_nota: int | str) -> str:
    return f"{SIDOF_BASE}/notas/nota/{cod_nota}"


def dof_index_url(day: dt.date, edition: str = "MAT") -> str:
    return f"{DOF_WEB_BASE}/index.php?year={day:%Y}&month={day:%m}&day={day:%d}&edicion={edition}"


def nota_detalle_url(cod_nota: int | str, day: dt.date | None) -> str:
    """The official public URL of one note (``fecha`` is needed for some 1999–2000 codes)."""
    base = f"{DOF_WEB_BASE}/nota_detalle.php?codigo={cod_nota}"
    return f"{base}&fecha={day:%d/%m/%Y}" if day else base


# --- trafficking relevance of a note -------------------------------------------------------------

_RULING = re.compile(r"^(?:sentencia|resolucion|voto|engrose)\b.*\b(?:suprema corte|inconstitucionalidad|controversia)")
_CATEGORY_PREFIXES = (
    ("decreto", "decree"),
    ("reglamento", "reglamento"),
    ("programa", "programa"),
    ("fe de erratas", "errata"),
    ("aclaracion", "errata"),
    ("acuerdo", "acuerdo"),
)
#: How much of a ruling's text is read for the law it reviews: the heading, where the SCJN names
#: the "ACTO IMPUGNADO" (a ruling quoting a trafficking law deep in its reasoning is not about it).
RULING_HEAD_CHARS = 4000


def _plain(text: str) -> str:
    """Folded text with punctuation turned into spaces, for phrase matching across commas."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def note_category(title: str) -> str:
    """What kind of note a title announces: decree, reglamento, programa, scjn_ruling, errata, acuerdo, other."""
    folded = fold(title)
    if _RULING.search(folded):
        return "scjn_ruling"
    for prefix, category in _CATEGORY_PREFIXES:
        if folded.startswith(prefix):
            return category
    return "other"


def classify_note(title: str, body: str | None = None) -> str | None:
    """The note's category when it is about trafficking in persons, else None.

    A title that speaks of trata is relevant whatever it announces (decree, reglamento, programa).
    SCJN rulings rarely name the law in their title ("SENTENCIA … Acción de Inconstitucionalidad
    169/2022"), so for them the head of the text (``body``) is read too.
    """
    category = note_category(title)
    if is_trafficking(title):
        return category
    if category == "scjn_ruling" and body and is_trafficking(body[:RULING_HEAD_CHARS]):
        return category
    return None


# --- tracked instruments a note can be tied to ----------------------------------------------------

LGPSEDMTP_TITLE = (
    "Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas "
    "y para la Protección y Asistencia a las Víctimas de estos Delitos"
)
LGPSEDMTP = Instrument("MX", "lgpsedmtp", LGPSEDMTP_TITLE, "ley_general",
                       official_url="https://www.diputados.gob.mx/LeyesBiblio/pdf/LGPSEDMTP.pdf")
LPSTP_2007 = Instrument("MX", "lpstp-2007", "Ley para Prevenir y Sancionar la Trata de Personas", "ley_federal")

#: Laws a decree title can name, matched on :func:`_plain` text.
LAW_NAMES = (
    (_plain("Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas"), LGPSEDMTP),
    (_plain("Ley para Prevenir y Sancionar la Trata de Personas"), LPSTP_2007),
)
#: Verbs of a decree title and the event they make for the law named after them.
_VERBS = re.compile(r"\b(expide|expiden|abroga|abrogan|reforma|reforman|adiciona|adicionan|deroga|derogan)\b")
_VERB_EVENTS = {"expide": "published", "abroga": "abrogated"}

#: Reglamentos and programas that are instruments in their own right (published once).
STANDALONE = (
    (re.compile(r"^reglamento de la ley general para prevenir sancionar y erradicar los delitos en materia de trata"),
     lambda m, title: Instrument("MX", "reglamento-lgpsedmtp", title, "reglamento")),
    (re.compile(r"^reglamento interno de la comision intersecretarial para prevenir sancionar y erradicar"),
     lambda m, title: Instrument("MX", "reglamento-interno-comision-intersecretarial-trata", title, "reglamento")),
    (re.compile(r"^programa nacional para prevenir sancionar y erradicar los delitos en materia de trata\b.*?"
                r"\b((?:19|20)\d\d) ((?:19|20)\d\d)\b"),
     lambda m, title: Instrument("MX", f"programa-nacional-trata-{m.group(1)}-{m.group(2)}", title, "programa")),
)


def law_actions(title: str) -> list[tuple[Instrument, str]]:
    """(instrument, event_type) for every tracked law a decree title acts on.

    The verb that governs a law is the last one before its name: "se expide la Ley General …; y abroga
    la Ley para Prevenir y Sancionar la Trata de Personas; y reforma …" publishes the first law and
    abrogates the second. Reforms, additions and derogations are all ``reformed`` (LeyesBiblio counts
    them as reforms too).
    """
    plain = _plain(title)
    if not plain.startswith("decreto"):
        return []
    found = []
    for name, instrument in LAW_NAMES:
        at = plain.find(name)
        if at < 0:
            continue
        verbs = _VERBS.findall(plain[:at])
        if verbs:
            verb = verbs[-1][:-1] if verbs[-1].endswith("n") else verbs[-1]  # "reforman" → "reforma"
            found.append((instrument, _VERB_EVENTS.get(verb, "reformed")))
    return found


def standalone_instrument(title: str) -> Instrument | None:
    plain = _plain(title)
    for pattern, make in STANDALONE:
        match = pattern.search(plain)
        if match:
            return make(match, " ".join(title.split()))
    return None


def note_events(note: dict, evidence: Evidence) -> list[EventRecord]:
    """EventRecords for a trafficking-relevant note that can be tied to a tracked instrument."""
    if not note.get("trafficking"):
        return []
    day = dt.date.fromisoformat(note["date"]) if note.get("date") else None
    common = dict(date=day, evidence=evidence, gazette=GAZETTE, issue=f"codNota {note['cod_nota']}",
                  title=note["title"], official_url=nota_detalle_url(note["cod_nota"], day))
    events = [EventRecord(instrument, event_type, **common) for instrument, event_type in law_actions(note["title"])]
    standalone = standalone_instrument(note["title"])
    if standalone is not None and not events:
        events.append(EventRecord(standalone, "published", **common))
    return events


# --- note dicts -----------------------------------------------------------------------------------


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_date(value).isoformat()
    except DateParseError:
        return None


def make_note(cod_nota, date_iso, edition, section, organism, issuer, title, body=None, **extra) -> dict:
    """One note as ``proteja inspect`` prints it (dates ISO)."""
    title = " ".join((title or "").split())
    day = dt.date.fromisoformat(date_iso) if date_iso else None
    category = classify_note(title, body)
    note = {
        "cod_nota": int(cod_nota),
        "date": date_iso,
        "edition": edition,
        "section": section,
        "organism": organism,
        "issuer": issuer,
        "title": title,
        "url": nota_detalle_url(cod_nota, day),
        "trafficking": category is not None,
        "category": category or note_category(title),
    }
    note.update(extra)
    return note


# --- SIDOF JSON pages ------------------------------------------------------------------------------


def _json(page: Page) -> dict:
    try:
        data = json.loads(page.text)
    except json.JSONDecodeError as exc:
        raise LayoutChanged(f"not JSON: {exc}", page.url) from None
    if not isinstance(data, dict):
        raise LayoutChanged("JSON root is not an object", page.url)
    if data.get("messageCode", 200) != 200:
        # An error reported inside a 200 answer.
        raise ScrapeError(f"SIDOF messageCode {data.get('messageCode')}: {data.get('response')}", page.url)
    return data


class SidofDayPage(Page):
    """``/notas/{DD-MM-YYYY}``: the notes of one day, per edition."""

    source = INFO

    def editions(self) -> dict[str, list]:
        data = _json(self)
        missing = [key for key in SIDOF_EDITIONS if key not in data]
        if missing:
            raise LayoutChanged(f"SIDOF day without {missing}", self.url)
        return {SIDOF_EDITIONS[key]: data[key] or [] for key in SIDOF_EDITIONS}

    def is_empty(self) -> bool:
        """Every list empty: SIDOF's answer for a Sunday *and* for a day it lost (→ unknown)."""
        return not any(self.editions().values())

    def parse(self) -> list[dict]:
        notes = []
        for edition, rows in self.editions().items():
            for row in rows:
                if not (row.get("titulo") or "").strip():
                    continue  # dependency headings, not notes
                notes.append(self._note(row, edition))
        return sorted(notes, key=lambda n: n["cod_nota"])  # `orden` is not page order

    @staticmethod
    def _note(row: dict, edition: str) -> dict:
        return make_note(
            row["codNota"], _iso(row.get("fecha")), row.get("codEdicion") or edition, row.get("codSeccion"),
            row.get("nombreCodOrgaUno") or row.get("codOrgaUno"), row.get("codOrgaDos"), row["titulo"],
            organism_code=row.get("codOrgaUno"), cod_diario=row.get("codDiario"), page=row.get("pagina"),
        )


class SidofNotePage(Page):
    """``/notas/nota/{codNota}``: one note and its HTML (``"Nota": []`` for an unknown code)."""

    source = INFO

    def nota(self) -> dict | None:
        data = _json(self)
        if "Nota" not in data:
            raise LayoutChanged("SIDOF note answer without 'Nota'", self.url)
        return data["Nota"] or None

    def body_text(self) -> str:
        nota = self.nota() or {}
        html = nota.get("cadenaContenido") or ""
        return BeautifulSoup(html, "lxml").get_text(" ", strip=True) if html else ""

    def parse(self) -> list[dict]:
        nota = self.nota()
        if nota is None:
            return []
        return [make_note(nota["codNota"], _iso(nota.get("fecha")), nota.get("codEdicion"), nota.get("codSeccion"),
                          nota.get("nombreCodOrgaUno") or nota.get("codOrgaUno"), nota.get("codOrgaDos"),
                          nota.get("titulo"), body=self.body_text(), organism_code=nota.get("codOrgaUno"))]


# --- dof.gob.mx HTML pages ---------------------------------------------------------------------------


class OtherDayServed(ScrapeError):
    """The daily index printed a date other than the one asked for (seen on the live site; retry later)."""


_HEADINGS = "td.txt_blanco, td.txt_blanco2, td.subtitle_azul, a[href*='nota_detalle.php']"
_PRINTED_DATE = re.compile(r"Fecha:\s*(\d{2}/\d{2}/\d{4})")
_NO_DATA = "No hay datos para la fecha seleccionada"


def _text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).replace("\xa0", " ").split())


class DofIndexPage(Page):
    """``index.php?year=…&month=…&day=…&edicion=…``: banners and note links in document order."""

    source = WEB_INFO

    def requested(self) -> tuple[dt.date, str]:
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.url).query).items()}
        try:
            day = dt.date(int(query["year"]), int(query["month"]), int(query["day"]))
        except (KeyError, ValueError):
            raise LayoutChanged("index URL without year/month/day", self.url) from None
        return day, query.get("edicion", "MAT").upper()

    def has_edition(self) -> bool:
        """False for the "no data" banner or a bare page; True when an edition exists (even image-only)."""
        return _NO_DATA not in self.text and ("cod_diario=" in self.text or bool(self._notes_raw()))

    def _notes_raw(self):
        return self.soup.select("a[href*='nota_detalle.php']")

    def parse(self) -> list[dict]:
        if _NO_DATA in self.text:
            return []
        day, edition = self.requested()
        links = self._notes_raw()
        if not links:
            return []  # image-only edition (before 1999) or bare page
        self._check_printed_date(day)
        return self._walk(day, edition)

    def _check_printed_date(self, day: dt.date) -> None:
        printed = _PRINTED_DATE.search(self.soup.get_text(" "))
        if printed is None:
            raise LayoutChanged("daily index without its printed 'Fecha:'", self.url)
        if printed.group(1) != f"{day:%d/%m/%Y}":
            raise OtherDayServed(f"asked for {day:%d/%m/%Y}, page says {printed.group(1)}", self.url)

    def _walk(self, day: dt.date, edition: str) -> list[dict]:
        section = organism = issuer = None
        notes = []
        for tag in self.select(_HEADINGS):
            classes = tag.get("class") or []
            if "txt_blanco" in classes:
                section, organism, issuer = _text(tag).replace(" SECCION", "").replace(" SECCIÓN", ""), None, None
            elif "txt_blanco2" in classes:
                organism, issuer = _text(tag), None
            elif "subtitle_azul" in classes:
                issuer = _text(tag)
            else:
                code = re.search(r"codigo=(\d+)", tag["href"])
                if code:
                    notes.append(make_note(code.group(1), day.isoformat(), edition, section, organism, issuer,
                                           _text(tag)))
        return notes


_NOTE_WRAPPER = re.compile(r"<HTML>.*?</HTML>", re.I | re.S)
_DECLARED_CHARSET = re.compile(rb"""charset=["']?([A-Za-z0-9_-]+)""")


class DofNotePage(Page):
    """``nota_detalle.php?codigo=…``: ``DOF: dd/mm/yyyy``, then the note in ``<HTML>…</HTML>``."""

    source = WEB_INFO

    @property
    def text(self) -> str:
        # Note pages declare their charset (UTF-8 per LegalIA, ISO-8859-1 per another scraper):
        # honour the declaration, fall back to cp1252; entities are resolved by the HTML parser.
        # The page's own declaration comes first: a fetcher may report the source-wide codec (cp1252).
        for codec in filter(None, (self._declared(), self.response.encoding, "cp1252")):
            try:
                return self.response.content.decode(codec)
            except (LookupError, UnicodeDecodeError):
                continue
        return self.response.content.decode("cp1252", errors="replace")

    def _declared(self) -> str | None:
        match = _DECLARED_CHARSET.search(self.response.content[:4096])
        return match.group(1).decode("ascii") if match else None

    def cod_nota(self) -> int:
        query = parse_qs(urlsplit(self.url).query)
        if "codigo" not in query:
            raise LayoutChanged("note URL without codigo", self.url)
        return int(query["codigo"][0])

    def date(self) -> dt.date:
        match = re.search(r"DOF:\s*(\d{2}/\d{2}/\d{4})", self.soup.get_text(" "))
        if match is None:
            raise LayoutChanged("note page without 'DOF: dd/mm/yyyy'", self.url)
        return parse_date(match.group(1))

    def note_html(self) -> str | None:
        """The note's own markup: the ``<HTML>…</HTML>`` wrapper inside DivDetalleNota.

        The site's disclaimer table follows ``</HTML>`` inside the same div, and HTML parsers drop a
        nested ``<html>`` tag, so the wrapper is cut from the raw text after the div's opening.
        """
        self.select_one("#DivDetalleNota")  # counted: the page must have the div
        start = re.search(r"""id=['"]?DivDetalleNota""", self.text)
        wrapper = _NOTE_WRAPPER.search(self.text, start.end()) if start else None
        return wrapper.group(0) if wrapper else None

    def body_text(self) -> str:
        html = self.note_html()
        return _text(BeautifulSoup(html, "lxml")) if html else ""

    def parse(self) -> list[dict]:
        day = self.date()
        if day == MISSING_NOTE_DATE:
            return []
        html = self.note_html()
        first = BeautifulSoup(html, "lxml").find("p") if html else None
        body = self.body_text()
        title = _text(first) if first else body[:300]
        return [make_note(self.cod_nota(), day.isoformat(), None, None, None, None, title, body=body)]


# --- legacy web service --------------------------------------------------------------------------------


class WsDayPage(Page):
    """``WS_getDiarioFull.php``: one JSON answer per day; nested sections → powers → bodies → notes."""

    source = INFO

    def ejemplares(self) -> list[dict]:
        try:
            data = json.loads(self.text)
        except json.JSONDecodeError as exc:
            raise LayoutChanged(f"not JSON: {exc}", self.url) from None
        if not isinstance(data, dict) or not isinstance(data.get("ejemplares"), list):
            raise LayoutChanged("WS answer without 'ejemplares'", self.url)
        return data["ejemplares"]

    def parse(self) -> list[dict]:
        notes = []
        for ejemplar in self.ejemplares():
            edition = WS_EDITIONS.get(fold(ejemplar.get("edicion", "")), ejemplar.get("edicion"))
            day = _iso(ejemplar.get("fecha"))
            for section in ejemplar.get("secciones") or []:
                for row, organism, issuer in _ws_rows(section.get("contentsection"), None, None):
                    notes.append(_ws_note(row, day, edition, section.get("secc"), organism, issuer, ejemplar))
        return notes


def _ws_note(row: dict, day: str | None, edition, section, organism, issuer, ejemplar: dict) -> dict:
    """A WS note dated by its ejemplar: the real sample has a 31-07-2013 note whose own ``date`` says
    31/12/2014, so the edition's date wins and the listed one is kept when it disagrees."""
    listed = _iso(row.get("date"))
    extra = {"ejemplar_id": ejemplar.get("id"), "source_url": row.get("url")}
    if listed and day and listed != day:
        extra["date_as_listed"] = listed
    return make_note(row["id"], day or listed, edition, section, organism, issuer, row.get("titulo"), **extra)


def _ws_rows(node, organism, issuer):
    """Walk the WS tree: a node with ``titulo`` is a note; a named node is a power, then a body."""
    if isinstance(node, list):
        for child in node:
            yield from _ws_rows(child, organism, issuer)
        return
    if not isinstance(node, dict):
        return
    if "titulo" in node:
        yield node, organism, issuer
        return
    name = node.get("name")
    if organism is None:
        organism = name
    else:
        issuer = name
    yield from _ws_rows(node.get("content"), organism, issuer)


def parse_ws_ndjson(content: bytes, url: str = "file:WS_getDiarioFull.ndjson") -> list[dict]:
    """Notes of every WS answer in an NDJSON file (one answer per line, as the real sample is stored)."""
    notes = []
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip():
            response = Response(url=f"{url}#L{number}", content=line, sha256="")
            notes.extend(WsDayPage(response).parse())
    return notes


# --- the source ----------------------------------------------------------------------------------------


def evidence_for(response: Response, day: dt.date | None, cod_nota=None, source: str = INFO.name) -> Evidence:
    return Evidence(kind="scraped", source=source, url=response.url, sha256=response.sha256,
                    retrieved_at=response.retrieved_at, gazette=GAZETTE, date=day,
                    issue=f"codNota {cod_nota}" if cod_nota else None)


def stored_response(fetcher, url: str) -> Response | None:
    """The raw store's good snapshot of ``url`` without touching the network, when the fetcher exposes one.

    Supported: ``fetcher.stored(url) -> Response | None``, or ``fetcher.store`` with the RawStore
    methods ``latest(url)`` and ``read(sha256)``.
    """
    stored = getattr(fetcher, "stored", None)
    if callable(stored):
        return stored(url)
    store = getattr(fetcher, "store", None)
    if store is None or not hasattr(store, "latest"):
        return None
    entry = store.latest(url)
    if entry is None:
        return None
    sha = _field(entry, "sha256")
    retrieved = _field(entry, "retrieved_datetime") or _field(entry, "retrieved_at")
    return Response(url=url, content=store.read(sha), sha256=sha, retrieved_at=retrieved,
                    content_type=_field(entry, "content_type"))


def _field(entry, name):
    return entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)


def get_once(fetcher, url: str, source: SourceInfo, *, recheck: bool) -> Response:
    """Fetch ``url`` unless it is settled (``recheck`` False) and the raw store already holds it."""
    if not recheck:
        cached = stored_response(fetcher, url)
        if cached is not None:
            return cached
    return fetcher.get(url, source=source)


@dataclass
class DayResult:
    """What one day of the gazette gave: its notes and whether the day is known."""

    day: dt.date
    status: str  # "ok", "unknown" (SIDOF empty weekday, no cross-check answer), "no_gazette", "empty_weekend"
    notes: list[dict] = field(default_factory=list)
    response: Response | None = None
    source: str = "sidof"


def read_sidof_day(fetcher, day: dt.date, *, today: dt.date) -> DayResult:
    """One day from SIDOF, cross-checked on dof.gob.mx when SIDOF answers an empty weekday."""
    recheck = (today - day).days <= RECHECK_DAYS
    response = get_once(fetcher, sidof_day_url(day), INFO, recheck=recheck)
    page = SidofDayPage(response)
    if not page.is_empty():
        return DayResult(day, "ok", page.parse(), response)
    if day.weekday() >= 5:
        return DayResult(day, "empty_weekend", [], response)
    return cross_check_day(fetcher, day, recheck=recheck) or DayResult(day, "unknown", [], response)


def cross_check_day(fetcher, day: dt.date, *, recheck: bool) -> DayResult | None:
    """dof.gob.mx's editions of ``day``; None when the site cannot answer (the day stays unknown)."""
    notes, first_response, any_edition = [], None, False
    for edition in ("MAT", "VES", "EXT"):
        try:
            response = get_once(fetcher, dof_index_url(day, edition), WEB_INFO, recheck=recheck)
            page = DofIndexPage(response)
            any_edition = any_edition or page.has_edition()
            notes.extend(page.parse())
        except ScrapeError:
            if edition == "MAT":
                return None
            continue
        first_response = first_response or response
    status = "ok" if any_edition else "no_gazette"
    return DayResult(day, status, notes, first_response, source="dof.gob.mx")


def ruling_body(fetcher, note: dict) -> str | None:
    """The head of an SCJN ruling's text (SIDOF note), to see which law it reviews."""
    try:
        return SidofNotePage(fetcher.get(sidof_note_url(note["cod_nota"]), source=INFO)).body_text()
    except ScrapeError:
        return None


@dataclass
class DofSource:
    """Crawl the gazette day by day. ``start`` defaults to ``days_back`` days before ``today``.

    A day older than :data:`RECHECK_DAYS` is read from the raw store when it holds a good snapshot
    (fetched once); recent days are fetched again, since late notes and corrections appear.
    """

    info: SourceInfo = INFO
    start: dt.date | None = None
    end: dt.date | None = None
    days_back: int = 30
    today: dt.date | None = None
    unknown_days: list[dt.date] = field(default_factory=list)

    def days(self) -> Iterator[dt.date]:
        today = self.today or dt.date.today()
        day = self.start or today - dt.timedelta(days=self.days_back)
        end = self.end or today
        while day <= end:
            yield day
            day += dt.timedelta(days=1)

    def stored_days(self, fetcher) -> list[dt.date]:
        """The SIDOF days the raw store holds (offline replay: the window comes from the evidence)."""
        prefix = f"{SIDOF_BASE}/notas/"
        days = set()
        for entry in fetcher.store.entries():
            tail = entry.url.removeprefix(prefix)
            if entry.url.startswith(prefix) and re.fullmatch(r"\d{2}-\d{2}-\d{4}", tail):
                days.add(dt.datetime.strptime(tail, "%d-%m-%Y").date())
        return sorted(days)

    def scrape(self, fetcher) -> Iterator[EventRecord]:
        if getattr(fetcher, "offline", False):
            # Replay never depends on the calendar: same raw store, same records, any day.
            days = self.stored_days(fetcher)
            today = max(days, default=dt.date(1970, 1, 1))
        else:
            days = list(self.days())
            today = self.today or dt.date.today()
        for day in days:
            try:
                result = read_sidof_day(fetcher, day, today=today)
            except EmptyResponse:
                self.unknown_days.append(day)
                continue
            if result.status == "unknown":
                self.unknown_days.append(day)
            yield from self._events(fetcher, result)

    def _events(self, fetcher, result: DayResult) -> Iterator[EventRecord]:
        for note in result.notes:
            if not note["trafficking"] and note["category"] == "scjn_ruling":
                body = ruling_body(fetcher, note)
                if body and classify_note(note["title"], body):
                    note = {**note, "trafficking": True}
            if note["trafficking"] and result.response is not None:
                evidence = evidence_for(result.response, result.day, note["cod_nota"])
                yield from note_events(note, evidence)


SOURCE = DofSource()


# --- inspect ------------------------------------------------------------------------------------------------


def _file_response(path: Path, url: str) -> Response:
    return Response(url=url, content=Path(path).read_bytes(), sha256="")


def inspect_ws_day(path: Path) -> list[dict]:
    return parse_ws_ndjson(Path(path).read_bytes(), url=f"file:{Path(path).name}")


def inspect_sidof_day(path: Path) -> list[dict]:
    return SidofDayPage(_file_response(path, f"file:{Path(path).name}")).parse()


def inspect_sidof_note(path: Path) -> list[dict]:
    return SidofNotePage(_file_response(path, f"file:{Path(path).name}")).parse()


def inspect_dof_index(path: Path) -> list[dict]:
    """A stored daily index; the requested date is taken from the page's own ``Fecha:`` line."""
    raw = Path(path).read_bytes()
    printed = _PRINTED_DATE.search(raw.decode("cp1252", errors="replace"))
    day = parse_date(printed.group(1)) if printed else dt.date(1900, 1, 1)
    return DofIndexPage(Response(url=dof_index_url(day), content=raw, sha256="")).parse()


def inspect_dof_note(path: Path) -> list[dict]:
    """A stored note page; the codigo is read from the file name's digits when present (else 0)."""
    digits = re.search(r"(\d{5,})", Path(path).name)
    url = f"{DOF_WEB_BASE}/nota_detalle.php?codigo={digits.group(1) if digits else 0}"
    return DofNotePage(Response(url=url, content=Path(path).read_bytes(), sha256="")).parse()


INSPECT_KINDS = {
    "dof-ws-day": inspect_ws_day,
    "sidof-day": inspect_sidof_day,
    "sidof-note": inspect_sidof_note,
    "dof-index": inspect_dof_index,
    "dof-note": inspect_dof_note,
}
