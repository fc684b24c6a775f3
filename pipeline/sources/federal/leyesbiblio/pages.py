"""LeyesBiblio page objects: the catalogue (index.htm) and reform histories (ref/<abbr>.htm)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from pipeline.core import problems
from pipeline.core.errors import LayoutChanged
from pipeline.parse.dates import DateParseError, find_dates, parse_date, parse_filename_date
from pipeline.sources.federal.leyesbiblio.info import INFO
from pipeline.sources.kit import HtmlPage

log = logging.getLogger(__name__)


# --- the catalogue (index.htm) ------------------------------------------------------------------------

_NUMBER = re.compile(r"^\d{3}(?:\s*[A-Z])?$")
_DOF_SLASH = re.compile(r"DOF\s*(\d{1,2}/\d{1,2}/\d{4})")
#: A publication spread over several issues: "DOF 01 al 08/01/1912" (Ordenanza General de la Armada).
_DOF_RANGE = re.compile(r"DOF\s*(\d{1,2})\s+al\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_ABROGATED = re.compile(r"\babrogad[oa]\b", re.I)


def _clean(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _text(element) -> str:
    """An lxml element's text, like BeautifulSoup's ``get_text(" ")`` (text nodes only, no comments)."""
    return " ".join(element.xpath(".//text()[not(parent::comment())]"))


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


class IndexPage(HtmlPage):
    """``index.htm``: every law row of the catalogue."""

    structure = "raw"
    structure_source = "shared/real-samples/leyesbiblio/index.htm"
    example_fixture = 'leyesbiblio/index_small.htm'
    example_source = "https://www.diputados.gob.mx/LeyesBiblio/index.htm"

    source = INFO

    # The 645 KB index is read with lxml directly (≈15× faster than building a BeautifulSoup tree of it);
    # the selections are the same and stay counted: a changed layout still raises LayoutChanged.
    def tree(self):
        if getattr(self, "_tree", None) is None:
            import lxml.html

            self.require_content()
            self._tree = lxml.html.fromstring(self.text)
        return self._tree

    def _one(self, found: list, what: str):
        if len(found) != 1:
            raise LayoutChanged(f"{what} matched {len(found)} elements, expected 1..1", self.url)
        return found[0]

    def rows(self):
        headers = self.tree().xpath("//tr[td[contains(string(.), 'Última Reforma')]]")
        header = self._one(headers, "selector \"tr:has(> td:-soup-contains('Última Reforma'))\"")
        table = next(header.iterancestors("table"), None)
        if table is None:
            raise LayoutChanged("the 'Última Reforma' header row is not inside a table", self.url)
        return [tr for tr in table.iter("tr") if self._is_law_row(tr)]

    @staticmethod
    def _is_law_row(tr) -> bool:
        cells = tr.findall("td")
        return len(cells) == 4 and bool(_NUMBER.match(_clean(_text(cells[0]))))

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
        number_cell, law_cell, reform_cell, files_cell = tr.findall("td")
        title_link = self._one(law_cell.xpath(".//a[@href]"), "selector 'a[href]'")
        paragraphs = [_clean(_text(p)) for p in law_cell.iterdescendants("p")]
        dated = [p for p in paragraphs[1:] if _DOF_SLASH.fullmatch(p) or _DOF_RANGE.fullmatch(p)]
        published, published_until = _dof_span(dated[0]) if dated else (None, None)
        flags = [p for p in paragraphs[1:] if p and p not in dated]
        reform_text = _clean(_text(reform_cell))
        hrefs = [a.get("href") for a in files_cell.iterdescendants("a") if a.get("href") is not None]
        ref_href = title_link.get("href")
        row = CatalogueRow(
            number=_clean(_text(number_cell)),
            abbr=Path(ref_href).stem.lower(),
            title=_clean(_text(title_link)),
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


class RefPage(HtmlPage):
    """``ref/<abbr>.htm``: the original publication and the table of decrees."""

    structure = "code"
    structure_source = "shared/sources.md §2; INGEOTEC/LegalIA packages/leyesmx (diputados.py and its tests)"
    example_fixture = 'leyesbiblio/ref_lgpsedmtp.htm'
    example_source = "https://www.diputados.gob.mx/LeyesBiblio/ref/lgpsedmtp.htm"

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
