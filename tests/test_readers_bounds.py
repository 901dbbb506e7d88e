"""Inputs built to hurt the readers: decompression bombs, names that are not UTF-8, FIFOs and
devices, endless standard input, numbers JSON does not have. Each is refused with its code while the
inputs beside it are read."""

from __future__ import annotations

import io
import json
import os
import shutil
import tracemalloc
import zlib
from pathlib import Path

import pytest

from sitrep.errors import Code
from sitrep.ingest.readers import read_paths
from sitrep.models import RawDocument, ReadFailure

from .conftest import SEEDS
from .test_readers import write_warc


def gzip_member(parts: list[bytes], repeat: int = 1) -> bytes:
    """One gzip member of `parts` joined, the last part repeated `repeat` times, compressed as it
    goes (a bomb never exists uncompressed in the test either)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [packer.compress(part) for part in parts[:-1]]
    out += [packer.compress(parts[-1]) for _ in range(repeat)]
    return b"".join(out) + packer.flush()


def test_a_header_line_that_never_ends_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.warc.gz"
    bomb.write_bytes(gzip_member([b"WARC/1.0\r\nWARC-Type: response\r\nX-Pad: ", b"\0" * (1 << 20)], repeat=300))
    assert bomb.stat().st_size < 1_000_000  # 300 MiB once expanded
    tracemalloc.start()
    try:
        items = list(read_paths([str(bomb)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(i.code, "line of over" in i.message) for i in items if isinstance(i, ReadFailure)] == [(Code.BAD_WARC, True)]
    assert peak < 80_000_000  # the old reader held the whole line: over 300 MB here


def test_endless_header_lines_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "lines.warc.gz"
    bomb.write_bytes(gzip_member([b"WARC/1.0\r\n", b"X-Pad: a\r\n" * 1000], repeat=2000))
    (failure,) = read_paths([str(bomb)])
    assert isinstance(failure, ReadFailure) and failure.code is Code.BAD_WARC and "lines in a row" in failure.message


def test_a_record_that_expands_without_end_stops_the_file_after_the_pages_before_it(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    write_warc(good, compress=True)
    length = 400_000_000
    header = f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:bomb>\r\nContent-Length: {length}\r\n\r\n"
    bomb = tmp_path / "crawl.warc.gz"
    bomb.write_bytes(good.read_bytes() + gzip_member([header.encode(), b"\0" * (1 << 20)], repeat=length >> 20))
    items = list(read_paths([str(bomb)], max_bytes=100_000))
    assert [type(i) for i in items] == [RawDocument, RawDocument, ReadFailure]
    assert items[-1].code is Code.TOO_LARGE and "expands to over 5000000 bytes" in items[-1].message


def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    shutil.copy(SEEDS[1], tmp_path / "good.txt")
    with open(os.path.join(folder, b"bad\xffname.txt"), "wb") as out:
        out.write(b"Rebels shelled the town of Idlib on Monday, killing five soldiers.\n")
    bad, good = read_paths([str(tmp_path)])
    assert isinstance(bad, RawDocument) and isinstance(good, RawDocument)
    assert bad.provenance.path.endswith("bad\\xffname.txt")
    bad.provenance.path.encode("utf-8")  # storable and printable as it is


def test_fifos_and_devices_are_named_and_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer for ever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    shutil.copy(SEEDS[1], tmp_path / "report.txt")
    items = list(read_paths([str(tmp_path)])) + list(read_paths([str(tmp_path / "pipe.txt")]))
    found = {Path(i.provenance.path).name: (i.code if isinstance(i, ReadFailure) else i.format) for i in items}
    assert found == {"pipe.txt": Code.NOT_REGULAR, "report.txt": "txt", "zero.txt": Code.NOT_REGULAR}
    assert "a FIFO" in next(i.message for i in items if isinstance(i, ReadFailure))


class Endless(io.RawIOBase):
    """Standard input that never ends, counting what was read of it."""

    def __init__(self, line: bytes) -> None:
        self.line, self.given = line, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = (self.line * (len(buffer) // len(self.line) + 1))[: len(buffer)]
        buffer[: len(data)] = data
        self.given += len(data)
        return len(data)


def test_standard_input_is_not_read_past_the_limit() -> None:
    stream = Endless(b"Tanks moved along the road to Palmyra. ")
    (failure,) = read_paths(["-"], max_bytes=100_000, stdin=io.BufferedReader(stream))
    assert isinstance(failure, ReadFailure) and failure.code is Code.TOO_LARGE
    assert stream.given < 200_000


def test_jsonl_on_standard_input_is_read_line_by_line() -> None:
    line = json.dumps({"text": "Mortar fire hit the old city of Homs."}).encode() + b"\n"
    stream = Endless(line)
    items = read_paths(["-"], max_bytes=10_000, stdin=io.BufferedReader(stream))
    first = [next(items) for _ in range(3)]
    assert all(isinstance(i, RawDocument) and i.text.startswith("Mortar") for i in first)
    assert [i.provenance.line for i in first] == [1, 2, 3]
    assert stream.given < 100_000


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_numbers_json_does_not_have_are_refused(tmp_path: Path, number: str) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text('{"text": "Clashes in Daraa.", "score": %s}\n{"text": "Clashes in Homs."}\n' % number)
    bad, good = read_paths([str(path)])
    assert isinstance(bad, ReadFailure) and bad.code is Code.BAD_JSON and number.lstrip("-") in bad.message
    assert isinstance(good, RawDocument)
