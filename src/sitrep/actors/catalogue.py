"""The actor catalogue: shipped data/actors.csv plus user files, and finding actors in text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import Code, SitrepError
from .generics import GENERIC_COLUMNS, GenericFinder, Hit, parse_generics
from .loading import Row, parse_rows, read_packaged, read_text
from .matcher import PhraseMatcher
from .records import ACTOR_TYPES, ANAPHORS, Actor, ActorMatch, GenericMatch
from .text import Tokens, tokenize

ACTOR_COLUMNS = ("id", "name", "aliases", "type", "country", "parent", "source")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass
class _Draft:
    """An actor while files are merged; `rows` are the rows that set it, for error messages."""

    id: str
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    type: str = ""
    country: str = ""
    parent: str = ""
    source: str = ""
    rows: list[Row] = field(default_factory=list)


def _merge(drafts: dict[str, _Draft], rows: Sequence[Row]) -> None:
    """Add one file's rows: a new id needs a name and a type; a known id takes the row's non-empty fields
    and gains its aliases."""
    seen: dict[str, int] = {}
    for row in rows:
        values = row.values
        actor_id = values["id"]
        if not _SLUG.match(actor_id):
            raise row.fail(f"id {actor_id!r} is not a lower-case slug (letters, digits, single hyphens)")
        if actor_id in seen:
            raise row.fail(f"id {actor_id!r} is already on line {seen[actor_id]} of this file")
        seen[actor_id] = row.line
        if values["type"] and values["type"] not in ACTOR_TYPES:
            raise row.fail(f"unknown type {values['type']!r} (one of: {', '.join(ACTOR_TYPES)})")
        if values["country"] and not _COUNTRY.match(values["country"]):
            raise row.fail(f"country {values['country']!r} is not an ISO 3166-1 alpha-2 code such as SY")
        if values["parent"] and not _SLUG.match(values["parent"]):
            raise row.fail(f"parent {values['parent']!r} is not an actor id")
        draft = drafts.get(actor_id)
        if draft is None:
            if not values["name"] or not values["type"]:
                raise row.fail(f"new actor {actor_id!r} needs a name and a type")
            draft = drafts[actor_id] = _Draft(actor_id)
        for name in ("name", "type", "country", "parent", "source"):
            if values[name]:
                setattr(draft, name, values[name])
        for alias in values["aliases"].split("|"):
            alias = alias.strip()
            if alias and alias not in draft.aliases:
                draft.aliases.append(alias)
        draft.rows.append(row)


def _check_parents(drafts: dict[str, _Draft]) -> None:
    for draft in drafts.values():
        if draft.parent and draft.parent not in drafts:
            raise _last_row_with(draft, "parent").fail(f"parent {draft.parent!r} of {draft.id!r} is no actor id")
        seen = {draft.id}
        parent = draft.parent
        while parent:
            if parent in seen:
                raise _last_row_with(draft, "parent").fail(f"parents of {draft.id!r} form a loop")
            seen.add(parent)
            parent = drafts[parent].parent


def _last_row_with(draft: _Draft, column: str) -> Row:
    return [row for row in draft.rows if row.values[column]][-1]


class Catalogue:
    """Actors by id, an index of their names and aliases, and the generic phrases that stand for them."""

    def __init__(self, actors: Sequence[Actor], finder: GenericFinder) -> None:
        self._actors = {actor.id: actor for actor in actors}
        self._finder = finder
        self._names: PhraseMatcher[tuple[str, str]] = PhraseMatcher()  # payload: (actor id, alias)
        for actor in actors:
            for alias in (actor.name, *actor.aliases):
                phrase = _THE.sub("", alias) if len(alias.split()) > 1 else alias
                if not self._names.add(phrase, (actor.id, alias)):
                    raise SitrepError(Code.BAD_ACTORS, f"actor {actor.id!r}: alias {alias!r} has no word in it")
        only, never = _anaphor_roots()
        self.anaphor_groups, self.anaphor_exclusions = (
            {role: frozenset(a.id for a in actors if any(link.id in roots for link in self.lineage(a))) for role, roots in listed.items()}
            for listed in (only, never)
        )  # role -> the actors its phrases may (never) refer back to: the listed ones, their units and affiliates

    @classmethod
    def load(cls, extra: Sequence[str | Path] = (), generics: Sequence[str | Path] = ()) -> Catalogue:
        """The shipped actors and generic phrases, then each user file in order: a later file may add
        actors, add aliases to an id or override an id's fields."""
        drafts: dict[str, _Draft] = {}
        for text, path in [read_packaged("actors.csv"), *(read_text(p) for p in extra)]:
            _merge(drafts, parse_rows(text, path, ACTOR_COLUMNS))
        _check_parents(drafts)
        actors = [
            Actor(d.id, d.name, tuple(d.aliases), d.type, d.country or None, d.parent or None, d.source)
            for d in drafts.values()
        ]
        rules = {}
        for text, path in [read_packaged("actor_generics.csv"), *(read_text(p) for p in generics)]:
            rules.update({rule.phrase.casefold(): rule for rule in parse_generics(parse_rows(text, path, GENERIC_COLUMNS))})
        return cls(actors, GenericFinder(list(rules.values())))

    # -- look-ups

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __getitem__(self, actor_id: str) -> Actor:
        return self._actors[actor_id]

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def lineage(self, actor: Actor) -> tuple[Actor, ...]:
        """The actor, its parent, the parent's parent and so on."""
        chain = [actor]
        while chain[-1].parent:
            chain.append(self._actors[chain[-1].parent])  # parents are checked on load
        return tuple(chain)

    def by_country_type(self, country: str, actor_type: str) -> list[Actor]:
        """Actors of a country and type: `military-<cc>` first, then top-level actors, then units, in file order."""
        main = f"military-{country.lower()}"
        found = [a for a in self._actors.values() if a.country == country.upper() and a.type == actor_type]
        return sorted(found, key=lambda a: (a.id != main, a.parent is not None))

    def state_forces(self, country: str, police: bool = False) -> Actor | None:
        """The state forces a generic phrase of a country stands for: `police-<cc>` for police phrases (when
        catalogued), else `military-<cc>`, else the country's first top-level state forces."""
        if police and (actor := self._actors.get(f"police-{country.lower()}")):
            return actor
        found = self.by_country_type(country, "state_forces")
        return found[0] if found else None

    # -- finding actors in text

    def find(self, text: str, country: str | None = None) -> list[ActorMatch]:
        """Named actors in `text`, left to right, longest alias first, not overlapping. When a spelling names
        several actors, the one of `country` (ISO alpha-2) is chosen, else the first listed."""
        tokens = tokenize(text)
        return [self._match(tokens, *found, country) for found in self._names.scan(tokens)]

    def find_generics(self, text: str, country: str | None = None) -> list[GenericMatch]:
        """Generic phrases in `text` that are not part of a named actor, resolved for the article's
        `country`: state phrases to its state forces, anaphors to the latest compatible named actor."""
        return self.find_all(text, country)[1]

    def find_all(self, text: str, country: str | None = None) -> tuple[list[ActorMatch], list[GenericMatch]]:
        """`find` and `find_generics` at once, the text tokenised and scanned for names once."""
        from .generics import link_anaphors

        tokens = tokenize(text)
        spans = list(self._names.scan(tokens))
        taken = {k for first, end, _ in spans for k in range(first, end)}
        ends = {end for _, end, _ in spans}
        hits = [
            hit
            for hit in self._finder.scan(tokens)
            if taken.isdisjoint(range(hit.first, hit.end)) and not (hit.rule.role == "government" and hit.country is None and hit.first in ends)
            and not (hit.country_word is None and _inside_name(tokens, hit.first, hit.end))
        ]  # "Hamas leader", "Taliban spokesman": the office is the named actor's, not a government's
        named = [self._match(tokens, *found, country) for found in spans]
        resolved = [self._resolve(tokens, hit, country) for hit in hits]
        return named, link_anaphors(named, resolved, self.anaphor_groups, self.anaphor_exclusions)

    def resolve_generic(self, phrase: str, country_hint: str | None = None) -> GenericMatch | None:
        """What a whole phrase stands for: a catalogue name ("the Syrian Arab Army", role "named"), or a
        generic phrase with an optional country word ("Syrian army", "Russian warplanes", "government
        troops" with hint SY, "Turkish-backed rebels"). None when the phrase is neither."""
        tokens = tokenize(phrase)
        first = 1 if len(tokens) > 1 and tokens.keys[0] == "the" else 0
        if first >= len(tokens):
            return None
        named = self._names.match_at(tokens, first)
        if named is not None and named[0] == len(tokens):
            match = self._match(tokens, first, named[0], named[1], country_hint)
            actor = match.actor
            return GenericMatch(
                match.start, match.end, match.text, match.alias, "named", (actor.type,), actor.country, None, actor
            )
        for start in dict.fromkeys((first, 0)):
            hit = self._finder.at(tokens, start)
            if hit is not None and hit.end == len(tokens):
                return self._resolve(tokens, hit, country_hint)
        return None

    def _match(self, tokens: Tokens, first: int, end: int, payloads: list[tuple[str, str]], country: str | None) -> ActorMatch:
        candidates = tuple(dict.fromkeys(self._actors[actor_id] for actor_id, _ in payloads))
        chosen = next((a for a in candidates if country and a.country == country.upper()), candidates[0])
        alias = next(alias for actor_id, alias in payloads if actor_id == chosen.id)
        start, stop = tokens.starts[first], tokens.ends[end - 1]
        return ActorMatch(start, stop, tokens.text[start:stop], chosen, alias, candidates)

    def _resolve(self, tokens: Tokens, hit: Hit, hint: str | None) -> GenericMatch:
        rule = hit.rule
        start, stop = tokens.starts[hit.first], tokens.ends[hit.end - 1]
        country = hit.country if rule.role in ANAPHORS else (hit.country or (hint.upper() if hint else None))
        actor = None
        if rule.role in ("state_forces", "police", "national_forces") and country:
            actor = self.state_forces(country, police=rule.role == "police")
        elif rule.role == "government" and country:
            actor = self._actors.get(f"government-{country.lower()}")
        return GenericMatch(
            start, stop, tokens.text[start:stop], rule.phrase, rule.role, rule.types, country, hit.backer, actor,
            hit.country_word,
        )


