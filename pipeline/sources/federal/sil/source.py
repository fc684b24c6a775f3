"""SIL (Sistema de Información Legislativa, SEGOB): federal initiatives on trafficking and their status.

``../shared/sources.md`` §5.1 [code: SemaforoLegislativo-style SIL scrapers; no raw page exists]:

* keyword search ``Librerias/Search/search_UTF.php?Valor={term}``: one big table, one ``<td>`` per
  result holding ``<div class="tdcriterio"><a href="…pp_ReporteSeguimiento.php?Seguimiento=X&Asunto=Y">
  <b>TÍTULO</b></a> | <div class="badge">TIPO</div></div>`` and a synopsis;
* detail ``Librerias/pp_ReporteSeguimiento.php?SID=&Seguimiento={id}&Asunto={id}`` (latin-1): a
  key–value table ("Cámara origen", "Fecha de presentación" dd/mm/yyyy, "Legislatura",
  "Presentador", "Último trámite", "Último estatus", …);
* "Último estatus" is three glued parts ``<ESTADO><SITUACION><FECHA>``, e.g.
  ``Pendiente en comisión(es) de origenPendiente09/04/2025``; SITUACION ∈ Pendiente, Aprobado,
  Desechado, Resuelto, Retirada, Concluido, Precluido.

The search page's codec is not documented (its name says UTF, scrapers forced latin-1): it is decoded
as UTF-8 and falls back to latin-1. Statuses map onto :data:`pipeline.core.vocab.BILL_EVENT_TYPES`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, urljoin, urlsplit

from pipeline.core.errors import LayoutChanged, ScrapeError
from pipeline.core.fetching import Fetcher, Response, RunReport, SourceInfo
from pipeline.core.records import BillEventRecord, BillRecord, Evidence
from pipeline.parse.dates import DateParseError, fold, parse_date
from pipeline.parse.relevance import is_trafficking
from pipeline.sources.kit import HtmlPage, run_source

INFO = SourceInfo(
    name="sil",
    title="Sistema de Información Legislativa (SEGOB)",
    jurisdiction="MX",
    homepage="http://sil.gobernacion.gob.mx/",
    allowed_hosts=("sil.gobernacion.gob.mx",),
    encoding="latin-1",
    min_interval_s=1.5,
    formats=("html",),
    covers="Federal initiatives (iniciativas, minutas) found by keyword, with presenter, chamber and status",
    notes="Searches can take over 60 s; the status string is three glued parts.",
    role="bills",
    level="federal",
)

SEARCH_URL = "https://sil.gobernacion.gob.mx/Librerias/Search/search_UTF.php?Valor={term}"
DETAIL_URL = "http://sil.gobernacion.gob.mx/Librerias/pp_ReporteSeguimiento.php?SID=&Seguimiento={seg}&Asunto={asunto}"
SEARCH_TERMS = ("trata de personas",)
#: Kinds of matter that are bills (proposiciones con punto de acuerdo and the like are not).
BILL_KINDS = ("iniciativa", "minuta")

SITUATIONS = ("Pendiente", "Aprobado", "Aprobada", "Desechado", "Desechada", "Resuelto", "Retirada", "Retirado",
              "Concluido", "Precluido", "Publicado")
_GLUED = re.compile(
    r"^(?P<stage>.*?)(?P<situation>" + "|".join(SITUATIONS) + r")\s*(?P<date>\d{1,2}[/-](?:\d{1,2}|[A-Za-z]{3})[/-]\d{4})\s*$"
)


def search_url(term: str) -> str:
    return SEARCH_URL.format(term=quote(term))


@dataclass(frozen=True)
class Status:
    stage: str
    situation: str | None
    date: dt.date | None


def split_status(text: str) -> Status:
    """Split ``Pendiente en comisión(es) de origenPendiente09/04/2025`` into stage, situation and date.

    Also accepts the prose forms seen elsewhere ("Publicado en DOF el 14/10/2024", "Retirada el
    19/03/2025", "Turnado al Ejecutivo"), where the situation is not glued on.
    """
    clean = " ".join(text.split())
    match = _GLUED.match(clean)
    if match and match.group("stage").strip():
        return Status(match.group("stage").strip(), match.group("situation"), _date(match.group("date")))
    prose = re.match(r"^(?P<stage>.*?)(?:\s+el)?\s+(?P<date>\d{1,2}[/-](?:\d{1,2}|[A-Za-z]{3})[/-]\d{4})$", clean)
    if prose:
        return Status(prose.group("stage"), None, _date(prose.group("date")))
    return Status(clean, None, None)


def _date(text: str) -> dt.date | None:
    try:
        return parse_date(text)
    except DateParseError:
        return None


#: (pattern on the folded stage + situation, bill event). First match wins; order matters.
_EVENT_RULES = (
    (r"publicad", "published"),
    (r"turnad[oa] al ejecutivo|enviad[oa] al ejecutivo", "sent_to_executive"),
    (r"observaciones|veto", "vetoed"),
    (r"desechad", "rejected"),
    (r"retirad", "withdrawn"),
    (r"precluid|concluid", "expired"),
    (r"aprobad[oa] en comision", "committee_report"),
    (r"dictamen", "committee_report"),
    (r"minuta|revisora", "sent_to_other_chamber"),
    (r"aprobad|resuelt", "approved"),
    (r"pendiente en comision|turnad", "referred"),
    (r"presentad", "presented"),
)


def status_event(status: Status) -> str:
    """The BILL_EVENT_TYPES value a SIL status stands for (default: referred — it is pending in committee)."""
    text = fold(f"{status.stage} {status.situation or ''}")
    for pattern, event in _EVENT_RULES:
        if re.search(pattern, text):
            return event
    return "referred"


# --- pages ------------------------------------------------------------------------------------------------


class SearchPage(HtmlPage):
    """The keyword search: one result per cell."""

    structure = "code"
    structure_source = "shared/sources.md §5.1; SemaforoLegislativo-style SIL scrapers"
    example_fixture = 'sil/search_trata.htm'
    example_source = "http://sil.gobernacion.gob.mx/Librerias/Search/search_UTF.php?Valor=trata"

    source = INFO

    @property
    def text(self) -> str:
        try:
            return self.response.content.decode("utf-8")
        except UnicodeDecodeError:
            return self.response.content.decode("latin-1")

    def parse(self) -> list[dict]:
        results = []
        # A trafficking search always has results; none means the page is not the search we know.
        for cell in self.select("div.tdcriterio", min_items=1):
            link = cell.find("a", href=re.compile("pp_ReporteSeguimiento"))
            if link is None:
                raise LayoutChanged("search result without a pp_ReporteSeguimiento link", self.url)
            results.append(self._result(cell, link))
        return results

    def _result(self, cell, link) -> dict:
        query = {k: v[0] for k, v in parse_qs(urlsplit(link["href"]).query).items()}
        badge = cell.find("div", class_="badge")
        container = cell.find_parent("td") or cell
        title = " ".join(link.get_text(" ").split())
        synopsis = " ".join(container.get_text(" ").split())
        synopsis = synopsis.split(badge.get_text(strip=True), 1)[-1].strip() if badge else synopsis
        return {
            "seguimiento": query.get("Seguimiento"),
            "asunto": query.get("Asunto"),
            "title": title,
            "kind": badge.get_text(strip=True) if badge else None,
            "synopsis": synopsis,
            "url": DETAIL_URL.format(seg=query.get("Seguimiento"), asunto=query.get("Asunto")),
            "trafficking": is_trafficking(f"{title} {synopsis}"),
        }


_FIELDS = {
    "camara origen": "chamber",
    "fecha de presentacion": "presented",
    "legislatura": "legislature",
    "periodo de sesiones": "session",
    "presentador": "presenter",
    "ultimo tramite": "last_step",
    "ultimo estatus": "status_text",
    "aspectos relevantes": "synopsis",
    "sintesis": "synopsis",
    "denominacion del asunto": "title",
    "asunto": "title",
    "tipo de asunto": "kind",
}


class DetailPage(HtmlPage):
    """``pp_ReporteSeguimiento.php``: a key–value table, two cells per row (latin-1)."""

    structure = "code"
    structure_source = "shared/sources.md §5.1 (pp_ReporteSeguimiento.php)"
    example_fixture = 'sil/detail_4740725_4729480.htm'
    example_source = "http://sil.gobernacion.gob.mx/Librerias/pp_ReporteSeguimiento.php?SID=&Seguimiento=4740725&Asunto=4729480"

    source = INFO

    def fields(self) -> dict:
        found: dict = {}
        for row in self.select("tr"):
            cells = row.find_all("td", recursive=False)
            if len(cells) != 2:
                continue
            key = fold(cells[0].get_text(" ")).rstrip(": ")
            value = " ".join(cells[1].get_text(" ").split())
            if key in _FIELDS and value:
                found.setdefault(_FIELDS[key], value)
            elif key in BILL_KINDS or key.startswith("proposicion"):
                found.setdefault("kind", cells[0].get_text(strip=True))
                found.setdefault("title", value)
        if "presented" not in found or "status_text" not in found:
            raise LayoutChanged("detail page without 'Fecha de presentación' / 'Último estatus'", self.url)
        return found

    def ids(self) -> tuple[str | None, str | None]:
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.url).query).items()}
        return query.get("Seguimiento"), query.get("Asunto")

    def parse(self) -> list[dict]:
        data = self.fields()
        status = split_status(data["status_text"])
        seguimiento, asunto = self.ids()
        data.update(
            seguimiento=seguimiento,
            asunto=asunto,
            presented=_iso(_date(data["presented"])),
            stage=status.stage,
            situation=status.situation,
            status_date=_iso(status.date),
            event_type=status_event(status),
            trafficking=is_trafficking(f"{data.get('title', '')} {data.get('synopsis', '')}"),
        )
        return [data]

    def bill(self, title_hint: str | None = None) -> BillRecord:
        data = self.parse()[0]
        evidence = Evidence(kind="scraped", source=INFO.name, url=self.url, sha256=self.response.sha256,
                            retrieved_at=self.response.retrieved_at)
        return BillRecord(
            jurisdiction="MX", bill_id=f"sil-{data['asunto'] or data['seguimiento']}",
            title=data.get("title") or title_hint or "", evidence=evidence, chamber=data.get("chamber"),
            presenter=data.get("presenter"), legislature=data.get("legislature"), url=self.url,
            status_text=data["status_text"], trafficking=data["trafficking"] or is_trafficking(title_hint or ""),
            events=bill_events(data),
        )


def bill_events(data: dict) -> tuple[BillEventRecord, ...]:
    """``presented`` on the presentation date, then the event of the latest status."""
    presented = dt.date.fromisoformat(data["presented"]) if data.get("presented") else None
    events = [BillEventRecord("presented", presented, "Fecha de presentación")]
    status_date = dt.date.fromisoformat(data["status_date"]) if data.get("status_date") else None
    description = " / ".join(filter(None, (data.get("stage"), data.get("situation"))))
    if data["event_type"] != "presented":
        events.append(BillEventRecord(data["event_type"], status_date, description))
    return tuple(events)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- the source ---------------------------------------------------------------------------------------------


@dataclass
class SilSource:
    info: SourceInfo = INFO
    terms: tuple[str, ...] = SEARCH_TERMS

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator[BillRecord]:
        """Bills found by every search term; a detail page that fails is a skip in ``report``."""
        report = report if report is not None else RunReport(self.info.name)
        seen: set = set()
        for term in self.terms:
            report.saw("search")
            for result in SearchPage(fetcher.get(search_url(term), source=INFO)).parse():
                key = (result["seguimiento"], result["asunto"])
                if key in seen or not self._wanted(result):
                    continue
                seen.add(key)
                try:
                    yield DetailPage(fetcher.get(result["url"], source=INFO)).bill(result["title"])
                    report.saw("detail")
                except ScrapeError as exc:
                    report.skips.append(f"{result['url']}: {exc.outcome}: {exc}")

    @staticmethod
    def _wanted(result: dict) -> bool:
        kind = fold(result.get("kind") or "iniciativa")
        return result["trafficking"] and any(k in kind for k in BILL_KINDS)


SOURCE = SilSource()


# --- inspect ---------------------------------------------------------------------------------------------------


def inspect_search(path: Path) -> list[dict]:
    return SearchPage(Response(url=search_url("file"), content=Path(path).read_bytes(), sha256="")).parse()


def inspect_detail(path: Path) -> list[dict]:
    """A stored detail page; Seguimiento/Asunto are taken from digits in the file name when present."""
    digits = re.findall(r"\d{5,}", Path(path).name)
    seg, asunto = (digits + [None, None])[:2]
    url = urljoin(DETAIL_URL, DETAIL_URL.format(seg=seg or "", asunto=asunto or ""))
    return DetailPage(Response(url=url, content=Path(path).read_bytes(), sha256="")).parse()


INSPECT_KINDS = {"sil-search": inspect_search, "sil-detail": inspect_detail}
