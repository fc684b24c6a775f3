"""A small rules engine (Open States' Rule / Categorizer pattern): decisions that carry their reasons.

A :class:`Rule` is a named regular expression over folded text with the label it votes for and a
weight; an exclusion rule vetoes a label. A :class:`Categorizer` runs its rules and returns a
:class:`Decision` — label, score, the rules that fired, and the rules version — so every
classification (law titles, bill events, relevance, DOF note categories) can be explained and
reviewed, and an input no rule recognises is said to be unrecognised instead of silently mapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A decision scoring below this is uncertain: it goes to the review queue (``proteja review list``).
CONFIDENT_SCORE = 1.0


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    label: str
    weight: float = 1.0
    exclude: bool = False  # a match vetoes ``label`` whatever else fired
    why: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_regex", re.compile(self.pattern))

    def search(self, text: str) -> re.Match | None:
        return self._regex.search(text)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Decision:
    label: str | None  # None: no rule recognised the input
    score: float
    fired: tuple[str, ...]
    reasons: tuple[str, ...]
    rules_version: str
    vetoed: tuple[str, ...] = field(default=())

    @property
    def recognised(self) -> bool:
        return self.label is not None


@dataclass(frozen=True)
class Categorizer:
    """Rules → the best-scoring label not vetoed; ties go to the rule listed first."""

    name: str
    version: str
    rules: tuple[Rule, ...]

    @property
    def rules_version(self) -> str:
        return f"{self.name}-{self.version}"

    def decide(self, folded: str) -> Decision:
        fired, reasons, scores, vetoed = [], [], {}, set()
        for rule in self.rules:
            match = rule.search(folded)
            if match is None:
                continue
            fired.append(rule.name)
            reasons.append(f"{rule.name}: {match.group(0)!r}{' — ' + rule.why if rule.why else ''}")
            if rule.exclude:
                vetoed.add(rule.label)
            else:
                scores.setdefault(rule.label, 0.0)
                scores[rule.label] += rule.weight
        live = [(label, score) for label, score in scores.items() if label not in vetoed]
        label, score = max(live, key=lambda item: item[1]) if live else (None, 0.0)
        return Decision(label, score, tuple(fired), tuple(reasons), self.rules_version, tuple(sorted(vetoed)))
