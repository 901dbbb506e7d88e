"""Resolution on real sentences: the context rules, each with the reason it gives."""

from __future__ import annotations

import pytest

from sitrep.models import Place
from sitrep.places.abbreviations import admin_abbreviation_codes, admin_by_abbreviation
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.geoparse import resolve_spans

DEIR_EZ_ZOR_CITY, AS_SUKHNAH, TADMUR = 170794, 172425, 163808


@pytest.fixture(scope="module")
def gazetteer():
    with Gazetteer.open() as opened:
        yield opened


def resolve_names(gazetteer: Gazetteer, text: str, names: list[str]) -> dict[str, list[Place]]:
    """Resolve every occurrence of each name in `text`; name -> its places, in text order."""
    spans = []
    for name in names:
        start = text.find(name)
        assert start >= 0, name
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    spans.sort()
    places = resolve_spans(text, spans, gazetteer)
    found: dict[str, list[Place]] = {}
    for place in places:
        found.setdefault(place.text, []).append(place)
    return found


def test_a_name_does_not_vouch_for_itself(gazetteer):
    text = (
        "The army pushed east along the road from Palmyra to Deir Ezzor. Taking al-Sukhnah would open the way "
        "to lift the siege of Deir Ezzor, where government troops have held out for years."
    )
    places = resolve_names(gazetteer, text, ["Palmyra", "Deir Ezzor", "al-Sukhnah"])
    for place in places["Deir Ezzor"]:
        assert place.geonameid == DEIR_EZ_ZOR_CITY and place.feature == "town"
        assert not any("Deir ez-Zor, also named" in why for why in place.why)  # no nearness from its own name
        assert any("goes by the same name" in why for why in place.why)
    assert places["Palmyra"][0].geonameid == TADMUR and places["al-Sukhnah"][0].geonameid == AS_SUKHNAH


def test_a_listed_province_is_the_province_though_the_name_spells_the_town(gazetteer):
    text = "We have cut the supply line of ISIS to other provinces including Hama and Deir al-Zour."
    places = resolve_names(gazetteer, text, ["Hama", "Deir al-Zour"])
    deir = places["Deir al-Zour"][0]
    assert deir.feature == "admin1" and deir.admin1_code == "SY.07"
    assert places["Hama"][0].feature == "admin1"
    assert any("calls it an area" in why for why in deir.why)


def test_part_of_a_name_means_the_area(gazetteer):
    text = "Located in eastern Homs, al-Sukhnah lies on the road to Deir al-Zour."
    places = resolve_names(gazetteer, text, ["Homs", "al-Sukhnah", "Deir al-Zour"])
    homs = places["Homs"][0]
    assert homs.feature == "admin1" and homs.admin1_code == "SY.11"
    assert any("names part of it ('east')" in why for why in homs.why)
    assert places["Deir al-Zour"][0].geonameid == DEIR_EZ_ZOR_CITY  # the bare name: the city


def test_state_abbreviations_resolve_and_qualify(gazetteer):
    text = "The company moved from Lexington, Ky., to Charleston, W. Va., and later opened an office in Wheeling, W.Va."
    places = resolve_names(gazetteer, text, ["Lexington", "Ky.", "Charleston", "W. Va.", "Wheeling", "W.Va."])
    assert places["Ky."][0].id == "adm1:US.KY"
    assert places["W. Va."][0].id == "adm1:US.WV" and places["W.Va."][0].id == "adm1:US.WV"
    assert places["Lexington"][0].admin1_code == "US.KY"
    assert places["Charleston"][0].admin1_code == "US.WV"
    assert any("its state" in why for why in places["Charleston"][0].why)


def test_the_articles_state_decides_between_towns_of_one_name(gazetteer):
    text = (
        "Rochester police said the crash happened on Highway 52 north of Pine Island. Deputies from Olmsted "
        "County and Zumbrota responded, and the driver was taken to a hospital in Rochester."
    )
    places = resolve_names(gazetteer, text, ["Rochester", "Pine Island", "Olmsted County", "Zumbrota"])
    assert all(p.admin1_code == "US.MN" for p in places["Rochester"])
    assert any("other places are in Minnesota" in why for why in places["Rochester"][0].why)


