"""A fresh build of the committed data (the committed-publication test proves it equals data/processed)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from pipeline.build import build
from pipeline.core.paths import REPO_DIR, DataPaths


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> DataPaths:
    root = tmp_path_factory.mktemp("committed") / "data"
    for part in ("registry", "reference", "raw", "processed"):
        shutil.copytree(REPO_DIR / "data" / part, root / part)
    paths = DataPaths(root)
    build(paths)
    return paths


def cli(paths: DataPaths, *args: str, columns: int | None = None) -> subprocess.CompletedProcess:
    env = None
    if columns is not None:
        import os

        env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-m", "pipeline", "--data-dir", str(paths.root), *args],
                          capture_output=True, text=True, check=False, env=env, timeout=120)  # fmt: skip
