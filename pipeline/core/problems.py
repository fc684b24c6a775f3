"""Per-item failures of one build: what could not be read, classified, so the rest still builds.

A bad catalogue row, a missing blob, a truncated cache file or a source that crashed must cost
only that item. Whoever meets one calls :func:`record` with a ``vocab.FETCH_OUTCOMES`` class;
``proteja build`` collects them with :func:`collecting` into the ``build_problems`` table, and
``proteja sources`` prints them.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from pipeline.core import vocab

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    source: str  # the source (or "registry", "raw store", "parse cache")
    item: str  # what failed: a URL, a catalogue row, a manifest line, a file
    outcome: str  # vocab.FETCH_OUTCOMES
    error_class: str  # the exception class that signalled it
    message: str

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.source}: {self.outcome} ({self.error_class}) {self.item}: {self.message}"


_current: contextvars.ContextVar[list[Problem] | None] = contextvars.ContextVar("build_problems", default=None)


@contextlib.contextmanager
def collecting() -> Iterator[list[Problem]]:
    """Collect every :func:`record` call made inside the block (one build)."""
    found: list[Problem] = []
    token = _current.set(found)
    try:
        yield found
    finally:
        _current.reset(token)


def record(source: str, item: str, outcome: str, error: BaseException | str, message: str | None = None) -> Problem:
    """Note one classified per-item failure (logged even outside a build)."""
    vocab.check("fetch_outcome", outcome)
    error_class = error if isinstance(error, str) else type(error).__name__
    text = message if message is not None else str(error)
    problem = Problem(source, item, outcome, error_class, " ".join(text.split())[:500])
    found = _current.get()
    if found is not None and problem not in found:
        found.append(problem)
    log.warning("skipped %s", problem)
    return problem
