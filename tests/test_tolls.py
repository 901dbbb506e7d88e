import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.events.tolls import Toll, fatalities, read_number


@pytest.mark.parametrize(
    ("sentence", "count", "words"),
    [
        ("Gunmen killed 12 people in the village of Tal Rifaat.", 12, "12"),
        # FA-KES demo articles fakes-1923102825 and fakes-1965511139: the dead described at length before "were killed"
        ("Fourteen members of the Jaish al-Islam rebel group were killed when a suicide bomb blast targeted their positions.", 14, "Fourteen"),
        ("In Idlib twenty-eight heads of the Ahrar al-Sham militant group were killed in an explosion that targeted a meeting "
         "tonight according to the Syrian opposing UK-based Observatory.", 28, "twenty-eight"),
        ("12 people were killed when a car bomb exploded in Azaz.", 12, "12"),
        ("At least 7 dead after regime shelling on Douma.", 7, "At least 7"),
        ("The death toll rose to 20 on Monday, activists said.", 20, "20"),
        ("The death toll from the attack rose from 12 to 20.", 20, "20"),
        ("The death toll in the 2015 attack reached 20.", 20, "20"),
        # FA-KES demo articles fakes-1923848237 and fakes-1926479072: a long phrase before "has risen to"
        ("The death toll from a Syrian government raid on an Islamic State stronghold in eastern Syria has risen to 18 "
         "including an American fighter with the jihadist group a monitor said Thursday.", 18, "18"),
        ("The death toll from terrorist attacks on residential neighborhoods in Aleppo city has risen to 13 and 106 injured "
         "including women and children.", 13, "13"),
        # FA-KES demo article fakes-1923848150: the figure an update replaced is no toll
        ("The attack killed 32 rebels as they were entering Turkey the Britain-based Observatory said updating an earlier "
         "toll on Sunday evening of 15.", 32, "32"),
        ("An airstrike hit a market, killing three civilians.", 3, "three"),
        ("The blast claimed the lives of two soldiers.", 2, "two"),
        ("The ambush left 5 soldiers dead.", 5, "5"),
        ("Twenty-three fighters were killed in the clashes.", 23, "Twenty-three"),
        ("One hundred and twenty people were killed.", 120, "One hundred and twenty"),
        ("A dozen people died in the fire.", 12, "A dozen"),
        ("Half a dozen militiamen were killed.", 6, "Half a dozen"),
        ("More than 1,200 people have been killed since January.", 1200, "More than 1,200"),
        ("Between 10 and 15 people were killed.", 10, "Between 10 and 15"),
        ("7 or 8 people were killed, residents said.", 7, "7 or 8"),
        ("The raid killed 10 to 15 people.", 10, "10 to 15"),
        ("Rebels said 25 were killed, while the army said 18 died.", 18, "18"),
        ("Three soldiers and four civilians were killed in the attack.", 7, "Three soldiers and four"),
        ("The attack killed a soldier and two civilians.", 3, "a soldier and two civilians"),
        ("A civilian was killed by sniper fire in Daraa.", 1, "A"),
        ("A 12-year-old boy was killed by a landmine.", 1, "A"),
        ("The 5th Assault Corps killed 30 ISIS fighters near Al-Sukhnah.", 30, "30"),
        ("Government forces executed 5 prisoners.", 5, "5"),
        ("8 martyrs fell in the shelling of the town.", 8, "8"),
        ("Three people were killed 2 days ago.", 3, "Three"),
        ("In 2015, 20 people were killed in the town.", 20, "20"),
        ("A suicide bomber killed himself and 4 others at a checkpoint.", 5, "4"),
        ("A suicide bomber blew himself up, killing 4 people.", 5, "4"),
        ("A suicide bomber blew himself up at a checkpoint.", 1, "blew himself"),
        ("The strike killed 12 people, including 5 children.", 12, "12"),
        ("Six civilians from one family were killed in airstrikes on the town of Atareb west of Aleppo on Saturday.", 6, "Six"),
        ("The Syrian opposition has accused government forces of killing well over 1000 civilians with poison gas in Damascus suburbs on Wednesday.",
         1000, "well over 1000"),
        ("According to official Syrian military spokesperson the Syrian Armed Forces killed a confirmed 33 militants on Sunday including 10 foreign members of Jabhat Fateh Al-Sham.",
         33, "a confirmed 33"),
        ("Both soldiers were killed when their patrol hit a mine.", 2, "Both"),
        # FA-KES demo articles fakes-1965495379 and fakes-1965495344: a military statement's word for killing fighters
        ("The Syrian army's units eliminated over 75 Nusra Front militants including the suicide bombers.", 75, "over 75"),
        ("A Russian airstrike left al-Nusra Front leader in coma and eliminated 49 other terrorists.", 49, "49"),
        ("The Observatory said a further 19 men from the al-Sheitaat tribe were executed on Thursday 18 shot dead and one beheaded on the outskirts of Deir al-Zor city.",
         19, "a further 19"),
        # FA-KES demo article: one of the dead named as "also among the dead" is no count of the whole
        ("On Tuesday 25 people were killed in air strikes on Talbisseh the Observatory said adding that a rebel commander was also among the dead.",
         25, "25"),
    ],
)
def test_reads_stated_figures(sentence: str, count: int, words: str) -> None:
    toll = fatalities(sentence)
    assert toll is not None
    assert (toll.fatalities, toll.text, toll.vague) == (count, words, False)
    assert sentence[toll.start : toll.end] == words


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Dozens of people were killed in the strikes.", 12),
        ("Dozens killed as jets pound eastern Ghouta.", 12),
        ("Hundreds of civilians have died in the siege.", 100),
        ("Clashes have killed tens of thousands.", 10_000),
        ("Scores of fighters died in the assault.", 20),
        ("Several people were killed.", 3),
        ("Civilians were killed in the raid.", 3),
        ("The strike killed civilians in the market.", 3),
        ("The shelling caused heavy fatalities.", 3),
    ],
)
def test_vague_figures_follow_acled_counts(sentence: str, count: int) -> None:
    toll = fatalities(sentence)
    assert toll is not None
    assert (toll.fatalities, toll.vague) == (count, True)


