"""The store on SQLite and PostgreSQL: migrations, writes in transactions, queries."""

import multiprocessing
import sqlite3
from datetime import date
from pathlib import Path

import pytest

import sitrep.store
from sitrep.errors import Code, SitrepError
from sitrep.models import Article, Provenance, RemovedSpan, Source
from sitrep.store import open_store

from .conftest import BACKENDS, new_location
from .store_rows import store_rows


def _article(ident: str, text: str = "Body text.") -> Article:
    return Article(
        id=ident, title="A title", text=text, kind="news", published=date(2017, 8, 6), published_from="metadata",
        outlet="Outlet", url=None, removed=(RemovedSpan(10, 20, "donation", "donation appeal", "Donate now"),),
    )


def _source(key: str) -> Source:
    return Source(
        key=key, provenance=Provenance("/tmp/a.jsonl", line=3), raw_sha256="ab" * 32, format="jsonl",
        outlet="Outlet", url=None, title="A title", published=date(2017, 8, 6), encoding="utf-8",
        metadata={"label": 1},
    )


MIGRATIONS = {int(p.name.split("_")[0]) for p in (Path(sitrep.store.__file__).parent / "migrations").glob("*.sql")}
LATEST = max(MIGRATIONS)


def test_new_database_is_migrated(new_store):
    with open_store(new_store) as store:
        assert store.schema_version() == LATEST
    rows = store_rows(new_store)
    assert {version for version, in rows["schema_migrations"]} == MIGRATIONS
    assert set(rows) >= {"articles", "sources", "near_duplicates", "lsh_keys", "schema_migrations"}
    with open_store(new_store) as store:  # reopening applies nothing twice
        assert store.schema_version() == LATEST
    assert store_rows(new_store) == rows


