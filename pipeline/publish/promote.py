"""Publish a candidate folder as ``data/processed/`` in one step, and tell whether a publication is current.

``data/processed`` stays a real directory (its files are committed and README names their paths).
The candidate is a complete sibling folder; after every file and folder in it is fsynced it is
exchanged with ``data/processed`` by one ``renameat2(RENAME_EXCHANGE)``: a reader opening
``data/processed/...`` sees the old publication whole or the new one whole, never a mix. Where
the kernel or filesystem lacks the exchange, two renames are used and :func:`recover` (run at the
start of every build, under the lock) puts the last whole publication back if a crash fell
between them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import json
import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
#: Where the previous publication waits while the fallback (two renames) is half done.
OLD_SUFFIX = ".previous"


def swap_into_place(candidate: Path, processed: Path) -> None:
    """Make ``candidate`` the publication at ``processed``; the old publication is removed."""
    _carry_over(processed, candidate)
    fsync_tree(candidate)
    if not processed.exists():
        os.rename(candidate, processed)
    elif not _exchange(candidate, processed):
        _two_renames(candidate, processed)
    _fsync_dir(processed.parent)
    shutil.rmtree(candidate, ignore_errors=True)  # now the previous publication


def recover(processed: Path) -> None:
    """Finish or undo a fallback swap a crash interrupted; drop the leftovers of an exchange."""
    old = processed.with_name(processed.name + OLD_SUFFIX)
    if old.exists() and not processed.exists():
        log.warning("restoring the previous publication from %s (a publish was interrupted)", old)
        os.rename(old, processed)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # no exchange here: use the fallback
    raise OSError(code, f"cannot exchange {a} and {b}: {os.strerror(code)}")


def _two_renames(candidate: Path, processed: Path) -> None:
    old = processed.with_name(processed.name + OLD_SUFFIX)
    os.rename(processed, old)
    os.rename(candidate, processed)
    os.rename(old, candidate)  # swap_into_place removes it


def _carry_over(processed: Path, candidate: Path) -> None:
    """Files the build does not produce (a refresh summary, a README) stay in the publication."""
    if not processed.is_dir():
        return
    for src in processed.rglob("*"):
        dest = candidate / src.relative_to(processed)
        skipped = "validation" in src.parts or src.suffix == ".wal"  # the gate's report and the DB log are per build
        if src.is_file() and not src.is_symlink() and not dest.exists() and not skipped:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)


def fsync_tree(root: Path) -> None:
    """fsync every file and folder under ``root`` so the swap never exposes unwritten data."""
    for folder, _dirs, files in os.walk(root):
        for name in files:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(folder))


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publication_intact(processed: Path) -> bool:
    """Every file datapackage.json lists exists with its recorded size and sha256."""
    try:
        package = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
        for resource in package["resources"]:
            path = processed / resource["path"]
            if path.stat().st_size != resource["bytes"]:
                return False
            if f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}" != resource["hash"]:
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True
