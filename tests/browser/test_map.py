"""The map page in Chromium: loads offline, asks the server for its view (cells zoomed out, each event
zoomed in), filters by type and period as the API does for the same box, and opens an event's card
with its evidence sentence."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import quote

from playwright.sync_api import expect

from sitrep.filter_values import MODALITIES
from tests.browser.conftest import Browsing, Server


WORLD = "#2/20/0"  # the whole map: the demo's events in cells
DAMASCUS = "#9/33.5/36.3"  # a few hundred events: each its own point


def open_map(browsing: Browsing, server: Server, view: str = WORLD) -> Any:
    page = browsing.page
    page.goto(f"{server.origin}/{view}")
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    return page


def shown(page: Any) -> int:
    return int(page.locator("#count").get_attribute("data-shown"))


def wait_shown(page: Any, n: int) -> None:
    expect(page.locator("#count")).to_have_attribute("data-shown", str(n), timeout=30_000)


def placed(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in features if f["geometry"]]


def in_view(page: Any, server: Server, query: str = "") -> list[dict[str, Any]]:
    """The located events the API lists for `query` in the box the page's last answer covered."""
    return placed(server.features(f"{query}&bbox={page.locator('#count').get_attribute('data-bbox')}"))


def test_map_counts_its_view_in_cells_from_the_server(browsing: Browsing, server: Server) -> None:
    page = open_map(browsing, server)
    expected = in_view(page, server)
    assert len(expected) > 1000  # more than the page takes one by one
    assert page.locator("#count").get_attribute("data-kind") == "cells"
    assert shown(page) == len(expected) == len(placed(server.features()))  # the whole world is in view
    assert page.locator(".leaflet-marker-icon.cell").count() == int(page.locator("#count").get_attribute("data-points")) > 0
    assert page.locator("canvas.leaflet-zoom-animated").count() == 1  # the Natural Earth base map
    browsing.screenshot("map")
    assert any("/api/events/grid?" in url for url in browsing.requests)
    assert not any("/api/events?" in url for url in browsing.requests)  # no listing of events: the page loads none whole
    page.get_by_label("reported", exact=True).uncheck()  # a filter the server applies: the cells are counted again
    wait_shown(page, len(in_view(page, server, "&modality=" + "&modality=".join(m for m in MODALITIES if m != "reported"))))
    assert 0 < shown(page) < len(expected)
    assert any("/api/events/grid?" in url and "modality=claimed" in url for url in browsing.requests)
    assert browsing.foreign(server.origin) == []
    assert browsing.errors == []


def test_zoomed_in_the_page_draws_each_event(browsing: Browsing, server: Server) -> None:
    page = open_map(browsing, server, DAMASCUS)
    expected = in_view(page, server)
    assert page.locator("#count").get_attribute("data-kind") == "events" and 0 < shown(page) == len(expected)
    assert page.locator(".leaflet-marker-icon.cell").count() == 0
    assert browsing.errors == []


def test_type_filter_changes_the_count(browsing: Browsing, server: Server) -> None:
    page = open_map(browsing, server)
    features = in_view(page, server)
    page.get_by_label(re.compile(r"^Battles \(\d+\)$")).uncheck()
    expected = [f for f in features if f["properties"]["event_type"] != "Battles"]
    assert 0 < len(expected) < len(features)
    wait_shown(page, len(expected))
    browsing.screenshot("map-without-battles")
    page.get_by_role("button", name="Reset filters").click()
    wait_shown(page, len(features))


def test_timeline_range_changes_the_count(browsing: Browsing, server: Server) -> None:
    page = open_map(browsing, server)
    features = in_view(page, server)
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    page.mouse.up()
    label = page.locator("#range").text_content()
    match = re.match(r"(\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)", label)
    assert match, label
    first, last = match.groups()
    expected = [f for f in features if f["properties"]["event_date"] and first <= f["properties"]["event_date"] <= last]
    assert 0 < len(expected) < len(features)
    wait_shown(page, len(expected))
    browsing.screenshot("map-timeline-range")
    page.mouse.click(box["x"] + box["width"] * 0.1, y)  # a click without a drag clears the period
    wait_shown(page, len(features))


