"""The event lexicon: ACLED event types, trigger words and modality cues, read and checked from `data/`
(described in `data/EVENTS.md`), and the forms of a token its words are compared with.

`triggers.classify` finds the trigger words of a sentence with these tables and `modality.modality`
reads how an event is told; a malformed row raises E802 naming the file and line.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import Code, SitrepError

if TYPE_CHECKING:
    from spacy.tokens import Token

MODES = ("reported", "claimed", "predicted", "planned", "hypothetical", "denied", "negated")
ATTACHES = frozenset({"aux", "neg", "det", "mark", "advmod", "amod", "timex", "governor", "prep", "object"})
AGENT_KINDS = frozenset({"state", "nonstate"})
GAP = frozenset({"*"})


@dataclass(frozen=True)
class EventType:
    """One ACLED sub-event type with its event type and a short definition."""

    event_type: str
    sub_event_type: str
    code: str
    definition: str


@dataclass(frozen=True)
class Trigger:
    """A row of the trigger lexicon: a lemma pattern, the sub-event type it signals, conditions."""

    pattern: str
    elements: tuple[frozenset[str], ...]  # word alternatives per position; GAP for "*"
    sub_event_type: str
    event_type: str
    weight: float
    pos: frozenset[str]
    requires: frozenset[str]  # words, and "@LABEL" entity labels
    excludes: frozenset[str]
    agent: str | None  # "state" | "nonstate" | None
    note: str


@dataclass(frozen=True)
class ModalityCue:
    """A row of the modality cues: a word or phrase, the mode it sets and where it must stand."""

    cue: str
    words: tuple[frozenset[str], ...]
    mode: str
    attach: str
    scope: frozenset[str]
    weight: float
    source_dep: str | None
    source_role: str | None
    self_mode: str | None
    note: str


def _rows(name: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row of a bundled CSV, comments skipped."""
    text = resources.files("sitrep").joinpath(f"data/{name}").read_text("utf-8")
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(line for _, line in numbered)
    rows = []
    for row in reader:
        number = numbered[reader.line_num - 1][0]
        if None in row or any(value is None for value in row.values()):
            raise SitrepError(Code.BAD_LEXICON, f"{name}:{number}: wrong number of columns")
        rows.append((number, {key: value.strip() for key, value in row.items()}))
    return rows


def _bad(name: str, number: int, message: str) -> SitrepError:
    return SitrepError(Code.BAD_LEXICON, f"{name}:{number}: {message}")


