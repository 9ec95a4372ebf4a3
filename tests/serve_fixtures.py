"""A real accord server for tests: uvicorn on a free local port over a real store.

    from tests.serve_fixtures import examples_store, serve   # the fixture and the server

    def test_something(examples_store):
        with serve(examples_store) as base_url:
            ...
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner

from accord.cli import main
from accord.serve import create_app

from .conftest import EXAMPLES


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db_path: str | Path) -> Iterator[str]:
    """Run the accord app over the store at `db_path` in a uvicorn thread; yield its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def ingest(paths: list[str | Path], db_path: Path) -> Path:
    """Ingest `paths` into a store at `db_path` with the real CLI; return the path."""
    result = CliRunner().invoke(main, ["ingest", *map(str, paths), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return db_path


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory) -> Path:
    """A store holding the analysed examples/ (built once per test session)."""
    return ingest([EXAMPLES], tmp_path_factory.mktemp("serve") / "examples.db")
