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
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.dates import DAY_FIRST_SEPARATORS, MONTHS, WEEKDAYS
from .tolls import read_number

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
class _Span:
    """Days a date expression names (None when it cannot be placed without a publication date)."""

    first: date | None
    last: date | None
    why: str
    future: bool = False
    precision: int | None = None  # when the expression fixes it (a month is 3 even if clamped)


@dataclass(frozen=True)
class _Found:
    start: int  # offsets into the sentence
    end: int
    span: _Span


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


def _precision(span: _Span) -> int:
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

# Day-long phrases and the days they lie from the publication date.
RELATIVE_DAYS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "earlier today": 0, "today": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0, "yesterday": -1,
    "last night": -1, "late last night": -1, "the previous day": -1, "the day before": -1,
    "the previous night": -1, "the night before": -1, "a day earlier": -1, "tomorrow": 1,
}  # fmt: skip

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
            span = _READERS[name](match, published)
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
    return _Found(start, found.end, _Span(span.first, last, why))


def _on_or_before(published: date | None, month: int, day: int) -> date | None:
    """The most recent day-month on or before publication (its year when it is unstated)."""
    if published is None:
        return None
    for year in (published.year, published.year - 1, published.year - 4):
        if (month, day) <= (published.month, published.day) or year < published.year:
            try:
                return date(year, month, day)
            except ValueError:
                continue  # 29 February in a common year
    return None


def _month_span(year: int, month: int, part: str | None = None) -> tuple[date, date]:
    last_day = calendar.monthrange(year, month)[1]
    first, last = 1, last_day
    if part:
        part = " ".join(part.casefold().split()).removeprefix("the ")
        first, last = {
            "early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20),
            "middle of": (11, 20), "late": (21, last_day), "end of": (21, last_day),
        }[part]  # fmt: skip
    return date(year, month, first), date(year, month, last)


def _recent_month(published: date | None, month: int) -> int | None:
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").casefold()]


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _read_date(match: re.Match[str], published: date | None) -> _Span | None:
    """A single day: "5 April 2017", "April 5", "2017-04-05", "13/4/2017"."""
    if match["iy"]:
        day = _date(int(match["iy"]), int(match["im"]), int(match["id"]))
        return _Span(day, day, "a date") if day else None
    if match["na"]:
        a, b = int(match["na"]), int(match["nb"])
        if match["ns"] not in DAY_FIRST_SEPARATORS and a <= 12 and b <= 12 and a != b:
            return None  # 5/4/2017 reads two ways
        if match["ns"] in DAY_FIRST_SEPARATORS or a > 12 or a == b:
            day = _date(int(match["ny"]), b, a)
        else:
            day = _date(int(match["ny"]), a, b)
        return _Span(day, day, "a date") if day else None
    day_text, month_text, year_text = (match["d"], match["m"], match["y"]) if match["d"] else (
        match["d_"], match["m_"], match["y_"])  # fmt: skip
    number, month = int(re.sub(r"\D", "", day_text)), _month(month_text)
    if year_text:
        day = _date(int(year_text), month, number)
        if day is None:
            return None
        why = "a date"
    else:
        if _date(2000, month, number) is None:
            return None
        day = _on_or_before(published, month, number)
        why = "a day and month: the most recent on or before publication"
    if day is not None and match["wd"] and WEEKDAYS[match["wd"].casefold()] != day.weekday():
        why += f"; '{match['wd']}' does not fit it, the date is kept"
    return _Span(day, day, why)


def _read_range(match: re.Match[str], published: date | None) -> _Span | None:
    """A range of days: "between 3 and 5 April", "30 March to 2 April 2017", "April 3-5"."""
    d1, d2 = (int(re.sub(r"\D", "", match[g])) for g in ("d1", "d2"))
    m2 = _month(match["m2"]) if match["m2"] else _month(match["m1"])
    m1 = _month(match["m1"]) if match["m1"] else m2
    if match["y"]:
        year2 = int(match["y"])
    else:
        end = _on_or_before(published, m2, d2) if _date(2000, m2, d2) else None
        if end is None:
            return _Span(None, None, "a range of days") if published is None else None
        year2 = end.year
    year1 = year2 - 1 if (m1, d1) > (m2, d2) else year2
    first, last = _date(year1, m1, d1), _date(year2, m2, d2)
    if first is None or last is None or first > last or (last - first).days > 62:
        return None
    return _Span(first, last, "a range of days")


