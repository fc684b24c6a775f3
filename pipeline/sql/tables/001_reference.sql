-- proteja schema, part 1: reference tables and the raw-store manifest.
-- {{vocab:NAME}} placeholders are replaced by pipeline.store.schema with the closed vocabulary
-- from pipeline/vocab.py, so the database and the code can never disagree on allowed values.

CREATE TABLE schema_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE jurisdictions (
    code          VARCHAR PRIMARY KEY CHECK (regexp_full_match(code, 'MX(-[A-Z]{3})?')),
    inegi         VARCHAR NOT NULL UNIQUE CHECK (regexp_full_match(inegi, '[0-9]{2}')),
    official_name VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    aliases       VARCHAR NOT NULL,
    gazette       VARCHAR NOT NULL,
    congress_url  VARCHAR NOT NULL CHECK (regexp_matches(congress_url, '^https?://')),
    is_state      BOOLEAN NOT NULL
);

-- One row per source module (its SourceInfo), plus the curated registry.
CREATE TABLE sources (
    name           VARCHAR PRIMARY KEY,
    title          VARCHAR NOT NULL,
    jurisdiction   VARCHAR NOT NULL,               -- its main jurisdiction code (all it covers: SourceInfo)
    homepage       VARCHAR,
    allowed_hosts  VARCHAR,
    encoding       VARCHAR,
    min_interval_s DOUBLE,
    formats        VARCHAR,
    covers         VARCHAR
);

-- The raw-store manifest: one row per retrieval attempt (data/raw/manifest.jsonl).
CREATE TABLE snapshots (
    line_no          INTEGER PRIMARY KEY,
    source           VARCHAR NOT NULL,
    url              VARCHAR NOT NULL,
    final_url        VARCHAR,
    retrieved_at     TIMESTAMP NOT NULL,
    http_status      INTEGER,
    content_type     VARCHAR,
    declared_charset VARCHAR,
    encoding         VARCHAR,
    bytes            BIGINT,
    sha256           VARCHAR CHECK (sha256 IS NULL OR regexp_full_match(sha256, '[0-9a-f]{64}')),
    etag             VARCHAR,
    last_modified    VARCHAR,
    outcome          VARCHAR NOT NULL CHECK (outcome IN {{vocab:fetch_outcome}}),
    error            VARCHAR,
    method           VARCHAR NOT NULL DEFAULT 'GET' CHECK (method IN ('GET', 'POST')),
    body_sha256      VARCHAR CHECK (body_sha256 IS NULL OR regexp_full_match(body_sha256, '[0-9a-f]{64}'))
);

-- Source health: one row per source per refresh run (data/raw/runs.jsonl).
CREATE TABLE source_runs (
    run_id      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    items_found INTEGER,
    outcomes    VARCHAR,            -- JSON object: outcome -> count
    ok          BOOLEAN NOT NULL,
    mode        VARCHAR CHECK (mode IS NULL OR mode IN ('live', 'offline')),
    last_error  VARCHAR,
    PRIMARY KEY (run_id, source)
);

-- How each jurisdiction's bills are tracked: by a scraped source, by curated research, or not at all.
-- A state whose bills are not tracked never reads as "no pending bills" (see status_table).
CREATE TABLE bill_tracking (
    jurisdiction VARCHAR NOT NULL,                  -- a jurisdictions.code (checked by the gate, not by a key)
    basis        VARCHAR NOT NULL CHECK (basis IN {{vocab:bill_tracking}}),
    since        DATE,                              -- the day that tracking looked (research) or first fetched
    covers       VARCHAR,                           -- what period or pages it covered, as the log says
    covers_from  DATE,                              -- the first day of that period (NULL: not stated)
    reference    VARCHAR NOT NULL,                  -- the research log or the source name
    PRIMARY KEY (jurisdiction, basis, reference)
);
