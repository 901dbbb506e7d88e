"""Candidate events that are no events, each rejected with a reason that can be counted and checked.

A trigger word does not make an event. The screen rejects, by the words and the parse around it:

- "link": a trigger after a link marker ("Related News ..."): another story's headline on the page;
- "caption": a photo caption ("A man inspects the site of the bombing ... June 11 2016");
- "state": a state described, not an event ("the besieged town", "under siege for four years", "the
  district falls within a de-escalation zone", "the ceasefire was not dead", "evacuated under a deal",
  "strikes despite a ceasefire");
- "war": a war or campaign as a whole ("the war that has killed 250,000 people"), and its gains summed
  up ("seized large swathes of Syria");
- "aim": ground an operation sets out to take, and the operation told by that aim ("launched an
  offensive to retake Aleppo": neither a retaking nor one event of fighting);
- "habitual": repeated or habitual action, not one event ("frequent air raids", "since 2012", "for
  more than two years", "two years of bombardment", "have recently intensified aerial attacks");
- "description": a clause that describes something named ("militants who have seized ...", "the
  coalition fighting Daesh", "the site of a deadly April chemical attack");
- "figure of speech": violence words about talks and politics ("no breakthrough in the talks"); protests,
  agreements and other strategic developments over a deal, a law or a claim are meant literally;
- "talks": negotiations themselves ("peace talks entered a second day");
- "name": a strategic development's word inside a capitalised name or title ("the High Representative
  for Disarmament Affairs"); "modifier": an agreement's word that qualifies another noun ("the ceasefire
  line", "truce monitors"), and a chemical weapon's word that qualifies what is kept, made or inspected
  ("the chemical weapons programme", "watchdog", "poison gas supplies"), and a participle hyphened to a
  name ("a new US-formed group"); "question": whether a past
  event happened ("to determine whether its strikes had killed civilians");
- "threat": a threat or a warning; "appeal": a call for action ("called for a truce");
- "aid delivery": an aid convoy's movements; "displacement": people fleeing, refugee figures;
- "summed": a killing told only as a toll summed over a period ("550 civilians have been killed in the
  last two months");
- "support": the means of another side's support ("army units backed by the air force and artillery
  foiled an attack": the fight is the event);
- "movement": fighters or people entering a country ("54 members of Division 30 entered Syria"): a
  crossing, not ground taken;
- "pause": the violence a pause stops ("a two-day freeze on fighting expired");
- "agreement ended": a truce that breaks down, ends or is violated ("the truce broke down", "the
  collapse of the ceasefire") is no new agreement.

`coreference` adds "generic" for what nothing places, dates or tells as having happened and no
record takes as a further mention. Words: `data/screen_words.toml`, compiled in `screen_words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..actors import country_of
from ..models import Rejected
from ..places.sources import capital_names
from .candidate import PAST_TAGS, SHORT_SINCE_DAYS, TAKEN, Candidate
from .roles import backing
from .screen_words import ScreenWords, screen_words
from .syntax import VERBAL, clause_of, predicate_of, subject_of, with_to

SAY_LEMMAS = frozenset({"say", "tell", "report", "state", "add", "claim", "confirm"})
STATE_VERBS = frozenset({"be", "hold", "remain", "seem", "appear", "look", "stay"})  # "the ceasefire was not dead", "the truce is holding"
# Events whose words are meant literally when they are about talks or politics: an agreement is
# signed, a protest held and an arrest made over a deal, a law or a claim.
LITERAL_TYPES = frozenset({"Protests", "Strategic developments"})
# Nouns an agreement's word may qualify and still name the event: the agreement ("a ceasefire deal"), or
# the effort towards it ("a mediation mission"); not a line, a zone or monitors
AGREEMENT_NOUNS = frozenset({
    "deal", "agreement", "accord", "pact", "treaty", "arrangement", "understanding", "mission", "effort", "initiative",
    "attempt", "bid",
})  # fmt: skip
PAUSE_PREPS = frozenset({"on", "in", "of", "to"})  # "a freeze on fighting", "a lull in", "the end of", "an end to"
FRAMES = frozenset({"under", "despite", "within", "amid", "during"})  # "evacuated under a deal", "despite a ceasefire"
AID_TYPES = frozenset({"Other", "Change to group/activity", "Non-violent transfer of territory", "Non-state actor overtakes territory"})
_DEATH = re.compile(r"(?i)\b(?:kill|dead|death|die|massacr|slaughter)")
_FULL_DATE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d\d"
)
REASONS = {
    "link": "a link to another story",
    "caption": "a photo caption",
    "state": "a state described, not an event",
    "war": "a war or campaign as a whole",
    "aim": "an operation and the ground it sets out to take, not ground taken nor one event",
    "habitual": "repeated or habitual action, not one event",
    "figure of speech": "violence words about talks or politics",
    "talks": "talks and negotiations are not events",
    "name": "a word of a name or a title, not an event",
    "modifier": "a word that qualifies another noun, not an event",
    "threat": "a threat or warning, not an event",
    "appeal": "a call for action, not an event",
    "aid delivery": "aid deliveries are not conflict events",
    "displacement": "displacement and refugee figures are not events",
    "background": "background history with no place of its own",
    "summed": "a toll summed over a period, not one event's",
    "agreement ended": "the end or breach of an agreement, not an agreement",
    "question": "a question about a past event (an inquiry), not an event",
    "pause": "violence named as what a pause, lull or freeze stops, not an event",
    "support": "the means of another side's support, not an event of its own",
    "movement": "fighters or people entering a country, not ground taken",
    "generic": "nothing places, dates or tells it as having happened, and no record it is a mention of",
    "description": "a perfect or present-tense clause, a participle on a side (\"the coalition fighting Daesh\"), or a place named by an earlier event, that describes something named, not one event",
}


def _entered_country(head: Token) -> str | None:
    """The country "enter" takes as its object ("entered Syria", "were entering Turkey"), not its capital."""
    if head.lemma_.lower() != "enter":
        return None
    place = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    if place is None:
        return None
    name = head.doc[place.left_edge.i : place.i + 1].text
    return name if country_of(name) is not None and name not in capital_names().values() else None


def _fused(doc: Doc, start: int, end: int) -> Token | None:
    """The trigger's participle when it is hyphened to the word before it and qualifies a noun ("a new
    US-formed rebel group")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = next((t for t in span or () if t.tag_ in ("VBN", "VBD")), None)
    if verb is None or verb.dep_ not in ("amod", "compound") or verb.i < 2:
        return None
    hyphen = doc[verb.i - 1]
    return verb if hyphen.text in ("-", "‐") and not hyphen.whitespace_ and not doc[verb.i - 2].whitespace_ else None


