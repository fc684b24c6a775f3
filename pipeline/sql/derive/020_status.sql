-- Derived views, part 2: the 32-state answer as of any date.
--   SELECT * FROM status_as_of(DATE '2012-12-31');
-- One row per state (the federation is not a row), in INEGI order.

CREATE OR REPLACE MACRO laws_in_force(d) AS TABLE
SELECT s.*
FROM instrument_spans s
WHERE s.start_date IS NOT NULL
  AND s.start_date <= d
  AND (s.end_date IS NULL OR s.end_date > d);

CREATE OR REPLACE MACRO bills_pending(d) AS TABLE
WITH steps AS (
    SELECT
        b.bill_id, b.jurisdiction, b.title,
        min(be.event_date) FILTER (WHERE be.event_type = 'presented') AS presented,
        min(be.event_date) FILTER (WHERE be.event_type IN {{vocab:terminal_bill_events}}) AS closed
    FROM bills b
    LEFT JOIN bill_events be USING (bill_id)
    WHERE b.trafficking
    GROUP BY ALL
)
SELECT * FROM steps
WHERE presented IS NOT NULL AND presented <= d AND (closed IS NULL OR closed > d);

CREATE OR REPLACE MACRO status_as_of(d) AS TABLE
WITH
laws AS (
    SELECT l.*,
           -- the law of the row: a dated publication beats an undated one (an undated law may be an
           -- older text nobody recorded the abrogation of).
           -- ranking: how the start is known (published > observed > checked), then the most recent
           -- start, then a law seen in force over one merely known to have been published.
           row_number() OVER (PARTITION BY jurisdiction
                              ORDER BY CASE start_basis WHEN 'published' THEN 3 WHEN 'observed' THEN 2 ELSE 1 END DESC,
                                       start_date DESC, has_observed_fact DESC, instrument_id) AS rn,
           count(*) OVER (PARTITION BY jurisdiction) AS n_laws
    FROM laws_in_force(d) l
    WHERE l.is_specific_law
),
law AS (SELECT * FROM laws WHERE rn = 1),
penal AS (
    SELECT jurisdiction, min(instrument_id) AS instrument_id
    FROM laws_in_force(d) WHERE instrument_type = 'codigo_penal' GROUP BY ALL
),
reforms AS (
    SELECT instrument_id, max(event_date) AS last_reform
    FROM active_events
    WHERE event_type IN {{vocab:reform_events}} AND event_date <= d
    GROUP BY ALL
),
pending AS (
    SELECT jurisdiction, count(*) AS n,
           arg_max(title, presented) AS latest_title, max(presented) AS latest_presented
    FROM bills_pending(d) GROUP BY ALL
),
known AS (  -- jurisdictions with at least one fact other than a research record
    SELECT DISTINCT jurisdiction FROM active_events WHERE event_type <> 'searched_not_found'
    UNION SELECT DISTINCT jurisdiction FROM bills
),
searched AS (
    SELECT jurisdiction, string_agg(note, ' | ' ORDER BY note) AS notes
    FROM active_events WHERE event_type = 'searched_not_found' GROUP BY ALL
),
behind AS (  -- the facts behind each row: the law in force, penal coverage, research records
    SELECT a.jurisdiction, a.event_id AS fact_id, 'events' AS fact_table
    FROM active_events a
    LEFT JOIN law ON law.instrument_id = a.instrument_id
    LEFT JOIN penal ON penal.instrument_id = a.instrument_id
    WHERE (a.event_date IS NULL OR a.event_date <= d)
      AND (law.instrument_id IS NOT NULL
           OR (penal.instrument_id IS NOT NULL AND a.jurisdiction NOT IN (SELECT jurisdiction FROM law))
           OR a.event_type = 'searched_not_found')
    UNION ALL
    SELECT jurisdiction, bill_id, 'bills' FROM bills_pending(d)
),
cited AS (
    SELECT b.jurisdiction,
           list(struct_pack(
                   url := coalesce(c.url, c.source_url), kind := c.kind, source := c.source,
                   gazette := c.gazette, issue := c.issue, date := c.evidence_date,
                   sha256 := c.sha256, source_url := c.source_url, confidence := c.confidence,
                   checked_on := c.checked_on)
                ORDER BY c.evidence_date NULLS LAST, c.evidence_id) AS evidence,
           max(c.checked_on) AS last_checked
    FROM behind b
    JOIN evidence_checked c ON c.fact_table = b.fact_table AND c.fact_id = b.fact_id
    GROUP BY ALL
)
SELECT
    j.code AS state,
    j.inegi,
    j.name,
    CAST(d AS DATE) AS as_of,
    CASE
        WHEN law.instrument_id IS NOT NULL THEN 'specific_law'
        WHEN penal.instrument_id IS NOT NULL THEN 'penal_code_only'
        WHEN known.jurisdiction IS NOT NULL THEN 'none_found'
        ELSE 'unknown'
    END AS law_status,
    law.instrument_id AS law_id,
    law.title AS law_title,
    law.official_url AS law_url,
    law.published AS law_published,
    law.start_basis AS law_start_basis,
    coalesce(law.published_disputed, false) AS law_published_disputed,
    reforms.last_reform,
    coalesce(law.n_laws, 0) AS laws_in_force,
    coalesce(pending.n, 0) AS pending_bills,
    pending.latest_title AS latest_bill_title,
    pending.latest_presented AS latest_bill_presented,
    searched.notes AS research_notes,
    cited.last_checked,
    coalesce(cited.evidence, []) AS evidence
FROM jurisdictions j
LEFT JOIN law ON law.jurisdiction = j.code
LEFT JOIN penal ON penal.jurisdiction = j.code
LEFT JOIN reforms ON reforms.instrument_id = law.instrument_id
LEFT JOIN pending ON pending.jurisdiction = j.code
LEFT JOIN known ON known.jurisdiction = j.code
LEFT JOIN searched ON searched.jurisdiction = j.code
LEFT JOIN cited ON cited.jurisdiction = j.code
WHERE j.is_state;

-- The summary column, derived from law_status and pending bills (kept separate for readability).
CREATE OR REPLACE MACRO status_table(d) AS TABLE
SELECT
    state, inegi, name, as_of,
    CASE
        WHEN law_status = 'specific_law' AND pending_bills > 0 THEN 'enacted_reform_pending'
        WHEN law_status = 'specific_law' THEN 'enacted'
        WHEN pending_bills > 0 THEN 'considering'
        WHEN law_status = 'unknown' THEN 'unknown'
        ELSE 'none'
    END AS summary,
    law_status, law_id, law_title, law_url, law_published, law_start_basis, law_published_disputed,
    last_reform, laws_in_force, pending_bills, latest_bill_title, latest_bill_presented,
    research_notes, last_checked, evidence
FROM status_as_of(d)
ORDER BY inegi;
