"""Throughput of the whole accord pipeline against spaCy's own `nlp.pipe`, in one run.

    python bench/throughput.py [--words 50000] [--repeat 3] [--workers N]

Texts: the real articles under ../shared (corpus/official, eval/seed, eval/quotes),
repeated until they hold at least --words words. Each side runs in its own process
(so each peak memory is its own), --repeat times; the best time of each is reported.
Each side runs in turn, so a shared machine's load falls on all alike; times are the
process's CPU time (wall time is printed too, and compares worker processes with one).
Prints articles/s, words/s, the time of every accord stage and the ratio to spaCy; accord runs
twice, with the event classifier and with the codebook's triggers alone, so the classifier's
cost is measured in the same run. With --workers N, accord also runs in N worker processes
(read, analyse, the rows each article would store; the workers load the model before the
clock starts) and in one worker process doing the same, with the ratio of the two and the
largest worker's peak memory.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def load_texts(min_words: int) -> list[str]:
    """The shared real texts, repeated to at least `min_words` words."""
    texts = []
    for path in (SHARED / "corpus" / "official" / "articles.jsonl", SHARED / "eval" / "quotes" / "quotes.jsonl"):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts.append((SHARED / "eval" / "seed" / "article.txt").read_text(encoding="utf-8"))
    corpus, words = [], 0
    while words < min_words:
        for text in texts:
            corpus.append(text)
            words += len(text.split())
    return corpus


def run_spacy(texts: list[str], queue) -> None:
    import spacy

    from accord.nlp import MODEL

    nlp = spacy.load(MODEL)
    start, wall = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    queue.put({"total": time.process_time() - start, "wall": time.perf_counter() - wall, "peak_mb": _peak_mb()})


def run_rules_only(texts: list[str], queue) -> None:
    run_accord(texts, queue, rules_only=True)


def run_accord(texts: list[str], queue, rules_only: bool = False) -> None:
    from accord.model import Analysis
    from accord.pipeline import STAGES, Pipeline
    from accord.read import make_article
    from accord.timex import find_dates

    pipeline = Pipeline(rules_only=rules_only)
    make_article(texts[0], "warm-up")  # loads the language identifier, as loading the pipeline loads the model
    stages = dict.fromkeys(("read", "nlp", "dates", "actors", "events", "quotes", "stances", "checks"), 0.0)
    start, wall = time.process_time(), time.perf_counter()
    articles = [make_article(text, f"bench-{i}") for i, text in enumerate(texts)]
    stages["read"] = time.process_time() - start
    mark = time.process_time()
    parsed = list(pipeline.parse(articles))
    stages["nlp"] = time.process_time() - mark
    for doc, article in parsed:  # the stages after nlp, as Pipeline.analyze_doc runs them, timed apart
        t0 = time.process_time()
        dates = find_dates(doc, article)
        t1 = time.process_time()
        actors = pipeline.resolve_actors(doc, article)
        t2 = time.process_time()
        events, _ = pipeline.code_events(doc, article, actors.actors, actors.mentions, dates)
        t3 = time.process_time()
        quotes = pipeline.extract_quotes(doc, article, actors.mentions, actors.actors)
        t4 = time.process_time()
        stances = pipeline.find_stances(doc, article, actors.mentions)
        t5 = time.process_time()
        pipeline.run_checks(doc, Analysis(article, STAGES, actors.as_of, actors.as_of_rule, actors.window, dates,
                                          actors.actors, actors.mentions, events, (), quotes, stances))  # fmt: skip
        stages["checks"] += time.process_time() - t5
        stages["dates"] += t1 - t0
        stages["actors"] += t2 - t1
        stages["events"] += t3 - t2
        stages["quotes"] += t4 - t3
        stages["stances"] += t5 - t4
    queue.put({"total": time.process_time() - start, "wall": time.perf_counter() - wall, "stages": stages, "peak_mb": _peak_mb()})


def run_workers(texts: list[str], workers: int, queue) -> None:
    from accord.parallel import WorkerProcesses
    from accord.read import make_article

    with WorkerProcesses((), workers) as pool:
        pool.ready()
        start = time.perf_counter()
        for _ in pool.analyse(make_article(text, f"bench-{i}") for i, text in enumerate(texts)):
            pass
        total = time.perf_counter() - start
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker
    queue.put({"total": total, "wall": total, "peak_mb": _peak_mb(), "worker_mb": worker_mb})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(targets: dict, texts: list[str], repeat: int) -> dict:
    """Run each of `targets` (name -> (function, extra args)) in a fresh process, taking turns,
    `repeat` times; keep each one's fastest run. Taking turns spreads a shared machine's load
    over all of them alike."""
    ctx = mp.get_context("spawn")
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    for _ in range(repeat):
        for name, (target, args) in targets.items():
            queue = ctx.Queue()
            proc = ctx.Process(target=target, args=(texts, *args, queue))
            proc.start()
            runs[name].append(queue.get())
            proc.join()
    return {name: min(found, key=lambda r: r["total"]) for name, found in runs.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="also run accord in N worker processes")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"the benchmark reads real texts from {SHARED}, which is absent", file=sys.stderr)
        return 2
    texts = load_texts(args.words)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words; best of {args.repeat} runs each, one process per run")
    targets = {"base": (run_spacy, ()), "full": (run_accord, ()), "rules": (run_rules_only, ())}
    if args.workers > 1:  # one worker process against N: the same work (rows included) on the same path
        targets["one worker"] = (run_workers, (1,))
        targets["parallel"] = (run_workers, (args.workers,))
    found = measure(targets, texts, args.repeat)
    base, full, rules = found["base"], found["full"], found["rules"]
    rows = [("spaCy nlp.pipe (baseline)", base), ("accord full pipeline", full), ("accord, triggers alone", rules)]
    print("CPU seconds of the process (the machine may be shared; CPU time is what each side costs), and wall seconds")
    print(f"{'':34}{'CPU s':>8}{'wall s':>8}{'articles/s':>12}{'words/s':>10}{'peak MB':>9}")
    for name, run in rows:
        print(f"{name:34}{run['total']:8.2f}{run['wall']:8.2f}{len(texts) / run['total']:12.1f}{words / run['total']:10.0f}{run['peak_mb']:9.0f}")
    print(f"ratio accord / spaCy (CPU time): {full['total'] / base['total']:.3f}; throughput accord / spaCy: {base['total'] / full['total']:.3f}")
    if args.workers > 1:
        one, parallel = found["one worker"], found["parallel"]
        print(f"1 worker process, wall seconds: {one['wall']:.2f}; {args.workers} worker processes: {parallel['wall']:.2f}")
        print(f"throughput of {args.workers} worker processes / one (wall time): {one['wall'] / parallel['wall']:.3f}"
              f"   (largest worker's peak memory {parallel['worker_mb']:.0f} MB)")  # fmt: skip
    print(f"ratio accord / accord with triggers alone (the classifier's cost): {full['total'] / rules['total']:.3f}")
    for stage, seconds in full["stages"].items():
        alone = rules["stages"][stage]
        print(f"  stage {stage:8}{seconds:8.2f} s   {100 * seconds / base['total']:5.1f}% of spaCy's time"
              f"   (triggers alone: {100 * alone / base['total']:5.1f}%)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
