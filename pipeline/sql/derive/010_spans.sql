-- Derived views, part 1: which facts count, and when each instrument was in force.
-- Semantics (README "Status semantics"): a law counts from its gazette publication, not its
-- approval; it stops counting at its abrogation or its invalidation by the SCJN. Superseded
-- facts (outranked in a conflict) never count.

CREATE OR REPLACE VIEW active_events AS
SELECT e.*, i.jurisdiction, i.instrument_type, i.is_specific_law, i.title AS instrument_title
FROM events e
JOIN instruments i USING (instrument_id)
WHERE NOT e.superseded;

-- Evidence behind every fact, with the date a person or a crawler last looked at it.
CREATE OR REPLACE VIEW evidence_checked AS
SELECT ev.*, coalesce(ev.accessed, CAST(ev.retrieved_at AS DATE)) AS checked_on
FROM evidence ev;

-- When each instrument started and stopped counting.
--   start_basis = 'published'  the gazette publication date is known;
--                 'observed'   only an official consolidated text dated on or before then is known;
--                 'checked'    neither: it counts from the day a source was consulted (we know it
--                              existed then, not since when).
CREATE OR REPLACE VIEW instrument_spans AS
WITH per_instrument AS (
    SELECT
        i.instrument_id, i.jurisdiction, i.instrument_type, i.is_specific_law, i.title, i.official_url,
        min(a.event_date) FILTER (WHERE a.event_type = 'published') AS published,
        count(DISTINCT a.event_date) FILTER (WHERE a.event_type = 'published') AS published_dates,
        bool_or(a.event_type = 'published') AS has_published_fact,
        min(a.event_date) FILTER (WHERE a.event_type = 'observed_in_force') AS first_observed,
        bool_or(a.event_type = 'observed_in_force') AS has_observed_fact,
        min(a.event_date) FILTER (WHERE a.event_type IN {{vocab:ending_events}}) AS ended,
        min(a.event_type) FILTER (WHERE a.event_type IN {{vocab:ending_events}}) AS ended_by,
        bool_or(a.event_type IN {{vocab:ending_events}} AND a.event_date IS NULL) AS ended_undated
    FROM instruments i
    LEFT JOIN active_events a USING (instrument_id)
    GROUP BY ALL
),
first_checked AS (
    SELECT a.instrument_id,
           min(c.checked_on) FILTER (WHERE a.event_type IN {{vocab:starting_events}}) AS checked,
           min(c.checked_on) FILTER (WHERE a.event_type IN {{vocab:ending_events}} AND a.event_date IS NULL)
               AS end_checked
    FROM active_events a
    JOIN evidence_checked c ON c.fact_table = 'events' AND c.fact_id = a.event_id
    GROUP BY ALL
)
SELECT
    p.*,
    fc.checked AS first_checked,
    CASE
        WHEN p.published IS NOT NULL THEN p.published
        WHEN p.first_observed IS NOT NULL THEN p.first_observed
        WHEN p.has_published_fact OR p.has_observed_fact THEN fc.checked
    END AS start_date,
    CASE
        WHEN p.published IS NOT NULL THEN 'published'
        WHEN p.first_observed IS NOT NULL THEN 'observed'
        WHEN p.has_published_fact OR p.has_observed_fact THEN 'checked'
    END AS start_basis,
    p.published_dates > 1 AS published_disputed,
    -- An undated abrogation means "no longer in force", but not since when: the law stops counting
    -- on the day a source showing the abrogation was consulted (end_basis = 'checked').
    coalesce(p.ended, CASE WHEN p.ended_undated THEN fc.end_checked END) AS end_date,
    CASE WHEN p.ended IS NOT NULL THEN 'dated' WHEN p.ended_undated THEN 'checked' END AS end_basis
FROM per_instrument p
LEFT JOIN first_checked fc USING (instrument_id);
