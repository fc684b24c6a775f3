"""DOF page objects: SIDOF JSON day and note, dof.gob.mx index and note, the legacy web service."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from pipeline.core.errors import LayoutChanged, ScrapeError, WrongEncoding
from pipeline.core.fetching import Response
from pipeline.parse.dates import fold, parse_date
from pipeline.sources.federal.dof.info import INFO, MISSING_NOTE_DATE, SIDOF_EDITIONS, WEB_INFO, WS_EDITIONS
from pipeline.sources.federal.dof.notes import iso_date, make_note
from pipeline.sources.kit import HtmlPage, JsonPage

# --- SIDOF JSON pages ------------------------------------------------------------------------------


def _json(page: JsonPage) -> dict:
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


class SidofDayPage(JsonPage):
    """``/notas/{DD-MM-YYYY}``: the notes of one day, per edition."""

    structure = "code"
    structure_source = "shared/sources.md §1 (SIDOF); other projects' SIDOF clients"
    example_fixture = 'sidof/notas_14-06-2012.json'
    example_source = "https://sidof.segob.gob.mx/dof/sidof/notas/14-06-2012"

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
            row["codNota"], iso_date(row.get("fecha")), row.get("codEdicion") or edition, row.get("codSeccion"),
            row.get("nombreCodOrgaUno") or row.get("codOrgaUno"), row.get("codOrgaDos"), row["titulo"],
            organism_code=row.get("codOrgaUno"), cod_diario=row.get("codDiario"), page=row.get("pagina"),
        )


class SidofNotePage(JsonPage):
    """``/notas/nota/{codNota}``: one note and its HTML (``"Nota": []`` for an unknown code)."""

    structure = "code"
    structure_source = "shared/sources.md §1 (SIDOF note)"
    example_fixture = 'sidof/nota_5724254.json'
    example_source = "https://sidof.segob.gob.mx/dof/sidof/notas/nota/5724254"

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
        return [make_note(nota["codNota"], iso_date(nota.get("fecha")), nota.get("codEdicion"), nota.get("codSeccion"),
                          nota.get("nombreCodOrgaUno") or nota.get("codOrgaUno"), nota.get("codOrgaDos"),
                          nota.get("titulo"), body=self.body_text(), organism_code=nota.get("codOrgaUno"))]


# --- dof.gob.mx HTML pages ---------------------------------------------------------------------------


class OtherDayServed(ScrapeError):
    """The daily index printed a date other than the one asked for (seen on the live site; retry later)."""


_HEADINGS = "td.txt_blanco, td.txt_blanco2, td.subtitle_azul, a[href*='nota_detalle.php']"
PRINTED_DATE = re.compile(r"Fecha:\s*(\d{2}/\d{2}/\d{4})")
_NO_DATA = "No hay datos para la fecha seleccionada"


def _text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).replace("\xa0", " ").split())


class DofIndexPage(HtmlPage):
    """``index.php?year=…&month=…&day=…&edicion=…``: banners and note links in document order."""

    structure = "code"
    structure_source = "shared/sources.md §1 (dof.gob.mx index.php)"
    example_fixture = 'dof/index_08-03-1999_MAT.htm'
    example_source = "https://www.dof.gob.mx/index.php?year=1999&month=03&day=08&edicion=MAT"

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
        self._check_printed_date(day)  # a challenge or bare page has no printed date: it fails here
        if not links:
            if not self.soup.select("a[href*='cod_diario=']"):
                raise LayoutChanged("daily index with neither note links nor an edition image link", self.url)
            return []  # image-only edition (before 1999): the day exists, its notes are not listed
        return self._walk(day, edition)

    def _check_printed_date(self, day: dt.date) -> None:
        printed = PRINTED_DATE.search(self.soup.get_text(" "))
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


class DofNotePage(HtmlPage):
    """``nota_detalle.php?codigo=…``: ``DOF: dd/mm/yyyy``, then the note in ``<HTML>…</HTML>``."""

    structure = "code"
    structure_source = "shared/sources.md §1 (nota_detalle.php)"
    example_fixture = 'dof/nota_detalle_5724254.htm'
    example_source = "https://www.dof.gob.mx/nota_detalle.php?codigo=5724254"

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
        raise WrongEncoding("note page decodes neither as its declared charset nor as cp1252", self.url)

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


class WsDayPage(JsonPage):
    """``WS_getDiarioFull.php``: one JSON answer per day; nested sections → powers → bodies → notes."""

    structure = "raw"
    structure_source = "shared/real-samples/dof/WS_getDiarioFull_2days.ndjson"
    example_fixture = 'dof/ws_day.json'
    example_source = "http://diariooficial.gob.mx/WS_getDiarioFull.php?year=2014&month=01&day=24"

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
            day = iso_date(ejemplar.get("fecha"))
            for section in ejemplar.get("secciones") or []:
                for row, organism, issuer in _ws_rows(section.get("contentsection"), None, None):
                    notes.append(_ws_note(row, day, edition, section.get("secc"), organism, issuer, ejemplar))
        return notes


def _ws_note(row: dict, day: str | None, edition, section, organism, issuer, ejemplar: dict) -> dict:
    """A WS note dated by its ejemplar: the real sample has a 31-07-2013 note whose own ``date`` says
    31/12/2014, so the edition's date wins and the listed one is kept when it disagrees."""
    listed = iso_date(row.get("date"))
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
