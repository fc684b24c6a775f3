"""Per-host politeness: at least ``interval`` seconds between two requests to the same host.

The clock and the sleep are injected so tests run instantly (a fake clock that ``sleep`` advances).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class HostThrottle:
    """Remembers when each host was last asked and waits until ``interval`` has passed."""

    def __init__(self, *, sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, interval: float, *, at_least: float = 0.0) -> float:
        """Sleep until ``host`` may be asked again (and at least ``at_least`` s); return seconds slept."""
        with self._lock:
            now = self._clock()
            last = self._last.get(host)
            due = 0.0 if last is None else max(0.0, last + interval - now)
            delay = max(due, at_least)
            if delay > 0:
                self._sleep(delay)
            self._last[host] = self._clock()
            return delay

    def mark(self, host: str) -> None:
        """Record that a request to ``host`` just ended (slow answers push the next one back)."""
        with self._lock:
            self._last[host] = self._clock()
