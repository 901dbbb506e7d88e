"""Events from one parsed article: type, actors, place, date, toll, modality, attribution, evidence.

Each sentence with a trigger word yields at most one event per trigger head (the heaviest trigger
of a clause). Fields come from the stages' own readers: `triggers` (type), `modality`, `roles`
(actors), `location` (place), `when` (date), `tolls` (fatalities), `attribution` (who says so).
Events come out most salient first: reported and claimed before predicted and the rest, current
before historical, then by how complete and certain they are, then by their order in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from datetime import date, timedelta

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..actors import Catalogue
from ..models import ActorRef, Attribution, Event, Evidence, Place, Rejected, Span
from ..offsets import ByOffset
from . import interval, lexicon, triggers
from .candidate import CURRENT_DAYS, NONSTATE_TYPES, SHORT_SINCE_DAYS, STATE_TYPES, VIOLENT_TYPES, Candidate, another, distinct, site_key, territory_by_agent, told
from .claimants import claims, credit
from .coreference import corefer
from .screen import screen
from .sentence_hits import sentence_hits
from .syntax import answered, clause_of, predicate_of, tree_distance
from .attribution import Statement, quotations, relayed_report
from .later_tolls import later_tolls
from .tag_lists import inside, tag_spans
from .location import Sites, antecedent, aside_starts, container, fallback, place_in_sentence, vicinity
from .venues import venue_starts
from .modality import ModeHit, modality
from .notes import write_notes
from .per_place import per_place
from .actor_mentions import ActorMention, actor_mentions, fighting_states, of_country
from .roles import roles
from .tolls import Toll, fatalities
from .when import EventDate, event_date

FLOWN = frozenset({"Attack", "Shelling/artillery/missile attack"})  # an attack or rockets an aircraft delivers: an air strike
CLAUSE_STEP = 3  # a toll belongs to the event of its own clause: a step into another clause is long
TITLE_ONLY_WORDS = 5  # a text with fewer words than this beside its title and dateline is its title
RELAY_PARAGRAPHS = 3  # a relayed report covers the paragraph naming it and the two after
MODE_RANK = {"reported": 0, "claimed": 1, "planned": 2, "predicted": 3, "hypothetical": 4, "denied": 5, "negated": 6}


@dataclass(frozen=True)
class ArticleContext:
    """What the extractor knows about the article besides its text."""

    published: date | None = None
    country: str | None = None  # ISO2 focus; read from the places when None
    title_end: int = 0  # events in the title are restated by the body; they rank lower
    dateline: tuple[int, int] | None = None  # offsets of the dateline: it dates the article, not an event


@dataclass(frozen=True)
class Extraction:
    """An article's events, one record per real event, most salient first, and the candidates
    rejected as no events, with their reasons."""

    events: list[Event]
    rejected: list[Rejected]


def extract_events(doc: Doc, places: Sequence[Place], catalogue: Catalogue, context: ArticleContext) -> Extraction:
    """The events an article tells (most salient first), and the candidates that are none."""
    text = doc.text  # built anew from the tokens at each use: read once
    if _title_only(text, context):
        context = replace(context, title_end=0)  # a one-line story: its title is its text
    named = Counter(p.country for p in places if p.resolved and p.country)  # places named per country
    country = context.country or (named.most_common(1)[0][0] if named else None)
    tags = tag_spans(doc, text)  # a page's topic words run into a sentence tell nothing of its event
    places = [p for p in places if not inside(tags, p.start)]
    mentions = [m for m in actor_mentions(doc, catalogue, country, text) if not inside(tags, m.ref.span.start)]
    kept, rejected = screen(doc, list(_candidates(doc, text, places, mentions, context, tags)))
    records, generic = corefer(_give_tolls(doc, kept))
    records = credit(records, claims(doc, mentions), doc)
    with_candidates = {c.event.sentence.start for c in kept} | {r.sentence.start for r in rejected}
    records = later_tolls(records, doc, with_candidates, context.title_end)
    records = fighting_states([_people_of(e, named, country) for e in records], mentions, catalogue)
    length = max(len(text), 1)
    return Extraction(sorted(records, key=lambda e: salience(e, length)), rejected + generic)


def _candidates(
    doc: Doc, text: str, places: Sequence[Place], mentions: Sequence[ActorMention], context: ArticleContext, tags: list[tuple[int, int]]
) -> Iterator[Candidate]:
    """One candidate per trigger head of each sentence, in text order; those of the title are
    headlines (without a toll: a headline's figure often adds up the article's events)."""
    statements = quotations(text)
    relayed = relayed_report(text)
    previous: Place | None = None
    kind_of = _agent_kind(mentions)
    venues = venue_starts(text, places)
    asides = aside_starts(text, places)
    places = [p for p in places if p.start not in asides]
    placed = _place_tokens(doc, places)
    sites = Sites(places, venues)
    by_root = ByOffset(mentions, lambda m: m.root)
    by_start = ByOffset(mentions, lambda m: m.ref.span.start)
    lead = next((sent.start for sent in doc.sents if sent.end_char > context.title_end), None)
    for sent in doc.sents:
        hits = sentence_hits(sent, [h for h in triggers.classify(sent, kind_of, placed) if not inside(tags, h.start_char)])
        if not hits:
            continue
        # read once per sentence, shared by its events
        words = _blanked(text, sent.start_char, sent.end_char, [context.dateline])
        when = event_date(words, context.published, offset=sent.start_char)
        tollwords = _blanked(text, sent.start_char, sent.end_char, [context.dateline, (0, context.title_end)])
        period = when.text if _long_since(when) else None
        dated = _own_date(when)
        day = dated and when.first is not None and when.last is not None and (when.last - when.first).days <= 1
        toll = fatalities(tollwords, offset=sent.start_char, day=day)
        actors = by_root.within(sent.start, sent.end)
        actor_spans = [m.ref.span for m in by_start.within(sent.start_char, sent.end_char)]
        told_once: dict[tuple[str, str, str | None, str | None, bool], Candidate] = {}
        for hit in hits:
            headline = hit.start_char < context.title_end
            own_toll = None if headline else toll
            base = when
            if when.others:  # "Friday's attack came after a car bombing killed 100 people on Tuesday"
                clause = {t.idx for t in clause_of(predicate_of(doc[hit.head], sent), sent)}
                base = event_date(words, context.published, offset=sent.start_char, within=clause)
            if interval.dated_apart(doc[hit.head], base):  # "... a pilot who parachuted down after his plane crashed on Friday"
                why = f"the date words {base.text!r} date the clause they open, not this event: the publication date"
                base = EventDate(context.published, 2, None, None, None, False, why)
            apart = interval.offset(doc[hit.head], sent)  # "two days after militants kidnapped them"
            own = base if apart is None else interval.shifted(base, apart, context.published)
            own_dated = _own_date(base) or apart is not None
            event, stated, site = _event(text, sent, hit, sites, actors, actor_spans, statements, relayed, previous, own, own_toll)
            candidate = Candidate(
                event, hit.head, hit.weight, stated, own_dated, told(sent, doc[hit.head], doc[hit.start : hit.end]),
                own_toll, site=site, days=(own.first, own.last) if own_dated and own.first and own.last else None,
                distinct=distinct(doc[hit.head], when.text) or apart is not None, another=another(doc[hit.head]), period=period,
                headline=headline, lead=sent.start == lead and not headline, stale=_stale(own, own_dated, context.published),
                reported_by=own.last if own.reported else None, answered=answered(doc[hit.head]) is not None,
            )  # fmt: skip
            for one in per_place(doc, candidate, places, mentions):
                same = (one.event.sub_event_type, one.event.modality, one.event.place.name if one.event.place else None, site_key(one.site), one.answered)
                # "aircraft bombed the town": two trigger words of one type, one event; the body's reading
                # (not a headline run into the lead), then the one with a toll, then the fuller one stays
                if same not in told_once or _fuller(one) > _fuller(told_once[same]):
                    told_once[same] = one
            if event.place is not None and event.modality in ("reported", "claimed"):
                previous = event.place
        yield from sorted(told_once.values(), key=lambda c: c.event.trigger.start)


def _stale(when: EventDate, dated: bool, published: date | None) -> bool:
    """Whether the event's own days end more than CURRENT_DAYS before publication ("the offensive
    launched on May 31" in a story of June 26)."""
    return dated and published is not None and when.last is not None and when.last < published - timedelta(days=CURRENT_DAYS)


