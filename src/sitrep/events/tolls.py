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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from .toll_words import PLURAL, TollWords, toll_words


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


def fatalities(sentence: str, offset: int = 0, day: bool = False) -> Toll | None:
    """The toll `sentence` reports, or None when it reports neither deaths nor injuries.

    `offset` is where the sentence starts in the full text; the returned offsets are in it. With `day`
    (the sentence dates what it tells to a day), a war named beside the figure does not make it the
    war's toll ("the conflict, which also saw 33 civilians killed in Aleppo on Thursday"), nor does a
    word of adding up ("a total of 14 were killed ... on Tuesday").
    """
    vocab = toll_words()
    including = [(m.start("q"), m.end("q")) for m in vocab.including.finditer(sentence)]
    figures = [f for f in _stated_figures(sentence, vocab) if not _inside(f.start, including)]
    none = vocab.no_deaths.search(sentence) if not figures else None
    if none is None and not figures:
        figures = list(_plural_figures(sentence, vocab))
    injured = _lowest(_injury_figures(sentence, vocab))
    self_death = vocab.self_death.search(sentence)
    # a figure told as a part ("a rebel commander was also among the dead") is no count of the whole beside one
    wholes = [f for f in figures if vocab.part_after.search(sentence, f.end, f.end + PART_AFTER) is None]
    chosen = _choose(wholes or figures)
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
            return _toll(sentence, offset, day, 0, None, count, none.start(), none.end(), False,
                         f"'{none.group()}': nobody died")  # fmt: skip
        if injured is None:
            return None
        only = _toll(sentence, offset, day, 0, None, injured.value, injured.start, injured.end,
                     injured.vague, f"only injuries reported ({injured.why})")  # fmt: skip
        return replace(only, kind="injuries")
    if "himself" in chosen.why and chosen.value == 1:
        # "a first attacker blew himself up": the bomber's own death is one of the event's, not its toll
        own = _toll(sentence, offset, day, 1, None, injured.value if injured else None, chosen.start, chosen.end, False, chosen.why)
        return replace(own, kind="part")
    civilians = chosen.civilians
    if civilians is None:
        parts = [_item_civilians(sentence[m.start("q") : m.end()], vocab) for m in vocab.including.finditer(sentence)]
        found = [p for p in parts if p]
        civilians = min(max(found), chosen.value) if found else None
    return _toll(sentence, offset, day, chosen.value, civilians, injured.value if injured else None,
                 chosen.start, chosen.end, chosen.vague, chosen.why)  # fmt: skip


def read_number(words: str) -> int | None:
    """The value of a number written in digits or words ("1,200", "twenty-three", "a dozen")."""
    vocab = toll_words()
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


def _toll(sentence: str, offset: int, day: bool, value: int, civilians: int | None, injured: int | None,
          start: int, end: int, vague: bool, why: str) -> Toll:  # fmt: skip
    vocab = toll_words()
    kind, reason = _kind(sentence, start, end, vocab, day)
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


_MORE = re.compile(r"\s+(?:more(?!\s+than)|other)\b", re.IGNORECASE)  # "four more terrorists were killed", "eliminated 49 other terrorists"


def _figure_value(words: str) -> int:
    """The number in a figure's words ("More than 300000" → 300000), 0 when there is none."""
    digits = re.sub(r"[^\d]", "", words)
    return int(digits) if digits else 0


def _kind(sentence: str, start: int, end: int, vocab: TollWords, day: bool) -> tuple[str, str]:
    """What the figure at sentence[start:end] counts, and the words that say so ("" for the event's own)."""
    war = None if day else vocab.war_before.search(sentence, max(0, start - SUM_BEFORE), start) or vocab.war_after.search(
        sentence, end, end + SUM_AFTER
    )
    if war is not None:
        return "summed", f"a war's toll ('{war.group()}'), not one event's"
    running = _RUNNING.match(sentence, end)
    # a tally told in the perfect sums over its period however far the words come ("213 civilians have
    # been killed by airstrikes and shelling on ... since a cease-fire collapsed")
    near = sentence[max(0, start - SUM_BEFORE) : len(sentence) if running is not None else end + SUM_AFTER]
    # a total is that day's toll when the sentence tells one day, unless it counts several places together
    total = vocab.total.search(near) if not day or vocab.places_counted.search(sentence) else None
    period = vocab.period.search(near) or total or _SPAN.search(sentence)
    if period is not None:
        return "summed", f"summed over a period ('{period.group()}'), not one event's"
    if running is not None and _figure_value(sentence[start:end]) >= RUNNING_TOTAL:
        return "summed", f"a running total ('{sentence[start:end]}{running.group()}'), not one event's"
    update = vocab.update.search(sentence, max(0, start - SUM_BEFORE), end)
    if update is not None:
        return "update", f"an updated figure ('{update.group()}')"
    before = vocab.part_before.search(sentence, max(0, start - PART_BEFORE), end)
    if before is not None and before.group().lower() == "among" and _AMONG_WHOLE.search(sentence, 0, before.start()):
        before = None  # "30 children were among 39 people killed": the figure after is the whole
    part = before or vocab.part_after.search(sentence, end, end + PART_AFTER)
    if part is not None:
        return "part", f"a part of a toll given elsewhere ('{part.group()}')"
    more = _MORE.match(sentence, end)
    if more is not None:
        return "part", f"dead besides those of a toll given elsewhere ('{sentence[start:end]}{more.group()}')"
    return "event", ""


