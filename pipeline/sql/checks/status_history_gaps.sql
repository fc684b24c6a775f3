-- The gate's rule expect_status_history_to_tile_each_jurisdiction (pipeline/validate/expectations.py): the
-- rows of status_periods (published as status_history.csv) that break its promise, each with the reason,
-- and the jurisdictions with no span at all. No row: every jurisdiction has one status on every day.
SELECT state, valid_from, valid_until, problem FROM (
    SELECT state, valid_from, valid_until, CASE
        WHEN n = 1 AND valid_from IS NOT NULL THEN 'the first span has a start'
        WHEN n = spans AND valid_until IS NOT NULL THEN 'the last span has an end'
        WHEN n < spans AND valid_until IS DISTINCT FROM next_from THEN 'a gap or an overlap with the next span'
        WHEN n > 1 AND coalesce(len(changed), 0) = 0 THEN 'nothing changed from the previous span'
    END AS problem
    FROM (SELECT *, row_number() OVER w AS n, count(*) OVER (PARTITION BY state) AS spans,
                 lead(valid_from) OVER w AS next_from
          FROM status_periods WINDOW w AS (PARTITION BY state ORDER BY valid_from NULLS FIRST))
)
WHERE problem IS NOT NULL
UNION ALL
SELECT code, NULL, NULL, 'no span at all' FROM jurisdictions WHERE code NOT IN (SELECT state FROM status_periods)
ORDER BY ALL