@pytest.mark.parametrize(
    "sentence",
    ["The source said that the Russian airstrikes destroyed 23 terrorist targets in Deir Ezzor province.",
     "The army destroyed 5 tanks and 3 vehicles in Hama."],
)  # fmt: skip
def test_destroying_things_kills_nobody(sentence: str) -> None:
    toll = fatalities(sentence)
    assert toll is None or toll.fatalities is None


def test_a_stated_number_beats_a_vague_one() -> None:
    toll = fatalities("Dozens were wounded and 13 people were killed.")
    assert toll is not None and (toll.fatalities, toll.injured, toll.vague) == (13, 12, False)


@pytest.mark.parametrize(
    "sentence",
    ["No one was killed in the attack.", "There were no casualties.", "No civilians were killed, the army said."],
)
def test_nobody_died(sentence: str) -> None:
    toll = fatalities(sentence)
    assert toll is not None and toll.fatalities == 0 and not toll.vague
    assert sentence[toll.start : toll.end] == toll.text


def test_no_casualties_means_no_injured_either() -> None:
    toll = fatalities("The attack caused no casualties.")
    assert toll is not None and (toll.fatalities, toll.injured) == (0, 0)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The strike killed 12 people and wounded 20.", 12, 20),
        ("12 killed and 30 injured in Aleppo blast.", 12, 30),
        ("Five people were wounded by shrapnel.", 0, 5),
        ("Mortars killed two and injured seven others.", 2, 7),
        ("killing at least 40 people and wounding dozens", 40, 12),
    ],
)
def test_injuries_are_kept_apart(sentence: str, killed: int, injured: int) -> None:
    toll = fatalities(sentence)
    assert toll is not None and (toll.fatalities, toll.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "civilians"),
    [
        ("An airstrike hit a market, killing three civilians.", 3),
        ("The strike killed 12 people, including 5 children.", 5),
        ("Three soldiers and four civilians were killed.", 4),
        ("Gunmen killed 12 soldiers at a checkpoint.", None),
        ("Two women and a child were killed by shelling.", 3),
    ],
)
def test_civilians(sentence: str, civilians: int | None) -> None:
    toll = fatalities(sentence)
    assert toll is not None and toll.civilians == civilians


