"""Keep the instrument catalogue in step with the registry: every curated instrument has an entry."""

from __future__ import annotations

import dataclasses

from pipeline.core.instruments import CATALOGUE_CSV, Catalogue, CatalogueEntry, write_catalogue
from pipeline.core.paths import DataPaths
from pipeline.store.registry_csv import read_rows


def missing_entries(paths: DataPaths, known: Catalogue) -> list[CatalogueEntry]:
    """Registry instruments (not bills) the catalogue lacks, each citing the first row that names it."""
    found: dict[str, CatalogueEntry] = {}
    for _path, _line, row in read_rows(paths.registry):
        iid = f"{row['jurisdiction']}/{row['instrument_slug']}"
        if row["instrument_type"] == "iniciativa" or iid in known.entries or iid in found:
            continue
        found[iid] = CatalogueEntry(row["jurisdiction"], row["instrument_slug"], row["instrument_title"],
                                    row["instrument_type"], official_url=row["official_url"] or None,
                                    source_url=row["source_url"], note="added from the registry")  # fmt: skip
    return list(found.values())


def sync(paths: DataPaths) -> list[CatalogueEntry]:
    """Add the missing registry instruments to ``data/reference/instruments.csv``; return what was added."""
    known = Catalogue.load(CATALOGUE_CSV)
    added = missing_entries(paths, known)
    if added:
        write_catalogue([*known.entries.values(), *added])
    return added


def with_alias(entry: CatalogueEntry, *aliases: str) -> CatalogueEntry:
    return dataclasses.replace(entry, aliases=tuple(dict.fromkeys((*entry.aliases, *aliases))))