_AMONG_WHOLE = re.compile(r"(?i)\b(?:were|was|are|is)\s+$")


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


def _stated_figures(sentence: str, vocab: TollWords) -> Iterator[_Figure]:
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
    yield from _listed_before(sentence, vocab.before, vocab)
    yield from _listed_before(sentence, vocab.fighters_before, vocab, vocab.fighter_nouns)  # "23 terrorist targets" are no dead
    for match in vocab.lives.finditer(sentence):
        value, vague = _quantity(match["q"], vocab)
        if value is not None:
            yield _Figure(value, match.start("q"), match.end("q"), vague, None, f"'{match.group()}'")
    for match in vocab.toll.finditer(sentence):
        if match["q"].casefold() in ("a", "an") or vocab.month_end.search(sentence, 0, match.start("q")):
            continue  # "the death toll to an AFP correspondent": an article; "a toll ... on April 15": a day
        if vocab.superseded.search(sentence, 0, match.start()):
            continue  # "updating an earlier toll of 15": the figure the update replaced
        value, vague = _quantity(match["q"], vocab)
        if value is not None:
            yield _Figure(value, match.start("q"), match.end("q"), vague, None, f"death toll '{match.group()}'")


def _listed_before(sentence: str, pattern: re.Pattern[str], vocab: TollWords, nouns: re.Pattern[str] | None = None) -> Iterator[_Figure]:
    """The figures of the lists `pattern` finds before a death word; with `nouns`, only of lists whose
    first item's last word is one of them."""
    for match in pattern.finditer(sentence):
        if nouns is not None:
            first = vocab.item.match(sentence, match.start("list"))
            head = (first["fill"] or "").split()[-1:] if first is not None else []
            if not (head and nouns.fullmatch(head[0])):
                continue
        figure = _list_figure(sentence, match.start("list"), match.end("list"), vocab, f"after '{match['w']}'")
        if figure is not None:
            yield figure


def _plural_figures(sentence: str, vocab: TollWords) -> Iterator[_Figure]:
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


def _injury_figures(sentence: str, vocab: TollWords) -> Iterator[_Figure]:
    for match in vocab.injury_after.finditer(sentence) if vocab.injury_word.search(sentence) else ():
        if not _active(sentence, match, vocab):
            figure = _after_figure(sentence, match, vocab)
            if figure is not None:
                yield figure
    for match in vocab.injury_before.finditer(sentence):
        figure = _list_figure(sentence, match.start("list"), match.end("list"), vocab, f"after '{match['w']}'")
        if figure is not None:
            yield figure


def _active(sentence: str, match: re.Match[str], vocab: TollWords) -> bool:
    """True when the death word is an active verb with an object ("gunmen killed 3 ..."): then the
    figure before it counts the killers, not the dead."""
    word = " ".join(match["w"].split()).casefold()
    if word not in vocab.transitive:
        return False
    previous = sentence[: match.start("w")].split()
    if previous and previous[-1].casefold() in vocab.passive_words:
        return False
    return vocab.object_follows.match(sentence, match.end("w")) is not None


def _after_figure(sentence: str, match: re.Match[str], vocab: TollWords) -> _Figure | None:
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


def _bare_alternative(listed: str, vocab: TollWords) -> bool:
    """True for a bare number joined by "and"/"or" to the next ("10 and 15 people"), not a year."""
    bare = re.fullmatch(r"(.+?)\s+(?:and|or)\s+", listed, re.IGNORECASE)
    return bool(bare and vocab.quantity.fullmatch(bare[1]) and not re.fullmatch(r"(?:19|20)\d\d", bare[1]))


def _list_figure(sentence: str, start: int, end: int, vocab: TollWords, why: str) -> _Figure | None:
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


def _item_civilians(text: str, vocab: TollWords) -> int | None:
    item = vocab.item.match(text)
    if item is None or not vocab.civilian_nouns.search(item["fill"] or ""):
        return None
    return _quantity(item["q"], vocab)[0]


def _victims(nouns: str, vocab: TollWords) -> bool:
    return bool(vocab.plural_victims.search(nouns) or vocab.singular_victims.search(nouns))


def _quantity_word(text: str, vocab: TollWords) -> str:
    """The quantity without its qualifiers, lower-cased: "at least 7" -> "7"."""
    rest = " ".join(text.split()).casefold()
    while (qualifier := vocab.qualifiers.match(rest)) is not None and qualifier.end() < len(rest):
        rest = rest[qualifier.end() :]
    return rest


def _quantity(text: str, vocab: TollWords) -> tuple[int | None, bool]:
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
