// Map: country outlines (Natural Earth, shipped in world.json) and geocoded events sized by count.

import { get } from "./api.js";
import { el, svg, fill, empty } from "./dom.js";
import { filterQuery, update } from "./state.js";

let world = null;

async function outlines() {
  if (!world) {
    const response = await fetch("/static/world.json");
    world = await response.json();
  }
  return world;
}

/** Draw the map of `state` into `root`. */
export async function render(root, state) {
  const [shapes, data] = await Promise.all([outlines(), get(`map?limit=1000${filterQuery(state)}`)]);
  const points = data.items.filter((item) => item.lat !== null && item.lon !== null);
  const chart = svg("svg", { id: "map-chart", viewBox: `0 0 ${shapes.width} ${shapes.height}`, role: "img", "aria-label": "map of events" });
  chart.appendChild(svg("rect", { class: "sea", x: 0, y: 0, width: shapes.width, height: shapes.height }));
  const chosen = state.country;
  for (const country of shapes.countries) {
    chart.appendChild(svg("path", {
      class: country.id === chosen ? "land chosen" : "land", d: country.d, "data-country": country.id,
      onclick: () => update({ country: country.id === chosen ? null : country.id }),
    }, svg("title", {}, `${country.name} (${country.id})`)));
  }
  const peak = Math.max(1, ...points.map((p) => p.count));
  for (const point of [...points].sort((a, b) => b.count - a.count)) {
    chart.appendChild(svg("circle", {
      class: "place", cx: point.lon + 180, cy: 90 - point.lat, r: 0.8 + 4 * Math.sqrt(point.count / peak),
      "data-place": point.place, "data-count": point.count,
    }, svg("title", {}, `${point.place}: ${point.count} event${point.count === 1 ? "" : "s"}`)));
  }
  const table = el("table", { class: "records", id: "map-places" },
    el("thead", {}, el("tr", {}, el("th", {}, "place"), el("th", {}, "events"), el("th", {}, "lat, lon"))),
    el("tbody", {}, points.map((p) => el("tr", {},
      el("td", {}, p.place), el("td", { class: "n" }, p.count), el("td", {}, `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`)))));
  const total = points.reduce((sum, p) => sum + p.count, 0);
  fill(root,
    el("p", { class: "summary" }, el("b", { id: "map-total" }, total), ` geocoded events at ${points.length} places. `,
      el("span", { class: "hint" }, "Click a country to filter by it.")),
    chart, points.length ? table : empty("No geocoded events match these filters."));
}
