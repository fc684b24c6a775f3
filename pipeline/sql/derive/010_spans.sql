-- Derived views, part 1: which facts count, and when each instrument was (possibly) in force.
-- Semantics (README "Status semantics"): a law counts from its gazette publication, not its approval;
-- it stops counting at its abrogation or its invalidation by the SCJN. Superseded facts (outranked in a
-- conflict, or refined by a more precise date) never count. Dates keep their precision: every fact has
-- an earliest and a latest possible day, and what is known is an interval.

CREATE OR REPLACE VIEW active_events AS
SELECT e.*, i.jurisdiction, i.instrument_type, i.is_specific_law, i.title AS instrument_title
FROM events e
JOIN instruments i USING (instrument_id)
WHERE NOT e.superseded;

-- Evidence behind every fact, with the date a person or a crawler last looked at it.
CREATE OR REPLACE VIEW evidence_checked AS
SELECT ev.*, coalesce(ev.accessed, CAST(ev.retrieved_at AS DATE)) AS checked_on
FROM evidence ev;

-- When each instrument started and stopped counting, as intervals.
--   start_earliest  the earliest day it can have started: its publication's earliest day, and never
--                   before its approval (NULL: unbounded, nothing says since when);
--   start_latest    the day by which it had certainly started: the earliest of its publication's latest
--                   day, the latest day of any other dated event of the law (a reform, an official text
--                   seen in force, an abrogation prove it existed), and the day a source showing it was
--                   consulted;
--   start_basis     what gives start_latest: 'published' (a day), 'published_partial' (a month, a year or
--                   an interval), 'observed' (an official text seen in force), 'event' (another dated act
--                   of the law, e.g. a reform), 'checked' (only the day a source was consulted);
--   end_earliest / end_latest  the same for its abrogation or invalidation (an undated one: it ended by
--                   the day a source showing it was consulted, since when unknown).
CREATE OR REPLACE VIEW instrument_spans AS
WITH per_instrument AS (
    SELECT
        i.instrument_id, i.jurisdiction, i.instrument_type, i.is_specific_law, i.title, i.official_url,
        min(a.event_date) FILTER (WHERE a.event_type = 'published') AS published,
        min(a.date_earliest) FILTER (WHERE a.event_type = 'published') AS pub_earliest,
        min(a.date_latest) FILTER (WHERE a.event_type = 'published') AS pub_latest,
        -- (date, text) keys: two facts on one day give the same answer whatever the scan order
        arg_min(a.date_text, (coalesce(a.date_earliest, a.date_latest), a.date_text))
            FILTER (WHERE a.event_type = 'published' AND coalesce(a.date_earliest, a.date_latest) IS NOT NULL)
            AS published_text,
        count(DISTINCT a.date_text) FILTER (WHERE a.event_type = 'published') AS published_dates,
        bool_or(a.event_type = 'published') AS has_published_fact,
        bool_or(a.event_type = 'observed_in_force') AS has_observed_fact,
        min(a.date_earliest) FILTER (WHERE a.event_type = 'approved') AS approved_earliest,
        min(a.date_latest) FILTER (WHERE a.event_type = 'observed_in_force') AS observed_by,
        min(a.date_latest) FILTER (WHERE a.event_type NOT IN {{vocab:non_existence_events}}
                                   AND a.event_type NOT IN ('published', 'observed_in_force')) AS other_event_by,
        -- the last day it is known to have existed (a reform, an official text seen in force …)
        max(a.date_earliest) FILTER (WHERE a.event_type NOT IN {{vocab:non_existence_events}}
                                     AND a.event_type NOT IN {{vocab:ending_events}}) AS existed_until,
        min(a.event_date) FILTER (WHERE a.event_type IN {{vocab:ending_events}}) AS ended,
        min(a.event_type) FILTER (WHERE a.event_type IN {{vocab:ending_events}}) AS ended_by,
        min(a.date_earliest) FILTER (WHERE a.event_type IN {{vocab:ending_events}}) AS end_earliest_dated,
        min(a.date_latest) FILTER (WHERE a.event_type IN {{vocab:ending_events}}) AS end_latest_dated,
        bool_or(a.event_type IN {{vocab:ending_events}} AND a.date_text IS NULL) AS ended_undated
    FROM instruments i
    LEFT JOIN active_events a USING (instrument_id)
    GROUP BY ALL
),
first_checked AS (
    SELECT a.instrument_id,
           min(c.checked_on) FILTER (WHERE a.event_type NOT IN {{vocab:non_existence_events}}) AS checked,
           min(c.checked_on) FILTER (WHERE a.event_type IN {{vocab:ending_events}} AND a.date_text IS NULL)
               AS end_checked
    FROM active_events a
    JOIN evidence_checked c ON c.fact_table = 'events' AND c.fact_id = a.event_id
    GROUP BY ALL
),
bounded AS (
    SELECT p.*, fc.checked AS first_checked, fc.end_checked,
           CASE WHEN p.has_published_fact OR p.has_observed_fact OR p.other_event_by IS NOT NULL
                THEN least(p.pub_latest, p.observed_by, p.other_event_by, fc.checked) END AS start_latest,
           greatest(p.pub_earliest, p.approved_earliest) AS start_earliest_raw
    FROM per_instrument p
    LEFT JOIN first_checked fc USING (instrument_id)
)
SELECT
    b.* EXCLUDE (start_earliest_raw),
    -- a publication known only as "on or before X" with an approval after X would invert the bounds:
    -- the start can never be later than the day it is known to have existed.
    CASE WHEN b.start_earliest_raw IS NOT NULL THEN least(b.start_earliest_raw, b.start_latest) END AS start_earliest,
    b.start_latest AS start_date,
    CASE
        WHEN b.start_latest IS NULL THEN NULL
        WHEN b.published IS NOT NULL AND b.published = b.start_latest THEN 'published'
        WHEN b.pub_latest = b.start_latest THEN 'published_partial'
        WHEN b.observed_by = b.start_latest THEN 'observed'
        WHEN b.other_event_by = b.start_latest THEN 'event'
        ELSE 'checked'
    END AS start_basis,
    b.published_dates > 1 AS published_disputed,
    -- an end known only as "by X" (or not dated at all) may have come right after the last day the law is
    -- known to have existed: from then on the law is only possibly in force.
    CASE WHEN b.end_earliest_dated IS NOT NULL THEN b.end_earliest_dated
         WHEN b.end_latest_dated IS NOT NULL OR b.ended_undated THEN greatest(b.start_latest, b.existed_until)
    END AS end_earliest,
    coalesce(b.end_latest_dated, CASE WHEN b.ended_undated THEN b.end_checked END) AS end_latest,
    coalesce(b.ended, b.end_latest_dated, CASE WHEN b.ended_undated THEN b.end_checked END) AS end_date,
    CASE WHEN b.ended IS NOT NULL THEN 'dated' WHEN b.end_latest_dated IS NOT NULL THEN 'partial'
         WHEN b.ended_undated THEN 'checked' END AS end_basis
FROM bounded b;

-- Each instrument's standing at a date: 'certain' (certainly started and certainly not ended),
-- 'possible' (the date lies inside its start or its end interval), or absent from the result.
CREATE OR REPLACE MACRO instruments_at(d) AS TABLE
SELECT s.*,
       CASE WHEN s.start_latest <= d AND (s.end_earliest IS NULL OR s.end_earliest > d) THEN 'certain'
            ELSE 'possible' END AS certainty
FROM instrument_spans s
WHERE s.start_latest IS NOT NULL
  AND (s.start_earliest IS NULL OR s.start_earliest <= d)
  AND (s.end_latest IS NULL OR s.end_latest > d);