def test_a_town_in_a_county_the_article_names(gazetteer):
    text = "Paris and Henry County are rich in history, and the Paris council met on Tuesday."
    places = resolve_names(gazetteer, text, ["Paris", "Henry County"])
    assert all(p.admin1_code == "US.TN" for p in places["Paris"])
    assert places["Henry County"][0].admin1_code == "US.TN"
    assert any("its county Henry County is named" in why for why in places["Paris"][0].why)


def test_countries_and_continents_stay_what_they_are(gazetteer):
    text = "Officials in Washington said aid to Africa and Egypt would rise, and Syria, Iraq and Iran were discussed."
    places = resolve_names(gazetteer, text, ["Africa", "Egypt", "Syria", "Iraq", "Iran"])
    assert places["Africa"][0].id == "continent:AF" and places["Africa"][0].geo_precision == 3
    for name, code in (("Egypt", "EG"), ("Syria", "SY"), ("Iraq", "IQ"), ("Iran", "IR")):
        assert places[name][0].id == f"country:{code}", name


def test_every_score_part_has_a_reason(gazetteer):
    text = "Shelling hit the central province of Homs and the town of al-Sukhnah."
    places = resolve_names(gazetteer, text, ["Homs", "al-Sukhnah"])
    assert places["Homs"][0].feature == "admin1" and places["al-Sukhnah"][0].geonameid == AS_SUKHNAH
    for place in (places["Homs"][0], places["al-Sukhnah"][0]):
        assert place.why and all(isinstance(why, str) and why for why in place.why)


def test_abbreviation_table():
    assert admin_abbreviation_codes("W. Va.") == [("US", "US.WV")]
    assert admin_by_abbreviation("Ky.") == ("US", "US.KY") and admin_by_abbreviation("Calif") == ("US", "US.CA")
    assert set(admin_abbreviation_codes("WA")) == {("US", "US.WA"), ("AU", "AU.08")}
    assert admin_by_abbreviation("WA") is None and admin_abbreviation_codes("Xyz.") == []


def test_world_regions_and_seas_are_regions_not_towns(gazetteer):
    text = (
        "Russian troops moved into South Ossetia as South Ossetian militias fought near Tskhinvali. "
        "Aid for Darfur was held up, and warships in the Red Sea and the Caribbean were put on alert across the Middle East."
    )
    places = resolve_names(gazetteer, text, ["South Ossetia", "South Ossetian", "Darfur", "Caribbean", "Middle East"])
    assert places["South Ossetia"][0].id == "region:south-ossetia" and places["South Ossetia"][0].geo_precision == 3
    assert places["South Ossetian"][0].id == "region:south-ossetia"
    assert places["Darfur"][0].id == "region:darfur" and places["Darfur"][0].country == "SD"
    assert places["Caribbean"][0].id == "region:caribbean-sea" and places["Caribbean"][0].feature == "sea"
    assert places["Middle East"][0].id == "region:middle-east"
    assert any("which the news names by itself" in why for why in places["Darfur"][0].why)


def test_governorates_by_their_english_names(gazetteer):
    text = (
        "Iraqi forces pushed into Salahuddin province from Anbar, and Kurdish fighters held the line in Nineveh. "
        "In Syria, clashes spread from Deir Ezzor province to Hasakeh province and to Rural Damascus."
    )
    names = ["Salahuddin", "Anbar", "Nineveh", "Deir Ezzor", "Hasakeh", "Rural Damascus"]
    places = resolve_names(gazetteer, text, names)
    found = {name: places[name][0].id for name in names}
    assert found == {
        "Salahuddin": "adm1:IQ.18", "Anbar": "adm1:IQ.01", "Nineveh": "adm1:IQ.15",
        "Deir Ezzor": "adm1:SY.07", "Hasakeh": "adm1:SY.01", "Rural Damascus": "adm1:SY.08",
    }  # fmt: skip
