"""Actor records: catalogue entries and the mentions found in text."""

from __future__ import annotations

from dataclasses import dataclass

# ACLED's actor types, as slugs
ACTOR_TYPES = (
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
)
# What a generic phrase stands for (see data/actor_generics.csv)
GENERIC_ROLES = ("state_forces", "police", "national_forces", "government", "anaphor", "jihadist", "kurdish", "rebel", "group")
ANAPHORS = frozenset({"anaphor", "jihadist", "kurdish", "rebel"})  # roles that refer back to a named actor (data/anaphor_groups.csv restricts all but the first)


@dataclass(frozen=True)
class Actor:
    """One actor of the catalogue."""

    id: str  # stable slug, e.g. "military-sy", "islamic-state"
    name: str  # canonical name, ACLED style without dates: "Military Forces of Syria"
    aliases: tuple[str, ...]
    type: str  # one of ACTOR_TYPES
    country: str | None  # ISO 3166-1 alpha-2 of the home country; None for transnational actors
    parent: str | None  # id of the actor this one is a unit or member of
    source: str = ""


@dataclass(frozen=True)
class ActorMatch:
    """A named actor found in a text."""

    start: int
    end: int
    text: str
    actor: Actor  # the chosen candidate: the one of the country given to `find`, else the first listed
    alias: str  # the catalogue spelling that matched
    candidates: tuple[Actor, ...]  # every actor the spelling names ("SNA": Syrian and Somali National Army)


@dataclass(frozen=True)
class GenericRule:
    """A row of actor_generics.csv."""

    phrase: str
    role: str  # one of GENERIC_ROLES
    types: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class GenericMatch:
    """A phrase that stands for an actor without naming it, and what it resolves to."""

    start: int
    end: int
    text: str
    phrase: str  # the generic phrase matched ("warplanes"), or the alias for role "named"
    role: str  # a GENERIC_ROLES value, or "named" when resolve_generic met a catalogue name
    types: tuple[str, ...]  # actor types it can stand for
    country: str | None  # the country it names ("Russian" -> RU), else the hint for state roles and groups
    backer: str | None = None  # "Turkish-backed rebels" -> "TR"
    actor: Actor | None = None  # the actor it stands for, when known
    country_word: str | None = None  # the words that name `country` ("Hungarian", "of Armenia"); None for a hint
