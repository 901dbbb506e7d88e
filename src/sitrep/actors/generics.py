"""Generic actor phrases ("government troops", "the militant group") and the country words around them.

Country words are country names and demonyms from countryinfo (a dependency), with the ones it lacks from
data/demonyms.csv and a few forms news text uses ("U.S.", "UAE", "Serb"). A demonym's plural ("Iraqis",
"Palestinians", the plural rule of the gazetteer) is also a phrase of its own: the people of the country,
ACLED's "Civilians (Iraq)". A country name after a phrase gives its country too ("the president of
Armenia", "refugees from Liberia", "rebels in the Ivory Coast").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from countryinfo import CountryInfo

from .loading import Row, read_packaged
from .matcher import PhraseMatcher
from .records import ACTOR_TYPES, ANAPHORS, GENERIC_ROLES, ActorMatch, GenericMatch, GenericRule
from .text import Tokens, tokenize

GENERIC_COLUMNS = ("phrase", "role", "type", "note")
# "Turkish-backed rebels": the country backs the actor rather than being it
_BACKING = frozenset("backed led supported sponsored allied aligned funded trained armed".split())
# Short forms and names countryinfo does not list as spellings
_SHORT_FORMS = {
    "US": ("U.S.", "US", "USA", "U.S.A.", "American"),
    "GB": ("U.K.", "UK", "Britain", "Great Britain"),
    "AE": ("UAE", "Emirates"),
    "BA": ("Bosnia",),
    "XK": ("Kosovo",),
}
# Demonyms countryinfo and demonyms.csv lack (Wikipedia, "List of adjectival and demonymic forms for countries
# and nations"): "Serb" is the people, "Serbian" the adjective countryinfo has
_EXTRA_DEMONYMS = {"RS": ("Serb",)}
# Capital short forms countryinfo lists that are kept; other codes ("ARE", "SY", "TUR") are not names
_KEPT_CODES = frozenset({"US", "USA", "UK", "UAE", "DRC"})
# A demonym takes the plural "s" unless it ends so ("Syrians", not "Chineses"): the gazetteer's rule
_NO_PLURAL = re.compile(r"(s|sh|ch|x|z|ese|y)$")
# The people a plural demonym names, when no other generic phrase follows it
PEOPLE = GenericRule("people of a country", "group", ("civilians",), "a plural demonym: ACLED's Civilians (country)")
# Words after a phrase that give the country it belongs to: "of", "from" always ("soldiers from Chad");
# "in" only for actors that are not the state's forces ("civilians in Syria", not "US troops in Iraq")
_AFTER = {"of": None, "from": None, "in": frozenset({"state_forces", "national_forces"})}
# ISO codes countryinfo still lists that were withdrawn: Serbia and Montenegro (2006), Netherlands Antilles (2010)
_WITHDRAWN = frozenset({"CS", "AN"})
# Capitals of states smaller than this are left out: their names are more often something else
_CAPITAL_MIN_POPULATION = 500_000


@dataclass(frozen=True)
class CountryWords:
    """Country words by kind: names, demonyms, the plural demonyms that name a people, capitals."""

    names: tuple[tuple[str, str], ...]
    demonyms: tuple[tuple[str, str], ...]
    people: tuple[tuple[str, str], ...]
    capitals: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Hit:
    """A generic phrase found at tokens [first, end), with the country word before it."""

    first: int
    end: int
    rule: GenericRule
    country: str | None
    backer: str | None
    country_word: str | None = None  # the words naming the country: "Hungarian", "of Armenia"


def parse_generics(rows: Sequence[Row]) -> list[GenericRule]:
    """Validated rules from the rows of a generics file."""
    rules: list[GenericRule] = []
    seen: dict[str, int] = {}
    for row in rows:
        phrase, role = row.values["phrase"], row.values["role"]
        types = tuple(part.strip() for part in row.values["type"].split("|") if part.strip())
        if not phrase:
            raise row.fail("empty phrase")
        if phrase.casefold() in seen:
            raise row.fail(f"phrase {phrase!r} is already on line {seen[phrase.casefold()]}")
        if role not in GENERIC_ROLES:
            raise row.fail(f"unknown role {role!r} (one of: {', '.join(GENERIC_ROLES)})")
        bad = [kind for kind in types if kind not in ACTOR_TYPES]
        if not types or bad:
            raise row.fail(f"type must be actor types separated by '|' (one of: {', '.join(ACTOR_TYPES)})")
        seen[phrase.casefold()] = row.line
        rules.append(GenericRule(phrase, role, types, row.values["note"]))
    return rules


@lru_cache(maxsize=1)
def _words() -> CountryWords:
    names: list[tuple[str, str]] = []
    demonyms: list[tuple[str, str]] = []
    capitals: list[tuple[str, str]] = []
    population: dict[str, int] = {}
    for data in CountryInfo.all().values():
        iso = (data.get("ISO") or {}).get("alpha2")
        if not iso or not data.get("name") or iso in _WITHDRAWN:
            continue
        population[iso] = max(population.get(iso, 0), int(data.get("population") or 0))
        spellings = [data["name"], *(data.get("altSpellings") or [])]
        names += [(n, iso) for n in spellings if n and (len(n) > 3 or not n.isupper() or n in _KEPT_CODES)]
        forms = [part.strip() for part in re.split(r"[,/]", data.get("demonym") or "") if part.strip()]
        demonyms += _with_plurals(forms, iso)
        capital = data.get("capital")
        capital = capital.strip() if isinstance(capital, str) else ""
        if capital and "/" not in capital and not capital.startswith("The ") and population[iso] >= _CAPITAL_MIN_POPULATION:
            capitals.append((capital, iso))
            if capital.endswith(" D.C."):
                capitals.append((capital[: -len(" D.C.")], iso))  # "Washington"
    text, _ = read_packaged("demonyms.csv")
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        demonyms.append((row["demonym"], row["country"]))
    names += [(form, iso) for iso, forms in _SHORT_FORMS.items() for form in forms]
    demonyms += [pair for iso, forms in _EXTRA_DEMONYMS.items() for pair in _with_plurals(forms, iso)]

    def by_size(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        # a word of several countries ("Indian": India, British Indian Ocean Territory) is first the larger's
        return tuple(sorted(dict.fromkeys(pairs), key=lambda pair: -population.get(pair[1], 0)))

    singular = {word for word, _ in demonyms}
    name_set = {word for word, _ in names}
    people = [(w, iso) for w, iso in demonyms if w.endswith("s") and w[:-1] in singular and w not in name_set]
    return CountryWords(by_size(names), by_size(demonyms), by_size(people), by_size(capitals))


def _with_plurals(forms: Sequence[str], iso: str) -> list[tuple[str, str]]:
    return [(form, iso) for form in forms] + [(form + "s", iso) for form in forms if not _NO_PLURAL.search(form)]


@lru_cache(maxsize=1)
def country_words() -> tuple[tuple[str, str], ...]:
    """(word, ISO alpha-2) pairs: names, spellings and demonyms that can stand before a generic noun; a
    word of several countries comes first with the most populous one."""
    words = _words()
    return words.names + words.demonyms


@lru_cache(maxsize=1)
def _country_matcher() -> PhraseMatcher[str]:
    return _matcher(country_words())


@lru_cache(maxsize=1)
def _name_matcher() -> PhraseMatcher[str]:
    return _matcher(_words().names)


@lru_cache(maxsize=1)
def _place_matcher() -> PhraseMatcher[str]:
    words = _words()
    return _matcher(words.names + words.demonyms + words.capitals)


@lru_cache(maxsize=1)
def _people() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(tokenize(word).keys) for word, _ in _words().people)


def _matcher(pairs: Sequence[tuple[str, str]]) -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for word, iso in pairs:
        matcher.add(word, iso)
    return matcher


def country_of(words: str) -> str | None:
    """The country (ISO alpha-2) that `words` name as a whole: a country name, a demonym or, written with
    a capital letter, a capital city ("Cairo"): "Iraq", "the Ivory Coast", "Palestinians" -> IQ, CI, PS."""
    tokens = tokenize(words)
    first = 1 if len(tokens) > 1 and tokens.keys[0] == "the" else 0
    if first >= len(tokens):
        return None
    found = _country_matcher().match_at(tokens, first)
    if found is None and tokens.raws[first][:1].isupper():
        found = _place_matcher().match_at(tokens, first)
    if found is None or found[0] != len(tokens):
        return None
    return found[1][0]


class GenericFinder:
    """Finds generic phrases, with an optional country word before them, in tokenized text."""

    def __init__(self, rules: Sequence[GenericRule]) -> None:
        self.rules = tuple(rules)
        self._phrases: PhraseMatcher[GenericRule] = PhraseMatcher()
        for rule in self.rules:
            self._phrases.add(rule.phrase, rule)
        self._countries = _country_matcher()

    def scan(self, tokens: Tokens) -> Iterator[Hit]:
        """Every generic phrase of the text, left to right, not overlapping."""
        i, keys = 0, tokens.keys
        while i < len(keys):
            key = keys[i]
            hit = self.at(tokens, i) if self._phrases.starts_with(key) or self._countries.starts_with(key) else None
            if hit is None:  # a phrase read as no actor is still read whole: "jet fighters" holds no "fighters"
                phrase = self._phrases.match_at(tokens, i) if self._phrases.starts_with(key) else None
                i = phrase[0] if phrase is not None else i + 1
            else:
                yield hit
                i = hit.end

    def at(self, tokens: Tokens, i: int) -> Hit | None:
        """The generic phrase starting at token `i`, with its country word, if one starts there; a plural
        demonym with no phrase after it is the people of its country ("Iraqis")."""
        country = backer = word = None
        j = i
        found = self._countries.match_at(tokens, i)
        if found is not None:
            j, isos = found
            word_end = j
            people = tuple(tokens.keys[i:j]) in _people()
            word = tokens.text[tokens.starts[i] : tokens.ends[j - 1]]
            if j < len(tokens) and tokens.keys[j] == "s":  # "Syria's army"
                j += 1
            if j < len(tokens) and tokens.keys[j] in _BACKING:
                backer, j, word = isos[0], j + 1, None
            else:
                country = isos[0]
            phrase = self._phrases.match_at(tokens, j) if j < len(tokens) else None
            if phrase is None and country is not None and j == word_end and j < len(tokens):
                living = self._countries.match_at(tokens, j)  # "Bosnian Serbs": Serbs of Bosnia
                if living is not None and tuple(tokens.keys[j : living[0]]) in _people():
                    return Hit(i, living[0], PEOPLE, country, None, word)
            if phrase is None:
                return Hit(i, word_end, PEOPLE, country, None, word) if people and country else None
        else:
            phrase = self._phrases.match_at(tokens, j)
            if phrase is None:
                return None
        rule = phrase[1][0]
        end = phrase[0]
        if country is None and backer is None:
            country, word = self._country_after(tokens, end, rule)
        if rule.role == "national_forces" and country is None:
            return None
        return Hit(i, end, rule, country, backer, word)

    def _country_after(self, tokens: Tokens, end: int, rule: GenericRule) -> tuple[str | None, str | None]:
        """The country named right after a phrase: "president of Armenia", "refugees from Liberia"."""
        if end >= len(tokens) or tokens.keys[end] not in _AFTER:
            return None, None
        unless = _AFTER[tokens.keys[end]]
        if unless is not None and rule.role in unless:
            return None, None
        k = end + 1 + (end + 1 < len(tokens) and tokens.keys[end + 1] == "the")
        found = _name_matcher().match_at(tokens, k) if k < len(tokens) else None
        if found is None or (found[0] < len(tokens) and tokens.raws[found[0]][:1].isupper()):
            return None, None  # no country name, or one that starts a longer name ("of Syrian Democratic Forces")
        return found[1][0], tokens.text[tokens.starts[end] : tokens.ends[found[0] - 1]]


ANAPHOR_REACH = 800  # characters back an anaphor's antecedent may stand: a few sentences


# "Turkey-backed opposition forces": a group described by who backs it, not one named before
_BACKED = re.compile(r"(?i)-(?:backed|supported|sponsored|funded|trained|armed)\b")


def link_anaphors(
    named: Sequence[ActorMatch],
    generics: Sequence[GenericMatch],
    groups: Mapping[str, frozenset[str]] | None = None,
    exclusions: Mapping[str, frozenset[str]] | None = None,
) -> list[GenericMatch]:
    """Give each anaphor ("the terrorist group") the latest named actor of a type it allows (and of the
    country it names, if it names one) in the few sentences before it (`ANAPHOR_REACH`): a group named
    far back is seldom the one meant; one described by who backs it ("Turkey-backed opposition forces")
    is a group of its own. A phrase of a restricted role takes only an actor `groups` lists
    for it ("the jihadists": a jihadist group; "Kurdish fighters": a Kurdish one), and never one
    `exclusions` lists for it ("the rebels": never the Islamic State). Other generic matches are
    returned unchanged."""
    groups, exclusions = groups or {}, exclusions or {}
    ordered = sorted(named, key=lambda match: match.start)
    linked: list[GenericMatch] = []
    for generic in generics:
        if generic.role in ANAPHORS and generic.actor is None and not _BACKED.search(generic.text):
            for match in reversed(ordered):
                actor = match.actor
                if generic.role in groups and actor.id not in groups[generic.role]:
                    continue
                if actor.id in exclusions.get(generic.role, ()):
                    continue
                if generic.start - ANAPHOR_REACH <= match.end <= generic.start and actor.type in generic.types:
                    if generic.country is None or actor.country in (None, generic.country):
                        generic = replace(generic, actor=actor)
                        break
        linked.append(generic)
    return linked
