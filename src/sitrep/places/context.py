"""Cues in the words around a place mention that tell which reading the sentence means.

Each function looks at the text just before or after a mention and returns a small fact; the
resolver turns those facts into scores with reasons a user can check.
"""

from __future__ import annotations

import re
from functools import cache

from ..word_lists import packaged_words

ADMIN_WORDS = (
    "province|governorate|governate|region|state|county|district|oblast|wilaya|wilayat|muhafazat|"
    "department|prefecture|canton|parish|countryside|countyside"
)
SETTLEMENT_WORDS = "town|city|village|hamlet|settlement|municipality|neighbourhood|neighborhood|suburb|district of"
_SETTLEMENT_PLURALS = "towns|cities|villages|hamlets|settlements|neighbourhoods|neighborhoods|suburbs"
DIRECTIONS = {
    "north": (0.0, 1.0),
    "south": (0.0, -1.0),
    "east": (1.0, 0.0),
    "west": (-1.0, 0.0),
    "northeast": (0.7071, 0.7071),
    "northwest": (-0.7071, 0.7071),
    "southeast": (0.7071, -0.7071),
    "southwest": (-0.7071, -0.7071),
}
_DIRECTION = r"(north|south|east|west)(?:[- ]?(east|west))?"
# "Idlib province's markets", scraped as "Idlib provinces markets"; not "the Gulf states"
_ADMIN_AFTER = re.compile(rf"\s*(?:'s\s+)?(?:(?:province|governorate)(?:s|'s|’s)?|{ADMIN_WORDS})\b", re.IGNORECASE)
_ADMIN_BEFORE = re.compile(rf"\b(?:{ADMIN_WORDS}|provinces|governorates|regions|states)\s+(?:of\s+)?$", re.IGNORECASE)
_ADMIN_LIST = re.compile(
    r"\b(?:provinces|governorates|regions|states|counties)\b[^.;:]{0,60}(?:including|such as|like|of|:)\s+[^.;]*$",
    re.IGNORECASE,
)
# "the al-Shaer field in Homs", "the areas of Hafez and Muhassen in Deir Ezzor", "villages in Idlib": what
# holds fields, villages, towns and named areas is the province, not its namesake city ("an area in Aleppo"
# may be a part of the city)
_HOLDS_PLACES = re.compile(
    r"\b(fields?|villages?|towns?|settlements?|areas(?=\s+of\b))\b(?:\s+of\s+[^,.;:]{1,50}?)?\s+in\s+(?:the\s+)?$", re.IGNORECASE
)
_SETTLEMENT_BEFORE = re.compile(rf"\b(?:{SETTLEMENT_WORDS}|{_SETTLEMENT_PLURALS})\s+(?:of\s+)?$", re.IGNORECASE)
# a word of a name: capitalised, or a lowercase Arabic article; each word reads one way only (with "Al" read
# both as a capitalised word and as an article, a run of them backtracked without end)
_WORD = r"(?:[A-Z][\w'’]*|(?:al|el|a[dnrstz]|ash|e[dsz])\b)"
_NAME = rf"{_WORD}(?:[\s-]+{_WORD})*"
_ADMIN_PAIR = re.compile(  # "Aleppo and Idlib provinces"
    rf"\s*(?:,\s*{_NAME}\s*)*,?\s+(?:and|or)\s+{_NAME}\s+(?i:provinces|governorates|regions|states|counties)\b"
)
_SETTLEMENT_LIST = re.compile(  # "the villages of Kefraya and ", "the towns of Azaz, Marea, "
    rf"\b(?:{_SETTLEMENT_PLURALS})\s+(?:of|including|such as|like)\s+(?:{_NAME}\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))+$"
)
_SETTLEMENT_AFTER = re.compile(r"\s+(?:city|town|village)\b(?!\s+(?:of|council|hall)\b)", re.IGNORECASE)
# "another town of Idlib province": the name is the province's, the town is another place in it
_PROVINCE_AFTER = re.compile(r"\s*(?:'s\s+)?(?:province|governorate)\b", re.IGNORECASE)
_PART_BEFORE = re.compile(rf"\b(?:{_DIRECTION}(?:ern)?|central|rural)\s+$", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:\([\w .&-]+\)\s*)?(?:—|–|--|-|:)\s")
_SEAT_AFTER = re.compile(r"-based\b")  # "the New York-based group": an organisation's seat is a city
# "Washington and Paris say", "Tbilisi has denied": a place that speaks is a government, at its seat
_SPEECH = (
    r"(?:says?|said|saying|tell(?:s|ing)?|told|warn(?:s|ed|ing)?|accus(?:es|ed|ing)|insist(?:s|ed|ing)?|"
    r"urg(?:es|ed|ing)|demand(?:s|ed|ing)?|den(?:y|ies|ied|ying)|announc(?:es|ed|ing)|claim(?:s|ed|ing)?|"
    r"reject(?:s|ed|ing)?|condemn(?:s|ed|ing)?|threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?|blam(?:es|ed|ing)|"
    r"welcom(?:es|ed|ing)|hop(?:es|ed|ing)|want(?:s|ed|ing)?|fear(?:s|ed|ing)?|believ(?:es|ed|ing)|"
    r"dismiss(?:es|ed|ing)?|protest(?:s|ed|ing)?|retort(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:on|for)|"
    r"decr(?:y|ies|ied|ying)|regard(?:s|ed|ing)?|s(?:eek|eeks|ought|eeking)|lead(?:s|ing)?|"
    r"and\s+its\s+(?:\w+\s+)?(?:allies|partners))"  # "Washington and its Arab allies"
)
# "brokered by Moscow and Washington", "accused by Washington": a place that acts is a government
_AGENT_BEFORE = re.compile(
    r"(?i)\b(?:brokered|mediated|sponsored|accused|blacklisted|backed|supported|led|given|imposed|condemned|"
    r"criticised|criticized|urged|pressed|rejected|announced)\s+by\s+$"
)
_SPEAKS_AFTER = re.compile(
    rf"(?:\s*,\s*{_NAME}|,?\s+and\s+{_NAME})*\s+(?:(?:has|have|had|is|are|was|were|will|would|also|again|now)\s+)*{_SPEECH}\b"
)
_SUBJECTS_BEFORE = re.compile(rf"(?:{_NAME}(?:\s*,\s*|,?\s+and\s+))*$")
_GOVERNED = re.compile(  # "the City of Paris supports", "officials in Hong Kong say": not the subject
    r"(?i)\b(?:in|at|of|from|to|for|near|on|by|with|against|between|into|across|outside|inside|around|the|a)\s*$"
)
_COMMA_AFTER = re.compile(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
# "Hader in Quneitra province", "Ras Al-Ayn in northeastern Syria", "a village in the Idlib countryside"
_PART_WORD = r"(?i:(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|central|rural)"  # as _PART_BEFORE's, unhyphenated
_IN_AFTER = re.compile(
    rf"(?:\s+(?:village|town|city))?\s+in\s+(?:the\s+)?(?:{_PART_WORD}\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:['’]s)?"
    rf"\s+(?:{_PART_WORD}\s+)?(?i:province|governorate|countryside|region)\b"
    rf"|(?:\s+(?:village|town|city))?\s+in\s+{_PART_WORD}\s+([A-Z][\w'’-]+)\b"
)


def admin_cue(text: str, start: int, end: int) -> str | None:
    """Words saying the mention is an administrative area: "Homs province", "Aleppo and Idlib provinces",
    "the province of Homs"."""
    after = _ADMIN_AFTER.match(text, end) or _ADMIN_PAIR.match(text, end)
    if after:
        return after.group().split()[-1]
    window = text[max(0, start - 80) : start]
    before = _ADMIN_BEFORE.search(window)
    if before:
        return before.group().strip()
    listed = _ADMIN_LIST.search(window)
    if listed:
        return listed.group().split()[0]
    holding = _HOLDS_PLACES.search(window)
    return holding.group(1).lower() if holding else None


def settlement_cue(text: str, start: int, end: int | None = None) -> str | None:
    """Words saying the mention is a settlement: "the town of al-Sukhnah", "the towns of Jisr al-Shughur and
    Binnish", and, given the mention's end, "Aleppo city". Given the end, none where "province" or
    "governorate" follows the name: in "Maarret al-Numan, another town of Idlib province" the town is
    another place, in the province the name names."""
    if end is not None and _PROVINCE_AFTER.match(text, end):
        return None
    before = _SETTLEMENT_BEFORE.search(text[max(0, start - 40) : start])
    if before:
        return before.group().strip()
    listed = _SETTLEMENT_LIST.search(text[max(0, start - 80) : start])
    if listed:
        return listed.group().split()[0]
    after = _SETTLEMENT_AFTER.match(text, end) if end is not None else None
    return after.group().strip() if after else None


def part_of(text: str, start: int) -> str | None:
    """A direction word naming part of the area: "eastern Homs" → "east"; "central Syria" → "central"."""
    before = _PART_BEFORE.search(text[max(0, start - 20) : start])
    if not before:
        return None
    word = before.group().strip().lower()
    return word[:-3] if word.endswith("ern") else word


def comma_qualifier(text: str, end: int) -> str | None:
    """The capitalised words after "Name, ": the state or country in "Lexington, Ky." or "Homs, Syria"; or
    the province or country it is said to lie in: "Hader in Quneitra province", "Ras Al-Ayn in northeastern Syria"."""
    match = _COMMA_AFTER.match(text, end)
    if match:
        return match.group(1).rstrip(".,")
    inside = _IN_AFTER.match(text, end)  # or the province or country the words after say it is in
    return (inside.group(1) or inside.group(2)) if inside else None


def dateline(text: str, start: int, end: int) -> bool:
    """Whether the mention opens a dateline: followed by a dash or colon, maybe after a state and an
    agency ("WASHINGTON —", "RIDGE FARM, Ill. (AP) —"), and first on its line or, in capitals, first
    after a sentence (a title run into the text)."""
    if _DATELINE_AFTER.match(text, end) is None:
        return False
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return not before.strip() or (text[start:end].isupper() and before.rstrip().endswith("."))


def speaks(text: str, start: int, end: int) -> bool:
    """Whether the mention, alone or with other names, is the subject of a verb of speech or stance
    ("Washington and Paris say", "Tbilisi has denied", "Moscow warned", "Washington and its allies") or
    the agent of a deed only governments do ("a truce brokered by Moscow and Washington", "accused by
    Washington"): a place that speaks or acts so is its government. Not the subject after a preposition
    or an article ("officials in Hong Kong say", "the City of Paris supports")."""
    window = text[max(0, start - 80) : start]
    chain = _SUBJECTS_BEFORE.search(window)
    before = window[: chain.start()] if chain else window
    if _AGENT_BEFORE.search(before):
        return True
    return _SPEAKS_AFTER.match(text, end) is not None and _GOVERNED.search(before) is None


def facility_after(text: str, end: int) -> str | None:
    """The facility noun right after the mention ("Al-Quds hospital" → "hospital"; data/facility_words.txt):
    the name is a facility's, which may be named after a place far away."""
    match = _facility().match(text, end)
    return match.group(1).lower() if match else None


def seat_after(text: str, end: int) -> bool:
    """Whether "-based" follows the mention: "the New York-based Committee to Protect Journalists" names
    where an organisation sits, a city."""
    return _SEAT_AFTER.match(text, end) is not None


@cache
def _facility() -> re.Pattern[str]:
    words = "|".join(sorted({w.lower() for w in packaged_words("facility_words.txt")}, key=len, reverse=True))
    return re.compile(rf"[ \t]+({words})\b(?![-'’])", re.IGNORECASE)
