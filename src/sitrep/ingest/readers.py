"""Read input paths into RawDocuments; every input that cannot be read becomes a ReadFailure.

Plain text, HTML pages, JSONL (one article a line) and WARC archives are read; directories are
walked recursively; `-` reads standard input.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, BinaryIO

from trafilatura import bare_extraction
from trafilatura.settings import Document

from .. import strict_json
from . import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES
from ..errors import Code
from ..models import Provenance, RawDocument, ReadFailure
from .decode import DecodeError, decode_bytes, normalise_newlines
from .warc import CorruptWarc, WarcOverflow, WarcPage, warc_pages

SUPPORTED = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
STDIN_PATH = "<stdin>"

_Item = RawDocument | ReadFailure

_FORMATS = dict(zip(SUPPORTED, ("txt", "html", "html", "jsonl", "warc", "warc"), strict=True))
_UTF8_BOM = b"\xef\xbb\xbf"
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_SNIFF_BYTES = 4096
# Only dates the page states in its markup or URL: htmldate's extensive search guesses from
# free text, and turns a footer's "Copyright 2023" into 2023-01-01.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_HTML_METADATA = ("description", "hostname", "categories", "tags", "language", "image", "pagetype", "license")
_RECORD_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "id": ((str, int), "a string or an integer"),
    "outlet": ((str,), "a string"),
    "url": ((str,), "a string"),
    "title": ((str,), "a string"),
    "published": ((str,), "a string"),
    "text": ((str,), "a string"),
    "html": ((str,), "a string"),
}
_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def read_paths(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Yield one RawDocument per article found in `paths` and one ReadFailure per unreadable input.

    `-` reads `stdin` (by default the process's standard input). Text and HTML inputs over
    `max_bytes` are refused; JSONL lines and WARC payloads are held to it one by one.
    """
    for arg in paths:
        if arg == "-":
            yield from _read_stdin(sys.stdin.buffer if stdin is None else stdin, max_bytes)
        else:
            yield from _read_path(os.path.abspath(arg), max_bytes)


def _read_path(path: str, max_bytes: int) -> Iterator[_Item]:
    """Read a path given on the command line: a directory, a file of any name, or nothing."""
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        yield ReadFailure(Provenance(_where(path)), Code.MISSING_PATH, "no such file or directory")
        return
    except OSError as err:
        yield _os_failure(Provenance(_where(path)), err)
        return
    if not is_dir:
        yield from _read_file(path, _format_of(path), max_bytes)
        return
    for found in _walk(path):
        if isinstance(found, ReadFailure):
            yield found
        else:
            yield from _read_file(found, _format_of(found), max_bytes)


def _walk(directory: str) -> Iterator[str | ReadFailure]:
    """Supported files under `directory`, depth first in name order; hidden entries are skipped.

    Symbolic links to directories are not followed, so a link cycle cannot loop.
    """
    try:
        with os.scandir(directory) as entries:
            listing = sorted((e.name, e.path, e.is_dir(follow_symlinks=False)) for e in entries)
    except OSError as err:
        yield _os_failure(Provenance(_where(directory)), err)
        return
    for name, path, is_dir in listing:
        if name.startswith("."):
            continue
        if is_dir:
            yield from _walk(path)
        elif _format_of(name) is not None:
            yield path


def _format_of(path: str) -> str | None:
    """The format a file name promises, or None for an unsupported extension."""
    name = path.lower()
    return next((fmt for suffix, fmt in _FORMATS.items() if name.endswith(suffix)), None)


def _read_file(path: str, fmt: str | None, max_bytes: int) -> Iterator[_Item]:
    """Read one regular file; a None format means sniffing HTML or plain text from the content.
    Devices, FIFOs and sockets are not opened: reading one may never end."""
    try:
        info = os.stat(path)
    except OSError as err:
        yield _os_failure(Provenance(_where(path)), err)
        return
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        yield ReadFailure(Provenance(_where(path)), Code.NOT_REGULAR, f"{kind}, not a regular file: skipped (use - for standard input)")
        return
    if fmt == "jsonl":
        yield from _read_jsonl_file(path, max_bytes)
    elif fmt == "warc":
        yield from _read_warc_file(path, max_bytes, info.st_size)
    else:
        yield _read_whole_file(path, fmt, max_bytes, info.st_size)


