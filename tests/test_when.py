from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.events.date_spans import RELATIVE_DAYS
from sitrep.events.when import _RULES, HISTORY_DAYS, EventDate, event_date

THURSDAY = date(2017, 4, 6)  # publication date of most cases: Thursday 6 April 2017


@pytest.mark.parametrize(
    ("sentence", "expected", "precision", "words"),
    [
        # explicit dates
        ("The attack took place on 5 April 2017 in Idlib.", date(2017, 4, 5), 1, "5 April 2017"),
        ("Clashes erupted on April 5, 2017, near Hama.", date(2017, 4, 5), 1, "April 5, 2017"),
        ("Clashes erupted on April 5 near Hama.", date(2017, 4, 5), 1, "April 5"),
        ("Jets struck on the 3rd of April.", date(2017, 4, 3), 1, "3rd of April"),
        ("Fighting on Wednesday, April 5, left 3 dead.", date(2017, 4, 5), 1, "Wednesday, April 5"),
        ("The raid of 2017-04-03 was condemned.", date(2017, 4, 3), 1, "2017-04-03"),
        ("The statement of 13/04/2017 said", date(2017, 4, 13), 1, "13/04/2017"),
        ("Shelling resumed on 5 Sept. 2016 after a lull.", date(2016, 9, 5), 1, "5 Sept. 2016"),
        ("A car bomb went off in Azaz on Dec. 3, 2016.", date(2016, 12, 3), 1, "Dec. 3, 2016"),
        # weekdays
        ("Rebels attacked the checkpoint on Wednesday.", date(2017, 4, 5), 1, "Wednesday"),
        ("Rebels attacked the checkpoint on Thursday.", THURSDAY, 1, "Thursday"),
        ("Rebels attacked the checkpoint on Friday.", date(2017, 3, 31), 1, "Friday"),
        ("Rebels attacked the checkpoint last Thursday.", date(2017, 3, 30), 1, "last Thursday"),
        ("Talks are due to resume next Wednesday.", date(2017, 4, 12), 1, "next Wednesday"),
        # days counted from publication
        ("Warplanes struck the town today.", THURSDAY, 1, "today"),
        ("The SAA captured key hilltops earlier today.", THURSDAY, 1, "earlier today"),
        ("Jets pounded the outskirts this morning.", THURSDAY, 1, "this morning"),
        ("Clashes are continuing tonight.", THURSDAY, 1, "tonight"),
        ("Jets pounded the outskirts yesterday.", date(2017, 4, 5), 1, "yesterday"),
        ("Mortars hit the old city last night.", date(2017, 4, 5), 1, "last night"),
        ("Rebels had withdrawn the day before.", date(2017, 4, 5), 1, "the day before"),
        ("Rebels withdrew the day before yesterday.", date(2017, 4, 4), 1, "the day before yesterday"),
        ("A convoy was ambushed two days ago.", date(2017, 4, 4), 1, "two days ago"),
        ("A convoy was ambushed 3 days ago.", date(2017, 4, 3), 1, "3 days ago"),
        # weeks and a few days: precision 2, the middle day
        ("Airstrikes intensified last week.", date(2017, 3, 30), 2, "last week"),
        ("Dozens fled over the past week.", date(2017, 4, 3), 2, "over the past week"),
        ("Fighting has intensified in recent days.", date(2017, 4, 3), 2, "in recent days"),
        ("Jets struck earlier this week.", date(2017, 4, 4), 2, "earlier this week"),
        ("Protests spread over the weekend.", date(2017, 4, 1), 2, "over the weekend"),
        ("A convoy was ambushed a week ago.", date(2017, 3, 30), 2, "a week ago"),
        ("Fighting raged between 3 and 5 April.", date(2017, 4, 4), 2, "between 3 and 5 April"),
        ("Fighting raged from March 30 to April 2.", date(2017, 3, 31), 2, "from March 30 to April 2"),
        ("Fighting raged April 3-5, witnesses said.", date(2017, 4, 4), 2, "April 3-5"),
        ("The town was besieged since Monday.", date(2017, 4, 3), 2, "since Monday"),
        # months: precision 3
        ("Jets struck the town last month.", date(2017, 3, 16), 3, "last month"),
        ("Jets struck the town earlier this month.", date(2017, 4, 3), 3, "earlier this month"),
        ("ISIS seized the town in mid-March.", date(2017, 3, 15), 3, "mid-March"),
        ("ISIS seized the town in March.", date(2017, 3, 16), 3, "March"),
        ("ISIS seized the town in May.", date(2016, 5, 16), 3, "May"),
        ("ISIS seized the town in May 2015.", date(2015, 5, 16), 3, "May 2015"),
        ("The town has been under siege since May 2015.", date(2015, 5, 1), 3, "since May 2015"),
        ("The town fell two years ago.", date(2015, 7, 2), 3, "two years ago"),
        # a year, or a part of one, also before the noun it dates
        ("Israel seized 1200 square kilometres (460 square miles) of the Golan Heights from neighbouring Syria in the 1967 Six Day War.",
         date(1967, 7, 2), 3, "the 1967"),
        ("A mass grave containing 230 corpses of tribesmen who were summarily executed by ISIS in late 2014.", date(2014, 10, 31), 3, "late 2014"),
    ],
)
def test_reads_date_expressions(sentence: str, expected: date, precision: int, words: str) -> None:
    found = event_date(sentence, THURSDAY)
    assert (found.date, found.time_precision, found.text) == (expected, precision, words)
    assert found.start is not None and found.end is not None
    assert sentence[found.start : found.end] == words


