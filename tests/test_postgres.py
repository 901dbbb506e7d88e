"""What only a PostgreSQL store does: several ingests writing to one database at once, and
`sitrep export-store` between SQLite and PostgreSQL. (Every store, linking and API test runs on
PostgreSQL too: see `BACKENDS` in conftest.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.pipeline import IngestReport

from .pg_cluster import Cluster
from .store_rows import store_rows

runner = CliRunner()


def test_two_ingests_at_once_into_one_database_lose_nothing_and_store_nothing_twice(
    postgres: Cluster, scale_inputs: Path, scale_one_process: tuple[Path, IngestReport]
) -> None:
    """Two processes ingest the same inputs into one database at the same time: the store holds
    what one process ingesting them once stores, row for row, and each article was stored by one
    of them (the other found it stored: one more source of it, or the same source unchanged)."""
    url = postgres.new_database()
    command = [sys.executable, "-m", "sitrep", "ingest", str(scale_inputs), "--db", url, "--workers", "1", "-q"]
    ingests = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [ingest.communicate(timeout=600) for ingest in ingests]
    assert [ingest.returncode for ingest in ingests] == [0, 0], outputs
    one_process, report = scale_one_process
    assert store_rows(url) == store_rows(one_process)
    ingested = sum(int(out.split("ingested ")[1].split(",")[0]) for out, _ in outputs)
    assert ingested == report.ingested


def test_export_store_round_trips_sqlite_to_postgres_and_back(
    postgres: Cluster, scale_one_process: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    source, _ = scale_one_process
    url, back = postgres.new_database(), tmp_path / "back.db"
    there = runner.invoke(app, ["export-store", "--db", str(source), "--to", url])
    assert there.exit_code == 0, there.output
    counts = dict(line.split() for line in there.stdout.splitlines()[1:])
    rows = store_rows(source)
    assert {table: int(n) for table, n in counts.items()} == {table: len(rows[table]) for table in counts}
    assert int(counts["events"]) > 0 and int(counts["incidents"]) > 0
    assert store_rows(url) == rows
    home = runner.invoke(app, ["export-store", "--db", url, "--to", str(back)])
    assert home.exit_code == 0, home.output
    assert store_rows(back) == rows
    listed = runner.invoke(app, ["events", "--db", url, "-f", "jsonl"]).stdout.splitlines()
    assert [json.loads(line)["id"] for line in listed] == [
        json.loads(line)["id"] for line in runner.invoke(app, ["events", "--db", str(back), "-f", "jsonl"]).stdout.splitlines()
    ]


def test_export_store_refuses_a_target_that_holds_rows(postgres: Cluster, scale_one_process: tuple[Path, IngestReport]) -> None:
    source, _ = scale_one_process
    url = postgres.new_database()
    assert runner.invoke(app, ["export-store", "--db", str(source), "--to", url]).exit_code == 0
    again = runner.invoke(app, ["export-store", "--db", str(source), "--to", url])
    assert again.exit_code == 2 and "E1204" in again.stderr and "not empty" in again.stderr
    into_itself = runner.invoke(app, ["export-store", "--db", str(source), "--to", str(source)])
    assert into_itself.exit_code == 2 and "E1204" in into_itself.stderr
