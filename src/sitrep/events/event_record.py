"""One record's fields, chosen over the mentions coreference gathered for it.

Its place is the most specific its mentions name (a village before its province, a province before
its country), its date the most precise stated, its type the highest tier read by a mention that
stands alone (the heaviest word within a tier), its actors from its clearest mentions (actor2 told
from actor1's side, never that side; the civilians, when they are its dead), its toll by ACLED's rules
over its mentions' tolls (an update replaces earlier figures; otherwise the lowest of the event's own;
parts only when nothing else is stated; sums over a period or a war never). Every mention is kept as
evidence, and `why` says where each field came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..models import ActorRef, Event, Evidence, Mention, Place, Span
from .candidate import Candidate, territory_by_agent
from .notes import write_notes
from .records import countries
from .tolls import Toll

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
MEANS_TYPE = "Explosions/Remote violence"  # the event type that names the means of violence
CIVILIAN_TARGETING = frozenset({"Explosions/Remote violence", "Violence against civilians"})
CIVILIAN_TOLL_MIN = 3  # dead all told as civilians, this many, make them the target over a side named (not one bystander)
MODE_CLASS = {"reported": "told", "claimed": "told", "predicted": "future", "planned": "future", "hypothetical": "future"}
MODE_ORDER = ("reported", "claimed", "predicted", "planned", "hypothetical", "denied", "negated")


@dataclass
class Record:
    """The mentions of one real event, gathered by coreference, in the order they joined."""

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
        placed = next((m.event.place for m in self.members if m.event.place is not None), None)
        return placed, False  # the first mention placed by the text around it (a headline may have none)

    def dated(self) -> Candidate | None:
        dated = [m for m in self.members if m.days is not None and m.event.date is not None]
        return min(dated, key=lambda m: m.event.time_precision or 3) if dated else None

    def sub_event_type(self) -> str:
        """The most specific reading of the mentions that can stand alone, or of the means of violence
        named in a sentence with one ("barrel bomb attacks" is an air strike, "killed by rocket fire" a
        shelling); the others only refer to it."""
        sentences = {m.event.sentence.start for m in self.members if m.anchored}
        anchored = [m for m in self.members if m.anchored or (m.event.event_type == MEANS_TYPE and m.event.sentence.start in sentences)]
        anchored = anchored or self.members
        named = max(anchored, key=rank).event.sub_event_type
        if named in PROTEST:  # one demonstration told at several stages: the most severe stage names it
            return max((m for m in self.members if m.event.sub_event_type in PROTEST), key=rank).event.sub_event_type
        return named

    def mode_class(self) -> str:
        anchored = [m for m in self.members if m.anchored] or self.members
        return mode_class_of(anchored[0].event.modality)


def mode_class_of(modality: str) -> str:
    """The reality a modality tells: "told" (reported, claimed), "future" (predicted, planned,
    hypothetical), or itself (denied, negated)."""
    return MODE_CLASS.get(modality, modality)


def rank(candidate: Candidate) -> tuple[int, float, int]:
    """How well a mention names its event's type: its tier, the weight of its words, the earliest."""
    return TIERS.get(candidate.event.sub_event_type, 2), candidate.weight, -candidate.event.trigger.start


def kind_of(actor: ActorRef | None) -> str | None:
    """"state" or "armed group" for an actor of one of the two sides of a war, else None."""
    if actor is None or actor.type is None:
        return None
    return "state" if actor.type in ("state_forces", "external_forces") else "armed group" if actor.type in ARMED_GROUPS else None


def side_of(actor: ActorRef | None) -> tuple[str, str] | None:
    """Who an actor fights for: a state's forces by country ("Russian Aerospace Forces", the Russian
    military and "the regime" of a Syria article are one side, each of its state), a catalogue group
    by itself; None for other phrases kept as written ("rebels")."""
    if actor is None:
        return None
    if actor.type in ("state_forces", "external_forces") and actor.country:
        return "state", actor.country
    return ("actor", actor.actor_id) if actor.actor_id is not None else None


