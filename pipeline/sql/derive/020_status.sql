-- Derived views, part 2: the 32-state answer as of any date.
--   SELECT * FROM status_table(DATE '2012-12-31');
-- status_as_of and jurisdiction_status_table give one row per jurisdiction (the federation, then the
-- states); status_table keeps the 32 states, in INEGI order. Knowledge and ignorance are kept
-- apart: a law certainly in force, possibly in force (the date lies inside its start or end interval),
-- positive evidence of no law (every law the state had had certainly ended), or unknown.

CREATE OR REPLACE MACRO laws_in_force(d) AS TABLE
SELECT * EXCLUDE (certainty) FROM instruments_at(d) WHERE certainty = 'certain';

CREATE OR REPLACE MACRO laws_possibly_in_force(d) AS TABLE
SELECT * EXCLUDE (certainty) FROM instruments_at(d) WHERE certainty = 'possible';

-- A bill is pending at d when it was presented by d (its presentation date, or — when that is not
-- known — the latest day of its first recorded step, since every step follows presentation) and no
-- terminal event (published, rejected, withdrawn, expired) had happened by d; an undated terminal
-- event closes the bill (we never call a bill pending when a source says it ended).
-- Each bill also carries its legislature's end (bill_legislatures, 015_legislatures.sql) and the state's cited
-- rule for unresolved initiatives, if any.
CREATE OR REPLACE VIEW bill_steps AS
SELECT
    b.bill_id, b.jurisdiction, b.title, b.identifier, b.url, b.trafficking,
    min(be.date_latest) FILTER (WHERE be.event_type = 'presented') AS presented,
    arg_min(be.date_text, (be.date_latest, be.date_text))
        FILTER (WHERE be.event_type = 'presented' AND be.date_latest IS NOT NULL) AS presented_text,
    min(be.date_latest) AS presented_by,
    min(be.date_latest) FILTER (WHERE be.event_type IN {{vocab:terminal_bill_events}}) AS closed,
    bool_or(be.event_type IN {{vocab:terminal_bill_events}} AND be.date_text IS NULL) AS closed_undated,
    bl.legislature_id, bl.legislature, bl.legislature_end, bl.legislature_end_text, bl.legislature_end_basis,
    bl.legislature_end_source_id, bl.rule_id, bl.rule_effect, bl.rule_text
FROM bills b
LEFT JOIN bill_events be USING (bill_id)
LEFT JOIN bill_legislatures bl USING (bill_id)
GROUP BY ALL;

