"""Runs of capitalised words and the gazetteer names within them: where a run starts and ends (a
sentence's end and its opening function word cut it, possessives split it, lowercase words that finish a
name extend it: "Deir ezzor"), and its longest known names, each with its position in the run ("whole",
"head" of a longer run, or "inner", after other capitalised words)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from .context import ADMIN_WORDS, SETTLEMENT_WORDS
from .gazetteer import Gazetteer
from .normalise import ARTICLES, keys

MAX_WORDS = 6
ARTICLE = r"(?:[Aa]l|[Ee]l|[Aa][sdrtzn]|[Aa]sh|[Ee][sdrzn]|[Uu][ld])"
_WORD = r"[A-Z][\w'’.]*"
_JOINER = rf"(?:{ARTICLE}[-\s]|of\s+(?:the\s+)?|upon\s+|bin\s+|ibn\s+|-)"
_FEATURE_TAIL = (
    r"(?:\s+(?:gas|oil)\s+field|\s+(?:gas|oil)field|\s+(?:dam|air\s?base|airport|(?:border\s+)?crossing|prison|"
    r"mountains?|highway|refinery|bridge|base|hill|lake|river|valley|governorate|province|district))?"
)
RUN = re.compile(rf"(?:{ARTICLE}- ?)?{_WORD}(?:(?:\s+|-|\s+{_JOINER}|{_JOINER}){_WORD})*{_FEATURE_TAIL}")
_FIRST_WORD = re.compile(r"([A-Z][a-z]+)\s+")
AREA_KINDS = frozenset({"country", "admin1", "continent", "region", "sea"})
_ARTICLE_NEXT = re.compile(rf"[\s-]+{ARTICLE}-\s*[A-Z]")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+")
_TAIL_WORD = re.compile(r"[ -]([a-z][a-z'’]*(?:-[a-z][a-z'’]*)?)\b(?!-)")  # "ezzor", "el-zor", "al-ain"
MAX_TAIL = 2  # lowercase words a name may trail ("Ras al-ain", "Deir ez zor")
_TYPE_WORDS = frozenset(
    f"{ADMIN_WORDS}|{SETTLEMENT_WORDS}|city|river|dam|airport|base|airbase|crossing|prison|mountain|mountains|"
    "highway|refinery|bridge|hill|lake|valley|field|camp|area|areas|region|countryside".split("|")
)
_SIDE = re.compile(r"(?:(?:North|South)(?:east|west)?|East|West)(?:ern)?\s+|(?:Central|Rural)\s+")
_COMPASS_WORD = re.compile(r"(?:north|south|east|west|central|rural)")
_BARE_POSSESSIVE = re.compile(r"[A-Z][a-z]{3,}s")
POSSESSIVE_KINDS = frozenset({"country", "admin1"})
_ARTICLE_WORDS = ARTICLES - {"the"}
_ARTICLE_BINDS = re.compile(r"[-\s]+[A-Za-z]")


def named_runs(text: str, gazetteer: Gazetteer, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Longest gazetteer names within runs of capitalised words, each with its position in the run:
    "whole" (the run is the name), "head" (it starts a longer run: "Gainesville Police") or "inner"
    (other capitalised words precede it, as a surname's do). Runs are cut after possessives and go on
    over the lowercase words that finish a name; a run's leading side word ("Eastern Homs") is read as
    part of an area when the run is no name with it and the rest names an area."""
    for whole_start, whole_end in _runs(text, lo, len(text) if hi is None else hi):
        for run_start, run_end in _possessive_pieces(text, whole_start, whole_end, gazetteer):
            run_end = tail_end(text, run_start, run_end, gazetteer)
            found = list(_positioned(text, run_start, run_end, gazetteer))
            side = _SIDE.match(text, run_start, run_end)
            if side and not any(start == run_start and end > side.end() for start, end, _ in found):  # "Eastern Homs", not "East Timor"
                found = [n for n in _positioned(text, side.end(), run_end, gazetteer) if _names_area(text[n[0] : n[1]], gazetteer)]
            yield from found