def _read_month_year(match: re.Match[str], published: date | None) -> _Span | None:
    first, last = _month_span(int(match["y"]), _month(match["m"]), match["part"])
    return _Span(first, last, "a month and year", precision=3 if not match["part"] else None)


def _read_month(match: re.Match[str], published: date | None) -> _Span | None:
    """A month named without a year: the most recent such month (or next one, "next May")."""
    month = _month(match["m"])
    year = _recent_month(published, month)
    if year is None:
        return _Span(None, None, "a month")
    rel = (match["rel"] or "").casefold()
    assert published is not None
    if rel == "next" or (rel == "this" and month > published.month):
        year = published.year if month > published.month else published.year + 1
        first, last = _month_span(year, month)
        return _Span(first, last, "a month to come", future=True, precision=3)
    if rel == "last" and month == published.month:
        year -= 1
    first, last = _month_span(year, month, match["part"])
    why = "since a month" if match["since"] else "a month: the most recent"
    return _Span(first, last, why, precision=3 if not match["part"] else None)


# The months a part of a year covers: "early 2014", "in the middle of 2015", "late 2014"
_YEAR_PARTS = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (10, 12)}


def _read_year(match: re.Match[str], published: date | None) -> _Span | None:
    """A year ("in 2013", "since 2012", "in the 1967 war"), or a part of one ("in late 2014")."""
    year = int(match["y"])
    part = next((months for word, months in _YEAR_PARTS.items() if match["part"] and word in match["part"].casefold()), None)
    if part is None:
        return _Span(date(year, 1, 1), date(year, 12, 31), "since a year" if match["since"] else "a year", precision=3)
    return _Span(date(year, part[0], 1), date(year, part[1], calendar.monthrange(year, part[1])[1]), "a part of a year", precision=3)


# A verb of the future shortly before a bare weekday: "will begin Monday", "is due to resume on Friday"
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|is\s+due|are\s+due|is\s+expected|are\s+expected|is\s+set|are\s+set|scheduled)"
    r"(?:\s+[\w-]+){0,4}?\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _read_weekday(match: re.Match[str], published: date | None) -> _Span | None:
    """A weekday: the most recent on or before publication; "last" before it, "next" after it."""
    if published is None:
        return _Span(None, None, "a weekday")
    weekday = WEEKDAYS[match["wd"].casefold()]
    rel = (match["rel"] or "").casefold()
    back = (published.weekday() - weekday) % 7
    if rel in ("next", "coming") or (not rel and _FUTURE_BEFORE.search(match.string, 0, match.start())):
        # "next Monday"; "the ceasefire will begin Monday": the coming one
        day = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
        return _Span(day, day, f"next {match['wd']}", future=True)
    if rel in ("last", "past") and back == 0:
        back = 7
    day = published - timedelta(days=back)
    return _Span(day, day, f"{match['wd']}: the most recent on or before publication")


def _read_relative_day(match: re.Match[str], published: date | None) -> _Span | None:
    shift = RELATIVE_DAYS[" ".join(match.group().casefold().split())]
    if published is None:
        return _Span(None, None, match.group())
    day = published + timedelta(days=shift)
    return _Span(day, day, f"'{match.group()}' counted from publication", future=shift > 0)


def _count(words: str) -> tuple[int, int]:
    """The lowest and highest a count of units may be: "two" -> (2, 2), "a few" -> (2, 6)."""
    text = " ".join(words.casefold().split())
    if text in ("a few", "few", "several"):
        return 2, 6
    if text == "a couple of":
        return 2, 2
    value = read_number(text) or 1
    return value, value


