"""One ingest at a time per store: two real `accord ingest` processes on one database. The
second stops at once with a message naming the first; a lock left by a process killed with
SIGKILL blocks nothing."""

import signal
import subprocess
import time

import pytest

from accord.errors import StoreBusy
from accord.ingest import ingest

from .test_resume import CLI, assert_whole, corpus, reference, stored  # noqa: F401 (fixtures)


def holding_the_lock(args: list[str], db) -> subprocess.Popen:
    """Start an ingest that reads the corpus and then standard input, and return it once it
    holds the store's lock: it keeps it until the test closes its standard input."""
    proc = subprocess.Popen(CLI + [*args, "-"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lock = db.with_name(db.name + ".lock")
    while proc.poll() is None and not (lock.exists() and lock.read_text().strip() == str(proc.pid)):
        time.sleep(0.02)
    assert proc.poll() is None, proc.stderr.read()
    return proc


def test_a_second_ingest_into_the_same_store_stops_at_once_and_the_first_finishes(corpus, reference, tmp_path):
    db = tmp_path / "shared.db"
    args = [str(corpus), "--db", str(db)]
    first = holding_the_lock(args, db)
    second = subprocess.run(CLI + args, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert second.returncode == 3, second.stderr  # it stopped: had it waited, it would have ended 0
    assert f"another ingest is writing to {db} (pid {first.pid}); wait for it to end or use another --db" in second.stderr
    assert "Traceback" not in second.stderr
    with pytest.raises(StoreBusy) as busy:
        ingest([str(corpus)], db)  # the Python API says the same
    assert busy.value.pid == first.pid
    _, errors = first.communicate((corpus / "a00.txt").read_bytes())  # an article it stored already
    assert first.returncode == 0, errors
    assert_whole(db, reference)  # the store one uninterrupted run makes: nothing doubled or lost
    assert not (tmp_path / "shared.db.lock").exists()  # a run that ends takes its lock file away


def test_the_lock_of_an_ingest_killed_with_sigkill_blocks_nothing(corpus, reference, tmp_path):
    db = tmp_path / "killed.db"
    args = [str(corpus), "--db", str(db)]
    killed = subprocess.Popen(CLI + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while killed.poll() is None and stored(db) == 0:
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    assert killed.wait() == -signal.SIGKILL
    lock = tmp_path / "killed.db.lock"
    assert lock.read_text().strip() == str(killed.pid)  # left behind, but nobody holds it
    again = subprocess.run(CLI + args, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert_whole(db, reference)
    assert not lock.exists()
