"""Drupal law catalogues: views of document links with a pager, and accordion lists with a data block.

Two shapes seen on state sites (shared/state-sources.md § A "Drupal"):

* :class:`ViewLawLinks` — a Drupal 7 view whose rows link the laws' PDFs under
  ``/sites/default/files/…``; the link text is the title with the consolidation date in brackets
  ("… (al 23 junio 2025)"); paged with ``.pager-next a`` (San Luis Potosí);
* :class:`AccordionLawList` — an accordion of ``<li>`` items each holding the title, PDF and Word links and
  a block "Tipo de ordenamiento: … Fecha de publicación: DD-MM-YYYY Fecha de última modificación:
  DD-MM-YYYY | Sin reforma" (Estado de México executive portal). The item text is read as one string and
  cut at the first "PDF"/"WORD"/"Tipo de ordenamiento", because some items glue the title to that block.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import urljoin

from pipeline.core.errors import LayoutChanged, SkipItem
from pipeline.parse.dates import DateParseError, find_dates, parse_date
from pipeline.sources.kit import ListPage
from pipeline.sources.states._platforms.catalogue import LawRow
from pipeline.sources.states._platforms.wordpress import title_from_filename

_AS_OF = re.compile(r"\s*\((al\s+[^)]*\d{4})\)\s*$", re.I)


def split_as_of(text: str) -> tuple[str, str | None]:
    """"Ley … (al 23 junio 2025)" → ("Ley …", "al 23 junio 2025")."""
    match = _AS_OF.search(text)
    return (text[: match.start()].strip(), match[1]) if match else (text.strip(), None)


class ViewLawLinks(ListPage):
    """One page of a view: every PDF link under ``path_fragment`` is a law; the pager gives the next page."""

    path_fragment: ClassVar[str] = "/files/"
    min_links: ClassVar[int] = 1  # the view's last page may hold one law
    pager_selector: ClassVar[str] = ".pager-next a, a[title='Ir a la página siguiente']"
    # "(al <date>)" is the date of the consolidated text the congress posted, not a gazette act.
    last_reform_meaning: ClassVar[str] = "text_date"

    def items(self):
        links = self.select(f"a[href*='{self.path_fragment}']", min_items=0)
        found = [a for a in links if a["href"].strip().lower().endswith(".pdf")]
        if len(found) < self.min_links:
            raise LayoutChanged(f"{len(found)} law PDF links under {self.path_fragment!r}, "
                                f"expected ≥ {self.min_links}", self.url)  # fmt: skip
        return found

    def process_item(self, link) -> LawRow:
        url = urljoin(self.url, link["href"].strip())
        text = " ".join(link.get_text(" ").split()) or title_from_filename(url)
        title, as_of = split_as_of(text)
        dates = find_dates(as_of) if as_of else []
        return LawRow(title=title, urls=(url,), last_reform_raw=as_of, last_reform=dates[0] if dates else None)

    def parse(self) -> list[LawRow]:
        return list(dict((row.urls, row) for row in super().parse()).values())

    def next_url(self) -> str | None:
        found = self.soup.select(self.pager_selector)
        return urljoin(self.url, found[0]["href"]) if found else None


_CUT = re.compile(r"\s+(?:PDF|WORD)\b|\s*Tipo de ordenamiento:", re.I)
_MODIFIED = re.compile(r"Fecha de [úu]ltima modificaci[óo]n:\s*(\d{1,2}-\d{1,2}-\d{4}|Sin reforma)", re.I)


class AccordionLawList(ListPage):
    """Accordion items: ``li`` holding a PDF link; the title is the item text before its buttons."""

    pdf_selector: ClassVar[str] = "li a[href$='.pdf']"
    min_items: ClassVar[int] = 20
    # "Fecha de última modificación": the portal does not say it is the gazette date of a reform.
    last_reform_meaning: ClassVar[str] = "text_date"

    def items(self):
        links = self.select(self.pdf_selector, min_items=self.min_items)
        return list(dict.fromkeys(a.find_parent("li") for a in links))

    def process_item(self, item) -> LawRow:
        text = " ".join(item.get_text(" ").split())
        title = _CUT.split(text, maxsplit=1)[0].strip()
        if not title:
            raise SkipItem("accordion item without a title", self.url)
        urls = tuple(dict.fromkeys(urljoin(self.url, a["href"].strip()) for a in item.select("a[href]")
                                   if re.search(r"(?i)\.(pdf|docx?)$", a["href"].strip())))  # fmt: skip
        raw, day = _modified(text)
        return LawRow(title=title, urls=urls, last_reform_raw=raw, last_reform=day)


def _modified(text: str):
    match = _MODIFIED.search(text)
    if not match:
        return None, None
    if match[1].lower().startswith("sin"):
        return match[1], None  # "Sin reforma": no date to take (the text is the original one)
    try:
        return match[1], parse_date(match[1])
    except DateParseError:
        return match[1], None
