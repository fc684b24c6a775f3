"""Run expectations on pandas frames with great-expectations 1.x, offline and quietly.

GX is imported here, lazily (about 2–6 s): only validation pays for it. Frames go through GX's
pandas datasource of an ephemeral context; GX cannot read DuckDB through SQLAlchemy and
duckdb-engine (every expectation fails, GX issue #10738), so the suites load frames themselves.

pandas 3 notes, checked with GX 1.24.1 and pandas 3.1: the new ``str`` dtype works as is, but
DuckDB hands dates over as ``datetime64[us]``, which GX's ``column_values.between`` does not
treat as a datetime column; it then compares value by value and raises on ``str`` or ``date``
bounds. The date expectations therefore use ``datetime`` bounds (see expectations._date_checks).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
from typing import Any

import pandas as pd

#: How many offending values a result keeps.
SAMPLE_SIZE = 5


class GxRunner:
    """One ephemeral GX context with one pandas dataframe asset, reused for every frame."""

    def __init__(self) -> None:
        # Analytics off before GX reads its environment; no progress bars; no network at all.
        os.environ["GX_ANALYTICS_ENABLED"] = "False"
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        _quiet_gx_loggers()
        self.gx = gx
        self.version = gx.__version__
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        asset = self.context.data_sources.add_pandas("proteja").add_dataframe_asset("frame")
        self.batch_definition = asset.add_batch_definition_whole_dataframe("whole")
        self._suites = 0

    def expectation(self, expectation_type: str, kwargs: dict, check_id: int):
        from great_expectations.expectations.registry import get_expectation_impl

        return get_expectation_impl(expectation_type)(**kwargs, meta={"check_id": check_id})

    def run(self, frame: pd.DataFrame, expectations: list[tuple[str, dict]]) -> list[dict]:
        """Validate ``frame`` against the expectations; one outcome dict per expectation, in order."""
        self._suites += 1
        suite = self.gx.ExpectationSuite(name=f"suite-{self._suites}")
        for check_id, (expectation_type, kwargs) in enumerate(expectations):
            suite.add_expectation(self.expectation(expectation_type, kwargs, check_id))
        batch = self.batch_definition.get_batch(batch_parameters={"dataframe": frame})
        validation = batch.validate(suite, result_format={"result_format": "SUMMARY",
                                                          "partial_unexpected_count": 20})  # fmt: skip
        outcomes: list[dict | None] = [None] * len(expectations)
        for result in validation.results:
            outcomes[result.expectation_config.meta["check_id"]] = outcome(result)
        return [o if o is not None else {"success": False, "unexpected": [], "details": {"error": "no result"}}
                for o in outcomes]  # fmt: skip


def _quiet_gx_loggers() -> None:
    """Some GX modules pin their logger to INFO (e.g. "Created temporary directory ..."): raise them."""
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if name.startswith("great_expectations") and isinstance(logger, logging.Logger):
            logger.setLevel(logging.WARNING)


def outcome(result) -> dict:
    """A GX ExpectationValidationResult as a small JSON-able dict: success, a few values, details."""
    info = result.result or {}
    details: dict[str, Any] = {}
    for key in ("observed_value", "element_count", "unexpected_count", "missing_count"):
        if key in info:
            details[key] = plain(info[key])
    error = _exception_message(result.exception_info)
    if error:
        details["error"] = error
    unexpected = _sample(info.get("partial_unexpected_list") or [])
    return {"success": bool(result.success) and not error, "unexpected": unexpected, "details": details}


def _exception_message(info) -> str | None:
    """GX reports exceptions either flat or keyed by metric id; a check that raised has failed."""
    if not info:
        return None
    entries = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    for entry in entries:
        if entry.get("raised_exception"):
            message = entry.get("exception_message") or "exception"
            return str(message).splitlines()[0][:300]
    return None


def _sample(values: list) -> list:
    seen: list = []
    for value in values:
        value = plain(value)
        if value not in seen:
            seen.append(value)
        if len(seen) == SAMPLE_SIZE:
            break
    return seen


def plain(value):
    """Make a value JSON-able and readable: dates as ISO strings, NaN/NaT as None, numpy as Python."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, pd.Timestamp | dt.datetime):
        if pd.isna(value):
            return None
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def frame_rows(frame: pd.DataFrame, limit: int = SAMPLE_SIZE) -> list[dict]:
    """The first rows of a frame of violations, JSON-able."""
    return [{str(k): plain(v) for k, v in row.items()} for row in frame.head(limit).to_dict("records")]