-- Presented by d with no terminal event by d; `ended_by_d`: its legislature had certainly ended by d (its
-- end's latest day <= d) and no cited rule of the state carries its initiatives over.
CREATE OR REPLACE MACRO bills_open(d) AS TABLE
SELECT s.*,
       CASE WHEN s.presented IS NOT NULL THEN 'presented' ELSE 'first_step' END AS presented_basis,
       (SELECT arg_max(be.event_type, (coalesce(be.date_latest, be.date_earliest),  -- same day: the later step
                                         list_position({{vocab_order:bill_event_type}}, be.event_type)))
          FROM bill_events be WHERE be.bill_id = s.bill_id AND coalesce(be.date_earliest, be.date_latest) <= d)
           AS stage,
       coalesce(s.legislature_end <= d AND s.rule_effect IS DISTINCT FROM 'carry_over', false) AS ended_by_d
FROM bill_steps s
WHERE s.trafficking AND s.presented_by IS NOT NULL AND s.presented_by <= d
  AND NOT s.closed_undated AND (s.closed IS NULL OR s.closed > d);

-- Pending at d: open at d, and its legislature not known to have ended by d (unknown legislature or end:
-- still pending, as we do not know).
CREATE OR REPLACE MACRO bills_pending(d) AS TABLE
SELECT * EXCLUDE (ended_by_d) FROM bills_open(d) WHERE NOT ended_by_d;

-- Open at d but its legislature had certainly ended by d: not pending. `outcome` is 'expired' (precluida)
-- where the state's own lapse_at_end rule is cited (rule_id), else 'ended_no_outcome' ("no outcome found").
CREATE OR REPLACE MACRO bills_ended(d) AS TABLE
SELECT * EXCLUDE (ended_by_d),
       CASE WHEN rule_effect = 'lapse_at_end' THEN 'expired' ELSE 'ended_no_outcome' END AS outcome
FROM bills_open(d) WHERE ended_by_d;

-- status_computed(d) computes the answer from the facts; status_as_of(d) is what everything reads. In a
-- built database status_as_of(d) only looks up status_periods (pipeline/sql/materialise/), which holds
-- status_computed at every date of status_breakpoints: the answer changes only on those dates.
-- No date, no answer: a NULL d would compare false everywhere and read as a plausible table (possible
-- laws, no bills). Every status macro reads d through this, so a NULL date is an error, also as a literal.
CREATE OR REPLACE MACRO status_date(d) AS coalesce(CAST(d AS DATE), error('status needs a date: d is NULL'));

CREATE OR REPLACE MACRO status_computed(d) AS TABLE
WITH
ranked AS (
    SELECT l.*,
           -- the law of the row: certain before possible; then how its start is known (a dated
           -- publication beats an inferred one), the most recent start, one seen in force.
           row_number() OVER (PARTITION BY jurisdiction
                              ORDER BY certainty = 'certain' DESC,
                                       CASE start_basis WHEN 'published' THEN 5 WHEN 'published_partial' THEN 4
                                            WHEN 'observed' THEN 3 WHEN 'event' THEN 2 ELSE 1 END DESC,
                                       start_latest DESC, has_observed_fact DESC, instrument_id) AS rn,
           count(*) FILTER (WHERE certainty = 'certain') OVER (PARTITION BY jurisdiction) AS n_certain,
           count(*) FILTER (WHERE certainty = 'possible') OVER (PARTITION BY jurisdiction) AS n_possible
    FROM instruments_at(d) l
    WHERE l.is_specific_law
),
law AS (SELECT * FROM ranked WHERE rn = 1),
penal AS (
    SELECT jurisdiction, min(instrument_id) AS instrument_id
    FROM laws_in_force(d) WHERE instrument_type = 'codigo_penal' GROUP BY ALL
),
ended AS (  -- positive evidence of no law: the state had laws and every one had certainly ended by d
    SELECT jurisdiction
    FROM instrument_spans
    WHERE is_specific_law AND start_latest IS NOT NULL
    GROUP BY ALL
    HAVING bool_and(end_latest IS NOT NULL AND end_latest <= d)
),
reforms AS (
    SELECT instrument_id, max(event_date) AS last_reform,
           arg_max(date_text, (date_latest, date_text)) FILTER (WHERE date_latest IS NOT NULL) AS last_reform_text
    FROM active_events
    WHERE event_type IN {{vocab:reform_events}} AND date_latest <= d
    GROUP BY ALL
),
official AS (  -- does the law rest on at least one official (or scraped) source?
    SELECT a.instrument_id, bool_or(c.kind = 'scraped' OR c.confidence = 'official') AS has_official
    FROM active_events a JOIN evidence_checked c ON c.fact_table = 'events' AND c.fact_id = a.event_id
    GROUP BY ALL
),
pending AS (
    SELECT jurisdiction, count(*) AS n,
           -- the latest presented; bills presented the same day: the greatest bill_id (a tie had no rule)
           arg_max(title, (presented_by, bill_id)) AS latest_title, max(presented_by) AS latest_presented,
           list(struct_pack(bill_id := bill_id, identifier := identifier, title := title,
                            presented := presented_text, presented_by := presented_by,
                            presented_basis := presented_basis, stage := stage, url := url)
                ORDER BY presented_by DESC, bill_id) AS bills
    FROM bills_pending(d) GROUP BY ALL
),
lapsed AS (  -- bills of ended legislatures with no outcome: listed, never counted as pending
    SELECT jurisdiction, count(*) AS n,
           list(struct_pack(bill_id := bill_id, identifier := identifier, title := title,
                            presented := presented_text, presented_by := presented_by,
                            presented_basis := presented_basis, stage := stage, url := url,
                            legislature := legislature, legislature_end := legislature_end_text,
                            legislature_end_by := legislature_end, legislature_end_basis := legislature_end_basis,
                            outcome := outcome,
                            rule_id := CASE WHEN outcome = 'expired' THEN rule_id END,
                            rule := CASE WHEN outcome = 'expired' THEN rule_text END)
                ORDER BY presented_by DESC, bill_id) AS bills
    FROM bills_ended(d) GROUP BY ALL
),
tracked AS (  -- how the state's bills are tracked: scraped beats curated research; none when nobody looked
    SELECT jurisdiction, arg_min(basis, CASE basis WHEN 'scraped' THEN 0 ELSE 1 END) AS basis,
           arg_min(since, (CASE basis WHEN 'scraped' THEN 0 ELSE 1 END, since)) AS since
    -- research describes a period (e.g. 2020–2026) whatever day it was done; before that period: not tracked
    FROM bill_tracking WHERE covers_from IS NULL OR covers_from <= d GROUP BY ALL
),
searched AS (
    SELECT jurisdiction, string_agg(note, ' | ' ORDER BY note) AS notes
    FROM active_events WHERE event_type = 'searched_not_found' GROUP BY ALL
),
behind AS (  -- the facts behind each row: the law shown, penal coverage, research records, pending bills
    SELECT a.jurisdiction, a.event_id AS fact_id, 'events' AS fact_table
    FROM active_events a
    LEFT JOIN law ON law.instrument_id = a.instrument_id
    LEFT JOIN penal ON penal.instrument_id = a.instrument_id
    WHERE (a.date_earliest IS NULL OR a.date_earliest <= d)
      AND (law.instrument_id IS NOT NULL
           OR (penal.instrument_id IS NOT NULL AND a.jurisdiction NOT IN (SELECT jurisdiction FROM law))
           OR a.event_type = 'searched_not_found')
    UNION ALL
    SELECT jurisdiction, bill_id, 'bills' FROM bills_pending(d)
    UNION ALL  -- a bill of an ended legislature: the bill, the legislature's end (or the later legislature
               -- whose installation bounds it) and the rule that lapsed it
    SELECT jurisdiction, unnest([bill_id, legislature_id, legislature_end_source_id,
                                 CASE WHEN outcome = 'expired' THEN rule_id END]),
           unnest(['bills', 'legislatures', 'legislatures', 'legislature_rules'])
    FROM bills_ended(d)
),
cited AS (
    SELECT b.jurisdiction,
           list(struct_pack(
                   url := coalesce(c.url, c.source_url), kind := c.kind, source := c.source,
                   gazette := c.gazette, issue := c.issue, date := c.evidence_date,
                   sha256 := c.sha256, source_url := c.source_url, confidence := c.confidence,
                   checked_on := c.checked_on, source_kind := c.source_kind, supports := c.supports,
                   read_via := c.read_via)
                ORDER BY c.evidence_date NULLS LAST, c.evidence_id) AS evidence,
           max(c.checked_on) AS last_checked
    FROM (SELECT DISTINCT * FROM behind WHERE fact_id IS NOT NULL) b
    JOIN (SELECT * FROM evidence_checked UNION ALL BY NAME SELECT * FROM reference_evidence) c
      ON c.fact_table = b.fact_table AND c.fact_id = b.fact_id
    GROUP BY ALL
)
SELECT
    j.code AS state,
    j.inegi,
    j.name,
    CAST(d AS DATE) AS as_of,
    CASE
        WHEN law.certainty = 'certain' THEN 'specific_law'
        WHEN law.certainty = 'possible' THEN 'possible_law'
        WHEN penal.instrument_id IS NOT NULL THEN 'penal_code_only'
        WHEN ended.jurisdiction IS NOT NULL THEN 'none_found'
        ELSE 'unknown'
    END AS law_status,
    law.instrument_id AS law_id,
    law.title AS law_title,
    law.official_url AS law_url,
    law.published AS law_published,
    law.published_text AS law_published_text,
    law.start_earliest AS law_start_earliest,
    law.start_latest AS law_start_latest,
    law.start_basis AS law_start_basis,
    coalesce(law.published_disputed, false) AS law_published_disputed,
    CASE WHEN law.instrument_id IS NULL THEN NULL
         WHEN coalesce(official.has_official, false) THEN 'official' ELSE 'secondary_only' END AS law_evidence,
    reforms.last_reform,
    reforms.last_reform_text,
    coalesce(law.n_certain, 0) AS laws_in_force,
    coalesce(law.n_possible, 0) AS laws_possibly_in_force,
    coalesce(pending.n, 0) AS pending_bills,
    pending.latest_title AS latest_bill_title,
    pending.latest_presented AS latest_bill_presented,
    coalesce(pending.bills, []) AS pending_bill_list,
    coalesce(lapsed.n, 0) AS ended_bills,
    coalesce(lapsed.bills, []) AS ended_bill_list,
    CASE WHEN (pending.n > 0 OR lapsed.n > 0) AND tracked.basis IS NULL THEN 'curated' ELSE coalesce(tracked.basis, 'none') END
        AS bills_tracked,
    tracked.since AS bills_tracked_since,
    searched.notes AS research_notes,
    cited.last_checked,
    coalesce(cited.evidence, []) AS evidence
