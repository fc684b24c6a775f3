"""SIL (Sistema de Información Legislativa, SEGOB): federal initiatives on trafficking and their status."""

from pipeline.sources.federal.sil.source import (
    DETAIL_URL,
    INFO,
    INSPECT_KINDS,
    SOURCE,
    DetailPage,
    SearchPage,
    SilSource,
    Status,
    search_url,
    split_status,
    status_event,
)  # fmt: skip

__all__ = [
    "DETAIL_URL", "INFO", "INSPECT_KINDS", "SOURCE", "DetailPage", "SearchPage", "SilSource", "Status", "search_url",
    "split_status", "status_event",
]  # fmt: skip