def screen(doc: Doc, candidates: Sequence[Candidate]) -> tuple[list[Candidate], list[Rejected]]:
    """The candidates that may be events, and the rest rejected with their reasons."""
    kept: list[Candidate] = []
    rejected: list[Rejected] = []
    words = screen_words()
    aims = {c.head: _aim(doc[c.head], words) for c in candidates if c.event.sub_event_type in TAKEN}
    operations = {aim.idx: doc[head] for head, aim in aims.items() if aim is not None and aim.lemma_.lower() in words.campaign_nouns}
    for candidate in candidates:
        trigger = candidate.event.trigger  # "offensive", or "launched the offensive"
        aimed = next((goal for at, goal in operations.items() if trigger.start <= at < trigger.end), None)
        if aimed is not None:  # "launched an offensive to retake Aleppo": the offensive as a whole (an attack stands)
            rejected.append(reject(candidate, "aim", f"the {candidate.event.trigger.text!r} is told by its aim, {aimed.text!r}"))
            continue
        found = _reason(doc, candidate, aims.get(candidate.head))
        if found is None:
            kept.append(candidate)
        else:
            rejected.append(reject(candidate, *found))
    return kept, rejected


def _qualifies(head: Token) -> bool:
    """Whether a trigger's word qualifies a noun after it ("the ceasefire line", "the chemical weapons
    watchdog"; not "chemical weapons Irans Press TV", a name the parse ran on to)."""
    noun = head.head
    if head.dep_ not in ("compound", "amod") or noun.pos_ not in ("NOUN", "PROPN") or noun.i < head.i:
        return False
    return not any(t.pos_ == "PROPN" and t.text[:1].isupper() != head.text[:1].isupper() for t in head.doc[head.i + 1 : noun.i])


