"""Joomla law catalogues: accordion sliders, article tables and K2 category lists.

Three shapes seen on state sites (shared/state-sources.md § A "Joomla"):

* :class:`SliderLawList` — an article of "sliders" (Regular Labs *nn_sliders*): ``h2.nn_sliders_title``
  paired with ``div.nn_sliders_content_wrapper`` holding the document links and an "Última reforma …"
  sentence (CDMX Consejería);
* :class:`ArticleLawTable` — an article with one table of laws (BCS congress), a plain
  :class:`~pipeline.sources.states._platforms.html_table.HtmlLawTable` with Joomla's ``&nbsp;`` residue
  ("…&nbsp;&nbsp;NUEVA LEY") trimmed from titles;
* :class:`K2AttachmentList` — a K2 category page listing attachments under ``/media/k2/attachments/``,
  paged with ``start=<offset>`` (Puebla OJP); the file name carries the title and a ``DDMMYYYY`` date.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import parse_qs, urljoin, urlsplit

from pipeline.core.errors import LayoutChanged, SkipItem
from pipeline.parse.dates import find_dates, parse_filename_date
from pipeline.sources.kit import HtmlPage, ListPage
from pipeline.sources.states._platforms.catalogue import LawRow
from pipeline.sources.states._platforms.html_table import HtmlLawTable
from pipeline.sources.states._platforms.wordpress import file_name

_DOCUMENT = re.compile(r"(?i)\.(pdf|docx?)$")


class SliderLawList(HtmlPage):
    """Accordion sliders: the n-th title belongs to the n-th content wrapper (counts must agree)."""

    title_selector: ClassVar[str] = "h2.nn_sliders_title"
    content_selector: ClassVar[str] = "div.nn_sliders_content_wrapper"
    link_selector: ClassVar[str] = "a[href]"
    min_items: ClassVar[int] = 20
    #: A link without an extension is served once this is appended (documented per site).
    missing_extension: ClassVar[str | None] = ".pdf"
    reform_label: ClassVar[str] = r"[ÚU]ltima\s+reforma"
    last_reform_meaning: ClassVar[str] = "reform_publication"

    def parse(self) -> list[LawRow]:
        titles = self.select(self.title_selector, min_items=self.min_items)
        bodies = self.select(self.content_selector, min_items=self.min_items)
        if len(titles) != len(bodies):
            raise LayoutChanged(f"{len(titles)} slider titles for {len(bodies)} slider bodies", self.url)
        rows = [self._row(title, body) for title, body in zip(titles, bodies, strict=True)]
        return [row for row in rows if row is not None]

    def _row(self, title_tag, body) -> LawRow | None:
        title = " ".join(title_tag.get_text(" ").split())
        urls = tuple(dict.fromkeys(self._document_url(a["href"]) for a in body.select(self.link_selector)
                                   if self._is_document(a["href"])))  # fmt: skip
        if not title or not urls:
            return None  # a slider without a document (a note, a heading) is not a law row
        raw, day = self._last_reform(body.get_text(" "))
        return LawRow(title=title, urls=_pdf_first(urls), last_reform_raw=raw, last_reform=day)

    def _is_document(self, href: str) -> bool:
        return "/images/leyes/" in href

    def _document_url(self, href: str) -> str:
        url = urljoin(self.url, href.strip())
        if self.missing_extension and not _DOCUMENT.search(urlsplit(url).path):
            url += self.missing_extension
        return url

    def _last_reform(self, text: str):
        match = re.search(rf"(?i){self.reform_label}[^0-9]{{0,80}}(\d{{1,2}}\s+de\s+\w+\s+(?:de\s+|del\s+)?\d{{4}})",
                          " ".join(text.split()))  # fmt: skip
        if not match:
            return None, None
        dates = find_dates(match[1])
        return match[0], dates[0] if dates else None


def _pdf_first(urls: tuple[str, ...]) -> tuple[str, ...]:
    """The PDF before Word copies: the law text is read from ``urls[0]``."""
    return tuple(sorted(urls, key=lambda u: not u.lower().endswith(".pdf")))


class ArticleLawTable(HtmlLawTable):
    """A Joomla article's table; "&nbsp;&nbsp;NUEVA LEY" and similar badges are trimmed from the title."""

    badge: ClassVar[str] = r"\s+NUEVA\s+LEY$"

    def process_item(self, row) -> LawRow:
        law = super().process_item(row)
        title = re.sub(self.badge, "", law.title.replace("\xa0", " ")).strip()
        if not law.urls:
            raise SkipItem("row without a document link", self.url)
        return LawRow(title=title, urls=tuple(dict.fromkeys(law.urls)), last_reform_raw=law.last_reform_raw,
                      last_reform=law.last_reform, ref=law.ref)  # fmt: skip


_K2_SUFFIX = re.compile(r"_T\d+_(\d{8})$")


def k2_title(url: str) -> str:
    """"Ley_para_…_Edo_de_Puebla_T6_28102021.pdf" → "Ley para … Edo de Puebla"."""
    return " ".join(_K2_SUFFIX.sub("", file_name(url)).replace("_", " ").split())


class K2AttachmentList(ListPage):
    """One K2 category page: every attachment link is a law; ``start=`` links page through the category."""

    link_selector: ClassVar[str] = "a[href*='/media/k2/attachments/']"
    min_links: ClassVar[int] = 1  # the last page of a category may hold a single item
    page_size: ClassVar[int] = 20
    # The DDMMYYYY in the file name is the version the publisher posted, not a gazette act.
    last_reform_meaning: ClassVar[str] = "text_date"

    def items(self):
        return self.select(self.link_selector, min_items=self.min_links)

    def process_item(self, link) -> LawRow:
        url = urljoin(self.url, link["href"].strip())
        if not _DOCUMENT.search(urlsplit(url).path):
            raise SkipItem(f"attachment that is not a document: {url}", self.url)
        stamp = _K2_SUFFIX.search(file_name(url))
        day = parse_filename_date(stamp[1], "DDMMYYYY") if stamp else None
        return LawRow(title=k2_title(url), urls=(url,), last_reform_raw=stamp[1] if stamp else None, last_reform=day)

    def parse(self) -> list[LawRow]:
        return list(dict((row.urls, row) for row in super().parse()).values())

    def next_url(self) -> str | None:
        """The link to ``start = current + page_size``, or None on the last page."""
        wanted = _start(self.url) + self.page_size
        for a in self.soup.select("a[href*='start=']"):
            href = urljoin(self.url, a["href"])
            if _start(href) == wanted:
                return href
        return None


def _start(url: str) -> int:
    values = parse_qs(urlsplit(url).query).get("start") or ["0"]
    return int(values[0]) if values[0].isdigit() else 0
