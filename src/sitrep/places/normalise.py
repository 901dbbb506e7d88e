"""Name keys that let transliterations of one place name meet ("Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor").

A Latin-script name gets three keys, each coarser than the one before:

exact
    Unicode folded to ASCII (unidecode), casefolded, every run of other characters made one space:
    "Dayr az-Zawr" and "Dayr az Zawr" -> "dayr az zawr"; "Ḩimş" -> "hims".
loose
    From the exact key:
    1. an Arabic article (al, el, as, ad, ar, ash, az, an, at, ath, adh, es, ez, ed, er, et, en, ul, ud),
       or English "the", standing as its own word is dropped when more of the name follows:
       "al sukhnah" -> "sukhnah", "republic of the congo" -> "republic of congo";
    2. an article written into the next word is dropped from any word after the first: a or e, then a
       doubled sun letter (t d r z s n l): "deir ezzor" -> "deir zzor";
    3. deir, dayr, dair and der are one word, "dayr";
    4. doubled letters are single: "raqqah" -> "raqah";
    5. a final h after a vowel goes: "raqah" -> "raqa", "sukhnah" -> "sukhna";
    6. a final e is an a: "sukhne" -> "sukhna".
skeleton
    From the loose key, the vowels (a e i o u y w) except each word's first letter: "tadmur" and
    "tadmor" -> "tdmr"; "dayr zor" and "dayr zawr" -> "dr zr". Lossy: a last resort.

A name of two to four capitals, with or without dots ("US", "U.S.", "U. S.", "D.R.C."), is an
abbreviation: `abbreviation_key` gives its letters ("US", "DRC"), so it matches in capitals only and
"us" or "in" never do.

Arabic-script names get one key, `arabic_key`: short vowels (tashkeel) and tatweel removed, alef forms
(أ إ آ ٱ) as ا, ta marbuta as ha, alef maqsura and Persian yeh as ya, Persian kaf as kaf, and the
article ال dropped from the front of each word: "السخنة" and "سخنه" -> "سخنه".
"""

from __future__ import annotations

from functools import lru_cache

import re

from unidecode import unidecode

ARTICLES = frozenset("al el as ad ar ash az an at ath adh es ez ed er et en ul ud the".split())
DEIR = frozenset({"deir", "dayr", "dair", "der"})

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ASSIMILATED = re.compile(r"^[ae](?=([tdrzsnl])\1[a-z])")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_FINAL_E = re.compile(r"e$")
_INNER_VOWELS = re.compile(r"(?<!^)[aeiouyw]")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.? ?){2,4}")

_LATIN = re.compile(r"(?:\W|[0-9_A-Za-z\u00c0-\u02ff\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff])+")
_ARABIC_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC = re.compile(rf"(?:\W|[0-9{_ARABIC_LETTERS}])*[{_ARABIC_LETTERS}](?:\W|[0-9{_ARABIC_LETTERS}])*")
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans("أإآٱةىیک", "ااااهييك")
_ARABIC_NON_LETTER = re.compile(rf"[^{_ARABIC_LETTERS}0-9]+")
_ARABIC_ARTICLE = re.compile("^ال(?=..)")


def script(name: str) -> str | None:
    """"latin" or "arabic" when every letter of `name` is in that script; None for any other."""
    if _ARABIC.fullmatch(name):
        return "arabic"
    if _LATIN.fullmatch(name) and any(c.isalpha() for c in name):
        return "latin"
    return None


@lru_cache(maxsize=200_000)  # articles and the index repeat names; the keys of a name never change
def keys(name: str) -> tuple[str, str, str]:
    """(exact, loose, skeleton) keys of a Latin-script name; see the module docstring for the rules."""
    exact = exact_key(name)
    loose = loose_key(exact)
    return exact, loose, skeleton_key(loose)


def exact_key(name: str) -> str:
    return _NON_ALNUM.sub(" ", unidecode(name).casefold()).strip()


def loose_key(exact: str) -> str:
    """The loose key of an exact key."""
    words = exact.split()
    words = [w for i, w in enumerate(words) if not (w in ARTICLES and i < len(words) - 1)]
    words = [_ASSIMILATED.sub("", w) if i else w for i, w in enumerate(words)]
    words = ["dayr" if w in DEIR else w for w in words]
    words = [_FINAL_E.sub("a", _FINAL_H.sub("", _DOUBLED.sub(r"\1", w))) for w in words]
    return " ".join(words)


def skeleton_key(loose: str) -> str:
    """The skeleton key of a loose key."""
    return " ".join(_INNER_VOWELS.sub("", w) for w in loose.split())


def abbreviation_key(name: str) -> str | None:
    """The capitals of an abbreviation ("U.S." -> "US"); None when `name` is not one."""
    text = name.strip()
    if not _ABBREVIATION.fullmatch(text):
        return None
    return "".join(c for c in text if c.isalpha())


def arabic_key(name: str) -> str:
    """The key of an Arabic-script name; see the module docstring for the rules."""
    text = _TASHKEEL.sub("", name).translate(_ARABIC_FOLD)
    words = _ARABIC_NON_LETTER.sub(" ", text).split()
    return " ".join(_ARABIC_ARTICLE.sub("", w) for w in words)
