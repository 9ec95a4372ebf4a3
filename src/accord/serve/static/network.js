// Actor network: who acted on whom, edges weighted by events and coloured by QuadClass.

import { get } from "./api.js";
import { el, svg, fill, empty, swatch, QUADS } from "./dom.js";
import { filterQuery, update } from "./state.js";

const W = 960, H = 560;

/** Positions for `nodes` from a small deterministic force layout (springs on edges, repulsion between nodes). */
export function layout(nodes, edges, rounds = 300) {
  const n = nodes.length;
  const at = new Map(nodes.map((node, i) => [node.id, {
    x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n), y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n) }]));
  const ideal = Math.sqrt((W * H) / Math.max(1, n)) * 0.45;
  for (let round = 0; round < rounds; round++) {
    const heat = 20 * (1 - round / rounds) + 0.5;
    const push = new Map(nodes.map((node) => [node.id, { x: 0, y: 0 }]));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = at.get(nodes[i].id), b = at.get(nodes[j].id);
        const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01;
        const d2 = dx * dx + dy * dy, force = (ideal * ideal) / d2;
        push.get(nodes[i].id).x += dx * force; push.get(nodes[i].id).y += dy * force;
        push.get(nodes[j].id).x -= dx * force; push.get(nodes[j].id).y -= dy * force;
      }
    }
    for (const edge of edges) {
      const a = at.get(edge.source), b = at.get(edge.target);
      if (!a || !b || a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.hypot(dx, dy) || 0.01, pull = d / ideal;
      push.get(edge.source).x -= dx * pull; push.get(edge.source).y -= dy * pull;
      push.get(edge.target).x += dx * pull; push.get(edge.target).y += dy * pull;
    }
    for (const node of nodes) {
      const p = at.get(node.id), f = push.get(node.id);
      f.x += (W / 2 - p.x) * 0.2 * Math.sqrt(n);  // gravity keeps unlinked groups on the page
      f.y += (H / 2 - p.y) * 0.2 * Math.sqrt(n);
      const size = Math.hypot(f.x, f.y) || 1;
      p.x = Math.min(W - 60, Math.max(60, p.x + (f.x / size) * Math.min(size, heat)));
      p.y = Math.min(H - 30, Math.max(30, p.y + (f.y / size) * Math.min(size, heat)));
    }
  }
  return at;
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
