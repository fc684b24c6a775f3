"""Discovery of source modules: every module under ``pipeline.sources`` that defines ``SOURCE``.

Adding a source means adding one module; nothing else needs editing. The coverage table
(``proteja sources --coverage``) is generated from each module's ``SourceInfo``.
"""

from __future__ import annotations

import importlib
import pkgutil

import pipeline.sources as sources_pkg

_SKIP = {"base", "registry"}


def source_modules() -> list:
    mods = []
    for info in sorted(pkgutil.iter_modules(sources_pkg.__path__), key=lambda m: m.name):
        if info.name in _SKIP or info.name.startswith("_"):
            continue
        mods.append(importlib.import_module(f"pipeline.sources.{info.name}"))
    return mods


def all_sources() -> dict:
    """Map source name → Source object, for every module that defines ``SOURCE``."""
    found = {}
    for mod in source_modules():
        source = getattr(mod, "SOURCE", None)
        if source is not None:
            found[source.info.name] = source
    return dict(sorted(found.items()))


def inspect_kinds() -> dict:
    """Map page kind → function(path) for ``proteja inspect``, from every module's ``INSPECT_KINDS``."""
    kinds: dict = {}
    modules = source_modules()
    try:
        modules.append(importlib.import_module("pipeline.parse.law"))
    except ImportError:  # the law parser is optional for inspect of page kinds
        pass
    for mod in modules:
        kinds.update(getattr(mod, "INSPECT_KINDS", {}))
    return dict(sorted(kinds.items()))
