// The dashboard's entry: the filter bar, the tabs, and drawing the chosen view whenever the URL changes.

import { get } from "./api.js";
import { el, fill } from "./dom.js";
import { read, update, FILTERS } from "./state.js";
import * as timeline from "./timeline.js";
import * as map from "./map.js";
import * as network from "./network.js";
import * as stances from "./stances.js";
import * as article from "./article.js";
import * as findings from "./findings.js";

const VIEWS = { timeline, map, network, stances, article, findings };
const form = document.getElementById("filters");
const main = document.getElementById("view");
let drawing = 0;

async function draw() {
  const state = read();
  const view = VIEWS[state.view] ? state.view : "timeline";
  const select = form.elements.type;
  if (state.type && ![...select.options].some((option) => option.value === state.type)) {
    select.appendChild(el("option", { value: state.type }, state.type));
  }
  for (const name of FILTERS) form.elements[name].value = state[name] || "";
  for (const tab of document.querySelectorAll("#tabs a")) {
    tab.classList.toggle("on", tab.dataset.view === view);
    tab.href = "#" + new URLSearchParams({ ...withoutView(state), view: tab.dataset.view });
  }
  const ticket = ++drawing;
  const drawn = location.hash;
  const root = el("div", { class: `view ${view}` });
  main.dataset.state = "loading";
  try {
    await VIEWS[view].render(root, state);
    if (ticket !== drawing) return;
    fill(main, root);
    main.dataset.state = "ready";
    main.dataset.view = view;
    main.dataset.drawn = drawn;  // the address this drawing shows, for tests and tools waiting on it
  } catch (err) {
    if (ticket !== drawing) return;
    fill(main, el("p", { class: "error", role: "alert" }, `Could not draw this view: ${err.message}`));
    main.dataset.state = "error";
    main.dataset.drawn = drawn;
  }
}

// The filters that belong to the URL, without the view-specific keys (article id, mark).
function withoutView(state) {
  const kept = {};
  for (const key of [...FILTERS, "by", "q", "story"]) if (state[key]) kept[key] = state[key];
  return kept;
}

// The type choices come after the first drawing; the actor names only when someone types one.
async function typeChoices() {
  try {
    const types = await get("counts/day?by=type");
    const select = form.elements.type;
    const known = new Set([...select.options].map((option) => option.value));
    for (const type of [...new Set(types.items.map((item) => item.key))].sort()) {
      if (!known.has(type)) select.appendChild(el("option", { value: type }, type));
    }
    select.value = read().type || "";
  } catch (err) {
    // The choices only help; the views report their own errors.
  }
}

async function actorChoices() {
  try {
    const actors = await get("actors?limit=1000");
    const list = document.getElementById("actor-names");
    for (const actor of actors.items) list.appendChild(el("option", { value: actor.id }, actor.name || actor.id));
  } catch (err) {
    // as above
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const changes = {};
  for (const name of FILTERS) changes[name] = form.elements[name].value.trim() || null;
  update(changes);
});
document.getElementById("clear-filters").addEventListener("click", () => {
  update(Object.fromEntries(FILTERS.map((name) => [name, null])));
});
window.addEventListener("hashchange", draw);
form.elements.actor.addEventListener("focus", actorChoices, { once: true });
draw().then(typeChoices);
