"""One record per real event: the candidates of an article that tell the same event, merged.

A headline, a lead, "the attack", "the blast" and a quote about one bombing are one event, as an
ACLED coder codes it: one record per sub-event type, place and day. Candidates are taken in text
order, specific readings before generic ones ("killed 20" after the "suicide attacks" of its
sentence); each joins the record it is compatible with (the best, when several are), or starts one.
Two candidates are one event when

- they tell the same reality: reported and claimed together, predicted, planned and hypothetical
  together, denied and negated each apart (a nominal mention, "the liberation of X", joins any);
- their sub-types can name one event: the same, one demonstration at several stages, a generic
  reading told by a light word ("the attack", "fighting", "killed"), a known pair (a chemical attack
  from the air, a suicide car bomb), what violence destroys, a weak trigger word ("jets"), an attack
  and the means it was carried out by in one sentence ("a massacre ... in an airstrike"), or two
  readings of one phrase ("suicide-bomber attacks");
- their places can be one: the places the mentions name (known to the gazetteer or not: "the
  village of X") are the same, one inside the other (a town in its province, a neighbourhood in a
  town), or close; a mention that names none fits any place of its country, and so does one that
  gives the same exact toll for the same kind of violence (a lead and a later paragraph); one told
  as one more of its kind ("other air raids took place in Aleppo") only fits its own place;
- their days can be one: stated days that overlap (a day touching another only when not both are
  named: "on Saturday" and "on Sunday" are two), or undated current news beside current news (an
  event told undated is not one dated over a week before publication); nothing after the day
  another mention was reported by ("activists said Sunday"); "another attack", "earlier this month"
  and history never join today's event;
- no other side acts in them: one state's forces, or one group, or the side acted upon;
- in one sentence, neither is told as what the other answers ("launched cruise missiles ... in
  response to a poison gas attack": two events, with their own sides).

A record's fields are chosen over its mentions (`event_record`). Candidates that cannot stand alone (see
`Candidate.anchored`) only join records; left alone, they are rejected as "generic" (unless nothing in
the text stands alone: then its strongest candidate is its event, as in a snippet that tells one
event). A record no mention places or dates, beside placed ones (unless it tells violence in the
body's first sentence: the article's own event), and history placed nowhere, are rejected too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ..ingest.dates import MONTHS, WEEKDAYS
from ..models import Event, Place, Rejected
from ..places.relative import distance_km
from .candidate import Candidate, site_key
from .event_record import PROTEST, Record, kind_of, mode_class_of, record_event, side_of
from .screen import reject

GENERIC = frozenset({"Armed clash", "Attack"})
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"})
VIOLENT = frozenset({
    "Armed clash", "Attack", "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Abduction/forced disappearance",
}) | TERRITORY  # fmt: skip
# Pairs of sub-types one event may be told as (it is coded as the more specific: TIERS)
PAIRS = frozenset({
    frozenset({"Chemical weapon", "Air/drone strike"}),
    frozenset({"Chemical weapon", "Shelling/artillery/missile attack"}),
    frozenset({"Suicide bomb", "Remote explosive/landmine/IED"}),
})  # fmt: skip
MEANS = frozenset({
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb", "Chemical weapon",
    "Grenade",
})  # fmt: skip
# people taken or abused, not killed: no mention of one joins violence that killed (its own event)
UNHARMED = frozenset({"Abduction/forced disappearance", "Sexual violence"})
CONSEQUENCES = frozenset({"Looting/property destruction"})  # what violence does: part of the violent event
GENERIC_WEIGHT = 4.0  # an armed clash or attack told by a word this light is a generic reading
WEAK = 3.0  # a trigger this light ("jets", "blast", "explosion") may be a mention of any violent event
SAME_TOLL_MIN = 5  # a toll this high, told twice for one kind of violence on one day, is one event's
_ATTACK_WORD = re.compile(r"(?i)attacks?\b")  # an armed clash told by the word "attack" ...
_IN_AN = re.compile(r"(?i)\bin\s+(?:an?|the)?\s*$")  # "... in an attack", "in the attack"
_OTHER_DEAD = re.compile(r"(?:another|other|further)\b", re.IGNORECASE)  # "another 12 were killed": other dead
NEAR_KM = 10.0  # two places this close (a village and a point near it) can be one event's place
AREA_KM = 25.0  # ... or this close when one is an area or a vicinity ("around Damascus", "Eastern Ghouta")
_WEEKDAY = "|".join(w for w in WEEKDAYS if len(w) > 5)  # monday ... sunday
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_NAME = re.compile(
    rf"(?i)\b(?:{_WEEKDAY})\b|\b(?:{_MONTH})[a-z]*\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})"
)  # a day named: a weekday or a day of a month
ONE_DAY = timedelta(days=1)  # days named by two mentions may lie this far apart (a night, a time zone)


def corefer(candidates: Sequence[Candidate]) -> tuple[list[Event], list[Rejected]]:
    """The article's records (one per real event) and the candidates rejected as generic."""
    records: list[Record] = []
    held: list[Candidate] = []
    # specific readings first, then generic ones ("killed 20 in suicide attacks" joins the suicide
    # attacks of its own sentence, not an earlier record), each in text order; a specific reading
    # stands by itself where a generic one of its sentence does (the killing told is its killing)
    told = {(c.event.sentence.start, mode_class_of(c.event.modality)) for c in candidates if _generic(c) and c.anchored}
    for candidate in [c for c in candidates if not _generic(c)] + [c for c in candidates if _generic(c)]:
        lifted = (candidate.event.sentence.start, mode_class_of(candidate.event.modality)) in told and not candidate.headline
        if not (candidate.anchored or lifted):
            held.append(candidate)
            continue
        record = _best(records, candidate)
        if record is None:
            records.append(Record([candidate]))
        else:
            record.members.append(candidate)
    rejected = []
    body = [c for c in held if not c.headline]
    if not records and body:
        # nothing stands alone: the text's strongest account is its event (a snippet, a one-event note)
        first = max(body, key=lambda c: (c.weight, -c.event.trigger.start))
        records.append(Record([first]))
        held = [c for c in held if c is not first]
    for candidate in held:
        record = _best(records, candidate)
        if record is None:
            words = f"{candidate.event.trigger.text!r} with no date, toll or past-tense verb of its own"
            rejected.append(reject(candidate, "generic", words))
        else:
            record.members.append(candidate)
    events = []
    placed = any(m.site is not None or m.dated for r in records for m in r.members)
    for record in records:
        vague = _vague(record, placed)
        if vague is None:
            events.append(record_event(record))
        else:
            rejected += [reject(m, *vague) for m in record.members]
    return events, rejected


