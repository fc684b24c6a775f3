-- Per-item failures of the build that made this database (pipeline/problems.py): each skipped
-- item (a bad catalogue row, a missing blob, a cut manifest line, a crashed source) with its class.
-- Not published as a table; `proteja sources` prints it.
CREATE TABLE build_problems (
    ordinal     INTEGER PRIMARY KEY,
    source      VARCHAR NOT NULL,
    item        VARCHAR NOT NULL,
    outcome     VARCHAR NOT NULL CHECK (outcome IN {{vocab:fetch_outcome}}),
    error_class VARCHAR NOT NULL,
    message     VARCHAR NOT NULL
);
