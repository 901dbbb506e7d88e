// The incidents and claims views: a list beside the map (chosen in the header), one row per incident
// (outlets, toll range, disagreements) or per prediction or claim (its source, what it said, its status
// and what settled it). A row opens its events on the map: drawn over the others, the map fitted to
// them, the first one's card open. The open list and row are kept in the address (`view=`, `item=`).
/* global L */
import { MODALITIES, colourOf, el, getJson, plural } from "./common.js";
import { closeCard, openCard } from "./card.js";
import { apiQueries, keep, readAddress } from "./address.js";

const $ = (id) => document.getElementById(id);
const PAGE = 100;
const PHONE = window.matchMedia("(max-width: 720px)");
const OPENED = readAddress().params; // read as the page loads, before the map writes its own address
const CLAIM_SELECTS = ["kind", "status"];
const MAX_PAGES = 10; // pages loaded to find the address's row before leaving it to "More"
const STATUS_WORDS = { fulfilled: "Fulfilled", contradicted: "Contradicted", corroborated: "Corroborated", contested: "Contested" };

function button(text, className, onClick) {
  const node = el("button", className, text);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

/** "3–7 killed", "12 killed", or null when no article gives a figure. */
function toll(fatalities) {
  if (fatalities.low === null || fatalities.low === undefined) return null;
  return fatalities.low === fatalities.high ? `${fatalities.low} killed` : `${fatalities.low}–${fatalities.high} killed`;
}

const dates = (first, last) => (first === last ? first || "undated" : `${first || "?"} – ${last || "?"}`);

function incidentRow(incident) {
  const chip = el("span", "swatch");
  chip.style.background = colourOf(incident.event_type);
  const where = [incident.location, incident.admin1, incident.country].filter(Boolean).join(", ") || "place unknown";
  const actors = [incident.actor1, incident.actor2].filter(Boolean).join(" vs ");
  const figures = toll(incident.fatalities);
  const disagreements = incident.disagreements.map((d) => `${d.field}: ${d.values.map((v) => `${v.value} (${v.by.join(", ")})`).join(" / ")}`);
  return [
    el("p", "row-head", chip, el("strong", "", incident.sub_event_type), ` · ${where}`),
    el("p", "row-meta", dates(incident.first_date, incident.last_date), actors ? ` · ${actors}` : "", figures ? ` · ${figures}` : ""),
    el("p", "row-meta", `${plural(incident.outlets.length, "outlet")} (${incident.sources} independent): `, incident.outlets.join(", ") || "unnamed"),
    disagreements.length ? el("p", "row-disagree", "Disagree on ", disagreements.join("; ")) : null,
  ];
}

function outletOf(article) {
  return `${article.outlet || "an unnamed outlet"}${article.published ? ` (${article.published})` : ""}`;
}

/** What settled a claim, in words: by which report, after how many days. */
function settlement(claim) {
  const by = claim.settled_by;
  if (!by) {
    const until = claim.window.to;
    return claim.horizon_passed ? `Open: nothing reported by ${until}, when its window closed` : `Open until ${until}`;
  }
  const days = by.lag_days; // from the claiming article's publication to the settling event
  const after = days === null || days === undefined || days < 0 ? "" : days === 0 ? " the same day" : ` after ${plural(days, "day")}`;
  const before = days < 0 ? `, ${plural(-days, "day")} before the ${claim.kind}` : "";
  return `${STATUS_WORDS[claim.status]}${after}: ${by.article.outlet || "an unnamed outlet"} reported it on ${by.event_date || "an unstated day"}${before}`;
}

function claimRow(claim) {
  const badge = el("span", `badge status-${claim.status}`, `${claim.kind} · ${claim.status}`);
  const source = el("p", "row-meta", "From ", outletOf(claim.article), claim.according_to ? `, according to ${claim.according_to}` : "");
  const by = claim.settled_by && claim.settled_by.article;
  const settledTitle = by ? el("p", "row-meta", "in “", by.title || "an untitled article", "”", by.published ? `, published ${by.published}` : "") : null;
  return [
    el("p", "row-head", badge, " ", el("strong", "", claim.sub_event_type), ` · ${claim.location || "place unknown"}`),
    source,
    el("blockquote", "row-said", claim.sentence),
    el("p", `row-status status-line-${claim.status}`, settlement(claim)),
    settledTitle,
  ];
}

/** Each row's events: [event id, article id] pairs, the row's own event first. */
const incidentEvents = (incident) => incident.events.map((e) => [e.id, e.article.id]);
const claimEvents = (claim) => [[claim.id, claim.article.id], ...claim.matches.map((m) => [m.id, m.article.id])];

const LISTS = {
  incidents: { title: "Incidents", url: "/api/incidents", row: incidentRow, events: incidentEvents, noun: "incident" },
  claims: { title: "Predictions and claims", url: "/api/claims", row: claimRow, events: claimEvents, noun: "claim" },
};

export class Views {
  /** `state` is the map's (filters, claims, incidents: the card reads them); `saved()` writes the address. */
  constructor(map, state, saved) {
    Object.assign(this, { map, state, saved, name: null, item: null, next: null, asked: 0, query: null, pending: null });
    this.panel = $("views");
    this.focus = L.featureGroup().addTo(map);
    map.createPane("focus").style.zIndex = 650; // over the events and clusters
    for (const tab of document.querySelectorAll("#view-tabs button")) {
      tab.addEventListener("click", () => this.show(this.name === tab.dataset.view ? null : tab.dataset.view));
    }
    if (LISTS[OPENED.get("view")]) this.show(OPENED.get("view"), OPENED.get("item"));
  }

  /** Open a list (null: close it); `item`: the id of a row to open once it is loaded. */
  show(name, item = null) {
    this.name = name;
    this.item = item;
    this.focus.clearLayers();
    closeCard();
    document.body.classList.toggle("list-open", Boolean(name));
    document.body.classList.remove("list-folded", "filters-open");
    for (const tab of document.querySelectorAll("#view-tabs button")) tab.setAttribute("aria-pressed", String(tab.dataset.view === name));
    this.panel.hidden = !name;
    this.remember();
    if (name) this.load();
  }

  /** The open list, its row and the claims' selects in the address. */
  remember() {
    keep("view", this.name);
    keep("item", this.name ? this.item : null);
    for (const name of CLAIM_SELECTS) keep(`claim_${name}`, this.name === "claims" && this.query ? this.query.get(name) : null);
    this.saved();
  }

  /**
   * The list's query: incidents follow the map's filters (the types are checked here); claims their own
   * selects (before they exist, the address's).
   */
  queryOf() {
    if (this.name === "claims") {
      const params = new URLSearchParams();
      for (const name of CLAIM_SELECTS) {
        const select = $(`claim-${name}`);
        const value = select ? select.value : OPENED.get(`claim_${name}`);
        if (value) params.set(name, value);
      }
      return params;
    }
    const [first] = apiQueries(this.state.filters, this.state.types, MODALITIES);
    if (!first) return null;
    first.delete("event_type");
    return first;
  }

  /** The map's filters changed: the incidents list follows them (a moment later, once). */
  filtersChanged() {
    if (this.name !== "incidents") return;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      const query = this.queryOf();
      if (String(query) !== String(this.query)) this.load();
    }, 400);
  }

  async load() {
    const list = LISTS[this.name];
    const mine = ++this.asked;
    this.query = this.queryOf();
    const rows = el("ol", "rows");
    const count = el("p", "list-count", "loading…");
    const unfold = button("Show the list", "unfold", () => document.body.classList.remove("list-folded"));
    const head = el("header", "list-head", el("h2", "", list.title), count, unfold, button("×", "close", () => this.show(null)));
    this.panel.replaceChildren(...[head, this.name === "claims" ? this.claimFilters() : null, rows].filter(Boolean));
    this.panel.dataset.loaded = "false";
    this.remember();
    this.next = this.query ? `${list.url}?${new URLSearchParams([...this.query, ["limit", String(PAGE)]])}` : null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const loaded = await this.more(rows, count, mine);
      if (!loaded || mine !== this.asked || !this.next || !this.item || this.wanted(rows)) break;
    }
    const wanted = this.wanted(rows);
    if (mine === this.asked && wanted && !wanted.classList.contains("open")) wanted.click();
  }

  wanted(rows) {
    return this.item ? rows.querySelector(`li[data-id="${CSS.escape(this.item)}"]`) : null;
  }

  claimFilters() {
    const select = (id, name, label, values) => {
      const node = el("select", "", ...["", ...values].map((v) => Object.assign(el("option", "", v || `any ${label}`), { value: v })));
      Object.assign(node, { id, name });
      node.value = this.query ? this.query.get(name) || "" : "";
      node.addEventListener("change", () => {
        this.item = null;
        this.load();
      });
      return el("label", "", `${label} `, node);
    };
    return el("div", "list-filters",
      select("claim-kind", "kind", "kind", ["prediction", "claim"]),
      select("claim-status", "status", "status", ["open", "fulfilled", "contradicted", "corroborated", "contested"]));
  }

  /** The next page of rows, and a button for the one after; false when it could not be loaded. */
  async more(rows, count, mine) {
    const list = LISTS[this.name];
    let shown = rows.children.length;
    try {
      if (this.next) {
        const page = await getJson(this.next);
        if (mine !== this.asked) return false;
        this.next = page.next_url;
        const types = this.state.filters.types;
        const items = this.name === "incidents" ? page.items.filter((i) => types.has(i.event_type)) : page.items;
        for (const item of items) rows.append(this.rowOf(item, list));
        shown = rows.children.length;
      }
      const more = this.next ? button("More", "more", () => this.more(rows, count, mine)) : null;
      count.replaceChildren(plural(shown, list.noun), this.next ? " so far" : "", this.name === "incidents" ? " in the filters" : "", more || "");
    } catch (error) {
      if (mine === this.asked) count.textContent = `could not load: ${error.message}`;
      return false;
    }
    this.panel.dataset.loaded = "true";
    return true;
  }

  rowOf(item, list) {
    const row = el("li", "row", ...list.row(item));
    row.dataset.id = item.id;
    row.tabIndex = 0;
    const open = () => this.open(item, list, row);
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => (e.key === "Enter" ? open() : null));
    return row;
  }

  /** A row's events on the map: its own markers over the others, the map fitted to them, the first card open. */
  async open(item, list, row) {
    for (const other of this.panel.querySelectorAll("li.open")) other.classList.remove("open");
    row.classList.add("open");
    this.item = item.id;
    this.remember();
    const pairs = list.events(item);
    const articles = [...new Set(pairs.map(([, article]) => article))];
    let pages = [];
    try {
      pages = await Promise.all(articles.map((id) => getJson(`/api/events?format=geojson&limit=1000&article_id=${encodeURIComponent(id)}`)));
    } catch (error) {
      row.append(el("p", "error", `could not load its events: ${error.message}`));
      return;
    }
    if (this.item !== item.id) return; // another row was opened meanwhile
    const byId = new Map(pages.flatMap((page) => page.features).map((f) => [f.id, f]));
    const features = pairs.map(([id]) => byId.get(id)).filter(Boolean);
    this.draw(features);
    if (PHONE.matches) document.body.classList.add("list-folded"); // the map and the card need the room
    if (features.length) openCard(features[0], features, this.state);
  }

  draw(features) {
    this.focus.clearLayers();
    const placed = features.filter((f) => f.geometry);
    const points = placed.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
    if (points.length > 1) this.focus.addLayer(L.polyline(points, { pane: "focus", className: "focus-line", interactive: false }));
    for (const f of placed) {
      const marker = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
        pane: "focus", radius: 9, color: "#111", weight: 3, fillColor: colourOf(f.properties.event_type), fillOpacity: 0.9,
        className: "focus-point", bubblingMouseEvents: false,
      });
      marker.on("click", () => openCard(f, features, this.state));
      this.focus.addLayer(marker);
    }
    this.panel.dataset.focused = String(placed.length);
    if (!points.length) return;
    const card = PHONE.matches ? 0 : 430; // the card covers the map's right side on a wide screen
    this.map.fitBounds(L.latLngBounds(points), { maxZoom: 10, paddingTopLeft: [40, 40], paddingBottomRight: [40 + card, 40] });
  }
}
