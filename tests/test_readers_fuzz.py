"""Property tests: whatever bytes an input holds, read_paths reports instead of raising."""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import Code
from sitrep.ingest.readers import read_paths
from sitrep.ingest.clean import clean
from sitrep.models import RawDocument, ReadFailure

from .mutations import mutate, real_inputs
from .test_clean_fuzz import check_invariants

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Bytes that look like the formats, so the fuzzer reaches past the first checks.
SHAPED = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.sampled_from([b"{", b"}", b'"text"', b":", b'"', b"\n", b"<html>", b"<p>", b"\xe9", b"\xc3"]))
    .map(b" ".join),
    st.text(max_size=500).map(lambda text: text.encode("utf-8")),
)


def check_items(items: list[RawDocument | ReadFailure], path: str) -> None:
    assert items, "every input yields at least one item"
    for item in items:
        assert isinstance(item, RawDocument | ReadFailure)
        assert item.provenance.path == path
        if isinstance(item, ReadFailure):
            assert isinstance(item.code, Code)
            assert item.message and len(item.message.splitlines()) == 1
        else:
            assert item.text.strip() and "\r" not in item.text


@FUZZ
@given(data=SHAPED, suffix=st.sampled_from([".txt", ".jsonl", ".html", ".warc", ".warc.gz", ".dat"]))
def test_any_bytes_yield_documents_or_failures(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_paths([str(path)], max_bytes=1500))
    check_items(items, str(path))
    if suffix in (".txt", ".dat", ".html") and isinstance(items[0], RawDocument):
        assert items[0].raw_sha256 == hashlib.sha256(data).hexdigest()


@FUZZ
@given(text=st.text(st.characters(blacklist_categories=["Cc", "Cs"]), min_size=1).filter(str.strip))
def test_utf8_text_round_trips(tmp_path: Path, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    [doc] = read_paths([str(path)])
    assert isinstance(doc, RawDocument)
    assert (doc.text, doc.encoding) == (text, "utf-8")



@FUZZ
@given(data=SHAPED)
def test_any_stdin_yields_documents_or_failures(data: bytes) -> None:
    check_items(list(read_paths(["-"], stdin=io.BytesIO(data), max_bytes=1500)), "<stdin>")


@FUZZ
@given(base=st.integers(0, len(real_inputs()) - 1), seed=st.integers(0, 2**32 - 1))
def test_damaged_real_inputs_yield_documents_or_failures_and_clean(tmp_path: Path, base: int, seed: int) -> None:
    suffix, data = real_inputs()[base]
    path = tmp_path / f"input{suffix}"
    path.write_bytes(mutate(data, random.Random(seed)))
    items = list(read_paths([str(path)], max_bytes=200_000))
    check_items(items, str(path))
    for item in items:
        if isinstance(item, RawDocument):
            check_invariants(item.text, clean(item.text, title=item.title))
