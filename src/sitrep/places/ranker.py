"""The model that orders a name's candidate places: a linear score over named features, fitted to gold.

Each candidate reading of a mention has features (how the name matched, log population, the kind of
place, what the words around it call it, whether its country and province are the article's, how near
it lies to the article's other places), each with a reason in words. The score is the sum of weight
times value; the reading with the highest score wins, and a resolution's `why` lists the reasons that
contributed most. The weights are fitted on the geoparsing gold (`make ranker`, `bench/ranker.py`) and
ship as `data/ranker.json`; `HAND` keeps the weights that were set by hand before, from which fitting
starts (the resolver's passes need weights to learn an article's context from).

A name with no exact reading may also get no place: "none of these" has a fitted utility of its own,
and a name whose best loose reading scores below it stays unresolved.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from .sources import package_file

# name -> what a value of it means (a feature is 1 when it holds, else a count, a share or a log)
FEATURES: dict[str, str] = {
    "match_exact": "the name is one of the place's names",
    "match_loose": "the name matches one of the place's names but for spelling variants",
    "match_skeleton": "the name only resembles one of the place's names, by its consonants",
    "main_name": "the name is the place's main name",
    "log_population": "log10 of the people living there (a division: its towns')",
    "population_unknown": "a town whose population GeoNames does not know",
    "continent": "a continent",
    "country": "a country",
    "admin1": "a province or state",
    "admin2": "a district or county",
    "region": "a world region, disputed region, sea or ocean",
    "feature": "a named feature (a field, a base, a road)",
    "capital": "its country's capital",
    "namesake_town": "a town whose province goes by the same name",
    "city_is_province": "a town that holds most of its namesake province's people, named by part",
    "qualified": "the words after the comma name its state, province or country",
    "called_area_is_area": "the sentence calls it an area, and it is one",
    "called_area_not_area": "the sentence calls it an area, and it is not one",
    "called_part_of_area": "the sentence names part of it, and it is an area",
    "called_part_of_town": "the sentence names part of it, and it is a town",
    "called_town_is_town": "the sentence calls it a settlement, and it is one",
    "called_town_not_town": "the sentence calls it a settlement, and it is not one",
    "dateline_town": "the name opens a dateline, and it is a town",
    "country_focus": "the share of the article's country evidence its country has",
    "province_named": "its province or state is named in the article",
    "county_named": "its county is named in the article",
    "county_of_town": "a county that another name of the article may be a town in",
    "province_focus": "the share of the article's other places in its province or state",
    "holds_named_place": "a country that holds another place of the article",
    "near_50": "within 50 km of another place of the article",
    "near_200": "within 200 km of another place of the article",
    "near_600": "within 600 km of another place of the article",
}

HAND: dict[str, float] = {
    "match_exact": 3.0,
    "match_loose": 2.0,
    "match_skeleton": 0.8,
    "main_name": 0.3,
    "log_population": 0.45,
    "continent": 3.0,
    "country": 3.0,
    "admin1": 2.2,
    "region": 5.0,
    "feature": 2.0,
    "namesake_town": 2.5,
    "city_is_province": 3.0,
    "qualified": 5.0,
    "called_area_is_area": 3.0,
    "called_area_not_area": -1.5,
    "called_part_of_area": 1.5,
    "called_part_of_town": -1.5,
    "called_town_is_town": 3.0,
    "called_town_not_town": -1.5,
    "country_focus": 3.0,
    "province_named": 1.5,
    "county_named": 2.5,
    "county_of_town": 2.5,
    "province_focus": 2.0,
    "holds_named_place": 2.0,
    "near_50": 2.0,
    "near_200": 1.0,
    "near_600": 0.4,
}

Part = tuple[str, float, str]  # feature, value, the reason in words


@dataclass(frozen=True)
class Ranker:
    """Weights by feature name; `none`: the score a name with no exact reading must beat to be placed
    (None: such names always take their best reading)."""

    weights: Mapping[str, float]
    none: float | None

    def score(self, parts: Sequence[Part]) -> float:
        """The score of a candidate with these parts."""
        return round(sum(self.weights.get(feature, 0.0) * value for feature, value, _ in parts), 3)

    def reasons(self, parts: Sequence[Part]) -> tuple[str, ...]:
        """The reasons of the parts that added to the score, the largest first."""
        added = [(self.weights.get(feature, 0.0) * value, reason) for feature, value, reason in parts]
        return tuple(reason for _, reason in sorted((pair for pair in added if pair[0]), key=lambda pair: -abs(pair[0])))

    def to_json(self, about: Mapping[str, object]) -> str:
        weights = {name: round(self.weights.get(name, 0.0), 4) for name in FEATURES}
        return json.dumps({"about": dict(about), "none": self.none, "weights": weights}, indent=1) + "\n"


HAND_RANKER = Ranker(HAND, None)


@cache
def fitted() -> Ranker:
    """The ranker that ships with sitrep (`data/ranker.json`)."""
    with package_file("sitrep", "data", "ranker.json").open(encoding="utf-8") as handle:
        found = json.load(handle)
    return Ranker({name: float(found["weights"].get(name, 0.0)) for name in FEATURES}, found["none"])
