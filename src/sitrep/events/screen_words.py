"""The words of `data/screen_words.toml`, compiled once into the sets and patterns `screen` reads
candidates with: link and caption markers, states, wars, habits, talks, threats, appeals, pauses, aid,
displacement, aims, wide gains and what a chemical weapon's word may qualify."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .toll_words import alternation


@dataclass(frozen=True)
class ScreenWords:
    """The compiled screen vocabulary."""

    link: re.Pattern[str]
    caption: re.Pattern[str]
    caption_subjects: frozenset[str]
    state_lemmas: frozenset[str]
    war_nouns: frozenset[str]
    habitual: re.Pattern[str]
    earlier_words: frozenset[str]
    place_markers: frozenset[str]
    talk_nouns: frozenset[str]
    threat_cues: frozenset[str]
    appeal_cues: frozenset[str]
    stop_lemmas: frozenset[str]
    pause_nouns: frozenset[str]
    aid_words: frozenset[str]
    displacement_lemmas: frozenset[str]
    talk_lemmas: frozenset[str]
    agreement_end_lemmas: frozenset[str]
    campaign_nouns: frozenset[str]
    aim_nouns: frozenset[str]  # campaign nouns and attacks
    aim_verbs: frozenset[str]
    goal_nouns: frozenset[str]
    side_participles: frozenset[str]
    wide_shares: frozenset[str]
    wide_areas: frozenset[str]
    wide_words: frozenset[str]
    chemical_acts: frozenset[str]
    chemical_event_nouns: frozenset[str]  # beside the acts
    trend_lemmas: frozenset[str]

def _duration(data: dict[str, Any]) -> str:
    """"for more than two years", "for several months", "two years of bombardment": a stretch of time an
    action went on for."""
    qualifier = alternation(data["duration_qualifiers"])
    count = rf"(?:{alternation(data['duration_counts'])}|\d+)"
    units = alternation(data["duration_units"])
    return rf"for\s+(?:(?:{qualifier})\s+)?{count}\s+(?:{units})|{count}\s+(?:{units})\s+of(?!\s+age)"


@cache
def screen_words() -> ScreenWords:
    data = tomllib.loads(resources.files("sitrep").joinpath("data/screen_words.toml").read_text("utf-8"))
    flags = re.IGNORECASE
    return ScreenWords(
        link=re.compile(rf"(?<!\w)(?:{alternation(data['link_markers'])})(?!\w)(?!\s+(?:to|with)\b)", flags),
        caption=re.compile(rf"(?<!\w)(?:{alternation(data['caption_markers'])})", flags),
        caption_subjects=frozenset(data["caption_subjects"]),
        state_lemmas=frozenset(data["state_lemmas"]),
        war_nouns=frozenset(data["war_nouns"]),
        habitual=re.compile(rf"(?<!\w)(?:{alternation(data['habitual'])}|\d+\s+times|{_duration(data)})(?!\w)", flags),
        earlier_words=frozenset(data["earlier_words"]),
        place_markers=frozenset(data["place_markers"]),
        talk_nouns=frozenset(data["talk_nouns"]),
        threat_cues=frozenset(data["threat_cues"]),
        appeal_cues=frozenset(data["appeal_cues"]),
        stop_lemmas=frozenset(data["stop_lemmas"]),
        pause_nouns=frozenset(data["pause_nouns"]),
        aid_words=frozenset(data["aid_words"]),
        displacement_lemmas=frozenset(data["displacement_lemmas"]),
        talk_lemmas=frozenset(data["talk_lemmas"]),
        agreement_end_lemmas=frozenset(data["agreement_end_lemmas"]),
        campaign_nouns=frozenset(data["campaign_nouns"]),
        aim_nouns=frozenset(data["campaign_nouns"] + data["aim_nouns"]),
        aim_verbs=frozenset(data["aim_verbs"]),
        goal_nouns=frozenset(data["goal_nouns"]),
        side_participles=frozenset(data["side_participles"]),
        wide_shares=frozenset(data["wide_shares"]),
        wide_areas=frozenset(data["wide_areas"]),
        wide_words=frozenset(data["wide_words"]),
        chemical_acts=frozenset(data["chemical_acts"]),
        chemical_event_nouns=frozenset(data["chemical_acts"] + data["chemical_event_nouns"]),
        trend_lemmas=frozenset(data["trend_lemmas"]),
    )
