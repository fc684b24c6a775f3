"""One writer at a time: an advisory lock on the raw store, shared by ``refresh`` and ``build``.

A refresh writes the raw store and a build reads it and replaces ``data/processed``; either one
started while the other (or a second of its kind) runs waits up to ``timeout`` seconds and then
fails with :class:`StoreLocked`, naming what holds the lock (build or refresh, pid, since when). The lock is an
``flock`` on ``<root>/.lock``: the kernel releases it when the holder exits, even on a crash, so
there are no stale locks to clean up.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path


class StoreLocked(RuntimeError):
    """Another process (or another build/refresh in this one) holds the raw store."""


class StoreLock:
    """Context manager: ``with StoreLock(root, timeout=60): ...``."""

    def __init__(
        self,
        root: Path | str,
        *,
        timeout: float = 60.0,
        poll: float = 0.05,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        purpose: str = "refresh",
    ):
        self.path = Path(root) / ".lock"
        self.purpose = purpose
        self.timeout = timeout
        self.poll = poll
        self._sleep = sleep
        self._clock = clock
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = self._clock() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if self._clock() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise StoreLocked(
                        f"cannot {self.purpose}: the data directory {self.path.parent.parent} is busy, "
                        f"{holder}; waited {self.timeout:g} s. Try again when it finishes."
                    ) from None
                self._sleep(self.poll)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"a {self.purpose} (pid {os.getpid()}) holds it since {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    text = os.pread(fd, 200, 0).decode("utf-8", errors="replace").strip()
    return text or "holder unknown"
