-- Derived views, part 3: every dated event of the states' anti-trafficking instruments and bills,
-- in date order, with the running number of states that have a specific law on that date.

CREATE OR REPLACE VIEW timeline AS
WITH law_events AS (
    SELECT a.jurisdiction AS state, a.event_date AS date, a.event_type AS event,
           a.instrument_id AS subject_id, a.instrument_title, a.event_id AS fact_id, 'events' AS fact_table
    FROM active_events a
    JOIN jurisdictions j ON j.code = a.jurisdiction
    WHERE j.is_state AND a.event_date IS NOT NULL
      AND a.event_type NOT IN {{vocab:non_act_events}}
      AND a.instrument_type IN {{vocab:timeline_instrument_types}}
),
bill_steps AS (
    SELECT b.jurisdiction AS state, be.event_date AS date, 'bill_' || be.event_type AS event,
           b.bill_id AS subject_id, b.title AS instrument_title, b.bill_id AS fact_id, 'bills' AS fact_table
    FROM bill_events be JOIN bills b USING (bill_id)
    JOIN jurisdictions j ON j.code = b.jurisdiction
    WHERE j.is_state AND be.event_date IS NOT NULL AND b.trafficking
),
all_events AS (SELECT * FROM law_events UNION ALL SELECT * FROM bill_steps),
cited AS (
    SELECT e.fact_table, e.fact_id,
           list(struct_pack(url := coalesce(c.url, c.source_url), kind := c.kind, source := c.source,
                            gazette := c.gazette, issue := c.issue, date := c.evidence_date, sha256 := c.sha256)
                ORDER BY c.evidence_id) AS evidence
    FROM (SELECT DISTINCT fact_table, fact_id FROM all_events) e
    JOIN evidence_checked c ON c.fact_table = e.fact_table AND c.fact_id = e.fact_id
    GROUP BY ALL
)
SELECT
    e.state, e.date, e.event, e.subject_id, e.instrument_title,
    (SELECT count(DISTINCT s.jurisdiction)
       FROM instrument_spans s JOIN jurisdictions j2 ON j2.code = s.jurisdiction
      WHERE j2.is_state AND s.is_specific_law AND s.start_date IS NOT NULL AND s.start_date <= e.date
        AND (s.end_date IS NULL OR s.end_date > e.date)) AS states_with_law,
    coalesce(c.evidence, []) AS evidence
FROM all_events e
LEFT JOIN cited c ON c.fact_table = e.fact_table AND c.fact_id = e.fact_id
ORDER BY e.date, e.state, e.event, e.subject_id;
