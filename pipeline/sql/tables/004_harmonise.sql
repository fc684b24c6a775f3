-- proteja schema, part 4: the harmonisation scorecard (pipeline/harmonise/).

-- The element catalogue (data/reference/elements/elements.csv), in its order.
CREATE TABLE elements (
    code        VARCHAR PRIMARY KEY,
    ordinal     INTEGER NOT NULL,
    label_es    VARCHAR NOT NULL,
    label_en    VARCHAR NOT NULL,
    legal_basis VARCHAR NOT NULL,
    expectation VARCHAR NOT NULL CHECK (expectation IN ('expected', 'optional', 'competence_conflict')),
    rules       VARCHAR NOT NULL                  -- rule names in pipeline/harmonise/elements.py, "|"-joined
);

-- One finding per law version × element, with the provisions and an excerpt that carry it.
CREATE TABLE element_findings (
    version_id    VARCHAR NOT NULL REFERENCES instrument_versions (version_id),
    element       VARCHAR NOT NULL REFERENCES elements (code),
    finding       VARCHAR NOT NULL CHECK (finding IN ('present', 'partial', 'absent', 'not_assessed')),
    confidence    DOUBLE NOT NULL,
    provision_ids VARCHAR,                        -- "{version_id}~art_12.frac_X", "|"-joined
    excerpt       VARCHAR CHECK (excerpt IS NULL OR length(excerpt) <= 200),
    rules_fired   VARCHAR,
    rules_version VARCHAR NOT NULL,
    needs_review  BOOLEAN NOT NULL,
    PRIMARY KEY (version_id, element)
);

-- Findings below the confidence threshold, for the review queue (read by `proteja review` later).
CREATE TABLE element_reviews (
    version_id    VARCHAR NOT NULL,
    element       VARCHAR NOT NULL,
    finding       VARCHAR NOT NULL,
    confidence    DOUBLE NOT NULL,
    reason        VARCHAR NOT NULL,
    review_status VARCHAR NOT NULL DEFAULT 'pending',
    PRIMARY KEY (version_id, element)
);