def _vague(record: Record, placed: bool) -> tuple[str, str] | None:
    """Why a record is no event after all: nothing names its place or day, nor tells it as violence in
    the body's first sentence, while the article's other records are placed (`placed`: it is a loose
    mention or a general statement, "generic"), or it is background history with no place of its own
    ("background")."""
    place, stated = record.place()
    dated = record.dated()
    lead = record.sub_event_type() in VIOLENT and any(m.lead for m in record.members)
    if placed and not lead and not any(m.site is not None or m.dated for m in record.members):
        return "generic", "no mention names its place or its day, while the article's other events are placed"
    if dated is not None and dated.event.historical and (not stated or place is None or place.feature == "country"):
        return "background", f"history ({dated.event.date}) placed {'only in a country' if stated else 'nowhere'}"
    return None


def _best(records: Sequence[Record], candidate: Candidate) -> Record | None:
    """The compatible record the candidate most likely tells of: one of its type (for a specific
    reading: "the liberation of X" is the liberation told elsewhere), told as the candidate is (a
    nominal mention, "the recapture", presupposes it happened), of its own sentence, placed or dated
    (not a loose mention's), of its place, and the one told last before it (for a headline, the
    first: the lead tells the headline's event), in that order."""
    fitting = [r for r in records if _compatible(r, candidate)]
    if not fitting:
        return None
    event = candidate.event
    specific = event.sub_event_type not in GENERIC and candidate.weight > WEAK

    def closeness(item: tuple[int, Record]) -> tuple[bool, bool, bool, bool, bool, int]:
        n, record = item
        place, _ = record.place()
        same_mode = record.mode_class() == mode_class_of(event.modality)
        same_place = place is not None and event.place is not None and place.id == event.place.id
        same_sentence = any(m.event.sentence == event.sentence for m in record.members)
        same_type = specific and record.sub_event_type() == event.sub_event_type
        before = [m.event.trigger.start for m in record.members if m.event.trigger.start <= event.trigger.start]
        nearest = max(before, default=-1)  # the record told last before the candidate
        grounded = any(m.site is not None or m.dated for m in record.members)  # placed or dated, not a loose mention's
        return same_type, same_mode, same_sentence, grounded, same_place, -n if candidate.headline else nearest

    return max(enumerate(fitting), key=closeness)[1]


