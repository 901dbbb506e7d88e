// What the map asks the server for (/api/events/grid, /api/events/timeline): for the view's box and
// zoom, cells with counts by type when it holds many events, the events themselves when few; and the
// timeline's counts. The page never loads every event, so a store of any size opens alike.
/* global L */
import { colourOf, el } from "./common.js";

export const MAX_EVENTS = 1000; // more in the box: cells

const round = (x) => Math.round(x * 1e4) / 1e4;
const compact = new Intl.NumberFormat("en", { notation: "compact" });

/** The map's visible box as the API's bbox: west, south, east, north within the world's edges. */
export function bboxOf(map) {
  const b = map.getBounds();
  const [west, east] = b.getEast() - b.getWest() >= 360 ? [-180, 180] : [Math.max(-180, b.getWest()), Math.min(180, b.getEast())];
  return [west, Math.max(-90, b.getSouth()), east, Math.min(90, b.getNorth())].map(round);
}

/** The grid of the view for the filters' `query` (URLSearchParams of the API's event filters). */
export function gridUrl(map, query) {
  const params = new URLSearchParams(query);
  params.set("bbox", bboxOf(map).join(","));
  params.set("zoom", String(map.getZoom()));
  params.set("max_events", String(MAX_EVENTS));
  return `/api/events/grid?${params}`;
}

export function timelineUrl(bucket, query) {
  const params = new URLSearchParams(query);
  params.set("bucket", bucket);
  return `/api/events/timeline?${params}`;
}

/** A pie of `counts` ([type, n] pairs) with their total in the middle, as a Leaflet icon. */
export function pieIcon(counts, className) {
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  let angle = 0;
  const stops = counts.map(([type, n]) => {
    const from = angle;
    angle += (n / total) * 360;
    return `${colourOf(type)} ${from}deg ${angle}deg`;
  });
  const size = Math.round(26 + 8 * Math.log10(total));
  const pie = el("div", "pie", el("span", "", total < 10000 ? total : compact.format(total)));
  pie.style.background = `conic-gradient(${stops.join(", ")})`;
  return L.divIcon({ html: pie, className, iconSize: L.point(size, size) });
}

/** A cell's marker counting its events of the ticked `types`, and that count; null when it has none. */
export function cellMarker(cell, types, onClick) {
  const counts = Object.entries(cell.types).filter(([type]) => types.has(type)).sort();
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const marker = L.marker([cell.lat, cell.lon], { icon: pieIcon(counts, "cluster cell"), keyboard: false });
  marker.bindTooltip(`${total.toLocaleString("en")} events, ${cell.fatalities.toLocaleString("en")} fatalities: zoom in for each`, { direction: "top" });
  marker.on("click", onClick);
  return [marker, total];
}

/** An event of the grid as the feature the markers and the card take (its id, point and fields). */
export const featureOf = (event) => ({ id: event.id, geometry: { coordinates: [event.lon, event.lat] }, properties: event });