def test_seed_sentence_of_history(seed_texts: dict[str, str]) -> None:
    text = seed_texts["003"]
    sentence = next(line for line in text.splitlines() if "May 2015" in line)
    offset = text.index(sentence)
    found = event_date(sentence, date(2017, 8, 6), offset)
    assert found.date == date(2015, 5, 16)
    assert found.time_precision == 3
    assert found.historical
    assert found.text == "May 2015"
    assert found.start is not None and found.end is not None
    assert text[found.start : found.end] == "May 2015"


def test_seed_sentence_earlier_today(seed_texts: dict[str, str]) -> None:
    sentence = next(line for line in seed_texts["000"].splitlines() if "earlier today" in line)
    found = event_date(sentence, date(2017, 8, 2))
    assert (found.date, found.time_precision, found.text, found.historical) == (
        date(2017, 8, 2), 1, "earlier today", False)  # fmt: skip


def test_no_date_words_give_the_publication_date_with_lower_precision() -> None:
    found = event_date("Government forces shelled the town.", THURSDAY)
    assert found == EventDate(THURSDAY, 2, None, None, None, False, "no date in the sentence: the publication date")


def test_without_publication_date_relative_words_give_no_date() -> None:
    assert event_date("Government forces shelled the town.", None).date is None
    found = event_date("Jets struck yesterday.", None)
    assert found.date is None
    assert found.text == "yesterday"
    assert event_date("Jets struck on 5 April.", None).date is None
    assert event_date("Jets struck on 5 April 2017.", None).date == date(2017, 4, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        "The statement dated 5/4/2017 said",  # day-first or month-first: reads two ways
        "He may return to the city.",  # the modal verb, not the month
        "Rebels march on the city.",
        "The 5th Assault Corps advanced 4 kilometers.",
        "Al-Sukhnah used to be home to some 18,000 people.",
        "Jets struck on 31 April.",  # no such day
    ],
)
def test_ignores_what_is_not_a_date(sentence: str) -> None:
    found = event_date(sentence, THURSDAY)
    assert found.text is None
    assert found.date == THURSDAY


def test_the_date_words_of_a_clause_date_its_event() -> None:
    # FA-KES demo article fakes-1923848305 (published Friday 2 May 2014)
    sentence = "Fridays attack came after a double car bombing claimed by Al-Qaeda killed at least 100 people on Tuesday in Homs."
    published = date(2014, 5, 2)
    assert event_date(sentence, published).date == published  # the first day named
    assert event_date(sentence, published).others == 1
    clause = range(sentence.index("a double car bombing"), len(sentence))
    assert event_date(sentence, published, within=clause).date == date(2014, 4, 29)


def test_most_precise_expression_wins() -> None:
    found = event_date("On Monday, the army retook the town, which fell to ISIS in May 2015.", THURSDAY)
    assert (found.date, found.text, found.historical) == (date(2017, 4, 3), "Monday", False)


