"""Turn raw bytes into text: Unicode first, a legacy encoding only when the guess is confident."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from charset_normalizer import CharsetMatch, from_bytes

from ..errors import Code

_BOMS = (  # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Legacy encodings still met in news text; DOS, Mac and other rare code pages are never guessed.
_SINGLE_BYTE = frozenset(
    [f"cp{n}" for n in range(1250, 1259)]
    + [f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16)]
    + ["latin_1", "koi8_r", "koi8_u", "cp874", "tis_620"]
)
_MULTI_BYTE = frozenset(
    ["gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950"]
    + ["shift_jis", "cp932", "euc_jp", "euc_kr", "cp949"]
)
_MAX_CHAOS = 0.1  # charset-normalizer's mess ratio of the decoded text
_MIN_COHERENCE = 0.2  # how well letter frequencies match a language; unmeasured for CJK
_PLAUSIBILITY_SAMPLE = 65_536  # characters checked for words that mix scripts

_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\v\f\r") + "\x7f"
_BINARY_CONTROL_SHARE = 0.1
_NON_ASCII_BYTES = bytes(range(0x80, 0x100))
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_SCRIPT_ALIASES = {  # first words of Unicode names that belong to a wider script
    **dict.fromkeys(["MASCULINE", "FEMININE", "MICRO"], "LATIN"),
    **dict.fromkeys(["HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HALFWIDTH", "FULLWIDTH"], "CJK"),
    **dict.fromkeys(["HANGUL", "IDEOGRAPHIC"], "CJK"),
}


class DecodeError(Exception):
    """Bytes that cannot be turned into text, with the catalogue code saying why."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(f"{code.value}: {message}")
        self.code = code
        self.message = message


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` and return (text with `\\n` line ends, encoding name); raise DecodeError."""
    if not data:
        raise DecodeError(Code.EMPTY, "empty input")
    text, encoding = _decode(data)
    _refuse_binary(text)
    if not text.strip():
        raise DecodeError(Code.EMPTY, "input is only whitespace")
    return normalise_newlines(text), encoding


def normalise_newlines(text: str) -> str:
    """Turn `\\r\\n` and lone `\\r` line ends into `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> tuple[str, str]:
    """Decode by BOM, then as strict UTF-8, then as a confidently guessed legacy encoding."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom) :], codec, len(bom)), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    _refuse_binary(data.decode("latin-1"))
    guess = None if _mostly_utf8(data) else _guess_legacy(data)
    if guess is None:
        raise DecodeError(Code.UNDECODABLE, f"invalid UTF-8 at byte {utf8_error.start}")
    return guess


def _decode_unicode(data: bytes, codec: str, skipped: int) -> str:
    """Decode BOM-marked UTF-8/16/32 strictly."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise DecodeError(Code.UNDECODABLE, f"invalid {codec} at byte {skipped + err.start}") from None


def _refuse_binary(text: str) -> None:
    """Raise BINARY when the text holds a NUL or a high share of control characters."""
    if "\x00" in text:
        raise DecodeError(Code.BINARY, "binary file: it contains NUL bytes")
    if sum(text.count(c) for c in _CONTROLS) > _BINARY_CONTROL_SHARE * len(text):
        raise DecodeError(Code.BINARY, "binary file: it is full of control characters")


def _mostly_utf8(data: bytes) -> bool:
    """True when well-formed UTF-8 sequences outnumber stray high bytes: broken UTF-8, not legacy."""
    sequences = _UTF8_SEQUENCE.findall(data)
    stray = len(data) - len(data.translate(None, _NON_ASCII_BYTES)) - sum(map(len, sequences))
    return len(sequences) >= stray


def _guess_legacy(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer; keep a known legacy encoding only when the guess is confident.

    Among equally good guesses windows-1252 wins, as it does in browsers.
    """
    confident = [
        (match, name)
        for match in from_bytes(data)
        if (name := _legacy_name(match)) is not None and _is_confident(match, name)
    ]
    if not confident:
        return None
    match, name = min(confident, key=lambda pair: (pair[0].chaos, -pair[0].coherence, pair[1] != "cp1252"))
    return str(match), name


def _legacy_name(match: CharsetMatch) -> str | None:
    """The accepted encoding that yields this match's text, preferring cp1252."""
    names = [match.encoding, *match.could_be_from_charset]
    if "cp1252" in names:
        return "cp1252"
    return next((name for name in names if name in _SINGLE_BYTE or name in _MULTI_BYTE), None)


def _is_confident(match: CharsetMatch, name: str) -> bool:
    """Little mess, a recognisable language (or a valid multi-byte text), no words mixing scripts."""
    if match.chaos > _MAX_CHAOS:
        return False
    if name not in _MULTI_BYTE and match.coherence < _MIN_COHERENCE:
        return False
    return _plausible(str(match)[:_PLAUSIBILITY_SAMPLE])


def _plausible(text: str) -> bool:
    """True when no word mixes scripts, as `r³ckten` or `Cafй` from a wrong code page do."""
    return all(
        run.isascii() or len({_script(char) for char in run}) == 1 for run in _LETTER_RUN.findall(text)
    )


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """A character's script, read from its Unicode name; East Asian scripts count as one."""
    script = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return _SCRIPT_ALIASES.get(script, script)