def _positioned(text: str, run_start: int, run_end: int, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """The longest names of one run, each with its position in the run."""
    names = list(_longest_names(text, run_start, run_end, gazetteer))
    for start, end in names:
        if start != run_start:
            yield start, end, "inner"
        else:
            yield start, end, "whole" if len(names) == 1 and end >= run_end - 1 else "head"


def _possessive_pieces(text: str, start: int, end: int, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """A run cut after each possessive word: "Syria's Idlib" and "Syrias Idlib" are two runs."""
    piece = start
    for word in re.finditer(r"[\w'’.]+", text[start:end]):
        word_start, word_end = start + word.start(), start + word.end()
        if word_end < end and _possessive_end(text, word_start, word_end, gazetteer) < word_end:
            yield piece, word_end
            piece = word_end + len(text[word_end:end]) - len(text[word_end:end].lstrip(" -"))
    yield piece, end


def _possessive_end(text: str, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Where a name ends that a possessive follows: before "'s", or before the bare "s" of a word whose
    apostrophe was stripped ("Syrias", "Aleppos"): the word names nothing and, less its "s", is exactly
    a country or a first-level division. Otherwise `end`."""
    for suffix in ("’s", "'s"):
        if text[start:end].endswith(suffix):
            return end - len(suffix)
    word = text[max(start, text.rfind(" ", start, end) + 1) : end]
    if _BARE_POSSESSIVE.fullmatch(word) and not gazetteer.has_name(word) and _is_area_name(word[:-1], gazetteer):
        return end - 1
    return end


def _names_area(name: str, gazetteer: Gazetteer) -> bool:
    """Whether some place of this name (exactly or loosely) is an area a side word can name part of."""
    return any(m.level != "skeleton" and m.entry.kind in AREA_KINDS for m in gazetteer.lookup(name, limit=10))


def _is_area_name(name: str, gazetteer: Gazetteer) -> bool:
    return any(m.level == "exact" and m.entry.kind in POSSESSIVE_KINDS for m in gazetteer.lookup(name, limit=10))


def tail_end(text: str, start: int, end: int, gazetteer: Gazetteer) -> int:
    """The run's end past the lowercase words that finish a name it ends with ("Deir ezzor", "Abu kamal"):
    the longest such stretch, of at most MAX_TAIL words that are neither English function words nor
    words for a kind of place ("province", "river"), that with the run's last words is a known name."""
    ends = []
    at = end
    for _ in range(MAX_TAIL):
        word = _TAIL_WORD.match(text, at)
        if not word or word.group(1) in STOP_WORDS or word.group(1) in _TYPE_WORDS or _COMPASS_WORD.match(word.group(1)):
            break
        at = word.end()
        ends.append(at)
    words = [(start + w.start(), w.group()) for w in re.finditer(r"[\w'’.]+", text[start:end])][-MAX_WORDS:]
    starts = [at for at, word in words if word.lower() not in STOP_WORDS]
    for tail_end in reversed(ends):
        if any(gazetteer.has_name(text[s:tail_end]) for s in starts):
            return tail_end
    return end


def _runs(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words, cut where a sentence ends inside one ("on Sunday. Al-Qaryatayn"),
    without the capitalised word that opens a sentence ("From al-Sukhnah", "Reclaiming al-Sukhnah")."""
    for run in RUN.finditer(text, lo, hi):
        start = run.start()
        for stop in _SENTENCE_END.finditer(text, run.start(), run.end()):
            yield _opened(text, start, stop.start() + 1), stop.start() + 1
            start = stop.end()
        yield _opened(text, start, run.end()), run.end()


def _opened(text: str, start: int, end: int) -> int:
    """The run's start past a sentence-opening function word or verb form ("From", "Reclaiming")."""
    first = _FIRST_WORD.match(text, start, end)
    if first is None or first.end() >= end or not at_sentence_start(text, start):
        return start
    word = first.group(1)
    if word.lower() in STOP_WORDS or word.endswith(("ing", "ed")):
        return first.end()
    return start


def at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or "\n" in before or bool(re.search(r"[.!?][\"”’']?\s+$", before))


def _longest_names(text: str, lo: int, hi: int, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """Greedy left to right: at each word, the longest stretch (up to MAX_WORDS words) that is a name."""
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[\w'’.]+", text[lo:hi])]
    bounds = [(lo + s, lo + e) for s, e in bounds]
    i = 0
    while i < len(bounds):
        for j in range(min(len(bounds), i + MAX_WORDS), i, -1):
            start, end = bounds[i][0], bounds[j - 1][1]
            if _ARTICLE_BINDS.match(text, end) and text[bounds[j - 1][0] : end].lower() in _ARTICLE_WORDS:
                continue  # "al" of "al-Nusra": the article belongs to the word after it
            end = _strip_period(text, start, _possessive_end(text, start, end, gazetteer))
            if text[start].isupper() or text[start : start + 3].lower() in ("al-", "el-"):
                if _indexable(text[start:end]) and gazetteer.has_name(text[start:end]):
                    if _ARTICLE_NEXT.match(text, end, hi) or (j == i + 1 < len(bounds) and gazetteer.is_first_word(text[start:end])):
                        return  # "Deir" of "Deir al-Adas" or "Deir Sharqi": the run is one name the index lacks
                    yield start, end
                    i = j - 1
                    break
        i += 1


def _strip_period(text: str, start: int, end: int) -> int:
    """Drop a sentence's full stop from a name; keep the dots of abbreviations ("Ky.", "U.S.")."""
    last = text[start:end].split()[-1]
    if last.endswith(".") and len(last) > 4 and "." not in last[:-1]:
        return end - 1
    return end


def _indexable(name: str) -> bool:
    """Worth a lookup: at least two letters once spelling variants are set aside."""
    return len(keys(name)[1].replace(" ", "")) >= 2
