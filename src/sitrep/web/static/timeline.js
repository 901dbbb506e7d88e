// The histogram under the map: events per day, week or month, stacked by event type; dragging across
// it selects a period (a brush), a click without a drag clears it.
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

/** Bins of 1, 7 or 30 days, whichever gives at most about 120 bars over the whole record. */
function binWidth(days) {
  if (days <= 120) return 1;
  if (days <= 7 * 120) return 7;
  return 30;
}

export class Timeline {
  /** `onRange([fromIso, toIso] | null)` is called when the user selects or clears a period. */
  constructor(node, label, onRange) {
    this.node = node;
    this.label = label;
    this.onRange = onRange;
    this.range = null;
    this.drag = null;
    node.addEventListener("pointerdown", (e) => this.start(e));
    node.addEventListener("pointermove", (e) => this.move(e));
    node.addEventListener("pointerup", (e) => this.end(e));
    window.addEventListener("resize", () => this.last && this.draw(...this.last));
  }

  /**
   * The domain is set once, so the axis stays put while filters change: from the 1st percentile of the
   * dates (background events decades old would squash the rest) to the latest date.
   */
  setDomain(dates) {
    const days = dates.filter(Boolean).map(dayOf).sort((a, b) => a - b);
    if (!days.length) return;
    const last = days[days.length - 1];
    this.first = days[Math.floor(0.01 * (days.length - 1))];
    this.width = binWidth(last - this.first + 1);
    this.bins = Math.max(1, Math.ceil((last - this.first + 1) / this.width));
  }

  /** `events` pass every filter but the period; each is {date, type}. */
  draw(events) {
    this.last = [events];
    const node = this.node;
    const width = node.clientWidth || 800;
    node.replaceChildren();
    node.setAttribute("viewBox", `0 0 ${width} ${HEIGHT + AXIS}`);
    if (!Number.isFinite(this.first)) return;
    this.scale = width / this.bins;
    const stacks = Array.from({ length: this.bins }, () => new Map());
    for (const { date, type } of events) {
      if (!date) continue;
      const bin = Math.floor((dayOf(date) - this.first) / this.width);
      if (bin < 0 || bin >= this.bins) continue;
      stacks[bin].set(type, (stacks[bin].get(type) || 0) + 1);
    }
    const tallest = Math.max(1, ...stacks.map((s) => [...s.values()].reduce((a, b) => a + b, 0)));
    const bars = svg("g", { class: "bars" });
    stacks.forEach((stack, bin) => {
      let top = HEIGHT;
      const inRange = !this.range || this.binIn(bin);
      for (const [type, count] of [...stack].sort()) {
        const h = (count / tallest) * (HEIGHT - 4);
        top -= h;
        const rect = svg("rect", {
          x: bin * this.scale + 0.5, y: top, width: Math.max(1, this.scale - 1), height: h,
          fill: colourOf(type), "fill-opacity": inRange ? 0.9 : 0.2,
        });
        rect.append(svg("title", {}, `${isoOf(this.first + bin * this.width)}: ${count} ${type}`));
        bars.append(rect);
      }
    });
    node.append(bars, this.axis(width));
    if (this.range) node.append(this.selection(...this.range.map((iso) => this.xOf(dayOf(iso)))));
  }

  axis(width) {
    const g = svg("g", { class: "axis" });
    g.append(svg("line", { x1: 0, x2: width, y1: HEIGHT + 0.5, y2: HEIGHT + 0.5 }));
    const lastDay = this.first + this.bins * this.width;
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
    return ((day - this.first) / this.width) * this.scale;
  }

  dayAt(x) {
    return this.first + Math.round((x / this.scale) * this.width);
  }

  binIn(bin) {
    const [from, to] = this.range.map(dayOf);
    const start = this.first + bin * this.width;
    return start + this.width - 1 >= from && start <= to;
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
