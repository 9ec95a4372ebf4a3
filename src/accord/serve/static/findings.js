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
    ? el("ol", { class: "stories", id: "story-list" }, stories.items.map((s) => el("li", { class: s.story === state.story ? "chosen" : "", "data-story": s.story },
      el("a", { href: "#", onclick: (event) => { event.preventDefault(); update({ story: s.story === state.story ? null : s.story }); } },
        el("code", {}, s.story)),
      ` ${s.articles.length} article${s.articles.length === 1 ? "" : "s"} from ${s.outlets.join(", ") || "unknown outlets"}; ${s.findings} finding${s.findings === 1 ? "" : "s"}`,
      el("ul", {}, s.articles.map((a) => el("li", {},
        el("a", { href: "#", onclick: openArticle(a.id) }, a.title || "(untitled)"),
        el("small", {}, ` ${[a.source, a.published].filter(Boolean).join(" · ")}${a.copy_of ? " (a copy)" : ""}`)))))))
    : empty("No stories yet.");
  fill(root,
    el("h2", {}, "Findings ", el("small", { id: "finding-total" }, findings.total)),
    state.story ? el("p", { class: "meta" }, "in story ", el("code", {}, state.story), " ",
      el("button", { onclick: () => update({ story: null }) }, "all stories")) : null,
    findingList,
    el("h2", {}, "Stories ", el("small", { id: "story-total" }, stories.total)), storyList);
}

