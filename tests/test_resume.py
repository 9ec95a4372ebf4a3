"""Resumable ingest: a real `accord ingest` process killed with SIGKILL at random points, then
run again, ends with the store one uninterrupted run makes: every article once, every record
present, every article in one story, the findings across outlets recomputed, integrity ok."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import psutil
import pytest

from accord.ingest import ingest

from .test_scale import TEXTS, assert_same_store

PLACES = ["Kyiv", "Geneva", "Istanbul", "Doha", "Riyadh", "Cairo"]
CLI = [sys.executable, "-c", "from accord.cli import main; main()", "ingest"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """24 short articles, each text varied so none is a copy of another."""
    folder = tmp_path_factory.mktemp("resume-corpus")
    for n in range(24):
        extra = f" Talks are due to resume in {PLACES[n % len(PLACES)]} within {n + 2} days, a spokesman said."
        (folder / f"a{n:02d}.txt").write_text(TEXTS[n % len(TEXTS)] + extra, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    assert ingest([str(corpus)], db, published=None).stored == 24
    return db


def stored(db) -> int:
    """The articles stored so far, read while the writer works (0 before the table exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def kill_at_random(args: list[str], db, rng: random.Random, early: float = 0.25) -> tuple[int, list[int]]:
    """Start an ingest and SIGKILL it while it starts (with probability `early`) or just after
    it stores an article; return its exit code and the pids of its worker processes."""
    proc = subprocess.Popen(CLI + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if rng.random() < early:
        time.sleep(rng.uniform(0.2, 3.0))  # while it imports, migrates or loads the model
    else:
        before = stored(db)
        while proc.poll() is None and stored(db) <= before:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.3))  # somewhere in the storing of the next articles
    children = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)] if proc.poll() is None else []
    proc.send_signal(signal.SIGKILL)
    return proc.wait(), children


def kill_as_workers_start(args: list[str]) -> list[int]:
    """Start an ingest with worker processes and SIGKILL it the moment they exist (they are
    still starting); return their pids."""
    proc = subprocess.Popen(CLI + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list = []
    while proc.poll() is None and len(children) < 3:  # the resource tracker and two workers
        children = psutil.Process(proc.pid).children(recursive=True)
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    return [c.pid for c in children]


def assert_all_leave(pids: list[int]) -> None:
    deadline = time.monotonic() + 15
    while any(_running(p) for p in pids):
        assert time.monotonic() < deadline, "worker processes outlived their killed writer"
        time.sleep(0.2)


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def assert_whole(db, reference) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*) FROM ingest_runs WHERE finished_at IS NULL").fetchone()[0] == 0
    assert_same_store(reference, db)  # every article once, every record, every story and finding


def test_an_ingest_killed_several_times_then_run_again_loses_and_repeats_nothing(corpus, reference, tmp_path):
    rng = random.Random(int(os.environ.get("ACCORD_KILL_SEED", "12")))
    db = tmp_path / "killed.db"
    args = [str(corpus), "--db", str(db)]
    codes = [kill_at_random(args, db, rng)[0] for _ in range(3)]
    assert -signal.SIGKILL in codes  # at least one run really was killed (not all finished first)
    finished = subprocess.run(CLI + args, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert_whole(db, reference)


def test_a_killed_writer_with_worker_processes_resumes_and_its_workers_leave(corpus, reference, tmp_path):
    db = tmp_path / "workers.db"
    args = [str(corpus), "--db", str(db), "--workers", "2"]
    assert_all_leave(kill_as_workers_start(args))
    code, workers = kill_at_random(args, db, random.Random(3), early=0)
    assert code == -signal.SIGKILL and workers
    assert_all_leave(workers)
    finished = subprocess.run(CLI + args, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert_whole(db, reference)
