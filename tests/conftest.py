"""Shared paths to the bundled example articles, and the FA-KES demo split ingested once per run."""

from pathlib import Path

import pytest

from sitrep.pipeline import IngestReport, ingest
from sitrep.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = sorted((EXAMPLES / "seeds").glob("*.txt"))
FAKES = EXAMPLES / "fakes" / "fakes_demo.jsonl"


@pytest.fixture
def seed_texts() -> dict[str, str]:
    """The two seed articles by their number prefix ("000", "003")."""
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS}


@pytest.fixture(scope="session")
def fakes_ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    """A store holding the FA-KES demo split, and the report of ingesting it (read-only for tests:
    those that change a store copy it first)."""
    db = tmp_path_factory.mktemp("fakes") / "fakes.db"
    with open_store(db) as store:
        report = ingest([str(FAKES)], store)
    return db, report