def test_a_new_sqlite_store_is_in_wal_mode(tmp_path):
    open_store(tmp_path / "s.db").close()
    with sqlite3.connect(tmp_path / "s.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_round_trips_with_sources_and_removed_spans(new_store):
    with open_store(new_store) as store:
        with store.transaction():
            store.add_article(_article("aaaa000000000001"))
            store.add_source("aaaa000000000001", _source("k1"))
            store.add_source("aaaa000000000001", _source("k2"))
        got = store.get_article(store.resolve_id("aaaa"))
        assert got["published"] == "2017-08-06"
        assert got["removed"][0]["reason"] == "donation appeal"
        assert [s["line"] for s in got["sources"]] == [3, 3]
        assert got["sources"][0]["metadata"] == {"label": 1}
        assert store.stats()["exact_duplicates"] == 1


def test_interrupted_transaction_leaves_nothing(new_store):
    with open_store(new_store) as store:
        with pytest.raises(KeyboardInterrupt):
            with store.transaction():
                store.add_article(_article("bbbb000000000001"))
                raise KeyboardInterrupt
        assert store.stats()["articles"] == 0


def test_near_duplicate_links_are_symmetric_and_stored_once(new_store):
    with open_store(new_store) as store:
        with store.transaction():
            store.add_article(_article("c1", "one"))
            store.add_article(_article("c2", "two"))
            store.link_near_duplicates("c2", "c1", 0.8, 0.9)
            store.link_near_duplicates("c1", "c2", 0.8, 0.9)
        assert store.stats()["near_duplicate_pairs"] == 1
        assert store.get_article("c1")["near_duplicates"][0]["id"] == "c2"
        assert store.get_article("c2")["near_duplicates"][0]["id"] == "c1"


def test_unknown_and_ambiguous_ids_get_coded_errors(new_store):
    with open_store(new_store) as store:
        with store.transaction():
            store.add_article(_article("dd01"))
            store.add_article(_article("dd02"))
        with pytest.raises(SitrepError) as missing:
            store.resolve_id("ee")
        assert missing.value.code is Code.NOT_FOUND
        with pytest.raises(SitrepError) as ambiguous:
            store.resolve_id("dd")
        assert ambiguous.value.code is Code.AMBIGUOUS
        assert store.resolve_id("dd02") == "dd02"
        with pytest.raises(SitrepError):  # LIKE wildcards are taken literally
            store.resolve_id("%")


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "not.db"
    path.write_text("this is a text file, not a database\n" * 100)
    with pytest.raises(SitrepError) as error:
        open_store(path)
    assert error.value.code is Code.BAD_DATABASE


def test_group_line_counts_accumulate(new_store):
    with open_store(new_store) as store:
        with store.transaction():
            store.count_group_lines("outlet:X", {"share", "donate"})
            store.count_group_lines("outlet:X", {"share"})
        docs, counts = store.group_counts("outlet:X", ["share", "donate", "other"])
        assert docs == 2 and counts == {"share": 2, "donate": 1}


def test_an_unreachable_postgres_server_is_a_clear_error():
    with pytest.raises(SitrepError) as error:
        open_store("postgresql://sitrep:secret@127.0.0.1:1/none")
    assert error.value.code is Code.CANNOT_CONNECT
    assert "secret" not in str(error.value) and "sitrep:***@127.0.0.1:1/none" in str(error.value)


def _open_and_close(path: str) -> str:
    try:
        open_store(path).close()
    except Exception as error:  # reported to the parent, which asserts on it
        return f"{type(error).__name__}: {error}"
    return "ok"


@pytest.mark.parametrize("backend", BACKENDS)
def test_processes_opening_one_new_store_at_once_all_succeed(backend, request, tmp_path):
    context = multiprocessing.get_context("fork")
    for attempt in range(3):
        path = new_location(backend, request, tmp_path, f"race{attempt}.db")
        with context.Pool(6) as pool:
            results = pool.map(_open_and_close, [path] * 6)
        assert results == ["ok"] * 6
        with open_store(path) as store:
            assert store.schema_version() == LATEST


def _event(lat: float | None, lon: float | None, day: str | None, dead: int | None) -> dict[str, object]:
    return {
        "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": None, "actor2": None, "assoc_actors": [],
        "event_date": day, "time_precision": 1, "country": "SY", "admin1": None, "location": None, "latitude": lat,
        "longitude": lon, "geo_precision": 1, "fatalities": dead, "modality": "reported", "historical": False,
        "confidence": 0.5,
    }  # fmt: skip


def test_map_totals_follow_events_written_moved_and_deleted(new_store):
    """Migration 0008's running totals (SQLite's triggers, PostgreSQL's trigger function) count each
    event in when written, out and in again when moved, out when deleted, leaving no empty rows; the
    store's stats count the events from them."""
    with open_store(new_store) as store:
        with store.transaction():
            store.add_article(_article("aaaa000000000001"))
            events = [_event(36.2, 37.1, "2017-08-06", 3), _event(36.21, 37.12, None, None), _event(None, None, "2017-08-07", 1)]
            store.add_events("aaaa000000000001", events)

        def totals() -> tuple[list[tuple[object, ...]], ...]:
            queries = (
                "SELECT y, x, events, fatalities FROM event_cells WHERE level = 5 ORDER BY y",
                "SELECT day, y, x, events, fatalities FROM event_cell_days WHERE level = 5",
                "SELECT day, events FROM event_days ORDER BY day",
            )
            return tuple([tuple(row) for row in store._db.execute(sql)] for sql in queries)

        # level 5: cells of 2.8125 degrees; (36.2 + 90) / 2.8125 = 44.9, (37.1 + 180) / 2.8125 = 77.2
        assert totals() == ([(44, 77, 2, 3)], [("2017-08-06", 44, 77, 1, 3)], [("", 1), ("2017-08-06", 1), ("2017-08-07", 1)])
        store._db.execute("UPDATE events SET lat = -10.0, lon = 20.0 WHERE n = 0")
        assert totals() == ([(28, 71, 1, 3), (44, 77, 1, 0)], [("2017-08-06", 28, 71, 1, 3)], [("", 1), ("2017-08-06", 1), ("2017-08-07", 1)])
        store._db.execute("UPDATE events SET modality = 'claimed' WHERE n = 2")
        assert [store.stats()[k] for k in ("events", "events_by_modality")] == [3, {"reported": 2, "claimed": 1}]
        store._db.execute("DELETE FROM events WHERE n < 2")
        assert totals() == ([], [], [("2017-08-07", 1)])
        assert [store.stats()[k] for k in ("events", "events_by_modality")] == [1, {"claimed": 1}]  # from event_days


def _acted(lat: float, lon: float, *names: str) -> dict[str, object]:
    """An event at (lat, lon) whose actor1, actor2 and associated actors are `names`, in that order."""
    actors = [{"name": name} for name in names]
    return {**_event(lat, lon, "2017-08-06", None), "actor1": actors[0] if actors else None,
            "actor2": actors[1] if len(actors) > 1 else None, "assoc_actors": actors[2:]}  # fmt: skip


def _named(store_location: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    rows = store_rows(store_location)
    return rows["event_actors"], rows["actor_names"]


def test_actor_names_are_kept_folded_per_event_and_found_by_any_part(new_store, tmp_path, request):
    """Migration 0009's tables: each event's actor names folded, once each, gone with the event; the
    migration fills them for events stored before it exactly as writing them does."""
    from sitrep.store.filters import EventFilters

    with open_store(new_store) as store:
        with store.transaction():
            store.add_article(_article("aaaa000000000001"))
            store.add_events("aaaa000000000001", [
                _acted(36.2, 37.1, "Syrian Government", "Ḩayʼat Taḩrīr al-Shām", "syrian government"),
                _acted(36.3, 37.2, "Civilians"),
                _acted(36.4, 37.3),
            ])  # fmt: skip
        found = [e["id"] for e in store.list_events(EventFilters(actor=("tahrir",)))]
        assert found == ["aaaa00000000-0"]
        assert [e["id"] for e in store.list_events(EventFilters(actor=("civilian", "government")))] == ["aaaa00000000-0", "aaaa00000000-1"]
        assert len(store.list_events(EventFilters(actor=("",)))) == 3  # every name holds the empty part
        assert store.list_events(EventFilters(actor=("government\nhay",))) == []  # a part lies within one name
    events, names = _named(new_store)
    assert events == sorted([
        ("civilians", "aaaa000000000001", 1), ("hayat tahrir al-sham", "aaaa000000000001", 0),
        ("syrian government", "aaaa000000000001", 0),
    ], key=repr)  # fmt: skip
    assert names == sorted([("civilians",), ("hayat tahrir al-sham",), ("syrian government",)], key=repr)
    before = _before_0009(new_store, request, tmp_path)
    with open_store(before) as store:
        assert store.schema_version() == LATEST
    assert _named(before) == (events, names)
    with open_store(new_store) as store:
        store._db.execute("DELETE FROM events WHERE n = 0")
        assert store.list_events(EventFilters(actor=("government",))) == []
    assert _named(new_store)[0] == [("civilians", "aaaa000000000001", 1)]


def test_incidents_of_a_box_and_an_actor_whichever_set_is_walked_first(new_store):
    """list_incidents with a box and an actor: the incidents with an event inside the box whose actor
    matches, also when the actor's events are walked first and the box checked on their columns."""
    from sitrep.store.filters import EventFilters
    from sitrep.store.plan import area_first
    from sitrep.store.search import Box

    with open_store(new_store) as store:
        with store.transaction():
            store.add_article(_article("aaaa000000000001"))
            store.add_events("aaaa000000000001", [
                _acted(36.2, 37.1, "Jaysh al-Islam"), _acted(36.3, 37.2, "Civilians"), _acted(36.4, 37.3, "Civilians"),
                _acted(30.0, 30.0, "Jaysh al-Islam"),  # the actor outside the box
            ])  # fmt: skip
            for n, incident in enumerate(("in-box-actor", "in-box-other", "in-box-other", "outside")):
                store.save_incident({"id": incident, "event_type": "Battles", "sub_event_type": "Armed clash", "first_date": "2017-08-06",
                                     "last_date": "2017-08-06", "events": 1, "articles": 1, "sources": 1})  # fmt: skip
                store.add_incident_event("aaaa000000000001", n, incident, ["test"])
        boxed = EventFilters(actor=("jaysh",), area=Box(37.0, 36.0, 38.0, 37.0))
        if not new_store.startswith("postgres"):  # PostgreSQL's planner weighs its indexes itself
            assert not area_first(store._db, store.search, boxed)  # two events of the actor, three in the box
        assert [row["id"] for row in store.list_incidents(boxed)] == ["in-box-actor"]
        assert [row["id"] for row in store.list_incidents(EventFilters(actor=("civilian",), area=boxed.area))] == ["in-box-other"]


def _before_0009(location: str, request: pytest.FixtureRequest, folder: Path) -> str:
    """A copy of the store at `location` as it was before migration 0009 (its tables and record dropped)."""
    drop = "DROP TABLE event_actors; DROP TABLE actor_names; DELETE FROM schema_migrations WHERE version = 9;"
    if location.startswith("postgres"):
        import psycopg

        from sitrep.store.copy import copy_store

        url = new_location("postgres", request, folder)
        with open_store(location) as source, open_store(url) as target:
            copy_store(source, target)
        with psycopg.connect(url) as old:
            old.execute(drop.encode())
        return url
    copy = str(folder / "before.db")
    with sqlite3.connect(location) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(copy) as old:
        old.executescript(drop)
    old.close()
    return copy


def test_story_candidates_read_the_same_profiles_from_the_store_and_from_memory(new_store, monkeypatch):
    monkeypatch.setattr(sitrep.store.stories, "PROFILE_CACHE", 1)  # every call past the first evicts
    profiles = {f"bbbb00000000000{n}": {"places:aleppo": 0.5, f"words:w{n}": 0.25 * n} for n in range(1, 4)}
    with open_store(new_store) as store:
        with store.transaction():
            for ident, profile in profiles.items():
                store.add_article(_article(ident))
                store.add_story_member(ident, ident, 736000, profile, ["places:aleppo"], None, "2016-02-15")
        for _ in range(3):
            found = store.story_candidates(["places:aleppo"], (735990, 736010), 10)
            assert {row["article_id"]: row["profile"] for row in found} == profiles
            assert [row["story_id"] for row in found] == sorted(profiles)
