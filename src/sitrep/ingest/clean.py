"""Take site furniture out of scraped article text, keeping every removed span so nothing is lost.

Lines are removed whole (with their line break) by the rules in `data/furniture.toml`, by the
caller's corpus signal (lines repeated across an outlet's articles) and by a few rules about the
shape of a page: junk before the title, repeats of the title, and the related headlines listed in
the page's tail. Blank lines left behind are then tidied. `restore` puts everything back.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from importlib import resources

from ..models import Cleaned, RemovedSpan, Span
from .dates import find_dateline

MAX_LINE_KEY = 200  # longer lines are body text: not counted across articles, never a title
MIN_LETTERS = 4  # a line with fewer letters says nothing (e.g. "in ,")
MAX_TITLE_GAP = 24  # characters allowed between a dateline and the title after it
SENTENCE_END = ".!?…"
CLOSERS = "\"'”’»)]"

REPEATED = ("repeated", "repeated across the outlet's articles")
JUNK_HEADER = ("junk_header", "junk before the title")
REPEATED_TITLE = ("repeated_title", "repeat of the title")
RELATED_HEADLINES = ("related_headlines", "related headline in the page's tail")
WHITESPACE = ("whitespace", "surplus blank lines or surrounding whitespace")

# Words by which a text says it is opinion: a disclaimer sentence anywhere, or a section label
# starting one of the top lines.
OPINION_PHRASE = re.compile(
    r"(?:statements,?\s+)?(?:views|opinions)(?:,?\s+(?:and\s+)?(?:views|opinions))?\s+expressed\b"
    r".{0,120}?\b(?:(?:solely|entirely|only)\s+)?(?:those\s+of\s+the\s+(?:author|writer|columnist)s?"
    r"|(?:the\s+)?(?:author|writer|columnist)(?:s['’]|['’]s)?\s+own)\b",
    re.IGNORECASE,
)
OPINION_LABEL = re.compile(r"(?:opinion|op-?ed|commentary|editorial)(?=\s*(?:[:|–—-]|$))", re.IGNORECASE)
OPINION_LABEL_LINES = 3

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")

Marks = dict[int, tuple[str, str]]  # line index -> rule id and reason of its removal


@dataclass(frozen=True)
class Rule:
    """A furniture rule: lines it matches whole are removed for `reason`."""

    id: str
    reason: str
    tail: bool  # its lines start the page's tail
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Line:
    start: int
    stop: int  # after the line break
    content: str  # the line without its break

    @property
    def blank(self) -> bool:
        return not self.content.strip()

    @property
    def text_start(self) -> int:
        """Source offset of the line's first non-whitespace character."""
        return self.start + len(self.content) - len(self.content.lstrip())

    @property
    def text_end(self) -> int:
        """Source offset just after the line's last non-whitespace character."""
        return self.start + len(self.content.rstrip())


@cache
def load_rules() -> tuple[Rule, ...]:
    """The furniture rules bundled in `sitrep/data/furniture.toml`, in file order."""
    data = tomllib.loads(resources.files("sitrep").joinpath("data/furniture.toml").read_text("utf-8"))
    return tuple(
        Rule(
            id=rule["id"],
            reason=rule["reason"],
            tail=rule["tail"],
            pattern=re.compile("|".join(f"(?:{p})" for p in rule["patterns"]), re.IGNORECASE),
        )
        for rule in data["rule"]
    )


def line_key(line: str) -> str | None:
    """A line's normalised form for counting repeats across articles; None if not eligible."""
    key = " ".join(line.split()).casefold()
    return key if key and len(key) <= MAX_LINE_KEY else None


def line_keys(text: str) -> set[str]:
    """The distinct `line_key`s of a text's lines, as the caller counts them across articles."""
    return {key for key in (line_key(line.content) for line in _split_lines(text)) if key}