def record_event(record: Record) -> Event:
    """The record's event: fields chosen over its mentions, every mention kept as evidence."""
    members = record.members
    sub_event_type = record.sub_event_type()
    primary = max(members, key=lambda m: (m.event.sub_event_type == sub_event_type, m.anchored, rank(m)))
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
    toll, toll_from, toll_why = _toll(ordered, place)
    for name, source in (("place", from_place), ("date", dated), ("actor1", actors_from[0]), ("actor2", actors_from[1])):
        if source is not None:
            evidence.update({(e.field, e.span.start, e.span.end): e for e in source.event.evidence if e.field == name})
    if toll is not None and toll_from is not None:
        evidence[("fatalities", toll.start, toll.end)] = next(e for e in toll_from.event.evidence if e.field == "fatalities")
    kind = record.mode_class()
    modality = min((m.event.modality for m in members if mode_class_of(m.event.modality) == kind), key=MODE_ORDER.index)
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
    side = side_of(event.actor1)
    if event.actor2 is not None and side is not None and side_of(event.actor2) == side:
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
    first = kind_of(named[0].event.actor1) if named else None  # a catalogue actor of the other kind is the other side
    known = [m for m in named if m.event.actor1 and m.event.actor1.actor_id and first in (None, kind_of(m.event.actor1))]
    from1 = next(iter(known), named[0] if named else None)
    actor1 = from1.event.actor1 if from1 else None
    side = side_of(actor1)
    told = [m for m in order if m.event.actor2 is not None and side_of(m.event.actor1) in (side, None)]
    told = [m for m in told if m.event.actor2 and (actor1 is None or m.event.actor2.name != actor1.name)]
    told = [m for m in told if side is None or side_of(m.event.actor2) != side]
    from2 = next((m for m in told if m.event.actor2 and m.event.actor2.actor_id), told[0] if told else None)
    return actor1, from2.event.actor2 if from2 else None, (from1, from2)


def _elsewhere(member: Candidate, place: Place | None) -> bool:
    """Whether a mention names a part of the record's place of its own (a neighbourhood of the town)."""
    parts = ("part", "district")
    return place is not None and place.feature not in parts and member.site is not None and member.site.feature in parts


def _toll(ordered: Sequence[Candidate], place: Place | None) -> tuple[Toll | None, Candidate | None, str]:
    """The record's toll by ACLED's rules over its mentions' tolls, with the mention and why. A figure
    a mention gives for a place inside the record's ("two people were killed in a rocket attack on Salah
    Eddin neighborhood", beside "six civilians were killed in rocket attacks on several neighborhoods in
    Aleppo city") counts part of the event, not another estimate of it."""
    tolls = [(m, m.toll) for m in ordered if m.toll is not None and m.toll.kind != "summed"]
    if not tolls:
        return None, None, "no toll of its own"
    updates = [(m, t) for m, t in tolls if t.kind == "update"]
    if updates:
        m, t = updates[-1]
        return t, m, f"toll {t.fatalities}: the latest update"
    own = [(m, t) for m, t in tolls if t.kind == "event"]
    at_place = [(m, t) for m, t in own if not _elsewhere(m, place)]
    if any(not t.vague for _, t in at_place) and len(at_place) < len(own):
        tolls = [(m, replace(t, kind="part") if (m, t) not in at_place else t) for m, t in tolls]
        own = at_place
    exact = [(m, t) for m, t in own if not t.vague and t.fatalities > 0]
    pool = exact or [(m, t) for m, t in own if t.fatalities > 0] or own or tolls
    m, t = min(pool, key=lambda item: (item[1].fatalities, item[1].start))
    figures = sorted({x.fatalities for _, x in pool})
    why = f"toll {t.fatalities}: the lowest of the event's own figures {figures}" if len(figures) > 1 else f"toll {t.fatalities}"
    parts = sorted({x.fatalities for _, x in tolls if x.kind == "part"}) if own else []
    return t, m, why + (f" (parts of it set aside: {parts})" if parts else "")