def _number(name: str, number: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise _bad(name, number, f"weight {value!r} is not a number") from None


@cache
def event_types() -> tuple[EventType, ...]:
    """The 25 ACLED sub-event types of `event_types.csv`, in file order."""
    return tuple(
        EventType(row["event_type"], row["sub_event_type"], row["code"], row["definition"])
        for _, row in _rows("event_types.csv")
    )


@cache
def _types_by_sub() -> dict[str, EventType]:
    return {kind.sub_event_type: kind for kind in event_types()}


@cache
def word_lists() -> dict[str, frozenset[str]]:
    """The named word lists of `event_triggers.csv` (rows whose pattern is "$name"), by name."""
    lists: dict[str, frozenset[str]] = {}
    for _, row in _rows("event_triggers.csv"):
        if _is_list(row):
            lists[row["pattern"][1:]] = frozenset(word if word.startswith("@") else word.lower() for word in row["requires"].split("|") if word)
    return lists


def _is_list(row: dict[str, str]) -> bool:
    """A word-list row: a "$name" pattern with no sub-event type ("$weapon * be find" is a trigger)."""
    return row["pattern"].startswith("$") and not row["sub_event_type"]


def _words(spec: str, name: str, number: int) -> frozenset[str]:
    """Alternatives of a "a|$list|@GPE|^verb" column, lists expanded; entity labels keep their "@",
    governing verbs their "^"."""
    out: set[str] = set()
    for word in filter(None, spec.split("|")):
        if word.startswith("$"):
            if word[1:] not in word_lists():
                raise _bad(name, number, f"unknown word list {word}")
            out |= word_lists()[word[1:]]
        else:
            out.add(word if word.startswith("@") else word.lower())
            if word.startswith("^") and len(word) < 2:
                raise _bad(name, number, "'^' needs a verb")
    return frozenset(out)


@cache
def triggers() -> tuple[Trigger, ...]:
    """The trigger rows of `event_triggers.csv` (word-list rows left out), checked."""
    name = "event_triggers.csv"
    out = []
    for number, row in _rows(name):
        if _is_list(row):
            continue
        sub = _types_by_sub().get(row["sub_event_type"])
        if sub is None:
            raise _bad(name, number, f"unknown sub-event type {row['sub_event_type']!r}")
        elements = tuple(GAP if part == "*" else _words(part, name, number) for part in row["pattern"].split())
        if not elements or elements[0] == GAP or elements[-1] == GAP or any(any(w[:1] in "@^" for w in e) for e in elements):
            raise _bad(name, number, f"bad pattern {row['pattern']!r}")
        if row["agent"] and row["agent"] not in AGENT_KINDS:
            raise _bad(name, number, f"agent must be state or nonstate, not {row['agent']!r}")
        out.append(
            Trigger(
                pattern=row["pattern"],
                elements=elements,
                sub_event_type=sub.sub_event_type,
                event_type=sub.event_type,
                weight=_number(name, number, row["weight"]),
                pos=frozenset(filter(None, row["pos"].upper().split("|"))),
                requires=_words(row["requires"], name, number),
                excludes=_words(row["excludes"], name, number),
                agent=row["agent"] or None,
                note=row["note"],
            )
        )
    return tuple(out)


@cache
def modality_cues() -> tuple[ModalityCue, ...]:
    """The rows of `modality_cues.csv`, checked."""
    name = "modality_cues.csv"
    out = []
    for number, row in _rows(name):
        if row["mode"] not in MODES or (row["self_mode"] and row["self_mode"] not in MODES):
            raise _bad(name, number, f"unknown mode in {row['mode']!r} / {row['self_mode']!r}")
        if row["attach"] not in ATTACHES:
            raise _bad(name, number, f"unknown attach {row['attach']!r}")
        words = tuple(frozenset(w.lower() for w in part.split("|")) for part in row["cue"].split())
        if not words:
            raise _bad(name, number, "empty cue")
        out.append(
            ModalityCue(
                cue=row["cue"],
                words=words,
                mode=row["mode"],
                attach=row["attach"],
                scope=frozenset(filter(None, row["scope"].split("|"))),
                weight=_number(name, number, row["weight"]),
                source_dep=row["source_dep"] or None,
                source_role=row["source_role"] or None,
                self_mode=row["self_mode"] or None,
                note=row["note"],
            )
        )
    return tuple(out)


def word_forms(token: Token) -> frozenset[str]:
    """The forms a lexicon word may match: lower-cased text and lemma, and a bare plural.

    Every stage asks for them, often of the same tokens: they are kept by the string ids of the
    three attributes they are made of (the same in every Doc of a vocabulary)."""
    ids = (token.lower, token.lemma, token.tag)
    keys = _KEYS.get(ids)
    if keys is None:
        if len(_KEYS) >= MAX_KEPT_KEYS:
            _KEYS.clear()
        keys = _KEYS[ids] = _forms(token.lower_, token.lemma_, token.tag_)
    return keys


def _forms(lower: str, lemma: str, tag: str) -> frozenset[str]:
    lower = lower.replace("’", "'")
    keys = {lower, lemma.lower().replace("’", "'")}
    stem = plural_stem(lower, tag)
    if stem is not None:
        keys.add(stem)
    return frozenset(keys)


def plural_stem(lower: str, tag: str) -> str | None:
    """The singular a plural may stand for ("strikes" -> "strike"): for a plural tag, and for a proper
    noun's tag when the singular begins a trigger ("Airstrikes also targeted ..." tagged as a name)."""
    if not lower.endswith("s") or len(lower) <= 3:
        return None
    stem = lower[:-1]
    return stem if tag in ("NNS", "NNPS") or (tag == "NNP" and stem in _first_words()) else None


@cache
def _first_words() -> frozenset[str]:
    return frozenset(word for trigger in triggers() for word in trigger.elements[0])


MAX_KEPT_KEYS = 500_000
_KEYS: dict[tuple[int, int, int], frozenset[str]] = {}
