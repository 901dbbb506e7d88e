"""The HTTP API on the demo data: every endpoint and filter checked against the store's own listing,
pages, formats, the token rule, bad parameters and the one error shape."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.errors import Code
from sitrep.filter_values import MODALITIES
from sitrep.link.story_store import list_stories
from sitrep.pipeline import ingest
from sitrep.store import open_store
from sitrep.store.search import haversine_km
from sitrep.web import CONTENT_SECURITY_POLICY

from .conftest import BACKENDS, FAKES, SEEDS, copied_to_postgres

ERROR_KEYS = {"ok", "status", "code", "title", "error"}
TOKEN = "test-token-5b1f"
BOM = "\ufeff"  # CSV starts with one, for Excel


def local(app: Any, **options: Any) -> TestClient:
    """A client of `app` that names the server `localhost` (the Host check answers loopback names)."""
    return TestClient(app, base_url="http://localhost", **options)


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("api")
    part = folder / "fakes.jsonl"
    part.write_text("\n".join(FAKES.read_text(encoding="utf-8").splitlines()[:150]) + "\n", encoding="utf-8")
    path = folder / "demo.db"
    with open_store(path) as store:
        report = ingest([*map(str, SEEDS), str(part)], store)
    assert report.failed == []
    return path


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, sqlite_db: Path) -> Path | str:
    """The demo store, and a copy of it in PostgreSQL."""
    return sqlite_db if request.param == "sqlite" else copied_to_postgres(request, sqlite_db)


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return local(create_app(db))


def every(client: TestClient, path: str, limit: int = 1000) -> list[dict[str, Any]]:
    """All items of a listing, page after page."""
    items: list[dict[str, Any]] = []
    url: str | None = f"{path}{'&' if '?' in path else '?'}limit={limit}"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        url = body["next_url"]
    return items


@pytest.fixture(scope="module")
def events(client: TestClient) -> list[dict[str, Any]]:
    found = every(client, "/api/events")
    assert len(found) > 500
    return found


@pytest.fixture(scope="module")
def incidents(client: TestClient) -> list[dict[str, Any]]:
    return every(client, "/api/incidents")


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def names(event: dict[str, Any]) -> list[str]:
    return [a["name"] for a in (event["actor1"], event["actor2"], *event["assoc_actors"]) if a]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


# -- listings and pages ---------------------------------------------------------------------------


def test_events_are_the_stores_listing_newest_first(db: Path, events: list[dict[str, Any]]) -> None:
    from sitrep.store.sqlite import EventFilters

    with open_store(db) as store:
        assert ids(events) == ids(store.list_events(EventFilters()))
    dates = [e["event_date"] for e in events]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[len(dated) :] == [None] * (len(dates) - len(dated))


def test_small_pages_give_the_same_events_once_each(client: TestClient, events: list[dict[str, Any]]) -> None:
    paged = every(client, "/api/events?modality=reported", limit=37)
    assert ids(paged) == [e["id"] for e in events if e["modality"] == "reported"]
    assert len(set(ids(paged))) == len(paged)


def test_pages_of_articles_incidents_and_claims(client: TestClient, db: Path, incidents: list[dict[str, Any]]) -> None:
    with open_store(db) as store:
        stats = store.stats()
    articles = every(client, "/api/articles", limit=13)
    assert len(articles) == stats["articles"] == len(set(ids(articles)))
    assert ids(every(client, "/api/incidents", limit=29)) == ids(incidents)
    claims = every(client, "/api/claims", limit=1000)
    assert claims and ids(every(client, "/api/claims", limit=11)) == ids(claims)


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("since=2017-01-01&until=2017-06-30", lambda e: e["event_date"] and "2017-01-01" <= e["event_date"] <= "2017-06-30"),
        ("event_type=Battles", lambda e: e["event_type"] == "Battles"),
        ("sub_event_type=Air/drone%20strike", lambda e: e["sub_event_type"] == "Air/drone strike"),
        ("actor=turk", lambda e: any("turk" in n.lower() for n in names(e))),
        ("country=sy", lambda e: e["country"] == "SY"),
        ("admin1=%E1%B8%A8alab", lambda e: (e["admin1"] or "").lower() == "ḩalab"),
        ("country=Syria&admin1=aleppo", lambda e: e["country"] == "SY" and (e["admin1"] or "").lower() == "ḩalab"),
        ("event_type=battles&modality=reported&modality=claimed", lambda e: e["event_type"] == "Battles" and e["modality"] in ("reported", "claimed")),
        ("modality=claimed", lambda e: e["modality"] == "claimed"),
        ("outlet=TRT%20World", lambda e: e["article"]["outlet"] == "TRT World"),
        ("min_sources=2", lambda e: e["sources"] >= 2),
        (
            "actor=government&bbox=30,30,45,40",
            lambda e: any("government" in n.lower() for n in names(e))
            and e["latitude"] is not None and 30 <= e["longitude"] <= 45 and 30 <= e["latitude"] <= 40,
        ),
        ("bbox=36,35,38.5,37", lambda e: e["latitude"] is not None and 36 <= e["longitude"] <= 38.5 and 35 <= e["latitude"] <= 37),
        (
            "lat=33.51&lon=36.29&radius_km=40",
            lambda e: e["latitude"] is not None and haversine_km(33.51, 36.29, e["latitude"], e["longitude"]) <= 40,
        ),
    ],
)
def test_each_event_filter_keeps_exactly_the_matching_events(client: TestClient, events: list[dict[str, Any]], query: str, keep: Any) -> None:
    expected = [e["id"] for e in events if keep(e)]
    assert expected, f"the demo data has no event for {query}"
    assert ids(every(client, f"/api/events?{query}")) == expected


def test_bbox_and_dates_together(client: TestClient, events: list[dict[str, Any]]) -> None:
    def inside(e: dict[str, Any]) -> bool:
        located = e["latitude"] is not None and 35 <= e["longitude"] <= 42 and 32 <= e["latitude"] <= 37.5
        return located and bool(e["event_date"]) and "2017-03-01" <= e["event_date"] <= "2017-12-31"

    expected = [e["id"] for e in events if inside(e)]
    assert expected
    assert ids(every(client, "/api/events?bbox=35,32,42,37.5&since=2017-03-01&until=2017-12-31", limit=10)) == expected


def test_full_text_search_finds_every_article_with_the_words(client: TestClient, events: list[dict[str, Any]]) -> None:
    articles = {}
    for summary in every(client, "/api/articles"):
        full = client.get(f"/api/articles/{summary['id']}").json()
        articles[full["id"]] = words(f"{full['title'] or ''} {full['text']}")
    wanted = {a for a, found in articles.items() if {"hospital", "airstrikes"} <= found}
    assert wanted and len(wanted) < len(articles)
    listed = every(client, "/api/articles?q=Hospital%20airstrikes")
    assert set(ids(listed)) == wanted
    assert all("hospital" in item["snippet"].lower() or "airstrikes" in item["snippet"].lower() for item in listed)
    found = every(client, "/api/events?q=Hospital%20airstrikes")
    assert ids(found) == [e["id"] for e in events if e["article"]["id"] in wanted]


def test_incident_filters_keep_incidents_with_a_matching_event(client: TestClient, incidents: list[dict[str, Any]]) -> None:
    several = every(client, "/api/incidents?min_sources=2")
    assert several and ids(several) == [i["id"] for i in incidents if i["sources"] >= 2]
    boxed = every(client, "/api/incidents?bbox=36,35,38.5,37&event_type=Explosions/Remote%20violence")
    expected = [
        i["id"]
        for i in incidents
        if any(
            e["latitude"] is not None and 36 <= e["longitude"] <= 38.5 and 35 <= e["latitude"] <= 37
            and e["record"]["event_type"] == "Explosions/Remote violence"
            for e in i["events"]
        )
    ]  # fmt: skip
    assert expected and ids(boxed) == expected


def _incident_filters(store: Any) -> list[Any]:
    """Filter sets around the demo store's incidents: boxes of two sizes around some of their events,
    their commonest actors' names (and a part of one), a period around an event, words of a title."""
    from sitrep.store.search import Box
    from sitrep.store.sqlite import EventFilters

    located = store._db.execute(
        "SELECT e.lat, e.lon, e.event_date FROM incident_events i JOIN events e ON e.article_id = i.article_id AND e.n = i.n"
        " WHERE e.lat IS NOT NULL AND e.event_date IS NOT NULL ORDER BY i.article_id, i.n"
    ).fetchall()
    named = store._db.execute(
        "SELECT x.name FROM incident_events i JOIN event_actors x ON x.article_id = i.article_id AND x.n = i.n"
        " GROUP BY x.name ORDER BY COUNT(*) DESC, x.name LIMIT 2"
    ).fetchall()
    title = store._db.execute("SELECT a.title FROM incident_events i JOIN articles a ON a.id = i.article_id ORDER BY i.article_id").fetchone()[0]
    actors = [(), *[(row[0],) for row in named], (named[0][0][:4], "civil")]
    found = []
    for lat, lon, day in located[:: max(1, len(located) // 3)][:3]:
        start = date.fromisoformat(day)
        periods = [(None, None), (str(start - timedelta(days=30)), str(start + timedelta(days=30))), (day, None)]
        for half in (0.3, 2.0):
            box = Box(lon - half, lat - half, lon + half, lat + half)
            for actor in actors:
                for since, until in periods:
                    found.append(EventFilters(area=box, actor=actor, since=since, until=until))
    for actor in actors[1:]:
        found += [EventFilters(actor=actor), EventFilters(actor=actor, text=title.split()[0], event_type="Battles")]
    return found


def test_incidents_are_the_same_whether_walked_or_gathered(db: Path) -> None:
    """list_incidents walks the incidents latest first checking each one's events, or gathers the
    matching events first (plan.incidents_plan picks one): both give the incidents of the events
    list_events finds with the same filters, in the same order and pages, with their members."""
    from sitrep.store.plan import incidents_plan
    from sitrep.store.sqlite import EventFilters

    with open_store(db) as store:
        cases = _incident_filters(store)
        everything = {m: store.list_incidents(EventFilters(), min_sources=m) for m in (1, 2)}
        chosen, kept = set(), 0
        for filters in cases:
            chosen.add(incidents_plan(store._db, store.search, filters)[0])
            having = {e["incident"] for e in store.list_events(filters)}
            for min_sources in (1, 2):
                expected = [i for i in everything[min_sources] if i["id"] in having]
                for walk in (True, False):
                    assert store.list_incidents(filters, min_sources=min_sources, walk=walk) == expected
                    paged: list[dict[str, Any]] = []
                    while page := store.list_incidents(filters, min_sources=min_sources, walk=walk, limit=3,
                                                       after=(paged[-1]["last_date"], paged[-1]["id"]) if paged else None):  # fmt: skip
                        paged += page
                    assert paged == expected
                assert store.list_incidents(filters, min_sources=min_sources) == expected
                kept += bool(expected) and len(expected) < len(everything[min_sources])
    assert chosen == {True, False}  # each plan is chosen for some of them
    assert kept > len(cases) // 2  # most filter sets keep some incidents and drop others


def test_article_filters(client: TestClient) -> None:
    articles = every(client, "/api/articles")
    until, since = articles[len(articles) // 4]["published"], articles[len(articles) // 2]["published"]
    for query, keep in [
        ("outlet=TRT%20World", lambda a: a["outlet"] == "TRT World"),
        (f"since={since}&until={until}", lambda a: a["published"] and since <= a["published"] <= until),
        ("kind=news", lambda a: a["kind"] == "news"),
    ]:
        expected = [a["id"] for a in articles if keep(a)]
        assert expected and ids(every(client, f"/api/articles?{query}")) == expected


def test_claims_filters(client: TestClient) -> None:
    claims = every(client, "/api/claims")
    for query, keep in [
        ("kind=prediction", lambda c: c["kind"] == "prediction"),
        ("status=open", lambda c: c["status"] == "open"),
        ("since=2017-06-01", lambda c: (c["article"]["published"] or "") >= "2017-06-01"),
    ]:
        expected = [c["id"] for c in claims if keep(c)]
        assert expected and ids(every(client, f"/api/claims?{query}")) == expected


def test_stories_pages_and_filters(client: TestClient, db: Path) -> None:
    with open_store(db) as store:
        expected = list_stories(store)
    found = every(client, "/api/stories", limit=7)
    assert [s["id"] for s in found] == [s["id"] for s in expected] and len(found) > 7
    seeds = next(s for s in found if "Al-Sukhnah" in (s["title"] or ""))
    assert seeds["articles"] == 2 and len(seeds["members"]) == 2
    several = every(client, "/api/stories?min_articles=2")
    assert several and all(s["articles"] >= 2 for s in several) and len(several) < len(found)
    recent = every(client, "/api/stories?since=2017-08-01")
    assert recent and all(s["last_published"] >= "2017-08-01" for s in recent)
    csv_lines = client.get("/api/stories?format=csv&min_articles=2&limit=1000").text.removeprefix(BOM).splitlines()
    assert csv_lines[0].split(",")[:4] == ["id", "first_published", "last_published", "articles"]
    assert len(csv_lines) - 1 == len(several)
    assert client.get("/api/stories?min_articles=0").status_code == 422
    for path in ("/api/stories", "/api/claims", "/api/articles", "/api/events"):
        empty = client.get(f"{path}?since=2017-09-01&until=2017-08-01")
        assert empty.status_code == 422 and "after until" in empty.json()["error"], path


def test_stats_are_the_stores(client: TestClient, db: Path) -> None:
    with open_store(db) as store:
        stats = store.stats()
        by_modality = store._db.execute("SELECT modality, COUNT(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        assert stats["events"] == store.count_rows("events") > 500  # from the running totals, the same
        assert list(stats["events_by_modality"].items()) == [(m, n) for m, n in by_modality]
        assert client.get("/api/stats").json() == stats


# -- one article ----------------------------------------------------------------------------------


def test_article_with_its_spans(client: TestClient, events: list[dict[str, Any]]) -> None:
    article_id = events[0]["article"]["id"]
    article = client.get(f"/api/articles/{article_id[:8]}").json()
    assert article["id"] == article_id
    assert [e["id"] for e in article["events"]] == sorted(
        (e["id"] for e in events if e["article"]["id"] == article_id), key=lambda i: int(i.rsplit("-", 1)[1])
    )
    kinds = {span["kind"] for span in article["spans"]}
    assert {"place", "event"} <= kinds
    for span in article["spans"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]
    starts = [s["start"] for s in article["spans"]]
    assert starts == sorted(starts)
    triggers = [s for s in article["spans"] if s["kind"] == "event"]
    assert {i for s in triggers for i in s["events"]} == {e["id"] for e in article["events"] if e["trigger"]}


def test_article_spans_name_actors(client: TestClient, events: list[dict[str, Any]]) -> None:
    event = next(e for e in events if e["actor1"] and e["actor1"].get("start") is not None)
    article = client.get(f"/api/articles/{event['article']['id']}").json()
    actor = event["actor1"]
    span = next(s for s in article["spans"] if s["kind"] == "actor" and s["start"] == actor["start"])
    assert span["label"] == actor["name"] and event["id"] in span["events"]


# -- formats --------------------------------------------------------------------------------------


def test_geojson_by_parameter_or_accept_header(client: TestClient, events: list[dict[str, Any]]) -> None:
    by_format = client.get("/api/events?format=geojson&limit=50")
    by_accept = client.get("/api/events?limit=50", headers={"Accept": "application/geo+json"})
    assert by_format.headers["content-type"].startswith("application/geo+json")
    collection = by_format.json()
    assert collection["features"] == by_accept.json()["features"] and collection["next"] == by_accept.json()["next"]
    assert collection["type"] == "FeatureCollection" and collection["next"]
    for feature, event in zip(collection["features"], events[:50], strict=True):
        props = feature["properties"]
        assert props["id"] == feature["id"] == event["id"] and props["article_id"] == event["article"]["id"]
        expected = None if event["latitude"] is None else {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]}
        assert feature["geometry"] == expected
        assert props["actor1"] == (event["actor1"] or {}).get("name") and props["sources"] == event["sources"]
        assert props["assoc_actors"] == "; ".join(a["name"] for a in event["assoc_actors"])
    assert any(f["properties"]["assoc_actors"] for f in collection["features"])
    incidents = client.get("/api/incidents?format=geojson&min_sources=2").json()["features"]
    assert incidents and all(f["properties"]["sources"] >= 2 and f["properties"]["event_ids"] for f in incidents)


def test_csv_pages(client: TestClient, events: list[dict[str, Any]]) -> None:
    response = client.get("/api/events?format=csv&limit=25")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.removeprefix(BOM))))
    assert [r["id"] for r in rows] == ids(events[:25])
    assert 'rel="next"' in response.headers["link"]
    following = client.get(response.headers["link"].split(">")[0].lstrip("<"))
    assert [r["id"] for r in csv.DictReader(io.StringIO(following.text.removeprefix(BOM)))] == ids(events[25:50])
    for path in ("/api/incidents", "/api/claims", "/api/articles"):
        answer = client.get(path, params={"format": "csv", "limit": 5}, headers={"Accept": "application/json"})
        assert answer.status_code == 200 and len(list(csv.DictReader(io.StringIO(answer.text.removeprefix(BOM))))) == 5


