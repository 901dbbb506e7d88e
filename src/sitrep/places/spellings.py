"""Names of towns spelled as no index entry spells them, taken where the words before say a settlement
is named: "the city of Maaret al-Numan" (GeoNames: Ma‘arrat an Nu‘mān), "the town of Seraqeb"
(Saraqib). Such a name matches its place only by its consonants, too loose a match to take anywhere;
after "the city of" or "the villages of", in the country the article names most and in no other country
it names ("Boukamal" is also Bawcomville, in the United States), it is the place, and so is the same name
elsewhere in the article ("a market in Maaret al-Numan")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator

from .gazetteer import Gazetteer
from .name_runs import POSSESSIVE_KINDS

_PARTICLE = r"(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)"
_WORD = rf"(?:{_PARTICLE}-)?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
_CUED = re.compile(
    r"\b(?i:city|town|village|hamlet|neighbou?rhood|suburb|district|cities|towns|villages|neighbou?rhoods|suburbs)\s+of\s+"
    rf"(?P<name>{_WORD}(?:[ -](?:{_PARTICLE}[- ])?[A-Z][\w'’]*){{0,2}})"
)


def country_counts(names: Iterable[str], focus: Counter[str], gazetteer: Gazetteer, *, areas: bool = False) -> Counter[str]:
    """The article's country evidence: its demonyms (`focus`) and, for each place name, the country of
    its first reading (exact or but for spelling), or with `areas` the country of every country or
    first-level division it names exactly."""
    counts = Counter(focus)
    for name in names:
        matches = gazetteer.lookup(name, limit=5)
        if areas:
            counts.update(m.entry.country for m in matches if m.level == "exact" and m.entry.kind in POSSESSIVE_KINDS and m.entry.country)
            continue
        first = next((m for m in matches if m.level != "skeleton"), None)
        if first is not None and first.entry.country:
            counts[first.entry.country] += 1
    return counts


def main_country(names: Iterable[str], focus: Counter[str], gazetteer: Gazetteer) -> str | None:
    """The country the article names most (`country_counts`)."""
    counts = country_counts(names, focus, gazetteer)
    return counts.most_common(1)[0][0] if counts else None


def cued_spellings(
    text: str, gazetteer: Gazetteer, country: str, named: Collection[str], taken: Collection[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """Spans of settlement names after a settlement word that the index knows only by their consonants,
    in `country`, the one the article names most, and in none of the other countries it names (the
    whole capitalised name: never its first word alone, "Maaret" of "Maaret Harmeh"), and of the same
    names elsewhere in the text; none overlapping a `taken` span."""
    names = set(_cued(text, gazetteer, country, named, taken))
    for name in sorted(names):
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(a < found.end() and found.start() < b for a, b in taken):
                yield found.start(), found.end()


def _cued(text: str, gazetteer: Gazetteer, country: str, named: Collection[str], taken: Collection[tuple[int, int]]) -> Iterator[str]:
    """The names after settlement words that only a consonant match places, in `country` and in no other
    of the `named` countries."""
    for cue in _CUED.finditer(text):
        start, end = cue.span("name")
        name = text[start:end]
        if any(a < end and start < b for a, b in taken) or gazetteer.has_name(name):
            continue  # a name the index spells so: the main pass decides
        found = {m.entry.country for m in gazetteer.lookup(name, limit=10) if m.level == "skeleton"}
        if country in found and not found & (set(named) - {country}):
            yield name
