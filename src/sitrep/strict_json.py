"""Strict JSON for what clients send: no NaN or Infinity, bounded nesting, integers within 64 bits."""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 32
INT64 = (-(2**63), 2**63 - 1)


class NotStrictJson(ValueError):
    """Input that is not strict JSON, or nests or counts beyond the limits; the message says which."""


def loads(data: bytes | str, max_depth: int = MAX_DEPTH) -> Any:
    """The value `data` holds, or NotStrictJson."""
    try:
        value = json.loads(data, parse_constant=_constant, parse_float=_finite)
    except RecursionError:
        raise NotStrictJson(f"nested deeper than {max_depth} levels") from None
    except NotStrictJson:
        raise
    except UnicodeDecodeError:
        raise NotStrictJson("not UTF-8") from None
    except ValueError as error:
        raise NotStrictJson(str(error)) from None  # where the JSON breaks
    _check(value, max_depth)
    return value


def _constant(name: str) -> Any:
    raise NotStrictJson(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise NotStrictJson(f"{text[:40]} is beyond the range of a number")
    return number


def _check(value: Any, max_depth: int) -> None:
    """Depth and integer range, walked without recursion."""
    pending = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (list, dict)):
            if depth >= max_depth:
                raise NotStrictJson(f"nested deeper than {max_depth} levels")
            pending += [(child, depth + 1) for child in (item.values() if isinstance(item, dict) else item)]
        elif isinstance(item, int) and not isinstance(item, bool) and not INT64[0] <= item <= INT64[1]:
            raise NotStrictJson("an integer beyond 64 bits")
