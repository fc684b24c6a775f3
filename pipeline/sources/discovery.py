"""Discovery of sources: every module under ``pipeline.sources`` (recursively) that defines ``SOURCE``.

Adding a source means adding one package or module; nothing else needs editing. ``proteja coverage``
and the conformance suite (``tests/sources/test_conformance.py``) find it through here too.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pipeline.sources as sources_pkg

#: Packages that hold no source: the page kit and discovery itself.
_SKIP = ("pipeline.sources.kit", "pipeline.sources.discovery")


def source_modules() -> list[ModuleType]:
    """Every module of the sources tree, imported, in name order (packages before their modules)."""
    modules = []
    for info in sorted(pkgutil.walk_packages(sources_pkg.__path__, "pipeline.sources."), key=lambda m: m.name):
        if info.name.startswith(_SKIP):
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def all_sources() -> dict:
    """Map source name → Source object, for every module that defines ``SOURCE`` (or ``SOURCES``)."""
    found = {}
    for mod in source_modules():
        for source in _declared(mod):
            found.setdefault(source.info.name, source)
    return dict(sorted(found.items()))


def _declared(mod: ModuleType) -> list:
    single = mod.__dict__.get("SOURCE")
    return ([single] if single is not None else []) + list(mod.__dict__.get("SOURCES", ()))


def page_classes() -> list[type]:
    """Every page class defined in the sources tree (not the kit's base classes), by qualified name."""
    from pipeline.sources.kit import Page

    found = {}
    for mod in source_modules():
        for _name, obj in inspect.getmembers(mod, inspect.isclass):
            if issubclass(obj, Page) and obj.__module__ == mod.__name__ and hasattr(obj, "source"):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [found[k] for k in sorted(found)]


def inspect_kinds() -> dict:
    """Map page kind → function(path) for ``proteja inspect``, from every module's ``INSPECT_KINDS``."""
    kinds: dict = {}
    modules = source_modules()
    try:
        modules.append(importlib.import_module("pipeline.parse.law"))
    except ImportError:  # the law parser is optional for inspect of page kinds
        pass
    for mod in modules:
        kinds.update(mod.__dict__.get("INSPECT_KINDS", {}))
    return dict(sorted(kinds.items()))
