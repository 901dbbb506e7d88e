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
- their days can be one: stated days that overlap, or undated current news beside current news;
  "another attack", "earlier this month" and history never join today's event;
- no other side acts in them: one state's forces, or one group, or the side acted upon.

A record's place is the most specific its mentions name (a village before its province, a province
before its country), its date the most precise stated, its type the highest tier read by a mention
that stands alone (the heaviest word within a tier), its actors from its clearest mentions (actor2
told from actor1's side, never that side), its toll by ACLED's rules over its mentions' tolls (an
update replaces earlier figures; otherwise the lowest of the event's own; parts only when nothing else
is stated; sums over a period or a war never). Candidates that cannot stand alone (see
`Candidate.anchored`) only join records; left alone, they are rejected as "generic" (unless nothing in
the text stands alone: then its strongest candidate is its event, as in a snippet that tells one
event). A record no mention places or dates, beside placed ones, and history placed nowhere, are
rejected too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..models import ActorRef, Event, Evidence, Mention, Place, Rejected, Span
from ..places.relative import distance_km
from .candidate import Candidate, site_key, territory_by_agent
from .notes import write_notes
from .records import countries
from .screen import reject
from .tolls import Toll

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
CONSEQUENCES = frozenset({"Looting/property destruction"})  # what violence does: part of the violent event
# One demonstration told at several stages: the most severe names it (as within a sentence)
PROTEST = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration")
# How specific a sub-type is when one event is told as several: the highest tier names it, and within
# a tier the heaviest trigger word; generic readings and consequences come last
TIERS = {
    "Chemical weapon": 3, "Suicide bomb": 3,
    "Government regains territory": 2, "Non-state actor overtakes territory": 2, "Non-violent transfer of territory": 1,
    "Air/drone strike": 2,
    "Shelling/artillery/missile attack": 2, "Remote explosive/landmine/IED": 2, "Grenade": 2,
    "Abduction/forced disappearance": 2, "Sexual violence": 2,
    "Armed clash": 1, "Attack": 1, "Looting/property destruction": 0,
} | {protest: 1 + n for n, protest in enumerate(PROTEST)}  # fmt: skip
ARMED_GROUPS = frozenset({"rebel_group", "political_militia", "identity_militia"})
CIVILIAN_TARGETING = frozenset({"Explosions/Remote violence", "Violence against civilians"})
GENERIC_WEIGHT = 4.0  # an armed clash or attack told by a word this light is a generic reading
WEAK = 3.0  # a trigger this light ("jets", "blast", "explosion") may be a mention of any violent event
CIVILIAN_TOLL_MIN = 3  # dead all told as civilians, this many, make them the target over a side named (not one bystander)
SAME_TOLL_MIN = 5  # a toll this high, told twice for one kind of violence on one day, is one event's
_OTHER_DEAD = re.compile(r"(?:another|other|further)\b", re.IGNORECASE)  # "another 12 were killed": other dead
NEAR_KM = 10.0  # two places this close (a village and a point near it) can be one event's place
AREA_KM = 25.0  # ... or this close when one is an area or a vicinity ("around Damascus", "Eastern Ghouta")
MODE_CLASS = {"reported": "told", "claimed": "told", "predicted": "future", "planned": "future", "hypothetical": "future"}
MODE_ORDER = ("reported", "claimed", "predicted", "planned", "hypothetical", "denied", "negated")
ONE_DAY = timedelta(days=1)  # days named by two mentions may lie this far apart (a night, a time zone)


@dataclass
class _Record:
    members: list[Candidate] = field(default_factory=list)

    @property
    def first(self) -> Candidate:
        return self.members[0]

    def place(self) -> tuple[Place | None, bool]:
        """The most specific place a mention names (a province before its country), and whether one is
        named at all."""
        stated = [m.event.place for m in self.members if m.place_stated and m.event.place is not None]
        if stated:
            # a village before its province, a province before a part of the country ("northern Syria")
            return min(stated, key=lambda p: (p.geo_precision or 3, p.admin1_code is None, p.feature == "country")), True
        return self.first.event.place, False

    def dated(self) -> Candidate | None:
        dated = [m for m in self.members if m.days is not None and m.event.date is not None]
        return min(dated, key=lambda m: m.event.time_precision or 3) if dated else None

    def sub_event_type(self) -> str:
        """The most specific reading of the mentions that can stand alone (the others only refer to it)."""
        anchored = [m for m in self.members if m.anchored] or self.members
        named = max(anchored, key=_rank).event.sub_event_type
        if named in PROTEST:  # one demonstration told at several stages: the most severe stage names it
            return max((m for m in self.members if m.event.sub_event_type in PROTEST), key=_rank).event.sub_event_type
        return named

    def mode_class(self) -> str:
        anchored = [m for m in self.members if m.anchored] or self.members
        return _mode_class(anchored[0].event.modality)


