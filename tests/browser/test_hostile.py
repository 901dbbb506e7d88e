"""Article text is hostile input: an article carrying script tags, event handlers and javascript: links
goes in through the API, and in the map's card and the article view nothing of it runs or becomes markup."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from playwright.sync_api import expect

from tests.browser.conftest import Browsing, Server
from tests.browser.test_map import in_view

PAYLOAD = "window.__pwned = (window.__pwned || 0) + 1; alert('pwned')"
OUTLET = f'Evil Outlet <img src=x onerror="{PAYLOAD}">'
HOSTILE = {
    "id": "hostile-1",
    "title": f"<script>{PAYLOAD}</script>Shelling hits Palmyra",
    "outlet": OUTLET,
    "url": f"javascript:{PAYLOAD}",
    "published": "2017-08-06",
    "text": (
        "Syrian government forces shelled the town of Palmyra on Saturday, killing three civilians"
        f" <script>{PAYLOAD}</script>, the Syrian Observatory for Human Rights said.\n"
        f'Residents posted <img src=x onerror="{PAYLOAD}"> and <a href="javascript:{PAYLOAD}">this link</a>'
        f' with <svg onload="{PAYLOAD}"></svg> after the shelling of Palmyra.\n'
    ),
}


def assert_inert(browsing: Browsing, server: Server) -> None:
    page = browsing.page
    assert page.evaluate("window.__pwned") is None
    assert browsing.dialogs == []
    for selector in ("#card script", "#card img", "#card svg", "#article script", "#article img", "#article svg"):
        assert page.locator(selector).count() == 0, selector
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert browsing.foreign(server.origin) == []
    assert browsing.errors == []


def test_hostile_article_runs_nothing_in_the_card_or_the_article_view(browsing: Browsing, server: Server) -> None:
    answer = server.post("/api/articles", HOSTILE)
    assert answer["ingested"] == 1, answer
    [article_id] = answer["articles"]
    assert [a["id"] for a in server.get(f"/api/articles?outlet={quote(OUTLET)}")["items"]] == [article_id]
    mine = [f for f in server.features() if f["properties"]["article_id"] == article_id and f["geometry"]]
    assert mine, "the hostile article reports an event at Palmyra"
    lon, lat = mine[0]["geometry"]["coordinates"]

    page = browsing.page
    page.goto(f"{server.origin}/#12/{lat}/{lon}")
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    page.select_option("#outlet", OUTLET)  # the outlet's name is an option's text, not markup
    expected = in_view(page, server, f"&outlet={quote(OUTLET)}")  # the outlet's events in the view, as the API lists them
    expect(page.locator("#count")).to_have_attribute("data-shown", str(len(expected)))
    assert 0 < len(expected) <= len(mine)
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    card = page.locator("#card")
    card.locator("blockquote.evidence").wait_for()
    events = {e["id"]: e for e in server.get(f"/api/articles/{article_id}")["events"]}
    assert set(events) == {f["id"] for f in mine}
    for event in sorted(events.values(), key=lambda e: e["id"] == card.get_attribute("data-event"), reverse=True):
        if card.get_attribute("data-event") != event["id"]:  # the others at this spot are listed in the card
            card.locator("ul.members button", has_text=event["sub_event_type"]).first.click()
            page.wait_for_function(f"document.getElementById('card').dataset.event === {event['id']!r}")
        assert card.locator("blockquote.evidence").text_content() == event["sentence"]["text"]
        assert OUTLET in card.text_content()
    # the markup reached the records the card and the article view show
    assert any("javascript:" in m["sentence"]["text"] for e in events.values() for m in e["mentions"])
    browsing.screenshot("hostile-card")
    assert_inert(browsing, server)

    card.locator("a.article-link").click()
    page.wait_for_selector("body[data-ready=true]")
    text = page.locator("#article .text").text_content()
    assert f'<img src=x onerror="{PAYLOAD}">' in text and "<svg onload=" in text
    assert page.locator("#article h2").text_content() == HOSTILE["title"]
    assert page.locator("#article .url").text_content() == HOSTILE["url"]  # shown, not linked
    browsing.screenshot("hostile-article")
    assert_inert(browsing, server)


def test_a_place_name_in_a_marker_tooltip_is_text(browsing: Browsing, server: Server) -> None:
    hostile = f'<img src=x onerror="{PAYLOAD}">Palmyra'
    placed = next(f for f in server.features() if f["geometry"])
    lon, lat = placed["geometry"]["coordinates"]

    def with_hostile_names(route: Any) -> None:  # as if a place had been read under that name
        response = route.fetch()
        view = response.json()
        for event in view["events"]:
            event["location"] = hostile
        route.fulfill(response=response, json=view)

    page = browsing.page
    page.route("**/api/events/grid?*", with_hostile_names)
    page.goto(f"{server.origin}/#14/{lat}/{lon}")
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = page.locator(".leaflet-tooltip").first
    tooltip.wait_for()
    assert hostile in tooltip.text_content()
    assert page.locator(".leaflet-tooltip img").count() == 0
    assert page.evaluate("window.__pwned") is None and browsing.errors == []
