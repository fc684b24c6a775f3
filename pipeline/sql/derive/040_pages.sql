-- Derived views, part 4: what a jurisdiction's page shows (publish/html.py renders, never computes).

-- Every act in the life of a jurisdiction's specific laws and penal codes, oldest first, with the
-- documents that support it (an undated act sorts last).
CREATE OR REPLACE VIEW jurisdiction_history AS
SELECT a.jurisdiction, a.instrument_id, a.instrument_title, a.instrument_type, a.is_specific_law,
       a.event_id, a.event_type, a.event_date, a.date_earliest, a.date_latest, a.date_precision, a.date_text,
       a.gazette, a.issue, a.official_url, a.note,
       coalesce((SELECT list(struct_pack(url := coalesce(c.url, c.source_url), kind := c.kind,
                                         confidence := c.confidence, date := c.evidence_date,
                                         gazette := c.gazette, issue := c.issue, supports := c.supports)
                             ORDER BY c.evidence_date NULLS LAST, c.evidence_id)
                 FROM evidence_checked c WHERE c.fact_table = 'events' AND c.fact_id = a.event_id), [])
           AS evidence
FROM active_events a
WHERE a.event_type NOT IN {{vocab:non_act_events}}
  AND (a.is_specific_law OR a.instrument_type = 'codigo_penal');

-- Each source of a jurisdiction and its freshness: the last run, whether it succeeded, what it found.
CREATE OR REPLACE VIEW source_coverage AS
SELECT s.jurisdiction, s.name, s.title, s.homepage, s.covers,
       max(r.started_at) AS last_run,
       arg_max(r.ok, r.started_at) AS last_run_ok,
       arg_max(r.items_found, r.started_at) AS last_items_found,
       max(r.started_at) FILTER (WHERE r.ok) AS last_success
FROM sources s LEFT JOIN source_runs r ON r.source = s.name
GROUP BY ALL;

-- Reforms of the specific laws per year (states and the federation), for the reforms chart: only
-- reforms whose year is known (a reform dated "before 2014" has no year and is counted apart).
CREATE OR REPLACE VIEW reforms_per_year AS
SELECT year(date_earliest)::INTEGER AS year, count(*) AS reforms, count(DISTINCT jurisdiction) AS jurisdictions
FROM active_events
WHERE is_specific_law AND event_type IN {{vocab:reform_events}}
  AND date_earliest IS NOT NULL AND date_latest IS NOT NULL AND year(date_earliest) = year(date_latest)
GROUP BY ALL ORDER BY year;

CREATE OR REPLACE VIEW reforms_without_year AS
SELECT count(*) AS reforms
FROM active_events
WHERE is_specific_law AND event_type IN {{vocab:reform_events}}
  AND NOT (date_earliest IS NOT NULL AND date_latest IS NOT NULL AND year(date_earliest) = year(date_latest));