def corefer(candidates: Sequence[Candidate]) -> tuple[list[Event], list[Rejected]]:
    """The article's records (one per real event) and the candidates rejected as generic."""
    records: list[_Record] = []
    held: list[Candidate] = []
    # specific readings first, then generic ones ("killed 20 in suicide attacks" joins the suicide
    # attacks of its own sentence, not an earlier record), each in text order; a specific reading
    # stands by itself where a generic one of its sentence does (the killing told is its killing)
    told = {(c.event.sentence.start, _mode_class(c.event.modality)) for c in candidates if _generic(c) and c.anchored}
    for candidate in [c for c in candidates if not _generic(c)] + [c for c in candidates if _generic(c)]:
        lifted = (candidate.event.sentence.start, _mode_class(candidate.event.modality)) in told and not candidate.headline
        if not (candidate.anchored or lifted):
            held.append(candidate)
            continue
        record = _best(records, candidate)
        if record is None:
            records.append(_Record([candidate]))
        else:
            record.members.append(candidate)
    rejected = []
    body = [c for c in held if not c.headline]
    if not records and body:
        # nothing stands alone: the text's strongest account is its event (a snippet, a one-event note)
        first = max(body, key=lambda c: (c.weight, -c.event.trigger.start))
        records.append(_Record([first]))
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
            events.append(_event(record))
        else:
            rejected += [reject(m, *vague) for m in record.members]
    return events, rejected


def _vague(record: _Record, placed: bool) -> tuple[str, str] | None:
    """Why a record is no event after all: nothing names its place or day while the article's other
    records are placed (`placed`: it is a loose mention or a general statement, "generic"), or it is
    background history with no place of its own ("background")."""
    place, stated = record.place()
    dated = record.dated()
    if placed and not any(m.site is not None or m.dated for m in record.members):
        return "generic", "no mention names its place or its day, while the article's other events are placed"
    if dated is not None and dated.event.historical and (not stated or place is None or place.feature == "country"):
        return "background", f"history ({dated.event.date}) placed {'only in a country' if stated else 'nowhere'}"
    return None


def _best(records: Sequence[_Record], candidate: Candidate) -> _Record | None:
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

    def closeness(item: tuple[int, _Record]) -> tuple[bool, bool, bool, bool, bool, int]:
        n, record = item
        place, _ = record.place()
        same_mode = record.mode_class() == _mode_class(event.modality)
        same_place = place is not None and event.place is not None and place.id == event.place.id
        same_sentence = any(m.event.sentence == event.sentence for m in record.members)
        same_type = specific and record.sub_event_type() == event.sub_event_type
        before = [m.event.trigger.start for m in record.members if m.event.trigger.start <= event.trigger.start]
        nearest = max(before, default=-1)  # the record told last before the candidate
        grounded = any(m.site is not None or m.dated for m in record.members)  # placed or dated, not a loose mention's
        return same_type, same_mode, same_sentence, grounded, same_place, -n if candidate.headline else nearest

    return max(enumerate(fitting), key=closeness)[1]


def _compatible(record: _Record, candidate: Candidate) -> bool:
    event = candidate.event
    if (candidate.anchored or event.modality != "reported") and _mode_class(event.modality) != record.mode_class():
        return False
    if not _types_fit(record, candidate):
        return False
    if not _places_fit(record, candidate):
        return False
    if not _dates_fit(record, candidate):
        return False
    return _actors_fit(record, event)


def _mode_class(modality: str) -> str:
    return MODE_CLASS.get(modality, modality)