@pytest.mark.parametrize(
    "sentence",
    [
        "Al-Sukhnah used to be home to some 18,000 people.",
        "The army advanced 4 kilometers north of Al-Hayl gas field.",
        "Someone was seen near the checkpoint.",
        "The Syrian army broke through ISIS lines on Tuesday.",
        "Under the siege of ISIS for over four years.",
        # fakes-1965495372: the day of an attack is no figure of its toll
        "The death toll of a terrorist attack near Aleppo on April 15 surpasses expectations.",
        "",
    ],
)
def test_no_toll(sentence: str) -> None:
    assert fatalities(sentence) is None


def test_offsets_are_in_the_full_text() -> None:
    text = "Homs. The blast killed 9 people."
    toll = fatalities(text[6:], offset=6)
    assert toll == Toll(9, None, None, 23, 24, "9", False, "after 'killed' '9'", kind="event", people=True)
    assert text[toll.start : toll.end] == "9"


def test_seed_sentence_without_deaths(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        for line in text.splitlines():
            assert fatalities(line) is None, line


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty-three", 23), ("a hundred", 100), ("half a dozen", 6), ("1,200", 1200), ("two dozen", 24),
     ("two hundred and five", 205), ("three thousand", 3000), ("two three", None), ("lots", None)],
)  # fmt: skip
def test_read_number(words: str, value: int | None) -> None:
    assert read_number(words) == value


FRAGMENTS = st.sampled_from(
    [
        "killed", "killing", "were", "was", "dead", "died", "wounded", "injuring", "people",
        "civilians", "a", "one", "twenty-three", "hundred", "and", "or", "between", "at least", "12",
        "1,200", "7", "dozens of", "several", "no one", "no", "casualties", "death toll", "rose to",
        "from", "himself", "blew", "including", "children", "2015", ",", ".", "in", "days", "ago",
    ]
)  # fmt: skip


def _check(sentence: str, offset: int) -> None:
    toll = fatalities(sentence, offset)
    if toll is None:
        return
    assert sentence[toll.start - offset : toll.end - offset] == toll.text
    assert toll.fatalities >= 0
    assert toll.civilians is None or 0 <= toll.civilians <= max(toll.fatalities, 0)
    assert toll.injured is None or toll.injured >= 0


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=14).map(" ".join), st.integers(0, 10_000))
def test_properties_on_toll_like_text(sentence: str, offset: int) -> None:
    _check(sentence, offset)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(sentence: str) -> None:
    _check(sentence, 0)


def test_lives_are_people_unless_the_sentence_says_whose() -> None:
    toll = fatalities("Shells landed in the market claiming two lives and injuring three people.")
    assert toll is not None and toll.fatalities == 2 and toll.people
    toll = fatalities("The blast claimed the lives of 10 soldiers.")
    assert toll is not None and toll.fatalities == 10 and not toll.people


def test_a_bombers_own_death_alone_is_a_part_of_the_toll() -> None:
    toll = fatalities("A first attacker blew himself up with the rest then opening fire the Britain-based monitor said.")
    assert toll is not None and toll.fatalities == 1 and toll.kind == "part"
    toll = fatalities("A suicide bomber blew himself up at a checkpoint, killing four soldiers.")
    assert toll is not None and toll.fatalities == 5 and toll.kind == "event"


def test_another_counts_one_and_joins_a_list_of_victims() -> None:
    toll = fatalities("Another man and a woman were killed in the shelling.")
    assert toll is not None and toll.fatalities == 2
    toll = fatalities("Another 27 people were killed in raids on the west of the province.")
    assert toll is not None and toll.fatalities == 27


def test_dead_told_besides_others_are_a_part_of_a_toll() -> None:
    # "another five", "a further five": more dead than a figure told before, never that event's whole toll
    for sentence in ("Another five civilians were killed in two other districts and on the citys outskirts.",
                     "A further five died in barrel bomb attacks in the village of Tlajabin it added."):  # fmt: skip
        toll = fatalities(sentence)
        assert toll is not None and (toll.fatalities, toll.kind) == (5, "part")


def test_an_article_after_a_toll_word_is_no_figure() -> None:
    # "confirmed the death toll to an AFP correspondent": the bomber's own death is all the sentence counts
    toll = fatalities("A Kurdish police source confirmed the death toll to an AFP correspondent and said the assailant blew himself up in front of a bakery.")
    assert toll is not None and (toll.fatalities, toll.kind) == (1, "part")


