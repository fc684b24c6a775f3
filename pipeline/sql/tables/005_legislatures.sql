-- proteja schema, part 5: legislatures as reference data (data/reference/legislatures.csv) and the rules
-- each state's own law gives for initiatives a legislature leaves unresolved (legislature_rules.csv).
-- Dates keep their source's precision (EDTF subset, pipeline.core.dates); empty when no source states them.

CREATE TABLE legislatures (
    legislature_id VARCHAR PRIMARY KEY,              -- "{jurisdiction}/{body}/{legislature}", stable
    jurisdiction   VARCHAR NOT NULL,                 -- a jurisdictions.code (checked by the loader and the gate)
    legislature    VARCHAR NOT NULL CHECK (regexp_full_match(legislature, '[IVXLC]+')),
    number         INTEGER NOT NULL,                 -- the numeral's value (LXV = 65): orders a body's legislatures
    body           VARCHAR NOT NULL,                 -- e.g. "Congreso del Estado de Sonora", "Cámara de Diputados"
    start_text     VARCHAR,                          -- the start as the source gives it (EDTF subset)
    start_earliest DATE,
    start_latest   DATE,
    start_precision VARCHAR CHECK (start_precision IS NULL OR start_precision IN {{vocab:date_precision}}),
    end_text       VARCHAR,                          -- the end as the source gives it (EDTF subset)
    end_earliest   DATE,
    end_latest     DATE,                             -- the day by which it had certainly ended
    end_precision  VARCHAR CHECK (end_precision IS NULL OR end_precision IN {{vocab:date_precision}}),
    source_url     VARCHAR,                          -- the page read (NULL only when no date is stated)
    source_kind    VARCHAR CHECK (source_kind IS NULL OR source_kind IN {{vocab:source_kind}}),
    confidence     VARCHAR CHECK (confidence IS NULL OR confidence IN {{vocab:confidence}}),
    accessed       DATE NOT NULL,
    note           VARCHAR,
    line_no        INTEGER NOT NULL,                 -- its line in data/reference/legislatures.csv
    UNIQUE (jurisdiction, body, legislature)
);

CREATE TABLE legislature_rules (
    rule_id      VARCHAR PRIMARY KEY,                -- "{jurisdiction}/{effect}/{article}", stable
    jurisdiction VARCHAR NOT NULL,
    effect       VARCHAR NOT NULL CHECK (effect IN {{vocab:legislature_rule_effect}}),
    instrument   VARCHAR NOT NULL,                   -- the law or regulation that states the rule
    article      VARCHAR NOT NULL,                   -- its article, as cited
    source_url   VARCHAR NOT NULL,
    source_kind  VARCHAR NOT NULL CHECK (source_kind IN {{vocab:source_kind}}),
    confidence   VARCHAR NOT NULL CHECK (confidence IN {{vocab:confidence}}),
    accessed     DATE NOT NULL,
    note         VARCHAR,
    line_no      INTEGER NOT NULL
);
