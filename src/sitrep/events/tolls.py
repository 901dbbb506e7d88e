"""Read the death toll a sentence reports, by ACLED's rules for reported fatalities.

A figure counts when a death word stands next to it: "12 people were killed", "killing three
civilians", "the death toll rose to 20". Rules (vocabulary and vague counts: data/toll_words.toml):

- ranges and conflicting figures give the lowest ("between 10 and 15" -> 10, "7 or 8" -> 7);
  a figure with a number is preferred to a vague one ("dozens", "people were killed");
- figures listed together for one death word are added ("3 soldiers and 4 civilians were killed"
  -> 7); a figure after "including" is a part of the toll, never added;
- vague quantities get ACLED's counts: tens 10, dozens 12, hundreds 100, an unspecified plural 3;
- an attacker who "killed himself" or "blew himself up" is one more death (ACLED counts every
  reported death, perpetrators included): "a suicide bomber killed himself and 4 others" -> 5; alone,
  the attacker's death is a part of the event's toll, not the toll;
- "no one was killed", "no casualties" -> 0; injuries never count as deaths and are kept apart;
  a sentence that reports only injuries gives 0 fatalities with its `injured` count and kind
  "injuries" (it does not say that nobody died).

Each toll also says what it counts (`kind`, words in the toml's [context]): the event's own
("event"), an update of an earlier figure ("the death toll rose to 20": "update"), a part of a toll
given elsewhere ("six children were among those killed": "part"), or a sum over a period or a war
("since 2011", "the war that has killed 250,000", "from March 2011 to June 2016", "more than 300,000
people have been killed": "summed"), which is never one event's.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from ..ingest.dates import MONTHS, WEEKDAYS


@dataclass(frozen=True)
class Toll:
    """The fatalities a sentence reports, with the words they were read from."""

    fatalities: int
    civilians: int | None  # how many of them are stated to be civilians
    injured: int | None
    start: int  # offsets (in the full text) of the figure words
    end: int
    text: str
    vague: bool  # True when the count is a convention ("dozens" -> 12), not a stated number
    why: str
    kind: str = "event"  # "event" | "update" | "part" | "summed" | "injuries": what the figure counts
    people: bool = False  # the dead are told as people or civilians, not as fighters


@dataclass(frozen=True)
class _Figure:
    value: int
    start: int  # offsets into the sentence
    end: int
    vague: bool
    civilians: int | None
    why: str


@dataclass(frozen=True)
class _Vocab:
    numbers: dict[str, int]
    multipliers: dict[str, int]
    phrases: dict[str, int]
    vague: dict[str, int]
    qualifiers: re.Pattern[str]
    quantity: re.Pattern[str]  # a whole quantity: "at least 7", "between 10 and 15", "dozens of"
    item: re.Pattern[str]  # a quantity and the nouns after it
    after: re.Pattern[str]  # figure, then a death word
    death_word: re.Pattern[str]  # a death word of `after`: without one, `after` is not tried (it is slow to fail)
    before: re.Pattern[str]  # death word, then figures
    lives: re.Pattern[str]  # "claiming two lives"
    toll: re.Pattern[str]
    self_and: re.Pattern[str]
    self_death: re.Pattern[str]
    injury_after: re.Pattern[str]
    injury_word: re.Pattern[str]  # as `death_word`, for `injury_after`
    injury_before: re.Pattern[str]
    including: re.Pattern[str]
    plural_subject: re.Pattern[str]
    plural_object: re.Pattern[str]
    plural_noun: re.Pattern[str]
    no_deaths: re.Pattern[str]
    update: re.Pattern[str]
    people: re.Pattern[str]  # right after a figure: the dead are people ("20 people", "12 persons")
    part_before: re.Pattern[str]
    part_after: re.Pattern[str]
    period: re.Pattern[str]
    war_before: re.Pattern[str]  # "the war that has killed": before a figure
    war_after: re.Pattern[str]  # "killed in the conflict": after a figure
    plural_victims: re.Pattern[str]
    singular_victims: re.Pattern[str]
    civilian_nouns: re.Pattern[str]
    object_follows: re.Pattern[str]
    passive_words: frozenset[str]
    transitive: frozenset[str]


PLURAL = "unspecified plural"
PASSIVE = (
    "were", "was", "been", "being", "are", "is", "be", "get", "got", "reportedly", "allegedly",
    "also", "all", "later", "apparently", "confirmed", "subsequently", "then",
)  # fmt: skip
UNITS = (
    "days?|hours?|weeks?|months?|years?|minutes?|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?"
    "|percent|per\\s+cent|%|am|pm|a\\.m\\.|p\\.m\\.|o'clock|times"
)


def fatalities(sentence: str, offset: int = 0) -> Toll | None:
    """The toll `sentence` reports, or None when it reports neither deaths nor injuries.

    `offset` is where the sentence starts in the full text; the returned offsets are in it.
    """
    vocab = _vocab()
    including = [(m.start("q"), m.end("q")) for m in vocab.including.finditer(sentence)]
    figures = [f for f in _stated_figures(sentence, vocab) if not _inside(f.start, including)]
    none = vocab.no_deaths.search(sentence) if not figures else None
    if none is None and not figures:
        figures = list(_plural_figures(sentence, vocab))
    injured = _lowest(_injury_figures(sentence, vocab))
    self_death = vocab.self_death.search(sentence)
    chosen = _choose(figures)
    if chosen is None and self_death is not None:
        chosen = _Figure(1, self_death.start(), self_death.end(), False, None, "the attacker killed himself")
    elif chosen is not None and self_death is not None and "himself" not in chosen.why:
        chosen = _Figure(
            chosen.value + 1, chosen.start, chosen.end, chosen.vague, chosen.civilians,
            f"{chosen.why}, plus the attacker who killed himself",
        )  # fmt: skip
    if chosen is None:
        if none is not None:
            hurt = re.search(r"hurt|injur|casualt|harm", none.group(), re.IGNORECASE)
            count = 0 if hurt else injured.value if injured else None
            return _toll(sentence, offset, 0, None, count, none.start(), none.end(), False,
                         f"'{none.group()}': nobody died")  # fmt: skip
        if injured is None:
            return None
        only = _toll(sentence, offset, 0, None, injured.value, injured.start, injured.end,
                     injured.vague, f"only injuries reported ({injured.why})")  # fmt: skip
        return replace(only, kind="injuries")
    if "himself" in chosen.why and chosen.value == 1:
        # "a first attacker blew himself up": the bomber's own death is one of the event's, not its toll
        own = _toll(sentence, offset, 1, None, injured.value if injured else None, chosen.start, chosen.end, False, chosen.why)
        return replace(own, kind="part")
    civilians = chosen.civilians
    if civilians is None:
        parts = [_item_civilians(sentence[m.start("q") : m.end()], vocab) for m in vocab.including.finditer(sentence)]
        found = [p for p in parts if p]
        civilians = min(max(found), chosen.value) if found else None
    return _toll(sentence, offset, chosen.value, civilians, injured.value if injured else None,
                 chosen.start, chosen.end, chosen.vague, chosen.why)  # fmt: skip


def read_number(words: str) -> int | None:
    """The value of a number written in digits or words ("1,200", "twenty-three", "a dozen")."""
    vocab = _vocab()
    text = " ".join(words.replace("-", " ").split()).casefold()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return int(text.replace(",", ""))
    if text in vocab.phrases:
        return vocab.phrases[text]
    total, current = 0, 0
    parts = [w for w in text.split() if w != "and"]
    if not parts:
        return None
    for index, word in enumerate(parts):
        if word in vocab.multipliers:
            factor = vocab.multipliers[word]
            if factor < 1000:
                current = (current or 1) * factor
            else:
                total, current = total + (current or 1) * factor, 0
        elif word in vocab.numbers:
            value = vocab.numbers[word]
            low = current % 100
            if word in ("a", "an") and (index + 1 >= len(parts) or parts[index + 1] not in vocab.multipliers):
                return None if len(parts) > 1 else 1
            if low == 0 or (low >= 20 and low % 10 == 0 and value < 10):
                current += value
            else:
                return None
        else:
            return None
    return total + current


def _toll(sentence: str, offset: int, value: int, civilians: int | None, injured: int | None,
          start: int, end: int, vague: bool, why: str) -> Toll:  # fmt: skip
    vocab = _vocab()
    kind, reason = _kind(sentence, start, end, vocab)
    why = f"{why}; {reason}" if reason else why
    people = bool(civilians) or vocab.people.match(sentence, end) is not None
    return Toll(value, civilians, injured, offset + start, offset + end, sentence[start:end], vague, why, kind, people)


SUM_BEFORE, SUM_AFTER, PART_BEFORE, PART_AFTER = 60, 80, 25, 40  # characters around a figure its context is sought in
RUNNING_TOTAL = 1000  # a figure this large told in the perfect ("have been killed") is a running total
# "... have been killed", "... has died": a tally up to now, not what one event did
_RUNNING = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:have|has)\s+(?:\w+ly\s+)?(?:been\s+killed|died|lost\s+their\s+lives|perished)\b", re.IGNORECASE
)
# "from March 2011 to June 2016", "between 2011 and 2016": a stretch of months or years
_SPAN = re.compile(
    r"\b(?:from|between)\s+(?:\w+\s+)?(?:19|20)\d\d\s+(?:to|until|and|through)\s+(?:\w+\s+)?(?:19|20)\d\d\b", re.IGNORECASE
)


def _figure_value(words: str) -> int:
    """The number in a figure's words ("More than 300000" → 300000), 0 when there is none."""
    digits = re.sub(r"[^\d]", "", words)
    return int(digits) if digits else 0


