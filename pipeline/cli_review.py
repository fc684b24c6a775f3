"""``proteja review list|accept|reject``: the queue of uncertain classifications, and decisions on them.

The queue is what the last build could not decide with confidence (``review_queue`` in the DuckDB store):
bill action texts no rule recognised or only a weak rule did, bills whose relevance rests on a weak rule, and
harmonisation findings below the confidence threshold (kind ``element_finding``, subject ``{version_id}|{element}``). A decision is appended to ``data/registry/reviews/decisions.jsonl`` (reviewed like code) and
applied by every later build; the published ``reviews`` table lists the decisions and how many facts each
changed. Registered on the main Typer app by :mod:`pipeline.cli`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Annotated

import typer

from pipeline.cli_app import app, console, err, state

review_app = typer.Typer(help="The review queue: uncertain bill events, bill relevance and element findings.",
                         no_args_is_help=True)  # fmt: skip
app.add_typer(review_app, name="review")

_QUEUE_SQL = ("SELECT review_id, review_kind, subject, proposed, rules_version, score, example_bill_id, "
              "example_text, occurrences FROM review_queue ORDER BY review_kind, occurrences DESC, review_id")  # fmt: skip


def _last_database():
    """The last build's database: the published one, or a newer ``build --no-validate`` one (data/unvalidated)."""
    candidates = [p for p in (state.paths.database, state.paths.unvalidated / "proteja.duckdb") if p.exists()]
    return max(candidates, key=lambda p: p.stat().st_mtime) if candidates else state.paths.database


def _queue() -> list[dict]:
    from pipeline.store.db import StoreMissing, connect_read_only

    try:
        con = connect_read_only(_last_database())
    except StoreMissing as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from exc
    try:
        cursor = con.execute(_QUEUE_SQL)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


@review_app.command("list")
def list_command(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """What the last build left undecided: one line per review id (an action text, or a bill's relevance)."""
    items = _queue()
    if as_json:
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        return
    if not items:
        console.print("The review queue is empty.")
        return
    from rich.table import Table

    table = Table(title=f"Review queue ({len(items)})")
    for column in ("review_id", "review_kind", "proposed", "score", "occurrences", "example_bill_id", "subject"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(item["review_id"], item["review_kind"], item["proposed"] or "—",
                      "" if item["score"] is None else f"{item['score']:g}", str(item["occurrences"]),
                      item["example_bill_id"] or "", item["subject"][:160])  # fmt: skip
    console.print(table)


def _decide(review_id: str, decision: str, by: str, note: str, label: str | None) -> None:
    from pipeline.core import vocab
    from pipeline.store.reviews import ReviewDecision, append_decision

    item = next((i for i in _queue() if i["review_id"] == review_id), None)
    if item is None:
        err.print(f"[red]{review_id} is not in the review queue of the last build (`proteja review list`)[/red]")
        raise typer.Exit(code=2)
    if item["review_kind"] == "element_finding":
        label = _element_label(item, decision, label)
    elif item["review_kind"] == "bill_event":
        if decision == "accepted":
            label = label or item["proposed"]
            if label is None:
                err.print("[red]no rule recognised this text: accept it with --as EVENT_TYPE[/red]")
                raise typer.Exit(code=2)
            if label not in vocab.BILL_EVENT_TYPES:
                err.print(f"[red]{label!r} is not a bill event type; one of {sorted(vocab.BILL_EVENT_TYPES)}[/red]")
                raise typer.Exit(code=2)
        else:
            label = "unclassified"
    else:
        if label is not None:
            err.print("[red]--as/--label applies to bill_event and element_finding reviews only[/red]")
            raise typer.Exit(code=2)
        proposed = item["proposed"] == "true"
        label = str(proposed if decision == "accepted" else not proposed).lower()
    record = ReviewDecision(
        id=review_id, kind=item["review_kind"], subject=item["subject"], proposed=item["proposed"],
        decision=decision, label=label, by=by, at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        note=note, rules_version=item["rules_version"],
    )  # fmt: skip
    path = append_decision(state.paths.registry, record)
    console.print(f"{decision} {review_id} ({item['review_kind']} → {label}); written to {path}. "
                  "It applies from the next `proteja build`.")  # fmt: skip


def _element_label(item: dict, decision: str, label: str | None) -> str:
    """The finding in force after a decision on an element finding (see vocab.REVIEW_KINDS["element_finding"])."""
    from pipeline.store.reviews import ELEMENT_LABELS, REJECTED_FINDING

    if decision == "rejected":
        return REJECTED_FINDING[item["proposed"]]
    label = label or item["proposed"]
    if label not in ELEMENT_LABELS:
        err.print(f"[red]{label!r} is not a finding a reviewer can set; one of {', '.join(ELEMENT_LABELS)}[/red]")
        raise typer.Exit(code=2)
    return label


@review_app.command("accept")
def accept(
    review_id: Annotated[str, typer.Argument(help="The id shown by `proteja review list`.")],
    by: Annotated[str, typer.Option("--by", help="Who decides (name).")],
    note: Annotated[str, typer.Option("--note", help="Why: what was read to decide.")],
    as_label: Annotated[str | None, typer.Option("--as", "--label", help="bill_event: the event type, when the "
                                                 "rules proposed none or the wrong one; element_finding: present, "
                                                 "partial or absent, as the reviewer read the text.")] = None,
) -> None:
    """Accept the rules' proposal (or set the label with --as: an action text's event type, an element's finding)."""
    _decide(review_id, "accepted", by, note, as_label)


@review_app.command("reject")
def reject(
    review_id: Annotated[str, typer.Argument(help="The id shown by `proteja review list`.")],
    by: Annotated[str, typer.Option("--by", help="Who decides (name).")],
    note: Annotated[str, typer.Option("--note", help="Why: what was read to decide.")],
) -> None:
    """Reject the rules' proposal: the event stays unclassified, the bill's relevance is reversed, or an element
    finding present/partial becomes absent (absent becomes not_assessed)."""
    _decide(review_id, "rejected", by, note, None)
