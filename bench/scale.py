"""Ingest at growing sizes: time and peak memory at each, to see time grow linearly and
memory stay flat.

    python bench/scale.py [--sizes 1000,5000,10000] [--workers 1]

Articles: the shared real texts (../shared, as bench/throughput.py reads them), each copy
varied so none collapses as a duplicate of another: a window of one text's sentences with a
sentence of another text, a dateline, an outlet and a publication date of its own. Each size
is ingested into a fresh store by a real `accord ingest` process; its process tree's memory
is sampled while it runs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

from throughput import SHARED, load_texts

OUTLETS = ["Example Wire", "Daily Ledger", "Evening Post", "Border Monitor", "Capital Times", "Harbour Herald",
           "Northern Star", "Valley Courier", "Coast Gazette", "Plains Record", "Island Observer", "Metro Bulletin"]  # fmt: skip
CITIES = ["KYIV", "MOSCOW", "GENEVA", "ISTANBUL", "DOHA", "WASHINGTON", "BRUSSELS", "CAIRO", "GOMA", "RIYADH"]
CLI = [sys.executable, "-c", "from accord.cli import main; main()", "ingest"]


def varied_corpus(size: int, seed: int = 7) -> list[dict]:
    """`size` JSON Lines records made from the shared real texts, no two alike."""
    rng = random.Random(seed)
    texts = [_sentences(t) for t in load_texts(1)]
    start = date(2023, 1, 1)
    records = []
    for n in range(size):
        own = texts[n % len(texts)]
        length = rng.randint(3, 8)
        first = rng.randrange(max(1, len(own) - length + 1))
        body = own[first : first + length] + [rng.choice(rng.choice(texts))]
        day = start + timedelta(days=rng.randrange(3 * 365))
        records.append({
            "text": f"{rng.choice(CITIES)}, {day:%B} {day.day} ({n}) - " + " ".join(body),
            "source": rng.choice(OUTLETS), "published": day.isoformat(), "url": f"https://example.org/{n}",
        })  # fmt: skip
    return records


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+", text) if len(s.split()) > 3]


def write_corpus(folder: Path, size: int) -> Path:
    path = folder / f"corpus-{size}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in varied_corpus(size)), encoding="utf-8")
    return path


def run_ingest(args: list[str]) -> dict:
    """Run one `accord ingest`; return its seconds, exit code and peak memory (MB) of its
    largest process and of its whole process tree."""
    begin = time.perf_counter()
    proc = subprocess.Popen(CLI + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    top, largest, total = psutil.Process(proc.pid), 0, 0
    while proc.poll() is None:
        try:
            sizes = [p.memory_info().rss for p in [top, *top.children(recursive=True)]]
        except psutil.Error:  # a process ended while it was read
            continue
        largest, total = max(largest, max(sizes)), max(total, sum(sizes))
        time.sleep(0.2)
    return {"seconds": time.perf_counter() - begin, "code": proc.returncode, "out": proc.stdout.read().strip(),
            "largest_mb": largest / 2**20, "total_mb": total / 2**20}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated numbers of articles")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"the benchmark reads real texts from {SHARED}, which is absent", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"accord ingest --workers {args.workers}, one fresh store per size")
    print(f"{'articles':>9}{'seconds':>9}{'art/s':>8}{'s per 1k':>10}{'vs first':>9}{'peak MB (largest process)':>27}{'(tree)':>8}")
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        options = ["--workers", str(args.workers)]
        startup = run_ingest([str(write_corpus(folder, 1)), "--db", str(folder / "1.db"), *options])
        print(f"startup (one article): {startup['seconds']:.1f} s, {startup['largest_mb']:.0f} MB; "
              "per-1k figures leave it out")  # fmt: skip
        for size in sizes:
            run = run_ingest([str(write_corpus(folder, size)), "--db", str(folder / f"{size}.db"), *options])
            if run["code"] != 0:
                print(f"ingest of {size} articles ended with code {run['code']}: {run['out']}", file=sys.stderr)
            per_1k = 1000 * (run["seconds"] - startup["seconds"]) / size
            first = first or per_1k
            print(f"{size:9}{run['seconds']:9.1f}{size / run['seconds']:8.1f}{per_1k:10.1f}{per_1k / first:9.2f}"
                  f"{run['largest_mb']:27.0f}{run['total_mb']:8.0f}")  # fmt: skip
            print(f"  {run['out']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