def test_clicking_an_event_at_as_sukhnah_shows_its_evidence(browsing: Browsing, server: Server) -> None:
    features = placed(server.features())
    sukhnah = next(f for f in features if f["properties"]["location"] == "As Sukhnah")  # the seeds report it
    lon, lat = sukhnah["geometry"]["coordinates"]
    at_sukhnah = [f for f in features if f["geometry"]["coordinates"] == [lon, lat]]
    page = open_map(browsing, server, f"#12/{lat}/{lon}")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the view is centred on it
    card = page.locator("#card")
    card.locator("blockquote.evidence").wait_for()
    event_id = card.get_attribute("data-event")
    clicked = next(f for f in at_sukhnah if f["id"] == event_id)
    article = server.get(f"/api/articles/{clicked['properties']['article_id']}")
    event = next(e for e in article["events"] if e["id"] == event_id)
    assert "Sukhnah" in card.locator("header").text_content()
    assert card.locator("blockquote.evidence").text_content() == event["sentence"]["text"]
    marked = card.locator("blockquote.evidence mark.ev-place").all_text_contents()
    sentence = event["sentence"]
    inside = [e["text"] for e in event["evidence"] if e["field"] == "place" and sentence["start"] <= e["start"] < sentence["end"]]
    assert "".join(marked) == "".join(inside)  # the place's words are highlighted where the sentence names it
    assert card.locator("a.article-link").get_attribute("href").startswith("/static/article.html?id=")
    browsing.screenshot("card-as-sukhnah")
    card.locator("a.article-link").click()
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("mark.sentence").first.is_visible()
    assert page.locator("mark.place").count() >= 1 and page.locator("mark.event").count() >= 1
    browsing.screenshot("article-as-sukhnah")
    assert browsing.foreign(server.origin) == []
    assert browsing.errors == []


def points(page: Any) -> int:
    return int(page.locator("#count").get_attribute("data-points"))


def test_outlet_actor_sources_and_incident_filters_agree_with_the_api(browsing: Browsing, server: Server) -> None:
    """Each filter of the page shows as many events as the API lists for the same filter and box."""
    page = open_map(browsing, server)
    features = in_view(page, server)
    reset = page.get_by_role("button", name="Reset filters")

    outlets = Counter(f["properties"]["outlet"] for f in features)
    outlet = max((name for name, n in outlets.items() if n < len(features) / 2), key=outlets.__getitem__)
    page.select_option("#outlet", outlet)
    by_outlet = in_view(page, server, f"&outlet={quote(outlet)}")
    assert 0 < len(by_outlet) < len(features)
    wait_shown(page, len(by_outlet))
    reset.click()

    names = Counter(n for f in features for n in (f["properties"]["actor1"], f["properties"]["actor2"]) if n)
    actor = names.most_common(1)[0][0].upper()  # any case: the API folds it
    page.fill("#actor", actor)
    by_actor = in_view(page, server, f"&actor={quote(actor)}")
    assert 0 < len(by_actor) < len(features)
    wait_shown(page, len(by_actor))
    reset.click()

    page.select_option("#sources", "2")
    by_sources = in_view(page, server, "&min_sources=2")
    assert 0 < len(by_sources) < len(features)
    wait_shown(page, len(by_sources))
    browsing.screenshot("map-two-sources")
    reset.click()
    wait_shown(page, len(features))
    assert browsing.foreign(server.origin) == []
    assert browsing.errors == []


def test_one_point_per_incident(browsing: Browsing, server: Server) -> None:
    """Zoomed in, the page draws each event, and merges an incident's events into one point."""
    page = open_map(browsing, server, DAMASCUS)
    features = in_view(page, server)
    page.check("#merge")
    incidents = {f["properties"]["incident"] for f in features if f["properties"]["incident"]}
    alone = [f for f in features if f["properties"]["incident"] is None]
    assert shown(page) == len(features) and points(page) == len(incidents) + len(alone) < len(features)
    page.select_option("#sources", "3")
    wait_shown(page, len(in_view(page, server, "&min_sources=3")))
    well_sourced = {f["properties"]["incident"] for f in in_view(page, server, "&min_sources=3")}
    assert points(page) == len(well_sourced) > 0
    browsing.screenshot("map-incidents-three-sources")
    page.get_by_role("button", name="Reset filters").click()
    wait_shown(page, len(features))
    assert points(page) == len(features)
    assert browsing.errors == []


RIVER = (0x6F, 0x9C, 0xC4)  # app.js's RIVER
BASE_PIXELS = """([r, g, b]) => {
    const canvas = document.querySelector(".leaflet-base-pane canvas");
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let river = 0, painted = 0;
    for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 200) continue;
        painted++;
        if (Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24) river++;
    }
    return painted ? { river, painted } : null;
}"""


def base_pixels(page: Any) -> dict[str, int]:
    """The base map canvas's painted pixels, and those in the rivers' colour (nothing else on it is
    blue: land is beige, borders brown and grey, the sea the page's background behind the canvas)."""
    return page.wait_for_function(BASE_PIXELS, arg=list(RIVER)).json_value()


def test_rivers_are_drawn_over_the_land_under_the_names(browsing: Browsing, server: Server) -> None:
    page = open_map(browsing, server, "#9/35.33/40.14")  # the Euphrates at Deir ez-Zor
    drawn = base_pixels(page)
    assert 200 < drawn["river"] < drawn["painted"] / 10  # a thin line across the land, drawn after it
    base, labels = (int(page.locator(f".leaflet-{name}-pane").evaluate("p => getComputedStyle(p).zIndex")) for name in ("base", "labels"))
    assert base < labels  # the names over them
    browsing.screenshot("rivers")
    page.goto(f"{server.origin}/#9/30/40")  # northern Arabia: no river on the canvas (the view and half of it around)
    page.reload()
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    assert base_pixels(page)["river"] == 0
    assert browsing.foreign(server.origin) == [] and browsing.errors == []
