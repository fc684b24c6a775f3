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

-- Each jurisdiction's history (pipeline/sql/derive/025_status_periods.sql): the lookups below read it.
CREATE TABLE _snapshot AS SELECT * FROM status_periods;
DROP VIEW status_periods;
ALTER TABLE _snapshot RENAME TO status_periods;

COMMENT ON TABLE status_periods IS 'Each jurisdiction''s answer of jurisdiction_status_table(d), the same for every d in [valid_from, valid_until) (NULL: unbounded); consecutive rows of a jurisdiction differ, in the columns named by changed. Built by pipeline/sql/materialise; status_as_of, jurisdiction_status_table and status_table read it';

-- From here on, the answer at d is a lookup (as_of is the date asked for, as in status_computed): the same
-- columns, in the same order, as the computing macros of pipeline/sql/derive/020_status.sql.
CREATE OR REPLACE MACRO jurisdiction_status_table(d) AS TABLE
SELECT state, inegi, name, CAST(d AS DATE) AS as_of, * EXCLUDE (valid_from, valid_until, changed, is_state, state, inegi, name)
FROM status_periods
WHERE (valid_from IS NULL OR valid_from <= status_date(d)) AND (valid_until IS NULL OR status_date(d) < valid_until)
ORDER BY inegi;

CREATE OR REPLACE MACRO status_table(d) AS TABLE
SELECT state, inegi, name, CAST(d AS DATE) AS as_of, * EXCLUDE (valid_from, valid_until, changed, is_state, state, inegi, name)
FROM status_periods
WHERE is_state AND (valid_from IS NULL OR valid_from <= status_date(d)) AND (valid_until IS NULL OR status_date(d) < valid_until)
ORDER BY inegi;

CREATE OR REPLACE MACRO status_as_of(d) AS TABLE
SELECT state, inegi, name, CAST(d AS DATE) AS as_of,
       * EXCLUDE (valid_from, valid_until, changed, is_state, state, inegi, name, summary)
FROM status_periods
WHERE (valid_from IS NULL OR valid_from <= status_date(d)) AND (valid_until IS NULL OR status_date(d) < valid_until)
ORDER BY inegi;
