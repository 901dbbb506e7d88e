"""Find the place mentions in a parsed article.

spaCy's place entities (GPE, LOC, FAC) are the start. A gazetteer-driven scan then corrects the
model's known failures on transliterated names ("Al-Sukhnah" as PERSON, "Hama" as ORG): a run of
capitalised words that the gazetteer knows is taken as a place when the model called it a place,
when the words around it say so ("in", "near", "the town of", "Homs province", a list after another
place), or when it carries an Arabic article ("al-", "Deir ez-") and the model did not call it a person. One reading per name: once a
name is a place in an article, it is a place everywhere in that article. Demonyms ("Syrian army")
are not places, but they count towards the article's country focus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc

from .context import admin_cue, settlement_cue
from .gazetteer import Gazetteer
from .normalise import keys
from .resolve import Mention

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAX_WORDS = 6
_ARTICLE = r"(?:[Aa]l|[Ee]l|[Aa][sdrtzn]|[Aa]sh|[Ee][sdrzn]|[Uu][ld])"
_WORD = r"[A-Z][\w'’.]*"
_JOINER = rf"(?:{_ARTICLE}[-\s]|of\s+(?:the\s+)?|upon\s+|bin\s+|ibn\s+|-)"
_FEATURE_TAIL = (
    r"(?:\s+(?:gas|oil)\s+field|\s+(?:gas|oil)field|\s+(?:dam|air\s?base|airport|(?:border\s+)?crossing|prison|"
    r"mountains?|highway|refinery|bridge|base|hill|lake|river|valley|governorate|province|district))?"
)
RUN = re.compile(rf"(?:{_ARTICLE}-)?{_WORD}(?:(?:\s+|-|\s+{_JOINER}|{_JOINER}){_WORD})*{_FEATURE_TAIL}")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|into|outside|around|towards?|across|through|via|between|inside|"
    r"outskirts\s+of|(?:north|south|east|west)(?:ern)?\s+of|(?:north|south|east|west)(?:ern)?|central|rural|"
    r"province\s+of|governorate\s+of|city\s+of|town\s+of|village\s+of|capital)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LIST_BEFORE = re.compile(r"^(?:,|,?\s+and|,?\s+or|\s+to|-|–)\s+$")
_HAS_ARTICLE = re.compile(rf"^{_ARTICLE}-|\s{_ARTICLE}[-\s]", re.IGNORECASE)


def recognise(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Mention], Counter[str]]:
    """Place mentions in text order, and the article's country evidence from demonyms."""
    text = doc.text
    labels = _labels(doc)
    focus = _demonym_focus(doc, gazetteer)
    mentions: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            for span in _place_spans(text, ent.start_char, ent.end_char, gazetteer, ent.label_):
                mentions[span] = Mention(span[0], span[1], text[span[0] : span[1]])
    previous_end = -1
    for start, end in _known_runs(text, gazetteer, taken=mentions):
        name = text[start:end]
        if _accepted(text, start, end, labels, previous_end, mentions):
            mentions[(start, end)] = Mention(start, end, name)
            previous_end = end
    _one_reading_per_name(text, gazetteer, mentions)
    return sorted(mentions.values(), key=lambda m: m.start), focus


def _labels(doc: Doc) -> dict[int, str]:
    """Entity label by character offset of each entity token."""
    return {token.idx: token.ent_type_ for token in doc if token.ent_type_}


def _demonym_focus(doc: Doc, gazetteer: Gazetteer) -> Counter[str]:
    focus: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        for match in gazetteer.lookup(ent.text, limit=5):
            if match.name_kind == "demonym" and match.level == "exact" and match.entry.country:
                focus[match.entry.country] += 1
                break
    return focus


def _place_spans(text: str, start: int, end: int, gazetteer: Gazetteer, label: str) -> list[tuple[int, int]]:
    """The place names inside a place entity: the whole of it, or the known names it strings together."""
    start, end = _trim(text, start, end)
    if start >= end:
        return []
    if gazetteer.has_name(text[start:end]):
        return [(start, end)]
    inner = [(s, e) for s, e in _known_runs(text, gazetteer, taken={}, lo=start, hi=end)]
    if inner:
        return inner
    return [(start, end)] if label != "FAC" and text[start].isupper() else []


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    if text[start:end].lower().startswith("the "):
        start += 4
    for suffix in ("’s", "'s", "’", "'"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    return start, end


def _known_runs(
    text: str, gazetteer: Gazetteer, taken: dict[tuple[int, int], Mention], lo: int = 0, hi: int | None = None
) -> Iterator[tuple[int, int]]:
    """Longest gazetteer names within runs of capitalised words, not overlapping `taken` spans."""
    busy = sorted(taken)
    for run in RUN.finditer(text, lo, len(text) if hi is None else hi):
        for start, end in _longest_names(text, run.start(), run.end(), gazetteer):
            if not any(s < end and start < e for s, e in busy):
                yield start, end


def _longest_names(text: str, lo: int, hi: int, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """Greedy left to right: at each word, the longest stretch (up to MAX_WORDS words) that is a name."""
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[\w'’.]+", text[lo:hi])]
    bounds = [(lo + s, lo + e) for s, e in bounds]
    i = 0
    while i < len(bounds):
        for j in range(min(len(bounds), i + MAX_WORDS), i, -1):
            start, end = bounds[i][0], bounds[j - 1][1]
            end = _strip_possessive(text, start, end)
            if text[start].isupper() or text[start : start + 3].lower() in ("al-", "el-"):
                if _indexable(text[start:end]) and gazetteer.has_name(text[start:end]):
                    yield start, end
                    i = j - 1
                    break
        i += 1


def _strip_possessive(text: str, start: int, end: int) -> int:
    for suffix in ("’s", "'s"):
        if text[start:end].endswith(suffix):
            return end - len(suffix)
    return end


def _indexable(name: str) -> bool:
    """Worth a lookup: at least two letters once spelling variants are set aside."""
    return len(keys(name)[1].replace(" ", "")) >= 2


def _accepted(
    text: str, start: int, end: int, labels: dict[int, str], previous_end: int, mentions: dict[tuple[int, int], Mention]
) -> bool:
    """Whether a known name the model did not call a place is one here."""
    label = labels.get(start, "")
    if label in ("NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"):
        return False
    before = text[max(0, start - 40) : start]
    if _LOCATIVE_BEFORE.search(before) or admin_cue(text, start, end) or settlement_cue(text, start):
        return True
    last = max((e for _, e in mentions), default=-1)
    for anchor in (previous_end, last):
        if 0 <= anchor <= start and _LIST_BEFORE.match(text[anchor:start]):
            return True
    return label != "PERSON" and bool(_HAS_ARTICLE.search(text[start:end]))


def _one_reading_per_name(text: str, gazetteer: Gazetteer, mentions: dict[tuple[int, int], Mention]) -> None:
    """Every other occurrence of a name already taken as a place becomes a mention too."""
    taken_keys = {keys(m.text)[1] for m in mentions.values()}
    if not taken_keys:
        return
    for start, end in list(_known_runs(text, gazetteer, taken=mentions)):
        if keys(text[start:end])[1] in taken_keys:
            mentions[(start, end)] = Mention(start, end, text[start:end])
