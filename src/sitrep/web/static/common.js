// Shared by the map and the article view: fetching from the API and building DOM from untrusted data.
// Every string that came from an article is inserted with textContent, never as HTML.

export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#27ae60",
  "Riots": "#d35490",
  "Strategic developments": "#2c7fb8",
};
export const OTHER_COLOUR = "#7f8c8d";
export const MODALITIES = ["reported", "claimed", "predicted", "planned", "hypothetical", "denied", "negated"];

export const colourOf = (type) => TYPE_COLOURS[type] || OTHER_COLOUR;

/** GET a JSON document from this origin; throws with the API's error message. */
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  return body;
}

/** Every page of a list: follows `next_url` until it is null. `pick` takes the items out of a page. */
export async function getAll(url, pick, onPage = () => {}) {
  const items = [];
  for (let next = url; next; ) {
    const page = await getJson(next);
    items.push(...pick(page));
    onPage(items.length);
    next = page.next_url;
  }
  return items;
}

/** "1 article", "2 articles": `n` (grouped by thousands) and the word, plural unless n is 1. */
export const plural = (n, word, many = `${word}s`) => `${n.toLocaleString("en")} ${n === 1 ? word : many}`;

/** An element with a class and text content; children are appended as given. */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A link only for http(s) addresses; anything else (javascript:, data:, ...) stays plain text. */
export function safeLink(url, text) {
  let parsed = null;
  try {
    parsed = new URL(url, window.location.href);
  } catch {
    parsed = null;
  }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) return el("span", "url", text || url || "");
  const link = el("a", "url", text || url);
  link.href = parsed.href;
  link.rel = "noopener noreferrer";
  link.target = "_blank";
  return link;
}

/**
 * `text` with the spans marked: spans are {start, end, className, title} in Unicode code points
 * (the API's offsets), may overlap, and each piece of text gets the classes of every span over it.
 */
export function markedText(text, spans, base = 0) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(chars.length, span.start - base)));
    cuts.add(Math.max(0, Math.min(chars.length, span.end - base)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = chars.slice(from, to).join("");
    const over = spans.filter((s) => s.start - base <= from && s.end - base >= to && s.end > s.start);
    if (over.length === 0) {
      fragment.append(piece);
      continue;
    }
    const mark = el("mark", over.map((s) => s.className).join(" "), piece);
    mark.title = over.map((s) => s.title).filter(Boolean).join("\n");
    for (const span of over) if (span.id) mark.dataset.ref = span.id;
    fragment.append(mark);
  }
  return fragment;
}

export const PRECISION = { 1: "day", 2: "week", 3: "month" };
export const GEO_PRECISION = { 1: "exact place", 2: "near / part of a place", 3: "region or country" };
