"""The HTTP API over a real uvicorn server and a real store of the analysed examples."""

from __future__ import annotations

import hashlib
import http.server
import json
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from accord.errors import StoreError
from accord.serve.db import open_readonly

from .serve_fixtures import examples_store, free_port, serve  # noqa: F401  (the fixture)

INJECTION = "x' OR '1'='1\"; DROP TABLE articles; --"


@pytest.fixture(scope="module")
def api(examples_store):  # noqa: F811
    with serve(examples_store) as base_url, httpx.Client(base_url=base_url, timeout=120) as client:
        yield client


@pytest.fixture(scope="module")
def store(examples_store):  # noqa: F811
    db = sqlite3.connect(examples_store)
    yield db
    db.close()


def records(store, table: str) -> list[tuple[str, int, dict]]:
    return [(a, n, json.loads(r)) for a, n, r in store.execute(f"SELECT article_id, n, record FROM {table}")]


def everything(api, path: str, **params) -> list[dict]:
    """Every item of a list endpoint, fetched page by page."""
    items, offset = [], 0
    while True:
        page = api.get(path, params={**params, "limit": 3, "offset": offset}).json()
        items += page["items"]
        offset += 3
        if offset >= page["total"]:
            return items


def test_articles_list_every_stored_article_with_its_fields(api, store):
    body = api.get("/api/articles").json()
    assert body["total"] == store.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(body["items"])
    assert set(body["items"][0]) == {"id", "title", "source", "published", "url", "origin"}
    days = [a["published"] for a in body["items"] if a["published"]]
    assert days == sorted(days, reverse=True)


def test_pages_are_disjoint_and_cover_the_list(api):
    whole = api.get("/api/events", params={"limit": 1000}).json()
    paged = everything(api, "/api/events")
    assert [(e["article_id"], e["n"]) for e in paged] == [(e["article_id"], e["n"]) for e in whole["items"]]
    assert len(paged) == whole["total"] > 3


def test_full_text_search_finds_words_in_title_or_text(api, store):
    hits = api.get("/api/articles", params={"q": "Istanbul prisoners"}).json()["items"]
    assert hits
    for hit in hits:
        title, text = store.execute("SELECT title, text FROM articles WHERE id = ?", (hit["id"],)).fetchone()
        words = f"{title} {text}".lower()
        assert "istanbul" in words and "prisoners" in words
    assert api.get("/api/articles", params={"q": "zzzunheardof"}).json() == {"total": 0, "items": []}


@pytest.mark.parametrize("q", ['"unbalanced', "NEAR(", "AND OR NOT", "*", "title:x", INJECTION, "T\x00dj", "\x00"])
def test_search_syntax_is_never_an_error(api, q):
    assert api.get("/api/articles", params={"q": q}).status_code == 200
    assert api.get("/api/dashboard/articles", params={"q": q}).status_code == 200  # a NUL once ended SQLite's string