def _rank(candidate: Candidate) -> tuple[int, float, int]:
    """How well a mention names its event's type: its tier, the weight of its words, the earliest."""
    return TIERS.get(candidate.event.sub_event_type, 2), candidate.weight, -candidate.event.trigger.start


def _types_fit(record: _Record, candidate: Candidate) -> bool:
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
    return _generic(candidate) or candidate.weight <= WEAK or any(_generic(m) for m in record.members if m.event.sub_event_type == current)


def _means_of_attack(record: _Record, candidate: Candidate) -> bool:
    """An attack and the means it was carried out by, told in one sentence ("committed a massacre ...
    in an airstrike"): one event, named by the means (civilians its targets)."""
    types = {record.sub_event_type(), candidate.event.sub_event_type}
    if "Attack" not in types or not types & MEANS:
        return False
    return any(m.event.sentence == candidate.event.sentence for m in record.members)


def _one_phrase(record: _Record, candidate: Candidate) -> bool:
    """Two readings of one phrase ("three suicide-bomber attacks near a police station"): triggers that
    overlap or touch in one sentence name one event."""
    trigger = candidate.event.trigger
    return any(
        m.event.sentence == candidate.event.sentence
        and m.event.trigger.start <= trigger.end + 1
        and trigger.start <= m.event.trigger.end + 1
        for m in record.members
    )


def _generic(candidate: Candidate) -> bool:
    """A generic reading: an armed clash or an attack told by a light word ("attack", "fighting", "killed")."""
    return candidate.event.sub_event_type in GENERIC and candidate.weight <= GENERIC_WEIGHT


def _places_fit(record: _Record, candidate: Candidate) -> bool:
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


def _one_country(record: _Record, candidate: Candidate) -> bool:
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


def _dates_fit(record: _Record, candidate: Candidate) -> bool:
    """Whether the days can be one: both undated (current news), or one undated and the other not
    history nor told as another event, or stated days that overlap (a day inside "last week")."""
    dated = [m for m in record.members if m.days is not None]
    if candidate.distinct and any(not (m.distinct or m.event.historical) for m in record.members if m.anchored):
        return False  # "another attack", "earlier this month": not the event the record tells
    if candidate.days is None:
        return not candidate.distinct and not any(m.event.historical or m.distinct for m in dated)
    if not dated:
        return not candidate.event.historical and not candidate.distinct
    first, last = candidate.days
    return all(_overlap((first, last), m.days) for m in dated if m.days)


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """Whether two spans of days can hold one event: they overlap, or a day touches the other span
    (a report's "yesterday" against the day it gives); two periods that only touch ("in January",
    "in February") are two."""
    slack = ONE_DAY if a[0] == a[1] or b[0] == b[1] else timedelta(0)
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def _actors_fit(record: _Record, event: Event) -> bool:
    """No other side acts: the candidate's actor1 is unknown, or on one of the record's sides (the
    side acting, or the side acted upon: the other side of one fight), or the record names no side;
    by catalogue actor (one state's forces, or one group) and by kind (state forces or armed groups,
    for phrases kept as written: "rebels")."""
    mine = _side(event.actor1)
    if mine is not None:
        acting = {_side(m.event.actor1) for m in record.members} - {None}
        targets = {_side(m.event.actor2) for m in record.members} - {None}
        if acting and mine not in acting and mine not in targets:
            return False
    kind = _kind(event.actor1)  # "rebels fired mortars" and "government forces fired missiles": two events
    if kind is None:
        return True
    kinds = {_kind(m.event.actor1) for m in record.members} - {None}
    return not kinds or kind in kinds or kind in {_kind(m.event.actor2) for m in record.members}


def _kind(actor: ActorRef | None) -> str | None:
    """"state" or "armed group" for an actor of one of the two sides of a war, else None."""
    if actor is None or actor.type is None:
        return None
    return "state" if actor.type in ("state_forces", "external_forces") else "armed group" if actor.type in ARMED_GROUPS else None


