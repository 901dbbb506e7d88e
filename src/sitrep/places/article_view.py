"""What the rest of an article says about where it is, seen from one name (`View`), and the features it
gives a reading: how much of the article's country evidence its country is, whether its province or state
is named or holds many of the other places, whether its county is named, how near it lies to the other
places. `resolve.py` learns the article's places pass by pass (`ArticleContext`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import GazetteerEntry, NameMatch
from .reading_features import WIDE_KINDS, Parts, nearness

County = tuple[str | None, str | None, str | None]  # country, admin1 code, name of the second-level division
Reading = tuple[str | None, str | None, str | None, str]  # a county, and whether a name's reading is it or a town in it


@dataclass(frozen=True)
class Evidence:
    """A place the first pass resolved, under the key of the name that named it."""

    key: str
    entry: GazetteerEntry


@dataclass
class View:
    """What the rest of the article says about where it is, seen from one name: the places named by that
    same name are left out, so that a reading of a name never vouches for itself."""

    focus: Counter[str] = field(default_factory=Counter)  # country -> weight of evidence
    admins: Counter[tuple[str, str]] = field(default_factory=Counter)  # (country, admin1 code) -> places in it
    named: set[tuple[str, str]] = field(default_factory=set)  # (country, admin1 code) named as such
    anchors: list[GazetteerEntry] = field(default_factory=list)  # places resolved with confidence
    counties: dict[Reading, str] = field(default_factory=dict)  # counties other names may be or be in

    def focus_share(self, country: str | None) -> float:
        total = sum(self.focus.values())
        return self.focus[country] / total if country and total else 0.0

    def admin_share(self, admin: tuple[str, str]) -> tuple[float, int]:
        total = sum(self.admins.values())
        return (self.admins[admin] / total if total else 0.0), total


@dataclass
class ArticleContext:
    """The first pass's places, from which each name's view of the article is made."""

    hints: Counter[str] = field(default_factory=Counter)  # country evidence from demonyms
    evidence: list[Evidence] = field(default_factory=list)
    counties: dict[str, dict[Reading, str]] = field(default_factory=dict)  # name key -> counties its readings are in
    _views: dict[str, View] = field(default_factory=dict)

    def view(self, key: str) -> View:
        if key not in self._views:
            view = _make_view(self.hints, [e.entry for e in self.evidence if e.key != key])
            for other, counties in self.counties.items():
                if other != key:
                    for county, name in counties.items():
                        view.counties.setdefault(county, name)
            self._views[key] = view
        return self._views[key]


def county_of(entry: GazetteerEntry) -> County:
    """The second-level division an entry is or lies in, by country, province and name."""
    return (entry.country, entry.admin1_code, entry.name if entry.kind == "admin2" else entry.admin2_name)


def _make_view(hints: Counter[str], entries: Sequence[GazetteerEntry]) -> View:
    view = View(focus=Counter(hints))
    anchored: set[GazetteerEntry] = set()
    for entry in entries:
        if entry.country:
            view.focus[entry.country] += 1
        if entry.country and entry.admin1_code and entry.kind != "country":
            view.admins[(entry.country, entry.admin1_code)] += 1
            if entry.kind == "admin1":
                view.named.add((entry.country, entry.admin1_code))
        if entry.kind not in WIDE_KINDS and entry not in anchored:
            anchored.add(entry)
            view.anchors.append(entry)
    return view


def features(match: NameMatch, static: Parts, doc: View) -> Parts:
    """The candidate's features: its own parts plus what the rest of the article says about it."""
    entry = match.entry
    parts = list(static)
    share = doc.focus_share(entry.country)
    if share:
        parts.append(("country_focus", share, f"{entry.country} is {share:.0%} of the article's country evidence"))
    parts += _admin_focus(match, doc)
    parts += nearness(entry, doc.anchors)
    return [part for part in parts if part[1]]


def _admin_focus(match: NameMatch, doc: View) -> Parts:
    """The article's province or state: named as such, or holding many of its other places. A county
    read by an alternate name ("Washington" for Washington County, Pennsylvania) is not one that
    another name's town ("Paris, Pennsylvania") lies in: "Washington and Paris say" are two capitals."""
    entry = match.entry
    if not entry.country or not entry.admin1_code or entry.kind == "country":
        return []
    admin = (entry.country, entry.admin1_code)
    found = []
    if admin in doc.named and entry.kind != "admin1":
        found.append(("province_named", 1.0, f"its province/state {entry.admin1_name or entry.admin1_code} is named in the article"))
    if entry.kind == "town" and doc.counties.get((*county_of(entry), "admin2")):
        found.append(("county_named", 1.0, f"its county {entry.admin2_name} is named in the article"))
    town = doc.counties.get((*county_of(entry), "town")) if entry.kind == "admin2" and match.name_kind == "primary" else None
    if town:
        found.append(("county_of_town", 1.0, f"{town!r}, also named in the article, may be a town in it"))
    share, total = doc.admin_share(admin)
    if share:
        count = round(share * total)
        found.append(
            ("province_focus", share, f"{count} of the article's {total} other places are in {entry.admin1_name or entry.admin1_code}")
        )
    return found
