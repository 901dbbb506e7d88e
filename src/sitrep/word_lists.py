"""The word lists shipped in sitrep/data: one word or phrase per line, lines starting with # comments."""

from __future__ import annotations

from importlib import resources


def packaged_words(name: str) -> list[str]:
    """The words of data/`name`, stripped, in file order, without blank and comment lines."""
    lines = resources.files("sitrep").joinpath("data", name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
