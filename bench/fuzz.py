"""Fuzzing `accord ingest`: bad inputs of every kind mixed with good articles, in one run.

    python bench/fuzz.py [--inputs 10000] [--seed 0] [--huge-every 500] [--keep DIR]

Writes the inputs (tests/fuzzing.py makes them: binary, empty, oversized, truncated gzip and
WARC, broken HTML and feeds, deep nesting, entity bombs, mixed encodings, control characters,
other languages, JSON Lines with wrong types, and good articles in every container and
encoding), runs `accord ingest` on them as one subprocess with a fresh store, and prints the
crashes (should be 0), the rejections by reason, and whether every good article was stored
exactly once. Exits 1 when any of that fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.fuzzing

from tests.fuzzing import fuzz_ingest  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--huge-every", type=int, default=500, help="one input in N is over the 5 MB limit")
    parser.add_argument("--keep", type=Path, help="write the inputs and the store here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-fuzz-") as tmp:
        run = fuzz_ingest(args.keep or Path(tmp), args.inputs, args.seed, args.huge_every)
    print(f"inputs {run.inputs:,} (seed {args.seed}), good articles mixed in {run.good:,}")
    print(f"ingest: {run.seconds:.1f} s, {run.inputs / run.seconds:.1f} inputs/s, exit code {run.exit_code}")
    print(f"  {run.summary}")
    print(f"crashes: {len(run.crashes)}")
    for crash in run.crashes[:5]:
        print("  " + crash[-1500:].replace("\n", "\n  "))
    print(f"rejections: {sum(run.reasons.values()):,} in {len(run.reasons)} kinds; without a reason: {len(run.unexplained)}")
    for reason, count in run.reasons.most_common():
        print(f"  {count:6,}  {reason[:150]}")
    print(f"good articles: stored once {run.good - len(run.missing) - len(run.duplicated):,} of {run.good:,}, "
          f"missing {len(run.missing)}, duplicated {len(run.duplicated)}")
    for marker in (run.missing + run.duplicated)[:10]:
        print(f"  {marker}")
    return 1 if run.crashes or run.unexplained or run.missing or run.duplicated else 0


if __name__ == "__main__":
    sys.exit(main())
