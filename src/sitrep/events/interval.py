"""Events told in an "N days after" or "N days before" clause lie that far from their sentence's date:
"the bodies were found on Friday two days after militants kidnapped them" puts the kidnapping on
the Wednesday; "the strike came a week before the talks opened" puts the opening a week after it.
Hours ("hours after") keep the day. And date words inside such a clause, or one opened by "since",
that does not hold the trigger date that clause only ("... a pilot who parachuted down after his plane
crashed on Friday" does not date the strikes).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .syntax import in_sentence
from .tolls import read_number
from .when import HISTORY_DAYS, EventDate

UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
DIRECTION = {"after": -1, "before": 1}  # the clause's event lies before (after) the sentence's date
APART_MARKS = frozenset({*DIRECTION, "since"})  # a clause these open tells another event than the one it hangs on


def offset(trigger: Token, sent: SpacySpan) -> tuple[timedelta, str] | None:
    """How far the trigger's event lies from the sentence's date, with the words that say so; None
    when the trigger is in no "N days after/before" clause. The clause is an adverbial clause opened
    by "after"/"before" ("two days after militants kidnapped them") or the object of the preposition
    ("a week after the fall of Palmyra"), with the duration on its verb or on the preposition."""
    node = trigger
    while in_sentence(node, sent):
        marker = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in DIRECTION), None)
        holder = node
        if marker is None and node.dep_ == "pobj" and node.head.lower_ in DIRECTION:
            marker = holder = node.head
        if marker is not None:
            found = _duration(holder)
            if found is None:
                return None
            days, words = found
            return timedelta(days=days * DIRECTION[marker.lower_]), f"{words} {marker.text}"
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def dated_apart(trigger: Token, when: EventDate) -> bool:
    """Whether the sentence's date words stand in a clause opened by "after", "before" or "since" that
    does not hold the trigger: they date that clause's event ("the strikes seemed to be in retaliation
    for the killing of a pilot who parachuted down after his plane crashed on Friday")."""
    if when.start is None or when.end is None or when.reported:
        return False
    span = trigger.doc.char_span(when.start, when.end, alignment_mode="expand")
    node = span.root if span is not None else None
    while node is not None and node.head.i != node.i:
        if node.left_edge.i <= trigger.i <= node.right_edge.i:
            return False
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in APART_MARKS for c in node.children):
            return True
        node = node.head
    return False


def _duration(holder: Token) -> tuple[int, str] | None:
    """Days and words of a duration ("two days", "a week") that modifies a clause or preposition."""
    for child in holder.children:
        if child.dep_ != "npadvmod" or child.lower_ not in UNIT_DAYS:
            continue
        count = next((c for c in child.children if c.dep_ in ("nummod", "det")), None)
        number = read_number(count.text) if count is not None else None  # "a", "one", "two", "10"
        if count is not None and number:
            return number * UNIT_DAYS[child.lower_], f"{count.text} {child.text}"
    return None


def shifted(when: EventDate, by: tuple[timedelta, str], published: date | None) -> EventDate:
    """The sentence's date moved to the clause's event (its days too: the report's day moved, when the
    sentence has no date words), history counted again from publication."""
    delta, words = by
    if when.date is None:
        return when
    moved = when.date + delta
    first = when.first + delta if when.first else moved  # a sentence with no date words: the report's day
    last = when.last + delta if when.last else moved
    historical = published is not None and last < published - timedelta(days=HISTORY_DAYS)
    why = f"{when.why}; moved by '{words}' to the clause's event"
    return replace(when, date=moved, first=first, last=last, historical=historical, why=why)
