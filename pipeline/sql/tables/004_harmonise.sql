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
    finding       VARCHAR NOT NULL CHECK (finding IN ('present', 'partial', 'absent', 'not_assessed', 'invalidated')),
    confidence    DOUBLE NOT NULL,
    provision_ids VARCHAR,                        -- "{version_id}~art_12.frac_X", "|"-joined
    excerpt       VARCHAR CHECK (excerpt IS NULL OR length(excerpt) <= 200),
    rules_fired   VARCHAR,
    rules_version VARCHAR NOT NULL,
    needs_review  BOOLEAN NOT NULL,               -- false once a person decided (reviewed_by)
    invalidated_by VARCHAR,                       -- invalidated: the SCJN ruling(s) that struck every provision, "|"-joined
    review_id     VARCHAR,                        -- the decision applied (data/registry/reviews/), if any
    reviewed_by   VARCHAR,                        -- who decided; NULL: the rules' finding stands unreviewed
    reviewed_at   TIMESTAMP,                      -- when (UTC)
    review_note   VARCHAR,                        -- what the reviewer read to decide
    PRIMARY KEY (version_id, element)
);

-- Findings below the confidence threshold (and any finding a person decided): the rules' finding, and whether a
-- decision settled it (`proteja review list|accept|reject`, kind element_finding).
CREATE TABLE element_reviews (
    version_id    VARCHAR NOT NULL,
    element       VARCHAR NOT NULL,
    finding       VARCHAR NOT NULL,               -- the rules' finding (element_findings holds the decided one)
    confidence    DOUBLE NOT NULL,
    reason        VARCHAR NOT NULL,
    review_status VARCHAR NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'accepted', 'rejected')),
    review_id     VARCHAR,
    PRIMARY KEY (version_id, element)
);