def _kind(sentence: str, start: int, end: int, vocab: _Vocab) -> tuple[str, str]:
    """What the figure at sentence[start:end] counts, and the words that say so ("" for the event's own)."""
    war = vocab.war_before.search(sentence, max(0, start - SUM_BEFORE), start) or vocab.war_after.search(
        sentence, end, end + SUM_AFTER
    )
    if war is not None:
        return "summed", f"a war's toll ('{war.group()}'), not one event's"
    period = vocab.period.search(sentence[max(0, start - SUM_BEFORE) : end + SUM_AFTER]) or _SPAN.search(sentence)
    if period is not None:
        return "summed", f"summed over a period ('{period.group()}'), not one event's"
    running = _RUNNING.match(sentence, end)
    if running is not None and _figure_value(sentence[start:end]) >= RUNNING_TOTAL:
        return "summed", f"a running total ('{sentence[start:end]}{running.group()}'), not one event's"
    update = vocab.update.search(sentence, max(0, start - SUM_BEFORE), end)
    if update is not None:
        return "update", f"an updated figure ('{update.group()}')"
    part = vocab.part_before.search(sentence, max(0, start - PART_BEFORE), start) or vocab.part_after.search(
        sentence, end, end + PART_AFTER
    )
    if part is not None:
        return "part", f"a part of a toll given elsewhere ('{part.group()}')"
    more = _MORE.match(sentence, end)
    if more is not None:
        return "part", f"dead besides those of a toll given elsewhere ('{sentence[start:end]}{more.group()}')"
    return "event", ""


