"""The days each kind of date expression names (`when.py` finds the expressions and picks one):
read from the expression's match and the publication date, never from the clock.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.dates import DAY_FIRST_SEPARATORS, MONTHS, WEEKDAYS
from .tolls import read_number


@dataclass(frozen=True)
class DaySpan:
    """Days a date expression names (None when it cannot be placed without a publication date)."""

    first: date | None
    last: date | None
    why: str
    future: bool = False
    precision: int | None = None  # when the expression fixes it (a month is 3 even if clamped)


# Day-long phrases and the days they lie from the publication date.
RELATIVE_DAYS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "earlier today": 0, "today": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0, "yesterday": -1,
    "last night": -1, "late last night": -1, "the previous day": -1, "the day before": -1,
    "the previous night": -1, "the night before": -1, "a day earlier": -1, "tomorrow": 1,
}  # fmt: skip


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


def _read_date(match: re.Match[str], published: date | None) -> DaySpan | None:
    """A single day: "5 April 2017", "April 5", "2017-04-05", "13/4/2017"."""
    if match["iy"]:
        day = _date(int(match["iy"]), int(match["im"]), int(match["id"]))
        return DaySpan(day, day, "a date") if day else None
    if match["na"]:
        a, b = int(match["na"]), int(match["nb"])
        if match["ns"] not in DAY_FIRST_SEPARATORS and a <= 12 and b <= 12 and a != b:
            return None  # 5/4/2017 reads two ways
        if match["ns"] in DAY_FIRST_SEPARATORS or a > 12 or a == b:
            day = _date(int(match["ny"]), b, a)
        else:
            day = _date(int(match["ny"]), a, b)
        return DaySpan(day, day, "a date") if day else None
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
    return DaySpan(day, day, why)


def _read_range(match: re.Match[str], published: date | None) -> DaySpan | None:
    """A range of days: "between 3 and 5 April", "30 March to 2 April 2017", "April 3-5"."""
    d1, d2 = (int(re.sub(r"\D", "", match[g])) for g in ("d1", "d2"))
    m2 = _month(match["m2"]) if match["m2"] else _month(match["m1"])
    m1 = _month(match["m1"]) if match["m1"] else m2
    if match["y"]:
        year2 = int(match["y"])
    else:
        end = _on_or_before(published, m2, d2) if _date(2000, m2, d2) else None
        if end is None:
            return DaySpan(None, None, "a range of days") if published is None else None
        year2 = end.year
    year1 = year2 - 1 if (m1, d1) > (m2, d2) else year2
    first, last = _date(year1, m1, d1), _date(year2, m2, d2)
    if first is None or last is None or first > last or (last - first).days > 62:
        return None
    return DaySpan(first, last, "a range of days")


def _read_month_year(match: re.Match[str], published: date | None) -> DaySpan | None:
    first, last = _month_span(int(match["y"]), _month(match["m"]), match["part"])
    return DaySpan(first, last, "a month and year", precision=3 if not match["part"] else None)


def _read_month(match: re.Match[str], published: date | None) -> DaySpan | None:
    """A month named without a year: the most recent such month (or next one, "next May")."""
    month = _month(match["m"])
    year = _recent_month(published, month)
    if year is None:
        return DaySpan(None, None, "a month")
    rel = (match["rel"] or "").casefold()
    assert published is not None
    if rel == "next" or (rel == "this" and month > published.month):
        year = published.year if month > published.month else published.year + 1
        first, last = _month_span(year, month)
        return DaySpan(first, last, "a month to come", future=True, precision=3)
    if rel == "last" and month == published.month:
        year -= 1
    first, last = _month_span(year, month, match["part"])
    why = "since a month" if match["since"] else "a month: the most recent"
    return DaySpan(first, last, why, precision=3 if not match["part"] else None)


# The months a part of a year covers: "early 2014", "in the middle of 2015", "late 2014"
_YEAR_PARTS = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (10, 12)}


def _read_year(match: re.Match[str], published: date | None) -> DaySpan | None:
    """A year ("in 2013", "since 2012", "in the 1967 war"), or a part of one ("in late 2014")."""
    year = int(match["y"])
    part = next((months for word, months in _YEAR_PARTS.items() if match["part"] and word in match["part"].casefold()), None)
    if part is None:
        return DaySpan(date(year, 1, 1), date(year, 12, 31), "since a year" if match["since"] else "a year", precision=3)
    return DaySpan(date(year, part[0], 1), date(year, part[1], calendar.monthrange(year, part[1])[1]), "a part of a year", precision=3)


# A verb of the future shortly before a bare weekday: "will begin Monday", "is due to resume on Friday"
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|is\s+due|are\s+due|is\s+expected|are\s+expected|is\s+set|are\s+set|scheduled)"
    r"(?:\s+[\w-]+){0,4}?\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _read_weekday(match: re.Match[str], published: date | None) -> DaySpan | None:
    """A weekday: the most recent on or before publication; "last" before it, "next" after it."""
    if published is None:
        return DaySpan(None, None, "a weekday")
    weekday = WEEKDAYS[match["wd"].casefold()]
    rel = (match["rel"] or "").casefold()
    back = (published.weekday() - weekday) % 7
    if rel in ("next", "coming") or (not rel and _FUTURE_BEFORE.search(match.string, 0, match.start())):
        # "next Monday"; "the ceasefire will begin Monday": the coming one
        day = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
        return DaySpan(day, day, f"next {match['wd']}", future=True)
    if rel in ("last", "past") and back == 0:
        back = 7
    day = published - timedelta(days=back)
    return DaySpan(day, day, f"{match['wd']}: the most recent on or before publication")


def _read_relative_day(match: re.Match[str], published: date | None) -> DaySpan | None:
    shift = RELATIVE_DAYS[" ".join(match.group().casefold().split())]
    if published is None:
        return DaySpan(None, None, match.group())
    day = published + timedelta(days=shift)
    return DaySpan(day, day, f"'{match.group()}' counted from publication", future=shift > 0)


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


def _read_ago(match: re.Match[str], published: date | None) -> DaySpan | None:
    """ "two days ago", "a week ago", "three months ago"."""
    if published is None:
        return DaySpan(None, None, "a time ago")
    low, high = _count(match["n"])
    first, last = _back(published, match["u"], low, high)
    precision = 3 if match["u"].casefold().startswith(("month", "year")) else None
    return DaySpan(first, last, f"'{match.group()}' counted from publication", precision=precision)


def _read_past(match: re.Match[str], published: date | None) -> DaySpan | None:
    """ "over the past week", "in the last three days", "the past months": up to publication."""
    if published is None:
        return DaySpan(None, None, "a recent period")
    low, high = _count(match["n"]) if match["n"] else (1, 1)
    unit = match["u"].casefold().rstrip("s")
    if match["u"].casefold().endswith("s") and not match["n"]:
        high = 3 if unit != "day" else 6  # "the past days", "the past weeks": a few
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * high
    first = published - timedelta(days=days - 1)
    precision = 3 if unit in ("month", "year") or days > 7 else None
    return DaySpan(first, published, f"'{match.group()}' up to publication", precision=precision)


def _read_recent(match: re.Match[str], published: date | None) -> DaySpan | None:
    if published is None:
        return DaySpan(None, None, "recent days")
    return DaySpan(published - timedelta(days=6), published, "recent days: the week up to publication")


def _read_coming(match: re.Match[str], published: date | None) -> DaySpan | None:
    """ "within a week", "within a single week", "in the coming days", "over the next two months":
    the days after publication."""
    words = " ".join(match.group().casefold().split())
    if not any(w in words for w in ("within", "coming", "next")):
        return None  # "in a week", "over days": not a span ahead
    if published is None:
        return DaySpan(None, None, "a time to come", future=True)
    low, high = _count(match["n"]) if match["n"] else (1, 1)
    unit = match["u"].casefold().rstrip("s")
    if match["u"].casefold().endswith("s") and not match["n"]:
        high = 6 if unit == "day" else 3  # "the coming days", "the coming weeks": a few
    days = {"day": 1, "week": 7, "month": 30}[unit] * high
    precision = 1 if days <= 1 else 2 if days <= 7 else 3
    return DaySpan(published + timedelta(days=1), published + timedelta(days=days), f"'{match.group()}' after publication",
                 future=True, precision=precision)  # fmt: skip


def _read_period(match: re.Match[str], published: date | None) -> DaySpan | None:
    """ "last week", "this month", "over the weekend", "earlier this year", "next week"."""
    if published is None:
        return DaySpan(None, None, match.group())
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
        return DaySpan(saturday, saturday + timedelta(days=1), "a weekend", future=future)
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
    return DaySpan(first, last, f"'{match.group()}' counted from publication", future=future, precision=precision)


READERS: dict[str, Callable[[re.Match[str], date | None], DaySpan | None]] = {
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