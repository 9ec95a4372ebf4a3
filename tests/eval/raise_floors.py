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
        if kind not in RUNS:
            continue
        for name, floors in sets.items():
            scores = RUNS[kind](gold(kind, name), pipeline)
            _raise(floors, scores)
            if kind == "findings":
                for finding, kind_floors in baseline["findings_per_kind"].get(name, {}).items():
                    _raise(kind_floors, scores["per_kind"].get(finding, {}))
    path.write_text(json.dumps(baseline, indent=2) + "\n")
    print(json.dumps(baseline, indent=2))


def _raise(floors: dict, scores: dict) -> None:
    for metric, floor in floors.items():
        floors[metric] = max(floor, math.floor(scores.get(metric, 0.0) * 1000) / 1000)


if __name__ == "__main__":
    main()
