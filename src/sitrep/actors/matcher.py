"""A phrase index over tokens: leftmost-longest, non-overlapping matches in one pass.

Phrases are grouped by their first token's key, so finding them costs one dictionary look-up per token of
the text, whatever the number of phrases. A phrase in capitals only ("IS", "SAA") matches the same capitals
only; any other phrase matches in any case.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .text import Tokens, is_capitals, tokenize

T = TypeVar("T")

# Acronyms that are also English words: in text set in capitals ("WHAT IS NEXT") they are words.
_WORD_ACRONYMS = frozenset(
    "is us it as an or at on in no am be do go he me my so to up we if of by aa fan fact tip aah".split()
)


@dataclass
class _Entry(Generic[T]):
    keys: tuple[str, ...]
    # (raws, payload): raws is None for a phrase matched in any case, else the capitals it must match
    variants: list[tuple[tuple[str, ...] | None, T]] = field(default_factory=list)


class PhraseMatcher(Generic[T]):
    """Maps phrases to payloads and finds them in tokenized text."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[_Entry[T]]] = {}
        self._by_keys: dict[tuple[str, ...], _Entry[T]] = {}
        self._capitals: set[str] = set()  # single-token capital phrases, to tell acronyms from shouting
        self._sorted = True

    def add(self, phrase: str, payload: T) -> bool:
        """Index `phrase` for `payload`; False when it has no word in it."""
        tokens = tokenize(phrase)
        if not any(any(char.isalnum() for char in raw) for raw in tokens.raws):
            return False
        keys = tuple(tokens.keys)
        entry = self._by_keys.get(keys)
        if entry is None:
            entry = self._by_keys[keys] = _Entry(keys)
            self._by_first.setdefault(keys[0], []).append(entry)
            self._sorted = False
        raws = tuple(tokens.raws) if is_capitals(phrase) else None
        if raws is not None and len(raws) == 1:
            self._capitals.add(raws[0])
        if (raws, payload) not in entry.variants:
            entry.variants.append((raws, payload))
        return True

    def starts_with(self, key: str) -> bool:
        """True when some phrase begins with the token key `key`."""
        return key in self._by_first

    def match_at(self, tokens: Tokens, i: int) -> tuple[int, list[T]] | None:
        """The longest phrase starting at token `i`: (index after its last token, its payloads)."""
        entries = self._by_first.get(tokens.keys[i])
        if not entries:
            return None
        if not self._sorted:
            for group in self._by_first.values():
                group.sort(key=lambda entry: -len(entry.keys))
            self._sorted = True
        keys, n = tokens.keys, len(tokens.keys)
        for entry in entries:
            end = i + len(entry.keys)
            if end > n or (end - i > 1 and tuple(keys[i:end]) != entry.keys) or _broken(tokens, i, end):
                continue
            payloads = [p for raws, p in entry.variants if raws is None or self._capitals_ok(tokens, i, end, raws)]
            if payloads:
                return end, payloads
        return None

    def scan(self, tokens: Tokens) -> Iterator[tuple[int, int, list[T]]]:
        """(first token, index after the last token, payloads) of every match, left to right."""
        by_first, keys = self._by_first, tokens.keys
        i, n = 0, len(keys)
        while i < n:
            found = self.match_at(tokens, i) if keys[i] in by_first else None
            if found is None:
                i += 1
                continue
            yield i, found[0], found[1]
            i = found[0]

    def _capitals_ok(self, tokens: Tokens, i: int, end: int, raws: tuple[str, ...]) -> bool:
        if tuple(tokens.raws[i:end]) != raws:
            return False
        if end - i == 1 and tokens.keys[i] in _WORD_ACRONYMS:
            return not any(_shouting(tokens, k, self._capitals) for k in (i - 1, end))
        return True


def _broken(tokens: Tokens, i: int, end: int) -> bool:
    """True when a paragraph break falls between the tokens of a multi-word match."""
    return any(tokens.text.count("\n", tokens.ends[k], tokens.starts[k + 1]) > 1 for k in range(i, end - 1))


def _shouting(tokens: Tokens, k: int, capitals: set[str]) -> bool:
    """True when token `k` is a word of two or more capitals that no phrase knows: text set in capitals."""
    if not 0 <= k < len(tokens):
        return False
    raw = tokens.raws[k]
    return len(raw) > 1 and raw.isalpha() and raw.isupper() and raw not in capitals
