"""Who says so: quoted statements and their speakers, and reports relayed from another outlet.

A quotation ("...," said Major General Muhammad Khaddour with the Syrian army) can run over several
sentences; every event told inside it is attributed to its speaker, with the quote's span. When an
article says it relays another outlet's report ("The Al-Masdar news agency has just reported that
..."), events told after that without a source of their own are attributed to that outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Span

_QUOTE = re.compile(r"[\"“]([^\"“”]{12,}?)[\"”]")
_SAID_AFTER = re.compile(
    r"\s*,?\s*(?:(?:said|says|told|added|stated|explained|noted|warned)\s+(?P<after>[^.,;\"“]{3,80})"
    r"|(?P<before>[A-Z][^.,;\"“]{2,80}?)\s+(?:said|says|told|added|stated|explained|noted|warned)\b)"
)
_SAID_BEFORE = re.compile(r"(?P<who>[A-Z][^.;\"“]{2,80}?)\s+(?:said|says|told \w+|added|stated)\s*[:,]\s*$")
_OUTLET_WORDS = r"(?:news[ \t]+agency|agency|newspaper|daily|television|TV|channel|website|outlet|Observatory)"
_RELAYED = re.compile(
    rf"(?:[Tt]he[ \t]+)?(?P<who>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){{0,4}}(?:[ \t]+{_OUTLET_WORDS})?)"
    r"(?P<gap>[^.\n]{0,160}?)\b(?:has\s+|have\s+|had\s+)?(?:just\s+)?reported\s+that\b"
)


@dataclass(frozen=True)
class Statement:
    """A quoted stretch and who said it."""

    quote: Span
    speaker: Span


def quotations(text: str) -> list[Statement]:
    """Quoted stretches with a speaker named right after ("...," said X) or right before (X said: "...")."""
    found = []
    for match in _QUOTE.finditer(text):
        after = _SAID_AFTER.match(text, match.end())
        who_start = who_end = -1
        if after:
            group = "after" if after.group("after") else "before"
            who_start, who_end = after.start(group), after.end(group)
        else:
            before = _SAID_BEFORE.search(text, max(0, match.start() - 90), match.start())
            if before:
                who_start, who_end = before.start("who"), before.end("who")
        if who_start >= 0:
            quote = Span(match.start(1), match.end(1), match.group(1))
            found.append(Statement(quote, Span(who_start, who_end, text[who_start:who_end].strip())))
    return found


def relayed_report(text: str, lead_chars: int = 600) -> Span | None:
    """The outlet an article says it relays, named in its opening ("X has just reported that ...")."""
    if "reported" not in text[:lead_chars]:
        return None  # the pattern cannot match (and costs much to try: it can start at any capital)
    for match in _RELAYED.finditer(text, 0, min(len(text), lead_chars)):
        who = match.group("who")
        if re.search(rf"{_OUTLET_WORDS}$", who) or not match.group("gap").strip():
            return Span(match.start("who"), match.end("who"), who)
    return None
