// The card a click on a point opens: ACLED's fields, the sentence with its evidence marked, every outlet
// that reported the event, its modality and claim status, and a link to the article view.
import { GEO_PRECISION, PRECISION, colourOf, el, getAll, getJson, markedText, plural } from "./common.js";

const articles = new Map(); // article id -> promise of the article (with its events), its incidents and claims
const card = () => document.getElementById("card");

const FIELD_NAMES = {
  trigger: "what happened", actor1: "actor 1", actor2: "actor 2", place: "where", date: "when",
  fatalities: "fatalities", modality: "modality", attribution: "source",
};

/** The article (with its events), the incidents of its events and its claims, fetched once. */
function article(id) {
  const of = encodeURIComponent(id);
  if (!articles.has(id)) {
    articles.set(id, Promise.all([
      getJson(`/api/articles/${of}`),
      getAll(`/api/incidents?article_id=${of}&limit=1000`, (page) => page.items),
      getAll(`/api/claims?article_id=${of}&limit=1000`, (page) => page.items),
    ]));
  }
  return articles.get(id);
}

export function closeCard() {
  const node = card();
  node.hidden = true;
  delete node.dataset.event;
  node.replaceChildren();
}

/** The id of the event the card shows (or is loading), null when it is closed. */
export const openEvent = () => (card().hidden ? null : card().dataset.event || null);

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !card().hidden) closeCard();
});

/** Open the card of `feature`; `members` are the events of its point (several when merged into an incident). */
export async function openCard(feature, members, state) {
  const node = card();
  node.hidden = false;
  node.dataset.event = feature.id;
  node.replaceChildren(el("p", "loading", "loading…"));
  try {
    const [full, incidents, claims] = await article(feature.properties.article_id);
    if (node.dataset.event !== feature.id) return; // closed, or another event opened, meanwhile
    const event = full.events.find((e) => e.id === feature.id);
    const links = { incident: incidents.find((i) => i.id === feature.properties.incident), claim: claims.find((c) => c.id === feature.id) };
    node.replaceChildren(...render(feature, event, full, members, links, state));
  } catch (error) {
    node.replaceChildren(el("p", "error", `could not load this event: ${error.message}`));
  }
}

function render(feature, event, full, members, links, state) {
  const p = event ? { ...feature.properties, ...event } : feature.properties; // the map's few fields, then the stored event's
  const close = el("button", "close", "×");
  close.type = "button";
  close.title = "Close";
  close.addEventListener("click", closeCard);
  const chip = el("span", "chip", p.event_type);
  chip.style.background = colourOf(p.event_type);
  const head = el("header", "", close, chip, el("h2", "", p.sub_event_type),
    el("p", "where-when", [p.location, p.admin1, p.country].filter(Boolean).join(", ") || "place unknown", " · ",
      p.event_date || "undated", p.time_precision ? ` (${PRECISION[p.time_precision]})` : ""));
  const { claim } = links;
  const status = el("p", "badges",
    el("span", `badge modality-${p.modality}`, p.modality),
    p.historical ? el("span", "badge", "background event") : null,
    claim ? el("span", `badge status-${claim.status}`, `${claim.kind}: ${claim.status}`) : null);
  const link = el("a", "article-link", "Read the article with its places, actors and events marked →");
  link.href = `/static/article.html?id=${encodeURIComponent(p.article_id)}&event=${encodeURIComponent(feature.id)}`;
  const parts = [head, status, event ? evidence(event) : null, link, fields(p, event), outlets(full, links.incident)];
  if (members.length > 1) parts.push(others(feature, members, state));
  return parts.filter(Boolean);
}

/** The sentence the event was read from, each field's words marked (hover tells which field). */
function evidence(event) {
  const sentence = event.sentence;
  const inside = (event.evidence || []).filter((e) => e.start >= sentence.start && e.end <= sentence.end);
  const spans = inside.map((e) => ({ start: e.start, end: e.end, className: `ev ev-${e.field}`, title: FIELD_NAMES[e.field] || e.field }));
  const quote = el("blockquote", "evidence");
  quote.append(markedText(sentence.text, spans, sentence.start));
  const key = el("p", "hint", "marked: ");
  for (const field of new Set(inside.map((e) => e.field))) {
    key.append(el("mark", `ev ev-${field}`, FIELD_NAMES[field] || field), " ");
  }
  return el("section", "", el("h3", "", "Evidence"), quote, key);
}

function fields(p, event) {
  const actor = (ref) => (ref ? `${ref.name}${ref.type ? ` (${ref.type.replaceAll("_", " ")})` : ""}` : null);
  const rows = [
    ["Event date", p.event_date],
    ["Event type", p.event_type],
    ["Sub-event type", p.sub_event_type],
    ["Actor 1", event ? actor(event.actor1) : p.actor1],
    ["Actor 2", event ? actor(event.actor2) : p.actor2],
    ["Associated", event && event.assoc_actors.length ? event.assoc_actors.map(actor).join("; ") : null],
    ["Location", p.location],
    ["Admin 1", p.admin1],
    ["Country", p.country],
    ["Coordinates", coordinatesOf(event)],
    ["Geo precision", p.geo_precision ? `${p.geo_precision} · ${GEO_PRECISION[p.geo_precision]}` : null],
    ["Time precision", p.time_precision ? `${p.time_precision} · ${PRECISION[p.time_precision]}` : null],
    ["Fatalities", p.fatalities === null || p.fatalities === undefined ? "not stated" : p.fatalities],
    ["Civilian fatalities", event ? event.civilian_fatalities : null],
    ["According to", event && event.attribution ? event.attribution.source.text : null],
    ["Notes", p.notes],
  ];
  const table = el("dl", "fields");
  for (const [name, value] of rows) {
    if (value === null || value === undefined || value === "") continue;
    table.append(el("dt", "", name), el("dd", "", value));
  }
  return el("section", "", el("h3", "", "ACLED fields"), table);
}

function coordinatesOf(event) {
  if (!event || event.latitude === null || event.latitude === undefined) return null;
  return `${event.latitude.toFixed(4)}, ${event.longitude.toFixed(4)}`;
}

/** Every outlet that reported the event: its incident's outlets, or the article's own sources. */
function outlets(full, incident) {
  const names = incident && incident.outlets.length ? incident.outlets : [...new Set(full.sources.map((s) => s.outlet || full.outlet).filter(Boolean))];
  const list = el("ul", "outlets", ...names.map((name) => el("li", "", name)));
  const title = incident
    ? `Reported by ${plural(names.length, "outlet")} (${incident.sources} independent, ${plural(incident.articles, "article")})`
    : names.length ? `Reported by ${plural(names.length, "outlet")}` : "Reported by an unnamed outlet";
  return el("section", "", el("h3", "", title), list);
}

/** The other events of this point (the same incident, or the same spot), each opening its own card. */
function others(feature, members, state) {
  const list = el("ul", "members");
  for (const member of members) {
    if (member === feature) continue;
    const p = member.properties;
    const button = el("button", "linkish", `${p.event_date || "undated"} · ${p.outlet || "?"} · ${p.sub_event_type}`);
    button.type = "button";
    button.addEventListener("click", () => openCard(member, members, state));
    list.append(el("li", "", button));
  }
  const n = members.length - 1;
  const title = state.filters.merge ? `${plural(n, "more report")} of this incident` : `${plural(n, "more event")} at this spot`;
  return el("section", "", el("h3", "", title), list);
}
