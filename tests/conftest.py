"""Shared paths to the bundled example articles, the FA-KES demo split ingested once per run, and
new stores of either backend (a SQLite file, a database of this run's own PostgreSQL cluster)."""

import json
import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from sitrep.pipeline import COMMIT_EVERY, IngestOptions, IngestReport, ingest
from sitrep.store import open_store

from .pg_cluster import REQUIRED_ENV, Cluster, Missing, cluster

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


BACKENDS = ["sqlite", "postgres"]  # every store test runs on both


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """This run's own PostgreSQL cluster with PostGIS (tests/pg_cluster.py). Without PostgreSQL or
    PostGIS installed the tests that need it skip, unless $SITREP_REQUIRE_POSTGRES is 1 (CI and
    `make test` set it): then they fail."""
    with ExitStack() as stack:
        try:
            made = stack.enter_context(cluster())
        except Missing as missing:
            if os.environ.get(REQUIRED_ENV) == "1":
                pytest.fail(f"${REQUIRED_ENV} is 1, but {missing}")
            pytest.skip(f"PostgreSQL tests skipped: {missing}")
        yield made


def new_location(backend: str, request: pytest.FixtureRequest, folder: Path, name: str = "store.db") -> str:
    """Where a new, empty store goes: the file `name` in `folder`, or a new PostgreSQL database."""
    if backend == "postgres":
        cluster_: Cluster = request.getfixturevalue("postgres")
        return cluster_.new_database()
    return str(folder / name)


@pytest.fixture(params=BACKENDS)
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The location of a new, empty store: a SQLite file, then a PostgreSQL database."""
    return new_location(request.param, request, tmp_path)


def copied_to_postgres(request: pytest.FixtureRequest, db: Path) -> str:
    """A new PostgreSQL database holding a copy of the SQLite store `db` (what `sitrep export-store` does)."""
    from sitrep.store.copy import copy_store

    url = new_location("postgres", request, db.parent)
    with open_store(db) as source, open_store(url) as target:
        copy_store(source, target)
    return url
