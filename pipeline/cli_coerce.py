"""Parameter coercion without pydantic for the plain parameters proteja's commands take.

typer ≥ 0.2x builds a pydantic ``TypeAdapter`` for every parameter a command receives, even ``None``,
so every ``proteja`` invocation imported pydantic (~40% of ``proteja status`` start-up). Here the cases
whose answer is obvious are answered directly, exactly as typer would: ``None``; a string for a ``str``
parameter; a StrEnum's value for a StrEnum parameter; a path for a ``Path`` parameter with typer's
default checks (a path that exists must be readable). Anything else — another type, a constraint, a
value typer would refuse — goes to typer's own coercion, which builds its adapter then.
"""

from __future__ import annotations

import os
import types
import typing
from enum import StrEnum
from pathlib import Path

import typer.core

_REAL = getattr(typer.core, "build_runtime_param", None)  # typer's builder (absent in older typers)
_PLAIN_PATH = {"exists": False, "file_okay": True, "dir_okay": True, "writable": False, "readable": True,
               "resolve_path": False, "allow_dash": False, "path_type": None}  # fmt: skip


def _bare(annotation):
    """``X | None`` → ``X``; anything else unchanged."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _obvious(annotation, info, value):
    """The coerced value when it is obvious, else ``_REFER`` (typer decides)."""
    kind = _bare(annotation)
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return _REFER
    if kind is str and isinstance(value, str):
        return value
    if isinstance(kind, type) and issubclass(kind, StrEnum) and isinstance(value, str) and getattr(info, "case_sensitive", True):
        return kind(value) if value in kind._value2member_map_ else _REFER
    if kind is Path and isinstance(value, str) and all(getattr(info, k, v) == v for k, v in _PLAIN_PATH.items()):
        return Path(value) if not os.path.exists(value) or os.access(value, os.R_OK) else _REFER
    return _REFER


_REFER = object()


def _install() -> None:
    if _REAL is None or not hasattr(typer.core, "_TyperParameter"):
        return
    from typer._coercion import RuntimeParam

    class ObviousFirst(RuntimeParam):
        """typer's RuntimeParam (None, multiple values) with the obvious cases answered first."""

        def _coerce_value(self, value, param, ctx):
            answer = _obvious(self.annotation, self.parameter_info, value)
            if answer is not _REFER:
                return answer
            return _REAL(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor):
        if descriptor.is_file or descriptor.is_list or descriptor.is_tuple:
            return _REAL(descriptor)
        return ObviousFirst(annotation=descriptor.annotation, parameter_info=descriptor.parameter_info)

    typer.core.build_runtime_param = build


_install()
