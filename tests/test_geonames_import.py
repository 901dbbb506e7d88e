"""Official GeoNames dumps into a copy of the session's full index: zip and bare files, names, bad lines."""

import shutil
import sqlite3
import zipfile

import pytest

from sitrep.places.gazetteer import Gazetteer
from sitrep.places.geonames import feature_kind, import_dump

from .test_gazetteer import FIXTURES, built_index, ids


@pytest.fixture
def index_path(tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(built_index(), path)
    return path


def entries(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]


@pytest.mark.parametrize("dump", ["SY.zip", "SY.txt"])
def test_country_file_zipped_or_bare(index_path, dump):
    before = entries(index_path)
    report = import_dump(index_path, [FIXTURES / dump])
    assert report.failed == [] and report.malformed == 0
    assert report.places == {"town": 5, "admin1": 1, "hll": 1, "airb": 1}
    assert report.replaced == 2  # As Sukhnah and Homs governorate were in the index already
    assert entries(index_path) == before + 6
    with Gazetteer(index_path) as index:
        village = index.lookup("Kabajeb")[0].entry
        assert (village.id, village.kind, village.country, village.admin1_code, village.admin1_iso, village.source) == (
            "gn:99000001", "town", "SY", "SY.07", "SY-DY", "geonames-SY"
        )
        assert "gn:99000001" in ids(index.lookup("كباجب"))
        assert "gn:99000003" in ids(index.lookup("Baghuz"))
        assert index.lookup("Tiyas airbase")[0].entry.kind == "airb"
        assert index.lookup("Zain al-Abidin mountain")[0].entry.kind == "hll"


def test_a_place_in_the_index_is_replaced_not_doubled(index_path):
    import_dump(index_path, [FIXTURES / "SY.txt"])
    with Gazetteer(index_path) as index:
        sukhnah = [m.entry for m in index.lookup("Sukhnah") if m.entry.geonameid == 172425]
        assert [e.id for e in sukhnah] == ["gn:172425"] and sukhnah[0].source == "geonames-SY"
        assert "gn:172425" in ids(index.lookup("Soukhné"))  # names from cities500 stay
        homs = index.admin1("SY", "11")
        assert homs is not None and homs.source == "geonames-SY" and homs.admin1_iso == "SY-HI"
        assert (homs.lat, homs.lon) == (34.5, 38.0)


def test_iraqi_features_keep_their_geonames_code_as_kind(index_path):
    report = import_dump(index_path, [FIXTURES / "IQ.txt"])
    assert report.places == {"town": 3, "wad": 1, "airb": 1, "mt": 1}
    with Gazetteer(index_path) as index:
        wadi = index.lookup("Wadi Hauran")[0].entry
        assert (wadi.kind, wadi.country, wadi.admin1_code) == ("wad", "IQ", "IQ.01")
        assert "gn:99000014" in ids(index.lookup("وادي حوران"))
        assert index.lookup("Al Asad Air Base")[0].entry.id == "gn:99000015"
        assert index.lookup("Mount Sinjar")[0].entry.kind == "mt"


def test_alternate_names_are_added_and_codes_left_out(index_path):
    report = import_dump(index_path, [FIXTURES / "alternateNamesV2.txt", FIXTURES / "SY.txt", FIXTURES / "IQ.txt"])
    assert report.failed == [] and report.malformed == 0
    assert report.skipped == {
        "codes (link)": 1, "codes (icao)": 1, "codes (iata)": 1, "codes (post)": 1,
        "names of places not in the index": 1,
    }  # fmt: skip
    with Gazetteer(index_path) as index:
        t4 = index.lookup("T4")[0]
        assert (t4.entry.id, t4.name_kind) == ("gn:99000006", "abbreviation")
        assert "gn:99000006" in ids(index.lookup("مطار التيفور"))
        assert "gn:99000015" in ids(index.lookup("Al Asad Airbase"))
        assert index.lookup("OSTF") == [] and index.lookup("IQA") == []


def test_malformed_lines_are_reported_with_line_numbers(index_path, tmp_path):
    good = (FIXTURES / "SY.txt").read_text(encoding="utf-8").splitlines()
    dump = tmp_path / "SY.txt"
    lines = [good[2], "99000099\ttoo few columns", good[3].replace("35.07", "north"), good[4]]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_dump(index_path, [dump])
    assert report.malformed == 2 and sum(report.places.values()) == 2
    assert report.problems[0] == "SY.txt:2: 2 columns, 19 expected"
    assert report.problems[1].startswith("SY.txt:3: could not convert string to float")


def test_unreadable_files_fail_one_by_one(index_path, tmp_path):
    broken = tmp_path / "allCountries.zip"
    broken.write_bytes(b"not a zip")
    wrong = tmp_path / "IQ.zip"
    with zipfile.ZipFile(wrong, "w") as archive:
        archive.writestr("readme.txt", "no geonames here")
    report = import_dump(index_path, [broken, wrong, tmp_path / "missing.txt", FIXTURES / "IQ.txt"])
    assert len(report.failed) == 3
    assert [f.split(":")[0] for f in report.failed] == ["E102", "E107", "E101"]
    assert "no IQ.txt inside the zip" in report.failed[1]
    assert sum(report.places.values()) == 6  # the readable file is imported all the same


def test_feature_kinds():
    assert feature_kind("P", "PPLX") == "town"
    assert feature_kind("A", "ADM1") == "admin1" and feature_kind("A", "ADM2") == "admin2"
    assert feature_kind("A", "PCLI") is None
    assert feature_kind("H", "WAD") == "wad" and feature_kind("S", "AIRB") == "airb" and feature_kind("T", "HLL") == "hll"


def _geoname_row(geonameid, name, lat, lon, feature_class, feature_code, country):
    fields = [str(geonameid), name, name, "", str(lat), str(lon), feature_class, feature_code, country]
    return "\t".join(fields + [""] * 10)


def test_a_country_takes_the_point_of_its_geonames_row(index_path, tmp_path):
    dump = tmp_path / "KW.txt"
    rows = [_geoname_row(285570, "Kuwait", 29.5, 47.75, "A", "PCLI", "KW"), _geoname_row(99000009, "Nowhere", 1.0, 1.0, "A", "PCLI", "ZZ")]
    dump.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with Gazetteer(index_path) as index:
        before = next(m.entry for m in index.lookup("Kuwait") if m.entry.kind == "country")
    report = import_dump(index_path, [dump])
    assert report.places == {"country": 1} and report.replaced == 1
    assert report.skipped["countries the index lacks"] == 1
    with Gazetteer(index_path) as index:
        kuwait = next(m.entry for m in index.lookup("Kuwait") if m.entry.kind == "country")
        assert (kuwait.lat, kuwait.lon, kuwait.geonameid, kuwait.source) == (29.5, 47.75, 285570, "geonames-KW")
        assert (kuwait.id, kuwait.population) == (before.id, before.population)
        assert (before.lat, before.lon) != (kuwait.lat, kuwait.lon)
        assert "country:KW" in ids(index.lookup("Kuwaiti"))  # its demonym and names stay
        assert all(m.entry.geonameid != 99000009 for m in index.lookup("Nowhere"))