# -- bad parameters and the error shape -----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "code", "names"),
    [
        ("/api/events?bbox=1,2,3", 422, "E1001", "bbox"),
        ("/api/events?bbox=10,0,5,1", 422, "E1001", "west"),
        ("/api/events?lat=33&lon=36", 422, "E1001", "radius_km"),
        ("/api/events?lat=95&lon=36&radius_km=4", 422, "E1001", "lat"),
        ("/api/events?since=yesterday", 422, "E1001", "since"),
        ("/api/events?since=2017-05-01&until=2017-01-01", 422, "E1001", "since"),
        ("/api/events?limit=1001", 422, "E1001", "limit"),
        ("/api/events?limit=abc", 422, "E1001", "limit"),
        ("/api/events?event_type=Skirmish", 422, "E1001", "event_type"),
        ("/api/events?modality=rumoured", 422, "E1001", "modality"),
        ("/api/events?country=Narnia", 422, "E1001", "country"),
        ("/api/events?cursor=bm90IGEgY3Vyc29y", 422, "E1001", "cursor"),
        ("/api/events?q=%22%2A%28", 422, "E1001", "q"),
        ("/api/articles?q=%2A%2A", 422, "E1001", "q"),
        ("/api/events?format=xml", 422, "E1001", "format"),
        ("/api/articles?format=geojson", 422, "E1001", "format"),
        ("/api/claims?status=maybe", 422, "E1001", "status"),
        ("/api/incidents?min_sources=0", 422, "E1001", "min_sources"),
        ("/api/articles/0000000000", 404, "E601", "no article"),
        ("/api/articles/zz-not-hex", 422, "E1001", "article_id"),
        ("/api/nothing", 404, "E1005", "endpoint"),
        ("/api/events/grid?zoom=-1", 422, "E1001", "zoom"),
        ("/api/events/grid?max_events=5001", 422, "E1001", "max_events"),
        ("/api/events/grid?bbox=10,0,5,1", 422, "E1001", "west"),
        ("/api/events/timeline?bucket=year", 422, "E1001", "bucket"),
        ("/api/events/timeline?modality=rumoured", 422, "E1001", "modality"),
    ],
)
def test_bad_requests_get_one_error_shape(client: TestClient, path: str, status: int, code: str, names: str) -> None:
    response = client.get(path)
    body = response.json()
    assert response.status_code == status and set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status and body["code"] == code
    assert names in body["error"]


