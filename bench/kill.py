"""Kill an ingest again and again (SIGKILL, at random points), finish it, and count what was
lost or duplicated against one uninterrupted ingest of the same corpus.

    python bench/kill.py [--kills 20] [--articles 600] [--workers 1] [--seed 1]

The corpus is bench/scale.py's: the shared real texts, varied. Each killed run is a real
`accord ingest` process; a quarter are killed while they start (import, migrate, load the
model), the rest at a random moment after they stored their first article. Prints, table by
table, the rows lost and duplicated, the articles in no story, and PRAGMA integrity_check.
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale import CLI, SHARED, run_ingest, write_corpus

from accord.ingest import compare_stores


def stored(db: Path) -> int:
    """Articles stored so far, read beside the running writer."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as con:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def kill_once(args: list[str], db: Path, rng: random.Random, startup: float) -> str:
    """Start an ingest, SIGKILL it at a random point; say when it was killed."""
    proc = subprocess.Popen(CLI + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    before = stored(db)
    if rng.random() < 0.25:
        time.sleep(rng.uniform(0, startup))
        when = "starting"
    else:
        while proc.poll() is None and stored(db) <= before:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 2.0))
        when = "storing"
    if proc.poll() is not None:
        return "finished before the kill"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return f"killed while {when} ({stored(db) - before} stored)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"the benchmark reads real texts from {SHARED}, which is absent", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_corpus(folder, args.articles)
        options = ["--workers", str(args.workers)]
        reference = run_ingest([str(corpus), "--db", str(folder / "reference.db"), *options])
        print(f"{args.articles} articles; one uninterrupted ingest: {reference['seconds']:.1f} s ({reference['out']})")
        db = folder / "killed.db"
        for n in range(1, args.kills + 1):
            print(f"  run {n:2}: {kill_once([str(corpus), '--db', str(db), *options], db, rng, 10.0)}, {stored(db)} in the store")
        last = run_ingest([str(corpus), "--db", str(db), *options])
        print(f"  the run after the kills: {last['out']}")
        differences = compare_stores(folder / "reference.db", db)
        with sqlite3.connect(db) as con:
            integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
            unplaced = con.execute("SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_members)").fetchone()[0]
    lost_articles, duplicated_articles = differences["articles"]
    print(f"after {args.kills} kills: lost {lost_articles} articles, duplicated {duplicated_articles}; "
          f"{unplaced} articles in no story; integrity_check: {integrity}")  # fmt: skip
    print(f"rows lost / duplicated by table: " + ", ".join(f"{t} {m}/{e}" for t, (m, e) in sorted(differences.items())))
    lost, duplicated = sum(m for m, _ in differences.values()), sum(e for _, e in differences.values())
    print(f"total rows lost {lost}, duplicated {duplicated}")
    return 0 if (lost, duplicated, unplaced, integrity) == (0, 0, 0, "ok") else 1


if __name__ == "__main__":
    sys.exit(main())