def _compatible(record: Record, candidate: Candidate) -> bool:
    event = candidate.event
    if (candidate.anchored or event.modality != "reported") and mode_class_of(event.modality) != record.mode_class():
        return False
    if any(m.event.sentence == event.sentence and m.answered != candidate.answered for m in record.members):
        return False  # "launched cruise missiles ... in response to a poison gas attack": two events
    if not _types_fit(record, candidate):
        return False
    if not _places_fit(record, candidate):
        return False
    if not _dates_fit(record, candidate):
        return False
    return _actors_fit(record, event)


def _types_fit(record: Record, candidate: Candidate) -> bool:
    """Whether the record can be the event the candidate names: the same type, a known pair, a
    consequence of violence, or a generic reading on one side. A generic armed clash ("fighting", "the
    attack") can be any violent event; a generic attack any but a change of territory (killings by a
    side that takes a town are an event of their own). Strong words ("executed", "massacred") name
    their own type: they are no generic reading."""
    current, other = record.sub_event_type(), candidate.event.sub_event_type
    if current == other or (current in PROTEST and other in PROTEST):
        return True
    if {current, other} & CONSEQUENCES and {current, other} & VIOLENT:
        return True
    if current not in VIOLENT or other not in VIOLENT:
        return False
    if frozenset({current, other}) in PAIRS:
        return True
    if _means_of_attack(record, candidate) or _one_phrase(record, candidate):
        return True
    if "Attack" in (current, other) and {current, other} & TERRITORY:
        return False
    if {current, other} & UNHARMED and _killing(record, candidate):
        return False
    if other == "Armed clash" and current in MEANS and _fight_beside(record, candidate):
        return False
    return _generic(candidate) or candidate.weight <= WEAK or any(_generic(m) for m in record.members if m.event.sub_event_type == current)


def _killing(record: Record, candidate: Candidate) -> bool:
    """Whether the record or the candidate tells a death toll of its own."""
    return any(m.toll is not None and m.toll.kind == "event" and m.toll.fatalities > 0 for m in (*record.members, candidate))


def _means_of_attack(record: Record, candidate: Candidate) -> bool:
    """An attack and the means it was carried out by, told in one sentence ("committed a massacre ...
    in an airstrike", "suicide bombers struck ... in an attack claimed by the Daesh group"): one event,
    named by the means (civilians its targets)."""
    types = {record.sub_event_type(), candidate.event.sub_event_type}
    attack = "Attack" in types or (candidate.event.sub_event_type == "Armed clash" and _in_an_attack(candidate))
    if not attack or not types & MEANS:
        return False
    return any(m.event.sentence == candidate.event.sentence for m in record.members) or _attack_at_its_town(record, candidate)


def _attack_at_its_town(record: Record, candidate: Candidate) -> bool:
    """An attack told by the word "attack" at the very town a strike or bombing of the record hit, on the
    day it names: that event told again ("35 people were killed by the attack which struck a school
    complex in the village of Hass", after "airstrikes targeting a school complex in the town of Hass")."""
    attacks = [candidate] if candidate.event.sub_event_type == "Attack" else [m for m in record.members if m.event.sub_event_type == "Attack"]
    if not any(_ATTACK_WORD.match(a.event.trigger.text) for a in attacks):
        return False
    site, days = candidate.site, candidate.days
    sites = [m.site for m in record.members if m.site is not None]
    if site is None or site.geo_precision != 1 or not sites or any(site_key(s) != site_key(site) for s in sites):
        return False
    dated = [m.days for m in record.members if m.days is not None]
    return days is not None and bool(dated) and all(d == days for d in dated)  # both told for that day


def _in_an_attack(candidate: Candidate) -> bool:
    """Whether an armed clash is told by "in an attack" alone ("struck ... in an attack claimed by the
    Daesh group"): the attack the sentence's means made, not fighting of its own ("ground attacks")."""
    event = candidate.event
    before = event.sentence.text[: event.trigger.start - event.sentence.start]
    return _ATTACK_WORD.match(event.trigger.text) is not None and _IN_AN.search(before) is not None