def _choose(figures: list[_Figure]) -> _Figure | None:
    """The stated figure with the lowest count; a vague one only when no number is stated. Figures
    told after one they add up to are its breakdown, not other counts ("19 men were executed, 18 shot
    dead and one beheaded")."""
    exact = [f for f in figures if not f.vague]
    wholes = [w for w in exact if _broken_down(w, [f for f in exact if f.start > w.start])]
    parts = {id(f) for w in wholes for f in exact if f.start > w.start}
    exact = [f for f in exact if id(f) not in parts]
    return _lowest(exact) or _lowest(figures)


def _broken_down(whole: _Figure, after: list[_Figure]) -> bool:
    """Whether two or more figures told after `whole` add up to it."""
    return len(after) >= 2 and sum(f.value for f in after) == whole.value


def _lowest(figures: Iterable[_Figure]) -> _Figure | None:
    return min(figures, key=lambda f: (f.value, f.start), default=None)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _stated_figures(sentence: str, vocab: _Vocab) -> Iterator[_Figure]:
    """The death figures stated with a quantity, each with the rule that read it."""
    for match in vocab.self_and.finditer(sentence):
        figure = _list_figure(sentence, match.start("list"), match.end("list"), vocab, "the attacker himself and")
        if figure is not None:
            yield _Figure(figure.value + 1, figure.start, figure.end, figure.vague, figure.civilians, figure.why)
    for match in vocab.after.finditer(sentence) if vocab.death_word.search(sentence) else ():
        if _active(sentence, match, vocab):
            continue
        figure = _after_figure(sentence, match, vocab)
        if figure is not None:
            yield figure
    for match in vocab.before.finditer(sentence):
        figure = _list_figure(sentence, match.start("list"), match.end("list"), vocab, f"after '{match['w']}'")
        if figure is not None:
            yield figure
    for match in vocab.lives.finditer(sentence):
        value, vague = _quantity(match["q"], vocab)
        if value is not None:
            yield _Figure(value, match.start("q"), match.end("q"), vague, None, f"'{match.group()}'")
    for match in vocab.toll.finditer(sentence):
        if match["q"].casefold() in ("a", "an"):
            continue  # "confirmed the death toll to an AFP correspondent": an article, no figure
        value, vague = _quantity(match["q"], vocab)
        if value is not None:
            yield _Figure(value, match.start("q"), match.end("q"), vague, None, f"death toll '{match.group()}'")


