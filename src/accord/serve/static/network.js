// Actor network: who acted on whom, edges weighted by events and coloured by QuadClass.

import { get } from "./api.js";
import { el, svg, fill, empty, swatch, QUADS } from "./dom.js";
import { filterQuery, update } from "./state.js";

const W = 960, H = 560;

/** Positions for `nodes` from a small deterministic force layout (springs on edges, repulsion between
 * nodes, a pull to the middle): a Map from node id to {x, y}. */
export function layout(nodes, edges, rounds = 300) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const xs = new Float64Array(n), ys = new Float64Array(n), fx = new Float64Array(n), fy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n);
    ys[i] = H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n);
  }
  const ideal = Math.sqrt((W * H) / Math.max(1, n)) * 0.45, ideal2 = ideal * ideal, gravity = 0.2 * Math.sqrt(n);
  for (let round = 0; round < rounds; round++) {
    const heat = 20 * (1 - round / rounds) + 0.5;
    fx.fill(0);
    fy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = xs[i] - xs[j] || 0.01, dy = ys[i] - ys[j] || 0.01;
        const force = ideal2 / (dx * dx + dy * dy);
        fx[i] += dx * force; fy[i] += dy * force;
        fx[j] -= dx * force; fy[j] -= dy * force;
      }
    }
    for (const [a, b] of links) {
      const dx = xs[a] - xs[b], dy = ys[a] - ys[b], pull = (Math.hypot(dx, dy) || 0.01) / ideal;
      fx[a] -= dx * pull; fy[a] -= dy * pull;
      fx[b] += dx * pull; fy[b] += dy * pull;
    }
    for (let i = 0; i < n; i++) {
      fx[i] += (W / 2 - xs[i]) * gravity;  // keeps unlinked groups on the page
      fy[i] += (H / 2 - ys[i]) * gravity;
      const size = Math.hypot(fx[i], fy[i]) || 1, step = Math.min(size, heat) / size;
      xs[i] = Math.min(W - 60, Math.max(60, xs[i] + fx[i] * step));
      ys[i] = Math.min(H - 30, Math.max(30, ys[i] + fy[i] * step));
    }
  }
  return new Map(nodes.map((node, i) => [node.id, { x: xs[i], y: ys[i] }]));
}

/** Draw the network of `state` into `root`. */
export async function render(root, state) {
  const data = await get(`network?${filterQuery(state).slice(1)}`);
  if (!data.nodes.length) return fill(root, empty("No events with both a source and a target match these filters."));
  const at = layout(data.nodes, data.edges);
  const heaviest = Math.max(1, ...data.edges.map((e) => e.weight));
  const busiest = Math.max(1, ...data.nodes.map((n) => n.count));
  const chart = svg("svg", { id: "network-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const defs = svg("defs", {});
  for (const [quad, { colour }] of Object.entries(QUADS)) {
    defs.appendChild(svg("marker", { id: `arrow-${quad}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      svg("path", { d: "M0 0L10 5L0 10Z", fill: colour })));
  }
  chart.appendChild(defs);
  const radius = (node) => 5 + 10 * Math.sqrt(node.count / busiest);
  const sizes = new Map(data.nodes.map((node) => [node.id, radius(node)]));
  for (const edge of data.edges) {
    const a = at.get(edge.source), b = at.get(edge.target);
    if (!a || !b) continue;
    const colour = (QUADS[edge.quad] || { colour: "#888" }).colour;
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1, r = sizes.get(edge.target) + 2;
    chart.appendChild(svg("line", {
      class: "edge", x1: a.x, y1: a.y, x2: b.x - ((b.x - a.x) / d) * r, y2: b.y - ((b.y - a.y) / d) * r,
      stroke: colour, "stroke-width": 1 + 5 * (edge.weight / heaviest), "marker-end": QUADS[edge.quad] ? `url(#arrow-${edge.quad})` : null,
      "data-source": edge.source, "data-target": edge.target, "data-weight": edge.weight, "data-quad": edge.quad,
    }, svg("title", {}, `${edge.source} -> ${edge.target}: ${edge.weight} event${edge.weight === 1 ? "" : "s"}`)));
  }
  for (const node of data.nodes) {
    const p = at.get(node.id);
    chart.appendChild(svg("g", { class: node.id === state.actor ? "node chosen" : "node", "data-id": node.id, "data-count": node.count,
      onclick: () => update({ actor: node.id === state.actor ? null : node.id }) },
      svg("circle", { cx: p.x, cy: p.y, r: sizes.get(node.id) }),
      svg("text", { x: p.x, y: p.y - sizes.get(node.id) - 3, class: "label" }, node.label || node.id),
      svg("title", {}, `${node.label || node.id} (${node.id}): ${node.count} event${node.count === 1 ? "" : "s"}`)));
  }
  const legend = el("ul", { class: "legend" },
    Object.entries(QUADS).map(([quad, q]) => el("li", {}, swatch(q.colour), `${quad} ${q.name}`)));
  fill(root, el("p", { class: "summary" }, el("b", { id: "network-nodes" }, data.nodes.length), " actors, ",
    el("b", { id: "network-edges" }, data.edges.length), " links. ", el("span", { class: "hint" }, "Click an actor to filter by it.")),
    chart, legend);
}
