// The histogram under the map: events per day, week or month (the server's counts), stacked by event
// type; dragging across it selects a period (a brush), a click without a drag clears it.
import { colourOf } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const HEIGHT = 96;
const AXIS = 18;

const dayOf = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Bars of a day, a week or a month, whichever gives at most about 120 bars over the whole record. */
function bucketOf(days) {
  if (days <= 120) return "day";
  if (days <= 7 * 120) return "week";
  return "month";
}

/** The first day after the bucket starting on `iso`. */
function bucketEnd(iso, bucket) {
  if (bucket === "day") return dayOf(iso) + 1;
  if (bucket === "week") return dayOf(iso) + 7;
  const [year, month] = iso.split("-").map(Number);
  return Math.floor(Date.UTC(year, month, 1) / DAY);
}

export class Timeline {
  /** `onRange([fromIso, toIso] | null)` is called when the user selects or clears a period. */
  constructor(node, label, onRange) {
    this.node = node;
    this.label = label;
    this.onRange = onRange;
    this.range = null;
    this.drag = null;
    this.bucket = "month";
    node.addEventListener("pointerdown", (e) => this.start(e));
    node.addEventListener("pointermove", (e) => this.move(e));
    node.addEventListener("pointerup", (e) => this.end(e));
    window.addEventListener("resize", () => this.last && this.draw(...this.last));
  }

  /**
   * The domain is set once, from the whole record's months, so the axis stays put while filters
   * change: from the month of the 1st percentile (background events decades old would squash the
   * rest) to the end of the latest month. Returns [first, last] as ISO dates, or null when undated.
   */
  setDomain(months) {
    const total = months.reduce((sum, m) => sum + m.count, 0);
    if (!total) return null;
    let seen = 0;
    const start = months.find((m) => (seen += m.count) > 0.01 * (total - 1));
    this.first = dayOf(start.date);
    this.after = bucketEnd(months[months.length - 1].date, "month");
    this.bucket = bucketOf(this.after - this.first);
    return [isoOf(this.first), isoOf(this.after - 1)];
  }

  /** `buckets` are the server's ({date, counts by type}) for every filter but the period and the types; `types` the ticked ones. */
  draw(buckets, types) {
    this.last = [buckets, types];
    const node = this.node;
    const width = node.clientWidth || 800;
    node.replaceChildren();
    node.setAttribute("viewBox", `0 0 ${width} ${HEIGHT + AXIS}`);
    if (!Number.isFinite(this.first)) return;
    this.scale = width / (this.after - this.first);
    const shown = buckets
      .map(({ date, counts }) => ({ date, from: Math.max(this.first, dayOf(date)), to: Math.min(this.after, bucketEnd(date, this.bucket)),
        stack: Object.entries(counts).filter(([type]) => types.has(type)).sort() }))
      .filter((b) => b.to > b.from);
    const tallest = Math.max(1, ...shown.map((b) => b.stack.reduce((sum, [, n]) => sum + n, 0)));
    const bars = svg("g", { class: "bars" });
    for (const { date, from, to, stack } of shown) {
      let top = HEIGHT;
      const inRange = !this.range || (to - 1 >= dayOf(this.range[0]) && from <= dayOf(this.range[1]));
      for (const [type, count] of stack) {
        const h = (count / tallest) * (HEIGHT - 4);
        top -= h;
        const rect = svg("rect", {
          x: this.xOf(from) + 0.5, y: top, width: Math.max(1, this.xOf(to) - this.xOf(from) - 1), height: h,
          fill: colourOf(type), "fill-opacity": inRange ? 0.9 : 0.2,
        });
        rect.append(svg("title", {}, `${date}: ${count} ${type}`));
        bars.append(rect);
      }
    }
    node.append(bars, this.axis(width));
    if (this.range) node.append(this.selection(...this.range.map((iso) => this.xOf(dayOf(iso)))));
  }

  axis(width) {
    const g = svg("g", { class: "axis" });
    g.append(svg("line", { x1: 0, x2: width, y1: HEIGHT + 0.5, y2: HEIGHT + 0.5 }));
    const lastDay = this.after;
    const spanYears = (lastDay - this.first) / 365;
    let previous = -Infinity;
    for (let day = this.first; day < lastDay; day++) {
      const date = isoOf(day);
      const tick = spanYears > 2 ? date.endsWith("-01-01") : date.endsWith("-01");
      const x = this.xOf(day);
      if (!tick || x - previous < 48) continue;
      previous = x;
      g.append(svg("line", { x1: x, x2: x, y1: HEIGHT, y2: HEIGHT + 4 }));
      g.append(svg("text", { x: x + 2, y: HEIGHT + 14 }, spanYears > 2 ? date.slice(0, 4) : date.slice(0, 7)));
    }
    return g;
  }

  selection(x0, x1) {
    return svg("rect", { class: "brush", x: Math.min(x0, x1), y: 0, width: Math.abs(x1 - x0) || 1, height: HEIGHT });
  }

  xOf(day) {
    return (day - this.first) * this.scale;
  }

  dayAt(x) {
    return this.first + Math.round(x / this.scale);
  }

  localX(event) {
    const box = this.node.getBoundingClientRect();
    return Math.max(0, Math.min(box.width, event.clientX - box.left));
  }

  start(event) {
    this.node.setPointerCapture(event.pointerId);
    this.drag = { x0: this.localX(event), x1: this.localX(event) };
  }

  move(event) {
    if (!this.drag) return;
    this.drag.x1 = this.localX(event);
    this.node.querySelector(".brush")?.remove();
    this.node.append(this.selection(this.drag.x0, this.drag.x1));
  }

  end(event) {
    if (!this.drag) return;
    const { x0 } = this.drag;
    const x1 = this.localX(event);
    this.drag = null;
    if (Math.abs(x1 - x0) < 3) {
      this.set(null);
    } else {
      this.set([isoOf(this.dayAt(Math.min(x0, x1))), isoOf(this.dayAt(Math.max(x0, x1)))]);
    }
  }

  set(range) {
    this.range = range;
    this.label.textContent = range ? `${range[0]} – ${range[1]} (click to clear)` : "drag to select a period";
    this.onRange(range);
  }
}
