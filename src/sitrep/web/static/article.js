// The article view: the cleaned text with every place, actor and event trigger marked, and the
// events read from it; ?event=ID focuses one event (its sentence and spans) and scrolls to it.
import { colourOf, el, getJson, markedText, safeLink } from "./common.js";

const params = new URLSearchParams(window.location.search);
const root = document.getElementById("article");

function spansFor(article, focus) {
  const spans = article.spans.map((s) => ({
    start: s.start,
    end: s.end,
    className: `${s.kind}${s.events.includes(focus) ? " focus" : ""}`,
    title: `${s.kind}: ${s.label || s.text}${s.kind === "event" && s.ref ? ` (${s.ref})` : ""}`,
  }));
  const event = article.events.find((e) => e.id === focus);
  if (event) spans.push({ start: event.sentence.start, end: event.sentence.end, className: "sentence", title: "", id: "focus" });
  return spans;
}

function render(article, focus) {
  const meta = el("p", "meta",
    article.outlet || "unknown outlet", " · ", article.published || "undated",
    article.published_from ? ` (date from ${article.published_from})` : "", " · ", article.kind);
  const parts = [el("h2", "", article.title || "(no title)"), meta];
  if (article.url) parts.push(el("p", "meta", "Address: ", safeLink(article.url)));
  const sources = article.sources.length;
  parts.push(el("p", "meta", `${sources} source${sources === 1 ? "" : "s"}`,
    article.near_duplicates.length ? ` · ${article.near_duplicates.length} near duplicates` : ""));
  const body = el("div", "text");
  body.append(markedText(article.text, spansFor(article, focus)));
  parts.push(body);
  root.replaceChildren(...parts);
  const list = document.getElementById("events");
  list.replaceChildren(...article.events.map((event) => eventItem(article, event, focus)));
  root.querySelector("mark.sentence")?.scrollIntoView({ block: "center" });
}

function eventItem(article, event, focus) {
  const chip = el("span", "swatch");
  chip.style.background = colourOf(event.event_type);
  const button = el("button", `linkish${event.id === focus ? " current" : ""}`, chip, event.sub_event_type);
  button.type = "button";
  button.addEventListener("click", () => {
    params.set("event", event.id);
    history.replaceState(null, "", `?${params}`);
    render(article, event.id);
  });
  const where = [event.location, event.event_date || "undated", event.modality].filter(Boolean).join(" · ");
  return el("li", "", button, el("span", "hint", where));
}

async function main() {
  const id = params.get("id");
  if (!id) throw new Error("no article id in the address");
  const article = await getJson(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `sitrep · ${article.title || article.id}`;
  render(article, params.get("event"));
  document.body.dataset.ready = "true";
}

main().catch((error) => root.replaceChildren(el("p", "error", `could not load the article: ${error.message}`)));
