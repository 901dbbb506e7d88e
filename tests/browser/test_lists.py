"""Place names on the map, and the incidents and claims lists, in Chromium: names change with the zoom,
the claims list shows seed 000's prediction fulfilled by seed 003 with its lag, a row opens its events
on the map, and the open list and row are in the address."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Browsing, Server
from tests.browser.test_card import PHONE, boxes, overlap
from tests.browser.test_map import open_map

PREDICTION = "Syrian army breaks through ISIS lines; approaches Al-Sukhnah"  # seed 000
REPORT = "Recapture of Al-Sukhnah Inspires Syrian Army, Allies"  # seed 003


def labels_at(page: Any, zoom: int) -> set[str]:
    page.wait_for_selector(f"#map[data-labels='{zoom}']")
    return set(page.locator(".place-label").all_text_contents())


def test_place_names_change_with_the_zoom(browsing: Browsing, server: Server) -> None:
    page = open_map(browsing, server, "#6/35/38.5")
    far = labels_at(page, 6)
    assert {"Syria", "Lebanon", "Aleppo", "Homs"} <= far and "As Sukhnah" not in far
    browsing.screenshot("labels-far")
    page.goto(f"{server.origin}/#11/34.88/38.87")
    page.reload()  # a new hash alone does not start the page again
    near = labels_at(page, 11)
    assert "As Sukhnah" in near and "Syria" not in near
    browsing.screenshot("labels-near")
    assert browsing.foreign(server.origin) == [] and browsing.errors == []


def seed_prediction(server: Server) -> dict[str, Any]:
    claims = server.get("/api/claims?status=fulfilled&limit=1000")["items"]
    return next(c for c in claims if c["article"]["title"] == PREDICTION and c["location"] == "As Sukhnah")


def test_claims_list_shows_seed_000_fulfilled_by_seed_003_and_opens_both(browsing: Browsing, server: Server) -> None:
    claim = seed_prediction(server)
    assert claim["settled_by"]["article"]["title"] == REPORT and claim["settled_by"]["lag_days"] == 4
    page = open_map(browsing, server)
    page.get_by_role("button", name="Claims").click()
    page.select_option("#claim-status", "fulfilled")
    page.wait_for_selector("#views[data-loaded=true]")
    row = page.locator(f"#views li[data-id='{claim['id']}']")
    text = row.text_content()
    assert "prediction · fulfilled" in text and "As Sukhnah" in text and claim["sentence"] in text
    assert "Fulfilled after 4 days" in text and "reported it on 2017-08-07" in text and REPORT in text
    row.click()
    card = page.locator("#card")
    card.locator("blockquote.evidence").wait_for()
    assert card.get_attribute("data-event") == claim["id"]  # the prediction's card, its fulfilment at the same spot
    assert "prediction: fulfilled" in card.text_content()
    assert page.locator("path.focus-point").count() == 1 + len(claim["matches"])
    browsing.screenshot("claims")
    assert "view=claims" in page.url and f"item={claim['id']}" in page.url
    page.reload()  # the address reopens the list at that row
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    page.locator(f"#views li.open[data-id='{claim['id']}']").wait_for()
    card.locator("blockquote.evidence").wait_for()
    assert browsing.errors == []


def test_an_incident_row_opens_its_events_on_the_map(browsing: Browsing, server: Server) -> None:
    incidents = server.get("/api/incidents?limit=100")["items"]
    incident = next(i for i in incidents if len({(e["latitude"], e["longitude"]) for e in i["events"] if e["latitude"] is not None}) > 1)
    page = open_map(browsing, server)
    page.get_by_role("button", name="Incidents").click()
    page.wait_for_selector("#views[data-loaded=true]")
    row = page.locator(f"#views li[data-id='{incident['id']}']")
    text = row.text_content()
    assert all(outlet in text for outlet in incident["outlets"])
    low, high = incident["fatalities"]["low"], incident["fatalities"]["high"]
    assert low is None or (f"{low}–{high} killed" if low != high else f"{low} killed") in text
    assert all(d["field"] in text for d in incident["disagreements"])
    row.click()
    card = page.locator("#card")
    card.locator("blockquote.evidence").wait_for()
    assert card.get_attribute("data-event") in {e["id"] for e in incident["events"]}
    placed = [e for e in incident["events"] if e["latitude"] is not None]
    assert page.locator("path.focus-point").count() == len(placed)
    assert page.locator("#views").get_attribute("data-focused") == str(len(placed))
    # the map is fitted to them: each one inside the map's box
    box = page.locator("#map").bounding_box()
    for point in page.locator("path.focus-point").all():
        mark = point.bounding_box()
        assert box["x"] <= mark["x"] and mark["x"] + mark["width"] <= box["x"] + box["width"]
        assert box["y"] <= mark["y"] and mark["y"] + mark["height"] <= box["y"] + box["height"]
    browsing.screenshot("incidents")
    assert browsing.errors == []


def test_at_phone_width_an_opened_row_folds_its_list_for_the_map_and_card(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    seen = Browsing(context.new_page(), [], [], [])
    seen.page.on("pageerror", lambda error: seen.errors.append(str(error)))
    try:
        claim = seed_prediction(server)
        page = open_map(seen, server, "#6/35/38.5?view=claims")
        page.select_option("#claim-status", "fulfilled")
        page.wait_for_selector("#views[data-loaded=true]")
        seen.screenshot("phone-claims")
        page.locator(f"#views li[data-id='{claim['id']}']").click()
        page.locator("#card blockquote.evidence").wait_for()
        parts = boxes(page, {"list": "#views", "map": "#map", "timeline": ".timeline-box", "card": "#card"})
        assert parts["map"]["height"] >= 150, parts
        names = list(parts)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                assert not overlap(parts[a], parts[b]), (a, b, parts)
        seen.screenshot("phone-claim-open")
        assert seen.errors == []
    finally:
        context.close()