def _read_whole_file(path: str, fmt: str | None, max_bytes: int, size: int) -> _Item:
    """Read a text or HTML file of `size` bytes, refusing it up front when it is over the size limit."""
    provenance = Provenance(_where(path))
    if size > max_bytes:
        return _too_large(provenance, f"file ({size} bytes)", max_bytes)
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as err:
        return _os_failure(provenance, err)
    if len(data) > max_bytes:  # a file that grew since its size was read
        return _too_large(provenance, "file", max_bytes)
    return _from_bytes(data, provenance, fmt or _sniff(data))


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[_Item]:
    """Read standard input and sniff it as JSONL (streamed line by line), HTML or plain text (held
    to `max_bytes`: never more than that is read into memory)."""
    provenance = Provenance(STDIN_PATH)
    try:
        head = stream.read(_SNIFF_BYTES)
        while head and not head.removeprefix(_UTF8_BOM).strip() and len(head) <= max_bytes:
            more = stream.read(_SNIFF_BYTES)  # blank lines before the first character
            if not more:
                break
            head += more
        if head.removeprefix(_UTF8_BOM).lstrip().startswith(b"{"):
            yield from _read_jsonl(io.BufferedReader(_Prefixed(head, stream)), STDIN_PATH, max_bytes)
            return
        data = head + stream.read(max(max_bytes + 1 - len(head), 0))
    except OSError as err:
        yield _os_failure(provenance, err)
        return
    if len(data) > max_bytes:
        yield _too_large(provenance, "input", max_bytes)
    else:
        yield _from_bytes(data, provenance, _sniff(data))


class _Prefixed(io.RawIOBase):
    """A stream's bytes with the ones already read from it put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self._head:
            data = self._rest.read(len(buffer))
        else:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        buffer[: len(data)] = data
        return len(data)


def _sniff(data: bytes) -> str:
    """"html" when the bytes open like an HTML page, else "txt"."""
    head = data[:_SNIFF_BYTES].removeprefix(_UTF8_BOM).lstrip()
    return "html" if head.startswith(b"<") and _HTML_TAG.search(head) else "txt"


def _from_bytes(data: bytes, provenance: Provenance, fmt: str, url: str | None = None) -> _Item:
    """Decode a whole input; HTML ("html" or "warc") then goes through article extraction."""
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as err:
        return ReadFailure(provenance, err.code, err.message)
    digest = _sha256(data)
    if fmt == "txt":
        return RawDocument(provenance=provenance, raw_sha256=digest, text=text, format=fmt, encoding=encoding)
    return _html_document(text, provenance, digest, fmt, encoding=encoding, url=url)


def _html_document(
    html: str,
    provenance: Provenance,
    digest: str,
    fmt: str,
    *,
    encoding: str = "utf-8",
    url: str | None = None,
) -> _Item:
    """Extract the main text and metadata of an HTML page with trafilatura."""
    page = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(page, Document) or not page.text or not page.text.strip():
        return ReadFailure(provenance, Code.NO_ARTICLE, "no article text found in the HTML")
    return RawDocument(
        provenance=provenance,
        raw_sha256=digest,
        text=page.text,
        format=fmt,
        title=page.title or None,
        outlet=page.sitename or None,
        url=url or page.url or None,
        published=_iso_date(page.date) if page.date else None,
        author=page.author or None,
        encoding=encoding,
        metadata={name: value for name in _HTML_METADATA if (value := getattr(page, name))},
    )


# JSONL


def _read_jsonl_file(path: str, max_bytes: int) -> Iterator[_Item]:
    """Stream a JSONL file line by line."""
    try:
        with open(path, "rb") as stream:
            yield from _read_jsonl(stream, path, max_bytes)
    except OSError as err:
        yield _os_failure(Provenance(_where(path)), err)


def _read_jsonl(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[_Item]:
    """One item per non-blank line; EMPTY for the whole input when there is none."""
    where = _where(path)
    found = False
    for number, line in enumerate(_lines(stream, max_bytes), start=1):
        if line is not None and not line.strip():
            continue
        found = True
        provenance = Provenance(where, line=number)
        yield _too_large(provenance, "line", max_bytes) if line is None else _jsonl_record(line, provenance)
    if not found:
        yield ReadFailure(Provenance(where), Code.EMPTY, "no JSONL records")


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Lines without their line ends, never holding more than `max_bytes`; None for a longer line."""
    while chunk := stream.readline(max_bytes + 1):
        if chunk.endswith(b"\n") or len(chunk) <= max_bytes:
            yield chunk.removesuffix(b"\n").removesuffix(b"\r")
            continue
        while chunk and not chunk.endswith(b"\n"):  # skip the rest of the long line
            chunk = stream.readline(max_bytes + 1)
        yield None


