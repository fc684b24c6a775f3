-- proteja schema, part 2: instruments, their events, versions, provisions and effects; bills.
-- Every fact row (events, bill_events, instrument_versions) links to >= 1 evidence row (part 3).

CREATE TABLE instruments (
    instrument_id   VARCHAR PRIMARY KEY,          -- "{jurisdiction}/{slug}", e.g. "MX/lgpsedmtp"
    jurisdiction    VARCHAR NOT NULL REFERENCES jurisdictions (code),
    slug            VARCHAR NOT NULL CHECK (regexp_full_match(slug, '[a-z0-9][a-z0-9-]*')),
    title           VARCHAR NOT NULL,
    instrument_type VARCHAR NOT NULL CHECK (instrument_type IN {{vocab:instrument_type}}),
    official_url    VARCHAR CHECK (official_url IS NULL OR regexp_matches(official_url, '^https?://')),
    is_specific_law BOOLEAN NOT NULL,             -- counts for law_status = specific_law
    work_uri        VARCHAR NOT NULL,             -- AKN/ELI-style: {jur}/{type}/{first publication|undated}/{slug}
    UNIQUE (jurisdiction, slug)
);

CREATE TABLE events (
    event_id      VARCHAR PRIMARY KEY,            -- stable hash of the natural key
    instrument_id VARCHAR NOT NULL REFERENCES instruments (instrument_id),
    event_type    VARCHAR NOT NULL CHECK (event_type IN {{vocab:event_type}}),
    event_date    DATE,                            -- the day, when a source states it exactly; else NULL
    date_earliest DATE,                            -- the earliest day the source's date can be
    date_latest   DATE,                            -- the latest day (NULL: open end / unknown)
    date_precision VARCHAR CHECK (date_precision IS NULL OR date_precision IN {{vocab:date_precision}}),
    date_text     VARCHAR,                         -- the date as the source gave it (EDTF subset): "2008", "../2014-08-01"
    gazette       VARCHAR,
    issue         VARCHAR,                         -- for the DOF: "codNota N"
    decree        VARCHAR,
    title         VARCHAR,
    official_url  VARCHAR,
    note          VARCHAR,
    best_kind     VARCHAR NOT NULL CHECK (best_kind IN {{vocab:evidence_kind}}),
    best_confidence VARCHAR NOT NULL CHECK (best_confidence IN {{vocab:confidence}}),
    superseded    BOOLEAN NOT NULL DEFAULT false,  -- outranked by a conflicting fact (see conflicts)
    CHECK (event_date IS NULL OR event_date >= DATE '1800-01-01')
);

-- The text of an instrument as of a date (an expression), parsed from stored bytes.
CREATE TABLE instrument_versions (
    version_id     VARCHAR PRIMARY KEY,           -- "{instrument_id}@{version_date|sha256[:12]}"
    instrument_id  VARCHAR NOT NULL REFERENCES instruments (instrument_id),
    version_date   DATE,
    sha256         VARCHAR NOT NULL CHECK (regexp_full_match(sha256, '[0-9a-f]{64}')),
    parser_version VARCHAR NOT NULL,
    n_articles     INTEGER NOT NULL,
    metadata       VARCHAR                          -- JSON from the parser (title, published, ...)
);

CREATE TABLE provisions (
    provision_id VARCHAR PRIMARY KEY,             -- "{version_id}~{eid}"
    version_id   VARCHAR NOT NULL REFERENCES instrument_versions (version_id),
    eid          VARCHAR NOT NULL,                -- "art_5-bis", "art_10.frac_III.inc_a", "trans_1"
    level        VARCHAR NOT NULL CHECK (level IN {{vocab:provision_level}}),
    number       VARCHAR,
    ordinal      INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    derogated    BOOLEAN NOT NULL,
    notes        VARCHAR
);

-- Amendment effects: affecting decree -> affected provision (legislation.gov.uk style).
CREATE TABLE effects (
    effect_id     VARCHAR PRIMARY KEY,
    version_id    VARCHAR NOT NULL REFERENCES instrument_versions (version_id),
    instrument_id VARCHAR NOT NULL REFERENCES instruments (instrument_id),
    provision_eid VARCHAR NOT NULL,
    effect_type   VARCHAR NOT NULL CHECK (effect_type IN {{vocab:effect_type}}),
    effect_date   DATE,
    decree        VARCHAR,
    gazette       VARCHAR,
    raw           VARCHAR
);

