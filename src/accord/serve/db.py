"""Read-only access to the store for the HTTP server: it never writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from fastapi import Request

from ..errors import StoreError


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to the store at `path` (rows as sqlite3.Row).

    Raises StoreError when there is no store there."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"no store at {path}: run `accord ingest` first, or pass --db")
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA query_only=ON")
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as err:
        raise StoreError(f"cannot open the store {path} read-only: {err}") from None
    return db


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """FastAPI dependency: a read-only connection to the app's store, closed after the request."""
    db = open_readonly(request.app.state.db_path)
    try:
        yield db
    finally:
        db.close()
