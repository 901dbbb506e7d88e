"""Read the publication date an article states at its very top (its dateline).

Only the top counts: a date further down is about an event, not the article. A date at the
start of one of the top lines is a dateline; one run into the top line by a scraper counts only
when a label or an agreeing weekday marks it. Nothing is guessed: an impossible date, a weekday
that contradicts the date, or a numeric date that reads two ways gives no dateline at all.
"""

from __future__ import annotations

import re
from datetime import date

from ..models import Dateline, Span

TOP = 150  # a dateline starts within this many characters of the text's start
EMBEDDED_TOP = 400  # ... or, marked by a label or an agreeing weekday, within this many (after a subtitle)

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip

# Numeric dates with the year last are read day-first only where that is the convention of
# the separator (25.08.2013, 25-08-2013); with a slash both orders are common, so such a date
# is read only when one of its numbers cannot be a month.
DAY_FIRST_SEPARATORS = ".-"

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"

DATELINE = re.compile(
    rf"""
    (?P<label>(?:posted|published|updated|last\ updated|first\ published|date\ of\ publication
              |dated?)(?:\s+(?:on|at))?\s*:?\s*)?
    (?:(?P<weekday>{_WEEKDAY})\.?,?\s+)?
    (?:
        (?P<dmy_day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<dmy_month>{_MONTH})\.?,?\s+(?P<dmy_year>\d{{4}})
      | (?P<mdy_month>{_MONTH})\.?\s+(?P<mdy_day>\d{{1,2}}){_ORDINAL}
        (?:,?\s+|,|(?<=\d\d))(?P<mdy_year>\d{{4}})
      | (?P<iso_year>\d{{4}})(?P<iso_sep>[-/.])(?P<iso_month>\d{{1,2}})(?P=iso_sep)(?P<iso_day>\d{{1,2}})
      | (?P<num_a>\d{{1,2}})(?P<num_sep>[-/.])(?P<num_b>\d{{1,2}})(?P=num_sep)(?P<num_year>\d{{4}})
    )
    (?!\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)

# What may follow a dateline on a line of its own: a time, perhaps with a zone.
TIME_TAIL = re.compile(
    r"[\s,|\-–—]*(?:(?:at\s+)?\d{1,2}[:.h]?\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?)?\s*",
    re.IGNORECASE,
)

LINE = re.compile(r"[^\r\n]*")


def find_dateline(text: str) -> Dateline | None:
    """The publication date stated at the top of `text`, with the words it was read from."""
    first = True
    for line in LINE.finditer(text, 0, TOP):
        if not line.group().strip():
            continue
        start = line.start() + len(line.group()) - len(line.group().lstrip())
        match = DATELINE.match(text, start)
        if match and (first or _stands_alone(match, text)):
            return _dateline(match)
        first = False
    return _embedded(text)


def _embedded(text: str) -> Dateline | None:
    """A dateline run into the top line of a scraped page ("... Monitor AFP Saturday 16 Jul 2016 Air
    raids ...", perhaps after a subtitle): taken only when a label ("Date of publication", "Posted
    on") or a weekday that agrees with the date marks it."""
    for match in DATELINE.finditer(text, 0, min(len(text), EMBEDDED_TOP + 60)):
        if match.start() < EMBEDDED_TOP and (match["label"] or match["weekday"]):
            found = _dateline(match)
            if found is not None:
                return found
    return None


def _stands_alone(match: re.Match[str], text: str) -> bool:
    """True when a date below the first line is marked as a dateline or fills its own line."""
    if match["label"]:
        return True
    rest = LINE.match(text, match.end())  # always matches, possibly empty
    line_end = rest.end() if rest else len(text)
    return TIME_TAIL.fullmatch(text, match.end(), line_end) is not None


def _dateline(match: re.Match[str]) -> Dateline | None:
    """The dateline a match describes, or None when the date is impossible or ambiguous."""
    day_month_year = _parts(match)
    if day_month_year is None:
        return None
    day, month, year = day_month_year
    if not 1900 <= year <= 2099:
        return None
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    weekday = match["weekday"]
    if weekday and WEEKDAYS[weekday.casefold()] != found.weekday():
        return None
    return Dateline(found, Span(match.start(), match.end(), match.group()))


def _parts(match: re.Match[str]) -> tuple[int, int, int] | None:
    """Day, month and year as numbers; None for a numeric date that reads two ways."""
    if match["dmy_day"]:
        return int(match["dmy_day"]), MONTHS[match["dmy_month"].casefold()], int(match["dmy_year"])
    if match["mdy_day"]:
        return int(match["mdy_day"]), MONTHS[match["mdy_month"].casefold()], int(match["mdy_year"])
    if match["iso_year"]:
        return int(match["iso_day"]), int(match["iso_month"]), int(match["iso_year"])
    first, second, year = int(match["num_a"]), int(match["num_b"]), int(match["num_year"])
    if match["num_sep"] in DAY_FIRST_SEPARATORS or first > 12:
        return first, second, year
    if second > 12:
        return second, first, year
    return None