def test_article_has_all_its_records_with_spans_into_its_text(api, store):
    article_id = store.execute("SELECT article_id FROM events GROUP BY article_id ORDER BY COUNT(*) DESC").fetchone()[0]
    body = api.get(f"/api/articles/{article_id}").json()
    text = body["text"]
    assert body["story"] == store.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()[0]
    for table in ("events", "quotes", "stances", "claims", "findings", "sentences"):
        assert body[table] == [r for a, _, r in records(store, table) if a == article_id]
    assert body["actors"] and body["mentions"] and body["events"]
    for mention in body["mentions"]:
        assert text[mention["span"]["start"] : mention["span"]["end"]] == mention["span"]["text"]
    for event in body["events"]:
        for span in event["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_a_missing_article_is_a_json_404(api):
    response = api.get("/api/articles/no-such-article")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "no article" in response.json()["error"]


def event_keys(api, **params) -> set[tuple[str, int]]:
    return {(e["article_id"], e["n"]) for e in everything(api, "/api/events", **params)}


def stored_events(store, keep) -> set[tuple[str, int]]:
    published = dict(store.execute("SELECT id, published FROM articles"))
    return {(a, n) for a, n, r in records(store, "events") if keep(r, r.get("when") or published[a])}


@pytest.mark.parametrize(
    "params, keep",
    [
        ({"type": "CONSULT"}, lambda r, day: r["type"] == "CONSULT"),
        ({"type": "consult"}, lambda r, day: r["type"] == "CONSULT"),
        ({"quad": 1}, lambda r, day: r["quad_class"] == 1),
        ({"root": "04"}, lambda r, day: r["cameo"].startswith("04")),
        ({"since": "2025-05-01", "until": "2025-06-30"}, lambda r, day: day and "2025-05-01" <= day <= "2025-06-30"),
        ({"actor": "Q7747"}, lambda r, day: "Q7747" in r["source"] + r["target"]),
        ({"actor": "vladimir putin"}, lambda r, day: "Q7747" in r["source"] + r["target"]),
    ],
)  # fmt: skip
def test_event_filters_keep_exactly_the_matching_records(api, store, params, keep):
    found = event_keys(api, **params)
    assert found == stored_events(store, keep) and found


def test_country_filter_is_the_first_source_or_target_actors_or_the_places(api, store):
    countries = {(a, i): c for a, i, c in store.execute("SELECT article_id, actor_id, country FROM actors")}
    expected = {
        (a, n) for a, n, r in records(store, "events")
        if "RUS" in {countries.get((a, (r[side] or [None])[0])) for side in ("source", "target")}
        | {(r.get("place") or {}).get("country")}
    }  # fmt: skip
    assert event_keys(api, country="rus") == expected and expected


def test_event_items_carry_codes_place_and_evidence(api, store):
    item = next(e for e in everything(api, "/api/events") if e["lat"] is not None and e["source"])
    record = json.loads(store.execute("SELECT record FROM events WHERE article_id = ? AND n = ?",
                                      (item["article_id"], item["n"])).fetchone()[0])  # fmt: skip
    assert (item["type"], item["cameo"], item["quad"], item["goldstein"]) == (
        record["type"], record["cameo"], record["quad_class"], record["goldstein"])
    assert (item["place"], item["lat"], item["lon"]) == (record["place"]["name"], record["place"]["lat"], record["place"]["lon"])
    assert item["evidence"] == record["evidence"][0]
    assert item["root"] == record["cameo"][:2] and item["source_actors"] == record["source"]


def test_event_filters_by_story(api, store):
    story = store.execute("SELECT story_id FROM story_members GROUP BY story_id ORDER BY COUNT(*) DESC").fetchone()[0]
    members = {a for (a,) in store.execute("SELECT article_id FROM story_members WHERE story_id = ?", (story,))}
    assert event_keys(api, story=story) == {(a, n) for a, n, _ in records(store, "events") if a in members}


def dated(api, **params) -> int:
    return sum(1 for e in everything(api, "/api/events", **params) if e["date"])


def test_counts_by_day_add_up_to_the_dated_events(api):
    for by in ("type", "quad"):
        counts = api.get("/api/counts/day", params={"by": by}).json()["items"]
        assert sum(c["count"] for c in counts) == dated(api) > 0
    consult = api.get("/api/counts/day", params={"type": "CONSULT"}).json()["items"]
    assert {c["key"] for c in consult} == {"CONSULT"}
    assert sum(c["count"] for c in consult) == dated(api, type="CONSULT")
    # an actor filter is answered from the events themselves, not the daily summary
    ukraine = api.get("/api/counts/day", params={"country": "UKR", "by": "quad"}).json()["items"]
    assert sum(c["count"] for c in ukraine) == dated(api, country="UKR")


def test_network_edges_join_known_nodes(api, store):
    body = api.get("/api/network").json()
    nodes = {n["id"] for n in body["nodes"]}
    assert body["edges"] and all(e["source"] in nodes and e["target"] in nodes for e in body["edges"])
    pairs = sum(len(r["source"]) * len(r["target"]) for _, _, r in records(store, "events"))
    assert sum(e["weight"] for e in body["edges"]) == pairs


def test_all_time_totals_agree_with_counting_the_events(api):
    """The unfiltered network and map read totals kept by triggers; filtered ones count events."""
    whole = api.get("/api/network").json()["edges"]
    split: dict = {}
    for quad in (1, 2, 3, 4):
        for edge in api.get("/api/network", params={"quad": quad}).json()["edges"]:
            key = (edge["source"], edge["target"])
            split[key] = split.get(key, 0) + edge["weight"]
    assert {(e["source"], e["target"]): e["weight"] for e in whole} == split
    places = {i["place"]: i["count"] for i in api.get("/api/map").json()["items"]}
    counted: dict = {}
    for quad in (1, 2, 3, 4):
        for item in api.get("/api/map", params={"quad": quad}).json()["items"]:
            counted[item["place"]] = counted.get(item["place"], 0) + item["count"]
    assert places == counted


def test_deleting_an_article_keeps_the_servers_tables_right(examples_store, tmp_path):  # noqa: F811
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(examples_store).read_bytes())
    db = sqlite3.connect(copy)
    db.execute("PRAGMA foreign_keys=ON")
    article_id = db.execute("SELECT article_id FROM events GROUP BY article_id ORDER BY COUNT(*) DESC").fetchone()[0]
    with db:
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    assert one("SELECT COUNT(*) FROM event_index") == one("SELECT COUNT(*) FROM events")
    assert one("SELECT COALESCE(SUM(count), 0) FROM event_days") == one("SELECT COUNT(*) FROM event_index WHERE day IS NOT NULL")
    assert one("SELECT COALESCE(SUM(count), 0) FROM pair_totals") == one("SELECT COUNT(*) FROM event_pairs")
    assert one("SELECT COUNT(*) FROM event_countries") == one(
        "SELECT COUNT(*) FROM (SELECT source_country AS c, article_id, n FROM event_index UNION SELECT target_country, "
        "article_id, n FROM event_index UNION SELECT place_country, article_id, n FROM event_index) WHERE c IS NOT NULL")
    assert one("SELECT COALESCE(SUM(count), 0) FROM place_totals") == one("SELECT COUNT(*) FROM event_index WHERE lat IS NOT NULL")
    assert one("SELECT COALESCE(SUM(support + oppose + conditional + neutral), 0) FROM stance_cells") == one(
        "SELECT COUNT(*) FROM stances")
    assert one("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'ceasefire'") == one(
        "SELECT COUNT(*) FROM articles WHERE title || ' ' || text LIKE '%ceasefire%'")
    db.close()


