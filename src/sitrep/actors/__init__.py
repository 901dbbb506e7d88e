"""Actors: a dictionary of the armed groups and state forces conflict news names, and finding them in text.

`default_catalogue()` loads the shipped data (data/actors.csv, data/actor_generics.csv) once;
`Catalogue.load(extra=[...])` adds user files of the same format. See data/ACTORS.md.
"""

from __future__ import annotations

from .catalogue import ACTOR_COLUMNS, Catalogue, default_catalogue
from .generics import GENERIC_COLUMNS, country_of, link_anaphors
from .records import ACTOR_TYPES, ANAPHORS, GENERIC_ROLES, Actor, ActorMatch, GenericMatch, GenericRule

__all__ = [
    "ACTOR_COLUMNS",
    "ACTOR_TYPES",
    "ANAPHORS",
    "GENERIC_COLUMNS",
    "GENERIC_ROLES",
    "Actor",
    "ActorMatch",
    "Catalogue",
    "GenericMatch",
    "GenericRule",
    "country_of",
    "default_catalogue",
    "link_anaphors",
]