def _plural_figures(sentence: str, vocab: _Vocab) -> Iterator[_Figure]:
    """Deaths reported without a quantity ("civilians were killed"): ACLED's plural count."""
    plural = vocab.vague[PLURAL]
    for match in vocab.plural_subject.finditer(sentence):
        if not _active(sentence, match, vocab):
            civ = plural if vocab.civilian_nouns.fullmatch(match["n"]) else None
            yield _Figure(plural, match.start(), match.end(), True, civ, f"unspecified plural '{match.group()}'")
    for match in vocab.plural_object.finditer(sentence):
        civ = plural if vocab.civilian_nouns.fullmatch(match["n"]) else None
        yield _Figure(plural, match.start(), match.end(), True, civ, f"unspecified plural '{match.group()}'")
    for match in vocab.plural_noun.finditer(sentence):
        yield _Figure(plural, match.start(), match.end(), True, None, f"unspecified plural '{match.group()}'")


def _injury_figures(sentence: str, vocab: _Vocab) -> Iterator[_Figure]:
    for match in vocab.injury_after.finditer(sentence) if vocab.injury_word.search(sentence) else ():
        if not _active(sentence, match, vocab):
            figure = _after_figure(sentence, match, vocab)
            if figure is not None:
                yield figure
    for match in vocab.injury_before.finditer(sentence):
        figure = _list_figure(sentence, match.start("list"), match.end("list"), vocab, f"after '{match['w']}'")
        if figure is not None:
            yield figure


def _active(sentence: str, match: re.Match[str], vocab: _Vocab) -> bool:
    """True when the death word is an active verb with an object ("gunmen killed 3 ..."): then the
    figure before it counts the killers, not the dead."""
    word = " ".join(match["w"].split()).casefold()
    if word not in vocab.transitive:
        return False
    previous = sentence[: match.start("w")].split()
    if previous and previous[-1].casefold() in vocab.passive_words:
        return False
    return vocab.object_follows.match(sentence, match.end("w")) is not None


def _after_figure(sentence: str, match: re.Match[str], vocab: _Vocab) -> _Figure | None:
    """The figure of a "figure, then death word" match, adding the figures listed before it."""
    value, vague = _quantity(match["q"], vocab)
    if value is None or re.search(r"(?<!\w)no\s+$", sentence[: match.start("q")], re.IGNORECASE):
        return None  # "no one was killed" is read by the no-deaths phrases
    nouns = match["fill"]
    stated = _quantity_word(match["q"], vocab)
    if stated in ("a", "an") and not vocab.singular_victims.search(nouns):
        return None  # "a car bomb killed": not a victim
    if re.fullmatch(r"(?:19|20)\d\d", stated) and not _victims(nouns, vocab):
        return None  # a year, not a count
    civilians = value if vocab.civilian_nouns.search(nouns) else None
    start, total, why = match.start("q"), value, f"'{sentence[match.start('q') : match.end()]}'"
    if match["list"]:
        earlier = _list_figure(sentence, match.start("list"), match.end("list"), vocab, "listed")
        if earlier is not None and _victims(match["list"], vocab):
            start, total = earlier.start, earlier.value + value
            vague = vague or earlier.vague
            if earlier.civilians is not None or civilians is not None:
                civilians = (earlier.civilians or 0) + (civilians or 0)
            why = f"'{match.group()}': the listed figures added"
        elif earlier is not None and _bare_alternative(match["list"], vocab):
            # "10 and 15 people were killed": alternatives, the lowest
            start, total = earlier.start, min(earlier.value, value)
            why = f"'{match.group()}': the lowest figure"
    return _Figure(total, start, match.end("q"), vague, civilians, why)