def _one_phrase(record: Record, candidate: Candidate) -> bool:
    """Two readings of one phrase ("three suicide-bomber attacks near a police station"): triggers that
    overlap or touch in one sentence name one event."""
    trigger = candidate.event.trigger
    return any(
        m.event.sentence == candidate.event.sentence
        and m.event.trigger.start <= trigger.end + 1
        and trigger.start <= m.event.trigger.end + 1
        for m in record.members
    )


def _fight_beside(record: Record, candidate: Candidate) -> bool:
    """Whether an armed clash told at a town of its own, state forces against an armed group, is a fight
    beside an unclaimed bombing or strike the record tells, not a word for it ("a car bomb attack in
    western Damascus ... the Syrian military continued to battle the insurgents in Jubar")."""
    event = candidate.event
    site = candidate.site
    if {kind_of(event.actor1), kind_of(event.actor2)} != {"state", "armed group"} or site is None or site.geo_precision != 1:
        return False
    if any(m.event.actor1 is not None or m.event.sentence == event.sentence for m in record.members):
        return False
    return all(site_key(m.site) != site_key(site) for m in record.members)


def _generic(candidate: Candidate) -> bool:
    """A generic reading: an armed clash or an attack told by a light word ("attack", "fighting", "killed")."""
    return candidate.event.sub_event_type in GENERIC and candidate.weight <= GENERIC_WEIGHT


def _places_fit(record: Record, candidate: Candidate) -> bool:
    """Whether the places can be one: every place the record's mentions name fits the one the
    candidate names; where one side names none, the same country (or an unknown one). One trigger
    told at several places ("the towns of A and B", see `per_place`) is one event at each, however
    near they lie."""
    if any(_one_trigger(m, candidate) and site_key(m.site) != site_key(candidate.site) for m in record.members):
        return False
    if any(_same_toll(m, candidate) for m in record.members) and _one_country(record, candidate):
        return True  # "43 killed in the town of Jayrud" and "43 killed in a town northeast of the capital"
    sites = [m.site for m in record.members if m.site is not None]
    if candidate.site is None or not sites:
        return _one_country(record, candidate)
    another = candidate.another or any(m.another for m in record.members if m.site is not None)
    if another and all(site_key(site) != site_key(candidate.site) for site in sites):
        return False  # "other air raids took place in Aleppo": not the strike on a town of Aleppo told beside them
    return all(_one_site(site, candidate.site) for site in sites)


def _one_country(record: Record, candidate: Candidate) -> bool:
    """Whether the record's place and the candidate's lie in one country (or either in none known)."""
    place, _ = record.place()
    other = candidate.event.place
    return place is None or other is None or place.country is None or other.country is None or place.country == other.country


def _same_toll(a: Candidate, b: Candidate) -> bool:
    """The same exact toll, not a small one, of one kind of violence in two sentences: one event told
    twice (a lead and a later paragraph), however each places it in its country; not "another 12"."""
    if a.toll is None or b.toll is None or a.event.sentence == b.event.sentence:
        return False
    same = a.toll.fatalities == b.toll.fatalities >= SAME_TOLL_MIN and a.toll.kind == b.toll.kind == "event"
    if not same or a.toll.vague or b.toll.vague or a.event.sub_event_type != b.event.sub_event_type:
        return False
    return not any(_OTHER_DEAD.match(t.text) for t in (a.toll, b.toll))


def _one_trigger(a: Candidate, b: Candidate) -> bool:
    return a.event.sentence == b.event.sentence and a.event.trigger == b.event.trigger


def _one_site(a: Place, b: Place) -> bool:
    """Whether two named places can be one event's. A name the gazetteer does not know is a place of
    its own: a village fits the same name, or a region that may hold it; a neighbourhood ("the Bab
    Touma neighbourhood") fits a known town or region too."""
    if a.resolved and b.resolved:
        return _one_place(a, b)
    if site_key(a) == site_key(b):
        return True
    known = a if a.resolved else b if b.resolved else None
    unknown = b if known is a else a
    if known is None:
        return False
    return unknown.feature == "part" or (known.geo_precision or 3) >= 2  # an area, or the vicinity of a town


