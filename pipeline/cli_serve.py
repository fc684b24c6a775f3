"""``proteja serve``: Datasette on a SQLite copy of the publication (an explorer for non-programmers)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli_app import app, console, err, state

DATABASE_NAME = "proteja"


def prepare(paths) -> tuple[Path, Path]:
    """Write ``cache/serve/proteja.db`` and its ``metadata.json`` from the published DuckDB file."""
    from pipeline.publish.sqlite import metadata, write_sqlite

    folder = paths.cache / "serve"
    target = write_sqlite(paths.database, folder / f"{DATABASE_NAME}.db")
    meta = folder / "metadata.json"
    meta.write_text(json.dumps(metadata(DATABASE_NAME), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target, meta


def datasette_command(target: Path, meta: Path, host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "datasette", "serve", "--immutable", str(target), "--metadata", str(meta),
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "3000"]  # fmt: skip


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8001,
) -> None:
    """Explore the publication in a browser with Datasette (tables, descriptions, canned questions)."""
    import importlib.util

    if importlib.util.find_spec("datasette") is None:
        err.print("[red]Datasette is not installed.[/red] Install the dev extras: pip install -e '.[dev]'")
        raise typer.Exit(code=2)
    if not state.paths.database.exists():
        err.print(f"[red]no database at {state.paths.database}; run `proteja build` first[/red]")
        raise typer.Exit(code=2)
    target, meta = prepare(state.paths)
    console.print(f"Serving {target} on http://{host}:{port}/ (Ctrl-C to stop)")
    sys.stdout.flush()
    # Replace this process with Datasette, so a signal to `proteja serve` reaches the server itself.
    command = datasette_command(target, meta, host, port)
    os.execv(command[0], command)