def _back(published: date, unit: str, low: int, high: int) -> tuple[date, date]:
    """The days `low` to `high` units before publication (a whole week, month or year)."""
    unit = unit.casefold().rstrip("s")
    if unit == "day":
        return published - timedelta(days=high), published - timedelta(days=low)
    if unit == "week":
        return published - timedelta(days=7 * high + 3), published - timedelta(days=7 * low - 3)
    if unit == "month":
        now = published.year * 12 + published.month - 1  # months since year 0
        index_high, index_low = now - high, now - low
        first = date(index_high // 12, index_high % 12 + 1, 1)
        return first, _month_span(index_low // 12, index_low % 12 + 1)[1]
    return date(published.year - high, 1, 1), date(published.year - low, 12, 31)


def _read_ago(match: re.Match[str], published: date | None) -> _Span | None:
    """ "two days ago", "a week ago", "three months ago"."""
    if published is None:
        return _Span(None, None, "a time ago")
    low, high = _count(match["n"])
    first, last = _back(published, match["u"], low, high)
    precision = 3 if match["u"].casefold().startswith(("month", "year")) else None
    return _Span(first, last, f"'{match.group()}' counted from publication", precision=precision)


def _read_past(match: re.Match[str], published: date | None) -> _Span | None:
    """ "over the past week", "in the last three days", "the past months": up to publication."""
    if published is None:
        return _Span(None, None, "a recent period")
    low, high = _count(match["n"]) if match["n"] else (1, 1)
    unit = match["u"].casefold().rstrip("s")
    if match["u"].casefold().endswith("s") and not match["n"]:
        high = 3 if unit != "day" else 6  # "the past days", "the past weeks": a few
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * high
    first = published - timedelta(days=days - 1)
    precision = 3 if unit in ("month", "year") or days > 7 else None
    return _Span(first, published, f"'{match.group()}' up to publication", precision=precision)


def _read_recent(match: re.Match[str], published: date | None) -> _Span | None:
    if published is None:
        return _Span(None, None, "recent days")
    return _Span(published - timedelta(days=6), published, "recent days: the week up to publication")


def _read_coming(match: re.Match[str], published: date | None) -> _Span | None:
    """ "within a week", "within a single week", "in the coming days", "over the next two months":
    the days after publication."""
    words = " ".join(match.group().casefold().split())
    if not any(w in words for w in ("within", "coming", "next")):
        return None  # "in a week", "over days": not a span ahead
    if published is None:
        return _Span(None, None, "a time to come", future=True)
    low, high = _count(match["n"]) if match["n"] else (1, 1)
    unit = match["u"].casefold().rstrip("s")
    if match["u"].casefold().endswith("s") and not match["n"]:
        high = 6 if unit == "day" else 3  # "the coming days", "the coming weeks": a few
    days = {"day": 1, "week": 7, "month": 30}[unit] * high
    precision = 1 if days <= 1 else 2 if days <= 7 else 3
    return _Span(published + timedelta(days=1), published + timedelta(days=days), f"'{match.group()}' after publication",
                 future=True, precision=precision)  # fmt: skip


def _read_period(match: re.Match[str], published: date | None) -> _Span | None:
    """ "last week", "this month", "over the weekend", "earlier this year", "next week"."""
    if published is None:
        return _Span(None, None, match.group())
    rel, unit = " ".join(match["rel"].casefold().split()), match["u"].casefold()
    future = rel in ("next", "later this")
    step = -1 if rel in ("last", "the previous") else 1 if rel == "next" else 0
    if unit == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if rel == "next":
            saturday += timedelta(days=7)
        elif rel == "last" and published.weekday() >= 5:
            saturday -= timedelta(days=7)
        elif rel == "this" and published.weekday() < 5:
            saturday, future = saturday + timedelta(days=7), True  # on a weekday: the coming one
        return _Span(saturday, saturday + timedelta(days=1), "a weekend", future=future)
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(days=7 * step)
        first, last = monday, monday + timedelta(days=6)
        if rel in ("over the", "at the", "on the"):
            first, last = published - timedelta(days=6), published
    elif unit == "month":
        index = published.year * 12 + published.month - 1 + step
        first, last = _month_span(index // 12, index % 12 + 1)
    else:
        first, last = date(published.year + step, 1, 1), date(published.year + step, 12, 31)
    if rel == "earlier this":
        last = max(first, published - timedelta(days=1))
    elif rel == "later this":
        first = min(last, published + timedelta(days=1))
    precision = 2 if unit == "week" else 3
    return _Span(first, last, f"'{match.group()}' counted from publication", future=future, precision=precision)


_READERS: dict[str, Callable[[re.Match[str], date | None], _Span | None]] = {
    "day_range": _read_range,
    "month_day_range": _read_range,
    "date": _read_date,
    "month_year": _read_month_year,
    "month": _read_month,
    "year": _read_year,
    "weekday": _read_weekday,
    "weekday_of": _read_weekday,
    "relative_day": _read_relative_day,
    "ago": _read_ago,
    "past": _read_past,
    "recent": _read_recent,
    "period": _read_period,
    "coming": _read_coming,
}