FROM jurisdictions j
LEFT JOIN law ON law.jurisdiction = j.code
LEFT JOIN penal ON penal.jurisdiction = j.code
LEFT JOIN ended ON ended.jurisdiction = j.code
LEFT JOIN reforms ON reforms.instrument_id = law.instrument_id
LEFT JOIN official ON official.instrument_id = law.instrument_id
LEFT JOIN pending ON pending.jurisdiction = j.code
LEFT JOIN lapsed ON lapsed.jurisdiction = j.code
LEFT JOIN tracked ON tracked.jurisdiction = j.code
LEFT JOIN searched ON searched.jurisdiction = j.code
LEFT JOIN cited ON cited.jurisdiction = j.code
WHERE status_date(d) IS NOT NULL;  -- a NULL d is an error (status_date)

CREATE OR REPLACE MACRO status_as_of(d) AS TABLE SELECT * FROM status_computed(d);

-- Every date status_computed(d) compares d with (each `x <= d` or `x > d` above, in instruments_at,
-- bills_open and status_computed): between two consecutive ones the answer is the same but for as_of.
-- A new comparison with d in those macros must add its column here (tests/store/test_status_periods.py).
CREATE OR REPLACE VIEW status_breakpoints AS
SELECT DISTINCT d FROM (
    SELECT unnest([start_earliest, start_latest, end_earliest, end_latest]) AS d FROM instrument_spans
    UNION ALL SELECT unnest([date_earliest, date_latest]) FROM active_events
    UNION ALL SELECT unnest([presented_by, closed, legislature_end]) FROM bill_steps
    UNION ALL SELECT coalesce(date_earliest, date_latest) FROM bill_events
    UNION ALL SELECT covers_from FROM bill_tracking
)
WHERE d IS NOT NULL;

