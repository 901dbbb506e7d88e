"""The event lexicon: data files load and agree, triggers type sentences, modality reads the parse."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep import nlp
from sitrep.events import lexicon, triggers
from sitrep.events.lexicon import MODES
from sitrep.events.modality import ModeHit, modality
from sitrep.events.triggers import TriggerHit

from .conftest import FAKES


@pytest.fixture(scope="module")
def model() -> Language:
    return nlp.load()


def sentence(model: Language, text: str, part: str | None = None) -> SpacySpan:
    """The sentence of `text` that contains `part` (the first sentence when None)."""
    doc = model(text)
    return next(s for s in doc.sents if part is None or part in s.text)


def word(sent: SpacySpan, text: str) -> Token:
    return next(t for t in sent if t.text == text)


def subtypes(hits: list[TriggerHit]) -> set[str]:
    return {hit.sub_event_type for hit in hits}


def mode_of(model: Language, text: str, trigger: str, part: str | None = None) -> ModeHit:
    sent = sentence(model, text, part)
    return modality(sent, word(sent, trigger))


# ---------------------------------------------------------------- data files


def test_event_types_are_acleds_six_types_and_25_subtypes() -> None:
    kinds = lexicon.event_types()
    assert len(kinds) == 25
    assert len({k.event_type for k in kinds}) == 6
    assert len({k.sub_event_type for k in kinds}) == 25
    assert all(k.definition and k.code for k in kinds)


def test_every_subtype_has_a_trigger() -> None:
    covered = {t.sub_event_type for t in lexicon.triggers()}
    assert covered == {k.sub_event_type for k in lexicon.event_types()}


def test_triggers_are_well_formed() -> None:
    rows = lexicon.triggers()
    assert len(rows) > 300
    assert all(t.weight > 0 and t.elements for t in rows)
    assert {t.agent for t in rows} == {None, "state", "nonstate"}
    assert {"territory", "civilian", "protester", "state_actor", "nonstate_actor"} <= set(lexicon.word_lists())


def test_every_mode_has_cues() -> None:
    cues = lexicon.modality_cues()
    assert {c.mode for c in cues} == set(MODES)
    attributions = [c for c in cues if c.source_dep]
    assert {"say", "according to", "claim", "deny"} <= {c.cue for c in attributions}
    assert all(c.source_role for c in attributions)


# ---------------------------------------------------------------- triggers


def test_government_regains_control(model: Language) -> None:
    hits = triggers.classify(sentence(model, "Government forces regained control of Al-Sukhnah."))
    best = triggers.best(hits)
    assert best is not None
    assert (best.sub_event_type, best.event_type, best.text) == ("Government regains territory", "Battles", "regained control")


@pytest.mark.parametrize(
    "text",
    ["Fifty terrorists were killed and another 30 sealed off in the underground tunnels Konashenkov said.",
     ("MOSCOW (Sputnik) The Kurdish Democratic Union Partys (PYD) military wing dubbed Peoples Protection Units (YPG) killed "
      "17 Turkish servicemen and left three others wounded Kurdish media reported citing a source in the YPG.")],
)
def test_terrorists_or_servicemen_killed_are_armed_men_killed_in_a_clash(model: Language, text: str) -> None:
    assert "Armed clash" in {h.sub_event_type for h in triggers.classify(sentence(model, text))}


def test_aircraft_that_killed_made_an_air_strike(model: Language) -> None:
    best = triggers.best(triggers.classify(sentence(model, "The air force also killed at least 10 people in rebel areas east of Damascus Saturday the Observatory said.")))
    assert best is not None and best.sub_event_type == "Air/drone strike"


def test_a_vehicle_loaded_with_explosives_that_blew_up_is_a_bomb(model: Language) -> None:
    text = ("Media reports said a truck loaded with large quantities of explosives blew up on the western edge of the town "
            "of Qamishli followed by an explosives-packed motorcycle a few minutes later in the same area.")  # fmt: skip
    best = triggers.best(triggers.classify(sentence(model, text)))
    assert best is not None and best.sub_event_type == "Remote explosive/landmine/IED"
    # a bridge blown up is no bomb going off
    bridge = triggers.classify(sentence(model, "The militants blew up a bridge over the Euphrates River on Monday."))
    assert "Remote explosive/landmine/IED" not in {h.sub_event_type for h in bridge}


def test_aircraft_that_destroyed_made_an_air_strike(model: Language) -> None:
    text = "The Syrian Arab Air Force destroyed a convoy of vehicles armed with machine guns near the city of Salamiyah."
    best = triggers.best(triggers.classify(sentence(model, text)))
    assert best is not None and best.sub_event_type == "Air/drone strike"


def test_troops_capturing_hilltops_is_a_battle_over_territory(model: Language) -> None:
    best = triggers.best(triggers.classify(sentence(model, "Syrian troops captured several hilltops.")))
    assert best is not None and best.event_type == "Battles"
    assert best.sub_event_type == "Government regains territory"
    assert (best.agent, best.agent_kind) == ("Syrian troops", "state")


def test_government_backed_militias_act_for_the_state(model: Language) -> None:
    best = triggers.best(triggers.classify(sentence(model, "Government-backed militias captured the town of Kadugli.")))
    assert best is not None and (best.sub_event_type, best.agent_kind) == ("Government regains territory", "state")


def test_a_named_place_is_territory_without_a_word_for_it(model: Language) -> None:
    # $territory holds @GPE: the entity label of a word list must keep its case to match
    assert "@GPE" in lexicon.word_lists()["territory"]
    best = triggers.best(triggers.classify(sentence(model, "Taliban militants captured Kunduz on Monday.")))
    assert best is not None and best.sub_event_type == "Non-state actor overtakes territory"


def test_the_agent_decides_who_took_a_town(model: Language) -> None:
    fell = triggers.best(triggers.classify(sentence(model, "The town fell to ISIS fighters on Sunday.")))
    seized = triggers.best(triggers.classify(sentence(model, "Taliban militants seized the district headquarters.")))
    assert fell is not None and seized is not None
    assert fell.sub_event_type == seized.sub_event_type == "Non-state actor overtakes territory"
    assert fell.agent_kind == "nonstate"


def test_a_supplied_actor_classifier_is_used(model: Language) -> None:
    sent = sentence(model, "The Lions Brigade captured the village.")
    best = triggers.best(triggers.classify(sent, agent_kind=lambda token: "state"))
    assert best is not None and best.sub_event_type == "Government regains territory"


def test_seed_sentences_carry_territory_triggers(model: Language, seed_texts: dict[str, str]) -> None:
    capture = sentence(model, seed_texts["000"], "After capturing a number of key points")
    [hit] = [h for h in triggers.classify(capture) if h.text == "capturing"]
    assert (hit.event_type, hit.sub_event_type, hit.agent_kind) == ("Battles", "Government regains territory", "state")
    regaining = sentence(model, seed_texts["003"], "regaining control")
    assert "Government regains territory" in subtypes(triggers.classify(regaining))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US warplanes pounded the village, killing six civilians.", "Air/drone strike"),
        ("A suicide car bomb exploded near the checkpoint.", "Suicide bomb"),
        ("A car bomb exploded near the checkpoint.", "Remote explosive/landmine/IED"),
        ("Government troops shelled the town with mortars.", "Shelling/artillery/missile attack"),
        ("Police fired tear gas to disperse protesters in the capital.", "Protest with intervention"),
        ("Security forces opened fire on protesters, killing six.", "Excessive force against protesters"),
        ("Rioters torched cars and threw stones at police.", "Violent demonstration"),
        ("Gunmen kidnapped two aid workers on the road.", "Abduction/forced disappearance"),
        ("Police arrested 40 people in a night raid.", "Arrests"),
        ("The two sides agreed a ceasefire on Monday.", "Agreement"),
        ("Army engineers defused a roadside bomb.", "Disrupted weapons use"),
        ("Air defences shot down two drones over the base.", "Disrupted weapons use"),
        ("Turkish forces have set up a new observation post in Idlib.", "Headquarters or base established"),
        ("Militiamen looted shops in the market.", "Looting/property destruction"),
        ("The rebels withdrew from the town, handing it over to the army without resistance.", "Non-violent transfer of territory"),
        ("Government soldiers raped women in the village.", "Sexual violence"),
        ("Militants executed twelve villagers.", "Attack"),
        ("An angry mob lynched a man accused of theft.", "Mob violence"),
        ("Hundreds of soldiers defected to the opposition.", "Change to group/activity"),
        # FA-KES demo articles fakes-1923848242, fakes-1965511231, fakes-1965495379
        ("At least 31 militants were killed in Syrian air force raids Sunday.", "Air/drone strike"),
        ("An army unit foiled an attempt by al-Nusra terrorist groups to infiltrate to one of the military posts.", "Armed clash"),
        ("The Syrian government forces eliminated over 75 militants of the Jabhat Fatah al Sham terrorist group.", "Armed clash"),
        ("Russian jets eliminated 49 other terrorists in Idlib.", "Air/drone strike"),
    ],
)
def test_best_trigger_types_the_sentence(model: Language, text: str, expected: str) -> None:
    best = triggers.best(triggers.classify(sentence(model, text)))
    assert best is not None and best.sub_event_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weapon is what was found or destroyed, however long the list before it
        ("Soldiers destroyed dozens of rifles, mortars and roadside bombs near the border.", "Disrupted weapons use"),
        ("Mines, grenades and two explosive devices were found in a farmhouse.", "Disrupted weapons use"),
        ("The army discovered a large arms cache in the hills.", "Disrupted weapons use"),
        # what was attacked decides between a clash and violence against civilians
        ("Gunmen attacked a wedding party, killing nine guests.", "Attack"),
        ("Three teachers were shot in the market.", "Attack"),
        ("Insurgents attacked an army checkpoint overnight.", "Armed clash"),
        # violence by demonstrators, and force against them
        ("Police and demonstrators clashed outside the ministry.", "Violent demonstration"),
        ("Heavy clashes erupted between police and students.", "Armed clash"),
        ("Clashes erupted between the police and striking protesters.", "Violent demonstration"),
        ("Security forces used excessive force against the marchers.", "Excessive force against protesters"),
        ("The rally descended into violence after dark.", "Violent demonstration"),
        # bases set up, in either voice
        ("Two new checkpoints were set up on the highway.", "Headquarters or base established"),
        # chemical weapons, whatever delivered them
        ("A helicopter dropped a barrel of chlorine gas on the town.", "Chemical weapon"),
        ("Thousands of villagers fled the fighting.", "Other"),
        # who did it to whom: forces that kill or shoot civilians attack them
        ("Soldiers killed several unarmed civilians in the village.", "Attack"),
        ("Soldiers beat and shot villagers during a raid.", "Attack"),
        ("Security forces assaulted civilians in the camp.", "Attack"),
        ("Militants seized two foreign aid workers in northern Mali.", "Abduction/forced disappearance"),
        ("The activist was detained by unknown men in plain clothes.", "Abduction/forced disappearance"),
        # what the demonstrators did, and who fought whom
        ("Angry protesters stormed the parliament building and ransacked offices.", "Violent demonstration"),
        ("Demonstrators attacked police with stones and petrol bombs.", "Violent demonstration"),
        ("Clashes between Muslim and Christian youths left five dead.", "Mob violence"),
        # the words of a bomb give way to what stopped it or who carried it
        ("Security forces thwarted a suicide bombing in the capital.", "Disrupted weapons use"),
        ("A suicide car bombing killed 10 people in Mogadishu.", "Suicide bomb"),
        ("Explosions rocked the area as militants fired dozens of rockets.", "Shelling/artillery/missile attack"),
        # a violated ceasefire is no agreement; a place handed over is a transfer
        ("Troops violated the ceasefire and resorted to unprovoked shelling.", "Shelling/artillery/missile attack"),
        ("The peacekeepers handed the base over to Malian forces.", "Non-violent transfer of territory"),
        ("Troops dislodged the rebels from their positions along the road.", "Government regains territory"),
    ],
)
def test_context_decides_the_subtype(model: Language, text: str, expected: str) -> None:
    best = triggers.best(triggers.classify(sentence(model, text)))
    assert best is not None and best.sub_event_type == expected


@pytest.mark.parametrize(
    "text",
    [
        "A gas cylinder explosion at the factory killed two workers.",
        "Chlorine leaked from a pipe at the water plant.",
        "The country tested a hydrogen bomb on Sunday.",
        "Coast guards thwarted an attempt to smuggle migrants.",
        "A rocket destroyed the school.",
    ],
)
def test_accidents_tests_and_crime_are_not_these_events(model: Language, text: str) -> None:
    hits = triggers.classify(sentence(model, text))
    assert "Chemical weapon" not in subtypes(hits) and "Disrupted weapons use" not in subtypes(hits)
    assert "Remote explosive/landmine/IED" not in subtypes(hits)


@pytest.mark.parametrize(
    "text",
    [
        "Weeks of unrest across the country continued.",
        "Relief agencies delivered food to the flooded town.",
        "The group claimed responsibility for the attack.",
    ],
)
def test_vague_words_name_no_event(model: Language, text: str) -> None:
    assert not triggers.classify(sentence(model, text))


def test_object_of_a_verb_is_read_from_the_parse(model: Language) -> None:
    sent = sentence(model, "A rocket destroyed the school, and troops destroyed a large number of captured rockets.")
    found = {(h.text, h.sub_event_type) for h in triggers.classify(sent)}
    assert ("rockets", "Disrupted weapons use") in found
    assert ("rocket", "Disrupted weapons use") not in found


def test_list_patterns_are_triggers_when_typed() -> None:
    patterns = {t.pattern for t in lexicon.triggers()}
    assert "$protester * be kill" in patterns  # a "$list" pattern with a sub-event type is a trigger
    assert "protester * be kill" not in lexicon.word_lists()


def test_hits_point_into_the_doc(model: Language) -> None:
    sent = sentence(model, "Witnesses said that a drone strike hit the convoy.")
    [hit] = [h for h in triggers.classify(sent) if h.sub_event_type == "Air/drone strike"]
    doc = sent.doc
    assert doc.text[hit.start_char : hit.end_char] == hit.text == "drone strike"
    assert doc[hit.start : hit.end].text == hit.text
    assert hit.start <= hit.head < hit.end


def test_no_trigger_in_a_quiet_sentence(model: Language) -> None:
    assert triggers.classify(sentence(model, "The weather in Homs was mild on Tuesday.")) == []


# ---------------------------------------------------------------- modality


def test_could_take_is_predicted(model: Language) -> None:
    hit = mode_of(model, "The Syrian army could take it within a single week.", "take")
    assert hit.mode == "predicted"
    assert hit.cue is not None and hit.cue.text == "could"


def test_seed_take_it_back_is_predicted(model: Language, seed_texts: dict[str, str]) -> None:
    hit = mode_of(model, seed_texts["000"], "take", "or even take it back")
    assert hit.mode == "predicted"


def test_seed_conditional_liberation_is_hypothetical(model: Language, seed_texts: dict[str, str]) -> None:
    hit = mode_of(model, seed_texts["000"], "liberated", "If Al-Sukhnah is liberated")
    assert hit.mode == "hypothetical"
    assert hit.cue is not None and hit.cue.text == "If"


def test_denied_losing(model: Language) -> None:
    hit = mode_of(model, "ISIS denied losing the town.", "losing")
    assert hit.mode == "denied"
    assert hit.source is not None and hit.source.text == "ISIS" and hit.source_role == "denier"


def test_no_civilians_killed_is_negated(model: Language) -> None:
    hit = mode_of(model, "No civilians were killed in the attack, the army said.", "killed")
    assert hit.mode == "negated"
    assert hit.cue is not None and hit.cue.text == "No"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The army did not shell the town.", "shell", "negated"),
        ("There were no airstrikes on the town.", "airstrikes", "negated"),
        ("The militants failed to capture the base.", "capture", "negated"),
        ("The army is expected to launch an offensive on Raqqa.", "launch", "predicted"),
        ("ISIS is on the verge of losing the town.", "losing", "predicted"),
        ("Rebels vowed to retake the city.", "retake", "planned"),
        ("Militants threatened to kidnap foreigners.", "kidnap", "planned"),
        ("If the army attacks the town, thousands will flee.", "attacks", "hypothetical"),
        ("The army dismissed claims that it had shelled the village.", "shelled", "denied"),
        ("Officials said the army would attack the town.", "attack", "predicted"),
        ("Government forces regained control of Al-Sukhnah.", "regained", "reported"),
        # FA-KES demo articles fakes-1926479371 and fakes-1923102964
        ("The Britain-based Syrian Observatory for Human Rights monitoring group said that by around 8:30 pm local time there "
         "was no sign yet of resumed aerial bombardment of central parts of the city.", "bombardment", "negated"),
        ("Even in the early days of the Raqqa assault residents said they feared being caught in airstrikes or shelling.",
         "airstrikes", "predicted"),
        ("There were no reports of casualties in the shelling of the town.", "shelling", "reported"),
    ],
)  # fmt: skip
def test_modes(model: Language, text: str, trigger: str, expected: str) -> None:
    assert mode_of(model, text, trigger).mode == expected


def test_claim_of_responsibility_names_the_claimant(model: Language) -> None:
    hit = mode_of(model, "Islamic State claimed responsibility for the car bomb.", "bomb")
    assert hit.mode == "claimed"
    assert hit.source is not None and hit.source.text == "Islamic State" and hit.source_role == "claimant"


def test_a_party_telling_of_its_own_action_is_a_claim(model: Language) -> None:
    hit = mode_of(model, "ISIS said it had captured the base.", "captured")
    assert hit.mode == "claimed"
    assert hit.source is not None and hit.source.text == "ISIS"


def test_attribution_keeps_reported_and_names_the_source(model: Language) -> None:
    hit = mode_of(model, "Government forces captured the town, the observatory said.", "captured")
    assert (hit.mode, hit.source_role) == ("reported", "speaker")
    assert hit.source is not None and hit.source.text == "the observatory"
    # the army telling what its own forces did is a party's claim, as "the group said it captured" is
    own = mode_of(model, "Government forces captured the town, the army said.", "captured")
    assert (own.mode, own.source_role) == ("claimed", "speaker") and own.source is not None and own.source.text == "the army"
    according = mode_of(model, "Government forces captured the town, according to state media.", "captured")
    assert according.mode == "reported" and according.source is not None and according.source.text == "state media"


def test_plain_statement_is_reported_without_cue(model: Language) -> None:
    hit = mode_of(model, "Syrian troops captured several hilltops.", "captured")
    assert (hit.mode, hit.cue, hit.source) == ("reported", None, None)
    assert hit.why


def test_cue_offsets_point_into_the_doc(model: Language) -> None:
    sent = sentence(model, "Reports say the army may soon storm the town.")
    hit = modality(sent, word(sent, "storm"))
    assert hit.mode == "predicted" and hit.cue is not None
    assert sent.doc.text[hit.cue.start : hit.cue.end] == hit.cue.text


HOPE_SENTENCE = "its liberation brings hope for the Syrian army"


def fakes_text(part: str) -> str:
    """The FA-KES demo article that contains `part`."""
    for line in FAKES.read_text("utf-8").splitlines():
        text: str = json.loads(line)["text"]
        if part in text:
            return text
    raise AssertionError(part)


def test_seed_siege_hoped_to_be_broken_is_planned(model: Language, seed_texts: dict[str, str]) -> None:
    # the parser hangs "to break" on "allied", not on "hope": the noun is read on the verb above
    siege = mode_of(model, seed_texts["003"], "siege", HOPE_SENTENCE)
    assert siege.mode == "planned" and siege.cue is not None and siege.cue.text == "hope"
    assert "before the infinitive 'break'" in siege.why
    # the liberation that brings the hope happened: it is the subject, before the cue
    assert mode_of(model, seed_texts["003"], "liberation", HOPE_SENTENCE).mode == "reported"


@pytest.mark.parametrize(
    ("part", "trigger", "cue"),
    [
        ("hoping to quickly seize the small border town", "seize", "hoping"),  # lemmatised "hop"
        ("with the aim of recapturing the de-facto IS capital", "recapturing", "aim"),
        ("the aim of the latest operation was to cut rebel supply lines", "cut", "aim"),
        ("aimed at the liberation of Raqqa city", "liberation", "aimed"),
    ],
)
def test_fakes_hoped_and_aimed_events_are_planned(model: Language, part: str, trigger: str, cue: str) -> None:
    hit = mode_of(model, fakes_text(part), trigger, part)
    assert hit.mode == "planned" and hit.cue is not None and hit.cue.text == cue
