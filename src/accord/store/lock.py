"""One ingest at a time per store: an exclusive lock on a file beside the database.

`writer_lock` takes `flock` on DB.lock, which holds the pid of the process writing. The
kernel lets the lock go when that process ends, however it ends, so a run killed with
SIGKILL leaves at most an unlocked file, which the next run takes over; a run that ends
removes the file. Worker processes do not hold it (their interpreters are spawned afresh).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreBusy, StoreError


@contextmanager
def writer_lock(db_path: str | Path) -> Iterator[None]:
    """Hold the store's writer lock for the block; raise StoreBusy at once if another
    process holds it."""
    path = Path(f"{db_path}.lock")
    fd = _locked(path, str(db_path))
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        path.unlink(missing_ok=True)  # before letting go, so no one locks a file about to vanish
        os.close(fd)


def _locked(path: Path, db_path: str) -> int:
    """Open and lock `path`; retry when the file locked was removed by a run ending meanwhile."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise StoreError(f"cannot create the lock file {path}: {err.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _pid(fd)
            os.close(fd)
            raise StoreBusy(db_path, holder) from None
        if _same_file(fd, path):
            return fd
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except FileNotFoundError:
        return False


def _pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return int(text) if text.isdigit() else None
