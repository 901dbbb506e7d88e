// The view in the address: `#zoom/lat/lon`, then every filter and the period as query parameters
// (`?type=Battles&type=Riots&modality=reported&since=2016-01-01&until=2016-06-30&q=...`), so a reload
// or a shared link reopens the same view. Also the API query of the filters, for the downloads.

const VIEW = /^#([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)(?:\?(.*))?$/;

/** The address's view ([zoom, lat, lon] or null) and its filter parameters. */
export function readAddress() {
  const match = VIEW.exec(window.location.hash);
  if (!match) return { view: null, params: new URLSearchParams() };
  return { view: [Number(match[1]), Number(match[2]), Number(match[3])], params: new URLSearchParams(match[4] || "") };
}

/** The filters as parameters: the ticked types and modalities only when not all are ticked. */
export function filterParams(f, allTypes, allModalities) {
  const params = new URLSearchParams();
  if (f.types.size < allTypes.length) {
    const ticked = allTypes.filter((t) => f.types.has(t));
    if (ticked.length) for (const type of ticked) params.append("type", type);
    else params.append("type", "");
  }
  if (f.modalities.size < allModalities.length) {
    const ticked = allModalities.filter((m) => f.modalities.has(m));
    if (ticked.length) for (const modality of ticked) params.append("modality", modality);
    else params.append("modality", "");
  }
  if (f.actor) params.set("actor", f.actor);
  if (f.outlet) params.set("outlet", f.outlet);
  if (f.sources > 1) params.set("sources", String(f.sources));
  if (f.merge) params.set("merge", "1");
  if (f.range) {
    params.set("since", f.range[0]);
    params.set("until", f.range[1]);
  }
  if (f.q) params.set("q", f.q);
  return params;
}

const kept = new Map(); // what other parts of the page keep in the address (views.js: the open list and row)

/** Keep `name=value` in the address from its next writing on (no value: leave it out). */
export function keep(name, value) {
  if (value) kept.set(name, value);
  else kept.delete(name);
}

/** Put the map's view, the filters and what is kept in the address, without adding to the history. */
export function writeAddress(map, f, allTypes, allModalities) {
  const c = map.getCenter();
  const params = filterParams(f, allTypes, allModalities);
  for (const [name, value] of kept) params.set(name, value);
  const query = params.toString();
  history.replaceState(null, "", `#${map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}${query ? `?${query}` : ""}`);
}

/**
 * The API queries (`/api/events` parameters) that list the events of the filters: one per ticked type
 * when some but not all are ticked (the API takes one type), none when no type is.
 */
export function apiQueries(f, allTypes, allModalities) {
  const params = new URLSearchParams();
  if (f.range) {
    params.set("since", f.range[0]);
    params.set("until", f.range[1]);
  }
  if (f.modalities.size < allModalities.length) {
    if (!f.modalities.size) return [];
    for (const modality of allModalities.filter((m) => f.modalities.has(m))) params.append("modality", modality);
  }
  if (f.actor) params.set("actor", f.actor);
  if (f.outlet) params.set("outlet", f.outlet);
  if (f.sources > 1) params.set("min_sources", String(f.sources));
  if (f.q) params.set("q", f.q);
  if (f.types.size === allTypes.length) return [params];
  return allTypes.filter((t) => f.types.has(t)).map((type) => {
    const one = new URLSearchParams(params);
    one.set("event_type", type);
    return one;
  });
}