def test_both_of_two_kinds_is_no_count_of_two() -> None:
    toll = fatalities("The shelling killed both fighters and civilians in the town.")
    assert toll is not None and toll.fatalities != 2 and toll.vague


@pytest.mark.parametrize(
    "sentence",
    ["Dozens of people were killed or wounded in the strikes.", "The state agency said 49 fighters were killed and wounded in the fighting.",
     "The shelling left 30 dead and wounded."],
)
def test_a_count_of_the_killed_and_wounded_is_no_death_toll(sentence: str) -> None:
    assert fatalities(sentence) is None


def test_more_dead_are_added_to_a_toll_told_elsewhere_not_the_toll() -> None:
    toll = fatalities("Four more ISIS terrorists were killed in an army operation against their gathering.")
    assert toll is not None and (toll.fatalities, toll.kind) == (4, "part")
    toll = fatalities("12 people were killed and more than 30 wounded.")
    assert toll is not None and (toll.fatalities, toll.kind) == (12, "event")


def test_a_death_told_as_also_killed_adds_to_a_toll_told_elsewhere() -> None:
    # FA-KES demo article fakes-1918398791: the mosque blast's 25 stand; its senior member is one of them
    toll = fatalities("Observatory which tracks the war said the explosion in Salem Mosque in Ariha also killed a senior non-Syrian member of the Nusra Front.")
    assert toll is not None and (toll.fatalities, toll.kind) == (1, "part")


def test_a_total_is_a_sum_unless_the_sentence_tells_one_day() -> None:
    # FA-KES demo article fakes-1924058186: "a total of" over one Tuesday's operation is that day's toll
    sentence = "A total of 14 Daesh terrorists were killed in the operation on Tuesday, the General Staff said."
    toll = fatalities(sentence, day=True)
    assert toll is not None and (toll.fatalities, toll.kind) == (14, "event")
    toll = fatalities(sentence, day=False)
    assert toll is not None and toll.kind == "summed"


def test_a_days_total_over_several_places_is_a_sum_not_one_places_toll() -> None:
    # FA-KES demo article fakes-1926479251: the day's 40 across eleven towns is not Maarrat Masrin's
    sentence = "In total over 40 civilians were killed in the aerial bombardment that hit at least 11 towns and villages across Idlib on Tuesday."
    toll = fatalities(sentence, day=True)
    assert toll is not None and toll.kind == "summed"
    one_place = "In total over 40 civilians were killed in the aerial bombardment that hit the town of Maarrat Masrin on Tuesday."
    toll = fatalities(one_place, day=True)
    assert toll is not None and (toll.fatalities, toll.kind) == (40, "event")


def test_other_dead_are_told_beside_another_figure() -> None:
    # FA-KES demo articles fakes-1965495344, fakes-1924058178: "49 other terrorists" besides the leader; 24 others besides the 58
    for sentence, value in (("A Russian airstrike left al-Nusra Front leader in coma and eliminated 49 other terrorists.", 49),
                            ("It added that 24 other people were killed without specifying whether they were civilians.", 24)):  # fmt: skip
        toll = fatalities(sentence)
        assert toll is not None and (toll.fatalities, toll.kind) == (value, "part")


def test_a_figure_before_including_a_list_without_numbers_is_the_toll() -> None:
    # FA-KES demo articles fakes-1926479036, -1924058176: "including women and children" names no count of its own
    toll = fatalities("Activists said that at least 19 civilians including women and children were killed and dozens more wounded in airstrikes.")
    assert toll is not None and (toll.fatalities, toll.civilians, toll.kind) == (19, 19, "event")


@pytest.mark.parametrize(
    ("sentence", "count"),
    [  # FA-KES demo articles fakes-1924058165 and fakes-1923102909
        ('"At least 30 children were among 39 people killed in the double bombing at the Akrameh al-Makhzumi school in '
         'Homs today" said Observatory director Rami Abdel Rahman.', 39),
        ("Three children were among at least 19 civilian killed in an air raid on a village held by the Islamic State group "
         "in northern Syria on Wednesday.", 19),
    ],
)
def test_the_figure_a_part_is_among_is_the_events_whole_toll(sentence: str, count: int) -> None:
    toll = fatalities(sentence)
    assert toll is not None and (toll.fatalities, toll.kind) == (count, "event")