def _side(actor: ActorRef | None) -> tuple[str, str] | None:
    """Who an actor fights for: a state's forces by country ("Russian Aerospace Forces", the Russian
    military and "the regime" of a Syria article are one side, each of its state), a catalogue group
    by itself; None for other phrases kept as written ("rebels")."""
    if actor is None:
        return None
    if actor.type in ("state_forces", "external_forces") and actor.country:
        return "state", actor.country
    return ("actor", actor.actor_id) if actor.actor_id is not None else None


def _event(record: _Record) -> Event:
    """The record's event: fields chosen over its mentions, every mention kept as evidence."""
    members = record.members
    sub_event_type = record.sub_event_type()
    primary = max(members, key=lambda m: (m.event.sub_event_type == sub_event_type, m.anchored, _rank(m)))
    base = primary.event
    if len(members) == 1:
        return _finish(replace(base, mentions=(_mention(base),)), primary.toll)
    ordered = sorted(members, key=lambda m: m.event.trigger.start)
    why = list(base.why)
    evidence = {(e.field, e.span.start, e.span.end): e for e in base.evidence if e.field in ("trigger", "modality", "attribution")}
    for member in ordered:
        evidence.setdefault(("trigger", member.event.trigger.start, member.event.trigger.end), Evidence("trigger", member.event.trigger))
    place, stated = record.place()
    from_place = next((m for m in members if m.event.place is place), primary)
    dated = record.dated() or primary
    actor1, actor2, actors_from = _actors(primary, ordered)
    if base.actor1 is None and actor1 is not None:  # "the villages were liberated": who took them, told in another mention
        sub_event_type = territory_by_agent(sub_event_type, actor1)
    toll, toll_from, toll_why = _toll(ordered)
    for name, source in (("place", from_place), ("date", dated), ("actor1", actors_from[0]), ("actor2", actors_from[1])):
        if source is not None:
            evidence.update({(e.field, e.span.start, e.span.end): e for e in source.event.evidence if e.field == name})
    if toll is not None and toll_from is not None:
        evidence[("fatalities", toll.start, toll.end)] = next(e for e in toll_from.event.evidence if e.field == "fatalities")
    kind = record.mode_class()
    modality = min((m.event.modality for m in members if _mode_class(m.event.modality) == kind), key=MODE_ORDER.index)
    for member in ordered:
        if member is not primary:
            place_why = next((w for w in member.event.why if w.startswith("place ")), "no place")
            why.append(f"also told by {member.event.trigger.text!r} ({member.event.sub_event_type}, {member.event.modality}): {place_why}")
    why.append(
        f"one event told {len(members)} times ({', '.join(repr(m.event.trigger.text) for m in ordered)}): "
        f"type from {primary.event.trigger.text!r}, place {'named' if stated else 'not named'} as {place.name if place else None}, "
        f"date from {dated.event.trigger.text!r}, {toll_why}"
    )
    fatalities = toll.fatalities if toll else None
    event = replace(
        base,
        event_type=_event_type(members, sub_event_type, base.event_type),
        sub_event_type=sub_event_type,
        actor1=actor1,
        actor2=actor2,
        place=place,
        date=dated.event.date,
        time_precision=dated.event.time_precision,
        historical=dated.event.historical,
        fatalities=fatalities,
        civilian_fatalities=toll.civilians if toll else None,
        modality=modality,
        evidence=tuple(sorted(evidence.values(), key=lambda e: (e.span.start, e.field))),
        confidence=max(m.event.confidence for m in members),
        why=tuple(why),
        notes=write_notes(sub_event_type, actor1, actor2, place, dated.event.date, fatalities, modality,
                          base.attribution.source.text if base.attribution else None),  # fmt: skip
        mentions=tuple(_mention(m.event) for m in ordered),
    )
    return _finish(event, toll)