def test_hostile_words_are_words_not_sql_or_search_syntax(client: TestClient, events: list[dict[str, Any]]) -> None:
    assert client.get("/api/events?actor=%25'%20OR%201=1%20--").json()["items"] == []
    response = client.get('/api/articles?q=hospital%20OR%20"NEAR(x*"%20AND')
    assert response.status_code == 200
    assert set(ids(response.json()["items"])) <= set(ids(every(client, "/api/articles?q=hospital")))


def test_wrong_method_is_405(client: TestClient) -> None:
    response = client.delete("/api/events")
    assert response.status_code == 405 and response.json()["code"] == "E1006"


# -- writes: the token rule -----------------------------------------------------------------------


def test_read_only_without_a_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "Shelling hit Homs."})
    assert response.status_code == 403 and response.json()["code"] == "E1003"


def test_ingest_needs_the_bearer_token(new_store: str, seed_texts: dict[str, str]) -> None:
    writer = local(create_app(new_store, token=TOKEN))
    article = {"id": "seed-003", "text": seed_texts["003"], "outlet": "=HYPERLINK(\"x\")", "published": "2017-08-06"}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        refused = writer.post("/api/articles", json=article, headers=headers)
        assert refused.status_code == 401 and refused.json()["code"] == "E1002"
    assert writer.get("/api/stats").json()["articles"] == 0
    auth = {"Authorization": f"Bearer {TOKEN}"}
    accepted = writer.post("/api/articles", json=[article, {"title": "no text"}], headers=auth)
    assert accepted.status_code == 200, accepted.text
    report = accepted.json()
    assert report["ingested"] == 1 and len(report["failed"]) == 1 and report["failed"][0].startswith("<stdin>:2: E")
    stored_id, not_stored = report["articles"]  # one entry per record, in the body's order
    assert not_stored is None
    [listed] = writer.get("/api/articles").json()["items"]
    assert listed["id"] == stored_id and listed["outlet"] == article["outlet"]
    assert writer.get(f"/api/articles/{stored_id}").json()["published"] == "2017-08-06"
    assert "'=HYPERLINK" in writer.get("/api/articles?format=csv").text  # a formula in untrusted text is defused in CSV
    assert writer.get("/api/events").json()["items"]
    again = writer.post("/api/articles", json=article, headers=auth).json()
    assert (again["ingested"], again["unchanged"], again["articles"]) == (0, 1, [stored_id])
    copy = writer.post("/api/articles", json={**article, "outlet": "Copy"}, headers=auth).json()
    assert (copy["ingested"], copy["duplicates"], copy["articles"]) == (0, 1, [stored_id])  # same text: one more source


