"""Read when an event happened from the words of its sentence and the article's publication date.

Each date expression names a span of days; the event date is read from that span:

- time precision follows ACLED: 1 when the span is one day, 2 when it is a week or less (a
  weekend, "last week", "between 3 and 5 April"), 3 when it is longer (a month, a year);
- the date coded for a span is its middle day (the earlier of two middles), never later than
  the publication date for an expression about the past: "last week" (the calendar week, Monday
  to Sunday, before the publication's week) is coded on its Thursday, "in May 2015" on 16 May;
  "since X" is coded on the first day of X (when the ongoing thing began);
- relative words count from the publication date ("yesterday", "on Wednesday" = the most recent
  Wednesday on or before it, "in May" = the most recent May); without a publication date they
  give no date, and nothing is ever read from the clock;
- a numeric date is read only when it reads one way (2017-04-05, 13/4/2017; not 5/4/2017);
- when a sentence has several expressions, one that dates the report ("a monitor said Tuesday")
  gives way to the others; then the most precise wins, then the first;
- an event is historical when its span ends more than HISTORY_DAYS before publication;
- a sentence with no date expression gets the publication date with precision 2 (ACLED's use
  of the report date when a report gives no date).

The days each kind of expression names are read in `date_spans.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.dates import MONTHS, WEEKDAYS
from .date_spans import READERS, RELATIVE_DAYS, DaySpan

HISTORY_DAYS = 30  # a span ending longer than this before publication is history, not news


@dataclass(frozen=True)
class EventDate:
    """When an event happened, as ACLED codes it, with the words it was read from."""

    date: date | None
    time_precision: int  # 1 exact day, 2 a week or a few days, 3 a month or more
    start: int | None  # offsets (in the full text) of the date words; None when there are none
    end: int | None
    text: str | None
    historical: bool
    why: str
    first: dt.date | None = None  # the days the words name (None when no date expression is read)
    last: dt.date | None = None
    reported: bool = False  # the words date the report, not the event ("a monitor said Tuesday")
    others: int = 0  # how many other date words the sentence holds


@dataclass(frozen=True)
class _Found:
    start: int  # offsets into the sentence
    end: int
    span: DaySpan


def event_date(sentence: str, published: date | None, offset: int = 0, within: Collection[int] = ()) -> EventDate:
    """The date of the event `sentence` reports; `offset` is where it starts in the full text. With
    `within` (offsets in the full text of one clause's words), date words there come first: "Friday's attack
    came after a car bombing killed 100 people on Tuesday" dates the bombing Tuesday."""
    found = [f for f in _find(sentence, published) if f.span.first is not None or published is None]
    found = [f for f in found if offset + f.start in within] or found
    if not found:
        if published is None:
            return EventDate(None, 2, None, None, None, False, "no date in the sentence and no publication date")
        return EventDate(published, 2, None, None, None, False, "no date in the sentence: the publication date")
    best = min(found, key=lambda f: (report_date(sentence, f.start), f.span.first is None, _precision(f.span), f.start))
    span = best.span
    reported = report_date(sentence, best.start)
    others = f"; {len(found) - 1} other date words" if len(found) > 1 else ""
    text = sentence[best.start : best.end]
    precision = _precision(span)
    if span.first is None or span.last is None:
        return EventDate(None, precision, offset + best.start, offset + best.end, text, False,
                         f"{span.why}: no publication date to count from{others}")  # fmt: skip
    first, last = span.first, span.last
    if published is not None and not span.future and first <= published < last:
        last = published  # the event was reported, so it happened by the publication date
    coded = first if span.why.startswith("since") else first + (last - first) // 2
    historical = published is not None and span.last < published - timedelta(days=HISTORY_DAYS)
    why = span.why + (" (history)" if historical else "") + (" (future)" if span.future else "") + others
    why += " (the day of the report: the words follow a verb of saying)" if reported else ""
    return EventDate(coded, precision, offset + best.start, offset + best.end, text, historical, why, first, last, reported, len(found) - 1)


# Verbs of saying right before a date: "a monitor said Tuesday", "HRW said in a report Tuesday that ..."
_REPORT = re.compile(
    r"(?i)\b(?:said|says|told(?:\s+[\w.-]+){0,3}|reported|announced|added|stated|confirmed|claimed)"
    r"(?:\s+in\s+(?:a|an|its|their|his|her)\s+\w+)?\s+(?:on\s+)?$"
)


def report_date(sentence: str, start: int) -> bool:
    """Whether the date words at `start` of `sentence` date the report rather than the event."""
    return _REPORT.search(sentence[:start]) is not None


def _precision(span: DaySpan) -> int:
    if span.precision is not None:
        return span.precision
    if span.first is None or span.last is None:
        return 1
    days = (span.last - span.first).days + 1
    return 1 if days <= 1 else 2 if days <= 7 else 3


# --- the words --------------------------------------------------------------------------------

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_FULL_MONTH = "|".join(sorted({f for m in _FULL_MONTHS for f in (m.capitalize(), m.upper())}, key=len, reverse=True))
_FULL_DAYS = [w for w in WEEKDAYS if len(w) > 5]  # monday ... sunday
_WEEKDAY = "|".join(sorted({f for w in _FULL_DAYS for f in (w.capitalize(), w.upper())}, key=len, reverse=True))
_DAY = r"(?<![\d,.])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_ABBREVIATION = "|".join(
    sorted({f for m in MONTHS if m not in _FULL_MONTHS for f in (m.capitalize(), m.upper())}, key=len, reverse=True)
)
_M = rf"(?:(?:{_FULL_MONTH})(?!\w)|(?:{_ABBREVIATION})(?:\.|(?!\w)))"
_TO = r"\s*(?:-|–|(?i:and|to|until|till|through)\s)\s*"
_PART = r"(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
_AFTER_IN = r"(?:(?<=\b(?i:in)\s)|(?<=\b(?i:during)\s)|(?<=\b(?i:throughout)\s))"  # "in May": just "May"
_COUNT = (
    r"(?i:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+couple\s+of|a\s+few|few|several)"
)

