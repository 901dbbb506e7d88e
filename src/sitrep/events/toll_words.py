"""The toll vocabulary of `data/toll_words.toml`, compiled once into the patterns `tolls` reads figures with.

Numbers, multipliers and vague quantities ("dozens" 12, an unspecified plural 3), death and injury
words before and after a figure, the words that say what a figure counts (an update, a part, a sum
over a period or a war), victims and civilians. Spaces in a phrase match any whitespace; a figure
never ends inside "12-year-old" or "5th"; the killed and wounded counted together are no death toll.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..ingest.dates import MONTHS, WEEKDAYS


@dataclass(frozen=True)
class TollWords:
    """The compiled toll vocabulary."""

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
    fighters_before: re.Pattern[str]  # as `before`, for words that kill only fighters ("eliminated 49 militants")
    lives: re.Pattern[str]  # "claiming two lives"
    toll: re.Pattern[str]
    month_end: re.Pattern[str]  # a month right before a figure: "on April 15", a day, not a toll
    superseded: re.Pattern[str]  # right before a toll noun: "an earlier toll of 15", a replaced figure
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
    total: re.Pattern[str]  # "a total of": summed unless the sentence tells one day
    places_counted: re.Pattern[str]  # "at least 11 towns and villages", "across Idlib": a total of several places
    war_before: re.Pattern[str]  # "the war that has killed": before a figure
    war_after: re.Pattern[str]  # "killed in the conflict": after a figure
    plural_victims: re.Pattern[str]
    singular_victims: re.Pattern[str]
    civilian_nouns: re.Pattern[str]
    fighter_nouns: re.Pattern[str]
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


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases (longest first), spaces matching any whitespace."""
    forms = {r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases}
    return "|".join(sorted(forms, key=len, reverse=True))


# "49 fighters were killed and wounded": a count of casualties, of which the dead are not told
COMBINED = r"(?!\s+(?:and|or|and/or)\s+(?:injured|wounded|hurt)(?!\w))"
# "both" counts two ("both soldiers"), not in "both civilians and insurgents", which pairs two kinds
BOTH = r"both(?!\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+and\b)"