def test_bodies_are_bounded_and_checked(tmp_path: Path) -> None:
    writer = local(create_app(tmp_path / "bounded.db", token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = writer.post("/api/articles", content=b"{" + b" " * (5 * 1024 * 1024) + b"}", headers=auth)
    assert big.status_code == 413 and set(big.json()) == ERROR_KEYS and big.json()["code"] == "E1004"
    for body in (b"not json", b"[]", b"[1, 2]"):
        bad = writer.post("/api/articles", content=body, headers={**auth, "Content-Type": "application/json"})
        assert bad.status_code == 422 and bad.json()["code"] == "E1001"


# -- the page, docs, headers, migration -----------------------------------------------------------


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/docs", "/api/stats", "/api/nothing", "/api/events?limit=0", "/openapi.json"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/").headers["content-type"].startswith("text/html")


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/incidents", "/api/claims", "/api/stats", "/api/articles", "/api/articles/{article_id}"} <= set(paths)
    assert {"/api/events/grid", "/api/events/timeline", "/api/outlets"} <= set(paths)
    grid = paths["/api/events/grid"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert grid == {"$ref": "#/components/schemas/GridAnswer"}


def test_openapi_shows_response_shapes_enums_and_the_api_error(client: TestClient) -> None:
    """/docs reads these: each listing's 200 has a schema, closed lists are enums, and a 422 is the API's
    own error shape (the one an actual bad request answers), not FastAPI's validation error."""
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]

    def resolved(ref: dict[str, Any]) -> dict[str, Any]:
        return schemas[ref["$ref"].rsplit("/", 1)[1]] if "$ref" in ref else ref

    for path in ("/api/events", "/api/incidents", "/api/claims", "/api/articles", "/api/stories"):
        answers = spec["paths"][path]["get"]["responses"]
        items = resolved(answers["200"]["content"]["application/json"]["schema"])["properties"]["items"]
        assert resolved(items["items"])["properties"]["id"]["type"] == "string", path
        error = resolved(answers["422"]["content"]["application/json"]["schema"])
        assert set(error["properties"]) == set(client.get(f"{path}?limit=0").json())
    assert "HTTPValidationError" not in schemas
    assert set(schemas["Code"]["enum"]) == {code.value for code in Code}
    event = schemas["Event"]["properties"]
    assert event["modality"]["enum"] == list(MODALITIES)
    assert "Battles" in event["event_type"]["enum"]
    parameters = {p["name"]: p["schema"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert parameters["modality"]["items"]["enum"] == list(MODALITIES)
    assert "geojson" in parameters["format"]["enum"]
    claims = {p["name"]: p["schema"] for p in spec["paths"]["/api/claims"]["get"]["parameters"]}
    assert {"open", "fulfilled", "contradicted"} <= set(claims["status"]["enum"])


def test_docs_page_loads_swagger_ui_from_the_server_alone(client: TestClient) -> None:
    """/docs names no other host and runs no inline script: its script, style and icon are local files."""
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text and "style=" not in page.text
    assert not re.search(r"(?i)(https?:)?//", page.text)  # no address with a host
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert {"/static/vendor/swagger-ui-bundle.js", "/static/vendor/swagger-ui.css", "/static/docs.js"} <= set(assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert "/openapi.json" in client.get("/static/docs.js").text
    assert client.get("/redoc").status_code == 404  # FastAPI's CDN page is off


def test_search_indexes_are_filled_for_rows_stored_before_them(db: Path, tmp_path: Path, client: TestClient) -> None:
    """Migration 0007 on a store that already holds articles and events backfills both indexes."""
    if not isinstance(db, Path):
        pytest.skip("SQLite's virtual tables (PostgreSQL's generated columns fill themselves)")
    import shutil
    import sqlite3

    copy = tmp_path / "old.db"
    shutil.copy(db, copy)
    old = sqlite3.connect(copy)
    old.executescript(
        "DROP TABLE articles_fts; DROP TABLE events_rtree; DROP INDEX events_date_key;"
        " DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_update; DROP TRIGGER articles_fts_delete;"
        " DROP TRIGGER events_rtree_insert; DROP TRIGGER events_rtree_update; DROP TRIGGER events_rtree_delete;"
        " DELETE FROM schema_migrations WHERE version = 7;"
    )
    old.close()
    reopened = local(create_app(copy))
    for query in ("/api/events?bbox=36,35,38.5,37&limit=1000", "/api/articles?q=hospital&limit=1000"):
        assert reopened.get(query).json()["items"] == client.get(query).json()["items"]
    assert json.loads(reopened.get("/api/stats").text)["schema_version"] >= 7


# -- the map: cells, the events of a view, the timeline, outlets ----------------------------------

GRID_QUERIES = [
    "",  # the running totals answer these six
    "&modality=reported&modality=claimed",
    "&event_type=Battles",
    "&bbox=36,35,38.5,37",
    "&since=2016-01-01&until=2017-06-30",
    "&until=2015-12-31&modality=reported",
    "&actor=government",  # these count the events themselves
    "&q=hospital&bbox=30,30,45,40",
    "&event_type=Air%2Fdrone%20strike",
    "&lat=36.2&lon=37.15&radius_km=150",
    "&min_sources=2",
    "&actor=turk&since=2016-01-01&lat=36.2&lon=37.15&radius_km=300",
]


@pytest.mark.parametrize("query", GRID_QUERIES)
@pytest.mark.parametrize("zoom", [2, 6.5, 9, 12])
def test_grid_cells_sum_to_the_events_listing(client: TestClient, query: str, zoom: float) -> None:
    answer = client.get(f"/api/events/grid?zoom={zoom}&max_events=0{query}").json()
    assert answer["kind"] == "cells" and answer["level"] == max(2, int(zoom)) and answer["cell"] == 90 / 2 ** answer["level"]
    circle = "radius_km" in query
    box = "" if circle else "&bbox=" + ",".join(map(str, answer["bbox"]))
    located = [e for e in every(client, f"/api/events?{query.replace('&bbox=', '&ignored=')}{box}") if e["latitude"] is not None]
    assert located and answer["total"] == len(located) == sum(c["count"] for c in answer["cells"])
    assert sum(sum(c["types"].values()) for c in answer["cells"]) == answer["total"]
    for event_type in {e["event_type"] for e in located}:
        assert sum(c["types"].get(event_type, 0) for c in answer["cells"]) == sum(e["event_type"] == event_type for e in located)
    assert sum(c["fatalities"] for c in answer["cells"]) == sum(e["fatalities"] or 0 for e in located)
    west, south, east, north = answer["bbox"]
    for cell in answer["cells"]:  # a cell's centre is the mean of its events' points, inside it
        assert west <= cell["lon"] <= east and south <= cell["lat"] <= north


def test_grid_gives_the_events_themselves_when_few(client: TestClient) -> None:
    answer = client.get("/api/events/grid?zoom=8&bbox=36,35,38.5,37&modality=reported").json()
    assert answer["kind"] == "events" and answer["bbox"] == [35.859375, 34.8046875, 38.671875, 37.265625]
    listed = [e for e in every(client, "/api/events?modality=reported&bbox=35.859375,34.8046875,38.671875,37.265625") if e["latitude"] is not None]
    assert 0 < answer["total"] == len(answer["events"]) == len(listed) <= 1000
    for event, full in zip(answer["events"], listed):
        assert event == {
            "id": full["id"], "article_id": full["article"]["id"], "lat": full["latitude"], "lon": full["longitude"],
            "event_date": full["event_date"], "event_type": full["event_type"], "sub_event_type": full["sub_event_type"],
            "modality": full["modality"], "fatalities": full["fatalities"], "location": full["location"],
            "geo_precision": full["geo_precision"], "incident": full["incident"], "outlet": full["article"]["outlet"],
        }  # fmt: skip
    fewer = client.get("/api/events/grid?zoom=8&bbox=36,35,38.5,37&modality=reported&min_sources=2").json()
    assert fewer["kind"] == "events" and {e["id"] for e in fewer["events"]} == {
        e["id"] for e in listed if e["sources"] >= 2
    } and 0 < fewer["total"] < answer["total"]
    assert client.get(f"/api/events/grid?zoom=8&bbox=36,35,38.5,37&modality=reported&max_events={len(listed) - 1}").json()["kind"] == "cells"


def test_an_area_checked_on_the_events_keeps_what_its_index_finds(db: Path | str) -> None:
    """SQLite walks the smaller of the area's index and an actor's, words' or sources' events
    (`plan.area_first`), checking the area on the events' columns when not walking it; both ways
    keep the same events."""
    from sitrep.filter_values import actor_names
    from sitrep.store.filters import EventFilters
    from sitrep.store.plan import area_first, box_events
    from sitrep.store.search import Box, Circle

    def kept(store: Any, filters: EventFilters, min_sources: int, area_index: bool) -> list[tuple[str, int]]:
        where, params = filters.sql(store.search, area_index=area_index)
        if min_sources > 1:
            where.append("(e.article_id, e.n) IN (SELECT article_id, n FROM incident_events i JOIN incidents c ON c.id = i.incident_id WHERE c.sources >= ?)")
            params.append(min_sources)
        sql = f"SELECT e.article_id, e.n FROM events e JOIN articles a ON a.id = e.article_id WHERE {' AND '.join(where)} ORDER BY 1, 2"
        return [tuple(row) for row in store._db.execute(sql, params)]

    region, town = Box(30, 30, 45, 40), Box(37.1, 36.15, 37.2, 36.25)  # Syria and around; Aleppo
    cases = [
        (EventFilters(area=region, actor=actor_names("government")), 1, False),
        (EventFilters(area=region, text="hospital", since="2016-01-01"), 1, False),
        (EventFilters(area=region), 2, False),
        (EventFilters(area=Circle(36.2, 37.15, 300), actor=actor_names("turk")), 1, False),
        (EventFilters(area=town, actor=actor_names("a")), 1, True),  # a small box, a name part most names hold
        (EventFilters(area=region), 1, True),  # no other set to walk
    ]
    with open_store(db) as store:
        assert box_events(store._db, EventFilters(area=region)) >= len(kept(store, EventFilters(area=region), 1, True))
        for filters, min_sources, walks_area in cases:
            by_index = kept(store, filters, min_sources, True)
            assert by_index and kept(store, filters, min_sources, False) == by_index, filters
            if not store.search.plans_itself():
                assert area_first(store._db, store.search, filters, min_sources) is walks_area, filters


def _bucket(day: str, bucket: str) -> str:
    from datetime import date, timedelta

    if bucket == "month":
        return day[:7] + "-01"
    if bucket == "week":
        start = date.fromisoformat(day)
        return (start - timedelta(days=start.weekday())).isoformat()
    return day


@pytest.mark.parametrize(
    "query",
    ["", "&modality=reported", "&since=2016-03-01&until=2016-09-30&event_type=Battles", "&actor=government", "&bbox=36,35,38.5,37",
     "&min_sources=2&bbox=30,30,45,40", "&q=hospital&bbox=36,35,38.5,37"],
)  # fmt: skip
@pytest.mark.parametrize("bucket", ["day", "week", "month"])
def test_timeline_counts_equal_counting_the_events(client: TestClient, query: str, bucket: str) -> None:
    answer = client.get(f"/api/events/timeline?bucket={bucket}{query}").json()
    expected: dict[str, dict[str, int]] = {}
    undated: dict[str, int] = {}
    for event in every(client, f"/api/events?{query}"):
        counts = undated if event["event_date"] is None else expected.setdefault(_bucket(event["event_date"], bucket), {})
        counts[event["event_type"]] = counts.get(event["event_type"], 0) + 1
    assert answer["bucket"] == bucket and answer["undated"] == undated
    assert answer["buckets"] == [{"date": day, "counts": expected[day]} for day in sorted(expected)] != []


def _before_totals(request: pytest.FixtureRequest, db: Path | str, sqlite_db: Path, folder: Path) -> Path | str:
    """A copy of the store `db` as it was before migration 0008: its tables, triggers and record dropped."""
    if isinstance(db, str):  # PostgreSQL
        import psycopg

        url = copied_to_postgres(request, sqlite_db)
        with psycopg.connect(url) as old:
            old.execute(
                "DROP TABLE event_cells, event_cell_days, event_days, grid_levels;"
                " DROP FUNCTION sitrep_event_totals CASCADE; DROP FUNCTION sitrep_count_event; DROP FUNCTION sitrep_cell;"
                " DELETE FROM schema_migrations WHERE version = 8"
            )
        return url
    import shutil
    import sqlite3

    copy = folder / "old.db"
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as con:
        con.executescript(
            "DROP TABLE event_cells; DROP TABLE event_cell_days; DROP TABLE event_days; DROP TABLE grid_levels;"
            " DROP TRIGGER event_cells_insert; DROP TRIGGER event_cells_delete; DROP TRIGGER event_cell_days_insert;"
            " DROP TRIGGER event_cell_days_delete; DROP TRIGGER event_days_insert; DROP TRIGGER event_days_delete;"
            " DROP TRIGGER event_totals_update; DROP INDEX events_map; DELETE FROM schema_migrations WHERE version = 8;"
        )
    con.close()
    return copy


def test_map_totals_are_filled_for_rows_stored_before_them(
    request: pytest.FixtureRequest, db: Path | str, sqlite_db: Path, tmp_path: Path, client: TestClient
) -> None:
    """Migration 0008 on a store that already holds events fills the running totals as its triggers would."""
    reopened = local(create_app(_before_totals(request, db, sqlite_db, tmp_path)))
    for query in (
        "/api/events/grid?zoom=5&max_events=0", "/api/events/grid?zoom=9&bbox=30,30,45,40&max_events=0",
        "/api/events/grid?zoom=7&since=2016-02-01&max_events=0", "/api/events/timeline?bucket=week",
    ):  # fmt: skip
        assert reopened.get(query).json() == client.get(query).json()


def test_outlets_are_the_articles(client: TestClient) -> None:
    articles = every(client, "/api/articles")
    counts: dict[str, int] = {}
    for article in articles:
        if article["outlet"] is not None:
            counts[article["outlet"]] = counts.get(article["outlet"], 0) + 1
    assert client.get("/api/outlets").json() == {"outlets": [{"outlet": name, "articles": counts[name]} for name in sorted(counts)]}


def test_incidents_and_claims_of_one_article(client: TestClient, incidents: list[dict[str, Any]]) -> None:
    """What the map's card asks for: the incidents of an article's events and the article's claims."""
    claims = every(client, "/api/claims")
    article_id = next(c["article"]["id"] for c in claims)
    mine = [c for c in claims if c["article"]["id"] == article_id]
    assert ids(every(client, f"/api/claims?article_id={article_id}")) == ids(mine) != []
    article_id = next(e["article"]["id"] for i in incidents for e in i["events"])
    having = [i for i in incidents if any(e["article"]["id"] == article_id for e in i["events"])]
    assert ids(every(client, f"/api/incidents?article_id={article_id}")) == ids(having) != []
    assert client.get("/api/claims?article_id=xyz").status_code == 422