def test_map_counts_geocoded_events(api, store):
    items = api.get("/api/map").json()["items"]
    geocoded = [r for _, _, r in records(store, "events") if (r.get("place") or {}).get("lat") is not None]
    assert sum(i["count"] for i in items) == len(geocoded) > 0
    assert {i["place"] for i in items} == {r["place"]["name"] for r in geocoded}


def test_actors_quotes_and_stances_filter(api, store):
    russians = api.get("/api/actors", params={"country": "rus"}).json()
    assert russians["total"] > 0 and all(a["country"] == "RUS" for a in russians["items"])
    assert any(a["name"] == "Vladimir Putin" for a in api.get("/api/actors", params={"q": "putin"}).json()["items"])
    trump = api.get("/api/quotes", params={"speaker": "Donald Trump"}).json()
    assert trump["total"] == sum(1 for _, _, r in records(store, "quotes") if r["speaker"] == "Q22686") > 0
    ceasefire = api.get("/api/stances", params={"issue": "ceasefire"}).json()
    assert ceasefire["total"] == sum(1 for _, _, r in records(store, "stances") if r["issue"] == "ceasefire") > 0


def test_stance_matrix_counts_every_stance_with_its_evidence(api, store):
    body = api.get("/api/stances/matrix").json()
    stances = records(store, "stances")
    cells = body["cells"]
    assert sum(c["support"] + c["oppose"] + c["conditional"] + c["neutral"] for c in cells) == len(stances)
    assert {c["issue"] for c in cells} == set(body["issues"]) == {r["issue"] for _, _, r in stances}
    assert {c["holder"] for c in cells} == set(body["holders"])
    texts = dict(store.execute("SELECT id, text FROM articles"))
    for cell in cells:
        for e in cell["evidence"]:
            assert texts[e["article_id"]][e["start"] : e["end"]] == e["text"]


def test_findings_and_stories_list(api, store):
    stories = everything(api, "/api/stories")
    assert len(stories) == store.execute("SELECT COUNT(DISTINCT story_id) FROM story_members").fetchone()[0]
    assert all(s["articles"] for s in stories)
    body = api.get("/api/findings").json()
    assert body["total"] == len(body["items"])
    assert api.get("/api/findings", params={"severity": "fatal"}).status_code == 422


@pytest.mark.parametrize(
    "path",
    ["/api/events?limit=0", "/api/events?limit=1001", "/api/events?offset=-1", "/api/events?quad=5",
     "/api/events?since=2025-02-30", "/api/events?root=4", "/api/events?country=Ukraine",
     "/api/counts/day?by=actor", "/api/articles?limit=x", "/api/events?since=2025-09-01&until=2025-01-01",
     "/api/articles?q=" + "x" * 501],
)  # fmt: skip
def test_bad_parameters_are_json_4xx(api, path):
    response = api.get(path)
    assert 400 <= response.status_code < 500
    assert response.json()["error"]


