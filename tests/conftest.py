"""Shared paths to the bundled example articles, the FA-KES demo split ingested once per run, and
new stores of either backend (a SQLite file, a database of this run's own PostgreSQL cluster).

Under pytest-xdist (`make test` runs two workers, `--dist loadfile`) each test file runs whole on one
worker, the browser tests together, slow files first (`pytest_xdist_make_scheduler`); the session's
stores are built by whichever worker asks first and read by the other (`built_once`)."""

import fcntl
import json
import os
import pickle
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TypeVar

import pytest

from sitrep.pipeline import COMMIT_EVERY, IngestOptions, IngestReport, ingest
from sitrep.store import open_store

from .pg_cluster import REQUIRED_ENV, Cluster, Missing, cluster

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = sorted((EXAMPLES / "seeds").glob("*.txt"))
FAKES = EXAMPLES / "fakes" / "fakes_demo.jsonl"
SEED_PUBLISHED = ("2017-08-03", "2017-08-07")  # the seeds' publication dates, in SEEDS order: 000 predicts, 003 fulfils
# Test files that take a minute or more, in the order workers should start them (the rest follow in
# collection order): a long file handed out last would keep one worker busy while the other idles.
SLOW_FIRST = ("browser", "test_interrupt", "test_gazetteer", "test_incidents", "test_ray", "test_api",
              "test_postgres", "test_workers", "test_readme")  # fmt: skip
T = TypeVar("T")


def _group(nodeid: str) -> str:
    """The worker group of a test: its file, or "browser" for the browser tests (one server, one Chromium)."""
    path = nodeid.split("::")[0]
    return "browser" if path.startswith("tests/browser/") else path


def _slow_first(nodeid: str) -> int:
    stem = Path(_group(nodeid)).stem
    return SLOW_FIRST.index(stem) if stem in SLOW_FIRST else len(SLOW_FIRST)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`--dist loadfile`, with the browser files as one group and SLOW_FIRST first. (pytest-xdist's own
    loadgroup renames node ids to group them, which pytest 9 ignores.)"""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _group(nodeid)

    config.option.loadscopereorder = False  # keep the order of `pytest_collection_modifyitems`
    return ByGroup(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist: the files of SLOW_FIRST first, the rest in their order."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=lambda item: _slow_first(item.nodeid))


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], T]) -> T:
    """What `build` makes in the empty folder it is given, made once per run: under pytest-xdist the
    first worker to ask builds it while the others wait, then they read its pickled result."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, result = root / name, root / f"{name}.pickle"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if result.exists():
            made: T = pickle.loads(result.read_bytes())
            return made
        shutil.rmtree(folder, ignore_errors=True)  # a build that failed in another worker
        folder.mkdir()
        made = build(folder)
        result.write_bytes(pickle.dumps(made))
        return made


@pytest.fixture
def seed_texts() -> dict[str, str]:
    """The two seed articles by their number prefix ("000", "003")."""
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS}


@pytest.fixture(scope="session")
def fakes_ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    """A store holding the FA-KES demo split, and the report of ingesting it (read-only for tests:
    those that change a store copy it first)."""

    def build(folder: Path) -> tuple[Path, IngestReport]:
        with open_store(folder / "fakes.db") as store:
            return folder / "fakes.db", ingest([str(FAKES)], store)

    return built_once(tmp_path_factory, "fakes", build)


@pytest.fixture(scope="session")
def scale_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two ingest batches and a bit of the FA-KES demo, with the first article again in the same
    batch and in the last one (a duplicate of an article whose batch may still be in analysis)."""

    def build(folder: Path) -> Path:  # one path for every worker: reports and stores name it
        lines = FAKES.read_text(encoding="utf-8").splitlines()[: 2 * COMMIT_EVERY + 5]
        first = json.loads(lines[0])
        copies = [dict(first, id=f"{first['id']}-again{n}") for n in (1, 2)]
        lines[3:3] = [json.dumps(copies[0])]
        lines.append(json.dumps(copies[1]))
        path = folder / "in.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return built_once(tmp_path_factory, "scale", build)


@pytest.fixture(scope="session")
def scale_one_process(scale_inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    """The store (read-only) and report of `scale_inputs` ingested in one process: what workers and
    Ray must give."""

    def build(folder: Path) -> tuple[Path, IngestReport]:
        with open_store(folder / "one.db") as store:
            return folder / "one.db", ingest([str(scale_inputs)], store, IngestOptions(workers=1))

    return built_once(tmp_path_factory, "scale_one_process", build)


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
