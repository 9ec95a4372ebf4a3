"""Raise the floors in baseline.json to today's scores (never lowers one).

    .venv/bin/python tests/eval/raise_floors.py
"""

import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from accord.pipeline import Pipeline  # noqa: E402
from tests.test_quality_gates import RUNS, gold  # noqa: E402  (the gates' own gold sets and scorers)


def main() -> None:
    path = HERE / "baseline.json"
    baseline = json.loads(path.read_text())
    pipeline = Pipeline()
    for kind, sets in baseline.items():
        if kind.startswith("_"):
            continue
        for name, floors in sets.items():
            scores = RUNS[kind](gold(kind, name), pipeline)
            for metric, floor in floors.items():
                floors[metric] = max(floor, math.floor(scores[metric] * 1000) / 1000)
    path.write_text(json.dumps(baseline, indent=2) + "\n")
    print(json.dumps(baseline, indent=2))


if __name__ == "__main__":
    main()
