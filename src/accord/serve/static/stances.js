// Stance matrix: holders by issues; a cell counts stances by polarity and opens its evidence.

import { get } from "./api.js";
import { el, fill, empty } from "./dom.js";
import { filterQuery, update } from "./state.js";

const POLARITIES = ["support", "oppose", "conditional", "neutral"];
const SIGNS = { support: "+", oppose: "−", conditional: "?", neutral: "·" };

/** Draw the stance matrix of `state` into `root`. */
export async function render(root, state) {
  const data = await get(`dashboard/stances/matrix?${filterQuery(state).slice(1)}`);
  if (!data.cells.length) return fill(root, empty("No stances match these filters."));
  const cells = new Map(data.cells.map((cell) => [`${cell.holder}\u0000${cell.issue}`, cell]));
  const evidence = el("section", { id: "stance-evidence", class: "panel" }, empty("Choose a cell to read its evidence."));
  const table = el("table", { class: "matrix", id: "stance-matrix" },
    el("thead", {}, el("tr", {}, el("th", {}, "holder \\ issue"), data.issues.map((issue) => el("th", { "data-issue": issue }, issue)))),
    el("tbody", {}, data.holders.map((holder) => el("tr", {},
      el("th", { "data-holder": holder }, holder),
      data.issues.map((issue) => {
        const cell = cells.get(`${holder}\u0000${issue}`);
        if (!cell) return el("td", { class: "none" });
        const lean = POLARITIES.reduce((best, p) => (cell[p] > cell[best] ? p : best), "support");
        return el("td", { class: `cell ${lean}`, tabindex: 0, "data-holder": cell.holder, "data-issue": cell.issue,
          onclick: () => open(evidence, cell),
          onkeydown: (event) => { if (event.key === "Enter") open(evidence, cell); } },
          POLARITIES.filter((p) => cell[p]).map((p) => el("span", { class: p, title: p }, `${SIGNS[p]}${cell[p]}`)));
      })))));
  fill(root, el("p", { class: "summary" }, el("b", { id: "stance-cells" }, data.cells.length), " holder-issue pairs. ",
    el("span", { class: "hint" }, "+ support, − oppose, ? conditional, · neutral")), table, evidence);
}

function open(panel, cell) {
  const counts = POLARITIES.filter((p) => cell[p]).map((p) => `${cell[p]} ${p}`).join(", ");
  const stances = POLARITIES.reduce((sum, p) => sum + cell[p], 0);
  fill(panel, el("h3", {}, `${cell.holder} on ${cell.issue}`), el("p", {}, counts),
    stances > cell.evidence.length ? el("p", { class: "hint" }, `The first ${cell.evidence.length} sentences of evidence:`) : null,
    el("ol", { class: "evidence" }, cell.evidence.map((item) => el("li", {},
      el("q", {}, item.text), " ",
      el("a", { href: "#", onclick: (event) => { event.preventDefault(); update({ view: "article", id: item.article_id, mark: `${item.start}-${item.end}` }); } },
        "read in the article")))));
}
