"""The incident rules on real FA-KES articles: what singles an incident out, and what does not."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from itertools import product

import pytest

from sitrep.link.incidents import list_incidents
from sitrep.link.match import LinkEvent, link_event, passes, same_actors, same_place, same_specifics, same_time, same_type
from sitrep.pipeline import ingest
from sitrep.store import open_store

from .conftest import FAKES

QARDAHA = ("fakes-1923848200", "fakes-1918398779")  # a suicide bombing, reported on 22 and 23 February 2015
ALEPPO_WEEK = ("fakes-1926478942", "fakes-1926478964")  # one outlet's shelling reports a week apart, no date words
ALEPPO_PROVINCE = ("fakes-1923848151", "fakes-1924058125")  # "fighting in Aleppo province" and in Aleppo city, 14-15 August 2016


@dataclass(frozen=True)
class Sample:
    events: dict[str, list[LinkEvent]]  # linkable events by FA-KES id
    incident_of: dict[str, str]  # event id → incident id

    def pairs(self, ids: tuple[str, str]) -> list[tuple[LinkEvent, LinkEvent]]:
        return list(product(self.events[ids[0]], self.events[ids[1]]))

    def every_pair(self) -> list[tuple[LinkEvent, LinkEvent]]:
        every = [e for linked in self.events.values() for e in linked]
        return [(a, b) for a, b in product(every, every) if a.article_id != b.article_id]

    def together(self, a: LinkEvent, b: LinkEvent) -> bool:
        return self.incident_of.get(a.id, a.id) == self.incident_of.get(b.id, b.id)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """The six articles ingested into one store (linking runs as they are stored)."""
    wanted = {*QARDAHA, *ALEPPO_WEEK, *ALEPPO_PROVINCE}
    folder = tmp_path_factory.mktemp("rules")
    lines = [line for line in FAKES.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in wanted]
    path = folder / "six.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    events: dict[str, list[LinkEvent]] = {}
    with open_store(folder / "six.db") as store:
        assert ingest([str(path)], store).ingested == len(wanted)
        for article in store.list_articles():
            fakes_id = store.get_article(article["id"])["sources"][0]["metadata"]["id"]
            events[fakes_id] = [e for row in store.article_events(article["id"]) if (e := link_event(row)) is not None]
        incident_of = {e["id"]: i["id"] for i in list_incidents(store) for e in i["events"]}
    return Sample(events, incident_of)


def _shares_a_party(a: LinkEvent, b: LinkEvent) -> bool:
    roles = [(a.actor1, b.actor1), (a.actor2, b.actor2), (a.actor1, b.actor2), (a.actor2, b.actor1)]
    return any(x is not None and y is not None and x.id and x.same(y) for x, y in roles)


def test_one_bombing_reported_on_two_days_is_one_incident(sample: Sample) -> None:
    bombs = [(a, b) for a, b in sample.pairs(QARDAHA) if a.sub_event_type == b.sub_event_type == "Suicide bomb"]
    assert len(bombs) == 1  # one record of the bombing in each article
    ((a, b),) = bombs
    assert a.location == b.location and a.day == b.day  # "on Sunday" in an article of Sunday and one of Monday
    assert a.published != b.published and same_time(a, b).ok
    assert sample.together(a, b)


def test_background_history_does_not_link(sample: Sample) -> None:
    # both articles recall, at Qardaha, the war's first years: a month-precision event years before
    old = [(a, b) for a, b in sample.pairs(QARDAHA) if a.historical and b.historical]
    assert old
    for a, b in old:
        check = same_time(a, b)
        assert not check.ok and "background" in check.why
        assert not sample.together(a, b)


def test_undated_reports_a_week_apart_are_different_incidents(sample: Sample) -> None:
    alike = [
        (a, b) for a, b in sample.pairs(ALEPPO_WEEK)
        if passes([same_type(a, b), same_actors(a, b)]) and not (a.stated or b.stated)
    ]  # fmt: skip
    assert alike  # the same kind of attack, one outlet, published 7 days apart, neither dated in its text
    for a, b in alike:
        assert not same_time(a, b).ok and not sample.together(a, b)


def test_a_province_is_not_compared_with_a_town(sample: Sample) -> None:
    # each town-level event against the same event told only at its province's level
    towns = [e for linked in sample.events.values() for e in linked if e.geo_precision < 3]
    assert towns
    for town in towns:
        province = replace(town, article_id="another", geo_precision=3)
        check = same_place(province, town)
        assert not check.ok and "a region and a place" in check.why


def test_a_link_needs_one_specific(sample: Sample) -> None:
    # two reports of one type told only at a province's level, neither to the day, no party named on
    # both: moved onto one week and one province, they still share nothing that singles an incident out
    every = [e for linked in sample.events.values() for e in linked]
    pairs = [(a, b) for a in every for b in every if a.article_id < b.article_id and not _shares_a_party(a, b)]
    assert pairs
    for a, b in pairs:
        a = replace(a, geo_precision=3, stated=False, historical=False)
        b = replace(b, sub_event_type=a.sub_event_type, event_type=a.event_type, day=a.day, published=a.published,
                    stated=False, historical=False, time_precision=a.time_precision, geo_precision=3, region=a.region,
                    lat=a.lat, lon=a.lon)
        assert passes([same_type(a, b), same_place(a, b), same_time(a, b)])
        check = same_specifics(a, b)
        assert not check.ok and "nothing singles it out" in check.why
