"""Title-page metadata: title, original publication, last reform, text status."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.parse.dates import find_dates, fold
from pipeline.parse.law.citations import (
    _with_next,
    legislatura_of,
    match_article,
    match_structure,
    publication_from,
)
from pipeline.parse.law.model import Publication

# --- metadata -----------------------------------------------------------------------------------

_TITLE_START = re.compile(
    r"^(?:LEY|Ley|C[OÓ]DIGO|C[oó]digo|REGLAMENTO|Reglamento|CONSTITUCI[OÓ]N|Constituci[oó]n|ESTATUTO|Estatuto|"
    r"DECRETO|PROGRAMA|Programa|ACUERDO|LINEAMIENTOS|NORMA|BANDO|PRESUPUESTO|PROTOCOLO|Protocolo)\b"
)
_TITLE_STOP = re.compile(
    r"^(?:C[AÁ]MARA DE DIPUTADOS|Secretar[ií]a|FECHA DE|DATOS DE|PUBLICAD|Publicad|[UÚ]LTIMA|[ÚU]ltima|"
    r"TEXTO|Texto|Nueva|NUEVA|DEC\.|DECRETO\s+N|Al margen|\d)"
)


def find_title(first_page: list[str] | tuple[str, ...]) -> str | None:
    lines = list(first_page[:40])
    for i, line in enumerate(lines):
        if not _TITLE_START.match(line) or re.match(r"^DECRETO\s+(?:N|\d)", line, re.I):
            continue
        parts = [line]
        for nxt in lines[i + 1 : i + 6]:
            if _TITLE_STOP.match(nxt) or not _mostly_upper(nxt) or match_structure(nxt) or match_article(nxt):
                break
            parts.append(nxt)
        title = re.split(r"\s+DECRETO\s+(?:No\.?\s*|N[UÚ]M\w*\s*)?\d", " ".join(parts))[0]
        return title.strip().rstrip(".").strip() or None
    return next((line for line in lines if line.strip()), None)


def _mostly_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


_LAST_REFORM = re.compile(r"\bultimas?\s+reformas?\b")


def find_original_publication(preamble: list[str]) -> Publication:
    """"Nueva Ley publicada en el DOF el …" / "PUBLICADO EN EL PERIÓDICO OFICIAL No. 53, …" /
    "DECRETO 338, LXVII LEGISLATURA, PERIODICO OFICIAL No. 104 DE FECHA …" on the title page."""
    decree_only: Publication | None = None
    for i, line in enumerate(preamble):
        folded = fold(line)
        if _LAST_REFORM.search(folded):
            continue
        text, _ = _with_next(preamble, i)
        states_publication = "publicad" in folded and re.search(r"oficial|gaceta|\bdof\b", folded)
        if (states_publication or re.search(r"\bdec(?:reto|\.)\s*(?:no\.?\s*)?\d+.*(?:p\.\s?o\b|periodico oficial)", folded)) and find_dates(text):
            return publication_from(text)
        if decree_only is None and re.match(r"^decreto\s+(?:no\.?|numero|num\.)?\s*\d+\s*$", folded):
            decree_only = Publication(decree=re.search(r"\d+", folded).group(0), raw=line)
    if decree_only is not None:
        window = " ".join(preamble)
        decree_only.legislatura = legislatura_of(window)
        return decree_only
    return Publication()


def find_last_reform(preamble: list[str], furniture: list[str]) -> tuple[dt.date | None, str | None, Publication | None]:
    """(date, where it was read, the publication line of the header) — the title page wins."""
    for i, line in enumerate(preamble):
        if _LAST_REFORM.search(fold(line)):
            dates = find_dates(" ".join(preamble[i : i + 3]))
            if dates:
                return dates[0], "title_page", None
    for line in furniture:
        folded = fold(line)
        if re.search(r"\bdof\b|p\.\s?o\b|\bdec\.|decreto|periodico oficial|gaceta|ultima reforma", folded):
            dates = find_dates(line)
            if dates:
                return dates[0], "running_header", publication_from(line)
    return None, None, None


def text_status(first_page: list[str], has_history: bool) -> str:
    folded = fold(" ".join(first_page))
    if "texto vigente" in folded:
        return "vigente"
    if "texto original" in folded:
        return "original"
    return "vigente" if has_history else "original"
