"""LawDocument → records (provisions, effects, VersionRecord) and inspect."""

from __future__ import annotations

from pathlib import Path

from pipeline.parse.law.assemble import parse_law
from pipeline.parse.law.model import LawDocument

# --- records ------------------------------------------------------------------------------------


def provisions_of(doc: LawDocument) -> list:
    """Every provision as a ProvisionRecord: headings, articles, fracciones, incisos, transitorios."""
    from pipeline.core.records import ProvisionRecord

    out = [ProvisionRecord(h.eid, h.level, h.number, h.name, notes=tuple(h.notes)) for h in doc.headings]
    for article in doc.articles:
        out.append(ProvisionRecord(article.eid, "articulo", article.number, article.text, article.derogated,
                                   tuple(article.notes)))  # fmt: skip
        for fraction in article.fracciones:
            out.append(ProvisionRecord(fraction.eid, "fraccion", fraction.number, fraction.text, fraction.derogated,
                                       tuple(fraction.notes)))  # fmt: skip
            out.extend(ProvisionRecord(i.eid, "inciso", i.number, i.text, i.derogated, tuple(i.notes))
                       for i in fraction.children)  # fmt: skip
    transitorios = [*doc.transitorios, *doc.origin_transitorios]
    transitorios += [t for d in doc.reform_decrees for t in d.transitorios]
    out.extend(ProvisionRecord(t.eid, "transitorio", str(t.number), t.text, notes=tuple(t.notes)) for t in transitorios)
    return out


def to_version_record(doc: LawDocument, instrument, evidence):
    """The parsed law as a :class:`pipeline.core.records.VersionRecord` (an expression of the work)."""
    from pipeline.core.records import EffectRecord, VersionRecord

    effects = tuple(EffectRecord(e.provision, e.effect, e.date, e.decree, e.gazette, e.raw) for e in doc.effects)
    return VersionRecord(
        instrument=instrument,
        evidence=evidence,
        version_date=doc.last_reform or doc.published.date,
        parser_version=doc.parser_version,
        provisions=tuple(provisions_of(doc)),
        effects=effects,
        metadata={
            "title": doc.title,
            "published": doc.published.to_json(),
            "text_status": doc.text_status,
            "reform_decrees": [d.to_json() for d in doc.reform_decrees],
            "warnings": list(doc.warnings),
            "profile": doc.profile,
        },
    )


def inspect_law(path: Path) -> dict:
    """``proteja inspect FILE --kind law --json``: one document as JSON-able data."""
    path = Path(path)
    return parse_law(path.read_bytes(), url=path.as_uri()).to_json()


#: Kinds the CLI's ``inspect`` command can show.
INSPECT_KINDS = {"law": inspect_law}
