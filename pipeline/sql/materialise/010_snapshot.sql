-- Materialised at build time, after every derivation is defined (pipeline/store/schema.py `materialise`):
-- the date-independent views become tables with the same name, the same columns and the same rows, so
-- `status_as_of(d)` and the other date macros only filter them. DuckDB plans a macro by expanding every
-- view it reads; over the views this expansion cost ~0.5 s per `status` query, over these tables a few ms.
-- Order matters: each view is copied while the views it reads are already tables. The definitions stay in
-- pipeline/sql/derive/*.sql (what each column means is said there); a database that only ran
-- apply_derivations (tests that insert rows afterwards) keeps them as live views.

CREATE TABLE _snapshot AS SELECT * FROM active_events;
DROP VIEW active_events;
ALTER TABLE _snapshot RENAME TO active_events;

CREATE TABLE _snapshot AS SELECT * FROM evidence_checked;
DROP VIEW evidence_checked;
ALTER TABLE _snapshot RENAME TO evidence_checked;

CREATE TABLE _snapshot AS SELECT * FROM instrument_spans;
DROP VIEW instrument_spans;
ALTER TABLE _snapshot RENAME TO instrument_spans;

CREATE TABLE _snapshot AS SELECT * FROM bill_steps;
DROP VIEW bill_steps;
ALTER TABLE _snapshot RENAME TO bill_steps;

-- The answer of every jurisdiction over time, as maximal periods [valid_from, valid_until) in which it does
-- not change (NULL: unbounded). Between two consecutive status_breakpoints no answer changes but for as_of,
-- so each breakpoint period is computed once, at its first day (the first period, before any breakpoint,
-- the day before the first one; with no breakpoint at all there is one period, both bounds NULL); then a
-- jurisdiction's consecutive periods with an equal answer are merged (gaps and islands), so each row is a
-- span of one jurisdiction's history and a change of status always starts a row.
CREATE TABLE status_periods AS
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
)
SELECT valid_from, valid_until, unnest(answer) FROM merged
ORDER BY answer.inegi, valid_from NULLS FIRST;

COMMENT ON TABLE status_periods IS 'Each jurisdiction''s answer of jurisdiction_status_table(d), the same for every d in [valid_from, valid_until) (NULL: unbounded); consecutive rows of a jurisdiction differ. Built by pipeline/sql/materialise; status_as_of, jurisdiction_status_table and status_table read it';

-- From here on, the answer at d is a lookup (as_of is the date asked for, as in status_computed): the same
-- columns, in the same order, as the computing macros of pipeline/sql/derive/020_status.sql.
CREATE OR REPLACE MACRO jurisdiction_status_table(d) AS TABLE
SELECT state, inegi, name, CAST(d AS DATE) AS as_of, * EXCLUDE (valid_from, valid_until, is_state, state, inegi, name)
FROM status_periods
WHERE (valid_from IS NULL OR valid_from <= d) AND (valid_until IS NULL OR d < valid_until)
ORDER BY inegi;

CREATE OR REPLACE MACRO status_table(d) AS TABLE
SELECT state, inegi, name, CAST(d AS DATE) AS as_of, * EXCLUDE (valid_from, valid_until, is_state, state, inegi, name)
FROM status_periods
WHERE is_state AND (valid_from IS NULL OR valid_from <= d) AND (valid_until IS NULL OR d < valid_until)
ORDER BY inegi;

CREATE OR REPLACE MACRO status_as_of(d) AS TABLE
SELECT state, inegi, name, CAST(d AS DATE) AS as_of,
       * EXCLUDE (valid_from, valid_until, is_state, state, inegi, name, summary)
FROM status_periods
WHERE (valid_from IS NULL OR valid_from <= d) AND (valid_until IS NULL OR d < valid_until)
ORDER BY inegi;
