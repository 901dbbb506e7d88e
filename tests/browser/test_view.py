"""Finding, sharing and taking away a view in Chromium: the search box, the date inputs, the filters and
period in the address (a reload in a new page reopens the same view), and "download this view" whose
rows equal the API's for the same filters."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.request
from pathlib import Path
from typing import Any

from tests.browser.conftest import Browsing, Server
from tests.browser.test_map import in_view, open_map, placed, shown, wait_shown

PERIOD = ("2016-01-01", "2016-12-31")


def csv_rows(server: Server, query: str) -> list[dict[str, str]]:
    """Every row of a CSV listing, following its Link header."""
    rows: list[dict[str, str]] = []
    url: str | None = f"/api/events?limit=1000{query}"
    while url:
        with urllib.request.urlopen(server.origin + url, timeout=60) as response:
            rows += csv.DictReader(io.StringIO(response.read().decode("utf-8-sig")))
            link = re.match(r"<([^>]+)>", response.headers.get("Link") or "")
        url = link.group(1) if link else None
    return rows


def narrow(page: Any) -> None:
    """No battles, and the period typed into the date inputs."""
    page.get_by_label(re.compile(r"^Battles \(\d+\)$")).uncheck()
    page.fill("#since", PERIOD[0])
    page.fill("#until", PERIOD[1])
    page.locator("#until").dispatch_event("change")


def test_search_box_finds_the_events_of_matching_articles(browsing: Browsing, server: Server) -> None:
    page = open_map(browsing, server)
    everything = in_view(page, server)
    found = in_view(page, server, "&q=Raqqa")
    assert 0 < len(found) < len(everything)
    page.fill("#search", "raqqa")
    wait_shown(page, len(found))
    browsing.screenshot("map-search")
    page.fill("#search", "")
    wait_shown(page, len(everything))
    assert browsing.errors == []


def test_a_shared_link_reopens_the_same_view(browsing: Browsing, server: Server) -> None:
    page = open_map(browsing, server)
    narrow(page)
    page.select_option("#sources", "2")
    page.fill("#search", "Aleppo")
    query = f"&since={PERIOD[0]}&until={PERIOD[1]}&min_sources=2&q=Aleppo"
    expected = [f for f in in_view(page, server, query) if f["properties"]["event_type"] != "Battles"]
    assert expected
    wait_shown(page, len(expected))
    assert page.locator("#range").text_content().startswith(f"{PERIOD[0]} – {PERIOD[1]}")
    link = page.url
    assert "q=Aleppo" in link and "since=2016-01-01" in link
    again = page.context.new_page()
    again.goto(link)
    again.wait_for_selector("body[data-ready=true]", timeout=60_000)
    wait_shown(again, len(expected))
    assert not again.get_by_label(re.compile(r"^Battles \(\d+\)$")).is_checked()
    assert again.get_by_label(re.compile(r"^Protests \(\d+\)$")).is_checked()
    assert (again.input_value("#since"), again.input_value("#until")) == PERIOD
    assert again.input_value("#sources") == "2" and again.input_value("#search") == "Aleppo"
    assert again.url.split("#")[1].split("/")[0] == link.split("#")[1].split("/")[0]  # the same zoom
    assert again.locator("#count").get_attribute("data-points") == page.locator("#count").get_attribute("data-points")
    again.close()
    assert browsing.errors == []


def test_download_this_view_equals_the_api(browsing: Browsing, server: Server, tmp_path: Path) -> None:
    page = open_map(browsing, server)
    narrow(page)
    query = f"&since={PERIOD[0]}&until={PERIOD[1]}"
    every_type = csv_rows(server, f"&format=csv{query}")
    expected = sorted((r for r in every_type if r["event_type"] != "Battles"), key=lambda r: r["id"])
    assert 0 < len(expected) < len(every_type)
    wait_shown(page, len([f for f in in_view(page, server, query) if f["properties"]["event_type"] != "Battles"]))

    def fetched(label: str) -> str:
        with page.expect_download() as event:
            page.locator(".downloads button", has_text=re.compile(f"^{label}$")).click()
        target = tmp_path / event.value.suggested_filename
        event.value.save_as(target)
        return target.read_text(encoding="utf-8")

    assert sorted(csv.DictReader(io.StringIO(fetched("CSV"))), key=lambda r: r["id"]) == expected
    acled = [r for r in csv_rows(server, f"&format=acled{query}") if r["event_type"] != "Battles"]
    assert sorted(csv.DictReader(io.StringIO(fetched("ACLED CSV"))), key=lambda r: r["event_id_cnty"]) == sorted(
        acled, key=lambda r: r["event_id_cnty"]
    )
    features = [f for f in server.features(query) if f["properties"]["event_type"] != "Battles"]
    downloaded = json.loads(fetched("GeoJSON"))
    assert sorted(downloaded["features"], key=lambda f: f["id"]) == sorted(features, key=lambda f: f["id"])
    assert shown(page) == len(placed(features)) == len([f for f in in_view(page, server, query) if f["properties"]["event_type"] != "Battles"])
    assert browsing.foreign(server.origin) == [f for f in browsing.foreign(server.origin) if f.startswith("blob:")]
    assert browsing.errors == []
