"""The expectation suites that gate every publication, declared in one readable module.

Nothing here imports great-expectations: this module only *declares* what must hold, as
:class:`Check` objects (one GX expectation on one frame) and :class:`Rule` objects (a SQL query
that returns the violating rows; GX then expects that frame to have zero rows). The runner in
:mod:`pipeline.validate.gx_runner` turns them into GX expectations.

Families (issue 8):

* ``row_counts``   — 33 jurisdictions; exactly 32 rows in the status table.
* ``keys``         — every table's primary key and natural keys are not null and unique.
* ``vocabulary``   — coded columns hold values of the closed vocabularies (generated from
  :mod:`pipeline.core.vocab` and from the schema's literal ``IN`` lists, never retyped here).
* ``dates``        — every date lies between 1900-01-01 and the build date.
* ``ordering``     — publication ≤ reforms; abrogation ≥ publication; bill events in date order.
* ``referential``  — every fact has evidence; every scraped sha256 is in the raw manifest.
* ``formats``      — ISO 3166-2 codes, sha256 hex digests, http(s) URLs.
* ``no_silent_loss`` — see :mod:`pipeline.validate.loss` (needs the previous publication).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.core import jurisdictions, vocab
from pipeline.core.citations import HOST_PATTERN, OFFICIAL_HOST, mirror_pattern
from pipeline.core.paths import CHECKS_SQL_DIR, TABLES_SQL_DIR  # noqa: F401 - TABLES_SQL_DIR re-exported for the tests
from pipeline.validate.closed_sets import _nullable, schema_literal_sets, vocab_columns  # noqa: F401

FAMILIES = (
    "row_counts", "keys", "vocabulary", "dates", "ordering", "referential", "formats", "no_silent_loss",
)  # fmt: skip

#: The earliest date any published fact may carry.
MIN_DATE = dt.date(1900, 1, 1)

#: A table may lose at most this fraction of its rows against the previous publication
#: (more needs ``--allow-shrink``, which the report records).
MAX_SHRINK_FRACTION = 0.10

#: The frame holding the 32-state table as of the publication date (``status_table(as_of)``).
STATUS = "status"

SHA256_REGEX = r"^[0-9a-f]{64}$"
URL_REGEX = r"^https?://[^\s/?#]+[^\s]*$"
JURISDICTION_REGEX = r"^MX(?:-[A-Z]{3})?$"  # no capture groups: GX warns about them
INEGI_REGEX = r"^[0-9]{2}$"


@dataclass(frozen=True)
class Check:
    """One GX expectation on one frame (a table, or ``status``)."""

    family: str
    table: str
    expectation: str  # the GX expectation type, e.g. "expect_column_values_to_be_in_set"
    kwargs: dict = field(default_factory=dict)
    description: str = ""

    @property
    def column(self) -> str | None:
        kw = self.kwargs
        if "column" in kw:
            return kw["column"]
        if "column_A" in kw:
            return f"{kw['column_A']}, {kw['column_B']}"
        if "column_list" in kw:
            return ", ".join(kw["column_list"])
        return None


@dataclass(frozen=True)
class Rule:
    """A cross-table rule: ``sql`` selects the violating rows; the expectation is that there are none."""

    family: str
    name: str  # reported as the expectation's name, e.g. "expect_active_events_to_have_evidence"
    table: str
    column: str | None
    sql: str
    description: str


# -- declarations ----------------------------------------------------------------------------------

#: Every frame's keys, primary key first. They must match the schema's PRIMARY KEY / UNIQUE
#: constraints (a test checks this); they are declared here because a constraint-free copy of
#: the database (CREATE TABLE AS) must still be checked.
KEYS: dict[str, list[tuple[str, ...]]] = {
    "jurisdictions": [("code",), ("inegi",)],
    "legislatures": [("legislature_id",), ("jurisdiction", "body", "legislature")],  # one per body's numeral
    "legislature_rules": [("rule_id",)],
    "sources": [("name",)],
    "snapshots": [("line_no",)],
    "source_runs": [("run_id", "source")],
    "instruments": [("instrument_id",), ("jurisdiction", "slug")],
    "events": [("event_id",)],
    "instrument_versions": [("version_id",)],
    "provisions": [("provision_id",), ("version_id", "eid")],
    "effects": [("effect_id",)],
    "bills": [("bill_id",)],
    "bill_events": [("bill_event_id",), ("bill_id", "ordinal")],
    "bill_proponents": [("bill_id", "ordinal")],
    "bill_documents": [("document_id",)],
    "reviews": [("review_id",)],
    "evidence": [("evidence_id",)],
    "conflicts": [("conflict_id",)],
    "elements": [("code",)],
    "element_findings": [("version_id", "element")],
    "element_reviews": [("version_id", "element")],
    STATUS: [("state",)],
}

# Coded columns and the vocabulary of pipeline.core.vocab they draw from: see vocab_columns(), generated
# from the schema's {{vocab:NAME}} CHECKs and from the derived status columns named after a vocabulary.

#: Date and timestamp columns that must lie between MIN_DATE and the build date.
DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("event_date",),
    "bill_events": ("event_date",),
    "effects": ("effect_date",),
    "instrument_versions": ("version_date",),
    "evidence": ("evidence_date", "accessed", "retrieved_at"),
    "legislatures": ("accessed",),
    "snapshots": ("retrieved_at",),
    "source_runs": ("started_at", "finished_at"),
    STATUS: ("as_of", "law_published", "last_reform", "latest_bill_presented", "last_checked"),
}

URL_COLUMNS: dict[str, tuple[str, ...]] = {
    "jurisdictions": ("congress_url",),
    "sources": ("homepage",),
    "instruments": ("official_url",),
    "events": ("official_url",),
    "evidence": ("url", "source_url"),
    "legislatures": ("source_url",),
    "bills": ("url",),
    "snapshots": ("url", "final_url"),
    STATUS: ("law_url",),
}

SHA256_COLUMNS: dict[str, tuple[str, ...]] = {
    "evidence": ("sha256",),
    "snapshots": ("sha256",),
    "instrument_versions": ("sha256",),
}

#: Columns that name a jurisdiction by its ISO 3166-2 code.
JURISDICTION_COLUMNS: dict[str, tuple[str, ...]] = {
    "jurisdictions": ("code",),
    "sources": ("jurisdiction",),
    "instruments": ("jurisdiction",),
    "bills": ("jurisdiction",),
    "legislatures": ("jurisdiction",),
    "legislature_rules": ("jurisdiction",),
    "conflicts": ("jurisdiction",),
}

#: (table, column) -> (referenced table, referenced column): rows that point nowhere.
FOREIGN_KEYS: dict[tuple[str, str], tuple[str, str]] = {
    ("events", "instrument_id"): ("instruments", "instrument_id"),
    ("instrument_versions", "instrument_id"): ("instruments", "instrument_id"),
    ("provisions", "version_id"): ("instrument_versions", "version_id"),
    ("effects", "version_id"): ("instrument_versions", "version_id"),
    ("effects", "instrument_id"): ("instruments", "instrument_id"),
    ("bill_events", "bill_id"): ("bills", "bill_id"),
}

#: The fact tables whose rows need evidence, and which of their rows count ("active").
FACTS_NEEDING_EVIDENCE: dict[str, tuple[str, str]] = {
    "events": ("event_id", "NOT f.superseded"),
    "bills": ("bill_id", "true"),
    "instrument_versions": ("version_id", "true"),
}

REFORM_EVENTS = ("reformed", "provisions_added", "provisions_derogated")
ENDING_EVENTS = tuple(sorted(vocab.SUBSETS["ending_events"]))


def _jurisdiction_codes(states_only: bool = False) -> list[str]:
    return sorted(j.code for j in jurisdictions.load() if j.is_state or not states_only)


# -- the checks ------------------------------------------------------------------------------------


def checks(build_date: dt.date) -> list[Check]:
    """Every per-frame expectation, in a stable order."""
    return [
        *_row_count_checks(),
        *_key_checks(),
        *_vocabulary_checks(),
        *_date_checks(build_date),
        *_ordering_checks(),
        *_format_checks(),
    ]


def _row_count_checks() -> list[Check]:
    n_all, n_states = len(_jurisdiction_codes()), len(_jurisdiction_codes(states_only=True))
    return [
        Check("row_counts", "jurisdictions", "expect_table_row_count_to_equal", {"value": n_all},
              f"the federation and the {n_states} states: {n_all} jurisdictions"),
        Check("row_counts", STATUS, "expect_table_row_count_to_equal", {"value": n_states},
              f"the status table has exactly one row per state ({n_states})"),
        *[
            Check("row_counts", table, "expect_table_row_count_to_be_between", {"min_value": 1},
                  f"{table} is not empty")
            for table in ("sources", "instruments", "events", "evidence")
        ],
    ]  # fmt: skip


def _key_checks() -> list[Check]:
    out = []
    for table, keys in KEYS.items():
        for key in keys:
            for column in key:
                out.append(Check("keys", table, "expect_column_values_to_not_be_null", {"column": column},
                                 f"key column {table}.{column} is never null"))  # fmt: skip
            if len(key) == 1:
                out.append(Check("keys", table, "expect_column_values_to_be_unique", {"column": key[0]},
                                 f"{table}.{key[0]} identifies one row"))  # fmt: skip
            else:
                out.append(Check("keys", table, "expect_compound_columns_to_be_unique", {"column_list": list(key)},
                                 f"({', '.join(key)}) identifies one row of {table}"))  # fmt: skip
    return out


def _vocabulary_checks() -> list[Check]:
    out = []
    for (table, column), name in vocab_columns().items():
        allowed = sorted(vocab.ALL_VOCABULARIES[name])
        if not _nullable(table, column):
            out.append(Check("vocabulary", table, "expect_column_values_to_not_be_null", {"column": column},
                             f"{table}.{column} always holds a {name} code"))  # fmt: skip
        out.append(Check("vocabulary", table, "expect_column_values_to_be_in_set",
                         {"column": column, "value_set": allowed}, f"{table}.{column} is a {name} (pipeline.core.vocab)"))
    for (table, column), allowed in sorted(schema_literal_sets().items()):
        if (table, column) in vocab_columns():
            continue
        out.append(Check("vocabulary", table, "expect_column_values_to_be_in_set",
                         {"column": column, "value_set": sorted(allowed)},
                         f"{table}.{column} is one of the schema's closed set"))  # fmt: skip
    return out


def _date_checks(build_date: dt.date) -> list[Check]:
    # Datetime bounds, not date strings: GX compares pandas 3's datetime64[us] columns value by value,
    # and a Timestamp cannot be compared with a str or a datetime.date (it raises, and the check fails).
    low = dt.datetime.combine(MIN_DATE, dt.time.min)
    high = dt.datetime.combine(build_date, dt.time.max)
    return [
        Check("dates", table, "expect_column_values_to_be_between",
              {"column": column, "min_value": low, "max_value": high},
              f"{table}.{column} lies between {MIN_DATE} and the build date {build_date}")
        for table, columns in DATE_COLUMNS.items()
        for column in columns
    ]  # fmt: skip


def _ordering_checks() -> list[Check]:
    return [
        Check("ordering", STATUS, "expect_column_pair_values_a_to_be_greater_than_b",
              {"column_A": "last_reform", "column_B": "law_published", "or_equal": True,
               "ignore_row_if": "either_value_is_missing"},
              "the law in force was published on or before its last reform"),
    ]  # fmt: skip


def _format_checks() -> list[Check]:
    out = [
        Check("formats", "jurisdictions", "expect_column_values_to_match_regex",
              {"column": "code", "regex": JURISDICTION_REGEX}, "jurisdiction codes are ISO 3166-2:MX"),
        Check("formats", "jurisdictions", "expect_column_values_to_match_regex",
              {"column": "inegi", "regex": INEGI_REGEX}, "INEGI codes are two digits"),
        Check("formats", STATUS, "expect_column_values_to_be_in_set",
              {"column": "state", "value_set": _jurisdiction_codes(states_only=True)},
              "status rows are the 32 states, by ISO 3166-2:MX code"),
    ]  # fmt: skip
    for table, columns in JURISDICTION_COLUMNS.items():
        for column in columns:
            out.append(Check("formats", table, "expect_column_values_to_be_in_set",
                             {"column": column, "value_set": _jurisdiction_codes()},
                             f"{table}.{column} is a known ISO 3166-2:MX code"))  # fmt: skip
    for table, columns in SHA256_COLUMNS.items():
        for column in columns:
            out.append(Check("formats", table, "expect_column_values_to_match_regex",
                             {"column": column, "regex": SHA256_REGEX}, f"{table}.{column} is a sha256 hex digest"))
    for table, columns in URL_COLUMNS.items():
        for column in columns:
            out.append(Check("formats", table, "expect_column_values_to_match_regex",
                             {"column": column, "regex": URL_REGEX}, f"{table}.{column} is an http(s) URL"))
    return out


# -- cross-table rules (SQL → frame of violations) -------------------------------------------------


def rules() -> list[Rule]:
    return [*_ordering_rules(), *_referential_rules(), *_format_rules()]


def _in_list(values: tuple[str, ...] | list[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_PUBLISHED = """
    WITH pub AS (
        SELECT instrument_id, min(event_date) AS published FROM events
        WHERE event_type = 'published' AND NOT superseded AND event_date IS NOT NULL GROUP BY ALL)
