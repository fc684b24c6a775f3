"""What every published table and column means: the ONE place the descriptions live.

Used by store (DuckDB ``COMMENT ON TABLE/COLUMN``), publish (datapackage ``description`` of each
resource and field, Datasette metadata) and tested to cover every column of every published table.
"""

from __future__ import annotations

_DATE_SPAN = {
    "date_earliest": "Earliest day the date can be (a date known to the year spans the whole year).",
    "date_latest": "Latest day the date can be (empty: open end or unknown).",
    "date_precision": "How precisely the date is known (vocabulary date_precision: day, month, year, ...).",
    "date_text": "The date as the source gave it (EDTF subset, e.g. '2008' or '../2014-08-01').",
}

#: table → (description, {column: description})
TABLE_DESCRIPTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "jurisdictions": ("The federation and the 32 federal entities (states and Mexico City).", {
        "code": "ISO 3166-2 code: MX for the federation, MX-XXX for a state.",
        "inegi": "INEGI two-digit entity key (00 for the federation).",
        "official_name": "Official name of the entity.",
        "name": "Common name of the entity.",
        "aliases": "Other names the entity is known by, separated by '|'.",
        "gazette": "Name of the entity's official gazette (periódico oficial).",
        "congress_url": "Home page of the entity's legislature.",
        "is_state": "true for the 32 federal entities, false for the federation.",
    }),
    "sources": ("Every source the pipeline reads, with its politeness settings and coverage.", {
        "name": "Short identifier of the source.",
        "title": "Human-readable title of the source.",
        "jurisdiction": "Jurisdiction code the source covers (see jurisdictions.code).",
        "homepage": "Home page of the source.",
        "allowed_hosts": "Hosts the fetcher may contact for this source.",
        "encoding": "Text encoding the source declares or is known to use.",
        "min_interval_s": "Minimum seconds between two requests to the source.",
        "formats": "Document formats the source publishes (html, pdf, doc, ...).",
        "covers": "What the source covers (laws, bills, gazette, ...).",
    }),
    "instruments": ("Legal instruments: specific anti-trafficking laws, penal codes and other laws tracked.", {
        "instrument_id": "Stable identifier '{jurisdiction}/{slug}', e.g. 'MX/lgpsedmtp'.",
        "jurisdiction": "Jurisdiction code (see jurisdictions.code).",
        "slug": "Short lower-case name of the instrument within its jurisdiction.",
        "title": "Official title of the instrument.",
        "instrument_type": "Kind of instrument (vocabulary instrument_type).",
        "official_url": "Official URL of the instrument's text.",
        "is_specific_law": "true when the instrument is a law specific to trafficking in persons.",
        "work_uri": "AKN/ELI-style work identifier {jur}/{type}/{first publication|undated}/{slug}.",
    }),
    "events": ("Dated facts in an instrument's life: publication, entry into force, reforms, abrogation, "
               "invalidation, research records.", {
        "event_id": "Stable hash of the event's natural key.",
        "instrument_id": "The instrument the event belongs to (see instruments.instrument_id).",
        "event_type": "Kind of event (vocabulary event_type).",
        "event_date": "The day, when a source states it exactly; empty otherwise.",
        **_DATE_SPAN,
        "gazette": "Gazette that published the act.",
        "issue": "Gazette issue (for the DOF: 'codNota N').",
        "decree": "Decree that carries the act.",
        "title": "Title of the published act.",
        "official_url": "Official URL of the published act.",
        "note": "Curator's note on the event.",
        "best_kind": "Best kind of evidence behind the event (vocabulary evidence_kind).",
        "best_confidence": "Best confidence of that evidence (vocabulary confidence).",
        "superseded": "true when a conflicting, better-sourced fact outranks this one (see conflicts).",
    }),
    "instrument_versions": ("Texts of instruments that were fetched and parsed.", {
        "version_id": "'{instrument_id}@{version date or sha256 prefix}'.",
        "instrument_id": "The instrument (see instruments.instrument_id).",
        "version_date": "Date of the text's version (last reform it includes), when known.",
        "sha256": "SHA-256 of the parsed document's bytes.",
        "parser_version": "Version of the parser that read the text.",
        "n_articles": "Number of articles parsed.",
        "metadata": "JSON from the parser (title, publication, ...).",
    }),
    "provisions": ("Articles, fractions and transitory articles of each parsed text.", {
        "provision_id": "'{version_id}~{eid}'.",
        "version_id": "The parsed text (see instrument_versions.version_id).",
        "eid": "Provision path, e.g. 'art_5-bis', 'art_10.frac_III.inc_a', 'trans_1'.",
        "level": "Level of the provision (vocabulary provision_level).",
        "number": "Number as printed (e.g. '5 Bis').",
        "ordinal": "Position of the provision in the text.",
        "text": "Text of the provision.",
        "derogated": "true when the text marks the provision as repealed.",
        "notes": "Reform notes printed with the provision.",
    }),
    "effects": ("Amendment notes found in parsed texts: which provision a decree reformed, added or repealed.", {
        "effect_id": "Stable identifier of the effect.",
        "version_id": "The parsed text the note was read in.",
        "instrument_id": "The instrument affected.",
        "provision_eid": "The provision affected (see provisions.eid).",
        "effect_type": "Kind of effect (vocabulary effect_type).",
        "effect_date": "Date of the amending publication, when printed.",
        "decree": "Amending decree, when printed.",
        "gazette": "Gazette of the amending publication, when printed.",
        "raw": "The note as printed.",
    }),
    "bills": ("Bills (iniciativas) on trafficking in persons before the federal and state congresses.", {
        "bill_id": "'{jurisdiction}/{source bill id}'.",
        "jurisdiction": "Jurisdiction code (see jurisdictions.code).",
        "title": "Title of the bill.",
        "chamber": "Chamber where the bill was presented.",
        "presenter": "Who presented the bill.",
        "legislature": "Legislature in which it was presented.",
        "url": "Page or document of the bill.",
        "status_text": "The source's own wording of the bill's status.",
        "trafficking": "true when the bill concerns trafficking in persons.",
        "identifier": "The congress's own number, file or folio for the bill.",
        "became_instrument_id": "The law a published bill created or reformed.",
    }),
    "bill_events": ("Steps of each bill: presented, committee, approved, published, rejected, withdrawn, expired.", {
        "bill_event_id": "Stable identifier of the step.",
        "bill_id": "The bill (see bills.bill_id).",
        "event_type": "Kind of step (vocabulary bill_event_type).",
        "event_date": "The day, when a source states it exactly; empty otherwise.",
        **_DATE_SPAN,
        "description": "The source's description of the step.",
        "ordinal": "Order of the step within the bill.",
    }),
    "evidence": ("Citations: the document behind every fact, scraped (with hash) or curated (with source and access date).", {
        "evidence_id": "Stable identifier of the citation.",
        "fact_table": "Table of the fact supported (events, bills, bill_events, instrument_versions).",
        "fact_id": "Identifier of the fact in that table.",
        "kind": "scraped (bytes fetched and hashed) or curated (read by a person) (vocabulary evidence_kind).",
        "source": "Source name (see sources.name) or curator reference.",
        "url": "Official URL of the cited document.",
        "gazette": "Gazette of the cited document.",
        "issue": "Gazette issue of the cited document.",
        "page": "Page of the cited document.",
        "evidence_date": "Date of the cited document.",
        "sha256": "SHA-256 of the fetched bytes (scraped evidence).",
        "retrieved_at": "When the bytes were fetched, UTC (scraped evidence).",
        "source_url": "Where a curated fact was found.",
        "accessed": "When that source was consulted (curated evidence).",
        "confidence": "official, secondary, ... (vocabulary confidence).",
        "note": "Curator's note on the citation.",
        "source_kind": "Kind of source (vocabulary source_kind).",
        "read_via": "Mirror a curated text was read through (never cited).",
        "supports": "The fact this citation supports (an event type).",
    }),
    "conflicts": ("Disagreements between sources and how each was resolved.", {
        "conflict_id": "Stable identifier of the conflict.",
        "jurisdiction": "Jurisdiction code.",
        "instrument_id": "Instrument concerned.",
        "event_type": "Kind of fact in dispute (vocabulary conflict_subject).",
        "field": "Field in dispute, e.g. event_date.",
        "kept_value": "Value kept.",
        "kept_source": "Source of the value kept.",
        "other_value": "Value set aside.",
        "other_source": "Source of the value set aside.",
        "resolution": "scraped_over_curated, official_over_secondary or unresolved.",
        "note": "Curator's note.",
    }),
    "snapshots": ("Manifest of the raw store: every fetch attempt with its outcome and hash.", {
        "line_no": "Line of the manifest.",
        "source": "Source name.",
        "url": "URL requested.",
        "final_url": "URL after redirects.",
        "retrieved_at": "When the request was made, UTC.",
        "http_status": "HTTP status code.",
        "content_type": "Content-Type of the answer.",
        "declared_charset": "Charset the answer declared.",
        "encoding": "Encoding used to read the text.",
        "bytes": "Size of the body in bytes.",
        "sha256": "SHA-256 of the body.",
        "etag": "ETag of the answer.",
        "last_modified": "Last-Modified of the answer.",
        "outcome": "Outcome of the fetch (vocabulary fetch_outcome).",
        "error": "Error message of a failed fetch.",
    }),
    "source_runs": ("One row per source per refresh run: when, how many items, outcomes.", {
        "run_id": "Identifier of the refresh run.",
        "source": "Source name.",
        "started_at": "Start of the source's run, UTC.",
        "finished_at": "End of the source's run, UTC.",
        "items_found": "Items the source listed.",
        "outcomes": "JSON object: fetch outcome → count.",
        "ok": "true when the source's run succeeded.",
        "mode": "live (network) or offline (replay of the raw store).",
        "last_error": "Last error of the run.",
    }),
}

