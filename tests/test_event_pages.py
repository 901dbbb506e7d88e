"""Events as the JSON text of an API page (`event_texts`): the bytes `json.dumps` writes of
`list_events`' dicts, for records whose text SQLite rewrites and for those it cannot."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

import pytest

from sitrep.models import Article
from sitrep.store import open_store
from sitrep.store.event_pages import compact
from sitrep.store.filters import EventFilters
from sitrep.store.search import Box


def _article(ident: str, title: str) -> Article:
    return Article(id=ident, title=title, text="Body.", kind="news", published=date(2017, 8, 6), published_from="metadata",
                   outlet="Outlet \"Ö\"", url="https://example.org/a?b=1&c=\\", removed=())  # fmt: skip


def _event(day: str | None, lat: float | None, **more: Any) -> dict[str, Any]:
    return {
        "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": {"name": "Ḩayʼat Taḩrīr al-Shām"}, "actor2": None,
        "assoc_actors": [], "event_date": day, "time_precision": 1, "country": "SY", "admin1": "Ḩalab", "location": "Aleppo",
        "latitude": lat, "longitude": None if lat is None else 37.16117, "geo_precision": 1, "fatalities": 3,
        "modality": "reported", "historical": False, "confidence": 0.5, **more,
    }  # fmt: skip


HARD = [  # what could tell a rewrite from json.dumps: escapes, characters, numbers, nesting
    _event("2017-08-06", 36.20124, why=["quote \" backslash \\ slash / tab \t newline \n nul \x00 \x1f", "\u2028\u2029 \x7f é 中文 🙂"],
           sentence={"start": 0, "end": 10, "text": "a, b: c {d} [e] \"f\": g"}),
    _event("2017-08-05", 1e-7, score=1e16, big=12345678901234567890, negative=-0.0, tiny=5e-324, third=1 / 3, empty=[{}, [], ""]),
    _event(None, None, notes=None),
    _event("2017-08-05", 35.0, id="kept in place", sources=0),  # the listing's keys already in the record: replaced where they are
    _event("2017-08-04", 34.0, incident="x", article=None, id=None, sources=None),  # ... even at the very end, in the listing's order
]


@pytest.fixture
def stored(new_store: str) -> str:
    with open_store(new_store) as store:
        with store.transaction():
            store.add_article(_article("aaaa000000000001", "Title, with: \"quotes\" and \u2028"))
            store.add_events("aaaa000000000001", HARD)
            store.add_article(_article("bbbb000000000002", "Another"))
            store.add_events("bbbb000000000002", [_event("2017-08-06", 36.3), _event("2017-08-07", 36.4)])
    return new_store


@pytest.mark.parametrize(
    "filters",
    [EventFilters(), EventFilters(since="2017-08-05"), EventFilters(area=Box(37.0, 36.0, 38.0, 37.0)), EventFilters(actor=("tahrir",))],
    ids=["all", "since", "box", "actor"],
)
def test_event_texts_are_the_listings_json(stored: str, filters: EventFilters) -> None:
    with open_store(stored) as store:
        listed = store.list_events(filters)
        texts = store.event_texts(filters)
    assert listed
    assert [t.text for t in texts] == [compact(event) for event in listed]
    assert [(t.event_date, t.article_id, t.n) for t in texts] == [
        (e["event_date"], e["article"]["id"], int(e["id"].rsplit("-", 1)[1])) for e in listed
    ]
    assert [json.loads(t.text)["id"] for t in texts] == [e["id"] for e in listed]


def test_event_texts_pages_follow_after_and_limit(stored: str) -> None:
    with open_store(stored) as store:
        whole = store.event_texts(EventFilters())
        first = store.event_texts(EventFilters(), limit=3)
        rest = store.event_texts(EventFilters(), after=(first[-1].event_date, first[-1].article_id, first[-1].n))
    assert first + rest == whole and len(whole) == 7


def test_a_record_sqlite_cannot_read_is_read_by_python(new_store: str) -> None:
    """Python writes NaN into a record (json.dumps allows it); SQLite's JSON refuses it, so the record
    takes the dict's way, which refuses to write NaN into a response just as the API did before."""
    with open_store(new_store) as store:
        with store.transaction():
            store.add_article(_article("aaaa000000000001", "T"))
            store.add_events("aaaa000000000001", [_event("2017-08-06", 36.2, score=math.nan), _event("2017-08-06", 36.3)])
        [nan, fine] = store.list_events(EventFilters())
        assert math.isnan(nan["score"])
        with pytest.raises(ValueError, match="not JSON compliant"):
            store.event_texts(EventFilters())
        assert [t.text for t in store.event_texts(EventFilters(), after=("2017-08-06", "aaaa000000000001", 0))] == [compact(fine)]
