-- Derived views, part 1b: each bill's legislature and when it ended (data/reference/legislatures.csv), and
-- the state's own rule, if one is cited, on initiatives a legislature leaves unresolved.
-- A bill names its legislature by numeral (bills.legislature). The jurisdiction's rows with that numeral are
-- its candidates; a jurisdiction can have two bodies numbered alike (Mexico City's Asamblea Legislativa and
-- its Congress both had a I, II and III Legislatura), so with several candidates the one whose span holds the
-- bill's first dated step is taken, and when that does not single one out, none is: the end is then
-- unknown and the bill stays pending (we do not know).
-- When a source gives no end, a legislature had certainly ended by the time a later legislature of the same
-- body was installed (the next one replaces it): its end is then "on or before" the earliest latest-start of
-- the later ones — a bound, not a guess — cited by that later legislature's row (end_basis 'later_installed').
CREATE OR REPLACE VIEW legislature_ends AS
SELECT l.legislature_id, l.jurisdiction, l.body, l.legislature, l.number, l.start_earliest,
       coalesce(l.end_latest, later.start_by) AS end_latest,
       CASE WHEN l.end_latest IS NOT NULL THEN l.end_text
            WHEN later.start_by IS NOT NULL THEN '../' || strftime(later.start_by, '%Y-%m-%d') END AS end_text,
       CASE WHEN l.end_latest IS NOT NULL THEN 'stated'
            WHEN later.start_by IS NOT NULL THEN 'later_installed' END AS end_basis,
       CASE WHEN l.end_latest IS NULL THEN later.legislature_id END AS end_source_id
FROM legislatures l
LEFT JOIN LATERAL (
    SELECT n.start_latest AS start_by, n.legislature_id
    FROM legislatures n
    WHERE n.jurisdiction = l.jurisdiction AND n.body = l.body AND n.number > l.number
      AND n.start_latest IS NOT NULL
    ORDER BY n.start_latest, n.number
    LIMIT 1
) later ON true;

CREATE OR REPLACE VIEW bill_legislatures AS
WITH first_step AS (
    SELECT b.bill_id, b.jurisdiction, upper(trim(b.legislature)) AS numeral,
           min(be.date_earliest) AS first_from, min(be.date_latest) AS first_by
    FROM bills b LEFT JOIN bill_events be USING (bill_id)
    WHERE b.legislature IS NOT NULL AND trim(b.legislature) <> ''
    GROUP BY ALL
),
candidates AS (
    SELECT f.bill_id, l.*,
           count(*) OVER (PARTITION BY f.bill_id) AS n,
           f.first_by IS NOT NULL AND (l.start_earliest IS NULL OR f.first_by >= l.start_earliest)
               AND (l.end_latest IS NULL OR coalesce(f.first_from, f.first_by) <= l.end_latest) AS holds
    FROM first_step f
    JOIN legislature_ends l ON l.jurisdiction = f.jurisdiction AND l.legislature = f.numeral
),
chosen AS (
    SELECT * FROM candidates WHERE n = 1
    UNION ALL BY NAME
    SELECT * EXCLUDE (n_holding) FROM (
        SELECT *, count(*) FILTER (WHERE holds) OVER (PARTITION BY bill_id) AS n_holding FROM candidates WHERE n > 1)
    WHERE holds AND n_holding = 1
),
rule AS (  -- the loader allows one effect per jurisdiction; several articles may state it
    SELECT jurisdiction, min(rule_id) AS rule_id, min(effect) AS effect,
           arg_min(instrument || ', art. ' || article, rule_id) AS rule_text
    FROM legislature_rules GROUP BY ALL
)
SELECT c.bill_id, c.legislature_id, c.legislature, c.body,
       c.end_text AS legislature_end_text, c.end_latest AS legislature_end, c.end_basis AS legislature_end_basis,
       c.end_source_id AS legislature_end_source_id,
       r.rule_id, r.effect AS rule_effect, r.rule_text
FROM chosen c
LEFT JOIN rule r ON r.jurisdiction = c.jurisdiction;

-- Reference data cited like evidence (the legislature's end; the state's rule), in evidence_checked's shape,
-- so a status row's numbered sources include what closed or lapsed its bills.
CREATE OR REPLACE VIEW reference_evidence AS
SELECT 'legislature:' || legislature_id AS evidence_id, 'legislatures' AS fact_table, legislature_id AS fact_id,
       'curated' AS kind, 'reference' AS source, source_url AS url, NULL AS gazette,
       body || ', ' || legislature || ' Legislatura' AS issue, NULL::DATE AS evidence_date, NULL AS sha256,
       source_url, accessed, confidence, note, source_kind, NULL AS read_via, 'legislature_ended' AS supports,
       accessed AS checked_on
FROM legislatures WHERE source_url IS NOT NULL
UNION ALL
SELECT 'rule:' || rule_id, 'legislature_rules', rule_id, 'curated', 'reference', source_url, NULL,
       instrument || ', art. ' || article, NULL::DATE, NULL, source_url, accessed, confidence, note, source_kind,
       NULL, effect, accessed
FROM legislature_rules;