#: The status files' columns (status.csv / status.json), in their published order.
STATUS_DESCRIPTION = "The answer: one row per jurisdiction (the federation, then the 32 states) as of the publication date."
STATUS_COLUMNS: dict[str, str] = {
    "state": "Jurisdiction code: MX for the federation, MX-XXX for a state.",
    "name": "Name of the jurisdiction.",
    "summary": "Summary status (vocabulary summary: enacted, enacted_reform_pending, possibly_enacted, "
               "considering, none, unknown).",
    "law_status": "Law status (vocabulary law_status: specific_law, possible_law, penal_code_only, none_found, unknown).",
    "law_title": "Title of the specific law shown.",
    "law_published": "Publication day of that law, when known to the day.",
    "law_published_text": "Publication date as the source gave it (may be only a year).",
    "law_start_earliest": "Earliest day the law can have started.",
    "law_start_latest": "Latest day the law can have started.",
    "law_start_basis": "How the start is known: published, published_partial, observed, event.",
    "law_since": "The start as people read it (e.g. '2012', 'by 2014-08-01').",
    "law_evidence": "official when at least one official or scraped source supports the law, else secondary_only.",
    "last_reform": "Day of the law's last reform, when known to the day.",
    "last_reform_text": "Last reform's date as the source gave it.",
    "laws_in_force": "Number of specific laws certainly in force.",
    "laws_possibly_in_force": "Number of specific laws possibly in force (date inside their start or end interval).",
    "pending_bills": "Number of trafficking bills pending.",
    "bills_tracked": "How the jurisdiction's bills are tracked (vocabulary bill_tracking: scraped, curated, none); "
                     "with none, pending_bills 0 means nobody looked, not no bills.",
    "bills_tracked_since": "The day that tracking looked (research) or first fetched (scraped source).",
    "pending_bill_ids": "Identifiers of the pending bills, separated by ' '.",
    "last_checked": "Newest day any source behind the row was checked.",
    "evidence_urls": "URLs of the documents behind the row, separated by ' '.",
}


def table_description(table: str) -> str:
    return TABLE_DESCRIPTIONS[table][0]


def column_description(table: str, column: str) -> str:
    """The description of a column; KeyError when a column has none (a test keeps them complete)."""
    return TABLE_DESCRIPTIONS[table][1][column]
