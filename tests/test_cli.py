"""The command line: contracts (commands, options, formats, exit codes) on real input."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

from .conftest import FAKES, SEEDS

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["ingest", "--db", path, "--quiet", *map(str, SEEDS)])
    assert result.exit_code == 0, result.output
    assert "ingested 2, duplicates 0, failed 0" in result.stdout
    return path


def test_articles_listing_in_every_format(db):
    rows = [json.loads(line) for line in runner.invoke(app, ["articles", "--db", db, "--format", "jsonl"]).stdout.splitlines()]
    assert {r["title"] for r in rows} == {
        "Syrian army breaks through ISIS lines; approaches Al-Sukhnah",
        "Recapture of Al-Sukhnah Inspires Syrian Army, Allies",
    }
    assert set(rows[0]) == {"id", "published", "outlet", "kind", "sources", "near_duplicates", "title"}
    table = csv.DictReader(io.StringIO(runner.invoke(app, ["articles", "--db", db, "-f", "csv"]).stdout))
    assert sorted(r["kind"] for r in table) == ["news", "opinion"]
    shown = runner.invoke(app, ["articles", "--db", db]).stdout
    assert "Recapture of Al-Sukhnah" in shown and "opinion" in shown
    assert runner.invoke(app, ["articles", "--db", db, "--kind", "opinion", "-f", "jsonl"]).stdout.count("\n") == 1


def test_show_gives_text_removed_furniture_and_sources(db):
    rows = [json.loads(line) for line in runner.invoke(app, ["articles", "--db", db, "-f", "jsonl", "--kind", "opinion"]).stdout.splitlines()]
    prefix = rows[0]["id"][:6]
    shown = runner.invoke(app, ["articles", "show", prefix, "--db", db])
    assert shown.exit_code == 0
    assert "Help us grow" in shown.stdout.split("removed by cleaning")[1]
    assert "000_625f3ca7ba29f883.txt" in shown.stdout
    as_json = json.loads(runner.invoke(app, ["articles", "show", prefix, "--db", db, "--json"]).stdout)
    assert as_json["kind"] == "opinion" and as_json["sources"][0]["format"] == "txt"


def test_show_unknown_id_is_one_clear_error(db):
    result = runner.invoke(app, ["articles", "show", "ffffffffff", "--db", db])
    assert result.exit_code == 2
    assert "E601" in result.stderr and "no article" in result.stderr


def test_stats_formats(db):
    figures = json.loads(runner.invoke(app, ["stats", "--db", db, "-f", "jsonl"]).stdout)
    assert figures["articles"] == 2 and figures["by_kind"] == {"news": 1, "opinion": 1}
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["stats", "--db", db, "-f", "csv"]).stdout)))
    assert {"figure": "by_kind.opinion", "value": "1"} in rows


def test_sitrep_db_environment_variable(tmp_path):
    path = str(tmp_path / "env.db")
    result = runner.invoke(app, ["ingest", "-q", str(SEEDS[1])], env={"SITREP_DB": path})
    assert result.exit_code == 0
    assert json.loads(runner.invoke(app, ["stats", "-f", "jsonl"], env={"SITREP_DB": path}).stdout)["articles"] == 1


def test_ingest_failure_exit_code_and_summary(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "Shelling hit Aleppo overnight, killing three."}\n[1, 2]\n')
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "b.db"), str(bad), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "ingested 1, duplicates 0, failed 2" in result.stdout
    assert "bad.jsonl:2" in result.stderr and "E202" in result.stderr
    assert "nope.txt" in result.stderr and "E101" in result.stderr


def test_bad_published_option_is_rejected(tmp_path):
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "c.db"), "--published", "last week", str(SEEDS[0])])
    assert result.exit_code == 2 and "E501" in result.stderr


def test_stdin_ingest(tmp_path):
    text = FAKES.read_text(encoding="utf-8").splitlines()[0] + "\n"
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), "-q", "-"], input=text)
    assert result.exit_code == 0 and "ingested 1" in result.stdout


def test_help_everywhere():
    for command in ([], ["ingest"], ["articles"], ["articles", "show"], ["stats"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
