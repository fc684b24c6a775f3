"""SCJN invalidations on provisions: ``provisions_invalidated`` facts → ``effects`` rows ``invalidacion``.

A fact that the SCJN invalidated provisions (a curated registry row, or a ruling the DOF source read) carries
the declaration in its note ("se declara la invalidez de los artículos 5, 6, fracción II, y 10 de la Ley …").
:func:`pipeline.parse.law.invalidity.parse_invalidations` reads the provisions; this module ties them to the
law they struck and to its parsed texts:

* the law: the fact's own instrument when it is a law or code; when it is the ruling (``sentencia_scjn``),
  the instrument of the same jurisdiction the declaration names (a ``codigo`` → the penal code; a ``ley`` →
  the specific law whose title shares the most words with the name; a tie names none);
* the texts: the version in force at the ruling date (the newest dated on or before it) and every later
  version, where the provision exists and no later reform or addition rewrote it. The ruling date is the
  fact's date (the DOF publication of the ruling); an undated fact is tied to no text (never guessed);
* each effect row keeps the ruling (``decree``), its gazette, the declaration (``raw``), and copies of the
  fact's evidence (``evidence.fact_table = 'effects'``).

The scorecard (:mod:`pipeline.harmonise.store`) then marks an element ``invalidated`` when every provision
that carries it was struck whole (a *porción normativa* leaves the provision standing).
"""

from __future__ import annotations

import re

from pipeline.parse.dates import fold
from pipeline.parse.law.invalidity import Invalidation, parse_invalidations
from pipeline.store.merge import short_hash

_FACTS_SQL = """
SELECT e.event_id, e.instrument_id, i.jurisdiction, i.instrument_type, i.title,
       coalesce(e.event_date, CASE WHEN e.date_earliest = e.date_latest THEN e.date_earliest END) AS ruling_date,
       e.decree, e.gazette, coalesce(e.note, '') || ' ' || coalesce(e.title, '') AS text
FROM events e JOIN instruments i USING (instrument_id)
WHERE e.event_type = 'provisions_invalidated' AND NOT e.superseded
ORDER BY e.event_id
"""
_STOP = {"de", "la", "el", "los", "las", "del", "y", "en", "para", "a", "estado", "ley", "sus", "su", "e"}
#: A provision rewritten after the ruling is a new text the ruling did not strike.
_REWRITES = ("reforma", "adicion", "fe_de_erratas")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9ñ]+", fold(text))) - _STOP


def affected_instrument(con, jurisdiction: str, own: tuple[str, str], found: Invalidation) -> str | None:
    """The instrument a declaration strikes (see the module docstring), or None."""
    own_id, own_type = own
    if own_type != "sentencia_scjn":
        return own_id
    if found.law_kind == "codigo_penal":
        rows = con.execute("SELECT instrument_id, title FROM instruments WHERE jurisdiction = ? AND "
                           "instrument_type = 'codigo_penal'", [jurisdiction]).fetchall()  # fmt: skip
    elif found.law_kind == "ley":
        rows = con.execute("SELECT instrument_id, title FROM instruments WHERE jurisdiction = ? AND is_specific_law",
                           [jurisdiction]).fetchall()  # fmt: skip
    else:
        return None
    if len(rows) == 1:
        return rows[0][0]
    name = _words(found.law_name or "")
    scored = sorted(((len(name & _words(title)), iid) for iid, title in rows), reverse=True)
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def _versions(con, instrument_id: str, ruling_date) -> list[str]:
    """The version in force at the ruling date and every later dated version, oldest first."""
    rows = con.execute("SELECT version_id, version_date FROM instrument_versions WHERE instrument_id = ? AND "
                       "version_date IS NOT NULL ORDER BY version_date, version_id", [instrument_id]).fetchall()  # fmt: skip
    before = [vid for vid, day in rows if day <= ruling_date]
    return before[-1:] + [vid for vid, day in rows if day > ruling_date]


def _rewritten_after(con, version_id: str, eid: str, ruling_date) -> bool:
    effects = con.execute("SELECT provision_eid FROM effects WHERE version_id = ? AND effect_date > ? AND "
                          f"effect_type IN {_REWRITES}", [version_id, ruling_date]).fetchall()  # fmt: skip
    return any(eid == e or eid.startswith(e + ".") or e.startswith(eid + ".") for (e,) in effects)


def invalidation_effects(con) -> tuple[list[dict], list[dict]]:
    """(effects rows, evidence rows) for every provisions_invalidated fact whose provisions can be placed."""
    effects: dict[str, dict] = {}
    evidence: list[dict] = []
    for event_id, own_id, jurisdiction, own_type, title, ruling_date, decree, gazette, text in \
            con.execute(_FACTS_SQL).fetchall():  # fmt: skip
        if ruling_date is None:
            continue
        for found in parse_invalidations(text):
            instrument_id = affected_instrument(con, jurisdiction, (own_id, own_type), found)
            if instrument_id is None:
                continue
            for version_id in _versions(con, instrument_id, ruling_date):
                pid = f"{version_id}~{found.provision_eid}"
                held = con.execute("SELECT 1 FROM provisions WHERE provision_id = ?", [pid]).fetchone()
                if held is None or _rewritten_after(con, version_id, found.provision_eid, ruling_date):
                    continue
                raw = ("porción normativa: " if found.portion_only else "") + found.raw[:500]
                effect_id = short_hash(version_id, found.provision_eid, "invalidacion", ruling_date, event_id)
                effects[effect_id] = {"effect_id": effect_id, "version_id": version_id, "instrument_id": instrument_id,
                                      "provision_eid": found.provision_eid, "effect_type": "invalidacion",
                                      "effect_date": ruling_date, "decree": decree or title, "gazette": gazette,
                                      "raw": raw}  # fmt: skip
                evidence += _evidence_copies(con, event_id, effect_id)
    return list(effects.values()), list({e["evidence_id"]: e for e in evidence}.values())


def _evidence_copies(con, event_id: str, effect_id: str) -> list[dict]:
    cursor = con.execute("SELECT * FROM evidence WHERE fact_table = 'events' AND fact_id = ?", [event_id])
    names = [c[0] for c in cursor.description]
    out = []
    for row in cursor.fetchall():
        record = dict(zip(names, row, strict=True))
        record.update(fact_table="effects", fact_id=effect_id, supports="invalidacion",
                      evidence_id=short_hash("effects", effect_id, record["evidence_id"]))
        out.append(record)
    return out


def write_invalidations(con) -> int:
    """Insert the invalidation effects and their evidence; returns how many effects were written."""
    effects, evidence = invalidation_effects(con)
    for table, rows in (("effects", effects), ("evidence", evidence)):
        if rows:
            columns = list(rows[0])
            con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            [list(r.values()) for r in rows])  # fmt: skip
    return len(effects)