def _bare_alternative(listed: str, vocab: _Vocab) -> bool:
    """True for a bare number joined by "and"/"or" to the next ("10 and 15 people"), not a year."""
    bare = re.fullmatch(r"(.+?)\s+(?:and|or)\s+", listed, re.IGNORECASE)
    return bool(bare and vocab.quantity.fullmatch(bare[1]) and not re.fullmatch(r"(?:19|20)\d\d", bare[1]))


def _list_figure(sentence: str, start: int, end: int, vocab: _Vocab, why: str) -> _Figure | None:
    """The figures listed between `start` and `end` ("3 soldiers and 4 civilians"), added up."""
    total, civilians, vague = 0, 0, False
    first: int | None = None
    last = start
    for index, item in enumerate(vocab.item.finditer(sentence, start, end)):
        value, item_vague = _quantity(item["q"], vocab)
        nouns = item["fill"] or ""
        if value is None:
            break
        stated = _quantity_word(item["q"], vocab)
        if stated in ("a", "an") and not vocab.singular_victims.search(nouns):
            break
        if index and not _victims(nouns, vocab):
            break
        first = item.start("q") if first is None else first
        total += value
        vague = vague or item_vague
        civilians += value if vocab.civilian_nouns.search(nouns) else 0
        last = item.end("q") if not index else item.end()
    if first is None:
        return None
    text = sentence[first:last].strip()
    return _Figure(total, first, first + len(text), vague, civilians or None, f"{why} '{text}'")


def _item_civilians(text: str, vocab: _Vocab) -> int | None:
    item = vocab.item.match(text)
    if item is None or not vocab.civilian_nouns.search(item["fill"] or ""):
        return None
    return _quantity(item["q"], vocab)[0]


def _victims(nouns: str, vocab: _Vocab) -> bool:
    return bool(vocab.plural_victims.search(nouns) or vocab.singular_victims.search(nouns))


def _quantity_word(text: str, vocab: _Vocab) -> str:
    """The quantity without its qualifiers, lower-cased: "at least 7" -> "7"."""
    rest = " ".join(text.split()).casefold()
    while (qualifier := vocab.qualifiers.match(rest)) is not None and qualifier.end() < len(rest):
        rest = rest[qualifier.end() :]
    return rest


def _quantity(text: str, vocab: _Vocab) -> tuple[int | None, bool]:
    """The count a quantity stands for (the lowest of a range) and whether it is vague."""
    rest = _quantity_word(text, vocab)
    if rest in vocab.vague:
        return vocab.vague[rest], True
    between = re.fullmatch(r"between (.+) and (.+)", rest)
    if between:
        values = [read_number(between[1]), read_number(between[2])]
    else:
        whole = read_number(rest)
        if whole is not None:
            return whole, False
        values = [read_number(part) for part in re.split(r"\s*(?:–|\bto\b|\bor\b)\s*|(?<=\d)\s*-\s*(?=\d)", rest)]
    known = [v for v in values if v is not None]
    return (min(known), False) if known else (None, False)


