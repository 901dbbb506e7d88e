import json
from pathlib import Path

import pytest

from sitrep.ingest.clean import clean, line_key, load_rules, restore
from sitrep.models import RemovedSpan

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DURAN = (EXAMPLES / "seeds" / "000_625f3ca7ba29f883.txt").read_text("utf-8")
WIRE = (EXAMPLES / "seeds" / "003_94b7f26e35b82732.txt").read_text("utf-8")
FAKES = [json.loads(line) for line in (EXAMPLES / "fakes" / "fakes_demo.jsonl").read_text("utf-8").splitlines()]


def rules_of(cleaned) -> list[str]:
    return [span.rule for span in cleaned.removed]


def article(line: str) -> str:
    """A small article with `line` standing between two paragraphs."""
    return f"A headline for the test\n\nFirst paragraph of the body.\n\n{line}\n\nSecond paragraph of the body.\n"


def test_duran_column() -> None:
    cleaned = clean(DURAN)
    assert cleaned.text.endswith("will indeed be within sight.")
    assert cleaned.title == "Syrian army breaks through ISIS lines; approaches Al-Sukhnah"
    assert cleaned.title_span is not None and cleaned.title_span.start == 0
    assert cleaned.text[cleaned.title_span.start : cleaned.title_span.end] == cleaned.title
    assert cleaned.removed[0].rule == "junk_header" and cleaned.removed[0].text == "in ,\n"


def test_duran_tail_removed_with_reasons() -> None:
    cleaned = clean(DURAN)
    body_end = DURAN.rindex("within sight.") + len("within sight.")
    tail = [span for span in cleaned.removed if span.start >= body_end]
    assert tail[0].start == body_end and tail[-1].end == len(DURAN)
    assert all(a.end == b.start for a, b in zip(tail, tail[1:]))  # nothing kept in between
    assert DURAN.index("Help us grow") > body_end
    assert {"donation", "disclaimer", "comments", "related_headlines"} <= {span.rule for span in tail}
    assert all(span.reason for span in tail)
    headlines = [span.text.strip() for span in tail if span.rule == "related_headlines"]
    assert headlines == [
        "Impressions of Moscow: July 2017",
        "CONFIRMED: Iraq signs military cooperation agreement with Iran",
    ]


def test_duran_is_opinion_by_its_disclaimer() -> None:
    cleaned = clean(DURAN)
    assert cleaned.kind == "opinion"
    evidence = cleaned.kind_evidence
    assert evidence is not None and DURAN[evidence.start : evidence.end] == evidence.text
    disclaimer = next(span for span in cleaned.removed if span.rule == "disclaimer")
    assert disclaimer.start <= evidence.start < evidence.end <= disclaimer.end
    assert "opinions expressed" in evidence.text


@pytest.mark.parametrize("title", [None, "Recapture of Al-Sukhnah Inspires Syrian Army, Allies", "recapture of al-sukhnah  inspires syrian army, allies"])
def test_wire_report_keeps_one_title(title: str | None) -> None:
    cleaned = clean(WIRE, title=title)
    head = "Recapture of Al-Sukhnah Inspires Syrian Army, Allies"
    assert cleaned.title == (title or head)
    assert cleaned.title_span is not None and cleaned.title_span.text == head
    assert rules_of(cleaned) == ["repeated_title", "whitespace"]
    assert cleaned.kind == "news" and cleaned.kind_evidence is None
    body = WIRE.split("\n\n", 2)[2]
    assert cleaned.text == head + "\n\n" + body
    assert cleaned.text.endswith("besieged by ISIS in Deir al-Zour.")


def test_fakes_text_passes_through() -> None:
    text = FAKES[0]["text"]
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.removed == ()
    assert cleaned.title is None and cleaned.title_span is None
    assert cleaned.kind == "news"


def test_fakes_texts_lose_only_surrounding_whitespace() -> None:
    for record in FAKES:
        cleaned = clean(record["text"])
        assert cleaned.text == record["text"].strip()
        assert all(span.rule == "whitespace" for span in cleaned.removed)
        assert cleaned.title is None and cleaned.kind == "news"


def test_metadata_title_found_after_dateline() -> None:
    record = FAKES[0]
    assert record["text"].startswith("Fri 07 Apr 2017 at 0914 Homs governor")
    cleaned = clean(record["text"], title=record["title"])
    assert cleaned.title == record["title"]
    assert cleaned.title_span is not None and cleaned.title_span.text == record["title"]
    assert cleaned.title_span.start == len("Fri 07 Apr 2017 at 0914 ")


def test_metadata_title_not_in_text() -> None:
    cleaned = clean(article("More words."), title="Something else entirely")
    assert cleaned.title == "Something else entirely"
    assert cleaned.title_span is None


