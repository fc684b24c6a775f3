"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

#: ``../shared/real-samples`` relative to the repository root (never copied into the project).
REAL_SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-samples"


@pytest.fixture
def real_samples() -> Path:
    """The real-samples folder, or skip the test with the reason when it is absent."""
    if not REAL_SAMPLES.is_dir():
        pytest.skip("../shared/real-samples not present")
    return REAL_SAMPLES.resolve()