def _alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases (longest first), spaces matching any whitespace."""
    forms = {r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases}
    return "|".join(sorted(forms, key=len, reverse=True))


# "49 fighters were killed and wounded": a count of casualties, of which the dead are not told
COMBINED = r"(?!\s+(?:and|or|and/or)\s+(?:injured|wounded|hurt)(?!\w))"
_MORE = re.compile(r"\s+more(?!\s+than)\b", re.IGNORECASE)  # "four more terrorists were killed"
# "both" counts two ("both soldiers"), not in "both civilians and insurgents", which pairs two kinds
BOTH = r"both(?!\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+and\b)"


@cache
def _vocab() -> _Vocab:
    """The toll vocabulary from `sitrep/data/toll_words.toml`, compiled once."""
    data = tomllib.loads(resources.files("sitrep").joinpath("data/toll_words.toml").read_text("utf-8"))
    words: dict[str, list[str]] = data["words"]
    numbers: dict[str, int] = data["numbers"]
    multipliers: dict[str, int] = data["multipliers"]
    phrases: dict[str, int] = data["phrases"]
    vague: dict[str, int] = data["vague"]

    end = r"(?![\w’']|-[^\W\d_])"  # a number ends here: not "12-year-old", not "5th"
    core = _alternation(w for w in [*numbers, *multipliers] if w not in ("a", "an", "both"))
    core = f"{BOTH}|{core}" if "both" in numbers else core
    article = rf"(?:an?\s+(?:{_alternation(multipliers)}))"
    number_words = (
        rf"(?:{article}|(?:{core})(?![\w’']))"
        rf"(?:(?:\s+|-)(?:{core})(?![\w’'])|(?:(?<=hundred)|(?<=thousand))\s+and\s+(?:{core})(?![\w’']))*"
    )
    digits = r"(?<![\w.,:/])(?:\d{1,3}(?:,\d{3})+|\d+)(?![.,:/]\d|%)"
    number = rf"(?:(?:{_alternation(phrases)}){end}|{digits}{end}|{number_words}{end}|(?:an?|one){end})"
    qualifiers = rf"(?:{_alternation(words['qualifiers'])})\s+"
    vague_words = _alternation(k for k in vague if k != PLURAL)
    quantity = (
        rf"(?:(?:{qualifiers}){{0,2}}(?:between\s+{number}\s+and\s+{number}"
        rf"|{number}(?:\s*(?:-|–|\bto\b|\bor\b)\s*{number})?)|(?:{vague_words}){end})(?!\s+(?:{UNITS})(?!\w))"
    )
    death_after = _alternation(words["death_after"])
    injury_after = _alternation(words["injury_after"])
    months = [m for m in MONTHS if len(m) > 3 and m != "may"] + [w for w in WEEKDAYS if len(w) > 4]
    stop = _alternation([*words["stops"], *months])
    calendar = _alternation(MONTHS)
    filler = rf"(?!(?:{stop}|{death_after}|{injury_after}){end})(?!\d+{end})[\w’'-]+"
    item = rf"(?P<q>{quantity})(?P<fill>(?:\s+{filler}){{0,3}})"
    separator = r"(?:\s*,\s*and\s+|\s*,\s*|(?<!hundred)(?<!thousand)\s+and\s+)"
    listed = rf"(?:{quantity}(?:\s+{filler}){{0,3}}{separator})"
    figures = rf"{item}(?:{separator}{item})*".replace("?P<q>", "").replace("?P<fill>", "")
    after = (
        rf"(?<![\w’'])(?P<list>{listed}*)(?P<q>{quantity})(?P<fill>(?:\s+{filler}){{0,7}}?)"
        rf"(?:\s*,[^,.;:]{{1,60}},(?:\s+{filler}){{0,3}}?"  # an aside: "40 people, most of them civilians, were"
        rf"|\s+(?:including|among\s+them)\s+{quantity}(?:\s+{filler}){{0,3}}?)?"  # "20 people including 13 civilians were"
        rf"\s+(?P<w>{{words}}){end}"
    )
    plural_victims = _alternation(words["plural_victims"])
    flags = re.IGNORECASE
    passive = "|".join(PASSIVE + ("have", "has", "had"))
    objects = _alternation(
        [*numbers, *multipliers, *phrases, *(k for k in vague if k != PLURAL), *words["qualifiers"],
         *words["plural_victims"], *words["singular_victims"], "his", "her", "their", "its", "him", "them"]
    )  # fmt: skip
    no_deaths = _alternation(words["no_deaths"])
    context: dict[str, list[str]] = data["context"]
    wars = _alternation(context["war"])
    return _Vocab(
        numbers=numbers,
        multipliers=multipliers,
        phrases=phrases,
        vague=vague,
        qualifiers=re.compile(qualifiers, flags),
        quantity=re.compile(quantity, flags),
        item=re.compile(item, flags),
        after=re.compile(after.replace("{words}", death_after) + COMBINED, flags),
        death_word=re.compile(rf"(?:{death_after}){end}", flags),
        before=re.compile(rf"(?<![\w’'])(?P<w>{_alternation(words['death_before'])})\s+(?:the\s+)?(?P<list>{figures})", flags),
        lives=re.compile(rf"(?<![\w’'])(?:{_alternation(words['lives_before'])})\s+(?:the\s+)?(?P<q>{quantity})\s+lives(?!\w)", flags),
        toll=re.compile(
            rf"(?<![\w’'])(?:{_alternation(words['toll_nouns'])})(?:\s+[\w’'-]+){{0,8}}?\s+"
            rf"(?:from\s+{number}\s+to\s+)?(?!(?:{qualifiers}){{0,2}}(?:19|20)\d\d{end})"  # not a year
            rf"(?P<q>{quantity})(?!\s+(?:{calendar}){end})",
            flags,
        ),
        self_and=re.compile(
            rf"(?<!\w)(?:killed|killing|kills)\s+(?:himself|herself)\s+and\s+(?P<list>{figures})", flags
        ),
        self_death=re.compile(r"(?<!\w)(?:killed|killing|kills|blew|blowing|blown)\s+(?:himself|herself)(?!\w)", flags),
        injury_after=re.compile(after.replace("{words}", injury_after), flags),
        injury_word=re.compile(rf"(?:{injury_after}){end}", flags),
        injury_before=re.compile(
            rf"(?<![\w’'])(?P<w>{_alternation(words['injury_before'])})\s+(?P<list>{figures})", flags
        ),
        including=re.compile(rf"(?<![\w’'])(?:including|among\s+them|among\s+whom)\s+{item}", flags),
        plural_subject=re.compile(
            rf"(?<![\w’'])(?P<n>{plural_victims})(?:\s+(?:{passive})){{0,3}}\s+(?P<w>{death_after}){end}{COMBINED}", flags
        ),
        plural_object=re.compile(
            rf"(?<![\w’'])(?:killed|killing|kills|executed|executing|massacred|massacring|slaughtered)"
            rf"\s+(?:(?:the|dozens\s+of|many|several|some)\s+)?(?:[^\W\d_]+\s+){{0,2}}?(?P<n>{plural_victims}){end}",
            flags,
        ),
        plural_noun=re.compile(
            r"(?<!\w)(?:causing|caused|cause|causes|resulting\s+in|resulted\s+in|reports\s+of|reported"
            r"|inflicting|inflicted|leaving|left)\s+(?:[^\W\d_]+\s+){0,2}?(?:deaths|fatalities|dead)(?!\w)",
            flags,
        ),
        no_deaths=re.compile(
            rf"(?<!\w)(?:{no_deaths}|no\s+(?:[^\W\d_]+\s+){{0,2}}?(?:were|was|have\s+been|has\s+been|had\s+been)"
            rf"\s+(?:killed|hurt|injured|harmed))(?!\w)",
            flags,
        ),
        people=re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:people|persons|individuals|lives(?!\s+of))(?!\w)", flags),  # "claiming two lives"
        update=re.compile(rf"(?<!\w)(?:{_alternation(context['update'])})(?!\w)", flags),
        part_before=re.compile(rf"(?<!\w)(?:{_alternation(context['part_before'])})(?!\w)", flags),
        part_after=re.compile(rf"(?<!\w)(?:{_alternation(context['part_after'])})(?!\w)", flags),
        period=re.compile(rf"(?<!\w)(?:{_alternation(context['period'])})(?!\w)", flags),
        war_before=re.compile(
            rf"(?<!\w)(?:{wars})(?:\s+(?:in|on|against|of)\s+[\w-]+)?(?:\s*,)?\s+(?:that|which|has|have|had|killed|claimed|left)(?!\w)",
            flags,
        ),
        war_after=re.compile(
            rf"(?<!\w)(?:in|during|of|since)\s+(?:the|its|their|[\w-]+['’]?s)\s+(?:[\w-]+\s+)?(?:{wars})(?!\w)", flags
        ),
        plural_victims=re.compile(rf"(?<!\w)(?:{plural_victims})(?!\w)", flags),
        singular_victims=re.compile(rf"(?<!\w)(?:{_alternation(words['singular_victims'])})(?!\w)", flags),
        civilian_nouns=re.compile(rf"(?<!\w)(?:{_alternation(words['civilians'])})(?!\w)", flags),
        object_follows=re.compile(rf"\s+(?:the\s+)?(?:\d|(?:{objects})(?!\w))", flags),
        passive_words=frozenset(PASSIVE),
        transitive=frozenset(
            ("killed", "executed", "massacred", "murdered", "beheaded", "assassinated", "shot dead",
             "shot and killed", "gunned down", "injured", "wounded", "hurt", "slaughtered")
        ),  # fmt: skip
    )
