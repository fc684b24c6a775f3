"""OJN page objects: the ordenamientos list of one state and power, the ficha, the document's format.

Structures (``shared/sources.md`` §4 [code: madfam tezca / leyes-como-codigo-mx, worldwidelaw],
``shared/state-sources.md`` §E [data OJN-M]). No stored copy of a live OJN page exists; the fixtures
under ``tests/fixtures/national/ojn/`` reproduce the documented structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

from pipeline.core.errors import LayoutChanged, ScrapeError, SkipItem
from pipeline.parse.dates import DateParseError, fold, parse_date
from pipeline.sources.kit import HtmlPage, ListPage
from pipeline.sources.national.ojn.info import BASE, INFO, ficha_url, list_url

_ID = re.compile(r"idArchivo=(\d+)")


@dataclass(frozen=True)
class OjnEntry:
    """One ordenamiento as listed: its idArchivo, title and the columns listPoder3 documents."""

    id_archivo: str
    title: str
    ficha_url: str
    tipo: str | None = None
    date_raw: str | None = None
    status: str | None = None


@dataclass
class Ficha:
    """The ficha of one ordenamiento: labelled fields, the publication date, status and documents."""

    id_archivo: str | None
    fields: dict[str, str] = field(default_factory=dict)  # folded label → value as printed
    published_raw: str | None = None
    published: object = None  # datetime.date | None
    status: str | None = None
    kind: str | None = None
    urls: tuple[str, ...] = ()

    @property
    def in_force(self) -> bool | None:
        """``Estatus: Vigente`` → True; another status → False; no status printed → None."""
        return None if not self.status else fold(self.status).startswith("vigente")


class OrdenamientosList(ListPage):
    """``listPoder2.php?edo=N&idPoder=P``: one anchor to ``fichaOrdenamiento2.php?idArchivo=…`` per row.

    The row's other cells (tipo, ``DD-MM-YYYY``, estatus) are documented for ``listPoder3``
    [code sources.md §4]; on ``listPoder2`` they are read when present, never required. A list
    without any ficha link is a changed page (an empty list's markup is not documented).
    """

    source = INFO
    structure = "code"
    structure_source = ("shared/sources.md §4 (list row regex) + state-sources.md §E; madfam-org/tezca and "
                        "leyes-como-codigo-mx OJN scraper + data/state_laws/*/_metadata.json")  # fmt: skip
    example_fixture = "national/ojn/listPoder2_edo21_poder2.html"
    example_source = list_url(21, 2)

    def items(self):
        return self.select("a[href*='fichaOrdenamiento2.php']", min_items=1)

    def process_item(self, anchor) -> OjnEntry:
        found = _ID.search(anchor.get("href", ""))
        title = " ".join(anchor.get_text(" ").split())
        if found is None or not title:
            raise SkipItem("ficha link without idArchivo or title", self.url)
        cells = _cells_after(anchor)
        return OjnEntry(id_archivo=found.group(1), title=title, ficha_url=ficha_url(found.group(1)),
                        tipo=cells[0] if cells else None, date_raw=_dated(cells), status=_status(cells))  # fmt: skip


def _cells_after(anchor) -> list[str]:
    cell = anchor.find_parent("td")
    if cell is None:
        return []
    return [" ".join(td.get_text(" ").split()) for td in cell.find_next_siblings("td")]


def _dated(cells: list[str]) -> str | None:
    return next((c for c in cells if re.fullmatch(r"\d{1,2}[-/]\d{1,2}[-/]\d{4}", c)), None)


def _status(cells: list[str]) -> str | None:
    return next((c for c in cells if re.match(r"(?i)(vigente|abrogad|derogad|sustituid|extint)", c)), None)


_DOCUMENT_LINKS = "a[href*='obtenerdoc.php'], a[href*='obtenerpdf.php']"


class FichaPage(HtmlPage):
    """``fichaOrdenamiento2.php?idArchivo=…``: 2-cell label/value rows and the document link.

    Labels are matched on folded text ("Fecha de publicación" / "FECHA DE PUBLICACION" / mojibake-free):
    a scraper keyed on exact labels captured no dates at all (sources.md §4). The publication row is
    required; the download link is not (dead links are common: the ficha then has no document).
    """

    source = INFO
    structure = "code"
    structure_source = "shared/sources.md §4 (ficha rows, obtenerdoc/obtenerpdf links); madfam OJN scraper"
    example_fixture = "national/ojn/ficha_50640.html"
    example_source = ficha_url(50640)

    def parse(self) -> list[Ficha]:
        fields = self.labelled_fields()
        published_raw = fields.get("fecha de publicacion")
        if published_raw is None:
            raise LayoutChanged("ficha without a 'Fecha de publicación' row", self.url)
        urls = tuple(_absolute(a["href"], self.url) for a in self.select(_DOCUMENT_LINKS, min_items=0))
        found = _ID.search(self.url)
        return [Ficha(id_archivo=found.group(1) if found else None, fields=fields, published_raw=published_raw,
                      published=_date(published_raw), status=fields.get("estatus"), kind=fields.get("tipo"),
                      urls=tuple(dict.fromkeys(urls)))]  # fmt: skip

    def labelled_fields(self) -> dict[str, str]:
        fields = {}
        for row in self.select("tr", min_items=3):
            cells = [" ".join(td.get_text(" ").split()) for td in row.find_all(["th", "td"], recursive=False)]
            label, value = _label_value(cells)
            if label:
                fields.setdefault(label, value)
        return fields


def _label_value(cells: list[str]) -> tuple[str | None, str]:
    """("fecha de publicacion", "14 de Mayo de 1967") from ["Fecha de publicación:", "14 de …"] or one cell."""
    if not cells:
        return None, ""
    if len(cells) == 1 and ":" in cells[0]:
        label, value = cells[0].split(":", 1)
    else:
        label, value = cells[0], " ".join(cells[1:])
    label = fold(label).strip(" :")
    return (label or None), value.strip()


def _date(raw: str):
    try:
        return parse_date(raw)
    except DateParseError:
        return None


def _absolute(href: str, base: str) -> str:
    """Absolute, with the raw spaces of ``path=/Documentos/ESTADO/BAJA CALIFORNIA SUR/…`` encoded."""
    return quote(urljoin(base or BASE, href.strip()), safe=":/?&=%#")


#: Magic bytes of the document formats OJN serves (sniffed: ``o4<id>.doc`` is often OOXML).
_MAGIC = ((b"%PDF-", "pdf"), (b"PK\x03\x04", "docx"), (b"\xd0\xcf\x11\xe0", "doc"), (b"{\\rtf", "rtf"))


def document_format(content: bytes, url: str | None = None) -> str:
    """The document's real format from its first bytes; an HTML or empty answer is a classified error."""
    head = content.lstrip()[:8]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    raise ScrapeError(f"not a document (starts with {content[:16]!r}); a dead OJN link answers HTML", url)
