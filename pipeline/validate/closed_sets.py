"""Closed sets the gate checks, generated from the SQL, never listed by hand.

* :func:`vocab_columns`: every coded column and its vocabulary of :mod:`pipeline.core.vocab`, from the
  ``{{vocab:NAME}}`` CHECKs of pipeline/sql/tables/*.sql (nullable when declared ``col IS NULL OR col IN …``)
  and the derived status columns named after a vocabulary;
* :func:`schema_literal_sets`: closed sets written as literal ``IN ('a', 'b')`` lists in the schema.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.core import vocab
from pipeline.core.paths import DERIVE_SQL_DIR, TABLES_SQL_DIR

#: The status table as the gate calls it (expectations.STATUS).
STATUS = "status"

_CREATE_TABLE = re.compile(r"CREATE TABLE (\w+) \((.*?)\n\);", re.S)
_LITERAL_IN = re.compile(r"\((\w+) IN \(('[^)]*')\)\)")


@lru_cache(maxsize=1)
def schema_literal_sets() -> dict[tuple[str, str], tuple[str, ...]]:
    """Closed sets written as literal ``IN ('a', 'b')`` lists in pipeline/sql/tables/*.sql (not in vocab.py)."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for path in sorted(TABLES_SQL_DIR.glob("*.sql")):
        for table, body in _CREATE_TABLE.findall(path.read_text(encoding="utf-8")):
            for column, values in _LITERAL_IN.findall(body):
                found[(table, column)] = tuple(v.strip().strip("'") for v in values.split(","))
    return found


_VOCAB_CHECK = re.compile(r"\b(\w+) IN \{\{vocab:(\w+)\}\}")


@lru_cache(maxsize=1)
def vocab_columns() -> dict[tuple[str, str], str]:
    """Every coded column and its vocabulary, generated, never listed by hand:

    * each ``CHECK (col IN {{vocab:NAME}})`` of pipeline/sql/tables/*.sql (so a table column with a closed
      vocabulary in the database is also checked by the gate);
    * each column of the derived status table that is named after a vocabulary (``summary``,
      ``law_status``), found as ``AS <name>`` in pipeline/sql/derive/*.sql.
    """
    found = {key: name for key, (name, _nullable) in _schema_vocab_columns().items()}
    derived = " ".join(path.read_text(encoding="utf-8") for path in sorted(DERIVE_SQL_DIR.glob("*.sql")))
    for name in vocab.ALL_VOCABULARIES:
        if re.search(rf"\bAS {name}\b", derived):
            found[(STATUS, name)] = name
    return found


@lru_cache(maxsize=1)
def _schema_vocab_columns() -> dict[tuple[str, str], tuple[str, bool]]:
    """(table, column) → (vocabulary, nullable) for each ``CHECK (… col IN {{vocab:NAME}})`` column."""
    found: dict[tuple[str, str], tuple[str, bool]] = {}
    for path in sorted(TABLES_SQL_DIR.glob("*.sql")):
        for table, body in _CREATE_TABLE.findall(path.read_text(encoding="utf-8")):
            for line in body.splitlines():
                for column, name in _VOCAB_CHECK.findall(line):
                    found[(table, column)] = (name, "NOT NULL" not in line)
    return found


def _nullable(table: str, column: str) -> bool:
    """A coded column declared ``col IS NULL OR col IN …`` may be empty; the derived status columns never are."""
    return _schema_vocab_columns().get((table, column), ("", False))[1]
