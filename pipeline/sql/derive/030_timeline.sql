-- Derived views, part 3: every dated event of the states' anti-trafficking instruments and bills, in
-- date order (an event known only as a month, a year or an interval sits at its earliest day, with its
-- date as given), and on each date the number of states certainly with a law and possibly with one —
-- counted with exactly the predicates of instruments_at(d), so timeline and status always agree.

CREATE OR REPLACE VIEW timeline AS
WITH law_events AS (
    SELECT a.jurisdiction AS state, coalesce(a.event_date, a.date_earliest, a.date_latest) AS date,
           a.date_text, a.date_precision, a.event_type AS event,
           a.instrument_id AS subject_id, a.instrument_title, a.event_id AS fact_id, 'events' AS fact_table
    FROM active_events a
    JOIN jurisdictions j ON j.code = a.jurisdiction
    WHERE j.is_state AND coalesce(a.date_earliest, a.date_latest) IS NOT NULL
      AND a.event_type NOT IN {{vocab:non_act_events}}
      AND a.instrument_type IN {{vocab:timeline_instrument_types}}
),
bill_steps AS (
    SELECT b.jurisdiction AS state, coalesce(be.event_date, be.date_earliest, be.date_latest) AS date,
           be.date_text, be.date_precision, 'bill_' || be.event_type AS event,
           b.bill_id AS subject_id, b.title AS instrument_title, be.bill_event_id AS fact_id,
           'bill_events' AS fact_table
    FROM bill_events be JOIN bills b USING (bill_id)
    JOIN jurisdictions j ON j.code = b.jurisdiction
    WHERE j.is_state AND coalesce(be.date_earliest, be.date_latest) IS NOT NULL AND b.trafficking
),
all_events AS (SELECT * FROM law_events UNION ALL SELECT * FROM bill_steps),
standing AS (  -- per date and state: certain if any specific law is certain, else possible if any is
    SELECT dd.date, s.jurisdiction,
           bool_or(s.start_latest <= dd.date AND (s.end_earliest IS NULL OR s.end_earliest > dd.date)) AS certain
    FROM (SELECT DISTINCT date FROM all_events) dd
    JOIN instrument_spans s
      ON s.start_latest IS NOT NULL AND (s.start_earliest IS NULL OR s.start_earliest <= dd.date)
     AND (s.end_latest IS NULL OR s.end_latest > dd.date)
    JOIN jurisdictions j ON j.code = s.jurisdiction AND j.is_state
    WHERE s.is_specific_law
    GROUP BY ALL
),
counts AS (
    SELECT date, count(*) FILTER (WHERE certain) AS states_with_law,
           count(*) FILTER (WHERE NOT certain) AS states_possibly_with_law
    FROM standing GROUP BY ALL
),
cited AS (
    SELECT e.fact_table, e.fact_id,
           list(struct_pack(url := coalesce(c.url, c.source_url), kind := c.kind, source := c.source,
                            gazette := c.gazette, issue := c.issue, date := c.evidence_date, sha256 := c.sha256,
                            confidence := c.confidence, source_kind := c.source_kind, supports := c.supports)
                ORDER BY c.evidence_id) AS evidence
    FROM (SELECT DISTINCT fact_table, fact_id FROM all_events) e
    JOIN evidence_checked c ON c.fact_table = e.fact_table AND c.fact_id = e.fact_id
    GROUP BY ALL
)
SELECT
    e.state, e.date, e.date_text, e.date_precision, e.event, e.subject_id, e.instrument_title,
    coalesce(n.states_with_law, 0) AS states_with_law,
    coalesce(n.states_possibly_with_law, 0) AS states_possibly_with_law,
    coalesce(c.evidence, []) AS evidence
FROM all_events e
LEFT JOIN counts n ON n.date = e.date
LEFT JOIN cited c ON c.fact_table = e.fact_table AND c.fact_id = e.fact_id
ORDER BY e.date, e.state, e.event, e.subject_id;