@cache
def toll_words() -> TollWords:
    """The toll vocabulary from `sitrep/data/toll_words.toml`, compiled once."""
    data = tomllib.loads(resources.files("sitrep").joinpath("data/toll_words.toml").read_text("utf-8"))
    words: dict[str, list[str]] = data["words"]
    numbers: dict[str, int] = data["numbers"]
    multipliers: dict[str, int] = data["multipliers"]
    phrases: dict[str, int] = data["phrases"]
    vague: dict[str, int] = data["vague"]

    end = r"(?![\w’']|-[^\W\d_])"  # a number ends here: not "12-year-old", not "5th"
    core = alternation(w for w in [*numbers, *multipliers] if w not in ("a", "an", "both"))
    core = f"{BOTH}|{core}" if "both" in numbers else core
    article = rf"(?:an?\s+(?:{alternation(multipliers)}))"
    number_words = (
        rf"(?:{article}|(?:{core})(?![\w’']))"
        rf"(?:(?:\s+|-)(?:{core})(?![\w’'])|(?:(?<=hundred)|(?<=thousand))\s+and\s+(?:{core})(?![\w’']))*"
    )
    digits = r"(?<![\w.,:/])(?:\d{1,3}(?:,\d{3})+|\d+)(?![.,:/]\d|%)"
    number = rf"(?:(?:{alternation(phrases)}){end}|{digits}{end}|{number_words}{end}|(?:an?|one){end})"
    qualifiers = rf"(?:{alternation(words['qualifiers'])})\s+"
    vague_words = alternation(k for k in vague if k != PLURAL)
    quantity = (
        rf"(?:(?:{qualifiers}){{0,2}}(?:between\s+{number}\s+and\s+{number}"
        rf"|{number}(?:\s*(?:-|–|\bto\b|\bor\b)\s*{number})?)|(?:{vague_words}){end})(?!\s+(?:{UNITS})(?!\w))"
    )
    death_after = alternation(words["death_after"])
    injury_after = alternation(words["injury_after"])
    months = [m for m in MONTHS if len(m) > 3 and m != "may"] + [w for w in WEEKDAYS if len(w) > 4]
    stop = alternation([*words["stops"], *months])
    calendar = alternation(MONTHS)
    filler = rf"(?!(?:{stop}|{death_after}|{injury_after}){end})(?!\d+{end})[\w’'-]+"
    item = rf"(?P<q>{quantity})(?P<fill>(?:\s+{filler}){{0,3}})"
    separator = r"(?:\s*,\s*and\s+|\s*,\s*|(?<!hundred)(?<!thousand)\s+and\s+)"
    listed = rf"(?:{quantity}(?:\s+{filler}){{0,3}}{separator})"
    figures = rf"{item}(?:{separator}{item})*".replace("?P<q>", "").replace("?P<fill>", "")
    after = (
        rf"(?<![\w’'])(?P<list>{listed}*)(?P<q>{quantity})(?P<fill>(?:\s+{filler}){{0,9}}?)"
        rf"(?:\s*,[^,.;:]{{1,60}},(?:\s+{filler}){{0,3}}?"  # an aside: "40 people, most of them civilians, were"
        rf"|\s+(?:including|among\s+them)(?:\s+{quantity}(?:\s+{filler}){{0,3}}?|(?:\s+(?:and\s+)?{filler}){{1,4}}?))?"  # "20 people including 13 civilians were", "19 civilians including women and children were"
        rf"\s+(?P<w>{{words}}){end}"
    )
    plural_victims = alternation(words["plural_victims"])
    flags = re.IGNORECASE
    passive = "|".join(PASSIVE + ("have", "has", "had"))
    objects = alternation(
        [*numbers, *multipliers, *phrases, *(k for k in vague if k != PLURAL), *words["qualifiers"],
         *words["plural_victims"], *words["singular_victims"], "his", "her", "their", "its", "him", "them"]
    )  # fmt: skip
    no_deaths = alternation(words["no_deaths"])
    context: dict[str, list[str]] = data["context"]
    wars = alternation(context["war"])
    return TollWords(
        numbers=numbers,
        multipliers=multipliers,
        phrases=phrases,
        vague=vague,
        qualifiers=re.compile(qualifiers, flags),
        quantity=re.compile(quantity, flags),
        item=re.compile(item, flags),
        after=re.compile(after.replace("{words}", death_after) + COMBINED, flags),
        death_word=re.compile(rf"(?:{death_after}){end}", flags),
        before=re.compile(rf"(?<![\w’'])(?P<w>{alternation(words['death_before'])})\s+(?:the\s+)?(?P<list>{figures})", flags),
        fighters_before=re.compile(
            rf"(?<![\w’'])(?P<w>{alternation(words['fighters_before'])})\s+(?:the\s+)?(?P<list>{figures})", flags
        ),
        lives=re.compile(rf"(?<![\w’'])(?:{alternation(words['lives_before'])})\s+(?:the\s+)?(?P<q>{quantity})\s+lives(?!\w)", flags),
        toll=re.compile(
            rf"(?<![\w’'])(?:{alternation(words['toll_nouns'])})"
            rf"(?:(?:\s+[\w’'-]+){{0,8}}?\s+|(?:\s+[\w’'-]+){{9,20}}?\s+(?={alternation(words['update_to'])}\s))"  # a long "from ..." before "has risen to"
            rf"(?:(?:{alternation(words['update_to'])})\s+)?"
            rf"(?:from\s+{number}\s+to\s+)?(?!(?:{qualifiers}){{0,2}}(?:19|20)\d\d{end})"  # not a year
            rf"(?!(?:a|an)\s)(?P<q>{quantity})(?!\s+(?:{calendar}){end})",  # "toll from a raid": an article, no figure
            flags,
        ),
        month_end=re.compile(rf"(?<![\w’'])(?:{calendar})\.?\s+$", flags),
        superseded=re.compile(rf"(?<![\w’'])(?:{alternation(words['superseded'])})\s+$", flags),
        self_and=re.compile(
            rf"(?<!\w)(?:killed|killing|kills)\s+(?:himself|herself)\s+and\s+(?P<list>{figures})", flags
        ),
        self_death=re.compile(r"(?<!\w)(?:killed|killing|kills|blew|blowing|blown)\s+(?:himself|herself)(?!\w)", flags),
        injury_after=re.compile(after.replace("{words}", injury_after), flags),
        injury_word=re.compile(rf"(?:{injury_after}){end}", flags),
        injury_before=re.compile(
            rf"(?<![\w’'])(?P<w>{alternation(words['injury_before'])})\s+(?P<list>{figures})", flags
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
        people=re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:people|persons?|individuals|m[ae]n|lives(?!\s+of))(?!\w)", flags),  # "claiming two lives", "one man"
        update=re.compile(rf"(?<!\w)(?:{alternation(context['update'])})(?!\w)", flags),
        part_before=re.compile(rf"(?<!\w)(?:{alternation(context['part_before'])})(?!\w)", flags),
        part_after=re.compile(rf"(?<!\w)(?:{alternation(context['part_after'])})(?!\w)", flags),
        period=re.compile(rf"(?<!\w)(?:{alternation(context['period'])})(?!\w)", flags),
        total=re.compile(rf"(?<!\w)(?:{alternation(context['total'])})(?!\w)", flags),
        places_counted=re.compile(
            rf"(?<!\w)(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|numerous|various|dozens\s+of)"
            rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation(context['place_plurals'])})|across\s+(?:the\s+)?(?-i:[A-Z])[\w-]+)(?!\w)",
            re.IGNORECASE,
        ),
        war_before=re.compile(
            rf"(?<!\w)(?:{wars})(?:\s+(?:in|on|against|of)\s+[\w-]+)?(?:\s*,)?\s+(?:that|which|has|have|had|killed|claimed|left)(?!\w)",
            flags,
        ),
        war_after=re.compile(
            rf"(?<!\w)(?:in|during|of|since)\s+(?:the|its|their|[\w-]+['’]?s)\s+(?:[\w-]+\s+)?(?:{wars})(?!\w)", flags
        ),
        plural_victims=re.compile(rf"(?<!\w)(?:{plural_victims})(?!\w)", flags),
        singular_victims=re.compile(rf"(?<!\w)(?:{alternation(words['singular_victims'])})(?!\w)", flags),
        civilian_nouns=re.compile(rf"(?<!\w)(?:{alternation(words['civilians'])})(?!\w)", flags),
        fighter_nouns=re.compile(rf"(?<!\w)(?:{alternation(words['fighters'])})(?!\w)", flags),
        object_follows=re.compile(rf"\s+(?:the\s+)?(?:\d|(?:{objects})(?!\w))", flags),
        passive_words=frozenset(PASSIVE),
        transitive=frozenset(
            ("killed", "executed", "massacred", "murdered", "beheaded", "assassinated", "shot dead",
             "shot and killed", "gunned down", "injured", "wounded", "hurt", "slaughtered")
        ),  # fmt: skip
    )
