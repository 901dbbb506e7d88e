"""The HTML responses of a WARC stream, read with warcio through bounds: a record may expand only so
far (a decompression bomb stops the file with WarcOverflow), a header line may be only so long and so
many lines may come in a row (CorruptWarc); a record its length misplaces, a stream cut short or
damaged gzip data is CorruptWarc too, where warcio would print a warning and go on."""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import WARCIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from ..models import Provenance

# warcio logs what it repairs in a damaged record ("Replacing spaces in invalid WARC-Target-URI");
# without a handler of the application's those lines would reach the terminal mid-progress-bar.
logging.getLogger("warcio").addHandler(logging.NullHandler())

_TAIL_BYTES = 64
_MESSAGE_CHARS = 200
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class WarcPage:
    """An HTML response found in a WARC file; `payload` is cut one byte past the size limit."""

    provenance: Provenance
    url: str | None
    crawled: str | None
    payload: bytes


class CorruptWarc(Exception):
    """A WARC file that cannot be parsed further."""


class WarcOverflow(Exception):
    """A WARC record that expands past what any article needs (a decompression bomb, say)."""


# What a WARC record may expand to, as a multiple of the payload limit (the rest of a record, a
# video say, is read through and dropped); the longest header line; the most lines read one after
# another (a record's headers, or blank lines between records), each line held until the headers end.
RECORD_BYTES_PER_LIMIT = 50
MAX_LINE_BYTES = 1 << 20
MAX_LINES = 10_000
WARC_BLOCK_BYTES = 16384  # compressed bytes read at a time (warcio's default)


class _BoundedReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader with bounds: raise WarcOverflow when a gzip member decompresses to more than
    `cap` bytes, CorruptWarc for a line longer than `line_cap` or more than MAX_LINES lines in a
    row (warcio reads and keeps header lines whole)."""

    def __init__(self, stream: BinaryIO, block_size: int, cap: int, line_cap: int) -> None:
        super().__init__(stream, block_size=block_size)
        self.cap, self.line_cap, self.member_bytes, self.lines = cap, line_cap, 0, 0

    def _process_read(self, data: bytes) -> None:
        super()._process_read(data)
        if self.decompressor is not None and self.buff is not None:
            self.member_bytes += self.buff_size
            if self.member_bytes > self.cap:
                raise WarcOverflow(f"a record expands to over {self.cap} bytes")

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor is not None and data and self.num_block_read > 0:
            try:  # warcio would print the error and drop the block
                return bytes(self.decompressor.decompress(data))
            except zlib.error as err:
                raise CorruptWarc(f"damaged gzip data ({err})") from err
        return bytes(super()._decompress(data))

    def read_next_member(self) -> bool:
        self.member_bytes = 0
        return bool(super().read_next_member())

    def read(self, length: int | None = None) -> bytes:
        self.lines = 0
        return bytes(super().read(length))

    def readline(self, length: int | None = None) -> bytes:
        self.lines += 1
        if self.lines > MAX_LINES:
            raise CorruptWarc(f"over {MAX_LINES} lines in a row")
        limit = self.line_cap if length is None or length < 0 else min(length, self.line_cap)
        parts, size = [], 0
        while size < limit:
            self._fillbuff()
            if self.empty():
                break
            part = self.buff.readline(limit - size)
            parts.append(part)
            size += len(part)
            if part.endswith(b"\n"):
                break
        line = b"".join(parts)
        if size >= self.line_cap and not line.endswith(b"\n"):
            raise CorruptWarc(f"a line of over {self.line_cap} bytes")
        return line


class _BoundedWarc(WARCIterator):  # type: ignore[misc]
    """warcio's WARC iterator reading through a _BoundedReader, its warnings kept off stderr (a record
    its length misplaces is reported as a BAD_WARC failure instead)."""

    INC_RECORD = ""

    def __init__(self, stream: BinaryIO, max_bytes: int) -> None:
        super().__init__(stream, block_size=WARC_BLOCK_BYTES)
        cap = max(max_bytes, 1) * RECORD_BYTES_PER_LIMIT
        line_cap = min(MAX_LINE_BYTES, max(max_bytes, 1024))
        self.reader = _BoundedReader(self.fh, block_size=WARC_BLOCK_BYTES, cap=cap, line_cap=line_cap)


def warc_pages(stream: BinaryIO, where: str, max_bytes: int) -> Iterator[WarcPage]:
    """The HTML responses of a WARC stream; raise CorruptWarc where the archive breaks."""
    records = _BoundedWarc(stream, max_bytes)
    end = 0  # where the last complete record ends
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            payload = record.content_stream().read(max_bytes + 1) if _is_html_response(record) else None
            offset = records.get_record_offset()  # reads the rest of the record
            end = offset + records.get_record_length()
        except (OSError, CorruptWarc, WarcOverflow):
            raise
        except Exception as err:  # warcio reports damaged input with many exception types
            raise CorruptWarc(_one_line(str(err)) or type(err).__name__) from err
        if _is_cut_short(record):
            raise CorruptWarc(f"the record at byte {offset} is cut short")
        if records.err_count:  # the next record does not start where this one's length says
            raise CorruptWarc(f"the record at byte {offset} does not match its Content-Length")
        if payload is not None:
            headers = record.rec_headers
            yield WarcPage(
                provenance=Provenance(where, record=headers.get_header("WARC-Record-ID"), offset=offset),
                url=headers.get_header("WARC-Target-URI"),
                crawled=headers.get_header("WARC-Date"),
                payload=payload,
            )
    _check_tail(stream, end)


def _check_tail(stream: BinaryIO, end: int) -> None:
    """Raise CorruptWarc unless only blank lines follow the last record (warcio stops silently)."""
    if end == 0:
        raise CorruptWarc("no WARC record found")
    stream.seek(end)
    if stream.read(_TAIL_BYTES).strip():
        raise CorruptWarc(f"unreadable data after byte {end}")


def _is_html_response(record: ArcWarcRecord) -> bool:
    """True for a successful HTTP response whose Content-Type is HTML."""
    headers = record.http_headers
    if record.rec_type != "response" or headers is None:
        return False
    mime = (headers.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
    return mime in _HTML_TYPES and headers.get_statuscode().startswith("2")


def _is_cut_short(record: ArcWarcRecord) -> bool:
    """True when the record has no valid Content-Length or the file ends before that length."""
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    body = record.raw_stream
    return not declared.isdigit() or not isinstance(body, LimitReader) or body.limit > 0


def _one_line(text: str) -> str:
    """`text` on one line, cut to a readable length (warcio quotes whatever line it choked on)."""
    line = " ".join(text.split())
    return line if len(line) <= _MESSAGE_CHARS else line[: _MESSAGE_CHARS - 1] + "…"