CREATE TABLE bills (
    bill_id      VARCHAR PRIMARY KEY,             -- "{jurisdiction}/{source bill id}"
    jurisdiction VARCHAR NOT NULL REFERENCES jurisdictions (code),
    title        VARCHAR NOT NULL,
    chamber      VARCHAR,
    presenter    VARCHAR,
    legislature  VARCHAR,
    url          VARCHAR,
    status_text  VARCHAR,                          -- the source's own wording
    trafficking  BOOLEAN NOT NULL,
    identifier   VARCHAR,                          -- the congress's own número / expediente / folio
    became_instrument_id VARCHAR,                  -- the law a published bill created or reformed
    committee    VARCHAR,                          -- the committee(s) it was turned to, as the source names them
    summary      VARCHAR,                          -- what it proposes, in a sentence
    relevance_rules VARCHAR,                       -- rules version that decided `trafficking` (NULL: curated)
    sources      VARCHAR NOT NULL,                 -- the sources that saw it, ';'-joined (merged by identifier)
    review_id    VARCHAR                           -- the review decision that set `trafficking`, if any
);

-- Who presented a bill (one row per proponent, in the source's order).
CREATE TABLE bill_proponents (
    bill_id        VARCHAR NOT NULL REFERENCES bills (bill_id),
    ordinal        INTEGER NOT NULL,
    proponent_kind VARCHAR NOT NULL CHECK (proponent_kind IN {{vocab:proponent_kind}}),
    name           VARCHAR,                        -- NULL when the source names only the kind
    party          VARCHAR,
    PRIMARY KEY (bill_id, ordinal)
);

-- Documents of a bill's file: the initiative's text, dictámenes, the decree, by official URL.
CREATE TABLE bill_documents (
    document_id   VARCHAR PRIMARY KEY,             -- stable hash of (bill_id, url)
    bill_id       VARCHAR NOT NULL REFERENCES bills (bill_id),
    document_kind VARCHAR NOT NULL CHECK (document_kind IN {{vocab:bill_document_kind}}),
    url           VARCHAR NOT NULL CHECK (regexp_matches(url, '^https?://')),
    title         VARCHAR,
    document_date DATE,
    source        VARCHAR NOT NULL
);

CREATE TABLE bill_events (
    bill_event_id VARCHAR PRIMARY KEY,
    bill_id       VARCHAR NOT NULL REFERENCES bills (bill_id),
    event_type    VARCHAR NOT NULL CHECK (event_type IN {{vocab:bill_event_type}}),
    event_date    DATE,
    date_earliest DATE,                            -- the earliest day the source's date can be
    date_latest   DATE,                            -- the latest day (NULL: open end / unknown)
    date_precision VARCHAR CHECK (date_precision IS NULL OR date_precision IN {{vocab:date_precision}}),
    date_text     VARCHAR,                         -- the date as the source gave it (EDTF subset): "2008", "../2014-08-01"
    description   VARCHAR,                         -- the source's action text, verbatim
    ordinal       INTEGER NOT NULL,
    source        VARCHAR NOT NULL,                -- the source whose record gave this event
    rules_version VARCHAR,                         -- the Categorizer that read `description` (NULL: curated)
    score         DOUBLE,                          -- that decision's score
    fired         VARCHAR,                         -- the rules that fired, ';'-joined
    review_id     VARCHAR                          -- the review decision that set event_type, if any
);

-- Review decisions (data/registry/reviews/*.jsonl) applied by this build, and the facts they changed.
CREATE TABLE reviews (
    review_id     VARCHAR PRIMARY KEY,
    review_kind   VARCHAR NOT NULL CHECK (review_kind IN {{vocab:review_kind}}),
    subject       VARCHAR NOT NULL,                -- bill_event: folded action text; bill_relevance: bill id;
                                                   -- element_finding: '{version_id}|{element}'
    proposed      VARCHAR,                         -- the rules' label (NULL: not recognised)
    decision      VARCHAR NOT NULL CHECK (decision IN {{vocab:review_decision}}),
    label         VARCHAR,                         -- the label in force after the decision
    decided_by    VARCHAR NOT NULL,
    decided_at    TIMESTAMP NOT NULL,
    note          VARCHAR,
    rules_version VARCHAR NOT NULL,
    applied_to    INTEGER NOT NULL                 -- how many facts of this build it changed
);

-- What the rules could not decide with confidence and no decision settles yet (`proteja review list`).
-- Internal to the build (not a published table): the published record is `reviews`.
CREATE TABLE review_queue (
    review_id       VARCHAR PRIMARY KEY,
    review_kind     VARCHAR NOT NULL CHECK (review_kind IN {{vocab:review_kind}}),
    subject         VARCHAR NOT NULL,
    proposed        VARCHAR,                       -- the rules' label (NULL: not recognised)
    rules_version   VARCHAR NOT NULL,
    score           DOUBLE,
    example_bill_id VARCHAR,                       -- a bill with this subject (NULL for element_finding)
    example_text    VARCHAR,
    occurrences     INTEGER NOT NULL
);
