"""The actor catalogue: data checks, name matching on real text, generic phrases, user files, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors import ACTOR_TYPES, Catalogue, default_catalogue
from sitrep.errors import Code, SitrepError



@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return default_catalogue()


def names(cat: Catalogue, text: str, country: str | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.actor.id) for m in cat.find(text, country)]


# -- the shipped data


def test_every_row_is_typed_sourced_and_parented(cat: Catalogue) -> None:
    assert len(cat) >= 300
    for actor in cat:
        assert actor.type in ACTOR_TYPES
        assert actor.source, actor.id
        assert actor.parent is None or actor.parent in cat
        assert actor.country is None or len(actor.country) == 2


def test_main_actors_of_each_war_are_present(cat: Catalogue) -> None:
    for phrase, actor_id in [
        ("HTS", "sy-hts"), ("Jabhat al-Nusra", "sy-nusra"), ("Ahrar al-Sham", "sy-ahrar-al-sham"),
        ("Jaysh al-Islam", "sy-jaysh-al-islam"), ("Free Syrian Army", "sy-fsa"), ("SDF", "sy-sdf"),
        ("YPJ", "sy-ypj"), ("PKK", "tr-pkk"), ("Hezbollah", "lb-hezbollah"), ("Ansar Allah", "ye-houthis"),
        ("Houthis", "ye-houthis"), ("STC", "ye-stc"), ("Libyan National Army", "ly-lna"), ("GNA forces", "military-ly"),
        ("Taliban", "af-taliban"), ("ISIS-K", "af-iskp"), ("RSF", "sd-rsf"), ("SAF", "military-sd"),
        ("JNIM", "ml-jnim"), ("ISGS", "ml-is-sahel"), ("Wagner Group", "ru-wagner"), ("Africa Corps", "ru-africa-corps"),
        ("al-Shabaab", "so-al-shabaab"), ("Hamas", "ps-hamas"), ("PIJ", "ps-pij"), ("al-Qassam Brigades", "ps-qassam"),
        ("Arakan Army", "mm-arakan-army"), ("PDFs", "mm-pdf"), ("KIA", "mm-kia"), ("TNLA", "mm-tnla"),
        ("Boko Haram", "ng-boko-haram"), ("ISWAP", "ng-iswap"), ("Hashd al-Shaabi", "iq-pmf"), ("PMF", "iq-pmf"),
        ("Kata'ib Hezbollah", "iq-kataib-hezbollah"), ("Peshmerga", "iq-peshmerga"), ("NDF", "sy-ndf"),
        ("Liwa al-Quds", "sy-liwa-al-quds"), ("Armed Forces of Ukraine", "military-ua"), ("IDF", "military-il"),
    ]:
        assert names(cat, phrase) == [(phrase, actor_id)], phrase


def test_units_and_members_have_their_parents(cat: Catalogue) -> None:
    for unit, parent in [("sy-tiger-forces", "military-sy"), ("sy-5th-corps", "military-sy"),
                         ("sy-republican-guard", "military-sy"), ("sy-ypg", "sy-sdf"), ("af-iskp", "islamic-state")]:
        assert cat[unit].parent == parent
    assert [a.id for a in cat.lineage(cat["ps-jenin-brigade"])] == [
        "ps-jenin-brigade", "ps-al-quds-brigades", "ps-pij"]


def test_no_case_insensitive_alias_is_a_common_word(cat: Catalogue) -> None:
    common = {"is", "the", "army", "forces", "police", "group", "front", "coalition", "resistance", "military",
              "platform", "junta", "regime", "rebels", "militants", "settlers", "national army", "serval"}
    for actor in cat:
        for alias in (actor.name, *actor.aliases):
            assert not (alias.casefold() in common and not alias.isupper()), (actor.id, alias)


# -- names in real text


def test_seed_article_names(cat: Catalogue, seed_texts: dict[str, str]) -> None:
    found = cat.find(seed_texts["000"], "SY")
    by_text = {(m.text, m.actor.id) for m in found}
    assert {("ISIS", "islamic-state"), ("Islamic State", "islamic-state"), ("SAA", "military-sy"),
            ("Syrian Arab Army", "military-sy"), ("5th Assault Corps", "sy-5th-corps")} <= by_text
    text = seed_texts["000"]
    assert all(text[m.start:m.end] == m.text for m in found)
    corps = next(m for m in found if m.text == "5th Assault Corps")
    assert cat.lineage(corps.actor)[-1].name == "Military Forces of Syria"


def test_possessive_and_the(cat: Catalogue) -> None:
    text = "bringing ISIS’s siege to an end, the SAA breached the Islamic State’s most pivotal line"
    assert names(cat, text) == [("ISIS", "islamic-state"), ("SAA", "military-sy"), ("Islamic State", "islamic-state")]
    assert names(cat, "Daesh and Da’esh and ISIL") == [
        ("Daesh", "islamic-state"), ("Da’esh", "islamic-state"), ("ISIL", "islamic-state")]


def test_lowercase_is_never_islamic_state(cat: Catalogue, seed_texts: dict[str, str]) -> None:
    text = "This is momentous news. It is widely known. Is it? WHAT IS NEXT FOR THE TOWN"
    assert cat.find(text) == []
    assert names(cat, "IS fighters withdrew; the IS group") == [("IS", "islamic-state"), ("IS group", "islamic-state")]
    for seed in seed_texts.values():
        assert all(m.text != "is" for m in cat.find(seed))


def test_tiger_forces_parent(cat: Catalogue) -> None:
    match = cat.find("The Tiger Forces and Qawat al-Nimr advanced on Khan Shaykhun.")[0]
    assert match.actor.id == "sy-tiger-forces"
    assert cat[match.actor.parent or ""].name == "Military Forces of Syria"


def test_spelling_variants_of_hts(cat: Catalogue) -> None:
    for spelling in ["Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "Hay’at Tahrir al Sham",
                     "Hayʼat Tahrir al-Sham", "HAYAT TAHRIR AL-SHAM", "hayat tahrir al-sham"]:
        assert names(cat, f"Fighters of {spelling} shelled the town.") == [(spelling, "sy-hts")], spelling


def test_longest_match_and_shared_acronym(cat: Catalogue) -> None:
    assert names(cat, "the Turkish-backed Syrian National Army") == [
        ("Turkish-backed Syrian National Army", "sy-sna")]
    somali = cat.find("SNA troops retook the town from al-Shabaab", country="SO")[0]
    assert somali.actor.id == "military-so"
    assert {a.id for a in somali.candidates} == {"military-so", "sy-sna"}
    assert cat.find("SNA factions shelled Tal Rifaat", country="SY")[0].actor.id == "sy-sna"


# -- generic phrases


def test_resolve_generic(cat: Catalogue) -> None:
    def actor_of(phrase: str, hint: str | None = "SY") -> str | None:
        match = cat.resolve_generic(phrase, hint)
        return match.actor.id if match and match.actor else None

    assert actor_of("the Syrian army") == "military-sy"
    assert actor_of("government troops") == "military-sy"
    assert actor_of("government troops", "IQ") == "military-iq"
    assert actor_of("pro-government forces") == "military-sy"
    assert actor_of("Iraqi forces", None) == "military-iq"
    assert actor_of("Russian warplanes", None) == "ru-aerospace-forces"
    assert actor_of("Ukrainian artillery", None) == "military-ua"
    assert actor_of("Burmese soldiers", None) == "military-mm"
    assert actor_of("Syria's army", None) == "military-sy"
    assert actor_of("police", "IQ") == "police-iq"
    assert actor_of("Turkish-backed rebels") == "sy-sna"
    assert cat.resolve_generic("warplanes", "SY") is None
    backed = cat.resolve_generic("Iran-backed militias", "SY")
    assert backed is not None and (backed.role, backed.backer, backed.actor) == ("anaphor", "IR", None)
    civilians = cat.resolve_generic("civilians", "SD")
    assert civilians is not None and (civilians.types, civilians.country) == (("civilians",), "SD")


def test_by_country_type(cat: Catalogue) -> None:
    assert cat.by_country_type("SY", "state_forces")[0].name == "Military Forces of Syria"
    assert cat.state_forces("ML") is cat["military-ml"]


def test_anaphors_in_the_seed(cat: Catalogue, seed_texts: dict[str, str]) -> None:
    found = {(g.text, g.actor.id if g.actor else None) for g in cat.find_generics(seed_texts["000"], "SY")}
    assert ("the terrorist group", "islamic-state") in found
    assert ("pro-government forces", "military-sy") in found
    found = {(g.text, g.actor.id if g.actor else None) for g in cat.find_generics(seed_texts["003"], "SY")}
    assert ("the militant group", "islamic-state") in found
    assert all(text != "Syrian government troops" for text, _ in found)  # a catalogue name, found by find()


def test_the_jihadists_refer_back_to_a_jihadist_group_not_the_last_group_named(cat: Catalogue) -> None:
    text = ("Al-Tukhar lies 14 kilometres (nine miles) north of the town of Manbij a key IS group stronghold that has been "
            "repeatedly targeted in raids by the US-led coalition. Manbij has been the target of a US-backed "
            "offensive by a Kurdish-Arab alliance of fighters since May 31. In June the Syrian Democratic Forces alliance broke "
            "into western districts of the town but their advance has been slowed in the past month because of landmines planted "
            "by the jihadists.")  # fmt: skip
    (jihadists,) = [g for g in cat.find_generics(text, "SY") if g.text == "the jihadists"]
    assert jihadists.role == "jihadist" and jihadists.actor is not None and jihadists.actor.id == "islamic-state"
    assert "sy-nusra" in cat.anaphor_groups["jihadist"] and "sy-sdf" not in cat.anaphor_groups["jihadist"]  # an affiliate, through its parent
    assert "islamic-state" in cat.anaphor_exclusions["rebel"] and "sy-fsa" not in cat.anaphor_exclusions["rebel"]


def test_kurdish_fighters_are_never_the_islamic_state_named_before(cat: Catalogue) -> None:
    text = ("Raqqa is the de facto capital of the so-called caliphate declared a year ago by the ISIS terror group in territories "
            "it controls in Iraq and Syria. The sustained airstrikes add pressure on the militants in Raqqa still reeling from "
            "last months loss of the border town of Tal Abyad to Kurdish fighters.")  # fmt: skip
    found = {g.text: (g.role, g.actor.id if g.actor else None) for g in cat.find_generics(text, "SY")}
    assert found["the militants"] == ("anaphor", "islamic-state")
    assert found["Kurdish fighters"] == ("kurdish", None)  # no Kurdish force is named: kept as written


def test_jet_fighters_are_aircraft_not_fighters(cat: Catalogue) -> None:
    # FA-KES fakes-1924058138: the regime's aircraft, read whole; no armed group called "fighters"
    text = ("The jet fighters from the Syrian regime have attacked settlements in the Syrian province of Idlib. "
            "The regime jet fighters attacked the city with chemical bombs.")  # fmt: skip
    found = [g.text for g in cat.find_generics(text, "SY")]
    assert "fighters" not in found
    aircraft = cat.resolve_generic("regime jet fighters", "SY")
    assert aircraft is not None and aircraft.actor is not None and aircraft.actor.id == "military-sy"


# -- user files and errors


def write(tmp_path: Path, text: str, name: str = "mine.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "id,name,aliases,type,country,parent,source\n"


def test_user_file_adds_alias_and_actor(tmp_path: Path) -> None:
    path = write(tmp_path, "# my additions\n" + HEADER
                 + "sy-hts,,Tahrir al-Sham Organisation|HTS jihadists,,,,my notes\n"
                 + "sy-sukhnah-tribes,Sukhnah tribal fighters,Sukhnah tribesmen,identity_militia,SY,,field report\n"
                 + "military-sy,Syrian Arab Armed Forces,,,,,\n")
    cat = Catalogue.load(extra=[path])
    assert [(m.text, m.actor.id) for m in cat.find("HTS jihadists and Sukhnah tribesmen")] == [
        ("HTS jihadists", "sy-hts"), ("Sukhnah tribesmen", "sy-sukhnah-tribes")]
    assert "HTS" in cat["sy-hts"].aliases and cat["sy-hts"].name == "Hay'at Tahrir al-Sham"
    assert cat["military-sy"].name == "Syrian Arab Armed Forces" and cat["military-sy"].type == "state_forces"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (HEADER + "ok-actor,Ok,,rebel_group,SY,,x\nbad-actor,Bad,,rebels,SY,,x\n", 3, "unknown type 'rebels'"),
        (HEADER + "Bad Id,Bad,,rebel_group,SY,,x\n", 2, "not a lower-case slug"),
        (HEADER + "x-actor,X,,rebel_group,Syria,,x\n", 2, "ISO 3166-1"),
        (HEADER + "x-actor,X,,rebel_group,SY,,x,extra\n", 2, "8 fields"),
        (HEADER + "x-actor,X,,rebel_group,SY,no-such-parent,x\n", 2, "parent 'no-such-parent'"),
        (HEADER + "x-actor,X,,rebel_group,SY,,x\nx-actor,X,,rebel_group,SY,,x\n", 3, "already on line 2"),
        (HEADER + "new-actor,,aliases only,,,,\n", 2, "needs a name and a type"),
        ("# comment\nid,name,aliases,kind,country,parent,source\n", 2, "missing type; unknown kind"),
    ],
)
def test_malformed_file_names_file_and_line(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(SitrepError) as caught:
        Catalogue.load(extra=[path])
    assert caught.value.code is Code.BAD_ACTORS
    assert f"{path}:{line}:" in caught.value.message and words in caught.value.message


def test_parent_loop_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "a-one,A,,rebel_group,SY,a-two,x\na-two,B,,rebel_group,SY,a-one,x\n")
    with pytest.raises(SitrepError, match="form a loop"):
        Catalogue.load(extra=[path])
    with pytest.raises(SitrepError) as caught:
        Catalogue.load(extra=[tmp_path / "absent.csv"])
    assert caught.value.code is Code.MISSING_PATH


def test_user_generics_file(tmp_path: Path) -> None:
    path = write(tmp_path, "phrase,role,type,note\nregulars,state_forces,state_forces,mine\n", "generics.csv")
    match = Catalogue.load(generics=[path]).resolve_generic("regulars", "LY")
    assert match is not None and match.actor is not None and match.actor.id == "military-ly"
    bad = write(tmp_path, "phrase,role,type,note\nregulars,soldiers,state_forces,mine\n", "bad.csv")
    with pytest.raises(SitrepError, match=r"bad\.csv:2: unknown role 'soldiers'"):
        Catalogue.load(generics=[bad])


def test_a_generic_word_that_heads_a_name_is_that_names_word(cat: Catalogue) -> None:
    # "the Army of X" names a group, not the state's army; "the regime of President X" is the regime
    generics = cat.find_generics("The rebel Army of Liberation of the North meanwhile detained two activists in Aleppo.", "SY")
    assert not [g for g in generics if g.types == ("state_forces",)]
    generics = cat.find_generics("The regime of President Bashar al-Assad has been attempting to seize al-Maleh.", "SY")
    assert "The regime" in [g.text for g in generics if "state_forces" in g.types]