def test_history_is_more_than_a_month_before_publication() -> None:
    assert not event_date("Clashes broke out last month.", THURSDAY).historical
    assert event_date("Clashes broke out on 5 February 2017.", THURSDAY).historical
    assert not event_date("Clashes broke out on 10 March 2017.", THURSDAY).historical
    assert HISTORY_DAYS == 30


def test_future_expressions_are_not_clamped_to_publication() -> None:
    found = event_date("The offensive will start next week.", THURSDAY)
    assert found.date is not None and found.date > THURSDAY
    assert "future" in found.why


def test_offsets_are_in_the_full_text() -> None:
    text = "HOMS, 6 April. Jets struck the town yesterday."
    sentence = text[15:]
    found = event_date(sentence, THURSDAY, offset=15)
    assert found.start is not None and found.end is not None
    assert text[found.start : found.end] == "yesterday"


def test_a_weekday_that_contradicts_the_date_keeps_the_date() -> None:
    found = event_date("Jets struck on Monday, April 5, 2017.", THURSDAY)
    assert found.date == date(2017, 4, 5)
    assert "does not fit" in found.why


FRAGMENTS = st.sampled_from(
    [
        "on", "in", "since", "between", "and", "to", "-", "last", "next", "this", "earlier", "the",
        "week", "weekend", "month", "year", "days", "ago", "two", "a", "few", "past", "over", "May",
        "April", "Sept.", "Wednesday", "Sunday", "5", "31", "13/4/2017", "2017-02-29", "2015",
        "yesterday", "today", "tonight", "recent", "mid-March", "of", "3rd", ",", ".", "killed",
    ]
)  # fmt: skip
DATES = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))


def _check(sentence: str, published: date | None, offset: int) -> None:
    found = event_date(sentence, published, offset)
    assert found.time_precision in (1, 2, 3)
    if found.text is None:
        assert found.start is None and found.end is None
        assert found.date == published
    else:
        assert found.start is not None and found.end is not None
        assert sentence[found.start - offset : found.end - offset] == found.text
    if published is None and found.date is not None:
        assert found.text is not None  # a date without publication date comes from the words
    if found.historical:
        assert published is not None and found.date is not None
        assert found.date < published - timedelta(days=HISTORY_DAYS)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=12).map(" ".join), DATES, st.integers(0, 10_000))
def test_properties_on_date_like_text(sentence: str, published: date | None, offset: int) -> None:
    _check(sentence, published, offset)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), DATES)
def test_never_raises_on_arbitrary_text(sentence: str, published: date | None) -> None:
    _check(sentence, published, 0)


@pytest.mark.parametrize(
    "phrase",
    [*RELATIVE_DAYS, "5 April 2017", "April 5, 2017", "2017-04-03", "13/04/2017", "between 3 and 5 April", "April 3-5",
     "in May 2015", "in early May", "since 2011", "last Thursday", "two days ago", "over the past week", "in recent days",
     "last weekend", "during March"],
)  # fmt: skip
def test_a_rule_is_only_skipped_where_it_cannot_match(phrase: str) -> None:
    """Each rule is tried only on sentences holding what it needs (`_NEEDS`): every match holds it."""
    matched = False
    for name, needs, pattern in _RULES:
        for match in pattern.finditer(phrase):
            matched = True
            assert needs.search(match.group()), (name, match.group())
    assert matched


def test_a_date_inside_a_name_is_no_date() -> None:
    # "April 7th Street" in Aleppo, the "8 March Movement": names, not days
    found = event_date("Terrorists fired shells at April 7th Street in Aleppo on Monday.", THURSDAY)
    assert found.date == date(2017, 4, 3) and found.text == "Monday"
    assert event_date("Supporters of the 14 March Movement protested.", THURSDAY).text is None


def test_a_bare_weekday_after_a_verb_of_the_future_is_the_coming_one() -> None:
    found = event_date("The ceasefire would begin Monday, officials said.", THURSDAY)
    assert found.date == date(2017, 4, 10) and found.time_precision == 1
    assert event_date("Rebels attacked the checkpoint on Monday.", THURSDAY).date == date(2017, 4, 3)