def _lies_within(head: Token) -> Token | None:
    """The "within" or "under" of a place that "falls within" a zone or "falls under" a control, in
    the present tense: where it lies ("the district falls within a de-escalation zone"), not its fall
    ("Palmyra falls to IS" stays an event)."""
    if head.lemma_.lower() != "fall" or head.tag_ not in ("VBZ", "VBP"):
        return None
    return next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("within", "under", "inside")), None)


def reject(candidate: Candidate, reason: str, words: str) -> Rejected:
    event = candidate.event
    return Rejected(event.sub_event_type, event.sentence, event.trigger, reason, f"{REASONS[reason]}: {words}")


def _reason(doc: Doc, candidate: Candidate, aim: Token | None) -> tuple[str, str] | None:
    """(reason, the words that show it) when the candidate is no event, else None; `aim`: the operation
    whose aim a territorial candidate names (`_aim`, read once by `screen`)."""
    words = screen_words()
    event = candidate.event
    sentence = event.sentence.text
    before = sentence[: event.trigger.start - event.sentence.start]
    link = next((m for m in words.link.finditer(before) if m.group()[0].isupper()), None)
    if link is not None:
        return "link", f"the trigger follows {link.group()!r}"
    head = doc[candidate.head]
    sent = head.sent
    if event.event_type == "Strategic developments" and _in_name(head):
        return "name", f"{head.text!r} is a word of a capitalised name"
    if event.sub_event_type == "Agreement" and _qualifies(head) and head.head.pos_ == "NOUN" and head.head.lemma_.lower() not in AGREEMENT_NOUNS:
        return "modifier", f"{head.text!r} qualifies {head.head.text!r}: the {head.text} {head.head.text} is no agreement made"
    if (
        event.sub_event_type == "Chemical weapon" and _qualifies(head) and head.lemma_.lower() not in words.chemical_acts
        and head.head.lemma_.lower() not in words.chemical_event_nouns
    ):  # fmt: skip
        return "modifier", f"{head.text!r} qualifies {head.head.text!r}: the {head.text} {head.head.text} is no attack"
    fused = _fused(doc, event.trigger.start, event.trigger.end)
    if fused is not None:
        return "modifier", f"{doc[fused.i - 2 : fused.i + 1].text!r} qualifies {fused.head.text!r}: a participle hyphened to a name is no event"
    if backing(head):
        return "support", f"{head.text!r} is named as what backs or helps another side ('backed by', 'with the help of')"
    caption = _caption(sentence, sent.root, words)
    if caption is not None:
        return "caption", caption
    if head.lemma_.lower() in words.state_lemmas and not _done_to_someone(head):
        return "state", f"{head.text!r} describes a state (no past-tense verb does it to anyone)"
    if event.sub_event_type == "Agreement" and head.dep_ == "nsubj" and head.head.lemma_.lower() in STATE_VERBS:
        return "state", f"{head.text!r} {head.head.text!r}: how an agreement stands, not one made"
    if event.sub_event_type == "Agreement" and head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ in FRAMES:
        return "state", f"{head.head.text!r} {head.text!r}: an agreement in force, not one made"
    country = _entered_country(head) if event.sub_event_type in TAKEN else None
    if country is not None:
        return "movement", f"{head.text!r} {country!r}: crossing into a country, not ground taken"
    lies = _lies_within(head)
    if lies is not None:
        return "state", f"{head.text!r} {lies.text!r} tells where a place lies, not that it fell"
    if head.lemma_.lower() in words.displacement_lemmas and event.sub_event_type == "Other":
        return "displacement", f"{head.text!r}"
    agent = subject_of(predicate_of(head, sent), sent) if head.pos_ in VERBAL else None
    if agent is not None and agent.lemma_.lower() in words.war_nouns:
        return "war", f"{agent.text!r} is what {head.text!r} is told of"
    war = _war_above(head, words) if not _one_day(candidate) else None  # "the conflict, which saw 33 killed on Thursday"
    if war is not None:
        return "war", f"{head.text!r} is told as part of the {war.text!r}"
    if aim is not None:
        return "aim", f"{head.text!r} is what the {aim.text!r} sets out to do"
    toll = candidate.toll
    killing = event.sub_event_type in ("Attack", "Armed clash") and _DEATH.search(event.trigger.text) is not None
    if toll is not None and toll.kind == "summed" and (killing or _means_of_death(head)):
        return "summed", f"{event.trigger.text!r} tells {toll.text!r}: {toll.why.rsplit(';', 1)[-1].strip()}"
    if event.sub_event_type == "Agreement":
        ended = _agreement_end(head, words)
        if ended is not None:
            return "agreement ended", f"{ended.text!r} {head.text!r}"
    if event.sub_event_type in AID_TYPES and _aid(head, agent, words):
        return "aid delivery", f"{head.text!r} is an aid delivery's"
    question = _past_question(head) if event.modality == "hypothetical" else None
    if question is not None:
        return "question", f"whether {question.text!r} happened"
    if candidate.period is not None:
        return "habitual", f"{candidate.period!r}: the sentence tells of a stretch of time"
    # the trigger's clause and its own phrase, not a clause describing another of its words ("the town,
    # which has been traded multiple times")
    describing = {d.i for r in head.subtree if r.dep_ == "relcl" and r.head.i != head.i for d in r.subtree}
    clause = {t.i for t in clause_of(predicate_of(head, sent), sent)} | ({t.i for t in head.subtree} - describing)
    habit = next(
        (m for m in words.habitual.finditer(sentence)
         if _habit_in(doc, event.sentence.start + m.start(), clause) and not (m.group().lower() == "since" and _days_since(candidate))),
        None,
    )  # fmt: skip
    if habit is not None:
        return "habitual", f"{habit.group()!r} in the trigger's clause"
    if head.tag_ == "NNS" and head.dep_ == "dobj" and head.head.lemma_.lower() in words.trend_lemmas and not candidate.dated:
        return "habitual", f"{head.head.text!r} {head.text!r}: a trend of many, not one event"
    counted = any(c.dep_ == "nummod" for c in head.children)  # "three earlier attacks" are told one by one
    earlier = next((c for c in head.children if c.dep_ == "amod" and c.lower_ in words.earlier_words), None) if head.tag_ == "NNS" and not counted else None
    if earlier is not None:
        return "habitual", f"{earlier.text!r} {head.text!r}: earlier events in general"
    stance = event.event_type in LITERAL_TYPES or head.lemma_.lower() in words.campaign_nouns  # "which oversees military operations"
    described = _describing_clause(head, present=stance) if not candidate.dated else None
    if described is not None:
        return "description", f"{head.text!r} describes {described.text!r} (a perfect or present tense with no day of its own)"
    if not candidate.dated and head.dep_ == "acl" and head.tag_ == "VBG" and head.lemma_.lower() in words.side_participles:
        return "description", f"{head.head.text!r} {head.text!r}: what a side does, not one event"
    wide = _wide_gain(head, words) if event.sub_event_type in TAKEN else None
    if wide is not None:
        return "war", f"{wide.text!r}: a campaign's gains summed up, not one place taken"
    marker = _place_marker(head, words)
    if marker is not None:
        return "description", f"{head.text!r} marks a place as {marker.text!r} of an earlier event"
    if head.lemma_.lower() in words.talk_lemmas:
        return "talks", f"{head.text!r}: negotiations, not an agreement"
    talk = _talk(head, words) if event.event_type not in LITERAL_TYPES else None
    if talk is not None:
        return "figure of speech", f"{head.text!r} is about {talk.text!r}"
    stop = head.head if head.dep_ == "dobj" and head.head.lemma_.lower() in words.stop_lemmas else None
    if stop is not None and with_to(stop):
        return "appeal", f"'to {stop.text} the {head.text}': a stop sought, no event told"
    pause = head.head.head if head.dep_ == "pobj" and head.head.lower_ in PAUSE_PREPS else None
    if pause is not None and pause.pos_ == "NOUN" and pause.lemma_.lower() in words.pause_nouns:
        return "pause", f"'{pause.text} {head.head.text} {head.text}': the violence is what stops, no event told"
    for reason, cues in (("threat", words.threat_cues), ("appeal", words.appeal_cues)):
        cue = _governing(head, cues)
        if cue is not None:
            return reason, f"under {cue.text!r}"
    return None


