"""The dashboard in a real browser: Debian's chromium driven by Playwright, against uvicorn serving
a store built from examples/ plus an article carrying script payloads in its title and text.

Every test blocks requests that leave the local server and fails if the page attempted one."""

import json
import re
import shutil
from urllib.parse import urlparse

import httpx
import pytest

from .conftest import EXAMPLES, ROOT
from .serve_fixtures import ingest, serve

OUTPUT = ROOT / "tests" / "output" / "dashboard"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
PAYLOAD_TITLE = "<script>window.__pwned = 'title'</script>Armenia and Azerbaijan <img src=x onerror=\"window.__pwned='img'\">"
INJECTED = "main img, main script, main iframe, main [onerror], main [onload], main [onmouseover]"
PAYLOAD = {
    "title": PAYLOAD_TITLE,
    "source": "<b onmouseover=\"console.log('pwned')\">Example Wire</b>",
    "published": "2025-09-03",
    "text": (
        "Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun Bayramov in Geneva "
        "on Tuesday to resume talks on the border. <script>window.__pwned = 'text'; console.log('pwned')</script> "
        "Mirzoyan said the talks were \"useful <img src=x onerror=\"window.__pwned='quote'\">\" and urged a "
        "ceasefire along the frontier. Azerbaijan accused Armenia of shelling villages near the border "
        "<svg onload=\"console.log('pwned')\"></svg> on Monday, a charge Yerevan denied. "
        "US President Joe Biden welcomed the meeting."  # a past holder as current: a finding
    ),
}


def chromium() -> str:
    """The system chromium's path, skipping the test when there is none (Playwright never downloads one)."""
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium on this machine: install Debian's (apt-get install chromium) to run the browser tests")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The base URL of uvicorn serving a store of the examples plus the payload article."""
    folder = tmp_path_factory.mktemp("dashboard")
    payload = folder / "payload.jsonl"
    payload.write_text(json.dumps(PAYLOAD) + "\n", encoding="utf-8")
    with serve(ingest([EXAMPLES, payload], folder / "demo.db")) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def api(server):
    """GET a path under /api on the server and return its JSON."""
    with httpx.Client(base_url=server + "/api") as client:

        def get(path: str):
            response = client.get(path)
            assert response.status_code == 200, response.text
            return response.json()

        yield get


@pytest.fixture(scope="module")
def browser():
    path = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, headless=True, args=FLAGS)
        yield instance
        instance.close()


