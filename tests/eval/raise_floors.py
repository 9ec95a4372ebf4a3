"""Raise the floors in baseline.json to today's scores (never lowers one).

    .venv/bin/python tests/eval/raise_floors.py
"""

import json
import math
from pathlib import Path

from accord.evaluate.actors import evaluate_actors
from accord.evaluate.events import evaluate_events
from accord.evaluate.quotes import evaluate_quotes
from accord.pipeline import Pipeline

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
GOLD = {
    "plover_gsr": ROOT.parent / "shared" / "eval" / "plover_gsr",
    "news": ROOT / "tests" / "data" / "events_news.jsonl",
    "dev": ROOT.parent / "shared" / "eval" / "quotes" / "quotes.jsonl",
}
RUNS = {"events": evaluate_events, "actors": evaluate_actors, "quotes": evaluate_quotes}


def main() -> None:
    path = HERE / "baseline.json"
    baseline = json.loads(path.read_text())
    pipeline = Pipeline()
    for kind, sets in baseline.items():
        if kind.startswith("_"):
            continue
        for name, floors in sets.items():
            scores = RUNS[kind](GOLD[name], pipeline)
            for metric, floor in floors.items():
                floors[metric] = max(floor, math.floor(scores[metric] * 1000) / 1000)
    path.write_text(json.dumps(baseline, indent=2) + "\n")
    print(json.dumps(baseline, indent=2))


if __name__ == "__main__":
    main()
