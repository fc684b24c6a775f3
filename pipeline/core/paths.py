"""Where things live. Every command takes ``--data-dir`` (env ``PROTEJA_DATA_DIR``, default ``./data``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = PACKAGE_DIR.parent
#: JSON Schemas of page records and registry rows (contracts, checked by tests).
SCHEMAS_DIR = REPO_DIR / "schemas"
#: SQL ships inside the package, so an installed wheel can build: table definitions, then derivations.
SQL_DIR = PACKAGE_DIR / "sql"
TABLES_SQL_DIR = SQL_DIR / "tables"
DERIVE_SQL_DIR = SQL_DIR / "derive"
#: Run last by the build: date-independent views become tables, status_as_of(d) a lookup.
MATERIALISE_SQL_DIR = SQL_DIR / "materialise"
CHECKS_SQL_DIR = SQL_DIR / "checks"  # the gate's cross-table rules that are too long to read inline


@dataclass(frozen=True)
class DataPaths:
    """The folders of one data directory."""

    root: Path

    @classmethod
    def from_env(cls, data_dir: str | os.PathLike | None = None) -> DataPaths:
        chosen = data_dir or os.environ.get("PROTEJA_DATA_DIR") or "data"
        return cls(Path(chosen).resolve())

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def manifest(self) -> Path:
        return self.raw / "manifest.jsonl"

    @property
    def processed(self) -> Path:
        return self.root / "processed"

    @property
    def unvalidated(self) -> Path:
        """Where ``build --no-validate`` writes: never published, never a baseline."""
        return self.root / "unvalidated"

    @property
    def database(self) -> Path:
        return self.processed / "proteja.duckdb"

    @property
    def registry(self) -> Path:
        return self.root / "registry"

    @property
    def reference(self) -> Path:
        return self.root / "reference"

    @property
    def cache(self) -> Path:
        """Parse cache (sha256 + parser version → records). Safe to delete."""
        return self.root / "cache"

    @property
    def rejected(self) -> Path:
        """Candidate publications that failed validation, kept for inspection."""
        return self.root / "rejected"
