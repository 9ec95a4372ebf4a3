"""Latency of `accord serve` on a large synthetic store, against a store 100 times smaller, in one run.

    python bench/serve.py [--events 1000000] [--repeat 30] [--keep DIR]

Builds two stores of generated records (not analysed): --events events (ten an article) and
one hundredth of that as the baseline, inserted in bulk through the store's own schema and
triggers. Each store is served by a real `accord serve` process on a free local port; every
endpoint is asked --repeat times (after two warm-up calls) by one client, one request at a
time. Prints p50 and p95 per endpoint for both stores and the ratio of the p95s; the
dashboard's first load is GET / and every /static/ file the page names, one after the other.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import httpx
import yaml

from accord.store import Store

OUTLETS = [f"Outlet {i}" for i in range(25)]
ISSUES = ["ceasefire", "prisoners", "sanctions", "military-aid", "territory", "security-guarantees"]
POLARITIES = ["support", "oppose", "conditional", "neutral"]
COUNTRIES = ["UKR", "RUS", "USA", "TUR", "COD", "RWA", "ISR", "PSE", "SDN", "YEM", "SYR", "IRN", "CHN", "FRA", "DEU"]
FIRST_DAY, DAYS = date(2023, 1, 1), 3 * 365


def codes() -> list[tuple[str, str, int, float]]:
    """(cameo, PLOVER type, QuadClass, Goldstein) of every three-digit CAMEO code with a PLOVER type."""
    table = yaml.safe_load(resources.files("accord.events").joinpath("data/cameo.yaml").read_text(encoding="utf-8"))
    found = []
    for entry in table["codes"]:
        if len(entry["code"]) == 3 and entry.get("plover"):
            root = int(entry["code"][:2])
            quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
            found.append((entry["code"], entry["plover"], quad, entry["goldstein"]))
    return found


def generate(path: Path, events: int, seed: int = 7) -> dict:
    """A store at `path` holding `events` generated events, ten an article; returns what the
    queries will ask for (an actor name, an article id, a month)."""
    rng = random.Random(seed)
    Store(path).close()  # the real schema, migrations and triggers
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")  # generated data: no need to survive a crash mid-way
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-200000")
    actors = [(f"Q{i}", f"Person {i}", "person", f"{c}GOV", c, "GOV") for i, c in
              enumerate(rng.choice(COUNTRIES) for _ in range(300))]  # fmt: skip
    actors += [(f"country:{c}", f"Country {c}", "country", c, c, None) for c in COUNTRIES]
    places = [(f"Place {i}", rng.choice(COUNTRIES), round(rng.uniform(-50, 60), 4), round(rng.uniform(-120, 140), 4))
              for i in range(400)]  # fmt: skip
    table = codes()
    articles = max(1, events // 10)
    db.execute("BEGIN")
    for a in range(articles):
        _article(db, rng, a, actors, places, table, min(10, events - 10 * a))
    for a in range(0, articles, 3):  # stories of one to three articles
        story = f"st-{a:012d}"
        db.executemany("INSERT INTO story_members VALUES (?,?,NULL)", [(f"a{b:019d}", story) for b in range(a, min(a + 3, articles))])
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode=WAL")  # as the store keeps it
    db.close()
    return {"actor": actors[0][1], "article": f"a{articles // 2:019d}", "month": FIRST_DAY + timedelta(days=DAYS // 2)}


def _article(db, rng, a, actors, places, table, events) -> None:
    article_id = f"a{a:019d}"
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    cast = rng.sample(actors, 4)
    names = [c[1] for c in cast]
    sentences = [f"{names[i % 4]} met {names[(i + 1) % 4]} to talk about a ceasefire and prisoners, officials said."
                 for i in range(max(events, 1))]  # fmt: skip
    text = " ".join(sentences)
    db.execute(
        "INSERT INTO articles (id, origin, url, source, title, published, as_of, as_of_rule, language, text, headings, "
        "stages, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (article_id, f"synthetic:{a}", None, rng.choice(OUTLETS), f"Talks number {a} between {names[0]} and {names[1]}",
         day.isoformat(), day.isoformat(), "published", "en", text, "[]", "[]", "2026-01-01T00:00:00+00:00"),
    )  # fmt: skip
    db.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?)", [(article_id, *c[:6], None) for c in cast])
    rows, start = [], 0
    for n, sentence in enumerate(sentences[:events]):
        cameo, kind, quad, goldstein = rng.choice(table)
        place = rng.choice(places) if rng.random() < 0.6 else None
        source, target = rng.sample(cast, 2)
        record = {
            "type": kind, "cameo": cameo, "quad_class": quad, "goldstein": goldstein, "source": [source[0]],
            "target": [target[0]], "evidence": [{"start": start, "end": start + len(sentence), "text": sentence}],
            "mode": None, "acled": None, "when": (day - timedelta(days=rng.randrange(3))).isoformat(),
            "place": place and {"name": place[0], "country": place[1], "lat": place[2], "lon": place[3]},
        }  # fmt: skip
        rows.append((article_id, n, json.dumps(record)))
        start += len(sentence) + 1
    db.executemany("INSERT INTO events VALUES (?,?,?)", rows)
    holder = cast[0]
    db.execute("INSERT INTO stances VALUES (?,?,?)", (article_id, 0, json.dumps(
        {"holder": holder[0], "issue": rng.choice(ISSUES), "polarity": rng.choice(POLARITIES),
         "evidence": [{"start": 0, "end": len(sentences[0]), "text": sentences[0]}]})))  # fmt: skip
    db.execute("INSERT INTO quotes VALUES (?,?,?)", (article_id, 0, json.dumps(
        {"content": {"start": 0, "end": 20, "text": text[:20]}, "kind": "direct", "speaker": holder[0]})))  # fmt: skip
    if a % 100 == 0:
        db.execute("INSERT INTO findings VALUES (?,?,?)", (article_id, 0, json.dumps(
            {"kind": "role and time", "severity": rng.choice(["info", "warning", "error"]), "explanation": "generated",
             "rule": "generated", "evidence": [{"article": article_id, "start": 0, "end": 5, "text": text[:5]}]})))  # fmt: skip


def requests(facts: dict) -> list[tuple[str, str]]:
    """(label, path) of the requests to time."""
    month = facts["month"]
    since, until = month.replace(day=1).isoformat(), (month.replace(day=1) + timedelta(days=30)).isoformat()
    return [
        ("events", "/api/events"),
        ("events type=ASSAULT", "/api/events?type=ASSAULT"),
        ("events one month", f"/api/events?since={since}&until={until}"),
        ("events actor", f"/api/events?actor={facts['actor']}"),
        ("events country=UKR quad=4", "/api/events?country=UKR&quad=4"),
        ("counts/day by type", "/api/counts/day?by=type"),
        ("counts/day by quad, country", "/api/counts/day?by=quad&country=UKR"),
        ("network one month", f"/api/network?since={since}&until={until}"),
        ("map one month", f"/api/map?since={since}&until={until}"),
        ("findings", "/api/findings"),
        ("articles", "/api/articles"),
        ("articles q=ceasefire", "/api/articles?q=ceasefire"),
        ("articles q=rare title", f"/api/articles?q=Talks+number+{int(facts['article'][1:])}"),
        ("one article", f"/api/articles/{facts['article']}"),
        ("stories", "/api/stories"),
        ("stances/matrix", "/api/stances/matrix"),
        ("network, all time", "/api/network"),
        ("map, all time", "/api/map"),
    ]  # fmt: skip


def serve(path: Path) -> tuple[subprocess.Popen, str]:
    """Start `accord serve` on the store; return the process and its base URL."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    accord = Path(sys.executable).parent / "accord"
    server = subprocess.Popen([str(accord), "serve", "--db", str(path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            httpx.get(f"{url}/api/stories?limit=1").raise_for_status()
            return server, url
        except httpx.TransportError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("accord serve did not start") from None
            time.sleep(0.2)


def timed(client: httpx.Client, paths: list[str], repeat: int) -> list[float]:
    """Milliseconds of each of `repeat` rounds of GETting `paths` one after the other."""
    for _ in range(2):
        for path in paths:
            client.get(path).raise_for_status()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            client.get(path).raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure(path: Path, facts: dict, repeat: int) -> dict[str, list[float]]:
    """Latencies of every request, and of the dashboard's first load, on the store at `path`."""
    server, url = serve(path)
    try:
        with httpx.Client(base_url=url, timeout=300) as client:
            found = {label: timed(client, [p], repeat) for label, p in requests(facts)}
            page = client.get("/").text
            files = ["/", *sorted(set(re.findall(r'(?:src|href)="(/static/[^"]+)"', page)))]
            found[f"dashboard first load ({len(files)} files)"] = timed(client, files, repeat)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return found


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="Build the stores in this folder and keep them (reused when present).")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="accord-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    for label, events in (("baseline", max(10, args.events // 100)), ("large", args.events)):
        path = folder / f"serve-{events}.db"
        facts_path = path.with_suffix(".json")
        if not path.exists():
            start = time.perf_counter()
            facts = generate(path, events)
            facts_path.write_text(json.dumps(facts, default=str))
            print(f"generated {events:,} events in {time.perf_counter() - start:.0f} s: {path} "
                  f"({path.stat().st_size / 1e6:,.0f} MB)", file=sys.stderr)  # fmt: skip
        facts = json.loads(facts_path.read_text())
        facts["month"] = date.fromisoformat(facts["month"])
        results[label] = (events, measure(path, facts, args.repeat))
    (small, base), (big, large) = results["baseline"], results["large"]
    print(f"accord serve latency, ms ({args.repeat} requests each, one at a time): {big:,} events vs {small:,}")
    print(f"{'request':34} {'p50':>8} {'p95':>8}   {'base p50':>8} {'base p95':>8}   {'p95 ratio':>9}")
    for name in large:
        a, b = large[name], base[name]
        flag = "" if p(a, 95) < 100 else "  over 100 ms"
        print(f"{name:34} {p(a, 50):8.1f} {p(a, 95):8.1f}   {p(b, 50):8.1f} {p(b, 95):8.1f}   "
              f"{p(a, 95) / p(b, 95):8.1f}x{flag}")  # fmt: skip
    if not args.keep:
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