def _place_tokens(doc: Doc, places: Sequence[Place]) -> frozenset[int]:
    """Doc indices of the tokens of resolved place mentions."""
    spans = (doc.char_span(p.start, p.end, alignment_mode="expand") for p in places if p.resolved)
    return frozenset(t.i for span in spans if span is not None for t in span)


def _fuller(candidate: Candidate) -> tuple[bool, bool, float]:
    return not candidate.headline, candidate.toll is not None, candidate.event.confidence


_PARTS = r"(?:neighbou?rhood|district|quarter|suburb|area)"  # a part of a town or a region
_PLACE_NOUNS = rf"(?:village|town|city|camp|region|province|governorate|countryside|{_PARTS})"
_AIRCRAFT = re.compile(r"(?i)\b(?:air\s*force|warplanes?|war\s+planes?|jets?|aircraft|helicopters?|drones?)\b")  # an attacker that flies
_NAME_AFTER = re.compile(rf"(?i)\b(?P<noun>{_PLACE_NOUNS})s?\s+(?:of\s+)?$")
_NAME_BEFORE = re.compile(rf"(?i)^\s+(?P<noun>{_PLACE_NOUNS})\b")


def _place_noun(text: str, place: Place) -> str | None:
    """The noun that tells a name the gazetteer does not know as a place ("the village of Jisreen",
    "the Mesraba area"), or None: unknown names without one may be people or groups."""
    found = _NAME_AFTER.search(text[max(0, place.start - 30) : place.start]) or _NAME_BEFORE.match(text[place.end : place.end + 30])
    return found["noun"].lower() if found else None


