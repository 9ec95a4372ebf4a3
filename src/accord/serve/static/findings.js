// Findings and stories: what the checks flagged, and the stories articles were grouped into.

import { all } from "./api.js";
import { el, fill, empty } from "./dom.js";
import { update } from "./state.js";

const openArticle = (id, start, end) => (event) => {
  event.preventDefault();
  update({ view: "article", id, mark: Number.isInteger(start) ? `${start}-${end}` : null });
};

/** Draw the findings list and the stories into `root`. */
export async function render(root, state) {
  const story = state.story ? `?story=${encodeURIComponent(state.story)}` : "";
  const [findings, stories] = await Promise.all([all(`findings${story}`), all("stories")]);
  const findingList = findings.items.length
    ? el("ol", { class: "findings", id: "finding-list" }, findings.items.map((f) => el("li", { class: f.severity },
      el("b", {}, `${f.severity}: ${f.kind}`), f.about ? ` — ${f.about}` : "", el("p", {}, f.explanation),
      el("ul", { class: "evidence" }, (f.evidence || []).map((ev) => el("li", {},
        el("q", {}, ev.text), ev.source ? ` (${ev.source}) ` : " ",
        el("a", { href: "#", onclick: openArticle(ev.article, ev.start, ev.end) }, "read in the article")))))))
    : empty("No findings yet.");
  const storyList = stories.items.length
    ? el("table", { class: "records", id: "story-list" },
      el("thead", {}, el("tr", {}, Object.keys(stories.items[0]).filter(shown).map((k) => el("th", {}, k)))),
      el("tbody", {}, stories.items.map((s) => el("tr", { class: s.id === state.story ? "chosen" : "" },
        Object.entries(s).filter(([k]) => shown(k)).map(([k, v]) => el("td", {}, k === "id"
          ? el("a", { href: "#", onclick: (event) => { event.preventDefault(); update({ story: s.id === state.story ? null : s.id }); } }, v)
          : text(v)))))))
    : empty("No stories yet.");
  fill(root,
    el("h2", {}, "Findings ", el("small", { id: "finding-total" }, findings.total)),
    state.story ? el("p", { class: "meta" }, "in story ", el("code", {}, state.story), " ",
      el("button", { onclick: () => update({ story: null }) }, "all stories")) : null,
    findingList,
    el("h2", {}, "Stories ", el("small", { id: "story-total" }, stories.total)), storyList);
}

const shown = (key) => !["findings", "members"].includes(key);
const text = (value) => (value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value));
