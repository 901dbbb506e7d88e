"""Text from inputs made safe to print on a terminal: control characters (the escape sequences that
move the cursor, retitle the window or clear the screen) shown as `\\x1b`, and rich's markup escaped."""

from __future__ import annotations

import re

from rich.markup import escape

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls, DEL; not tab or newline


def shown(text: str) -> str:
    """`text` as it may reach a terminal through rich: controls written out, markup escaped."""
    return escape(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text))
