-- proteja schema, part 3: evidence behind every fact, and conflicts between sources.

CREATE TABLE evidence (
    evidence_id  VARCHAR PRIMARY KEY,
    fact_table   VARCHAR NOT NULL CHECK (fact_table IN ('events', 'bills', 'bill_events', 'instrument_versions', 'effects')),
    fact_id      VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL CHECK (kind IN {{vocab:evidence_kind}}),
    source       VARCHAR NOT NULL,
    url          VARCHAR,                          -- official URL of the cited document
    gazette      VARCHAR,
    issue        VARCHAR,
    page         VARCHAR,
    evidence_date DATE,                            -- date of the cited document
    sha256       VARCHAR CHECK (sha256 IS NULL OR regexp_full_match(sha256, '[0-9a-f]{64}')),
    retrieved_at TIMESTAMP,                        -- scraped: when the bytes were fetched (UTC)
    source_url   VARCHAR,                          -- curated: where the fact was found
    accessed     DATE,                             -- curated: when that source was consulted
    confidence   VARCHAR NOT NULL CHECK (confidence IN {{vocab:confidence}}),
    note         VARCHAR,
    source_kind  VARCHAR CHECK (source_kind IS NULL OR source_kind IN {{vocab:source_kind}}),
    read_via     VARCHAR,                          -- the mirror a curated text was read through (never cited)
    supports     VARCHAR,                          -- the fact this evidence supports (an event type)
    CHECK (kind <> 'scraped' OR (sha256 IS NOT NULL AND retrieved_at IS NOT NULL)),
    CHECK (kind <> 'curated' OR (source_url IS NOT NULL AND accessed IS NOT NULL))
);

-- Two sources disagree about one fact. Nothing is silently overwritten: the outranked fact
-- stays in `events` with superseded = true, and this row says who disagreed and how it was resolved.
CREATE TABLE conflicts (
    conflict_id   VARCHAR PRIMARY KEY,
    jurisdiction  VARCHAR NOT NULL REFERENCES jurisdictions (code),
    instrument_id VARCHAR NOT NULL,
    event_type    VARCHAR NOT NULL CHECK (event_type IN {{vocab:conflict_subject}}),
    field         VARCHAR NOT NULL,                -- e.g. "event_date"
    kept_value    VARCHAR,
    kept_source   VARCHAR NOT NULL,
    other_value   VARCHAR,
    other_source  VARCHAR NOT NULL,
    resolution    VARCHAR NOT NULL CHECK (resolution IN ('scraped_over_curated', 'official_over_secondary', 'unresolved')),
    note          VARCHAR
);