def _jsonl_record(line: bytes, provenance: Provenance) -> _Item:
    """Turn one JSONL line into a RawDocument, or say what is wrong with it."""
    skipped = len(_UTF8_BOM) if line.startswith(_UTF8_BOM) else 0
    try:
        record = strict_json.loads(line[skipped:].decode("utf-8"))
    except UnicodeDecodeError as err:
        return ReadFailure(provenance, Code.UNDECODABLE, f"invalid UTF-8 at byte {skipped + err.start}")
    except strict_json.NotStrictJson as err:
        return ReadFailure(provenance, Code.BAD_JSON, f"not valid JSON: {err}")
    problem = _record_problem(record)
    if problem is not None:
        return ReadFailure(provenance, Code.BAD_RECORD, problem)
    title, outlet, url = (record.get(name) or None for name in ("title", "outlet", "url"))
    published = _iso_date(record["published"]) if record.get("published") is not None else None
    metadata = {key: value for key, value in record.items() if key == "id" or key not in _RECORD_FIELDS}
    digest = _sha256(line)
    text, html = record.get("text"), record.get("html")
    if text and text.strip():
        return RawDocument(
            provenance=provenance,
            raw_sha256=digest,
            text=normalise_newlines(text),
            format="jsonl",
            title=title,
            outlet=outlet,
            url=url,
            published=published,
            metadata=metadata,
        )
    if not (html and html.strip()):
        return ReadFailure(provenance, Code.NO_TEXT, "record has no text or html")
    page = _html_document(html, provenance, digest, "jsonl", url=url)
    if isinstance(page, ReadFailure):
        return page
    return replace(
        page,
        title=title or page.title,
        outlet=outlet or page.outlet,
        published=published or page.published,
        metadata={**page.metadata, **metadata},
    )


def _record_problem(record: Any) -> str | None:
    """Why a parsed JSONL line is not a usable record, or None when it is."""
    if not isinstance(record, dict):
        return f"expected a JSON object, got {_json_type(record)}"
    for name, (types, expected) in _RECORD_FIELDS.items():
        value = record.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, types)):
            return f"field {name!r} should be {expected}, got {_json_type(value)}"
    published = record.get("published")
    if published is not None and _iso_date(published) is None:
        return f"field 'published' is not an ISO date or datetime: {published!r}"
    return None


def _json_type(value: Any) -> str:
    """How JSON names the type of a parsed value."""
    return _JSON_TYPES.get(type(value), "a number")


# WARC


def _read_warc_file(path: str, max_bytes: int, size: int) -> Iterator[_Item]:
    """Read every HTML response of a WARC file of `size` bytes; stop with BAD_WARC at the first
    damaged record."""
    where = _where(path)
    if size == 0:
        yield ReadFailure(Provenance(where), Code.EMPTY, "empty WARC file")
        return
    try:
        with open(path, "rb") as stream:
            for page in warc_pages(stream, where, max_bytes):
                yield _warc_document(page, max_bytes)
    except OSError as err:
        yield _os_failure(Provenance(where), err)
    except CorruptWarc as err:
        yield ReadFailure(Provenance(where), Code.BAD_WARC, f"corrupt or truncated WARC: {err}")
    except WarcOverflow as err:
        yield ReadFailure(Provenance(where), Code.TOO_LARGE, f"{err}: the rest of the file is skipped")


def _warc_document(page: WarcPage, max_bytes: int) -> _Item:
    """Extract the article of a WARC HTML response; the WARC-Date is kept as `crawled`."""
    if len(page.payload) > max_bytes:
        return _too_large(page.provenance, "HTTP payload", max_bytes)
    document = _from_bytes(page.payload, page.provenance, "warc", url=page.url)
    if isinstance(document, ReadFailure) or page.crawled is None:
        return document
    return replace(document, metadata={**document.metadata, "crawled": page.crawled})


# Shared helpers


def _iso_date(value: str) -> date | None:
    """The calendar date of an ISO 8601 date or datetime, as written; None when it is not one."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _where(path: str) -> str:
    """A path as stored and shown: a name's bytes that are not UTF-8 written as `\\xff`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _too_large(provenance: Provenance, what: str, max_bytes: int) -> ReadFailure:
    return ReadFailure(provenance, Code.TOO_LARGE, f"{what} is over the {max_bytes}-byte limit")


def _os_failure(provenance: Provenance, err: OSError) -> ReadFailure:
    return ReadFailure(provenance, Code.UNREADABLE, f"cannot read: {err.strerror or err}")
