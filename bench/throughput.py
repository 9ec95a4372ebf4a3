"""Throughput of the whole accord pipeline against spaCy's own `nlp.pipe`, in one run.

    python bench/throughput.py [--words 50000] [--repeat 3] [--workers N]

Texts: the real articles under ../shared (corpus/official, eval/seed, eval/quotes),
repeated until they hold at least --words words. Each side runs in its own process
(so each peak memory is its own), --repeat times; the best time of each is reported.
Prints articles/s, words/s, the time of every accord stage and the ratio to spaCy; accord runs
twice, with the event classifier and with the codebook's triggers alone, so the classifier's
cost is measured in the same run. With --workers N, accord also runs in N worker processes
(read, analyse, the rows each article would store; the workers load the model before the
clock starts), with its ratio to one process and each worker's peak memory.
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
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    queue.put({"total": time.perf_counter() - start, "peak_mb": _peak_mb()})


def run_rules_only(texts: list[str], queue) -> None:
    run_accord(texts, queue, rules_only=True)


def run_accord(texts: list[str], queue, rules_only: bool = False) -> None:
    from accord import nlp
    from accord.model import Analysis
    from accord.pipeline import STAGES, Pipeline
    from accord.read import make_article

    from accord.timex import find_dates

    pipeline = Pipeline(rules_only=rules_only)
    stages = dict.fromkeys(("read", "nlp", "dates", "actors", "events", "quotes", "stances", "checks"), 0.0)
    start = time.perf_counter()
    articles = [make_article(text, f"bench-{i}") for i, text in enumerate(texts)]
    stages["read"] = time.perf_counter() - start
    mark = time.perf_counter()
    parsed = list(nlp.parse(articles))
    stages["nlp"] = time.perf_counter() - mark
    for doc, article in parsed:  # the stages after nlp, as Pipeline.analyze_doc runs them, timed apart
        t0 = time.perf_counter()
        dates = find_dates(doc, article)
        t1 = time.perf_counter()
        actors = pipeline.resolve_actors(doc, article)
        t2 = time.perf_counter()
        events, _ = pipeline.code_events(doc, article, actors.actors, actors.mentions, dates)
        t3 = time.perf_counter()
        quotes = pipeline.extract_quotes(doc, article, actors.mentions, actors.actors)
        t4 = time.perf_counter()
        stances = pipeline.find_stances(doc, article, actors.mentions)
        t5 = time.perf_counter()
        pipeline.run_checks(doc, Analysis(article, STAGES, actors.as_of, actors.as_of_rule, actors.window, dates,
                                          actors.actors, actors.mentions, events, (), quotes, stances))  # fmt: skip
        stages["checks"] += time.perf_counter() - t5
        stages["dates"] += t1 - t0
        stages["actors"] += t2 - t1
        stages["events"] += t3 - t2
        stages["quotes"] += t4 - t3
        stages["stances"] += t5 - t4
    queue.put({"total": time.perf_counter() - start, "stages": stages, "peak_mb": _peak_mb()})


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
    queue.put({"total": total, "peak_mb": _peak_mb(), "worker_mb": worker_mb})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(target, texts: list[str], repeat: int, *args) -> dict:
    """Run `target` in fresh processes `repeat` times; keep the fastest run."""
    ctx = mp.get_context("spawn")
    runs = []
    for _ in range(repeat):
        queue = ctx.Queue()
        proc = ctx.Process(target=target, args=(texts, *args, queue))
        proc.start()
        runs.append(queue.get())
        proc.join()
    return min(runs, key=lambda r: r["total"])


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
    base = measure(run_spacy, texts, args.repeat)
    full = measure(run_accord, texts, args.repeat)
    rules = measure(run_rules_only, texts, args.repeat)
    rows = [("spaCy nlp.pipe (baseline)", base), ("accord full pipeline", full), ("accord, triggers alone", rules)]
    if args.workers > 1:
        parallel = measure(run_workers, texts, args.repeat, args.workers)
        rows.append((f"accord, {args.workers} worker processes", parallel))
    print(f"{'':34}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak MB':>9}")
    for name, run in rows:
        print(f"{name:34}{run['total']:9.2f}{len(texts) / run['total']:12.1f}{words / run['total']:10.0f}{run['peak_mb']:9.0f}")
    print(f"ratio accord / spaCy: {full['total'] / base['total']:.3f}")
    if args.workers > 1:
        print(f"throughput of {args.workers} worker processes / one process: {full['total'] / parallel['total']:.3f}"
              f"   (largest worker's peak memory {parallel['worker_mb']:.0f} MB)")  # fmt: skip
    print(f"ratio accord / accord with triggers alone (the classifier's cost): {full['total'] / rules['total']:.3f}")
    for stage, seconds in full["stages"].items():
        alone = rules["stages"][stage]
        print(f"  stage {stage:8}{seconds:8.2f} s   {100 * seconds / base['total']:5.1f}% of spaCy's time"
              f"   (triggers alone: {100 * alone / base['total']:5.1f}%)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
