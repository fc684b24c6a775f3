"""Score one law version's provisions against the element catalogue.

For each element: ``present`` (a strong rule fired in some provision), ``partial`` (only weak rules), ``absent``
(no rule fired anywhere in a text that was parsed) or ``not_assessed`` (no parsed text). Each finding keeps the
provision ids that carry it, an excerpt of at most 200 characters copied verbatim from the first of them, the
rules that fired and the rules version. A finding whose confidence is below :data:`REVIEW_THRESHOLD` is marked
for review (partial findings, and "absent" in a text too short to be a whole law).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.harmonise.elements import CONTEXT, CONTEXT_ELEMENTS, RULES_VERSION, Element, load_catalogue

REVIEW_THRESHOLD = 0.75
EXCERPT_MAX = 200
MAX_PROVISIONS = 5
#: A parsed text with fewer articles than this is probably incomplete: its "absent" findings get reviewed.
MIN_ARTICLES = 10
LEVEL_DEPTH = {"inciso": 3, "fraccion": 2, "articulo": 1, "transitorio": 1}
_ACCENTS = str.maketrans("áéíóúüÁÉÍÓÚÜàèìòùÀÈÌÒÙºª", "aeiouuAEIOUUaeiouAEIOUoa")


@dataclass(frozen=True)
class Provision:
    provision_id: str
    eid: str
    level: str
    text: str
    derogated: bool = False


@dataclass(frozen=True)
class Finding:
    version_id: str
    element: str
    finding: str  # present | partial | absent | not_assessed
    confidence: float
    provision_ids: tuple[str, ...] = ()
    excerpt: str | None = None
    rules_fired: tuple[str, ...] = ()
    rules_version: str = RULES_VERSION
    needs_review: bool = False
    reasons: tuple[str, ...] = field(default=())

    def to_row(self) -> dict:
        return {"version_id": self.version_id, "element": self.element, "finding": self.finding,
                "confidence": self.confidence, "provision_ids": "|".join(self.provision_ids) or None,
                "excerpt": self.excerpt, "rules_fired": "|".join(self.rules_fired) or None,
                "rules_version": self.rules_version, "needs_review": self.needs_review}  # fmt: skip


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """:func:`pipeline.parse.dates.fold`, character by character, with each folded character's index in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                where.append(index)
            continue
        folded = char.translate(_ACCENTS)
        if not folded.isascii() and folded not in "ñÑ":
            folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        for piece in folded.lower():
            out.append(piece)
            where.append(index)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def excerpt_of(text: str, start: int, end: int) -> str:
    """At most EXCERPT_MAX characters of ``text`` around [start, end), verbatim (it occurs in the text)."""
    if end - start >= EXCERPT_MAX:
        return text[start : start + EXCERPT_MAX].strip()
    slack = EXCERPT_MAX - (end - start)
    lo = max(0, start - slack // 2)
    hi = min(len(text), lo + EXCERPT_MAX)
    lo = max(0, hi - EXCERPT_MAX)
    return text[lo:hi].strip()


@dataclass
class _Hit:
    provision: Provision
    score: float
    fired: tuple[str, ...]
    reasons: tuple[str, ...]
    span: tuple[int, int]


def _hit(element: Element, provision: Provision, folded: str, where: list[int]) -> _Hit | None:
    if element.code in CONTEXT_ELEMENTS and not CONTEXT.search(folded):
        return None
    decision = element.categorizer.decide(folded)
    if decision.label != element.code:
        return None
    strongest = max((r for r in element.categorizer.rules if r.name in decision.fired and not r.exclude),
                    key=lambda r: r.weight)  # fmt: skip
    match = strongest.search(folded)
    span = (where[match.start()], where[match.end() - 1] + 1)
    return _Hit(provision, decision.score, decision.fired, decision.reasons, span)


def score_provisions(version_id: str, provisions: list[Provision], elements: list[Element] | None = None,
                     n_articles: int | None = None) -> list[Finding]:  # fmt: skip
    """One finding per element for this version's provisions (headings and derogated provisions are not read)."""
    elements = elements if elements is not None else load_catalogue()
    readable = [p for p in provisions if p.level in LEVEL_DEPTH and not p.derogated and p.text.strip()]
    if not readable:
        return [Finding(version_id, e.code, "not_assessed", 0.0, reasons=("no parsed text",)) for e in elements]
    folded = {p.provision_id: fold_with_map(p.text) for p in readable}
    articles = n_articles if n_articles is not None else sum(1 for p in readable if p.level == "articulo")
    findings = []
    for element in elements:
        hits = [h for p in readable if (h := _hit(element, p, *folded[p.provision_id])) is not None]
        if not hits:
            confidence = 1.0 if articles >= MIN_ARTICLES else 0.5
            findings.append(Finding(version_id, element.code, "absent", confidence,
                                    needs_review=confidence < REVIEW_THRESHOLD,
                                    reasons=(f"no rule fired in {len(readable)} provisions",)))  # fmt: skip
            continue
        best = max(h.score for h in hits)
        top = [h for h in hits if h.score >= min(best, 1.0)]
        # an article's text contains its fracciones: keep the deepest provisions that carry the element
        ids = {h.provision.provision_id for h in top}
        top = [h for h in top if not any(i.startswith(h.provision.provision_id + ".") for i in ids)]
        first = top[0]
        confidence = min(1.0, best)
        status = "present" if best >= 1.0 else "partial"
        fired = tuple(dict.fromkeys(r for h in top for r in h.fired))
        findings.append(Finding(
            version_id, element.code, status, confidence,
            provision_ids=tuple(h.provision.provision_id for h in top[:MAX_PROVISIONS]),
            excerpt=excerpt_of(first.provision.text, *first.span), rules_fired=fired,
            needs_review=confidence < REVIEW_THRESHOLD, reasons=first.reasons,
        ))  # fmt: skip
    return findings


def score_law_document(doc, version_id: str = "file") -> list[Finding]:
    """Score a parsed :class:`~pipeline.parse.law.model.LawDocument` (``proteja scorecard --file``)."""
    from pipeline.parse.law import provisions_of

    provisions = [Provision(f"{version_id}~{p.eid}", p.eid, p.level, p.text, p.derogated) for p in provisions_of(doc)]
    return score_provisions(version_id, provisions)


def article_of(provision_id: str) -> str:
    """``"X~art_12.frac_III"`` → ``"art_12"``."""
    return re.sub(r"\..*$", "", provision_id.split("~", 1)[-1])
