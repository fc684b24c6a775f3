-- status_periods: every jurisdiction's answer over time, as maximal spans [valid_from, valid_until) (NULL:
-- unbounded) in which jurisdiction_status_computed(d) does not change; a jurisdiction's consecutive rows
-- always differ, so each row start is a change of its status. Published as status_history.csv.
--
-- How: between two consecutive status_breakpoints no answer changes but for as_of, so each breakpoint period
-- is computed once, at its first day (the first period, before any breakpoint, the day before the first one;
-- with no breakpoint at all there is one period, both bounds NULL); then a jurisdiction's consecutive
-- periods with an equal answer are merged (gaps and islands). Live here it is slow (it computes the answer
-- at every breakpoint); the build materialises it as a table and status_as_of, jurisdiction_status_table
-- and status_table become lookups in it (pipeline/sql/materialise/010_snapshot.sql).
CREATE OR REPLACE VIEW status_periods AS
WITH bounds AS (
    SELECT d AS valid_from, lead(d) OVER (ORDER BY d) AS valid_until FROM status_breakpoints
    UNION ALL
    SELECT NULL, (SELECT min(d) FROM status_breakpoints)
),
periods AS (
    SELECT valid_from, valid_until,
           coalesce(valid_from, CAST(valid_until - INTERVAL 1 DAY AS DATE), DATE '2000-01-01') AS computed_at
    FROM bounds
),
answers AS (
    SELECT p.valid_from, p.valid_until, s.state AS jurisdiction,
           struct_pack(is_state := j.is_state, *COLUMNS(s.* EXCLUDE (as_of))) AS answer
    FROM periods p, LATERAL (SELECT * FROM jurisdiction_status_computed(p.computed_at)) s
    JOIN jurisdictions j ON j.code = s.state
),
starts AS (
    SELECT *, answer IS DISTINCT FROM lag(answer) OVER history AS starts_span
    FROM answers WINDOW history AS (PARTITION BY jurisdiction ORDER BY valid_from NULLS FIRST)
),
spans AS (
    SELECT *, sum(CAST(starts_span AS INTEGER)) OVER (PARTITION BY jurisdiction ORDER BY valid_from NULLS FIRST) AS span
    FROM starts
),
merged AS (
    SELECT CASE WHEN bool_or(valid_from IS NULL) THEN NULL ELSE min(valid_from) END AS valid_from,
           CASE WHEN bool_or(valid_until IS NULL) THEN NULL ELSE max(valid_until) END AS valid_until,
           any_value(answer) AS answer
    FROM spans GROUP BY jurisdiction, span
),
-- changed: the columns whose value differs from the jurisdiction's previous span (its first span: NULL),
-- compared as JSON so lists of bills and evidence count as one column each.
compared AS (
    SELECT *, to_json(answer) AS now,
           lag(to_json(answer)) OVER (PARTITION BY answer.state ORDER BY valid_from NULLS FIRST) AS before
    FROM merged
)
SELECT valid_from, valid_until,
       CASE WHEN before IS NOT NULL THEN list_filter(json_keys(now), lambda k: (now -> k) IS DISTINCT FROM (before -> k))
       END AS changed,
       unnest(answer)
FROM compared
ORDER BY answer.inegi, valid_from NULLS FIRST;

-- What status_history.csv and `proteja history` show: each jurisdiction's spans up to d (the publication
-- date, or the day asked for). A span that begins after d is left out, and the span holding d has no end: on
-- d it still holds. A later change the facts already date (a legislature's announced end, say) is a
-- projection, not history; status_as_of answers for such dates, the history does not list them.
CREATE OR REPLACE MACRO status_history(upto) AS TABLE  -- not "d": status_breakpoints, read below, has a column d
SELECT valid_from, CASE WHEN valid_until <= status_date(upto) THEN valid_until END AS valid_until,
       * EXCLUDE (valid_from, valid_until)
FROM status_periods
WHERE valid_from IS NULL OR valid_from <= status_date(upto)
ORDER BY inegi, valid_from NULLS FIRST;
