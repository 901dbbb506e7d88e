"""Exact and near-duplicate detection on real article text."""

import json

from sitrep.ingest.dedup import article_id, lsh_keys, normalise, overlap, shingles

from .conftest import FAKES


def _fakes() -> list[dict]:
    return [json.loads(line) for line in FAKES.read_text(encoding="utf-8").splitlines()]


def test_normalised_text_ignores_case_punctuation_and_spacing():
    a = "Al-Sukhnah, the last ISIS stronghold in Homs."
    b = "al sukhnah  the LAST isis stronghold in homs"
    assert normalise(a) == normalise(b)
    assert article_id(a) == article_id(b)
    assert article_id(a) != article_id("Al-Sukhnah, the first ISIS stronghold in Homs.")


def test_article_id_is_16_hex_characters():
    ident = article_id("Syrian army breaks through ISIS lines")
    assert len(ident) == 16 and int(ident, 16) >= 0


def test_light_edit_of_a_wire_story_is_a_near_duplicate_and_shares_a_bucket():
    story = _fakes()[0]["text"]
    edited = story.replace("Friday", "Saturday").replace("airbase", "air base", 1) + " Reuters contributed."
    a, b = shingles(story), shingles(edited)
    found = overlap(a, b)
    assert found.near_duplicate and 0.5 <= found.jaccard < 1.0
    assert set(lsh_keys(a)) & set(lsh_keys(b))


def test_truncated_copy_counts_through_containment():
    story = _fakes()[0]["text"]
    words = story.split()
    short = " ".join(words[: len(words) // 3])
    found = overlap(shingles(short), shingles(story))
    assert found.containment > 0.95 and found.jaccard < 0.5
    assert found.near_duplicate


def test_different_stories_are_not_near_duplicates():
    rows = _fakes()
    found = overlap(shingles(rows[0]["text"]), shingles(rows[1]["text"]))
    assert not found.near_duplicate
    assert not set(lsh_keys(shingles(rows[0]["text"]))) & set(lsh_keys(shingles(rows[1]["text"])))


def test_lsh_keys_are_stable_and_fit_a_signed_64_bit_column():
    keys = lsh_keys(shingles(_fakes()[2]["text"]))
    assert keys == lsh_keys(shingles(_fakes()[2]["text"]))
    assert len(keys) == 40
    assert all(-(2**63) <= bucket < 2**63 for _, bucket in keys)
    assert lsh_keys(set()) == []