def _anaphor_roots() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The ids data/anaphor_groups.csv lists for each restricted anaphor role: those its phrases refer
    back to only, and those they never refer back to."""
    text, path = read_packaged("anaphor_groups.csv")
    roots: dict[str, dict[str, set[str]]] = {"only": {}, "never": {}}
    for row in parse_rows(text, path, ("role", "id", "refers")):
        if row.values["role"] not in ANAPHORS - {"anaphor"}:
            raise row.fail(f"role {row.values['role']!r} is no restricted anaphor role ({', '.join(sorted(ANAPHORS - {'anaphor'}))})")
        if row.values["refers"] not in roots:
            raise row.fail(f"refers {row.values['refers']!r} is neither 'only' nor 'never'")
        roots[row.values["refers"]].setdefault(row.values["role"], set()).add(row.values["id"])
    only, never = ({role: frozenset(ids) for role, ids in listed.items()} for listed in (roots["only"], roots["never"]))
    return only, never


def _inside_name(tokens: Tokens, first: int, end: int) -> bool:
    """Whether a generic phrase is a part of some other capitalised name: its last ("the National
    Coalition for Syrian Revolution", "Aleppo Media Center") or its first, before "of" and a name ("the
    Army of Mujahideen"); then it is that name's word, no actor."""
    if end + 1 < len(tokens) and tokens.raws[end - 1][:1].isupper() and tokens.keys[end] == "of" and tokens.raws[end + 1][:1].isupper():
        return True  # not "The regime of President Assad"
    if first == 0 or not tokens.raws[first][:1].isupper():
        return False
    before = tokens.raws[first - 1]
    return before[:1].isupper() and before.lower() not in ("the", "a", "an")


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The shipped catalogue, loaded once."""
    return Catalogue.load()
