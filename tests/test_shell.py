"""The command line as a shell tool: what it loads to start, its version, how it refuses a missing
store, its progress lines in a log, article id prefixes, a taken port, and closed pipes."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import sitrep
from sitrep.cli import app
from sitrep.cli.progress import LineProgress
from sitrep.models import Article
from sitrep.store import open_store

from .conftest import SEEDS

runner = CliRunner()
SRC = str(Path(sitrep.__file__).resolve().parents[1])
ENV = {**os.environ, "PYTHONPATH": SRC}
READING = (["articles"], ["articles", "show", "ab12"], ["stats"], ["events"], ["incidents"], ["claims"], ["stories"], ["link"], ["serve"])


def sitrep_process(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], env=ENV, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("shell") / "shell.db")
    result = runner.invoke(app, ["ingest", "--db", path, "--quiet", *map(str, SEEDS)])
    assert result.exit_code == 0, result.output
    return path


def test_importing_the_command_line_loads_no_heavy_library():
    probe = "import sys, sitrep.cli; print(sorted(m for m in ('spacy', 'datasketch', 'fastapi', 'uvicorn', 'trafilatura', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], env=ENV, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_and_help_answer_without_a_store(tmp_path):
    result = sitrep_process("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"sitrep {version('sitrep')}"
    result = sitrep_process("--help", cwd=tmp_path)
    assert result.returncode == 0 and "events" in result.stdout and "--version" in result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(c))
def test_reading_commands_refuse_a_missing_database_and_create_none(tmp_path, command):
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    assert "E702" in result.stderr and str(missing) in result.stderr
    assert not missing.exists()


def test_ingest_still_creates_its_database(tmp_path):
    path = tmp_path / "new.db"
    assert runner.invoke(app, ["ingest", "--db", str(path), "--quiet", "--no-analyse", str(SEEDS[0])]).exit_code == 0
    assert path.exists()


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_lines_in_a_log_give_count_rate_and_time_left():
    out = Console(file=io.StringIO(), width=200)
    clock = Clock()
    progress = LineProgress(out, quiet=False, every=10.0, clock=clock)
    progress.start(100)
    for _ in range(40):  # 40 articles in 20 s: one line at 10 s and one at 20 s
        clock.now += 0.5
        progress.advance()
    lines = out.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert lines[0] == "ingest: storing 100 articles"
    assert lines[1:] == [
        "ingest: stored 20 of 100 articles (20%), 2.0 a second, about 40 s left",
        "ingest: stored 40 of 100 articles (40%), 2.0 a second, about 30 s left",
    ]


def test_quiet_progress_prints_no_lines():
    out = Console(file=io.StringIO(), width=200)
    clock = Clock()
    progress = LineProgress(out, quiet=True, every=1.0, clock=clock)
    progress.start(10)
    for _ in range(10):
        clock.now += 5
        progress.advance()
    assert out.file.getvalue() == ""  # type: ignore[attr-defined]


def test_ingest_into_a_log_writes_plain_lines(tmp_path):
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "log.db"), "--no-analyse", *map(str, SEEDS)])
    assert result.exit_code == 0
    assert "ingest: storing 2 articles" in result.stderr and "\x1b[" not in result.stderr


def _article(article_id: str) -> Article:
    return Article(
        id=article_id, title="A title", text=f"Text of {article_id}.", kind="news", published=None, published_from=None,
        outlet=None, url=None, removed=(),
    )


def test_show_takes_a_prefix_lists_events_and_names_candidates_of_an_ambiguous_one(db, tmp_path):
    rows = [json.loads(line) for line in runner.invoke(app, ["articles", "--db", db, "-f", "jsonl"]).stdout.splitlines()]
    events = [json.loads(line) for line in runner.invoke(app, ["events", "--db", db, "-f", "jsonl"]).stdout.splitlines()]
    for row in rows:
        shown = runner.invoke(app, ["articles", "show", row["id"][:5], "--db", db])
        assert shown.exit_code == 0, shown.output
        own = [e for e in events if e["article"]["id"] == row["id"]]
        assert own and f"events ({len(own)})" in shown.stdout
        assert all(e["id"] in shown.stdout for e in own)
        as_json = json.loads(runner.invoke(app, ["articles", "show", row["id"][:5], "--db", db, "--json"]).stdout)
        assert {e["id"] for e in as_json["events"]} == {e["id"] for e in own}

    twins = str(tmp_path / "twins.db")
    with open_store(twins) as store, store.transaction():
        for article_id in ("dd01", "dd02", "ee01"):
            store.add_article(_article(article_id))
    ambiguous = runner.invoke(app, ["articles", "show", "dd", "--db", twins])
    assert ambiguous.exit_code == 2 and "E602" in ambiguous.stderr
    assert "dd01" in ambiguous.stderr and "dd02" in ambiguous.stderr and "ee01" not in ambiguous.stderr
    assert runner.invoke(app, ["articles", "show", "ff", "--db", twins]).stderr.count("E601") == 1


def test_serve_on_a_taken_port_is_one_clear_error(db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", db, "--port", str(port), "--workers", "1"])
    assert result.exit_code == 2
    assert "E502" in result.stderr and f"127.0.0.1:{port} is taken" in result.stderr


@pytest.mark.parametrize("args", [["events", "-f", "jsonl"], ["articles", "-f", "jsonl"]], ids=["events", "articles"])
def test_a_closed_pipe_ends_a_listing_quietly(db, args):
    process = subprocess.Popen(
        [sys.executable, "-m", "sitrep", *args, "--db", db], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert stderr == ""


def test_a_closed_pipe_is_no_error_of_the_input_file(tmp_path):
    source = tmp_path / "articles.jsonl"
    lines = [{"id": n, "text": f"Shelling hit the town of Homs on day {n}."} for n in range(50)]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "cluster", "--text-only", str(source)], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Broken pipe" not in stderr and "Traceback" not in stderr and "E102" not in stderr


def _events(db: str, *options: str) -> list[dict]:
    result = runner.invoke(app, ["events", "--db", db, "-f", "jsonl", *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_filter_values_in_any_case_spelling_or_code(db):
    every = _events(db)
    assert _events(db, "--type", "battles") == _events(db, "--type", "Battles") == [e for e in every if e["event_type"] == "Battles"]
    assert _events(db, "--type", "government REGAINS territory") == [e for e in every if e["sub_event_type"] == "Government regains territory"]
    syria = [e for e in every if e["country"] == "SY"]
    assert syria and _events(db, "--country", "Syria") == _events(db, "--country", "sy") == _events(db, "--country", "SYR") == syria
    homs = [e for e in every if e["admin1"] == "Ḩimş"]
    assert homs and _events(db, "--admin1", "Homs") == _events(db, "--admin1", "HIMS") == homs
    two = [e for e in every if e["modality"] in ("predicted", "reported")]
    assert _events(db, "--modality", "Predicted,reported") == _events(db, "--modality", "predicted", "--modality", "REPORTED") == two
    islamic_state = [e for e in every if "Islamic State" in {(e["actor1"] or {}).get("name"), (e["actor2"] or {}).get("name")}]
    assert islamic_state and _events(db, "--actor", "ISIS") == islamic_state  # an alias the catalogue knows


def test_filter_values_that_match_nothing_by_mistake_are_errors(db):
    for options, named in (
        (["--type", "battle"], ["'Battles'", "Explosions/Remote violence", "Strategic developments"]),
        (["--modality", "reported,rumoured"], ["'rumoured'", "predicted", "negated"]),
        (["--country", "Syra"], ["did you mean 'Syria'"]),
        (["--admin1", "Narnia Province"], ["--admin1"]),
        (["--near", "34.8"], ["LAT,LON"]),
        (["--near", "34.8,38.9"], ["--radius"]),
        (["--bbox", "38,34,37,35"], ["west"]),
        (["--q", "*("], ["--q"]),
        (["--since", "2017-05-01", "--until", "2017-01-01"], ["--since"]),
    ):
        result = runner.invoke(app, ["events", "--db", db, *options])
        assert result.exit_code == 2 and "E501" in result.stderr, (options, result.output)
        assert all(part in result.stderr for part in named), (options, result.stderr)


def test_area_words_and_sources_filters_on_the_command_line(db):
    every = _events(db)
    located = [e for e in every if e["latitude"] is not None]
    first = located[0]
    near = _events(db, "--near", f"{first['latitude']},{first['longitude']}", "--radius", "1")
    assert first in near and all(e["latitude"] is not None for e in near)
    box = f"{first['longitude'] - 0.01},{first['latitude'] - 0.01},{first['longitude'] + 0.01},{first['latitude'] + 0.01}"
    assert first in _events(db, "--bbox", box)
    assert _events(db, "--q", "Sukhnah") and _events(db, "--q", "Sukhnah", "--min-sources", "9") == []


def test_outlet_matches_without_case_or_accents(tmp_path):
    path = str(tmp_path / "outlets.db")
    assert runner.invoke(app, ["ingest", "--db", path, "-q", "--no-analyse", "--outlet", "Anadolu Ajansı", str(SEEDS[0])]).exit_code == 0
    for spelling in ("anadolu ajansi", "ANADOLU AJANSI", "Anadolu Ajansı"):
        rows = runner.invoke(app, ["articles", "--db", path, "--outlet", spelling, "-f", "jsonl"]).stdout.splitlines()
        assert [json.loads(row)["outlet"] for row in rows] == ["Anadolu Ajansı"], spelling
    assert runner.invoke(app, ["articles", "--db", path, "--outlet", "Anadolu", "-f", "jsonl"]).stdout == ""
