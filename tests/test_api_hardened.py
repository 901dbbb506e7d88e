"""The API against hostile or broken input, in process: strict JSON, cursors in range, LIKE
wildcards as plain characters, the Host check, the access log, one-line faults, the write rate and
a body that never arrives. (`sitrep serve` itself, over real sockets: test_serve.py.)"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.pipeline import ingest
from sitrep.store import open_store
from sitrep.store.sqlite import EventFilters, SQLiteStore

from .conftest import SEEDS

ERROR_KEYS = {"ok", "status", "code", "title", "error"}
TOKEN = "hardened-token-7c2e"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hardened") / "seeds.db"
    with open_store(path) as store:
        assert ingest([str(p) for p in SEEDS], store).failed == []
    return path


def local(app: Any, **options: Any) -> TestClient:
    return TestClient(app, base_url="http://localhost", **options)


@pytest.fixture(scope="module")
def reader(db: Path) -> TestClient:
    return local(create_app(db))


@pytest.fixture
def writer(tmp_path: Path) -> TestClient:
    return local(create_app(tmp_path / "writes.db", token=TOKEN))


def assert_error(response: Any, status: int, code: str, words: str = "") -> None:
    body = response.json()
    assert response.status_code == status and set(body) == ERROR_KEYS, response.text
    assert body["status"] == status and body["code"] == code and words in body["error"]


def cursor(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# -- finding 1: strict JSON in bodies -------------------------------------------------------------


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinity_in_metadata_are_refused(writer: TestClient, value: str) -> None:
    body = '{"text": "Shelling hit Homs on Monday, killing three civilians.", "score": %s}' % value
    assert_error(writer.post("/api/articles", content=body, headers=AUTH), 422, "E1001", "body:")
    assert writer.get("/api/stats").json()["articles"] == 0


# -- finding 2: cursors and bodies checked for size, depth and range ------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b'["2017-01-01","abc",' + b"9" * 30 + b"]",  # beyond 64 bits
        b'["2017-01-01","abc",-9223372036854775809]',
        b'["2017-01-01","abc",NaN]',
        b'[["2017-01-01"],"abc",1]',
    ],
)
def test_cursors_out_of_range_are_a_422(reader: TestClient, raw: bytes) -> None:
    assert_error(reader.get(f"/api/events?cursor={cursor(raw)}"), 422, "E1001", "cursor")


def test_a_cursor_at_the_64_bit_edge_still_pages(reader: TestClient) -> None:
    edge = cursor(b'["9999-12-31","ffff",9223372036854775807]')
    assert reader.get(f"/api/events?cursor={edge}").status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"text": "Shelling hit Homs.", "meta": json.loads("[" * 40 + "]" * 40)}),
        '{"text": "Shelling hit Homs.", "big": %s}' % ("9" * 30),
    ],
)
def test_deep_or_huge_bodies_are_a_422(writer: TestClient, body: str) -> None:
    assert_error(writer.post("/api/articles", content=body, headers=AUTH), 422, "E1001", "body:")


def test_a_fault_is_one_log_line_and_the_error_shape(reader: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken(self: SQLiteStore) -> dict[str, Any]:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(SQLiteStore, "stats", broken)
    with caplog.at_level(logging.INFO):
        response = reader.get("/api/stats")
    assert_error(response, 500, "E1007")
    assert response.headers["x-content-type-options"] == "nosniff"
    [fault] = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert fault.exc_info is None and "\n" not in fault.getMessage()
    assert "GET /api/stats" in fault.getMessage() and "RuntimeError: disk on fire" in fault.getMessage()


# -- finding 3: LIKE wildcards are characters -----------------------------------------------------


def test_wildcards_in_the_actor_filter_are_plain_characters(reader: TestClient, db: Path) -> None:
    events = reader.get("/api/events?limit=1000").json()["items"]
    names = [[a["name"].lower() for a in (e["actor1"], e["actor2"], *e["assoc_actors"]) if a] for e in events]
    found = next(n for row in names for n in row if len(n) > 3)
    for actor in ("%", "_", "%%", found[0] + "_" + found[2:], "\\"):
        expected = [e["id"] for e, row in zip(events, names) if any(actor.lower() in n for n in row)]
        listed = reader.get(f"/api/events?actor={quote(actor)}&limit=1000").json()["items"]
        assert [e["id"] for e in listed] == expected == [], actor
    assert reader.get(f"/api/events?actor={quote(found)}").json()["items"]  # a real name still matches
    with open_store(db) as store:  # the CLI's listing is the same
        assert store.list_events(EventFilters(actor=("%",))) == [] and store.list_events(EventFilters(actor=(found,)))


# -- finding 4: the Host header -------------------------------------------------------------------


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", "localhost.evil.example"])
def test_other_host_names_get_a_421(db: Path, host: str) -> None:
    response = local(create_app(db)).get("/api/stats", headers={"Host": host})
    assert_error(response, 421, "E1008", "Host")
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:8000", "127.0.0.1:8000", "[::1]:8000", "localhost."])
def test_loopback_names_are_answered(db: Path, host: str) -> None:
    assert local(create_app(db)).get("/api/stats", headers={"Host": host}).status_code == 200


def test_allowed_hosts_add_names(db: Path) -> None:
    app = create_app(db, allowed_hosts=["sitrep.lan", "10.0.0.5"])
    assert local(app).get("/api/stats", headers={"Host": "sitrep.lan:8000"}).status_code == 200
    assert local(app).get("/api/stats", headers={"Host": "10.0.0.5"}).status_code == 200
    assert local(app).get("/api/stats", headers={"Host": "other.lan"}).status_code == 421
    anything = create_app(db, allowed_hosts=["*"])
    assert local(anything).get("/api/stats", headers={"Host": "other.lan"}).status_code == 200


# -- finding 6: the access log --------------------------------------------------------------------


def test_one_access_line_per_request_without_token_or_body(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    client = local(create_app(tmp_path / "log.db", token=TOKEN))
    with caplog.at_level(logging.INFO, logger="sitrep.api.access"):
        client.get("/api/stats?q=secret-query")
        client.post("/api/articles", content='{"title": "BODY-MARKER"}', headers=AUTH)
        client.post("/api/articles", content="{}", headers={"Authorization": "Bearer wrong-guess"})
    lines = [r.getMessage() for r in caplog.records if r.name == "sitrep.api.access"]
    assert len(lines) == 3
    assert lines[0].startswith("GET /api/stats 200 ") and " ms auth=no" in lines[0]
    assert lines[1].startswith("POST /api/articles 200 ") and "auth=yes" in lines[1]  # stored nothing: no text
    assert lines[2].startswith("POST /api/articles 401 ") and "auth=no" in lines[2]
    text = caplog.text
    assert all(secret not in text for secret in (TOKEN, "BODY-MARKER", "secret-query", "wrong-guess"))


# -- finding 9: the write rate --------------------------------------------------------------------


def test_writes_over_the_rate_get_a_429(tmp_path: Path) -> None:
    from sitrep.api.ratelimit import WriteRate

    app = create_app(tmp_path / "rate.db", token=TOKEN, write_rate=WriteRate(2))
    client, other = local(app), local(app, client=("192.0.2.7", 4000))
    for _ in range(2):
        assert client.post("/api/articles", content="[]", headers=AUTH).status_code == 422
    refused = client.post("/api/articles", content="[]", headers=AUTH)
    assert_error(refused, 429, "E1009", "2 writes a minute")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert other.post("/api/articles", content="[]", headers=AUTH).status_code == 422  # per client address
    assert client.get("/api/stats").status_code == 200  # reads are not limited


def test_the_write_rate_is_shared_through_its_file_and_slides(tmp_path: Path) -> None:
    """Two counters on one file, as two worker processes have: together at most the rate."""
    from sitrep.api.ratelimit import WriteRate

    first, second = WriteRate(3, tmp_path / "w.db"), WriteRate(3, tmp_path / "w.db")
    assert [first.admit("a", now=100.0), second.admit("a", now=101.0), first.admit("a", now=102.0)] == [None] * 3
    assert second.admit("a", now=103.0) == pytest.approx(57.0)
    assert second.admit("b", now=103.0) is None
    assert first.admit("a", now=160.5) is None  # the write at 100 has left the minute


# -- finding 7: a body that never arrives ---------------------------------------------------------


def test_a_stalled_body_gets_a_408_and_the_connection_closes(tmp_path: Path) -> None:
    app = create_app(tmp_path / "slow.db", token=TOKEN, body_timeout=0.2)
    sent: list[dict[str, Any]] = []
    parts = [{"type": "http.request", "body": b'[{"te', "more_body": True}]

    async def receive() -> dict[str, Any]:
        if parts:
            return parts.pop()
        await asyncio.sleep(30)  # the rest never comes (the app must give up well before)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/api/articles", "raw_path": b"/api/articles", "query_string": b"", "root_path": "",
        "headers": [(b"host", b"localhost"), (b"authorization", f"Bearer {TOKEN}".encode()), (b"content-length", b"100")],
        "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
    }  # fmt: skip

    async def run() -> None:
        async with asyncio.timeout(20):
            await app(scope, receive, send)

    with ThreadPoolExecutor(1) as thread:  # a loop of its own: the browser tests' loop may run in this thread
        thread.submit(asyncio.run, run()).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = json.loads(b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"))
    assert start["status"] == 408 and body["code"] == "E1010" and set(body) == ERROR_KEYS
    assert (b"connection", b"close") in start["headers"]