def _agreement_end(head: Token, words: ScreenWords) -> Token | None:
    """A word that ends or breaks the agreement the trigger names: its verb ("the truce broke down",
    "rebels violated the ceasefire") or a noun it hangs on ("the collapse of the truce"), or the verb
    right after its phrase, however the parser attached it ("a ceasefire brokered by Russia collapsed")."""
    doc = head.doc
    after = doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "VERB" and _phrasal(after) in words.agreement_end_lemmas:
        return after
    node = head
    for _ in range(3):
        if node.head.i == node.i:
            return None
        step, node = node.dep_, node.head
        acting = step == "nsubj" and any(c.dep_ == "dobj" for c in node.children)  # "the deal ended the siege"
        if _phrasal(node) in words.agreement_end_lemmas and not acting:
            return node
        if node.pos_ in VERBAL:
            return None
    return None


def _phrasal(verb: Token) -> str:
    """A verb's lemma with its particle, when it has one ("fall apart"), else its lemma."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ("apart", "down", "through"))), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _one_day(candidate: Candidate) -> bool:
    """Whether the candidate's own words date it to a day (or a night across two): an event, whatever
    clause of a war it is told in."""
    return candidate.days is not None and (candidate.days[1] - candidate.days[0]).days <= 1


def _aim(head: Token, words: ScreenWords) -> Token | None:
    """The operation whose aim the trigger's infinitive names: "an offensive to retake", "launched an
    assault to recapture", "pressed ahead with their offensive to take"; or the goal noun whose "of"
    phrase it is ("the objective of capturing Raqqa")."""
    above = head.head
    if head.dep_ in ("pcomp", "pobj") and above.lower_ == "of" and above.head.lemma_.lower() in words.goal_nouns:
        return above.head
    if head.pos_ not in VERBAL or not with_to(head):
        return None
    if head.dep_ in ("acl", "relcl") and above.lemma_.lower() in words.aim_nouns:
        return above
    if head.dep_ in ("advcl", "xcomp") and above.lemma_.lower() in words.aim_verbs:
        return next((c for c in above.children if c.dep_ in ("dobj", "prep") and c.lemma_.lower() in words.aim_nouns), above)
    return None


def _war_above(head: Token, words: ScreenWords) -> Token | None:
    """A war noun the trigger's clause describes ("the conflict, which began with protests"), or the
    subject of the verb whose clause the trigger stands in ("since the war began with protests")."""
    verb = predicate_of(head, head.sent)
    subject = subject_of(verb, head.sent) if verb.i != head.i else None
    if subject is not None and subject.lemma_.lower() in words.war_nouns:
        return subject
    node, clause = head, False
    for _ in range(8):
        if node.head.i == node.i:
            return None
        clause = clause or node.dep_ in ("relcl", "acl")
        node = node.head
        if clause and node.lemma_.lower() in words.war_nouns:
            return node
    return None


def _governing(head: Token, lemmas: frozenset[str]) -> Token | None:
    """A word of `lemmas` above the trigger, not reached through a subject ("warned that it would
    launch", "called for help to fight")."""
    node = head
    for _ in range(6):
        if node.head.i == node.i or node.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return None
        node = node.head
        if node.lemma_.lower() in lemmas:
            return node
    return None


def _aid(head: Token, agent: Token | None, words: ScreenWords) -> bool:
    """Whether the trigger or its agent is an aid convoy or delivery."""
    phrases = [head.subtree] + ([agent.subtree] if agent is not None else [])
    return any(t.lower_ in words.aid_words for phrase in phrases for t in phrase)


def _in_name(head: Token) -> bool:
    """Whether a capitalised word stands inside a longer capitalised name, away from the sentence's
    start ("High Representative for Disarmament Affairs", "the Reconciliation Centre")."""
    if not head.text[:1].isupper() or head.i == head.sent.start:
        return False
    doc = head.doc
    neighbours = [doc[i] for i in (head.i - 1, head.i + 1) if head.sent.start <= i < head.sent.end]
    return any(t.text[:1].isupper() and t.i != head.sent.start for t in neighbours)


def _past_question(head: Token) -> Token | None:
    """The past-tense verb a "whether" asks about ("an investigation to determine whether its strikes
    had killed civilians"): whether a past event happened is a question, the event is told elsewhere."""
    node = predicate_of(head, head.sent)
    for _ in range(3):
        if node.tag_ in PAST_TAGS and any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _place_marker(head: Token, words: ScreenWords) -> Token | None:
    """The noun a trigger's "of" phrase hangs on when it names a place by an event it was the scene of
    ("Khan Sheikhun, the site of a deadly April chemical attack"): an earlier event, not the one told
    ("the scene of fierce fighting"; "the scene of the attack", "the site of Saturday's blast" name the event told)."""
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return None
    noun = head.head.head
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in head.children)
    if definite or (not indefinite and any(c.ent_type_ == "DATE" for c in head.children)):
        return None  # "the scene of the attack", "the site of Saturday's blast": the event told
    return noun if noun.lemma_.lower() in words.place_markers else None