-- The summary column, derived from law_status and pending bills (kept separate for readability).
-- Every jurisdiction: the federation (MX, INEGI 00) first, then the 32 states.
CREATE OR REPLACE MACRO jurisdiction_status_computed(d) AS TABLE
SELECT
    state, inegi, name, as_of,
    CASE
        WHEN law_status = 'specific_law' AND pending_bills > 0 THEN 'enacted_reform_pending'
        WHEN law_status = 'specific_law' THEN 'enacted'
        WHEN law_status = 'possible_law' THEN 'possibly_enacted'
        WHEN pending_bills > 0 THEN 'considering'
        WHEN law_status = 'none_found' THEN 'none'
        ELSE 'unknown'
    END AS summary,
    * EXCLUDE (state, inegi, name, as_of)
FROM status_computed(d)
ORDER BY inegi;

-- status_as_of, jurisdiction_status_table and status_table compute here; in a built database the three
-- are lookups in status_periods instead (pipeline/sql/materialise/), which holds these same answers.
CREATE OR REPLACE MACRO jurisdiction_status_table(d) AS TABLE SELECT * FROM jurisdiction_status_computed(d);

-- The 32-state answer.
CREATE OR REPLACE MACRO status_table(d) AS TABLE
SELECT * FROM jurisdiction_status_table(d)
WHERE state IN (SELECT code FROM jurisdictions WHERE is_state)
ORDER BY inegi;

-- The adoption band: at each year end, states certainly with a law and states possibly with one.
CREATE OR REPLACE MACRO adoption(first_year, last_year) AS TABLE
SELECT y::INTEGER AS year,
       count(*) FILTER (WHERE s.law_status = 'specific_law') AS states_with_law,
       count(*) FILTER (WHERE s.law_status = 'possible_law') AS states_possibly_with_law,
       count(*) FILTER (WHERE s.law_status = 'unknown') AS states_unknown,
       count(*) FILTER (WHERE s.law_status = 'none_found') AS states_without_law
FROM range(first_year, last_year + 1) t(y),
     LATERAL (SELECT law_status FROM status_as_of(make_date(y::INTEGER, 12, 31))
              WHERE state IN (SELECT code FROM jurisdictions WHERE is_state)) s
GROUP BY y ORDER BY y;
