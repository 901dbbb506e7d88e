"""Shared paths to the bundled example articles."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = sorted((EXAMPLES / "seeds").glob("*.txt"))
FAKES = EXAMPLES / "fakes" / "fakes_demo.jsonl"


@pytest.fixture
def seed_texts() -> dict[str, str]:
    """The two seed articles by their number prefix ("000", "003")."""
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS}