def _means_of_death(head: Token) -> bool:
    """Whether the trigger is what a death verb says killed ("have been killed by air strikes and shelling")."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in ("by", "in") and node.head.head.lemma_ in ("kill", "die")


def _wide_gain(head: Token, words: ScreenWords) -> Token | None:
    """The ground a territorial trigger takes, when told as a share of a wide area: its object, or what
    its "control of" phrase names ("seized large swathes of Syria", "retaken most of the province",
    "wrested nearly the entire region", "took control of vast areas")."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "pobj")]
    objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    objects += [g for o in list(objects) if o.lemma_.lower() == "control" for c in o.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        lemma = obj.lemma_.lower()
        if lemma in words.wide_shares or obj.lower_ in words.wide_shares:
            return obj
        if obj.lower_ in words.wide_areas and any(c.lower_ in words.wide_words for c in obj.children if c.dep_ in ("amod", "det", "predet")):
            return obj
    return None


def _describing_clause(head: Token, present: bool) -> Token | None:
    """The noun a relative clause in the perfect describes, when the trigger is that clause's verb or its
    object: "areas that the government has retaken", "militants who have seized large swathes", "Ghouta,
    where fighters have been battling"; with `present`, one in the simple present too, as a stance or
    habit is told ("a local group that supports protest"; not for violence: "shells that contain toxic
    gases" were fired)."""
    verb = predicate_of(head, head.sent) if head.pos_ not in VERBAL else head
    if verb.dep_ != "relcl" or not (verb.i == head.i or head.head.i == verb.i):
        return None
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    present = present and verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.head if perfect or present else None


def _days_since(candidate: Candidate) -> bool:
    """Whether the candidate is dated by "since" a day of the last week ("since Sunday night"): one
    event that began then, not a habit."""
    return candidate.days is not None and (candidate.days[1] - candidate.days[0]).days <= SHORT_SINCE_DAYS


def _habit_in(doc: Doc, char: int, clause: set[int]) -> bool:
    """Whether a habit word at `char` stands in the clause, not as the conjunction that opens it
    ("since it fell to ISIS": the fall is a point in time, not a habit)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and span.start in clause and doc[span.start].dep_ != "mark"


def _caption(sentence: str, root: Token, words: ScreenWords) -> str | None:
    """A photo caption: a caption marker, or a scene in the present tense ("A man inspects the site
    of ...") dated in full in the same sentence, as captions are."""
    marker = words.caption.search(sentence)
    if marker is not None:
        return f"{marker.group()!r}"
    if root.tag_ not in ("VBZ", "VBP") or root.lemma_ in SAY_LEMMAS or not _FULL_DATE.search(sentence):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in words.caption_subjects and subject.lower_ not in words.caption_subjects:
        return None
    return f"{subject.text!r} {root.text!r} in the present tense, with a full date"


def _done_to_someone(head: Token) -> bool:
    """A past-tense verb of its own clause with an object or a passive agent: "troops besieged the
    town", not "citizens besieged by ISIS" (a participle describing a noun)."""
    if head.pos_ not in VERBAL or head.tag_ not in PAST_TAGS or head.dep_ in ("amod", "acl", "relcl"):
        return False
    return any(c.dep_ in ("dobj", "agent", "nsubjpass") for c in head.children)


def _talk(head: Token, words: ScreenWords) -> Token | None:
    """A talks or politics noun the trigger is about: its object, or the object of its preposition."""
    for child in head.children:
        if child.dep_ in ("dobj", "obj") and child.lower_ in words.talk_nouns:
            return child
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "over", "of", "for", "against", "to", "at"):
            for inner in child.children:
                if inner.dep_ == "pobj" and inner.lower_ in words.talk_nouns:
                    return inner
    return None
