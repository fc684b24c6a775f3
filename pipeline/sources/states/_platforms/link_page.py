"""Pages that list laws as plain document links (``<a href="….pdf">title</a>``), no table.

Sinaloa's static page, Guerrero's PHP category pages, Quintana Roo's link list and Colima's
click-to-load list share this shape: the row IS the link. A state subclasses :class:`LinkListPage` and
says which links are laws (``link_selector``), where the title sits (the link text, the parent's
text when the link text is a bare "PDF", or the file name) and where a date may hide (the file name).
Counted selectors fail loudly when the live page differs.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from pipeline.core.errors import LayoutChanged, SkipItem
from pipeline.parse.dates import DateParseError, parse_date
from pipeline.sources.kit import ListPage
from pipeline.sources.states._platforms.catalogue import LawRow

#: Link texts that name the format, not the law: the title is then read from the link's parent.
GENERIC_LINK_TEXTS = {"pdf", "doc", "docx", "word", "descargar", "descarga", "ver", "aqui", "aquí", "consultar"}
#: Characters kept literally when a path is re-encoded (RFC 3986 sub-delims, as the sites print them).
_PATH_SAFE = "/:@!$&'()*+,;=~"


def squash(text: str) -> str:
    return " ".join(text.split())


def clean_url(url: str) -> str:
    """Decode a path until it is stable (double-encoded ``%2520`` included), then encode it once.

    Sites and third-party copies disagree (raw spaces, ``%20``, ``%2520``): one canonical form makes the
    same document the same URL on every run.
    """
    parts = urlsplit(url)
    path = parts.path
    for _ in range(3):  # %252520 is the worst seen; more means the URL itself is broken
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    return urlunsplit((parts.scheme, parts.netloc, quote(path, safe=_PATH_SAFE), parts.query, ""))


def file_name(url: str) -> str:
    """The URL's last path segment, decoded."""
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1])


def file_name_title(url: str) -> str:
    """A title made from a file name: extension(s) and trailing dots dropped, ``_`` read as a space."""
    stem = re.sub(r"(?:\.(?:pdf|docx?|PDF|DOCX?))+$", "", file_name(url))
    return squash(stem.replace("_", " ")).rstrip(". ")


def parse_row_date(raw: str | None):
    if not raw or not re.search(r"\d", raw):
        return None
    try:
        return parse_date(raw)
    except DateParseError:
        return None


class LinkListPage(ListPage):
    """A page whose law rows are document links. Subclasses set the selector and the title source."""

    link_selector: ClassVar[str] = "a[href$='.pdf']"
    min_rows: ClassVar[int] = 20  # a state's catalogue lists ≥ 20 laws; fewer means the page changed
    #: Where the title is: "text" (link text, else the parent's text) or "filename".
    title_source: ClassVar[str] = "text"
    #: Titles (regexes, case-insensitive) of links that are not laws (tables of values, navigation).
    skip_titles: ClassVar[tuple[str, ...]] = ()
    #: ``….pdf.pdf`` → ``….pdf`` (Sinaloa's typo'd hrefs); off where a double extension is the real name.
    collapse_double_pdf: ClassVar[bool] = False
    #: What the row's date means on this site: a key of catalogue.LAST_REFORM_MEANINGS.
    last_reform_meaning: ClassVar[str] = "none"

    def items(self):
        return self.select(self.link_selector, min_items=self.min_rows)

    def process_item(self, anchor) -> LawRow:
        url = self.document_url(anchor.get("href", ""))
        title = self.title_of(anchor, url)
        if not title:
            raise SkipItem("link without a title", url)
        if any(re.search(pattern, title, re.I) for pattern in self.skip_titles):
            raise SkipItem(f"not a law: {title}", url)
        raw = self.date_text(anchor, url)
        return LawRow(title=title, urls=(url,), last_reform_raw=raw, last_reform=self.row_date(raw),
                      ref=file_name(url))  # fmt: skip

    def document_url(self, href: str) -> str:
        url = urljoin(self.url, href.strip())
        if self.collapse_double_pdf:
            url = re.sub(r"\.pdf\.pdf$", ".pdf", url, flags=re.I)
        return clean_url(url)

    def title_of(self, anchor, url: str) -> str:
        if self.title_source == "filename":
            return file_name_title(url)
        text = squash(anchor.get_text(" "))
        if text.lower().strip(".: ") in GENERIC_LINK_TEXTS and anchor.parent is not None:
            text = squash(anchor.parent.get_text(" ").replace(anchor.get_text(" "), " "))
        return text

    def date_text(self, anchor, url: str) -> str | None:
        """The row's date as printed (None: the page gives none). Subclasses read it where it is."""
        return None

    def row_date(self, raw: str | None):
        return parse_row_date(raw)

    def parse(self) -> list[LawRow]:
        rows = list(super().parse())
        if not rows:
            raise LayoutChanged(f"every one of the links was skipped ({len(self.skipped)})", self.url)
        return rows