def _one_place(a: Place, b: Place) -> bool:
    """Whether two named places can be one event's: the same, one inside the other, or close."""
    if a.id is not None and a.id == b.id:
        return True
    for outer, inner in ((a, b), (b, a)):
        if (outer.geo_precision or 3) == 3 and outer.admin1_code is None and outer.country == inner.country:
            return True  # a country, or a part of one ("northern Syria")
        if (outer.geo_precision or 3) == 3 and outer.admin1_code is not None and outer.admin1_code == inner.admin1_code:
            return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    near = NEAR_KM if max(a.geo_precision or 1, b.geo_precision or 1) == 1 else AREA_KM
    return distance_km(a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0) <= near


def _dates_fit(record: Record, candidate: Candidate) -> bool:
    """Whether the days can be one: both undated (current news), or one undated and the other not
    history, told as another event nor (for an event told by a verb) dated over a week before
    publication, or stated days that overlap (a day inside "last week"); never after the day one was
    reported by."""
    dated = [m for m in record.members if m.days is not None]
    if _after_report(candidate, record.members):
        return False  # "23 killed in air strikes, activists said Sunday" is not Monday's strike
    if candidate.distinct and any(not (m.distinct or m.event.historical) for m in record.members if m.anchored):
        return False  # "another attack", "earlier this month": not the event the record tells
    if candidate.days is None:
        return not candidate.distinct and not any(m.event.historical or m.distinct for m in dated)
    if not dated:  # an event told undated ("overran a junction") is news of the article's days, not of weeks before
        stale = candidate.stale and any(m.told for m in record.members)
        return not candidate.event.historical and not candidate.distinct and not stale
    first, last = candidate.days
    if first == last and _own_town_toll(candidate) and any(m.days[0] < m.days[1] - ONE_DAY for m in dated if m.days):
        return False  # a town's day with its own toll is no part of a summary over several days ("in the last three days")
    named = _named_day(candidate)
    return all(_overlap((first, last), m.days, named and _named_day(m)) for m in dated if m.days)


def _after_report(candidate: Candidate, members: Sequence[Candidate]) -> bool:
    """Whether one side's days begin after the day the other was reported by ("activists said Sunday")."""
    if candidate.reported_by is not None and any(m.days is not None and m.days[0] > candidate.reported_by for m in members):
        return True
    return candidate.days is not None and any(m.reported_by is not None and candidate.days[0] > m.reported_by for m in members)


def _named_day(candidate: Candidate) -> bool:
    """Whether the candidate's date words name its day ("on Sunday", "on June 12"), not a day counted
    from the report ("yesterday", "last night"), which may be a day off."""
    words = next((e.span.text for e in candidate.event.evidence if e.field == "date"), "")
    return _DAY_NAME.search(words) is not None


def _own_town_toll(candidate: Candidate) -> bool:
    """Whether a candidate names a town of its own and an exact toll of its own."""
    site, toll = candidate.site, candidate.toll
    return site is not None and site.geo_precision == 1 and toll is not None and toll.kind == "event" and not toll.vague


def _overlap(a: tuple[date, date], b: tuple[date, date], named: bool = False) -> bool:
    """Whether two spans of days can hold one event: they overlap, or a day touches the other span
    (a report's "yesterday" against the day it gives); two periods that only touch ("in January",
    "in February"), a day and a period that ends the day before ("early October" against October
    11), and two days both named ("on Saturday", "on Sunday"), are two."""
    short = [s for s in (a, b) if s[1] - s[0] <= ONE_DAY]
    slack = ONE_DAY if len(short) == 2 and not named else timedelta(0)
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def _actors_fit(record: Record, event: Event) -> bool:
    """No other side acts: the candidate's actor1 is unknown, or on one of the record's sides (the
    side acting, or the side acted upon: the other side of one fight), or the record names no side;
    by catalogue actor (one state's forces, or one group) and by kind (state forces or armed groups,
    for phrases kept as written: "rebels")."""
    mine = side_of(event.actor1)
    if mine is not None:
        acting = {side_of(m.event.actor1) for m in record.members} - {None}
        targets = {side_of(m.event.actor2) for m in record.members} - {None}
        if acting and mine not in acting and mine not in targets:
            return False
    kind = kind_of(event.actor1)  # "rebels fired mortars" and "government forces fired missiles": two events
    if kind is None:
        return True
    kinds = {kind_of(m.event.actor1) for m in record.members} - {None}
    return not kinds or kind in kinds or kind in {kind_of(m.event.actor2) for m in record.members}
