"""Exact and near duplicates.

Exact: two texts are the same article when their normalised forms (Unicode NFKC, case folded,
punctuation and spacing dropped) are equal; the article id is a hash of that form.
Near: word 5-shingles, MinHash with LSH banding to find candidates, then the exact Jaccard and
containment of the shingle sets decide. The LSH keys are plain (band, bucket) integers so any
store can index them and new articles are compared with the stored ones incrementally.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 5
BANDS = 40
ROWS = 3  # 40 bands x 3 rows: a pair at Jaccard 0.5 becomes a candidate with p = 0.995
JACCARD_MIN = 0.5  # syndicated copies with light edits
CONTAINMENT_MIN = 0.8  # a shortened copy carried inside a longer one...
CONTAINED_MIN_SHINGLES = 20  # ...when the shorter one is long enough for that to mean anything
_SEED = 1
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The form two texts must share to be exact duplicates."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def article_id(text: str) -> str:
    """A stable id: 16 hex characters of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def shingles(text: str) -> set[str]:
    """Overlapping runs of SHINGLE_WORDS words of the normalised text (one run for shorter texts)."""
    words = normalise(text).split()
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def lsh_keys(shingle_set: set[str]) -> list[tuple[int, int]]:
    """(band, bucket) pairs: texts sharing a bucket in any band are near-duplicate candidates."""
    if not shingle_set:
        return []
    minhash = MinHash(num_perm=BANDS * ROWS, seed=_SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])
    bands = np.asarray(minhash.hashvalues, dtype=np.uint64).reshape(BANDS, ROWS)
    keys = []
    for band, values in enumerate(bands):
        digest = hashlib.blake2b(values.tobytes(), digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


@dataclass(frozen=True)
class Overlap:
    """How much two shingle sets share."""

    jaccard: float
    containment: float  # shared shingles over the smaller set
    smaller: int  # shingles in the smaller set

    @property
    def near_duplicate(self) -> bool:
        contained = self.containment >= CONTAINMENT_MIN and self.smaller >= CONTAINED_MIN_SHINGLES
        return self.jaccard >= JACCARD_MIN or contained


def overlap(a: set[str], b: set[str]) -> Overlap:
    shared, smaller = len(a & b), min(len(a), len(b))
    if not shared:
        return Overlap(0.0, 0.0, smaller)
    return Overlap(shared / len(a | b), shared / smaller, smaller)
