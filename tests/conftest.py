"""Shared paths to the bundled example articles, and the FA-KES demo split ingested once per run."""

import json
from pathlib import Path

import pytest

from sitrep.pipeline import COMMIT_EVERY, IngestOptions, IngestReport, ingest
from sitrep.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = sorted((EXAMPLES / "seeds").glob("*.txt"))
FAKES = EXAMPLES / "fakes" / "fakes_demo.jsonl"
SEED_PUBLISHED = ("2017-08-03", "2017-08-07")  # the seeds' publication dates, in SEEDS order: 000 predicts, 003 fulfils


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


@pytest.fixture(scope="session")
def scale_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two ingest batches and a bit of the FA-KES demo, with the first article again in the same
    batch and in the last one (a duplicate of an article whose batch may still be in analysis)."""
    lines = FAKES.read_text(encoding="utf-8").splitlines()[: 2 * COMMIT_EVERY + 5]
    first = json.loads(lines[0])
    copies = [dict(first, id=f"{first['id']}-again{n}") for n in (1, 2)]
    lines[3:3] = [json.dumps(copies[0])]
    lines.append(json.dumps(copies[1]))
    path = tmp_path_factory.mktemp("scale") / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def scale_one_process(scale_inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    """The store (read-only) and report of `scale_inputs` ingested in one process: what workers and
    Ray must give."""
    db = tmp_path_factory.mktemp("scale") / "one.db"
    with open_store(db) as store:
        return db, ingest([str(scale_inputs)], store, IngestOptions(workers=1))
