"""What the map's place names and its incidents and claims lists ask the API for, on real data: place
labels from the bundled index by box and zoom, an article's events, and claims with what they said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.pipeline import IngestReport

from .test_api import ERROR_KEYS, every, ids, local

SYRIA = "35.5,32.3,42.5,37.4"  # west,south,east,north
AROUND_AS_SUKHNAH = "38.6,34.7,39.1,35.0"


@pytest.fixture(scope="module")
def client(fakes_ingested: tuple[Path, IngestReport]) -> TestClient:
    return local(create_app(fakes_ingested[0]))


def labels(client: TestClient, bbox: str, zoom: float, limit: int = 150) -> list[dict[str, Any]]:
    response = client.get(f"/api/places/labels?bbox={bbox}&zoom={zoom}&limit={limit}")
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_labels_name_countries_and_provinces_far_out_and_towns_close_in(client: TestClient) -> None:
    far = labels(client, SYRIA, 6)
    named = {(item["name"], item["kind"]) for item in far}
    assert {("Syria", "country"), ("Lebanon", "country")} <= named
    assert {("Aleppo", "admin1"), ("Homs", "admin1"), ("Damascus", "town")} <= named  # ACLED's English names
    towns = [item for item in far if item["kind"] == "town"]
    assert towns and min(t["population"] for t in towns) >= 300_000  # only big towns this far out
    near = labels(client, AROUND_AS_SUKHNAH, 11)
    assert "As Sukhnah" in {item["name"] for item in near}
    assert {item["kind"] for item in near} == {"town"}  # no country or province this close
    assert not {item["name"] for item in far} & {item["name"] for item in near}


def test_labels_come_most_important_first_within_the_box_and_limit(client: TestClient) -> None:
    found = labels(client, SYRIA, 8, limit=40)
    assert len(found) == 40
    west, south, east, north = map(float, SYRIA.split(","))
    assert all(west <= item["lon"] <= east and south <= item["lat"] <= north for item in found)
    # countries, cities of a million, divisions, other towns; towns by population
    ranks = [{"country": 0, "admin1": 2}.get(item["kind"], 1 if item["population"] >= 1_000_000 else 3) for item in found]
    assert ranks == sorted(ranks) and set(ranks) == {1, 2, 3}
    towns = [item["population"] for item in found if item["kind"] == "town"]
    assert towns == sorted(towns, reverse=True)
    assert found[:10] == labels(client, SYRIA, 8, limit=10)  # the same layout, cut shorter


def test_labels_thin_out_names_that_would_overlap(client: TestClient) -> None:
    # Damascus' suburbs lie a few km apart: at zoom 7 one name stands for them, at zoom 12 many show
    damascus = "36.1,33.4,36.5,33.65"
    out = {item["name"] for item in labels(client, damascus, 7) if item["kind"] == "town"}
    close = {item["name"] for item in labels(client, damascus, 12) if item["kind"] == "town"}
    assert out == {"Damascus"} and "Damascus" in close and len(close) > 10


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("bbox=1,2,3&zoom=5", "bbox"),
        ("bbox=10,0,5,1&zoom=5", "west"),
        ("bbox=1,2,3,4", "zoom"),
        ("bbox=1,2,3,4&zoom=21", "zoom"),
        ("bbox=1,2,3,4&zoom=5&limit=501", "limit"),
    ],
)
def test_bad_label_requests_get_the_error_shape(client: TestClient, query: str, names: str) -> None:
    response = client.get(f"/api/places/labels?{query}")
    body = response.json()
    assert response.status_code == 422 and set(body) == ERROR_KEYS and body["code"] == "E1001"
    assert names in body["error"]


def test_events_of_one_article(client: TestClient) -> None:
    events = every(client, "/api/events")
    article_id = next(e["article"]["id"] for e in events if sum(x["article"]["id"] == e["article"]["id"] for x in events) > 2)
    expected = [e["id"] for e in events if e["article"]["id"] == article_id]
    assert ids(every(client, f"/api/events?article_id={article_id}")) == expected
    features = client.get(f"/api/events?format=geojson&article_id={article_id}").json()["features"]
    assert [f["id"] for f in features] == expected
    assert client.get("/api/events?article_id=not-hex").status_code == 422


def test_claims_say_what_their_article_said(client: TestClient) -> None:
    claims = every(client, "/api/claims")
    assert claims
    texts: dict[str, str] = {}
    for claim in claims:
        article_id = claim["article"]["id"]
        if article_id not in texts:
            texts[article_id] = client.get(f"/api/articles/{article_id}").json()["text"]
        assert claim["sentence"] and claim["sentence"] in texts[article_id], claim["id"]
    named = [c for c in claims if c["according_to"]]
    assert named and all(c["according_to"] in texts[c["article"]["id"]] for c in named)


def test_openapi_shows_the_labels_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    answer = spec["paths"]["/api/places/labels"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer == {"$ref": "#/components/schemas/LabelList"}
    label = spec["components"]["schemas"]["PlaceLabel"]["properties"]
    assert label["kind"]["enum"] == ["country", "admin1", "town"]
    claim = spec["components"]["schemas"]["Claim"]["properties"]
    assert {"sentence", "according_to"} <= set(claim)
