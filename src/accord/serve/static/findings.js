// Findings and stories: what the checks flagged, and the stories articles were grouped into.

import { all, get, scope } from "./api.js";
import { el, fill, empty } from "./dom.js";
import { filterQuery, update } from "./state.js";

const SHOWN = 200;  // stories listed at once, the largest first

const openArticle = (id, start, end) => (event) => {
  event.preventDefault();
  update({ view: "article", id, mark: Number.isInteger(start) ? `${start}-${end}` : null });
};

/** Draw the findings list and the stories into `root`. */
export async function render(root, state) {
  const story = state.story ? `?story=${encodeURIComponent(state.story)}` : "";
  const kept = await scope(filterQuery(state).slice(1));
  const [found, told] = await Promise.all([all(`findings${story}`), kept ? all("stories") : get(`stories?limit=${SHOWN}`)]);
  const findings = kept ? found.items.filter((f) => f.evidence.some((ev) => kept.has(ev.article))) : found.items;
  const matching = kept ? told.items.filter((s) => s.articles.some((a) => kept.has(a.id))) : told.items;
  const storyCount = kept ? matching.length : told.total;
  const stories = matching.slice(0, SHOWN);
  const narrowed = kept ? el("p", { class: "hint" }, "Only findings and stories about articles whose events match the filters.") : null;
  const findingList = findings.length
    ? el("ol", { class: "findings", id: "finding-list" }, findings.map((f) => el("li", { class: f.severity },
      el("b", {}, `${f.severity}: ${f.kind}`), f.about ? ` — ${f.about}` : "", el("p", {}, f.explanation),
      el("ul", { class: "evidence" }, f.evidence.map((ev) => el("li", {},
        el("q", {}, ev.text), ev.source ? ` (${ev.source}) ` : " ",
        el("a", { href: "#", onclick: openArticle(ev.article, ev.start, ev.end) }, "read in the article")))))))
    : empty("No findings yet.");
  const storyList = stories.length
    ? el("ol", { class: "stories", id: "story-list" }, stories.map((s) => el("li", { class: s.story === state.story ? "chosen" : "", "data-story": s.story },
      el("a", { href: "#", onclick: (event) => { event.preventDefault(); update({ story: s.story === state.story ? null : s.story }); } },
        el("code", {}, s.story)),
      ` ${s.articles.length} article${s.articles.length === 1 ? "" : "s"} from ${s.outlets.join(", ") || "unknown outlets"}; ${s.findings} finding${s.findings === 1 ? "" : "s"}`,
      el("ul", {}, s.articles.map((a) => el("li", {},
        el("a", { href: "#", onclick: openArticle(a.id) }, a.title || "(untitled)"),
        el("small", {}, ` ${[a.source, a.published].filter(Boolean).join(" · ")}${a.copy_of ? " (a copy)" : ""}`)))))))
    : empty("No stories yet.");
  fill(root, narrowed,
    el("h2", {}, "Findings ", el("small", { id: "finding-total" }, findings.length)),
    state.story ? el("p", { class: "meta" }, "in story ", el("code", {}, state.story), " ",
      el("button", { onclick: () => update({ story: null }) }, "all stories")) : null,
    findingList,
    el("h2", {}, "Stories ", el("small", { id: "story-total" }, storyCount)),
    storyCount > stories.length ? el("p", { class: "hint" }, `The ${stories.length} largest are listed.`) : null,
    kept && told.total > told.items.length ? el("p", { class: "hint" }, `Filtered among the ${told.items.length} largest stories.`) : null,
    storyList);
}

