"""The command line: contracts (commands, options, formats, exit codes) on real input."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.places.geoparse import DERIVED

from .conftest import FAKES, SEEDS

runner = CliRunner()
BOM = "\ufeff"  # CSV starts with one, for Excel


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
    assert set(rows[0]) == {"id", "published", "published_from", "outlet", "url", "kind", "sources", "near_duplicates", "title"}
    table = csv.DictReader(io.StringIO(runner.invoke(app, ["articles", "--db", db, "-f", "csv"]).stdout.removeprefix(BOM)))
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
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["stats", "--db", db, "-f", "csv"]).stdout.removeprefix(BOM))))
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


def test_failure_lines_are_whole_and_show_control_characters_escaped(tmp_path):
    folder = tmp_path / ("reports-from-the-northern-countryside-of-aleppo-" * 3)
    folder.mkdir()
    (folder / "\x1b]0;owned\x07\x1b[2J.txt").write_bytes(b"")  # would retitle the terminal and clear it
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "e.db"), str(folder)])
    (line,) = [line for line in result.stderr.splitlines() if "E103" in line]
    assert line.startswith("failed ") and str(folder) in line  # one line, however long, when not a terminal
    assert "\x1b" not in result.stderr and "\\x1b]0;owned\\x07\\x1b[2J.txt" in line


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


def test_show_lists_the_places_found_on_ingest(db):
    rows = [json.loads(line) for line in runner.invoke(app, ["articles", "--db", db, "-f", "jsonl"]).stdout.splitlines()]
    news = next(r for r in rows if r["kind"] == "news")
    article = json.loads(runner.invoke(app, ["articles", "show", news["id"], "--db", db, "--json"]).stdout)
    sukhnah = [p for p in article["places"] if p["name"] == "As Sukhnah"]
    assert sukhnah and all(article["text"][p["span_start"] : p["span_end"]] == p["text"] for p in article["places"])
    assert "As Sukhnah (Ḩimş, SY)" in runner.invoke(app, ["articles", "show", news["id"], "--db", db]).stdout


def test_geoparse_reads_and_writes_jsonl():
    lines = [
        json.dumps({"id": "a", "text": "Government forces retook al-Sukhnah, east of Palmyra."}),
        json.dumps({"id": 7, "text": "No place is named here."}),
    ]
    result = runner.invoke(app, ["geoparse"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["id"] == "a" and second == {"id": 7, "places": []}
    names = [p["name"] for p in first["places"] if p["feature"] not in DERIVED]
    assert names == ["As Sukhnah", "Tadmur"]
    place = first["places"][0]
    assert {"start", "end", "text", "resolved", "geonameid", "lat", "lon", "country", "admin1", "admin1_code",
            "admin2", "feature", "geo_precision", "score", "why"} <= set(place)  # fmt: skip


def test_geoparse_gold_spans_and_bad_lines(tmp_path):
    text = "Aid convoys left Damascus for Douma."
    spans = [{"start": 30, "end": 35}, {"start": 17, "end": 25}]
    good = json.dumps({"id": "g", "text": text, "toponyms": spans})
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([good, "{not json", json.dumps({"id": "x", "text": text})]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["geoparse", "--gold-spans", str(source)])
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    places = json.loads(line)["places"]
    assert [(p["start"], p["end"], p["text"]) for p in places] == [(30, 35, "Douma"), (17, 25, "Damascus")]
    assert "in.jsonl:2: E201" in result.stderr and "in.jsonl:3: E202" in result.stderr


def test_events_filters_and_formats(db):
    def jsonl(*options):
        result = runner.invoke(app, ["events", "--db", db, "-f", "jsonl", *options])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    every = jsonl()
    assert every and {e["modality"] for e in every} >= {"reported", "predicted"}
    predicted = jsonl("--modality", "predicted")
    assert predicted and all(e["modality"] == "predicted" for e in predicted) and len(predicted) < len(every)
    battles = jsonl("--type", "Battles")
    assert battles and all(e["event_type"] == "Battles" for e in battles)
    regains = jsonl("--type", "Government regains territory", "--actor", "military forces of syria", "--country", "sy")
    assert regains and all(e["sub_event_type"] == "Government regains territory" for e in regains)
    assert all("Military Forces of Syria" in {(e["actor1"] or {}).get("name"), (e["actor2"] or {}).get("name")} for e in regains)
    assert jsonl("--outlet", "nobody") == []

    geo = json.loads(runner.invoke(app, ["events", "--db", db, "-f", "geojson"]).stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(every)
    point = next(f for f in geo["features"] if f["geometry"])
    assert point["geometry"]["coordinates"] == [point["properties"]["longitude"], point["properties"]["latitude"]]

    acled = runner.invoke(app, ["events", "--db", db, "-f", "acled", "--all-modalities"]).stdout
    acled_rows = list(csv.DictReader(io.StringIO(acled.removeprefix(BOM))))
    assert len(acled_rows) == len(every)
    row = next(r for r in acled_rows if r["actor1"] == "Military Forces of Syria" and r["location"] == "As Sukhnah")
    assert row["country"] == "Syria" and row["iso"] == "760" and row["inter1"] == "1" and row["geo_precision"] == "1"

    bad = runner.invoke(app, ["events", "--db", db, "--modality", "rumoured"])
    assert bad.exit_code == 2 and "E501" in bad.stderr
    assert runner.invoke(app, ["events", "--db", db, "--since", "last week"]).exit_code == 2