def test_corpus_signal_removes_repeated_lines() -> None:
    footer = "Al Example News - independent since 1999"
    text = article(footer)
    assert footer in clean(text).text
    cleaned = clean(text, repeated={line_key("  AL EXAMPLE news -  independent since 1999 ")})
    assert footer not in cleaned.text
    span = next(span for span in cleaned.removed if span.rule == "repeated")
    assert span.text == footer + "\n"
    assert span.reason == "repeated across the outlet's articles"


def test_sentence_mentioning_comments_is_kept() -> None:
    line = "Readers left hundreds of comments under the ministry's post, the agency said."
    assert line in clean(article(line)).text
    assert "3 comments" not in clean(article("3 comments")).text


def test_share_line_mid_article_is_removed_but_does_not_end_the_article() -> None:
    text = "Title line\n\nFirst paragraph.\n\nShare this article\n\nA subheading\n\nLast paragraph.\n"
    cleaned = clean(text)
    assert cleaned.text == "Title line\n\nFirst paragraph.\n\nA subheading\n\nLast paragraph."
    assert [span.rule for span in cleaned.removed if span.rule != "whitespace"] == ["share"]


def test_short_closing_lines_kept_without_tail_furniture() -> None:
    text = "Title line\n\nThe only paragraph.\n\nReporting by Jane Doe\nEditing by John Roe\n"
    assert clean(text).text == text.strip()


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Help us grow. Support The Duran on Patreon!", "donation"),
        ("Donate", "donation"),
        ("Become a patron", "donation"),
        ("What do you think?", "comments"),
        ("Notify of", "comments"),
        ("Inline Feedbacks", "comments"),
        ("View all comments", "comments"),
        ("12 comments", "comments"),
        ("Leave a reply", "comments"),
        ("The statements, views and opinions expressed in this column are solely those of the author.", "disclaimer"),
        ("Share", "share"),
        ("Tweet", "share"),
        ("Share on Facebook", "share"),
        ("Facebook | Twitter | Email", "share"),
        ("Email", "share"),
        ("Print", "share"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Subscribe", "newsletter"),
        ("This website uses cookies to improve your experience.", "cookies"),
        ("Related:", "related"),
        ("Read more: Syrian army enters Palmyra", "related"),
        ("You may also like", "related"),
        ("Tags: Syria, ISIS, Deir Ezzor", "tags"),
        ("© 2017 The Example Times. All rights reserved.", "copyright"),
        ("ADVERTISEMENT", "advert"),
    ],
)
def test_furniture_rules(line: str, rule: str) -> None:
    cleaned = clean(article(line))
    assert line not in cleaned.text
    assert rule in rules_of(cleaned)
    assert cleaned.text.endswith("Second paragraph of the body.")


def test_rules_file_is_well_formed() -> None:
    rules = load_rules()
    assert len({rule.id for rule in rules}) == len(rules)
    assert all(rule.reason and rule.pattern.pattern for rule in rules)


def test_related_headlines_only_after_tail_furniture() -> None:
    text = article("Body continues here.") + "\nRead more\n\nArmy retakes town\nTalks resume in Geneva\n"
    cleaned = clean(text)
    assert cleaned.text.endswith("Second paragraph of the body.")
    assert rules_of(cleaned).count("related_headlines") == 2


def test_title_after_bare_dateline() -> None:
    cleaned = clean("April 5, 2017\n\nThe real title\n\nBody text.")
    assert cleaned.title == "The real title"
    assert cleaned.title_span is not None and cleaned.title_span.start == len("April 5, 2017\n\n")


def test_no_title_from_a_single_line() -> None:
    assert clean("Only one short line").title is None


def test_junk_kept_when_nothing_meaningful_follows() -> None:
    assert clean("in ,").text == "in ,"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Opinion\n\nWhy the war goes on\n\nBody text.", "Opinion"),
        ("Op-Ed: Why the war goes on\n\nBody text.", "Op-Ed"),
        ("Why the war goes on\n\nThe views expressed here are the author's own.\n\nBody.", "views expressed here are the author's own"),
    ],
)
def test_opinion_evidence(text: str, words: str) -> None:
    cleaned = clean(text)
    assert cleaned.kind == "opinion"
    assert cleaned.kind_evidence is not None and cleaned.kind_evidence.text == words
    assert text[cleaned.kind_evidence.start : cleaned.kind_evidence.end] == words


def test_line_key() -> None:
    assert line_key("  Help us  GROW\t") == "help us grow"
    assert line_key(" \t ") is None
    assert line_key("x" * 201) is None


def test_restore_rejects_overlapping_spans() -> None:
    spans = [RemovedSpan(0, 3, "a", "a", "abc"), RemovedSpan(2, 4, "b", "b", "cd")]
    with pytest.raises(ValueError):
        restore("", spans)
