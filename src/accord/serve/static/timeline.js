// Timeline: events per day stacked by PLOVER type or QuadClass; drag across it to choose dates.

import { get } from "./api.js";
import { el, svg, fill, empty, swatch, colourOf, QUADS } from "./dom.js";
import { filterQuery, update } from "./state.js";

const DAY = 86400000;
const W = 960, H = 280, M = { left: 40, right: 12, top: 12, bottom: 28 };
const MAX_BARS = 320;

const dayNumber = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY);
const isoDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

/** Draw the timeline of `state` into `root`. */
export async function render(root, state) {
  const by = state.by === "quad" ? "quad" : "type";
  const data = await get(`counts/day?by=${by}${filterQuery(state)}`);
  const items = data.items.filter((item) => item.day);
  const toggle = el("div", { class: "toolbar" },
    "Stack by ",
    el("button", { class: by === "type" ? "on" : "", "data-by": "type", onclick: () => update({ by: "type" }) }, "PLOVER type"),
    el("button", { class: by === "quad" ? "on" : "", "data-by": "quad", onclick: () => update({ by: "quad" }) }, "QuadClass"),
    state.since || state.until ? el("button", { id: "clear-dates", onclick: () => update({ since: null, until: null }) }, "All dates") : null,
    el("span", { class: "hint" }, "Drag across the chart to choose a date range."));
  if (!items.length) return fill(root, toggle, empty("No dated events match these filters."));

  const days = items.map((item) => dayNumber(item.day));
  const lowest = days.reduce((a, b) => Math.min(a, b)), highest = days.reduce((a, b) => Math.max(a, b));
  const first = state.since ? Math.min(dayNumber(state.since), lowest) : lowest;
  const last = state.until ? Math.max(dayNumber(state.until), highest) : highest;
  const span = last - first + 1;
  const width = Math.ceil(span / MAX_BARS);  // days per bar: a long range is drawn in weeks or months
  const inner = W - M.left - M.right, tall = H - M.top - M.bottom;
  const x = (n) => M.left + ((n - first) / span) * inner;
  const barWidth = Math.max(1, (inner * width) / span - 1);

  const keys = [...new Set(items.map((item) => String(item.key)))].sort();
  const totals = {};
  const bars = new Map();
  items.forEach((item, i) => {
    const key = String(item.key), start = first + Math.floor((days[i] - first) / width) * width;
    totals[key] = (totals[key] || 0) + item.count;
    const bar = bars.get(`${start} ${key}`) || { start, key, count: 0 };
    bar.count += item.count;
    bars.set(`${start} ${key}`, bar);
  });
  const stacks = {};
  for (const bar of bars.values()) stacks[bar.start] = (stacks[bar.start] || 0) + bar.count;
  const peak = Object.values(stacks).reduce((a, b) => Math.max(a, b));
  const y = (count) => (count / peak) * tall;

  const chart = svg("svg", { id: "timeline-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per day" });
  chart.appendChild(svg("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: "axis" }));
  chart.appendChild(svg("text", { x: M.left - 6, y: M.top + 10, class: "tick end" }, peak));
  const ticks = Math.min(6, span);
  for (let i = 0; i <= ticks; i++) {
    const day = first + Math.round(((span - 1) * i) / Math.max(1, ticks));
    const anchor = i === 0 ? "tick" : i === ticks ? "tick end" : "tick middle";
    chart.appendChild(svg("line", { x1: x(day), x2: x(day), y1: H - M.bottom, y2: H - M.bottom + 4, class: "axis" }));
    chart.appendChild(svg("text", { x: x(day), y: H - 8, class: anchor }, isoDay(day)));
  }
  const heights = {};
  const ordered = [...bars.values()].sort((a, b) => a.start - b.start || keys.indexOf(a.key) - keys.indexOf(b.key));
  for (const bar of ordered) {
    const below = heights[bar.start] || 0;
    heights[bar.start] = below + bar.count;
    const when = width === 1 ? isoDay(bar.start) : `${isoDay(bar.start)} to ${isoDay(Math.min(last, bar.start + width - 1))}`;
    chart.appendChild(svg("rect", {
      class: "bar", x: x(bar.start), width: barWidth,
      y: H - M.bottom - y(below + bar.count), height: Math.max(0.5, y(bar.count)),
      fill: colourOf(bar.key), "data-day": isoDay(bar.start), "data-key": bar.key, "data-count": bar.count,
    }, svg("title", {}, `${when} ${label(by, bar.key)}: ${bar.count}`)));
  }
  brush(chart, (from, to) => {
    const a = Math.floor(first + ((Math.min(from, to) - M.left) / inner) * span);
    const b = Math.floor(first + ((Math.max(from, to) - M.left) / inner) * span);
    update({ since: isoDay(Math.max(first, a)), until: isoDay(Math.min(last, b)) });
  });

  const legend = el("ul", { class: "legend", id: "timeline-legend" },
    keys.map((key) => el("li", { "data-key": key },
      swatch(colourOf(key)), `${label(by, key)} `, el("b", {}, totals[key]))));
  const total = items.reduce((sum, item) => sum + item.count, 0);
  fill(root, toggle, el("p", { class: "summary" }, el("b", { id: "timeline-total" }, total),
    ` dated events from ${isoDay(first)} to ${isoDay(last)}`, width > 1 ? `, ${width} days to a bar` : ""), chart, legend);
}

function label(by, key) {
  return by === "quad" && QUADS[key] ? `${key} ${QUADS[key].name}` : key;
}

// A drag across the chart draws a band and, on release, hands the two x positions (in chart units) to `done`.
function brush(chart, done) {
  const band = svg("rect", { class: "brush", y: M.top, height: H - M.top - M.bottom, x: 0, width: 0, visibility: "hidden" });
  chart.appendChild(band);
  let start = null;
  const at = (event) => {
    const box = chart.getBoundingClientRect();
    const value = ((event.clientX - box.left) / box.width) * W;
    return Math.min(W - M.right, Math.max(M.left, value));
  };
  chart.addEventListener("pointerdown", (event) => {
    start = at(event);
    chart.setPointerCapture(event.pointerId);
    band.setAttribute("x", start);
    band.setAttribute("width", 0);
    band.setAttribute("visibility", "visible");
  });
  chart.addEventListener("pointermove", (event) => {
    if (start === null) return;
    const now = at(event);
    band.setAttribute("x", Math.min(start, now));
    band.setAttribute("width", Math.abs(now - start));
  });
  chart.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const end = at(event);
    const from = start;
    start = null;
    band.setAttribute("visibility", "hidden");
    if (Math.abs(end - from) >= 3) done(from, end);
  });
}