def _finish(event: Event, toll: Toll | None) -> Event:
    """The record's roles made whole: a side is never its own target (actor2 of actor1's side is
    dropped); an attack or a strike that killed civilians or people (not fighters) has the civilians
    as actor2, as ACLED codes it ("Civilians (Syria)"), when it names no other target or all its dead
    are told as civilians ("killed 21 civilians in territories held by Daesh" targets civilians)."""
    side = _side(event.actor1)
    if event.actor2 is not None and side is not None and _side(event.actor2) == side:
        why = f"actor2 {event.actor2.name} is on actor1's side: dropped"
        event = replace(event, actor2=None, evidence=tuple(e for e in event.evidence if e.field != "actor2"), why=(*event.why, why))
    if toll is None or not toll.people or event.event_type not in CIVILIAN_TARGETING:
        return event
    all_civilians = toll.civilians == toll.fatalities >= CIVILIAN_TOLL_MIN
    if event.actor2 is not None and (event.actor2.type == "civilians" or not all_civilians):
        return event
    country = event.place.country if event.place else None
    name = countries().get(country or "", {}).get("name")
    instead = f" rather than {event.actor2.name}" if event.actor2 is not None else ""
    why = f"the dead are {'civilians' if all_civilians else 'people or civilians'} ({toll.text!r}): actor2 is the civilians{instead}"
    actor2 = ActorRef(f"Civilians ({name})" if name else "Civilians", None, "civilians", country, Span(toll.start, toll.end, toll.text), why)
    evidence = (*(e for e in event.evidence if e.field != "actor2"), Evidence("actor2", actor2.span))
    return replace(event, actor2=actor2, evidence=evidence, why=(*event.why, why))


def _event_type(members: Sequence[Candidate], sub_event_type: str, default: str) -> str:
    """The event type of the members told as `sub_event_type`; `default` when none is (a territory
    typed by the side the record names)."""
    return next((m.event.event_type for m in members if m.event.sub_event_type == sub_event_type), default)


def _mention(event: Event) -> Mention:
    return Mention(event.sentence, event.trigger, event.sub_event_type)


def _actors(primary: Candidate, ordered: Sequence[Candidate]) -> tuple[ActorRef | None, ActorRef | None, tuple[Candidate | None, Candidate | None]]:
    """actor1 from the clearest mention that names it (the type's own mentions first, then the others,
    each in text order, a catalogue actor before a phrase kept as written, when of the same kind:
    "terrorist organizations" is no state's army); actor2 from a mention told
    from that side (its actor1 the same or unknown), never the acting side itself."""
    kind = primary.event.sub_event_type
    order = [primary, *(m for m in ordered if m is not primary and m.event.sub_event_type == kind)]
    order += [m for m in ordered if m.event.sub_event_type != kind]
    named = [m for m in order if m.event.actor1 is not None]
    first = _kind(named[0].event.actor1) if named else None  # a catalogue actor of the other kind is the other side
    known = [m for m in named if m.event.actor1 and m.event.actor1.actor_id and first in (None, _kind(m.event.actor1))]
    from1 = next(iter(known), named[0] if named else None)
    actor1 = from1.event.actor1 if from1 else None
    side = _side(actor1)
    told = [m for m in order if m.event.actor2 is not None and _side(m.event.actor1) in (side, None)]
    told = [m for m in told if m.event.actor2 and (actor1 is None or m.event.actor2.name != actor1.name)]
    told = [m for m in told if side is None or _side(m.event.actor2) != side]
    from2 = next((m for m in told if m.event.actor2 and m.event.actor2.actor_id), told[0] if told else None)
    return actor1, from2.event.actor2 if from2 else None, (from1, from2)


def _toll(ordered: Sequence[Candidate]) -> tuple[Toll | None, Candidate | None, str]:
    """The record's toll by ACLED's rules over its mentions' tolls, with the mention and why."""
    tolls = [(m, m.toll) for m in ordered if m.toll is not None and m.toll.kind != "summed"]
    if not tolls:
        return None, None, "no toll of its own"
    updates = [(m, t) for m, t in tolls if t.kind == "update"]
    if updates:
        m, t = updates[-1]
        return t, m, f"toll {t.fatalities}: the latest update"
    own = [(m, t) for m, t in tolls if t.kind == "event"]
    exact = [(m, t) for m, t in own if not t.vague and t.fatalities > 0]
    pool = exact or [(m, t) for m, t in own if t.fatalities > 0] or own or tolls
    m, t = min(pool, key=lambda item: (item[1].fatalities, item[1].start))
    figures = sorted({x.fatalities for _, x in tolls})
    why = f"toll {t.fatalities}: the lowest of the event's own figures {figures}" if len(figures) > 1 else f"toll {t.fatalities}"
    return t, m, why
