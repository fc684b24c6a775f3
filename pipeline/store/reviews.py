"""Review decisions: data under ``data/registry/reviews/*.jsonl``, applied on every build.

A decision settles one uncertain classification the rules made (or could not make):

* ``bill_event`` — the event type of a bill's action text. The subject is the folded action text, so
  one decision applies to every event with that wording. ``accepted`` with a ``label`` sets the type
  (an unrecognised phrase gets the reviewer's label); ``rejected`` leaves the event ``unclassified``.
* ``bill_relevance`` — whether a bill is about trafficking in persons. The subject is the bill id;
  ``accepted`` keeps the rules' answer, ``rejected`` reverses it.

Each line: ``{"id", "kind", "subject", "proposed", "decision", "label", "by", "at", "note",
"rules_version"}``. Later lines for the same id replace earlier ones (a decision can be revised).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.core import vocab
from pipeline.parse.rules import CONFIDENT_SCORE  # noqa: F401  (re-exported: the queue's threshold)
from pipeline.store.merge import short_hash

DECISIONS_FILE = "decisions.jsonl"


class ReviewError(ValueError):
    """A decision line is malformed; the message names the file and line."""


def review_id(kind: str, subject: str) -> str:
    return short_hash("review", kind, subject)


@dataclass(frozen=True)
class ReviewDecision:
    id: str
    kind: str  # vocab.REVIEW_KINDS
    subject: str
    proposed: str | None  # the rules' label; None when no rule recognised the input
    decision: str  # vocab.REVIEW_DECISIONS
    label: str | None  # bill_event: the event type in force after the decision; relevance: "true"/"false"
    by: str
    at: str  # ISO timestamp, UTC
    note: str
    rules_version: str

    def __post_init__(self) -> None:
        vocab.check("review_kind", self.kind)
        vocab.check("review_decision", self.decision)
        if self.id != review_id(self.kind, self.subject):
            raise ValueError(f"review id {self.id} does not match its kind and subject")
        if self.kind == "bill_event" and self.label is not None:
            vocab.check("bill_event_type", self.label)
        if self.kind == "bill_event" and self.decision == "accepted" and self.label is None:
            raise ValueError("an accepted bill_event decision needs the label it accepts")
        if not self.by.strip():
            raise ValueError("a decision needs the name of who made it (--by)")

    @property
    def decided_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.at.replace("Z", "+00:00")).astimezone(dt.UTC).replace(tzinfo=None)


def read_decisions(registry_dir: Path) -> dict[str, ReviewDecision]:
    """Every decision by id (the last line for an id wins), from ``<registry>/reviews/*.jsonl``."""
    out: dict[str, ReviewDecision] = {}
    for path in sorted((registry_dir / "reviews").glob("*.jsonl")):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                decision = ReviewDecision(**json.loads(line))
            except (TypeError, ValueError) as exc:
                raise ReviewError(f"reviews/{path.name}:{line_no}: {exc}") from exc
            out[decision.id] = decision
    return out


def append_decision(registry_dir: Path, decision: ReviewDecision) -> Path:
    path = registry_dir / "reviews" / DECISIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(asdict(decision), ensure_ascii=False, sort_keys=True) + "\n")
    return path
