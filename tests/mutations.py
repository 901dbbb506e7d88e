"""Real inputs and ways to damage them, for the fuzz tests and `bench/fuzz.py`: the seeds, lines of the
FA-KES demo, a news page, and a crawl as WARC and WARC.gz, each mutated a few times at random."""

from __future__ import annotations

import gzip
import io
import random
from functools import cache

from .conftest import FAKES, SEEDS
from .test_readers import news_page, write_crawl

# Bytes that mean something to one of the readers, spliced in by `mutate`.
TOKENS = [
    b"\n", b"\r\n", b"\x00", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"{", b"}", b'"text": ', b"NaN", b"1e999",
    b"[" * 64, b"<html>", b"<p>", b"</body>", b"<!--", b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n",
    b"\r\n\r\n", b"\x1f\x8b\x08\x00", b"\x1b[2J",
]


@cache
def real_inputs() -> tuple[tuple[str, bytes], ...]:
    """(file suffix, bytes) of every real input the mutations start from."""
    found = [(".txt", seed.read_bytes()) for seed in SEEDS]
    found += [(".jsonl", line + b"\n") for line in FAKES.read_bytes().splitlines()[:3]]
    found.append((".html", news_page().encode()))
    for compress, suffix in ((False, ".warc"), (True, ".warc.gz")):
        out = io.BytesIO()
        write_crawl(out, compress=compress)
        found.append((suffix, out.getvalue()))
    return tuple(found)


def mutate(data: bytes, rng: random.Random) -> bytes:
    """`data` with one to four random changes: bytes flipped, a token spliced in, a slice cut,
    doubled or moved, the end cut off; a WARC.gz is sometimes mutated inside its compression."""
    if data[:2] == b"\x1f\x8b" and rng.random() < 0.5:
        return gzip.compress(mutate(gzip.decompress(data), rng))
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data) + 1)
        size = rng.randint(1, max(1, len(data) // 8))
        kind = rng.randrange(6)
        if kind == 0:
            data = data[:at] + bytes(rng.randrange(256) for _ in range(min(size, 8))) + data[at + min(size, 8) :]
        elif kind == 1:
            data = data[:at] + rng.choice(TOKENS) + data[at:]
        elif kind == 2:
            data = data[:at] + data[at + size :]
        elif kind == 3:
            data = data[:at] + data[at : at + size] * rng.randint(2, 50) + data[at:]
        elif kind == 4:
            piece, rest = data[at : at + size], data[:at] + data[at + size :]
            where = rng.randrange(len(rest) + 1)
            data = rest[:where] + piece + rest[where:]
        else:
            data = data[:at]
    return data
