"""Generic actor phrases ("government troops", "the militant group") and the country words before them.

Country words are country names and demonyms from countryinfo (a dependency), with the ones it lacks from
data/demonyms.csv and a few short forms news text uses ("U.S.", "UAE").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from countryinfo import CountryInfo

from .loading import Row, parse_rows, read_packaged
from .matcher import PhraseMatcher
from .records import ACTOR_TYPES, GENERIC_ROLES, ActorMatch, GenericMatch, GenericRule
from .text import Tokens

GENERIC_COLUMNS = ("phrase", "role", "type", "note")
# "Turkish-backed rebels": the country backs the actor rather than being it
_BACKING = frozenset("backed led supported sponsored allied aligned funded trained armed".split())
# Short forms countryinfo does not list as spellings
_SHORT_FORMS = {"US": ("U.S.", "US", "USA", "U.S.A.", "American"), "GB": ("U.K.", "UK"), "AE": ("UAE",)}
# Capital short forms countryinfo lists that are kept; other codes ("ARE", "SY", "TUR") are not names
_KEPT_CODES = frozenset({"US", "USA", "UK", "UAE", "DRC"})


@dataclass(frozen=True)
class Hit:
    """A generic phrase found at tokens [first, end), with the country word before it."""

    first: int
    end: int
    rule: GenericRule
    country: str | None
    backer: str | None


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
def country_words() -> tuple[tuple[str, str], ...]:
    """(word, ISO alpha-2) pairs: names, spellings and demonyms that can stand before a generic noun."""
    words: list[tuple[str, str]] = []
    for data in CountryInfo.all().values():
        iso = (data.get("ISO") or {}).get("alpha2")
        if not iso or not data.get("name"):
            continue
        names = [data["name"], *(data.get("altSpellings") or [])]
        names = [name for name in names if name and (len(name) > 3 or not name.isupper() or name in _KEPT_CODES)]
        demonyms = [part.strip() for part in re.split(r"[,/]", data.get("demonym") or "") if part.strip()]
        words += [(word, iso) for word in [*names, *demonyms]]
    text, _ = read_packaged("demonyms.csv")
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        words.append((row["demonym"], row["country"]))
    words += [(word, iso) for iso, forms in _SHORT_FORMS.items() for word in forms]
    return tuple(words)


@lru_cache(maxsize=1)
def _country_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for word, iso in country_words():
        matcher.add(word, iso)
    return matcher


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
            if hit is None:
                i += 1
            else:
                yield hit
                i = hit.end

    def at(self, tokens: Tokens, i: int) -> Hit | None:
        """The generic phrase starting at token `i`, with its country word, if one starts there."""
        country = backer = None
        j = i
        found = self._countries.match_at(tokens, i)
        if found is not None:
            j, isos = found
            if j < len(tokens) and tokens.keys[j] == "s":  # "Syria's army"
                j += 1
            if j < len(tokens) and tokens.keys[j] in _BACKING:
                backer, j = isos[0], j + 1
            else:
                country = isos[0]
            if j >= len(tokens):
                return None
        phrase = self._phrases.match_at(tokens, j)
        if phrase is None:
            return None
        rule = phrase[1][0]
        if rule.role == "national_forces" and country is None:
            return None
        return Hit(i, phrase[0], rule, country, backer)


def link_anaphors(named: Sequence[ActorMatch], generics: Sequence[GenericMatch]) -> list[GenericMatch]:
    """Give each anaphor ("the terrorist group") the latest named actor before it of a type it allows
    (and of the country it names, if it names one); other generic matches are returned unchanged."""
    ordered = sorted(named, key=lambda match: match.start)
    linked: list[GenericMatch] = []
    for generic in generics:
        if generic.role == "anaphor" and generic.actor is None:
            for match in reversed(ordered):
                actor = match.actor
                if match.end <= generic.start and actor.type in generic.types:
                    if generic.country is None or actor.country in (None, generic.country):
                        generic = replace(generic, actor=actor)
                        break
        linked.append(generic)
    return linked
