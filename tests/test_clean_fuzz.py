import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest.clean import clean, line_key, restore
from sitrep.ingest.dates import TOP, find_dateline
from sitrep.models import Cleaned

SEEDS = sorted((Path(__file__).resolve().parent.parent / "examples" / "seeds").glob("*.txt"))

PHRASES = [
    "Help us grow. Support The Duran on Patreon!",
    "Donate",
    "What do you think?",
    "Notify of",
    "Inline Feedbacks",
    "View all comments",
    "3 comments",
    "Leave a reply",
    "Share",
    "Tweet",
    "Share on Facebook",
    "Email",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience.",
    "Related:",
    "Read more",
    "You may also like",
    "The statements, views and opinions expressed in this column are solely those of the author.",
    "Opinion",
    "in ,",
    "Wed 05 Apr 2017",
    "Impressions of Moscow: July 2017",
    "Syrian army advances near Palmyra.",
    "Readers left many comments on the post.",
    "",
]
BREAKS = ["\n", "\n", "\r\n", "\r", "\n\n", "\n \n", "\n\n\n"]

fast = settings(max_examples=200, deadline=None)


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, frozenset[str], str | None]:
    """A page of furniture phrases and arbitrary lines, with a corpus signal and maybe a title."""
    line = st.one_of(st.sampled_from(PHRASES), st.text(max_size=40))
    pad = st.sampled_from(["", " ", "\t", "\u00a0", "\u3000"])
    parts = draw(st.lists(st.tuples(pad, line, pad, st.sampled_from(BREAKS)), max_size=14))
    lines = [f"{left}{body}{right}" for left, body, right, _ in parts]
    text = "".join(f"{body}{brk}" for body, (*_, brk) in zip(lines, parts))
    keys = [key for key in map(line_key, lines) if key]
    repeated = frozenset(draw(st.lists(st.sampled_from(keys), max_size=3))) if keys else frozenset()
    title = draw(st.one_of(st.none(), st.sampled_from(lines) if lines else st.none(), st.text(max_size=20)))
    return text, repeated, title


def check_invariants(source: str, cleaned: Cleaned) -> None:
    spans = cleaned.removed
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    kept, at = [], 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(source)
        assert span.text == source[span.start : span.end]
        assert span.rule and span.reason
        assert span.rule != "whitespace" or span.text.isspace()
        kept.append(source[at : span.start])
        at = span.end
    assert cleaned.text == "".join(kept) + source[at:]
    assert restore(cleaned.text, spans) == source
    assert cleaned.text == cleaned.text.strip()
    blank = [not line.strip() for line in re.split(r"\r\n|\r|\n", cleaned.text)]
    assert not any(a and b for a, b in zip(blank, blank[1:]))
    if cleaned.title_span:
        assert cleaned.text[cleaned.title_span.start : cleaned.title_span.end] == cleaned.title_span.text
    evidence = cleaned.kind_evidence
    assert cleaned.kind == ("opinion" if evidence else "news")
    assert evidence is None or source[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.name)
def test_seed_invariants(path: Path) -> None:
    text = path.read_text("utf-8")
    check_invariants(text, clean(text))


@fast
@given(pages())
def test_invariants_on_furniture_pages(page: tuple[str, frozenset[str], str | None]) -> None:
    text, repeated, title = page
    check_invariants(text, clean(text, repeated=repeated, title=title))


@fast
@given(st.text(), st.one_of(st.none(), st.text(max_size=30)))
def test_invariants_on_any_text(text: str, title: str | None) -> None:
    check_invariants(text, clean(text, title=title))


datelike = st.builds(
    "{} {} {}{}{}".format,
    st.sampled_from(["", "Posted on", "Updated:", "Wed", "Friday,"]),
    st.one_of(st.integers(0, 40).map(str), st.sampled_from(["Feb", "April", "Sept."])),
    st.one_of(st.integers(0, 40).map(str), st.sampled_from(["Feb", "April", "Sept."])),
    st.sampled_from([" ", ", ", "/", "-", "."]),
    st.integers(1800, 2200).map(str),
)


@fast
@given(st.one_of(st.text(), st.tuples(datelike, st.text(max_size=40)).map("".join)))
def test_find_dateline_never_raises(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        assert text[found.span.start : found.span.end] == found.span.text
        assert found.span.start <= TOP
