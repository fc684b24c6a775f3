"""The package's shape: one-way stages, no import cycles, small modules, coverage generated from code."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from pipeline.core.paths import PACKAGE_DIR, REPO_DIR, DataPaths
from pipeline.jobs.coverage import coverage_rows, render_markdown

#: Stage ranks: a module may import only modules of its own rank or lower (fetch → … → publish).
RANKS = {"core": 0, "fetch": 1, "parse": 2, "sources": 3, "store": 4, "harmonise": 5, "derive": 6, "validate": 7,
         "publish": 8}
TOP = 9  # build.py, cli.py, jobs/, __main__: they wire the stages and may import any of them
MAX_LINES = 420


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every pipeline module this file imports (module-level and function-level)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("pipeline"))
    return found


MODULES = {_module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


def _graph() -> dict[str, set[str]]:
    return {name: {i for i in _imports(path) if i in MODULES and i != name} for name, path in MODULES.items()}


def _rank(module: str) -> int:
    parts = module.split(".")
    return RANKS.get(parts[1], TOP) if len(parts) > 1 else TOP


def test_stages_import_only_core_and_earlier_stages():
    wrong = [f"{m} (rank {_rank(m)}) imports {i} (rank {_rank(i)})"
             for m, deps in _graph().items() for i in deps if _rank(i) > _rank(m)]  # fmt: skip
    assert wrong == []


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return stack[stack.index(dep):] + [dep]
            if dep not in state and (found := visit(dep)):
                return found
        state[node] = 2
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_there_is_no_import_cycle():
    # A package importing its own submodules (re-exports in __init__) is not a cycle of modules.
    graph = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in _graph().items()}
    assert _cycle(graph) is None


def test_cycle_finder_finds_a_planted_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_is_over_about_400_lines():
    long = {name: n for name, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_coverage_lists_33_jurisdictions_as_json():
    out = subprocess.run([sys.executable, "-m", "pipeline", "coverage", "--format", "json"], capture_output=True,
                         text=True, check=True, cwd=REPO_DIR)  # fmt: skip
    rows = json.loads(out.stdout)
    assert len(rows) == 33 and rows[0]["code"] == "MX" and rows[0]["laws"] == "leyesbiblio"
    assert {r["code"] for r in rows[1:]} == {f"MX-{c}" for c in (
        "AGU BCN BCS CAM COA COL CHP CHH CMX DUR GUA GRO HID JAL MEX MIC MOR NAY NLE OAX PUE QUE ROO SLP SIN SON "
        "TAB TAM TLA VER YUC ZAC").split()}  # fmt: skip


def test_docs_coverage_md_is_regenerated_from_code():
    expected = render_markdown(coverage_rows(DataPaths(REPO_DIR / "data")))
    assert (REPO_DIR / "docs" / "coverage.md").read_text(encoding="utf-8") == expected, (
        "docs/coverage.md is stale: run `proteja coverage --format md --write docs/coverage.md`")