def is_part(noun: str | None) -> bool:
    """Whether a place noun names a part of a town or region ("the Bab Touma neighbourhood")."""
    return noun is not None and re.fullmatch(_PARTS, noun) is not None


def _in_town(text: str, found: tuple[Place, str] | None, places: Sequence[Place]) -> tuple[Place, str] | None:
    """The town a found place is part of, if the text says so ("the Old City of Aleppo" is in Aleppo,
    whatever else "Old City" may name), else the found place."""
    town = container(text, found[0], places) if found else None
    return town or found


def _title_only(text: str, context: ArticleContext) -> bool:
    """Whether the text says nothing but its title (and dateline)."""
    rest = _blanked(text, context.title_end, len(text), [context.dateline])
    return context.title_end > 0 and len(re.findall(r"[^\W\d_]{2,}", rest)) < TITLE_ONLY_WORDS


def _own_date(when: EventDate) -> bool:
    """Whether date words date the event: not the report ("a monitor said Tuesday"), nor a stretch of time."""
    return when.start is not None and not when.reported and not _long_since(when)


def _long_since(when: EventDate) -> bool:
    """Whether the sentence's date is "since X" over more than a week: a stretch, not a day."""
    return when.why.startswith("since") and when.first is not None and when.last is not None and (when.last - when.first).days > SHORT_SINCE_DAYS


def _blanked(text: str, start: int, end: int, spans: Sequence[tuple[int, int] | None]) -> str:
    """text[start:end] with the words of `spans` blanked (offsets kept): the dateline ("9 Aug 2016 5
    people were killed ... on Monday" dates the article on the 9th and the killings on Monday) and the
    title (a headline's "kills 125" adds up the article's events)."""
    words = text[start:end]
    for span in spans:
        if span is None or span[1] <= start or span[0] >= end:
            continue
        a, b = max(span[0], start) - start, min(span[1], end) - start
        words = words[:a] + " " * (b - a) + words[b:]
    return words