def test_unknown_routes_and_methods_answer_json(api):
    assert api.get("/api/nothing").json()["error"]
    response = api.delete("/api/articles")
    assert response.status_code == 405 and response.json()["error"]


@pytest.mark.parametrize("field", ["q", "source", "story"])
def test_injection_in_article_filters_does_nothing(api, store, field):
    before = store.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert api.get("/api/articles", params={field: INJECTION}).json()["total"] == 0
    assert store.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == before


@pytest.mark.parametrize("path, field", [("/api/events", "actor"), ("/api/events", "story"), ("/api/quotes", "speaker"),
                                         ("/api/stances", "holder"), ("/api/actors", "q"), ("/api/network", "actor")])  # fmt: skip
def test_injection_in_other_filters_matches_nothing(api, path, field):
    body = api.get(path, params={field: INJECTION}).json()
    assert body.get("total", 0) == 0 and not body.get("edges")


def test_the_server_never_writes_the_store(examples_store):  # noqa: F811
    path = Path(examples_store)
    before = (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    with serve(path) as base_url:
        for endpoint in ("articles", "events", "actors", "quotes", "stances", "stances/matrix", "findings",
                         "stories", "counts/day", "network", "map"):  # fmt: skip
            assert httpx.get(f"{base_url}/api/{endpoint}", params={"q": INJECTION} if endpoint == "articles" else {}).status_code == 200
    assert (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()) == before


def test_the_servers_connection_refuses_writes(examples_store):  # noqa: F811
    db = open_readonly(examples_store)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM articles")
    db.close()


def test_no_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        open_readonly(tmp_path / "absent.db")
    with serve(tmp_path / "absent.db") as base_url:
        response = httpx.get(f"{base_url}/api/articles")
    assert response.status_code == 503 and "no store" in response.json()["error"]


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802  (the http.server name)
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"Secret page that must never be fetched.")

    def log_message(self, *args):
        pass


def test_analyze_returns_the_json_analysis_and_fetches_nothing(api, examples_store):  # noqa: F811
    watcher = http.server.HTTPServer(("127.0.0.1", free_port()), _Counter)
    threading.Thread(target=watcher.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{watcher.server_port}/secret"
    text = f"Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Friday. See {url} for more."
    try:
        response = api.post("/api/analyze", json={"text": text, "published": "2025-04-14", "title": "Envoy in Moscow"})
        as_path = api.post("/api/analyze", json={"text": str(examples_store)})
    finally:
        watcher.shutdown()
    body = response.json()
    assert response.status_code == 200 and body["schema_version"]
    assert body["article"]["text"] == text and body["article"]["title"] == "Envoy in Moscow"
    assert {"Q7747"} <= {a["id"] for a in body["actors"]} and body["events"]
    assert _Counter.hits == 0
    # a path is text to analyse, never a file to read
    assert as_path.status_code in (200, 422)
    assert as_path.status_code == 422 or as_path.json()["article"]["text"] == str(examples_store)
    assert api.post("/api/articles", json={}).status_code == 405


@pytest.mark.parametrize(
    "body, status, words",
    [({"text": ""}, 422, "empty"), ({"text": "Der Krieg geht weiter und niemand weiß, wann er endet."}, 422, "English"),
     ({"text": "A ceasefire was agreed.", "published": "yesterday-ish"}, 422, "date"), ({}, 422, "text"),
     ({"text": 5}, 422, "text")],
)  # fmt: skip
def test_analyze_refuses_bad_input_with_a_reason(api, body, status, words):
    response = api.post("/api/analyze", json=body)
    assert response.status_code == status
    assert words.lower() in response.json()["error"].lower()


def test_analyze_refuses_a_body_over_the_limit(api):
    big = json.dumps({"text": "word " * 1_100_000})
    response = api.post("/api/analyze", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "too large" in response.json()["error"]

    def chunks():  # no Content-Length: the streamed bytes are counted
        for _ in range(60):
            yield b"x" * 100_000

    streamed = api.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_accord_serve_binds_loopback_by_default(examples_store):  # noqa: F811
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).parent / "accord"), "serve", "--db", str(examples_store), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/api/stories").status_code == 200
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read().decode()
                time.sleep(0.2)
        listening = Path("/proc/net/tcp")
        if listening.exists():
            local = [line.split()[1] for line in listening.read_text().splitlines()[1:] if line.split()[3] == "0A"]
            assert f"0100007F:{port:04X}" in local and f"00000000:{port:04X}" not in local
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_accord_serve_refuses_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from accord.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 1 and "no store" in result.output
