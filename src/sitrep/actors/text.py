"""Word tokens with offsets, keyed so that the spelling variants of a name meet.

- hyphens and dashes separate words like spaces: "al-Sham" = "al Sham";
- an apostrophe inside a word is dropped from its key: "Hay'at" = "Hayat", "Hay’at" = "Hayʼat";
- a possessive "'s" is a word of its own: "ISIS’s" -> "ISIS", "s"; a lone apostrophe is no token;
- Latin letters lose their accents: "Yekîneyên" = "Yekineyen";
- keys are case-folded; `raws` keep the case, for acronyms matched in capitals only.

Tokens are found in the text as given, so their offsets are offsets into it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_APOSTROPHES = "'\u2019\u2018`\u00b4\u02bc\u02bb\u02bd\u02be\u02bf\u2032"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_EXTRA_LETTERS = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h"}
# a word (apostrophes inside it kept, but not before a possessive s), or one punctuation mark that is
# neither an apostrophe nor a dash
_TOKEN = re.compile(
    rf"\w+(?:[{_APOSTROPHES}](?!s\b)\w+)*|[^\w\s{re.escape(_APOSTROPHES + _DASHES)}]"
)


@lru_cache(maxsize=1)
def _folding() -> tuple[re.Pattern[str], dict[str, str]]:
    """What a token loses in its raw form: apostrophes, and the accents of Latin letters."""
    table = {char: "" for char in _APOSTROPHES}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[chr(code)] = base
    table.update(_EXTRA_LETTERS)
    return re.compile("[" + re.escape("".join(table)) + "]"), table


@dataclass(frozen=True)
class Tokens:
    """The tokens of a text: parallel lists of offsets, case-kept forms and case-folded keys."""

    text: str
    starts: list[int]
    ends: list[int]
    raws: list[str]
    keys: list[str]

    def __len__(self) -> int:
        return len(self.keys)


def tokenize(text: str) -> Tokens:
    """Split `text` into word and punctuation tokens (see the module docstring)."""
    found = list(_TOKEN.finditer(text))
    pattern, table = _folding()
    joined = pattern.sub(lambda m: table[m.group()], "\n".join(map(re.Match.group, found)))  # no token has \n
    return Tokens(
        text=text,
        starts=list(map(re.Match.start, found)),
        ends=list(map(re.Match.end, found)),
        raws=joined.split("\n") if found else [],
        keys=joined.casefold().split("\n") if found else [],
    )


def is_capitals(phrase: str) -> bool:
    """True for a phrase written in capitals only ("IS", "SAA", "U.S."): it is matched in capitals only."""
    return any(char.isalpha() for char in phrase) and not any(char.islower() for char in phrase)