class Watched:
    """A page with what it tried to fetch elsewhere, what it logged, and the errors it raised."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.remote: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        local = urlparse(base).netloc
        page.route("**/*", lambda route: self._route(route, local))
        page.on("console", lambda message: self.console.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route, local: str) -> None:
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == local:
            route.continue_()
        else:
            self.remote.append(route.request.url)
            route.abort()

    def open(self, fragment: str, view: str):
        """Load the dashboard at `#fragment` and wait until `view` is drawn."""
        self.page.goto(f"{self.base}/#{fragment}")
        return self.ready(view)

    def ready(self, view: str, state: str = "ready"):
        """Wait until the page has drawn `view` for the address it is at now."""
        self.page.wait_for_function(
            "([view, state]) => { const main = document.getElementById('view');"
            " return main.dataset.state === state && (state === 'error' || main.dataset.view === view)"
            " && main.dataset.drawn === location.hash; }",
            arg=[view, state],
        )  # fmt: skip
        return self.page.locator("main")

    def shoot(self, name: str) -> None:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=True)

    def texts(self, selector: str) -> list[str]:
        return self.page.locator(selector).evaluate_all("(nodes) => nodes.map((n) => n.textContent)")

    def numbers(self, selector: str, attribute: str) -> list[float]:
        values = self.page.locator(selector).evaluate_all(f"(nodes) => nodes.map((n) => n.getAttribute('{attribute}'))")
        return [float(v) for v in values]


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page(), server)
    yield watched
    context.close()
    assert not watched.remote, f"the page tried to reach other hosts: {watched.remote}"
    assert not watched.errors, f"the page raised: {watched.errors}"
    assert not [m for m in watched.console if "pwned" in m or "Content Security Policy" in m], watched.console


def test_serves_page_and_files_with_a_strict_policy(server):
    with httpx.Client(base_url=server) as client:
        page = client.get("/")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        script = client.get("/static/app.js")
        assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
        outline = client.get("/static/world.json").json()
        assert len(outline["countries"]) > 170 and "Natural Earth" in outline["source"]
        assert client.get("/static/nothing.js").status_code == 404
        assert client.get("/static/..%2Fdashboard.py").status_code == 404


def test_the_page_preloads_every_module_it_imports(server):
    static = ROOT / "src" / "accord" / "serve" / "static"
    page = httpx.get(server + "/").text
    preloaded = set(re.findall(r'rel="modulepreload" href="/static/([^"]+)"', page))
    assert preloaded | {"app.js"} == {path.name for path in static.glob("*.js")}
    for path in static.glob("*.js"):
        for name in re.findall(r'from "\./([^"]+)"', path.read_text()):
            assert name in preloaded, f"{path.name} imports {name}, which index.html does not preload"


def test_timeline_draws_the_counts_by_type(page, api):
    counts = api("counts/day?by=type")["items"]
    page.open("view=timeline", "timeline")
    assert sum(page.numbers("rect.bar", "data-count")) == sum(item["count"] for item in counts) > 0
    assert page.page.locator("rect.bar").count() == len(counts)
    legend = page.page.locator("#timeline-legend li").evaluate_all("(nodes) => nodes.map((n) => n.dataset.key)")
    assert sorted(legend) == sorted({item["key"] for item in counts})
    page.shoot("timeline")


def test_timeline_by_quadclass(page, api):
    counts = api("counts/day?by=quad")["items"]
    page.open("view=timeline&by=quad", "timeline")
    keys = page.page.locator("rect.bar").evaluate_all("(nodes) => nodes.map((n) => n.dataset.key)")
    assert sorted(set(keys)) == sorted({str(item["key"]) for item in counts}) and set(keys) <= {"1", "2", "3", "4"}
    assert "verbal cooperation" in page.page.locator("#timeline-legend").inner_text()


def test_brushing_the_timeline_chooses_dates(page, api):
    page.open("view=timeline", "timeline")
    colours = "(nodes) => Object.fromEntries(nodes.map((n) => [n.dataset.key, n.getAttribute('fill')]))"
    before = page.page.locator("rect.bar").evaluate_all(colours)
    box = page.page.locator("#timeline-chart").bounding_box()
    y = box["y"] + box["height"] / 2
    page.page.mouse.move(box["x"] + box["width"] * 0.5, y)
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    page.page.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    page.page.mouse.up()
    page.page.wait_for_function("location.hash.includes('since=') && location.hash.includes('until=')")
    page.ready("timeline")
    state = dict(part.split("=") for part in page.page.evaluate("location.hash.slice(1)").split("&"))
    assert state["since"] <= state["until"]
    assert page.page.locator('#filters input[name="since"]').input_value() == state["since"]
    expected = api(f"counts/day?by=type&since={state['since']}&until={state['until']}")["items"]
    assert sum(page.numbers("rect.bar", "data-count")) == sum(item["count"] for item in expected)
    assert sum(item["count"] for item in expected) < sum(item["count"] for item in api("counts/day")["items"])
    after = page.page.locator("rect.bar").evaluate_all(colours)
    assert after and all(before[key] == colour for key, colour in after.items())  # a type keeps its colour
    page.shoot("timeline-brushed")


def test_map_draws_outlines_and_places_offline(page, api):
    places = [item for item in api("map")["items"] if item["lat"] is not None]
    page.open("view=map", "map")
    assert page.page.locator("path.land").count() > 170
    assert page.page.locator("circle.place").count() == len(places) > 0
    assert sum(page.numbers("circle.place", "data-count")) == sum(item["count"] for item in places)
    assert page.page.locator("#map-total").inner_text() == str(sum(item["count"] for item in places))
    names = page.page.locator("circle.place").evaluate_all("(nodes) => nodes.map((n) => n.dataset.place)")
    assert sorted(names) == sorted(item["place"] for item in places)
    page.shoot("map")


def test_clicking_a_country_filters_every_view(page, api):
    page.open("view=map", "map")
    box = page.page.locator("#map-chart").bounding_box()  # Siberia, 100E 60N, away from any event
    page.page.mouse.click(box["x"] + box["width"] * (100 + 180) / 360, box["y"] + box["height"] * (90 - 60) / 180)
    page.page.wait_for_function("location.hash.includes('country=RUS')")
    page.ready("map")
    places = api("map?country=RUS")["items"]
    assert page.page.locator("circle.place").count() == len(places)
    assert page.page.locator('#filters input[name="country"]').input_value() == "RUS"
    page.page.locator('#tabs a[data-view="network"]').click()
    page.ready("network")
    assert "country=RUS" in page.page.evaluate("location.hash")
    assert page.page.locator("g.node").count() == len(api("network?country=RUS")["nodes"])


def test_network_draws_actors_and_links(page, api):
    network = api("network")
    page.open("view=network", "network")
    nodes = page.page.locator("g.node")
    assert nodes.count() == len(network["nodes"]) > 0
    assert page.page.locator("line.edge").count() == len(network["edges"])
    labels = page.texts("g.node text")
    assert sorted(labels) == sorted(node["label"] for node in network["nodes"])
    weights = sum(page.numbers("line.edge", "data-weight"))
    assert weights == sum(edge["weight"] for edge in network["edges"])
    page.shoot("network")


def test_filters_in_the_url_are_shared(page, api):
    actor = api("network")["nodes"][0]["id"]
    fragment = f"view=network&actor={actor}&since=2025-01-01&until=2025-12-31"
    page.open(fragment, "network")
    expected = api(f"network?actor={actor}&since=2025-01-01&until=2025-12-31")
    assert page.page.locator("g.node").count() == len(expected["nodes"])
    assert page.page.locator('#filters input[name="actor"]').input_value() == actor
    page.page.locator('#filters input[name="actor"]').focus()  # the actor names load when wanted
    actors = api("actors?limit=1000")["items"]
    page.page.wait_for_function("(n) => document.querySelectorAll('#actor-names option').length === n", arg=len(actors))
    types = {item["key"] for item in api("counts/day")["items"]}
    page.page.wait_for_function("(n) => document.querySelectorAll('#filters select option').length === n", arg=len(types) + 1)
    options = page.page.locator('#filters select[name="type"] option').evaluate_all("(nodes) => nodes.map((n) => n.value)")
    assert set(options) == types | {""}
    assert page.page.locator("g.node.chosen").count() == 1
    page.page.locator('#tabs a[data-view="timeline"]').click()
    page.ready("timeline")
    counts = api(f"counts/day?actor={actor}&since=2025-01-01&until=2025-12-31")["items"]
    assert sum(page.numbers("rect.bar", "data-count")) == sum(item["count"] for item in counts)
    page.page.locator("#clear-filters").click()
    page.page.wait_for_function("!location.hash.includes('actor=')")


def test_stance_matrix_opens_the_evidence(page, api):
    matrix = api("stances/matrix")
    page.open("view=stances", "stances")
    assert page.page.locator("#stance-matrix td.cell").count() == len(matrix["cells"]) > 0
    assert page.page.locator("#stance-matrix tbody th").all_inner_texts() == matrix["holders"]
    cell = matrix["cells"][0]
    page.page.locator(f'td.cell[data-holder="{cell["holder"]}"][data-issue="{cell["issue"]}"]').click()
    quoted = page.page.locator("#stance-evidence q").all_inner_texts()
    assert quoted == [item["text"] for item in cell["evidence"]]
    page.shoot("stances")
    page.page.locator("#stance-evidence a").first.click()
    page.ready("article")
    first = cell["evidence"][0]
    assert page.page.locator("#article-text .hl.mark").first.inner_text() in first["text"]


def test_article_view_highlights_records_from_their_offsets(page, api):
    listing = api("articles")
    chosen = next(item for item in listing["items"] if item["title"] and "Alaska" in item["title"])
    article = api(f"articles/{chosen['id']}")
    page.open("view=article", "article")
    assert page.page.locator("#article-list li").count() == listing["total"]
    page.page.locator(f'#article-list li[data-id="{chosen["id"]}"] a').click()
    page.page.locator("#article-title").wait_for()
    page.ready("article")
    assert page.page.locator("#article-title").inner_text() == article["title"]
    assert page.page.locator("#article-text").inner_text() == article["text"]
    triggers = {(e["trigger"]["start"], e["trigger"]["end"]) for e in article["events"]}
    drawn = page.texts("#article-text .hl.event")
    assert "".join(drawn) == "".join(article["text"][s:e] for s, e in sorted(triggers))
    quotes = page.texts("#article-text .hl.quote")
    assert all(any(piece in q["content"]["text"] for q in article["quotes"]) for piece in quotes) and quotes
    for kind in ("actors", "events", "quotes", "stances"):
        heading = page.page.locator(f'#article-records section[data-records="{kind}"] h3').inner_text()
        assert heading.endswith(f"({len(article[kind])})")
    page.shoot("article")


def test_no_findings_yet_on_a_store_without_them(browser, tmp_path):
    with serve(ingest([EXAMPLES / "alaska-summit.html"], tmp_path / "one.db")) as base_url:
        page = browser.new_page()
        try:
            page.goto(f"{base_url}/#view=findings")
            page.locator('main[data-state="ready"][data-view="findings"]').wait_for()
            assert "No findings yet." in page.locator("main").inner_text()
        finally:
            page.close()


def test_findings_and_stories(page, api):
    findings, stories = api("findings"), api("stories")
    page.open("view=findings", "findings")
    assert page.page.locator("#finding-total").inner_text() == str(findings["total"])
    assert page.page.locator("#finding-list > li").count() == findings["total"] > 0
    shown = page.page.locator("#finding-list").inner_text()
    assert all(f["explanation"] in shown for f in findings["items"])
    assert page.page.locator("#story-list > li").count() == stories["total"] > 0
    page.shoot("findings")


def test_script_payloads_stay_inert_text(page, api):
    chosen = next(item for item in api("articles?q=Mirzoyan")["items"])
    article = api(f"articles/{chosen['id']}")
    assert "<script>" in article["title"] and "onerror=" in article["text"]
    page.open("view=article&q=Mirzoyan", "article")
    assert page.page.locator("#article-list li a").first.inner_text() == PAYLOAD_TITLE
    page.page.locator("#article-list li a").first.click()
    page.page.locator("#article-title").wait_for()
    page.ready("article")
    assert page.page.locator("#article-title").inner_text() == PAYLOAD_TITLE
    assert page.page.locator("#article-text").inner_text() == article["text"]
    evidence = {e["text"] for f in article["findings"] for e in f["evidence"]}
    assert set(page.texts("#article-text .hl.finding")) == evidence == {"US President Joe Biden"}
    page.shoot("payload")
    for view in ("article", "timeline", "map", "network", "stances", "findings"):
        if view != "article":
            page.page.locator(f'#tabs a[data-view="{view}"]').click()
            page.ready(view)
        assert page.page.locator(INJECTED).count() == 0, view
    assert page.page.evaluate("window.__pwned") is None


def test_scope_and_filtered_matrix_agree_with_the_api(api):
    assert api("dashboard/scope") == {"filtered": False, "articles": None}
    assert api("dashboard/stances/matrix") == api("stances/matrix")
    events = api("events?type=CONSULT&limit=1000")["items"]
    kept = api("dashboard/scope?type=CONSULT")
    assert kept["filtered"] and sorted(kept["articles"]) == sorted({e["article_id"] for e in events})
    stances = [s for s in api("stances?limit=1000")["items"] if s["article_id"] in kept["articles"]]
    matrix = api("dashboard/stances/matrix?type=CONSULT")
    counted = sum(cell[p] for cell in matrix["cells"] for p in ("support", "oppose", "conditional", "neutral"))
    assert 0 < counted == len(stances) < api("stances")["total"]
    listed = api("dashboard/articles?type=CONSULT&q=talks")
    searched = {a["id"] for a in api("articles?q=talks")["items"]}
    assert {a["id"] for a in listed["items"]} == searched & set(kept["articles"])
    assert listed["total"] == len(listed["items"]) > 0
    assert api("dashboard/articles")["total"] == api("articles")["total"]
    assert {e["article_id"] for cell in matrix["cells"] for e in cell["evidence"]} <= set(kept["articles"])


def test_filters_narrow_the_article_views(page, api):
    kept = set(api("dashboard/scope?type=CONSULT")["articles"])
    page.open("view=article&type=CONSULT", "article")
    listed = page.page.locator("#article-list li").evaluate_all("(nodes) => nodes.map((n) => n.dataset.id)")
    assert set(listed) == kept and len(listed) < api("articles")["total"]
    page.page.locator('#tabs a[data-view="stances"]').click()
    page.ready("stances")
    matrix = api("dashboard/stances/matrix?type=CONSULT")
    assert page.page.locator("#stance-matrix td.cell").count() == len(matrix["cells"])
    page.page.locator('#tabs a[data-view="findings"]').click()
    page.ready("findings")
    stories = [s for s in api("stories")["items"] if any(a["id"] in kept for a in s["articles"])]
    assert page.page.locator("#story-list > li").count() == len(stories) < api("stories")["total"]


def test_a_long_range_is_drawn_in_bars_of_several_days(page, api):
    counts = api("counts/day?by=quad&since=2020-01-01")["items"]
    page.open("view=timeline&by=quad&since=2020-01-01", "timeline")
    assert "days to a bar" in page.page.locator(".summary").inner_text()
    assert sum(page.numbers("rect.bar", "data-count")) == sum(item["count"] for item in counts)
    assert page.page.locator("rect.bar").count() < len(counts)


def test_a_bad_filter_is_reported_not_drawn(page):
    page.page.goto(f"{page.base}/#view=map&country=12")
    page.ready("map", state="error")
    assert "country" in page.page.locator('main [role="alert"]').inner_text()
    page.page.locator('#filters input[name="country"]').fill("UKR")
    page.page.locator('#filters button[type="submit"]').click()
    page.ready("map")


@pytest.mark.parametrize("bypass_policy", [False, True])
def test_a_remote_request_is_refused_by_the_policy_and_caught_by_the_watch(browser, server, bypass_policy):
    context = browser.new_context(bypass_csp=bypass_policy)
    watched = Watched(context.new_page(), server)
    watched.open("view=timeline", "timeline")
    outcome = watched.page.evaluate("() => fetch('https://example.org/font.woff2').then(() => 'fetched', () => 'refused')")
    context.close()
    assert outcome == "refused"
    if bypass_policy:  # without the page's policy, the test's own watch still stops it
        assert watched.remote == ["https://example.org/font.woff2"]
    else:  # the page's Content-Security-Policy stops it before it leaves the browser
        assert watched.remote == [] and any("Content Security Policy" in m for m in watched.console)


def test_every_view_draws_on_an_empty_store(browser, tmp_path):
    from accord import Store

    Store(tmp_path / "empty.db").close()
    with serve(tmp_path / "empty.db") as base_url:
        context = browser.new_context()
        watched = Watched(context.new_page(), base_url)
        try:
            for view in ("timeline", "map", "network", "stances", "article", "findings"):
                main = watched.open(f"view={view}", view)
                assert main.locator(".empty").count() > 0, view
        finally:
            context.close()
        assert not watched.remote and not watched.errors