def _give_tolls(doc: Doc, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Each sentence's toll to the candidate it belongs to, and never a toll summed over a period or
    a war, nor one of injuries alone. A sentence that states different tolls for its events ("the
    car bomb killed 36 ... rocket fire that killed nine others") gives each event the toll read
    between it and its neighbours; one toll goes to the candidate nearest the figure in the parse
    ("air raids that hit an aid convoy killed 20": the raids killed them)."""
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if not candidate.toll_by_place:  # its own clause's figure, given already
            by_sentence.setdefault(candidate.event.sentence.start, []).append(candidate)
    given: dict[int, Toll | None] = {id(c): c.toll for c in candidates if c.toll_by_place}  # by id(candidate)
    for group in by_sentence.values():
        given.update(_split_tolls(group) or _nearest_toll(doc, group))
    out = []
    for candidate in candidates:
        toll = given.get(id(candidate))
        if toll is candidate.toll:
            out.append(candidate)
            continue
        event = candidate.event
        if toll is None:
            assert candidate.toll is not None
            reason = f"the toll {candidate.toll.text!r} of the sentence is not this event's: " + (
                candidate.toll.why if candidate.toll.kind in ("summed", "injuries") else "another event of the sentence is nearer the figure"
            )
            event = replace(event, fatalities=None, civilian_fatalities=None,
                            evidence=tuple(e for e in event.evidence if e.field != "fatalities"), why=(*event.why, reason))  # fmt: skip
        else:
            evidence = [e for e in event.evidence if e.field != "fatalities"] + [Evidence("fatalities", Span(toll.start, toll.end, toll.text))]
            event = replace(event, fatalities=toll.fatalities, civilian_fatalities=toll.civilians, evidence=tuple(evidence),
                            why=(*event.why, f"toll {toll.fatalities} read between this event and the others of its sentence"))  # fmt: skip
        out.append(replace(candidate, event=event, toll=toll))
    return out


def _own(toll: Toll | None) -> Toll | None:
    return None if toll is None or toll.kind in ("summed", "injuries") else toll


def _nearest_toll(doc: Doc, group: Sequence[Candidate]) -> dict[int, Toll | None]:
    toll = next((t for c in group if (t := _own(c.toll)) is not None), None)  # headlines carry none
    nearest = min(group, key=lambda c: _gap(doc, c, toll)) if toll is not None else None
    return {id(c): toll if c is nearest else None for c in group}


def _split_tolls(group: Sequence[Candidate]) -> dict[int, Toll | None]:
    """The toll read in each candidate's stretch of the sentence (from its trigger up to the next
    one: a report tells an event, then what it did), when the stretches give different tolls; else
    nothing."""
    if len(group) < 2:
        return {}
    ordered = sorted(group, key=lambda c: c.event.trigger.start)
    sentence = ordered[0].event.sentence
    cuts = [sentence.start, *(c.event.trigger.start for c in ordered[1:]), sentence.end]
    read = {id(c): _own(fatalities(sentence.text[a - sentence.start : b - sentence.start], offset=a))
            for c, a, b in zip(ordered, cuts, cuts[1:])}  # fmt: skip
    figures = {t.fatalities for t in read.values() if t is not None}
    return read if len(figures) > 1 else {}


def _injuries_only(toll: Toll) -> bool:
    """A sentence that tells of injuries and no deaths gives no death toll: the article does not say
    that nobody died (ACLED's 0 for "none reported" is the export's business)."""
    return toll.kind == "injuries"


def _gap(doc: Doc, candidate: Candidate, toll: Toll) -> tuple[int, int]:
    """How far a candidate's trigger is from a toll's figure: in the parse, then in characters."""
    trigger = candidate.event.trigger
    chars = max(trigger.start - toll.end, toll.start - trigger.end, 0)
    figure = doc.char_span(toll.start, toll.end, alignment_mode="expand")
    steps = tree_distance(figure.root, doc[candidate.head], CLAUSE_STEP) if figure is not None else 0
    return steps, chars


def _people_of(event: Event, named: Counter[str], focus: str | None) -> Event:
    """An event's unarmed people of no named country ("civilians") are of the country of its place
    when the article names that country's places more than once ("Civilians (Syria)" in a strike on
    Idlib, whatever country the article speaks of most), else of the article's country (a place read
    abroad once, "Baní", lends them nothing)."""
    here = event.place.country if event.place is not None else None
    country = here if here is not None and named[here] > 1 else focus
    return replace(event, actor1=of_country(event.actor1, country), actor2=of_country(event.actor2, country))


def _agent_kind(mentions: Sequence[ActorMention]) -> triggers.AgentKind:
    """"state"/"nonstate" for an agent token from the catalogue actor inside its phrase."""
    by_token = {m.root: m for m in mentions}

    def kind(token: Token) -> str | None:
        for node in token.subtree:
            mention = by_token.get(node.i)
            if mention is not None and mention.ref.type:
                if mention.ref.type in STATE_TYPES:
                    return "state"
                if mention.ref.type in NONSTATE_TYPES:
                    return "nonstate"
        return triggers.actor_kind(token)

    return kind


def _event(
    text: str,
    sent: SpacySpan,
    hit: triggers.TriggerHit,
    sites: Sites,
    actors: Sequence[ActorMention],
    actor_spans: Sequence[Span],
    statements: Sequence[Statement],
    relayed: Span | None,
    previous: Place | None,
    when: EventDate,
    toll: Toll | None,
) -> tuple[Event, bool, Place | None]:
    """The event one trigger names, as its sentence tells it, whether the sentence names its place,
    and the place mention it names for it (known to the gazetteer or not). `actors`: the actor mentions
    of the sentence; `actor_spans`: the spans of those that begin in it."""
    doc = sent.doc
    trigger = doc[hit.head]
    trigger_span = Span(hit.start_char, hit.end_char, hit.text)
    sentence = Span(sent.start_char, sent.end_char, text[sent.start_char : sent.end_char])
    evidence = [Evidence("trigger", trigger_span)]
    why = [f"trigger {hit.text!r} ({hit.cue}) → {hit.sub_event_type}"]

    mode = modality(sent, trigger)
    why.append(f"modality {mode.mode}: {mode.why}")
    if mode.cue is not None:
        evidence.append(Evidence("modality", mode.cue))
    attribution = _attribution(text, mode, trigger_span, statements, relayed)
    if attribution is not None:
        evidence.append(Evidence("attribution", attribution.source))

    found = roles(sent, trigger, actors, doc[hit.end - 1], sides=hit.event_type == "Battles")
    actor1 = found.actor1.ref if found.actor1 else None
    actor2 = found.actor2.ref if found.actor2 else None
    sub_event_type = territory_by_agent(hit.sub_event_type, actor1 if found.syntactic else None)
    why.extend(found.why)
    if sub_event_type in FLOWN and actor1 is not None and found.syntactic and _AIRCRAFT.search(actor1.span.text):
        sub_event_type = "Air/drone strike"  # "the regime's air force carried out a massacre", "rockets fired by Russian jets"
        why.append(f"an attack by {actor1.span.text!r}, aircraft: an air strike")
    if actor1 is not None and actor1.type == "civilians" and hit.event_type in VIOLENT_TYPES:
        actor1, actor2 = (actor2 if actor2 is not None and actor2.type != "civilians" else None), actor1
        why.append("civilians are the targets of political violence, never its actor1: moved to actor2")
    for field, ref in (("actor1", actor1), ("actor2", actor2)):
        if ref is not None:
            evidence.append(Evidence(field, ref.span))

    referred = antecedent(sent, trigger, sub_event_type, sites.of(False))  # "its liberation": the place "its" stands for
    violent = hit.event_type in VIOLENT_TYPES  # fighting is not placed where talks about it are held
    if violent:
        previous = previous if previous is None or previous.start not in sites.venues else None
    places, here = sites.of(violent), sites.within(sent, violent)
    chosen = _in_town(text, referred or place_in_sentence(text, sent, trigger, here, actor_spans) or fallback(previous, sites.main(violent)), places)
    nameable = [p for p in here if p.resolved or _place_noun(text, p)]  # known, or told as a place ("the village of X")
    named = _in_town(text, referred or place_in_sentence(text, sent, trigger, nameable, actor_spans, resolved=False), places)
    site = named[0] if named else None
    if site is not None and not site.resolved and is_part(_place_noun(text, site)):
        site = replace(site, feature="part")  # a neighbourhood the gazetteer does not know: inside some town
    place = chosen[0] if chosen else None
    stated = False
    if chosen:
        why.append(f"place {chosen[0].name}: {chosen[1]}")
        stated = bool(referred) or sent.start_char <= chosen[0].start < sent.end_char
        if stated:
            evidence.append(Evidence("place", Span(chosen[0].start, chosen[0].end, chosen[0].text)))
    if place is not None and site is not None and not site.resolved and place.geo_precision == 1:
        place = vicinity(place)  # "the town of Ghraneij", which the gazetteer lacks: near the town named
        why.append(f"the sentence names {site.text!r} for it, which the gazetteer lacks: near {place.name}, precision 2")

    if when.start is not None and when.end is not None:
        evidence.append(Evidence("date", Span(when.start, when.end, when.text or "")))
    if toll is not None:
        evidence.append(Evidence("fatalities", Span(toll.start, toll.end, toll.text)))

    confidence = _confidence(hit.weight, actor1, place, mode.mode)
    notes = write_notes(
        sub_event_type,
        actor1,
        actor2,
        place,
        when.date,
        toll.fatalities if toll else None,
        mode.mode,
        attribution.source.text if attribution else None,
    )
    event = Event(
        event_type=_event_type(sub_event_type),
        sub_event_type=sub_event_type,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=tuple(m.ref for m in found.assoc),
        place=place,
        date=when.date,
        time_precision=when.time_precision if when.date else None,
        fatalities=toll.fatalities if toll else None,
        civilian_fatalities=toll.civilians if toll else None,
        modality=mode.mode,
        historical=when.historical,
        attribution=attribution,
        sentence=sentence,
        trigger=trigger_span,
        evidence=tuple(evidence),
        confidence=confidence,
        why=tuple(why),
        notes=notes,
    )
    return event, stated, site


@cache
def _event_types() -> dict[str, str]:
    return {t.sub_event_type: t.event_type for t in lexicon.event_types()}


def _event_type(sub_event_type: str) -> str:
    return _event_types()[sub_event_type]


def _attribution(
    text: str, mode: ModeHit, trigger: Span, statements: Sequence[Statement], relayed: Span | None
) -> Attribution | None:
    """The sentence's own source, else the speaker of the quote around the trigger, else the outlet
    the article relays, for the paragraphs that follow its naming."""
    quote = next((s for s in statements if s.quote.start <= trigger.start < s.quote.end), None)
    if mode.source is not None:
        return Attribution(mode.source, mode.cue if mode.source_role else None, quote.quote if quote else None)
    if quote is not None:
        return Attribution(quote.speaker, None, quote.quote)
    if relayed is not None and relayed.end <= trigger.start and _breaks_fewer(text, relayed.end, trigger.start, RELAY_PARAGRAPHS):
        return Attribution(relayed, None, None)
    return None


def _breaks_fewer(text: str, start: int, end: int, limit: int) -> bool:
    """Whether text[start:end] holds fewer than `limit` paragraph breaks, read no further than the last."""
    at = start
    for _ in range(limit):
        at = text.find("\n\n", at, end)
        if at < 0:
            return True
        at += 2
    return False


def _confidence(weight: float, actor1: ActorRef | None, place: Place | None, mode: str) -> float:
    """A 0-1 figure: a heavy trigger with a catalogued actor and a precise place scores high.

    The trigger carries most of it, over the whole 1-9 weight scale, since it says what happened and
    decides between the events of one article; actor and place say how completely it is told."""
    value = 0.6 * min(weight / 9, 1.0)
    value += 0.15 if actor1 is not None and actor1.actor_id else 0.06 if actor1 is not None else 0.0
    value += {1: 0.15, 2: 0.1, 3: 0.05}.get(place.geo_precision or 3, 0.05) if place is not None else 0.0
    value += 0.1 if mode in ("reported", "claimed") else 0.05
    return round(min(value, 1.0), 2)


def salience(event: Event, length: int) -> tuple[int, int, float, int]:
    """Current before historical, told-as-happened before the other modes, then certainty with a
    lead bonus (news puts the main event first)."""
    lead = 0.3 * (1 - event.sentence.start / length)
    return (event.historical, MODE_RANK.get(event.modality, 9), -(event.confidence + lead), event.sentence.start)
