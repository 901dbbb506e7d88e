"""Abbreviations of first-level divisions ("Ky.", "NSW"), from `data/admin_abbreviations.csv`."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def _table() -> dict[str, list[tuple[str, str]]]:
    """abbreviation (as written, and without its dots) -> [(country, GeoNames admin1 code "US.KY")]."""
    text = resources.files("sitrep").joinpath("data/admin_abbreviations.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    table: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        code = (row["country"], f"{row['country']}.{row['admin1']}")
        for key in {row["abbreviation"], row["abbreviation"].rstrip(".")}:
            table.setdefault(key, []).append(code)
    return table


def admin_by_abbreviation(word: str) -> tuple[str, str] | None:
    """(country, admin1 code) for an unambiguous abbreviation; None when unknown or ambiguous ("WA", "CA")."""
    found = set(_table().get(word, []) or _table().get(word.rstrip("."), []))
    return found.pop() if len(found) == 1 else None


def all_abbreviations() -> list[tuple[str, str, str]]:
    """(abbreviation, country, admin1 code) rows, for indexing them as names of the divisions."""
    return [(abbr, country, code) for abbr, codes in _table().items() for country, code in codes]
