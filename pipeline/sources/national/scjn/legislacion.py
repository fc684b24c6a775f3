"""SCJN — Sistema de Consulta de Ordenamientos (``legislacion.scjn.gob.mx``): declared, not built.

Why no page objects (``shared/sources.md`` §3): the site is ASP.NET WebForms + DevExpress. Search
(``Buscar.aspx``) and the reform grid (``wfOrdenamientoDetalle.aspx``) are reached through
``__doPostBack`` postbacks carrying a session cookie and ``__VIEWSTATE``, and every detail page is
addressed by an opaque Base64 ``q=`` token — there is no URL a GET-only fetcher can build, and no row
structure was captured by anyone (only one archived excerpt: "Fecha de publicación: 14/06/2012 /
Categoría: LEY" for LGPSEDMTP, IdOrd 88192). The Buscador Jurídico JSON API (§3.2) needs POST, is
tagged "[code, unverified by me]" and its detail/download path for ``legislacion`` "was still being
probed". Implementing either would mean guessing structure, so the source declares itself for
coverage and its scrape fails with a classified error that says so. Build it when a recorded response
of ``wfOrdenamientoDetalle.aspx`` (or the BJ ``legislacion`` detail) exists, and the fetcher has POST.
"""

from __future__ import annotations

from pipeline.core.errors import ScrapeError
from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import BaseSource
from pipeline.sources.national.ojn.info import EDO


class NotBuilt(ScrapeError):
    """The source's structure is not documented enough to implement without guessing."""

    outcome = "parse_error"


INFO = SourceInfo(
    name="mx-scjn-legislacion",
    title="SCJN — Sistema de Consulta de Ordenamientos (legislación federal y estatal)",
    jurisdiction="MX",
    jurisdictions=tuple(EDO.values()),
    homepage="https://legislacion.scjn.gob.mx/Buscador/Paginas/Buscar.aspx",
    allowed_hosts=("legislacion.scjn.gob.mx",),
    encoding="utf-8",
    min_interval_s=3.0,  # sources.md §3.1: "suggested 2–3 s between pages"
    formats=("html", "pdf"),
    covers="Publication and reform dates of state laws (ordenamiento detail, reform list): not built yet",
    role="dating",
    level="national",
    limitations="structure not documented: ASP.NET postbacks with ViewState and opaque q= tokens "
    "(sources.md §3.1), no captured row structure; the JSON Buscador needs POST and is unverified (§3.2)",
)


class ScjnLegislacion(BaseSource):
    info = INFO
    built = False  # for a refresh that wants to leave declared-only sources out of its health verdict

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None):
        raise NotBuilt(f"{INFO.name}: {INFO.limitations}", INFO.homepage)
        yield  # pragma: no cover - a generator, so run_source classifies the failure like any other


SOURCE = ScjnLegislacion()
