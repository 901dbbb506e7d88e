"""The event card in Chromium: Escape closes it, it closes when its event leaves the filters, it
speaks in plurals, and at phone width the map, the timeline and the card do not overlap."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Browsing, Server
from tests.browser.test_map import open_map, placed

PHONE = {"width": 390, "height": 844}


def open_card_at(browsing: Browsing, server: Server, location: str) -> tuple[Any, dict[str, Any]]:
    """The map centred on the first event at `location`, its card opened by a click on the centre."""
    event = next(f for f in placed(server.features()) if f["properties"]["location"] == location)
    lon, lat = event["geometry"]["coordinates"]
    page = open_map(browsing, server, f"#12/{lat}/{lon}")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator("#card blockquote.evidence").wait_for()
    return page, event


def boxes(page: Any, selectors: dict[str, str]) -> dict[str, dict[str, float]]:
    """The boxes of several elements measured in one frame (one at a time, a line still rewrapping in the bar
    can move the later ones)."""
    script = "(selectors) => Object.fromEntries(Object.entries(selectors).map(([name, selector]) =>"
    script += " [name, document.querySelector(selector).getBoundingClientRect().toJSON()]))"
    found: dict[str, dict[str, float]] = page.evaluate(script, selectors)
    return found


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_escape_closes_the_card(browsing: Browsing, server: Server) -> None:
    page, _ = open_card_at(browsing, server, "As Sukhnah")
    card = page.locator("#card")
    assert card.is_visible()
    page.keyboard.press("Escape")
    assert card.is_hidden()
    assert browsing.errors == []


def test_the_card_closes_when_its_event_leaves_the_filters(browsing: Browsing, server: Server) -> None:
    page, _ = open_card_at(browsing, server, "As Sukhnah")
    card = page.locator("#card")
    shown_type = page.locator("#card .chip").text_content()
    other = next(label for label in page.locator("#types label").all_text_contents() if not label.startswith(shown_type))
    page.get_by_label(other).uncheck()  # another type: the event still passes
    assert card.is_visible()
    page.get_by_label(re.compile(rf"^{re.escape(shown_type)} \(\d+\)$")).uncheck()
    assert card.is_hidden()
    assert browsing.errors == []


def test_the_card_counts_in_plurals(browsing: Browsing, server: Server) -> None:
    page, _ = open_card_at(browsing, server, "As Sukhnah")
    headings = " ".join(page.locator("#card h3").all_text_contents())
    for n, word in re.findall(r"\b(\d+) (outlets?|articles?|more events?|more reports?)\b", headings):
        assert (int(n) == 1) == (not word.endswith("s")), headings
    assert re.search(r"\b\d+ (outlets?|articles?)\b", headings), headings


def test_phone_width_keeps_map_timeline_card_and_attribution_apart(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    seen = Browsing(page, [], errors, [])
    try:
        page, _ = open_card_at(seen, server, "As Sukhnah")
        parts = boxes(page, {"map": "#map", "timeline": ".timeline-box", "card": "#card",
                             "attribution": ".leaflet-control-attribution", "header": "header.bar"})  # fmt: skip
        for name, box in parts.items():
            assert box is not None and box["width"] > 0, name
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5, name  # nothing wider than the screen
        assert parts["map"]["height"] >= 200  # the map is still usable with the card open
        assert parts["card"]["height"] >= 200
        for a, b in [("card", "map"), ("card", "attribution"), ("card", "timeline"), ("map", "timeline"), ("header", "map")]:
            assert not overlap(parts[a], parts[b]), (a, b)
        assert page.locator("#filters").is_hidden()  # behind the button until asked for
        seen.screenshot("phone-card")
        page.keyboard.press("Escape")
        page.get_by_role("button", name="Filters").click()
        assert page.locator("#filters").is_visible()
        seen.screenshot("phone-filters")
        assert errors == []
    finally:
        context.close()


def test_desktop_card_leaves_the_attribution_visible(browsing: Browsing, server: Server) -> None:
    page, _ = open_card_at(browsing, server, "As Sukhnah")
    card = page.locator("#card").bounding_box()
    attribution = page.locator(".leaflet-control-attribution").bounding_box()
    assert not overlap(card, attribution)
    browsing.screenshot("desktop-card")
