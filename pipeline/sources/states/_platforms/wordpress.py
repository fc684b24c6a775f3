"""WordPress law catalogues: the REST API (``wp-json``), upload links, Themify PTB blocks, plain tables.

Four shapes seen on state sites (shared/state-sources.md § A "WordPress"):

* :class:`WpJsonLawLinks` — ``wp-json/wp/v2/pages`` answers; the law PDFs are ``href`` s inside each
  page's ``content.rendered`` HTML (Nayarit);
* :class:`WpUploadLinks` — a page of links to ``/wp-content/uploads/<YYYY>/<MM>/<File>.pdf`` whose
  titles are the file names; the path carries the *upload month*, never a reform date (Tabasco);
* :class:`PtbLawBlocks` — Themify Post Type Builder: a heading per law followed by ``a.ptb_extra_pdf``;
  the reform date sits in the file name (Michoacán);
* :class:`WpLawTable` — a table whose title is the first cell that is not a "PDF"/"WORD" button
  (Coahuila).

Titles derived from file names keep the publisher's words; :func:`title_from_filename` only swaps
underscores/hyphens for spaces and moves an inverted kind ("…_de_nayarit_ley_para_la") to the front,
so the title detector and the instrument catalogue see "ley para la …".
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from pipeline.core.errors import LayoutChanged, SkipItem
from pipeline.parse.dates import parse_filename_date
from pipeline.sources.kit import JsonPage, ListPage
from pipeline.sources.states._platforms.catalogue import LawRow
from pipeline.sources.states._platforms.html_table import HtmlLawTable

_KIND_WORDS = r"ley|codigo|reglamento|constitucion|estatuto|decreto"
_CONNECTORS = r"de|del|la|las|los|el|para|sobre|en|y|a|que|organica|general|estatal"
_INVERTED = re.compile(rf"^(?P<rest>.+?)\s(?P<head>(?:{_KIND_WORDS})(?:\s(?:{_CONNECTORS}))*)$", re.I)


def file_name(url: str) -> str:
    """The last path segment, percent-decoded, without its extension."""
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return re.sub(r"(?i)\.(pdf|docx?)$", "", name)


def title_from_filename(url: str, *, uninvert: bool = False) -> str:
    words = " ".join(re.sub(r"[_\-]+", " ", file_name(url)).split())
    match = _INVERTED.match(words) if uninvert else None
    return f"{match['head']} {match['rest']}" if match else words


class WpJsonLawLinks(JsonPage):
    """One ``wp-json/wp/v2/pages`` answer: a list of pages; law links are read from ``content.rendered``."""

    #: A law document link (regex over the absolute href).
    link_pattern: ClassVar[str] = r"\.pdf$"
    #: Fewest law links a first answer must hold (the catalogue is larger; fewer means it changed).
    min_links: ClassVar[int] = 20
    uninvert_titles: ClassVar[bool] = False
    last_reform_meaning: ClassVar[str] = "none"

    def pages(self) -> list:
        return self.items_of(self.data, min_items=0)

    def links(self, page: dict) -> list[str]:
        content = self.field(page, "content", dict)
        html = self.field(content, "rendered", str)
        hrefs = (a["href"].strip() for a in BeautifulSoup(html, "lxml").select("a[href]"))
        return [urljoin(self.url, h) for h in hrefs if re.search(self.link_pattern, h, re.I)]

    def parse(self, *, min_links: int | None = None) -> list[LawRow]:
        urls = list(dict.fromkeys(url for page in self.pages() for url in self.links(page)))
        wanted = self.min_links if min_links is None else min_links
        if len(urls) < wanted:
            raise LayoutChanged(f"{len(urls)} law links in the pages' content, expected ≥ {wanted}", self.url)
        return [LawRow(title=title_from_filename(u, uninvert=self.uninvert_titles), urls=(u,)) for u in urls]


class WpUploadLinks(ListPage):
    """A page linking the laws' PDFs under ``/wp-content/uploads/<YYYY>/<MM>/``."""

    link_selector: ClassVar[str] = "a[href*='/wp-content/uploads/'][href$='.pdf']"
    min_links: ClassVar[int] = 20
    # The upload month is when the file was posted (a month, not a day): kept as printed, never a date.
    last_reform_meaning: ClassVar[str] = "text_date"

    def items(self):
        return self.select(self.link_selector, min_items=self.min_links)

    def process_item(self, link) -> LawRow:
        url = urljoin(self.url, link["href"].strip())
        month = re.search(r"/wp-content/uploads/(\d{4})/(\d{2})/", url)
        return LawRow(title=title_from_filename(url), urls=(url,),
                      last_reform_raw=f"{month[1]}-{month[2]}" if month else None)  # fmt: skip

    def parse(self) -> list[LawRow]:
        return list(dict((row.urls, row) for row in super().parse()).values())


def _reform_date_in_name(url: str):
    """"…-REF-4-DE-DIC-2020.pdf", "…_31-DE-AGOSTO-DE-2022.pdf", "…P.O.-04-DIC-2020.pdf" → the date."""
    name = re.sub(r"(?i)[-_ ]de(?=[-_ ])", "", file_name(url))
    return parse_filename_date(name, "dd_mmm_yyyy")


class PtbLawBlocks(ListPage):
    """Themify PTB: each law a heading (``h2``–``h5``) followed by its ``a.ptb_extra_pdf`` link."""

    link_selector: ClassVar[str] = "a.ptb_extra_pdf"
    min_links: ClassVar[int] = 20
    # The date is the one the publisher wrote into the file name: the text's version, not a legal act.
    last_reform_meaning: ClassVar[str] = "text_date"

    def items(self):
        return self.select(self.link_selector, min_items=self.min_links)

    def process_item(self, link) -> LawRow:
        heading = link.find_previous(["h2", "h3", "h4", "h5"])
        if heading is None:
            raise LayoutChanged("a PTB PDF link without a heading before it", self.url)
        title = " ".join(heading.get_text(" ").split())
        if not title:
            raise SkipItem("PTB block without a title", self.url)
        url = urljoin(self.url, link["href"].strip())
        day = _reform_date_in_name(url)
        return LawRow(title=title, urls=(url,), last_reform_raw=file_name(url) if day else None, last_reform=day)


class WpLawTable(HtmlLawTable):
    """A table whose title is the first cell that is not only a "PDF"/"WORD" button."""

    def process_item(self, row) -> LawRow:
        cells = [" ".join(td.get_text(" ").split()) for td in row.find_all("td", recursive=False)]
        titles = [text for text in cells if text and not re.fullmatch(r"(?i)(pdf|word|docx?|\s|/)+", text)]
        links = [urljoin(self.url, a["href"].strip()) for a in row.select(self.link_selector)]
        if not titles or not links:
            raise SkipItem("row without a title or a law link", self.url)
        return LawRow(title=titles[0], urls=tuple(links))
