// Place names over the map: countries, provinces and towns from the bundled place index
// (/api/places/labels), more and smaller ones as one zooms in, asked for again when the view settles.
/* global L */
import { el, getJson } from "./common.js";

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/** The view's box as the API takes it: within ±180° and ±85°, west before east. */
function boxOf(map) {
  const b = map.getBounds().pad(0.1);
  const west = clamp(b.getWest(), -180, 180);
  const east = clamp(b.getEast(), -180, 180);
  return [west, clamp(b.getSouth(), -85, 85), Math.max(west, east), clamp(b.getNorth(), -85, 85)].map((v) => v.toFixed(4)).join(",");
}

function labelOf(item) {
  const text = el("span", "", item.name); // a name from the index: text, never markup
  const big = item.kind === "town" && item.population >= 1_000_000 ? " big" : "";
  return L.marker([item.lat, item.lon], {
    pane: "labels", interactive: false, keyboard: false,
    icon: L.divIcon({ html: text, className: `place-label place-${item.kind}${big}`, iconSize: null }),
  });
}

/** Keep the view's labels on `map`; `map.getContainer().dataset.labels` is the zoom last drawn. */
export function addLabels(map) {
  map.createPane("labels").style.zIndex = 500; // over the base map and the points (400), under the clusters (600)
  const layer = L.layerGroup().addTo(map);
  let asked = 0; // only the latest answer is drawn
  let pending = null;
  const draw = async () => {
    const mine = ++asked;
    const zoom = map.getZoom();
    try {
      const answer = await getJson(`/api/places/labels?bbox=${boxOf(map)}&zoom=${zoom}&limit=150`);
      if (mine !== asked) return;
      layer.clearLayers();
      for (const item of answer.items) layer.addLayer(labelOf(item));
      map.getContainer().dataset.labels = String(zoom);
    } catch {
      if (mine === asked) layer.clearLayers(); // names are a help: the map works without them
    }
  };
  map.on("moveend", () => {
    clearTimeout(pending);
    pending = setTimeout(draw, 120);
  });
  return draw();
}