_RELATIVE = "|".join(sorted((r"\s+".join(k.split()) for k in RELATIVE_DAYS), key=len, reverse=True))

_PATTERNS: list[tuple[str, str]] = [
    ("day_range", rf"(?:(?i:between|from)\s+)?(?P<d1>{_DAY})(?:\s+(?:(?i:of)\s+)?(?P<m1>{_M}))?{_TO}"
                  rf"(?P<d2>{_DAY})\s+(?:(?i:of)\s+)?(?P<m2>{_M})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("month_day_range", rf"(?:(?i:between|from)\s+)?(?P<m1>{_M})\s+(?P<d1>{_DAY}){_TO}(?:(?P<m2>{_M})\s+)?"
                        rf"(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("date", rf"(?:(?P<wd>{_WEEKDAY}),?\s+(?:(?i:the)\s+)?)?(?:"
             rf"(?P<d>{_DAY})\s+(?:(?i:of)\s+)?(?P<m>{_M})(?:,?\s+(?P<y>{_YEAR}))?"
             rf"|(?P<m_>{_M})\s+(?P<d_>{_DAY})(?:,?\s+(?P<y_>{_YEAR}))?"
             rf"|(?P<iy>{_YEAR})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)(?!\d)"
             rf"|(?<![\d/.-])(?P<na>[0-3]?\d)(?P<ns>[-/.])(?P<nb>[01]?\d)(?P=ns)(?P<ny>{_YEAR}))"),
    ("month_year", rf"(?:(?P<part>{_PART})[-\s]+)?(?P<m>{_M}),?\s+(?P<y>{_YEAR})"),
    ("month", rf"(?:(?P<part>{_PART})[-\s]+|(?P<rel>(?i:last|this|next))\s+|(?P<since>(?i:since))\s+|{_AFTER_IN})"
              rf"(?P<m>{_FULL_MONTH})(?![\w])(?!\s+\d)"),
    ("year", rf"(?:(?P<since>(?i:since))\s+|{_AFTER_IN}(?:(?i:the)\s+)?(?:(?P<part>{_PART})[-\s]+)?)(?P<y>{_YEAR})(?!\s*[-–/]\s*\d)"),
    ("weekday", rf"(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<wd>{_WEEKDAY})(?![\w])"),
    # "Monday's raid", "Mondays raid" (apostrophe lost): the day, not a habit ("on Mondays")
    ("weekday_of", rf"(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?<!(?i:on)\s)(?P<wd>{_WEEKDAY})['’]?s(?=\s+[a-z])"),
    ("relative_day", rf"(?i:{_RELATIVE})(?!\w)"),
    ("ago", rf"(?P<n>{_COUNT})\s+(?P<u>(?i:days?|weeks?|months?|years?))\s+(?i:ago)(?!\w)"),
    ("past", rf"(?i:(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)|the\s+past|(?:over|in)\s+past)"
             rf"\s+(?:(?P<n>{_COUNT})\s+)?(?P<u>(?i:days?|weeks?|months?|years?))(?!\w)"),
    ("recent", r"(?i:(?:in|over)\s+)?(?i:recent\s+days|the\s+past\s+few\s+days|the\s+last\s+few\s+days)(?!\w)"),
    ("coming", rf"(?i:(?:within|in|over|during)\s+(?:the\s+)?(?:coming|next|a\s+single|a|one)\s+)"
               rf"(?:(?P<n>{_COUNT})\s+)?(?P<u>(?i:days?|weeks?|months?))(?!\w)"),
    ("period", r"(?i:(?P<rel>last|this|next|earlier\s+this|later\s+this|the\s+previous|over\s+the|at\s+the|on\s+the)"
               r"\s+(?P<u>week|weekend|month|year))(?!\w)"),
]  # fmt: skip
# What each rule cannot match without: a digit, a month or weekday name, one word of its phrases.
# A rule is tried only on a sentence that holds it; most sentences hold few of them, and finding
# that out costs a fraction of trying the rule at every position.
_NEEDS = {
    "day_range": r"\d",
    "month_day_range": r"\d",
    "date": r"\d",
    "month_year": r"\d",
    "month": _FULL_MONTH,
    "year": r"\d",
    "weekday": _WEEKDAY,
    "weekday_of": _WEEKDAY,
    "relative_day": r"(?i:day|night|morning|afternoon|evening|tomorrow)",
    "ago": r"(?i:ago)",
    "past": r"(?i:past|last|previous)",
    "recent": r"(?i:days)",
    "coming": r"(?i:within|coming|next|single)",
    "period": r"(?i:week|month|year)",
}
_RULES = [(name, re.compile(_NEEDS[name]), re.compile(pattern)) for name, pattern in _PATTERNS]


# --- finding the expressions ----------------------------------------------------------------


# Capitalised nouns that make a date part of a name: streets, squares, movements, brigades
_NAMED_AFTER = re.compile(
    r"\s+(?:Street|St\b|Avenue|Road|Square|Bridge|Boulevard|Stadium|Hospital|School|Movement|Brigade|Brigades|"
    r"Battalion|Revolution|Uprising|Coalition|Alliance|Front|Group)\b"
)


def _find(sentence: str, published: date | None) -> list[_Found]:
    """The date expressions of `sentence`, longest first where they overlap, in text order."""
    candidates: list[_Found] = []
    for name, needs, pattern in _RULES:
        if needs.search(sentence) is None:
            continue
        for match in pattern.finditer(sentence):
            if re.search(r"\d", match.group()) and _NAMED_AFTER.match(sentence, match.end()):
                continue  # "April 7th Street", "the 14 March Movement": a name, not a date
            span = READERS[name](match, published)
            if span is not None:
                candidates.append(_Found(match.start(), match.end(), span))
    kept: list[_Found] = []
    for found in sorted(candidates, key=lambda f: (f.start, -(f.end - f.start))):
        if all(found.start >= k.end or found.end <= k.start for k in kept):
            kept.append(_since(sentence, found, published))
    return sorted(kept, key=lambda f: f.start)


def _since(sentence: str, found: _Found, published: date | None) -> _Found:
    """Widen "since X" to the words and the days from X to the publication date."""
    before = re.search(r"(?i:since)\s+$", sentence[: found.start])
    span = found.span
    if before is None and not span.why.startswith("since"):
        return found
    start = before.start() if before else found.start
    last = published if published is not None and span.first is not None and span.first <= published else span.last
    why = span.why if span.why.startswith("since") else f"since {span.why}"
    return _Found(start, found.end, DaySpan(span.first, last, why))
