// "Download this view": every page of the API's own export (CSV, GeoJSON or ACLED's CSV columns) for
// the filters' queries, joined into one file the browser saves.
import { getAll } from "./common.js";

const KINDS = {
  csv: { ext: "csv", type: "text/csv" },
  acled: { ext: "acled.csv", type: "text/csv" },
  geojson: { ext: "geojson", type: "application/geo+json" },
};

/** Every page of a CSV listing (following the `Link` header), its header line once. */
async function csvRows(url) {
  let header = null;
  const bodies = [];
  for (let next = url; next; ) {
    const response = await fetch(next, { headers: { Accept: "text/csv" } });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const text = await response.text();
    const cut = text.indexOf("\n") + 1;
    header = header ?? text.slice(0, cut);
    bodies.push(text.slice(cut));
    const link = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("Link") || "");
    next = link ? link[1] : null;
  }
  return { header, body: bodies.join("") };
}

/** The file of `format` for the API `queries` (URLSearchParams of /api/events). */
export async function exportFile(format, queries) {
  const urls = queries.map((q) => `/api/events?${q}&format=${format}&limit=1000`);
  if (format === "geojson") {
    const features = [];
    for (const url of urls) features.push(...(await getAll(url, (page) => page.features)));
    return JSON.stringify({ type: "FeatureCollection", features });
  }
  const parts = await Promise.all(urls.map(csvRows));
  const header = parts.find((p) => p.header)?.header || "";
  return header + parts.map((p) => p.body).join("");
}

/** Save the file of `format` for `queries` as `sitrep-events.<ext>`. */
export async function download(format, queries) {
  const kind = KINDS[format];
  const blob = new Blob([await exportFile(format, queries)], { type: kind.type });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `sitrep-events.${kind.ext}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
