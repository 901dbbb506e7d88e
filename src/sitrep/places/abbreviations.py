"""Abbreviations of first-level divisions ("Ky.", "W. Va.", "NSW"), from `data/admin_abbreviations.csv`."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def _form(word: str) -> str:
    """How an abbreviation is looked up: without spaces, so "W. Va." is "W.Va."."""
    return "".join(word.split())


@cache
def _table() -> dict[str, list[tuple[str, str]]]:
    """abbreviation (as written, and without its last dot) -> [(country, GeoNames admin1 code "US.KY")]."""
    text = resources.files("sitrep").joinpath("data/admin_abbreviations.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    table: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        code = (row["country"], f"{row['country']}.{row['admin1']}")
        written = _form(row["abbreviation"])
        for key in {written, written.rstrip(".")}:
            if code not in table.get(key, []):
                table.setdefault(key, []).append(code)
    return table


def admin_abbreviation_codes(word: str) -> list[tuple[str, str]]:
    """Every (country, admin1 code) the abbreviation may stand for: "WA" is Washington and Western Australia."""
    form = _form(word)
    return list(_table().get(form, []) or _table().get(form.rstrip("."), []))


def admin_by_abbreviation(word: str) -> tuple[str, str] | None:
    """(country, admin1 code) for an unambiguous abbreviation; None when unknown or ambiguous ("WA", "CA")."""
    found = set(admin_abbreviation_codes(word))
    return found.pop() if len(found) == 1 else None


def all_abbreviations() -> list[tuple[str, str, str]]:
    """(abbreviation, country, admin1 code) rows, for indexing them as names of the divisions."""
    return [(abbr, country, code) for abbr, codes in _table().items() for country, code in codes]
