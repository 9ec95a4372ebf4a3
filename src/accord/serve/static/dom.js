// Small DOM helpers. Data is only ever added as text nodes or attribute values, never as markup.

const SVG = "http://www.w3.org/2000/svg";

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("td", {class: "n"}, "text", otherNode). */
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, same call shape as el(). */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

/** Replace everything inside `node` with `children`. */
export function fill(node, ...children) {
  node.replaceChildren();
  return build(node, {}, children);
}

/** A short notice in place of a view with nothing to show. */
export function empty(message) {
  return el("p", { class: "empty" }, message);
}

/** Colours and names of CAMEO's QuadClass 1..4. */
export const QUADS = {
  1: { name: "verbal cooperation", colour: "#2e8b57" },
  2: { name: "material cooperation", colour: "#1f6fb2" },
  3: { name: "verbal conflict", colour: "#e08a1e" },
  4: { name: "material conflict", colour: "#c0392b" },
};

// PLOVER 0.8's sixteen event types, cooperative to conflictual, each with its own colour in every view.
const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PALETTE = ["#1b9e77", "#66c2a5", "#a6d854", "#b3de69", "#1f78b4", "#a6cee3", "#8da0cb", "#bebada",
  "#fdb462", "#ff7f00", "#e6ab02", "#fb9a99", "#e78ac3", "#cab2d6", "#e31a1c", "#a50f15"];

/** A stable colour for a series key: QuadClass colours for 1..4, one per PLOVER type otherwise. */
export function colourOf(key) {
  if (QUADS[key]) return QUADS[key].colour;
  const slot = PLOVER.indexOf(key);
  if (slot >= 0) return PALETTE[slot];
  let hash = 0;
  for (const char of String(key)) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/** A small square of `colour` for a legend. */
export function swatch(colour) {
  const node = el("span", { class: "swatch" });
  node.style.background = colour;
  return node;
}
