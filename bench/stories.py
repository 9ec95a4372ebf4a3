"""Stories at scale: clustering and the cross-outlet checks over synthetic corpora of growing size.

    .venv/bin/python bench/stories.py [--sizes 1000,5000,10000] [--repeat 1] [--store-size 1000] [--seed 7]

Corpora are invented, deterministically from the seed: N articles in about N/4 stories over a
year, each story with its own invented town, people, group and operation (and a region shared
with a few stories), so its articles share rare words other stories lack, in news sentences over
a common vocabulary; about 10% are wire copies (another article of the story, one sentence
dropped). Each article carries accord.model.Claims (toll, truce length, date, place, quote)
spanning its words, some planted to disagree, and names its people as actors (no event places:
those need coded events). spaCy is never run: this measures the clustering (profile() and
StoryIndex.add, article by article) and the checks (StoryComparer over every story), not parsing.

Each size runs in a fresh process; times are wall clock and CPU, the fastest of --repeat runs (the
CPU time is what to compare on a shared machine). Memory: the tracemalloc peak of the Python heap (numpy included) over a
second, untimed run of clustering + checks, per article too; and the process's ru_maxrss. Quality:
pair precision and recall against the generated stories; copies against those planted. Then the
store's path (Store.save, StoryBook.place, refresh on a real SQLite file) at --store-size.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import re
import resource
import tempfile
import time
import tracemalloc
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time as clock, timedelta, timezone
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from accord.checks.vocabulary import load as load_vocabulary
from accord.model import Actor, Analysis, Article, Claim, Finding, Span
from accord.read.text import article_id
from accord.store.db import Store
from accord.store.stories import StoryBook
from accord.stories.compare import Member, StoryComparer
from accord.stories.index import StoryIndex
from accord.stories.profile import profile

POOLS = {  # the common words of news, drawn for every {noun}, {adj} and {verb} of a sentence
    "noun": ("officials forces ministry government military security civilians residents border talks ceasefire troops "
             "police capital province statement reporters witnesses damage homes market hospital aid shortages fuel "
             "water power bridge road convoy villages camp negotiators envoy leaders rebels army spokesman casualties "
             "offensive fighting tensions crisis deal sanctions monitors observers checkpoint district school farmland "
             "supplies refugees drones artillery militia council parliament embassy allies pressure evacuation").split(),
    "adj": ("heavy fresh renewed local regional national senior international humanitarian fragile tense uneasy sharp "
            "strong growing urgent serious remote eastern western northern southern").split(),
    "verb": ("reported confirmed warned denied condemned accused urged described continued welcomed rejected blamed "
             "questioned praised criticised").split(),
}  # fmt: skip
EVENTS = ("strike", "raid", "shelling", "ambush", "bombing", "clash", "assault", "siege")
ONSETS, VOWELS, CODAS = "b d g k l m n p r s t v z br dr kr sk st tr zh kh".split(), "a e i o u ai ou".split(), ["", "n", "r", "sk", "v"]
PLAIN = (
    "Residents of {town} said the {event} began before dawn near the {adj} {region} road.",
    "{p0} told reporters that {group} fighters had been seen near {town} for weeks.",
    "{operation}, led by {p1}, drew {adj} criticism from {noun} across {region}.",
    "Witnesses in {town} described {adj} damage to {noun} and {noun}.",
    "{group} commanders {verb} the {event}, according to {p1}.",
    "Aid groups in {region} warned of {adj} {noun} shortages after the {event} near {town}.",
    "The {noun} in {region} said it was studying reports about {operation}.",
    "{p1} and {p0} met in {town} to discuss {adj} {noun} after the {event}.",
    "{p1} {verb} claims that {group} had moved {noun} into {town}.",
    "The {event} was the worst in {region} since {operation} began, the {noun} said.",
    "The {noun} {verb} the {adj} {noun} as {noun} and {noun} gathered.",
    "The {adj} {noun} {verb} {noun} and {noun} on the {adj} {noun}.",
    "Officials said the {adj} situation remained {adj} as {noun} continued.",
    "{noun} and {noun} {verb} a {adj} {noun} near the {adj} {noun}.",
)
TOLL = "[[{n} people were killed]] in the {adj} {event} in {town}, {p0} told {noun}."
TRUCE = "After the {event} the {noun} and {group} agreed to a [[{length}]] truce around {town}."
WHEN = "The {event} in {town} happened on [[{day}]], {adj} {noun} said."
WHERE = "The {adj} {event} struck [[{town}]] in the {region} region, {noun} {verb}."
QUOTE = '[[{p0}]] told {noun}: "[[We will not leave {town} until the {k} families there are safe]]."'
DAY0 = date(2025, 1, 1)
COPY_SHARE = 0.13  # of the articles after a story's first: about 10% of all


@dataclass(frozen=True)
class Synthetic:
    id: str
    story: str  # the generated story: the truth the clustering is scored against
    source: str
    published: datetime
    text: str
    claims: tuple[Claim, ...]
    people: tuple[str, ...]  # what actor resolution would give: the story's people the text names
    copy_of: str | None = None
    sentences: tuple[tuple[str, dict | None], ...] = ()  # (sentence with [[marks]], its claim's fields)


def invent(rng: random.Random, syllables: int = 2) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)) + rng.choice(CODAS)


def corpus(n: int, seed: int = 7) -> list[Synthetic]:
    """`n` synthetic articles in about n/4 stories, in order of publication."""
    rng = random.Random(seed)
    regions = [invent(rng, 3).title() for _ in range(max(8, n // 10))]  # ~2.5 stories a region a year at any n
    outlets = [f"{invent(rng).title()} News" for _ in range(90)]
    articles: list[Synthetic] = []
    while len(articles) < n:
        articles += _story(rng, f"s{len(articles)}", rng.choice(regions), outlets, rng.choice((1, 2, 3, 4, 4, 5, 6, 7)))
    return sorted(articles[:n], key=lambda a: a.published)


def _story(rng: random.Random, sid: str, region: str, outlets: list[str], size: int) -> list[Synthetic]:
    names = [f"{invent(rng).title()} {invent(rng, 3).title()}" for _ in range(2)]
    slots = {"town": invent(rng, 3).title(), "region": region, "p0": names[0], "p1": names[1],
             "group": f"{invent(rng).title()} Front", "operation": f"Operation {invent(rng, 3).title()}",
             "event": rng.choice(EVENTS)}  # fmt: skip
    day = DAY0 + timedelta(days=rng.randrange(365))
    toll, hours, k = rng.randint(2, 40), rng.choice((12, 24, 30, 48)), rng.randint(3, 60)
    planted = {kind for kind in ("toll", "truce", "year", "quote") if rng.random() < 0.2}
    made: list[Synthetic] = []
    for j in range(size):
        if made and rng.random() < COPY_SHARE:  # a wire copy: another outlet, one sentence dropped
            first = rng.choice([a for a in made if not a.copy_of])
            kept = list(first.sentences)
            del kept[rng.randrange(len(kept))]
            when = first.published + timedelta(hours=rng.randint(1, 30))
            copy = _article(sid, rng.choice(outlets), when, kept, names, first.id)
            if all(a.id != copy.id for a in made):  # the same sentence dropped twice: the same text, one article
                made.append(copy)
            continue
        odd = j == size - 1 and j > 0  # the story's last article carries its planted disagreements
        n, length = toll * 2 + 5 if odd and "toll" in planted else toll, hours * (24 if odd and "truce" in planted else 1)
        said = day.replace(year=day.year - (odd and "year" in planted))
        facts = (
            (TOLL, {"n": n}, dict(kind="number", what="killed", low=n, high=n)),
            (TRUCE, {"length": f"{hours}-day" if length > hours else f"{hours}-hour"},
             dict(kind="duration", what="truce", low=length, high=length)),
            (WHEN, {"day": f"{said.day} {said:%B} {said.year}"},
             dict(kind="date", what="date", granularity="day", explicit=True, holder=slots["event"], day=said)),
            (WHERE, {}, dict(kind="place", what="place", granularity="place", holder=slots["event"], day=day)),
            (QUOTE, {"k": k + 10 if odd and "quote" in planted else k}, dict(kind="quote", what="quote", holder=_id(names[0]))),
        )  # fmt: skip
        sentences = [_fill(rng, t, slots) for t in rng.sample(PLAIN, rng.randint(6, 9))]
        sentences += [_fill(rng, t, {**slots, **v}, claim) for t, v, claim in facts if odd or rng.random() < 0.7]
        rng.shuffle(sentences)
        moment = datetime.combine(day + timedelta(days=rng.randint(0, 2)), clock(rng.randint(0, 23)), timezone.utc)
        made.append(_article(sid, rng.choice(outlets), moment, sentences, names))
    return made


def _fill(rng: random.Random, template: str, slots: dict, claim: dict | None = None) -> tuple[str, dict | None]:
    text = re.sub(r"\{(noun|adj|verb)\}", lambda m: rng.choice(POOLS[m[1]]), template).format(**slots)
    return text[0].upper() + text[1:], claim


def _article(sid, source, published, sentences, names, copy_of=None) -> Synthetic:
    """Join sentences into a text; a sentence's last [[marked]] words are its claim's span (a
    quote's first, its speaker)."""
    text, claims = "", []
    for sentence, claim in sentences:
        start, marks = len(text), []
        for part in re.split(r"(\[\[.*?\]\])", sentence):
            if part.startswith("[["):
                part = part[2:-2]
                marks.append(Span(len(text), len(text) + len(part)))
            text += part
        if claim:
            keys = tuple(sorted({w.lower() for w in re.findall(r"[A-Za-z]{3,}", text[start:])} - STOP_WORDS))
            claims.append(Claim(**claim, span=marks[-1], sentence=Span(start, len(text)), value=marks[-1].text_in(text),
                                keys=keys, speaker=marks[0] if len(marks) > 1 else None))  # fmt: skip
        text += " "
    text = text.strip()
    return Synthetic(article_id(text), sid, source, published, text, tuple(claims),
                     tuple(n for n in names if n in text), copy_of, tuple(sentences))  # fmt: skip


def _id(name: str) -> str:
    return f"person:{name.lower().replace(' ', '-')}"


def cluster(articles: list[Synthetic], ticks: list[float] | None = None) -> StoryIndex:
    """Profile every article and place it in a story, one at a time, as an ingest does; `ticks`
    gets the CPU clock after each tenth of the articles."""
    index, tenth = StoryIndex(), max(1, len(articles) // 10)
    for seq, a in enumerate(articles, 1):
        index.add(profile(a.id, seq, a.text, a.source, a.published.date(), a.published, [_id(n) for n in a.people], []))
        if ticks is not None and seq % tenth == 0:
            ticks.append(time.process_time())
    return index


def check(articles: list[Synthetic], index: StoryIndex) -> list[Finding]:
    """The cross-outlet findings of every story the index found."""
    by_id = {a.id: a for a in articles}
    names = {c.holder: c.speaker.text_in(a.text) for a in articles for c in a.claims if c.speaker}
    comparer, found = StoryComparer(load_vocabulary(), names), []
    for story, ids in index.members().items():
        members = [by_id[i] for i in ids]
        found += comparer(story, [Member(a.id, a.source, a.published.date(), a.published, a.text, a.claims,
                                         index.copy_of.get(a.id)) for a in members])  # fmt: skip
    return found


def score(articles: list[Synthetic], found: dict[str, str], copies: dict[str, str]) -> dict:
    """Pair precision and recall of `found` (article -> story) against the generated stories, counted
    from cluster sizes (no pairs enumerated); copies found against copies planted."""
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())  # noqa: E731
    both = pairs(Counter((found[a.id], a.story) for a in articles))
    planted = {a.id: a.copy_of for a in articles if a.copy_of}
    return {"stories": len(set(found.values())), "true_stories": len({a.story for a in articles}),
            "precision": both / (pairs(Counter(found.values())) or 1),
            "recall": both / (pairs(Counter(a.story for a in articles)) or 1),
            "copies": len(copies), "planted": len(planted), "right": sum(planted.get(a) == o for a, o in copies.items())}  # fmt: skip


def run_size(n: int, seed: int, repeat: int = 1) -> dict:
    """One size (call in a fresh process): the fastest of `repeat` runs of the clustering and the
    checks, wall clock and CPU; then both again under tracemalloc for the Python heap's peak."""
    articles = corpus(n, seed)
    check(articles[:1], cluster(articles[:1]))  # loads wordfreq's list and the vocabulary: not per article
    times: dict[str, list[float]] = {"cluster": [], "cluster_cpu": [], "check": [], "check_cpu": []}
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        ticks = [c0]
        index = cluster(articles, ticks)
        w1, c1 = time.perf_counter(), time.process_time()
        findings = check(articles, index)
        w2, c2 = time.perf_counter(), time.process_time()
        for key, value in zip(times, (w1 - w0, c1 - c0, w2 - w1, c2 - c1)):
            times[key].append(value)
    quality, index = score(articles, index.story_of, index.copy_of), None
    tracemalloc.start()
    check(articles, cluster(articles))
    heap = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    tenths = [(b - a) * 1000 / (n // 10) for a, b in zip(ticks, ticks[1:])]  # the last run's CPU ms an article
    return {"n": n, **{k: min(v) for k, v in times.items()}, "heap_mb": heap, "findings": len(findings), "tenths": tenths,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **quality}  # fmt: skip


def run_store(n: int, seed: int) -> dict:
    """The store's path on a real SQLite file, as an ingest runs it: save each article (its
    claims as records) and place it, then refresh every touched story's findings."""
    articles = corpus(n, seed)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        book, saving, start = StoryBook(store), 0.0, time.perf_counter()
        for a in articles:
            mark = time.perf_counter()
            store.save(Analysis(Article(a.id, a.text, "bench", source=a.source, published=a.published.date(),
                                        published_at=a.published), ("read", "checks"), claims=a.claims,
                                actors=tuple(Actor(_id(p), p, "person", None, None, None) for p in a.people)))  # fmt: skip
            saving += time.perf_counter() - mark
            book.place(a.id)
        placed = time.perf_counter()
        findings = book.refresh()
        refreshed = time.perf_counter()
        stories = dict(store.db.execute("SELECT article_id, story_id FROM story_members"))
        copies = dict(store.db.execute("SELECT article_id, copy_of FROM story_members WHERE copy_of IS NOT NULL"))
    return {"n": n, "save": saving, "place": placed - start - saving, "refresh": refreshed - placed,
            "findings": findings, **score(articles, stories, copies)}  # fmt: skip


def _fresh(target, *args) -> dict:
    """`target(*args)` in a new process, so that its peak memory is its own."""
    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(target, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--store-size", type=int, default=1000, help="articles run through the SQLite store (0: skip)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each size; the fastest is reported")
    args = parser.parse_args()
    print(f"{'articles':>8} {'cluster s':>14} {'checks s':>12} {'art/s':>5} {'heap MB':>7} {'KB/art':>6} {'RSS MB':>6} "
          f"{'stories':>11} {'pair P':>6} {'pair R':>6} {'copies':>14} {'findings':>8}")  # fmt: skip
    runs = []
    for n in (int(s) for s in args.sizes.split(",")):
        r = _fresh(run_size, n, args.seed, args.repeat)
        runs.append(r)
        print(f"{n:>8} {r['cluster']:>6.2f} ({r['cluster_cpu']:>5.2f}) {r['check']:>5.2f} ({r['check_cpu']:>4.2f}) "
              f"{n / (r['cluster'] + r['check']):>5.0f} {r['heap_mb']:>7.1f} {r['heap_mb'] * 1024 / n:>6.1f} {r['rss_mb']:>6.0f} "
              f"{r['stories']:>5}/{r['true_stories']:<5} {r['precision']:>6.3f} {r['recall']:>6.3f} "
              f"{r['right']:>4}/{r['copies']:>4}/{r['planted']:<4} {r['findings']:>8}", flush=True)  # fmt: skip
    print("seconds: wall clock (CPU); heap: tracemalloc peak over clustering + checks; RSS: the process's ru_maxrss;\n"
          "stories: found/generated; copies: right/found/planted")
    for r in runs[1:]:
        base, ratio = runs[0], lambda key: r[key] / base[key]  # noqa: E731
        print(f"{r['n']} vs {base['n']} articles, ideal x{r['n'] / base['n']:.1f}: clustering x{ratio('cluster'):.1f} "
              f"(CPU x{ratio('cluster_cpu'):.1f}), checks x{ratio('check'):.1f} (CPU x{ratio('check_cpu'):.1f}), "
              f"heap x{ratio('heap_mb'):.1f}")  # fmt: skip
    for r in runs:
        print(f"{r['n']} articles, CPU ms an article (profile + place), by tenth of the corpus:", *(f"{t:.2f}" for t in r["tenths"]))
    if args.store_size:
        s = _fresh(run_store, args.store_size, args.seed)
        print(f"store path, {s['n']} articles on SQLite: save {s['save']:.2f}s, place {s['place']:.2f}s, "
              f"refresh {s['refresh']:.2f}s; {s['findings']} findings, {s['stories']} stories, "
              f"pair P {s['precision']:.3f} R {s['recall']:.3f}, copies {s['right']}/{s['copies']}/{s['planted']}")  # fmt: skip


if __name__ == "__main__":
    main()
