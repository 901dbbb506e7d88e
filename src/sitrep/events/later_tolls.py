"""A toll told in a sentence of its own ("The official agency placed the death toll at 12", "the death
toll has risen to 85", "25 terrorists were killed", "the attack ... leaving 50 martyrs"): a figure for
the violent record told just before it (within `WINDOW`
sentences), weighed with the record's own by ACLED's rules: an update replaces it; otherwise the
lowest figure stands. A sentence with an event of its own, or one that speaks of a war, a period or an
earlier figure ("the death toll from the six-year conflict", "had initially given a toll of 34"), or
gives no figure ("a doctor confirmed the death toll"), gives none; a change of territory takes none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from ..models import Event, Evidence, Mention, Span
from .amend import amended, told_last
from .candidate import VIOLENT_TYPES
from .coreference import TERRITORY
from .tolls import Toll, fatalities, read_number

WINDOW = 2  # a toll refers to an event told in one of the two sentences before it
_TOLL = re.compile(r"(?i)\b(?:death\s+)?toll\b")
# a figure with no "toll" is the event's when the sentence points back at it ("the attack ... leaving 50
# dead") or opens with it ("25 terrorists were killed and scores were injured"), and tells of no other
_REFERS = re.compile(r"(?i)\bthe\s+(?:attacks?|strikes?|air\s*strikes?|raids?|blasts?|explosions?|bombings?|shelling|operation|assault|clashes|fighting)\b")
_ANOTHER = re.compile(r"(?i)\b(?:more(?!\s+than)|also|another|other|last|of\s+the\s+dead|photo(?:graph)?s?)\b")
_NOT_THE_EVENTS = re.compile(
    r"(?i)\b(?:conflict|war|uprising|revolution|crisis|since|years?|months?|weeks?|initial(?:ly)?|earlier|previous(?:ly)?|first|overall|total)\b"
)


def later_tolls(events: Sequence[Event], doc: Doc, told: set[int], title_end: int) -> list[Event]:
    """The events with the tolls stated in sentences of their own (see the module); `told`: the starts of
    the sentences that hold a candidate event, kept or rejected."""
    starts = [s.start_char for s in doc.sents]
    out = list(events)
    for n, sent in enumerate(doc.sents):
        text = sent.text
        if sent.start_char in told or sent.start_char < title_end or _NOT_THE_EVENTS.search(text):
            continue
        toll = fatalities(text, offset=sent.start_char)
        if toll is None or toll.kind not in ("event", "update") or not _stated(toll):
            continue
        if not (_TOLL.search(text) or _REFERS.search(text) or toll.start == sent.start_char) or _ANOTHER.search(text):
            continue
        i = told_last(out, starts, n - WINDOW, n - 1, lambda e: e.event_type in VIOLENT_TYPES and e.sub_event_type not in TERRITORY)
        if i is not None:
            out[i] = _weighed(out[i], toll, Span(sent.start_char, sent.end_char, text))
    return out


def _stated(toll: Toll) -> bool:
    """Whether the toll is a figure stated as one (digits or a number word), not "a doctor", "several"."""
    word = toll.text.split()[-1]
    return word.casefold() not in ("a", "an") and read_number(word) is not None


def _weighed(event: Event, toll: Toll, sentence: Span) -> Event:
    """The event with the toll, if it takes it; the sentence then becomes one of its mentions."""
    if toll.kind != "update" and event.fatalities is not None and event.fatalities <= toll.fatalities:
        return event  # the lowest figure stands
    how = "an update replaces the earlier figure" if toll.kind == "update" else "the lowest figure stands"
    why = f"toll {toll.fatalities} told after the event in a sentence of its own ({toll.text!r}): {how}"
    figure = Span(toll.start, toll.end, toll.text)
    mentions = tuple(sorted((*event.mentions, Mention(sentence, figure, event.sub_event_type)), key=lambda m: m.trigger.start))
    return amended(event, Evidence("fatalities", figure), why, fatalities=toll.fatalities, civilian_fatalities=toll.civilians, mentions=mentions)