def clean(text: str, *, repeated: Collection[str] = frozenset(), title: str | None = None) -> Cleaned:
    """Remove site furniture from `text`; `repeated` holds `line_key`s common across the outlet."""
    given = title if title and title.strip() else None
    lines = _split_lines(text)
    marks = _furniture_marks(lines, repeated)
    first = _mark_junk_header(lines, marks)
    head = None if first is None else _mark_title(lines, marks, first, given)
    header = [i for i in (first, head) if i is not None]
    _mark_related_headlines(lines, marks, body_start=max(header) + 1 if header else 0)
    removed = _removed_spans(text, lines, marks)
    cleaned = _delete(text, removed)
    found_title = given or (lines[head].content.strip() if head is not None else None)
    kind_evidence = _opinion_evidence(text, lines)
    return Cleaned(
        text=cleaned,
        removed=removed,
        title=found_title,
        title_span=_locate_title(cleaned, found_title) if found_title else None,
        kind="opinion" if kind_evidence else "news",
        kind_evidence=kind_evidence,
    )


def restore(cleaned_text: str, removed: Sequence[RemovedSpan]) -> str:
    """The source text: `cleaned_text` with the `removed` spans put back where they were."""
    parts, at, taken = [], 0, 0  # at: offset in the source; taken: offset in cleaned_text
    for span in removed:
        if span.start < at or span.end - span.start != len(span.text):
            raise ValueError(f"removed spans are not sorted, disjoint source spans at {span.start}")
        kept = span.start - at
        parts += [cleaned_text[taken : taken + kept], span.text]
        taken += kept
        at = span.end
    if taken > len(cleaned_text):
        raise ValueError("removed spans reach past the end of the cleaned text")
    return "".join(parts) + cleaned_text[taken:]


def _split_lines(text: str) -> list[_Line]:
    return [_Line(m.start(), m.end(), m.group().rstrip("\r\n")) for m in LINE.finditer(text)]


def _furniture_marks(lines: Sequence[_Line], repeated: Collection[str]) -> Marks:
    """Rule id and reason for each line that a furniture rule or the corpus signal removes."""
    marks: Marks = {}
    for index, line in enumerate(lines):
        if line.blank:
            continue
        rule = _matching_rule(line.content.strip())
        if rule:
            marks[index] = (rule.id, rule.reason)
        elif line_key(line.content) in repeated:
            marks[index] = REPEATED
    return marks


def _matching_rule(stripped: str) -> Rule | None:
    return next((rule for rule in load_rules() if rule.pattern.fullmatch(stripped)), None)


def _mark_junk_header(lines: Sequence[_Line], marks: Marks) -> int | None:
    """Mark the junk lines before the first meaningful line, and return that line."""
    junk: list[int] = []
    for i, line in enumerate(lines):
        if line.blank or i in marks:
            continue
        if not _is_junk(line.content):
            marks.update((j, JUNK_HEADER) for j in junk)
            return i
        junk.append(i)
    return None  # nothing meaningful, so no header to tell apart from junk


def _mark_title(lines: Sequence[_Line], marks: Marks, first: int, title: str | None) -> int | None:
    """Find the title line, from `first` on, and mark its repeats just after it.

    Without a given title the title line is the first meaningful line (or the one after a bare
    dateline) when it is short and more text follows; with one, it is that line if it matches.
    """
    rest = [i for i in range(first, len(lines)) if not lines[i].blank and i not in marks]
    if _is_bare_dateline(lines[first].content) and len(rest) > 1:
        rest = rest[1:]
    head, key = rest[0], line_key(lines[rest[0]].content)
    if key is None or (key != line_key(title) if title is not None else len(rest) < 2):
        return None
    for i in rest[1:]:
        if line_key(lines[i].content) != key:
            break
        marks[i] = REPEATED_TITLE
    return head


def _mark_related_headlines(lines: Sequence[_Line], marks: Marks, body_start: int) -> None:
    """Mark the title-like lines that follow tail furniture at the end of the page.

    The tail is the last stretch of lines that are all blank, removed or title-like; its
    headlines are those after the first line a tail rule removed.
    """
    tail_rules = {rule.id for rule in load_rules() if rule.tail}
    start = len(lines)
    while start > body_start and _in_tail(lines[start - 1], marks.get(start - 1)):
        start -= 1
    tail_begun = False
    for i in range(start, len(lines)):
        mark = marks.get(i)
        if mark is None and tail_begun and not lines[i].blank:
            marks[i] = RELATED_HEADLINES
        tail_begun = tail_begun or (mark is not None and mark[0] in tail_rules)


def _in_tail(line: _Line, mark: tuple[str, str] | None) -> bool:
    return line.blank or mark is not None or _is_headline(line.content.strip())


