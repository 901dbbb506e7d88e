"""Venues: place mentions that say where talks are held ("negotiations in the Kazakh capital Astana",
"the Astana talks"). Fighting reported in the same sentence or article did not happen there, so a
violent event is never placed at a venue, neither from its sentence nor as the article's main place.

A mention is a venue when a venue word (data/venue_words.txt) stands at most `GAP_WORDS` words before
an "in" or "at" that the mention follows within `NAME_WORDS` words ("talks held in Geneva", "hosted
negotiations in the Kazakh capital Astana"), or right after the mention ("the Geneva talks").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..models import Place
from ..word_lists import packaged_words

GAP_WORDS = 10  # "talks <to end Syria's six-year war entered a second day> in"
NAME_WORDS = 3  # "in <the Kazakh capital> Astana"
LOOKBACK = 160  # characters before a mention that are searched, within its sentence


def venue_starts(text: str, places: Sequence[Place]) -> frozenset[int]:
    """Start offsets of the mentions among `places` that name a venue of talks."""
    before, after = _patterns()
    found = set()
    for place in places:
        lead = re.split(r"[.!?\n]", text[max(0, place.start - LOOKBACK) : place.start])[-1]
        if before.search(lead) or after.match(text, place.end):
            found.add(place.start)
    return frozenset(found)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted(set(packaged_words("venue_words.txt")), key=len, reverse=True))
    before = re.compile(
        rf"\b(?:peace\s+)?(?:{words})\b(?:\s+\S+){{0,{GAP_WORDS}}}?\s+(?:in|at)\s+(?:\S+\s+){{0,{NAME_WORDS}}}$",
        re.IGNORECASE,
    )
    after = re.compile(rf"['’]?s?\s+(?:peace\s+)?(?:{words})\b", re.IGNORECASE)
    return before, after
