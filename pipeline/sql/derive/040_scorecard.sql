-- Derived views, part 4: the harmonisation scorecard (issue 18; findings from pipeline/harmonise/).
--   SELECT * FROM scorecard(DATE '2026-11-30') WHERE jurisdiction = 'MX-DUR';
-- One row per jurisdiction × element: the specific law in force at d (certain before possible, then the
-- most recently started), its newest parsed version on or before d, and that version's finding. A law we
-- hold no parsed text of (or no specific law known in force at d: law_title is empty) says 'text not yet fetched'.

CREATE OR REPLACE MACRO scorecard(d) AS TABLE
WITH ranked AS (
    SELECT jurisdiction, instrument_id, title, certainty,
           row_number() OVER (PARTITION BY jurisdiction
                              ORDER BY certainty = 'certain' DESC, start_latest DESC, instrument_id) AS n
    FROM instruments_at(d)
    WHERE is_specific_law
),
law AS (SELECT * EXCLUDE (n) FROM ranked WHERE n = 1),
version AS (
    SELECT l.jurisdiction, v.version_id, v.version_date,
           row_number() OVER (PARTITION BY l.jurisdiction
                              ORDER BY v.version_date DESC NULLS LAST, v.version_id) AS n
    FROM law l
    JOIN instrument_versions v USING (instrument_id)
    WHERE v.version_date IS NULL OR v.version_date <= d
)
SELECT j.code AS jurisdiction, j.name AS jurisdiction_name, j.inegi,
       l.instrument_id, l.title AS law_title, l.certainty, v.version_id, v.version_date,
       e.code AS element, e.ordinal AS element_ordinal, e.label_es, e.label_en, e.expectation,
       CASE WHEN v.version_id IS NULL THEN 'text not yet fetched' ELSE f.finding END AS finding,
       f.confidence, f.provision_ids, f.excerpt, f.rules_fired, f.rules_version, f.needs_review,
       f.reviewed_by, f.reviewed_at, f.review_note, f.invalidated_by
FROM jurisdictions j
CROSS JOIN elements e
LEFT JOIN law l ON l.jurisdiction = j.code
LEFT JOIN version v ON v.jurisdiction = j.code AND v.n = 1
LEFT JOIN element_findings f ON f.version_id = v.version_id AND f.element = e.code
ORDER BY j.inegi, e.ordinal;

-- Harmonisation timing: per state, whether a specific law was published or reformed after the Ley General
-- (DOF 14 June 2012), and when. Dates as the sources give them (earliest day of the span).
CREATE OR REPLACE VIEW harmonisation_timing AS
SELECT j.code AS jurisdiction, j.inegi,
       min(coalesce(a.event_date, a.date_earliest)) FILTER (WHERE a.event_type = 'published'
           AND coalesce(a.event_date, a.date_earliest) > DATE '2012-06-14') AS first_law_after_lg,
       max(coalesce(a.event_date, a.date_earliest)) FILTER (WHERE a.event_type IN {{vocab:reform_events}}
           AND coalesce(a.event_date, a.date_earliest) > DATE '2012-06-14') AS last_reform_after_lg,
       coalesce(bool_or(a.event_type IN ('published', 'reformed', 'provisions_added', 'provisions_derogated')
           AND coalesce(a.event_date, a.date_earliest) > DATE '2012-06-14'), false) AS acted_after_lg,
       count(*) FILTER (WHERE a.event_type IN {{vocab:reform_events}}
           AND coalesce(a.event_date, a.date_earliest) > DATE '2012-06-14') AS reforms_after_lg
FROM jurisdictions j
LEFT JOIN active_events a ON a.jurisdiction = j.code AND a.instrument_id IN
    (SELECT instrument_id FROM instruments WHERE is_specific_law)
WHERE j.is_state
GROUP BY ALL
ORDER BY j.inegi;

-- Which elements changed between consecutive parsed versions of the same law.
CREATE OR REPLACE VIEW element_changes AS
WITH ordered AS (
    SELECT v.instrument_id, f.version_id, v.version_date, f.element, f.finding,
           lag(f.version_id) OVER w AS previous_version, lag(f.finding) OVER w AS previous_finding
    FROM element_findings f
    JOIN instrument_versions v USING (version_id)
    WINDOW w AS (PARTITION BY v.instrument_id, f.element ORDER BY v.version_date NULLS FIRST, f.version_id)
)
SELECT instrument_id, previous_version, version_id, version_date, element, previous_finding, finding
FROM ordered
WHERE previous_version IS NOT NULL AND previous_finding <> finding
ORDER BY instrument_id, version_date, element;

-- SCJN invalidations of state trafficking laws (and penal-code provisions on trafficking) as dated events,
-- with the provisions as the cited source describes them (the note) and the source's URL.
CREATE OR REPLACE VIEW scjn_invalidations AS
SELECT a.jurisdiction, a.instrument_id, a.instrument_title, a.event_type,
       coalesce(a.event_date, a.date_earliest) AS date, a.date_text, a.decree AS ruling, a.note AS provisions_note,
       a.official_url, a.event_id
FROM active_events a
WHERE a.event_type = 'provisions_invalidated'
   OR (a.instrument_type = 'sentencia_scjn' AND a.event_type NOT IN {{vocab:non_existence_events}})
ORDER BY a.jurisdiction, date NULLS LAST, a.event_id;
