// Article view: the list of articles, and one article's text with its records highlighted from their offsets.

import { get } from "./api.js";
import { el, fill, empty } from "./dom.js";
import { filterQuery, update, FILTERS } from "./state.js";

const SHOWN = 500;  // articles listed at once; searching or filtering finds the others
const LAYERS = { actor: "actors", event: "events", quote: "quotes", finding: "findings" };

/** {start, end} of a span, or of a record's `span` (a mention); null when there is none. */
export function spanOf(record) {
  if (!record) return null;
  if (record.span) return spanOf(record.span);
  return Number.isInteger(record.start) && Number.isInteger(record.end) ? { start: record.start, end: record.end } : null;
}

/** Draw the article list, and the article named in `state.id` beside it, into `root`. */
export async function render(root, state) {
  const search = el("input", { type: "search", id: "article-search", placeholder: "search titles and text", value: state.q || "" });
  search.addEventListener("change", () => update({ q: search.value || null }));
  const { total: count, items: shown } = await get(`dashboard/articles?q=${encodeURIComponent(state.q || "")}&limit=${SHOWN}${filterQuery(state)}`);
  const filtered = FILTERS.some((key) => state[key]);
  const items = el("ol", { class: "articles", id: "article-list" }, shown.map((item) =>
    el("li", { class: item.id === state.id ? "chosen" : "", "data-id": item.id },
      el("a", { href: "#", onclick: (event) => { event.preventDefault(); update({ view: "article", id: item.id, mark: null }); } },
        item.title || "(untitled)"),
      el("small", {}, [item.source, item.published].filter(Boolean).join(" · ")))));
  const side = el("aside", { class: "article-index" }, search,
    el("p", { class: "summary" }, el("b", { id: "article-total" }, count), " articles",
      filtered ? el("span", { class: "hint" }, " with events that match the filters") : null,
      count > shown.length ? el("span", { class: "hint" }, `; the newest ${shown.length} listed`) : null),
    shown.length ? items : empty("No articles match."));
  const body = el("div", { class: "article-body" });
  fill(root, el("div", { class: "split" }, side, body));
  if (!state.id) return fill(body, empty("Choose an article to read it with its records."));
  const article = await get(`articles/${encodeURIComponent(state.id)}`);
  show(body, article, state);
}

function show(body, article, state) {
  const names = new Map(article.actors.map((actor) => [actor.id, actor.name]));
  const who = (ids) => ids.map((id) => names.get(id) || id).join(", ") || "—";
  const findings = [...article.findings, ...article.story_findings];
  const marks = [];
  const add = (layer, span, index) => { if (span && span.end > span.start) marks.push({ layer, ...span, index }); };
  article.mentions.forEach((m, i) => add("actor", spanOf(m), i));
  article.events.forEach((e, i) => add("event", spanOf(e.trigger), i));
  article.quotes.forEach((q, i) => add("quote", spanOf(q.content), i));
  findings.forEach((f, i) => f.evidence.filter((ev) => ev.article === article.id)
    .forEach((ev) => add("finding", spanOf(ev), i)));
  if (state.mark && /^\d+-\d+$/.test(state.mark)) {
    const [start, end] = state.mark.split("-").map(Number);
    add("mark", { start, end }, 0);
  }

  const text = el("div", { class: "text", id: "article-text" }, highlight(article.text, marks));
  const toggles = el("div", { class: "toolbar layers" }, Object.entries(LAYERS).map(([layer, label]) => {
    const box = el("input", { type: "checkbox", checked: true, "data-layer": layer });
    box.addEventListener("change", () => text.classList.toggle(`hide-${layer}`, !box.checked));
    return el("label", { class: `key ${layer}` }, box, ` ${label}`);
  }));
  const goto = (span) => () => {
    if (!span) return;
    update({ mark: `${span.start}-${span.end}` });
  };
  const records = el("div", { class: "record-lists", id: "article-records" },
    section("Actors", article.actors, (a) => el("li", {}, el("b", {}, a.name), ` ${a.code || ""} `, el("small", {}, a.role || a.kind || ""))),
    section("Events", article.events, (e) => el("li", { class: "clickable", onclick: goto(spanOf(e.trigger)) },
      el("b", {}, `${e.type} ${e.cameo}`), ` ${e.when || ""} `, `${who(e.source)} → ${who(e.target)}`,
      e.place ? ` in ${e.place.name}` : "", e.acled ? el("small", {}, ` ACLED ${e.acled.join(": ")}`) : null,
      el("br", {}), el("q", {}, e.trigger.text))),
    section("Quotes", article.quotes, (q) => el("li", { class: "clickable", onclick: goto(spanOf(q.content)) },
      el("b", {}, q.speaker ? names.get(q.speaker) || q.speaker : "unattributed"), ` (${q.kind}) `, el("q", {}, q.content.text))),
    section("Stances", article.stances, (s) => el("li", { class: "clickable", onclick: goto(spanOf(s.evidence[0])) },
      el("b", {}, names.get(s.holder) || s.holder), ` ${s.polarity} `, el("i", {}, s.issue))),
    section("Findings", findings, (f) => el("li", { class: `clickable ${f.severity}`, onclick: goto(spanOf(f.evidence[0])) },
      el("b", {}, `${f.severity}: ${f.kind}`), " ", f.explanation)));
  const meta = [article.source, article.published, article.url].filter(Boolean).join(" · ");
  fill(body, el("h2", { id: "article-title" }, article.title || "(untitled)"), el("p", { class: "meta" }, meta),
    article.story ? el("p", { class: "meta" }, "story ", el("code", {}, article.story)) : null,
    toggles, el("div", { class: "reader" }, text, records));
  const marked = text.querySelector(".mark");
  if (marked) marked.scrollIntoView({ block: "center" });
}

function section(title, rows, draw) {
  return el("section", { "data-records": title.toLowerCase() }, el("h3", {}, `${title} (${rows.length})`),
    rows.length ? el("ul", {}, rows.map(draw)) : empty("none"));
}

/** The text as nodes: each stretch covered by marks is a <span> whose classes name the layers covering it. */
export function highlight(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const mark of marks) {
    cuts.add(Math.max(0, Math.min(text.length, mark.start)));
    cuts.add(Math.max(0, Math.min(text.length, mark.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = text.slice(start, end);
    const layers = [...new Set(marks.filter((m) => m.start <= start && m.end >= end).map((m) => m.layer))];
    if (!layers.length) nodes.push(document.createTextNode(piece));
    else nodes.push(el("span", { class: ["hl", ...layers].join(" "), "data-start": start, "data-end": end }, piece));
  }
  return nodes;
}