def _is_headline(stripped: str) -> bool:
    """A short line without final sentence punctuation, like a listed headline."""
    return len(stripped) <= MAX_LINE_KEY and not stripped.rstrip(CLOSERS).endswith(tuple(SENTENCE_END))


def _is_junk(line: str) -> bool:
    letters = (ch for ch in line if ch.isalpha())
    return next(islice(letters, MIN_LETTERS - 1, None), None) is None


def _is_bare_dateline(line: str) -> bool:
    stripped = line.strip()
    dateline = find_dateline(stripped)
    return dateline is not None and dateline.span.start == 0 and _is_junk(stripped[dateline.span.end :])


def _removed_spans(text: str, lines: Sequence[_Line], marks: Marks) -> tuple[RemovedSpan, ...]:
    """Spans for the marked lines and for the whitespace their removal leaves, in source order."""
    spans = [(lines[i].start, lines[i].stop, *mark) for i, mark in marks.items()]
    spans += [(start, stop, *WHITESPACE) for start, stop in _whitespace_cuts(lines, marks)]
    spans.sort()
    merged: list[RemovedSpan] = []
    for start, stop, rule, reason in spans:
        previous = merged[-1] if merged else None
        if previous and rule == WHITESPACE[0] == previous.rule and previous.end == start:
            merged[-1] = RemovedSpan(previous.start, stop, rule, reason, text[previous.start : stop])
        else:
            merged.append(RemovedSpan(start, stop, rule, reason, text[start:stop]))
    return tuple(merged)


def _whitespace_cuts(lines: Sequence[_Line], marks: Collection[int]) -> list[tuple[int, int]]:
    """Source ranges of whitespace to drop among the kept lines.

    Blank lines before the first and after the last filled line go, with the whitespace around
    the text; inside, each run of blank lines is cut down to its first.
    """
    kept = [line for i, line in enumerate(lines) if i not in marks]
    filled = [i for i, line in enumerate(kept) if not line.blank]
    if not filled:
        return [(line.start, line.stop) for line in kept]
    first, last = kept[filled[0]], kept[filled[-1]]
    cuts = [(line.start, line.stop) for line in kept[: filled[0]]]
    cuts.append((first.start, first.text_start))
    previous_blank = False
    for line in kept[filled[0] + 1 : filled[-1]]:
        if line.blank and previous_blank:
            cuts.append((line.start, line.stop))
        previous_blank = line.blank
    cuts.append((last.text_end, last.stop))
    cuts += [(line.start, line.stop) for line in kept[filled[-1] + 1 :]]
    return [(start, stop) for start, stop in cuts if start < stop]


def _delete(text: str, removed: Sequence[RemovedSpan]) -> str:
    parts, at = [], 0
    for span in removed:
        parts.append(text[at : span.start])
        at = span.end
    return "".join(parts) + text[at:]


def _locate_title(cleaned: str, title: str) -> Span | None:
    """Where `title` stands at the start of the cleaned text, or right after a dateline there."""
    words = r"(?<!\w)" + r"\s+".join(map(re.escape, title.split())) + r"(?!\w)"
    pattern = re.compile(words, re.IGNORECASE)
    match = pattern.match(cleaned) or _match_after_dateline(cleaned, pattern)
    return Span(match.start(), match.end(), match.group()) if match else None


def _match_after_dateline(cleaned: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A match of `pattern` just after a dateline that opens the text, past at most a time."""
    dateline = find_dateline(cleaned)
    if dateline is None or dateline.span.start != 0:
        return None
    end = dateline.span.end
    for start in range(end, min(end + MAX_TITLE_GAP, len(cleaned)) + 1):
        match = pattern.match(cleaned, start)
        if match and _is_junk(cleaned[end:start]):
            return match
    return None


def _opinion_evidence(text: str, lines: Sequence[_Line]) -> Span | None:
    """The first words by which the source text says it is opinion, if any."""
    found = []
    top = [line for line in lines if not line.blank][:OPINION_LABEL_LINES]
    for line in top:
        label = OPINION_LABEL.match(text, line.text_start, line.text_end)
        if label:
            found.append(label)
            break
    phrase = OPINION_PHRASE.search(text)
    if phrase:
        found.append(phrase)
    if not found:
        return None
    first = min(found, key=lambda match: match.start())
    return Span(first.start(), first.end(), first.group())