"""


def _check_sql(name: str) -> str:
    """A rule's query from pipeline/sql/checks/ (the violating rows; each file says what it looks for)."""
    return (CHECKS_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _ordering_rules() -> list[Rule]:
    def before_publication(types: tuple[str, ...]) -> str:
        return _PUBLISHED + f"""
            SELECT e.instrument_id, e.event_type, e.event_date, pub.published
            FROM events e JOIN pub USING (instrument_id)
            WHERE NOT e.superseded AND e.event_type IN {_in_list(types)} AND e.event_date < pub.published
            ORDER BY ALL"""

    return [
        Rule("ordering", "expect_reforms_not_before_publication", "events", "event_date",
             before_publication(REFORM_EVENTS), "no reform of a law is dated before the law's publication"),
        Rule("ordering", "expect_abrogation_not_before_publication", "events", "event_date",
             before_publication(ENDING_EVENTS), "no abrogation or invalidation is dated before the publication"),
        Rule("ordering", "expect_bill_events_in_date_order", "bill_events", "event_date",
             _check_sql("bill_events_out_of_order"), "a bill's dated events, taken by ordinal, never go back in time"),
        Rule("ordering", "expect_legislature_end_not_before_start", "legislatures", "end_latest",
             "SELECT legislature_id, start_text, end_text FROM legislatures WHERE end_latest < start_earliest ORDER BY ALL",
             "no legislature ends before it starts"),
        Rule("ordering", "expect_status_history_to_tile_each_jurisdiction", "status_periods", "valid_from",
             _check_sql("status_history_gaps"), "every jurisdiction has one status on every day: its spans run from an open start to "
             "an open end without gap or overlap, and each later span names what changed"),
    ]  # fmt: skip


def _referential_rules() -> list[Rule]:
    out = []
    for table, (key, active) in FACTS_NEEDING_EVIDENCE.items():
        out.append(Rule(
            "referential", f"expect_{table}_to_have_evidence", table, key,
            f"""SELECT f.{key} FROM {table} f WHERE {active} AND NOT EXISTS (
                    SELECT 1 FROM evidence ev WHERE ev.fact_table = '{table}' AND ev.fact_id = f.{key})
                ORDER BY ALL""",
            f"every {'active ' if table == 'events' else ''}row of {table} has at least one evidence row"))
    # bill events may carry their own evidence (a curated step read in its own source), not required
    # so may effects (an SCJN invalidation copies the evidence of its ruling: pipeline/harmonise/invalidations.py)
    citable = {**{t: k for t, (k, _) in FACTS_NEEDING_EVIDENCE.items()}, "bill_events": "bill_event_id",
               "effects": "effect_id"}
    facts = " UNION ALL ".join(
        f"SELECT '{table}' AS fact_table, {key} AS fact_id FROM {table}" for table, key in citable.items()
    )
    out.append(Rule(
        "referential", "expect_evidence_to_cite_existing_facts", "evidence", "fact_id",
        f"""SELECT ev.evidence_id, ev.fact_table, ev.fact_id FROM evidence ev
            WHERE NOT EXISTS (SELECT 1 FROM ({facts}) f WHERE f.fact_table = ev.fact_table AND f.fact_id = ev.fact_id)
            ORDER BY ALL""",
        "every evidence row cites a fact that exists"))
    out.append(Rule(
        "referential", "expect_scraped_evidence_in_snapshots", "evidence", "sha256",
        """SELECT ev.evidence_id, ev.sha256 FROM evidence ev
           WHERE ev.kind = 'scraped' AND (ev.sha256 IS NULL OR ev.sha256 NOT IN (
               SELECT sha256 FROM snapshots WHERE sha256 IS NOT NULL))
           ORDER BY ALL""",
        "every scraped evidence's sha256 names bytes recorded in the raw manifest (snapshots)"))
    for (table, column), (ref_table, ref_column) in FOREIGN_KEYS.items():
        out.append(Rule(
            "referential", f"expect_{table}_{column}_in_{ref_table}", table, column,
            f"""SELECT DISTINCT t.{column} FROM {table} t WHERE t.{column} IS NOT NULL
                AND t.{column} NOT IN (SELECT {ref_column} FROM {ref_table} WHERE {ref_column} IS NOT NULL)
                ORDER BY ALL""",
            f"every {table}.{column} names a row of {ref_table}"))
    return out  # fmt: skip


def _citation_rules() -> list[Rule]:
    """Citations a reader can check: real hosts, never a proxy or mirror, 'official' only on official hosts."""
    host = "lower(regexp_extract({col}, '^https?://([^/:?#]*)', 1))"
    bad = " OR ".join(
        f"({c} IS NOT NULL AND (NOT regexp_full_match({host.format(col=c)}, '{HOST_PATTERN}') "
        f"OR regexp_matches({host.format(col=c)}, '{mirror_pattern()}')))"
        for c in ("url", "source_url")
    )
    official = OFFICIAL_HOST.pattern.replace("\\", "\\")
    return [
        Rule("formats", "expect_citations_on_citable_hosts", "evidence", "url",
             f"SELECT evidence_id, url, source_url FROM evidence WHERE {bad} ORDER BY ALL",
             "evidence URLs have a valid host name and are never a proxy or document mirror"),
        Rule("formats", "expect_official_evidence_on_official_hosts", "evidence", "source_url",
             f"""SELECT evidence_id, source_url, source_kind FROM evidence
                 WHERE kind = 'curated' AND confidence = 'official'
                   AND (source_kind NOT IN ('official_site', 'official_gazette')
                        OR NOT regexp_matches({host.format(col="source_url")}, '{official}'))
                 ORDER BY ALL""",
             "curated evidence marked official points at the official publisher's host"),
    ]  # fmt: skip


def _format_rules() -> list[Rule]:
    outcomes = _in_list(sorted(vocab.FETCH_OUTCOMES))
    return [*_citation_rules(),
        Rule("formats", "expect_instrument_ids_to_be_jurisdiction_slash_slug", "instruments", "instrument_id",
             "SELECT instrument_id, jurisdiction, slug FROM instruments "
             "WHERE instrument_id IS DISTINCT FROM jurisdiction || '/' || slug ORDER BY ALL",
             "instrument ids are {jurisdiction}/{slug}"),
        Rule("vocabulary", "expect_source_run_outcomes_in_vocabulary", "source_runs", "outcomes",
             f"""SELECT run_id, source, k AS outcome FROM (
                     SELECT run_id, source, unnest(json_keys(CAST(outcomes AS JSON))) AS k
                     FROM source_runs WHERE outcomes IS NOT NULL)
                 WHERE k NOT IN {outcomes} ORDER BY ALL""",
             "source_runs.outcomes counts only fetch_outcome codes"),
    ]  # fmt: skip
