"""Tag lists a scrape ran into the text: "... a monitor said. Tags Syria Russia Idlib safe zone Turkey At
least 28 civilians were killed in airstrikes". The page's topic words are not words of the sentence they
run into: their places, actors and trigger words ("De-escalation", "Airstrikes") tell nothing of its event.

A list starts at "Tags" (or "Tag") after a sentence's end and a capitalised word. It ends where the body
resumes: after a full stop, or at a capitalised word that opens a sentence of news ("The", "A", "At
least", a number) within a tag list's length, before any word only a clause has ("were", "has",
"said", a verb in the past). Failing that, it ends after the capitalised words right after "Tags": a
short cut that may leave some tags in the body but never takes the body's words away. (A tagger reads
tags such as "IS" or "airstrikes" as verbs in the present, so only past forms mark the body.)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

_MARKER = re.compile(r"(?:^|(?<=[.!?\"”] ))Tags? (?=[A-Z])")
_OPENERS = frozenset(
    "The A An At More Some Dozens Hundreds Thousands Scores Several Many One Two Three Four Five Six Seven Eight Nine "
    "Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty Sixty "
    "Seventy Eighty Ninety".split()
)
_OPENER_NEXT = {"At": "least", "More": "than"}  # two-word openers: "At least 28", "More than 19"
_CLAUSE_WORDS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "say"})
LIST_TOKENS = 30  # a tag list is no longer than this


def tag_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character spans of the tag lists in the Doc's text (`text`, as the caller has it), "Tags" included."""
    spans = []
    for marker in _MARKER.finditer(text):
        first = doc.char_span(marker.end(), marker.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        end = _body_start(doc, first.start)
        if end is not None and end > marker.end():
            spans.append((marker.start(), end))
    return spans


def inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def _body_start(doc: Doc, i: int) -> int | None:
    """Where the body resumes after the tags that begin at token `i`, as a character offset."""
    end = min(len(doc), i + LIST_TOKENS)  # the parser's sentences may end inside a tag list: not a bound
    for token in doc[i + 1 : end]:
        if token.text in _CLAUSE_WORDS or (token.tag_ in ("VBD", "VBN") and token.text.islower()):
            break  # the body has begun: "activists say airstrikes have hit", "air raids ... killed"
        if token.text == ".":
            return token.idx + 1
        second = _OPENER_NEXT.get(token.text)
        if token.text in _OPENERS and (second is None or (token.i + 1 < end and doc[token.i + 1].lower_ == second)):
            return token.idx
    # no opener: only the capitalised words right after the marker are surely tags
    j = i
    while j < end and doc[j].text[:1].isupper():
        j += 1
    return doc[j - 1].idx + len(doc[j - 1].text) if j > i else None
