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

-- The answer on every period between consecutive status_breakpoints: status_computed at the period's first
-- day (the first period, before any breakpoint, is computed the day before the first one; with no
-- breakpoint at all there is one period, valid_from and valid_until NULL). All in one LATERAL query.
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
)
SELECT p.valid_from, p.valid_until, s.* EXCLUDE (as_of)
FROM periods p, LATERAL (SELECT * FROM status_computed(p.computed_at)) s
ORDER BY p.valid_from NULLS FIRST, s.inegi;

COMMENT ON TABLE status_periods IS 'status_computed(d) for every d in [valid_from, valid_until) (NULL: unbounded), built by pipeline/sql/materialise; status_as_of(d) reads it';

-- From here on, the answer at d is a lookup (as_of is the date asked for, as in status_computed).
CREATE OR REPLACE MACRO status_as_of(d) AS TABLE
SELECT state, inegi, name, CAST(d AS DATE) AS as_of, * EXCLUDE (valid_from, valid_until, state, inegi, name)
FROM status_periods
WHERE (valid_from IS NULL OR valid_from <= d) AND (valid_until IS NULL OR d < valid_until);
