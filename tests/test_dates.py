import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest.dates import find_dateline

FAKES = Path(__file__).resolve().parent.parent / "examples" / "fakes" / "fakes_demo.jsonl"


@pytest.mark.parametrize(
    ("text", "expected", "words"),
    [
        ("Wed 05 Apr 2017 Aleppo bomb blast kills six", date(2017, 4, 5), "Wed 05 Apr 2017"),
        ("Fri 07 Apr 2017 at 0914 Homs governor says", date(2017, 4, 7), "Fri 07 Apr 2017"),
        ("12 February 2015 Casualties mount in the city", date(2015, 2, 12), "12 February 2015"),
        ("27 Jul 2016 At least 48 people dead", date(2016, 7, 27), "27 Jul 2016"),
        ("Posted on August 3 2016 by Jordan Dakamseh Toxic gas", date(2016, 8, 3), "Posted on August 3 2016"),
        ("Published July 20 2015 A checkpoint", date(2015, 7, 20), "Published July 20 2015"),
        ("April 5, 2017\n\nBody.", date(2017, 4, 5), "April 5, 2017"),
        ("5 April 2017 Body.", date(2017, 4, 5), "5 April 2017"),
        ("2017-04-05 Body.", date(2017, 4, 5), "2017-04-05"),
        ("Updated: Apr 5, 2017 Body.", date(2017, 4, 5), "Updated: Apr 5, 2017"),
        ("Saturday 6 Aug 2016 Air raids kill 10", date(2016, 8, 6), "Saturday 6 Aug 2016"),
        ("Date of publication 7 July 2016 Video", date(2016, 7, 7), "Date of publication 7 July 2016"),
        ("Last updated at Feb 092015 BEIRUT", date(2015, 2, 9), "Last updated at Feb 092015"),
        ("Aug. 1 2016 Rescuers say", date(2016, 8, 1), "Aug. 1 2016"),
        ("24.08.2013Get short URL", date(2013, 8, 24), "24.08.2013"),
        ("06-08-2013 Bomb kills 18", date(2013, 8, 6), "06-08-2013"),
        ("13/04/2017 Body.", date(2017, 4, 13), "13/04/2017"),
        ("  \n\n5th of April, 2017\nBody.", date(2017, 4, 5), "5th of April, 2017"),
    ],
)
def test_reads_dateline_at_top(text: str, expected: date, words: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert found.date == expected
    assert found.span.text == words
    assert text[found.span.start : found.span.end] == words


def test_dateline_on_its_own_line_below_title() -> None:
    text = "Title of the piece\n\nUpdated: Apr 5, 2017 10:13 GMT\n\nBody."
    found = find_dateline(text)
    assert found is not None and found.date == date(2017, 4, 5)
    assert found.span.start == text.index("Updated")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No date here at all.",
        "The war began. On 5 April 2017 the army advanced.",  # event date in the body
        "Title of the piece\n5 April 2017 saw heavy fighting in Aleppo.",  # a sentence, not a dateline
        "x" * 160 + "\n5 April 2017",  # below the top
        "31 Feb 2017 Body.",  # impossible
        "05/04/2017 Body.",  # reads two ways
        "Thu 05 Apr 2017 Body.",  # 5 April 2017 was a Wednesday
        "May 2017 was a hard month.",  # no day
        "10 dead after strikes on rebel-held hospitals",
        "1. Ghouta: On August 21 2013 the regime fired rockets",
        "5 April 1066 Body.",  # not a plausible publication year
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_agrees_with_fakes_metadata() -> None:
    records = [json.loads(line) for line in FAKES.read_text("utf-8").splitlines()]
    dated = [r for r in records if r["published"]]
    agree = 0
    for record in dated:
        found = find_dateline(record["text"])
        agree += found is not None and found.date.isoformat() == record["published"]
    assert len(dated) > 500
    assert agree / len(dated) >= 0.95


def test_dateline_run_into_the_top_line_needs_a_weekday_or_label():
    scraped = "Air raids kill 18 civilians in Syrias Aleppo Monitor AFP Saturday 16 Jul 2016 Air raids on rebel-held areas"
    found = find_dateline(scraped)
    assert found is not None and found.date == date(2016, 7, 16)
    assert scraped[found.span.start : found.span.end] == "Saturday 16 Jul 2016"
    labelled = "Thirty Killed in Syrian Strikes Date of publication 10 July 2016 A suicide bomb blast struck"
    assert find_dateline(labelled).date == date(2016, 7, 10)
    assert find_dateline("Rebels said the town fell on 16 Jul 2016 after weeks of fighting near Aleppo") is None
    assert find_dateline("Monitor AFP Friday 16 Jul 2016 Air raids") is None  # 16 July 2016 was a Saturday
