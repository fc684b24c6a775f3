"""Review decisions: data under ``data/registry/reviews/*.jsonl``, applied on every build.

A decision settles one uncertain classification the rules made (or could not make):

* ``bill_event`` — the event type of a bill's action text. The subject is the folded action text, so
  one decision applies to every event with that wording. ``accepted`` with a ``label`` sets the type
  (an unrecognised phrase gets the reviewer's label); ``rejected`` leaves the event ``unclassified``.
* ``bill_relevance`` — whether a bill is about trafficking in persons. The subject is the bill id;
  ``accepted`` keeps the rules' answer, ``rejected`` reverses it.
* ``element_finding`` — a harmonisation finding (pipeline/harmonise/). The subject is
  ``{version_id}|{element}`` (:func:`element_subject`). ``label`` is the finding in force after the decision:
  the rules' finding or the reviewer's (``present | partial | absent``) when accepted; when rejected,
  ``absent`` for a rejected present/partial and ``not_assessed`` for a rejected absent.

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


#: The findings a person can set by accepting an element_finding review (``--label``).
ELEMENT_LABELS = ("present", "partial", "absent")
#: What a rejected element finding becomes.
REJECTED_FINDING = {"present": "absent", "partial": "absent", "absent": "not_assessed"}


def review_id(kind: str, subject: str) -> str:
    return short_hash("review", kind, subject)


def element_subject(version_id: str, element: str) -> str:
    """The stable subject of an element_finding review: the parsed text and the element code."""
    return f"{version_id}|{element}"


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
        if self.kind == "element_finding":
            allowed = ELEMENT_LABELS if self.decision == "accepted" else tuple(REJECTED_FINDING.values())
            if self.label not in allowed:
                raise ValueError(f"an {self.decision} element_finding decision needs a label in {allowed}")
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
