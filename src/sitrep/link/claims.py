"""Claims: predicted and planned events checked against what was reported later, and claimed events
checked against other outlets.

- A prediction (modality predicted or planned) is fulfilled by a reported event of another article
  that shares its type, actors and place (`match.same_what`) and falls on a day from the predicting
  article's publication to the horizon: `HORIZON_DAYS` later, or the end of the prediction's own date
  window when that is later. A denied or negated event that fits the same way contradicts it. The
  fulfilment shown is the earliest such event; the lag is counted in days from the predicting
  article's publication to the fulfilling event (and to the fulfilling article). Fulfilment wins over
  contradiction; with neither the prediction is open as of the newest article in the store.
- A claim (modality claimed) is corroborated by a compatible reported event (`match.same_event`) from
  an independent outlet, and contested by a compatible denied or negated event of another article;
  contested wins, since a denial is what a reader must see.

Both directions are searched (a new prediction looks for outcomes already stored; a new outcome looks
for the claims it settles), and a status is derived from all matches, so the order articles arrive in
does not change the result.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ..store import Store
from .independence import independent
from .match import DENIALS, MAX_WINDOW_DAYS, PREDICTIONS, Check, LinkEvent, link_event, lookup, passes, same_event, same_what

HORIZON_DAYS = 30  # how long a prediction stays open after its article
PREDICTION, CLAIM = "prediction", "claim"
FULFILS, CONTRADICTS, CORROBORATES, CONTESTS = "fulfils", "contradicts", "corroborates", "contests"
STATUS_BY_RELATION = {  # the first relation found decides the status
    PREDICTION: ((FULFILS, "fulfilled"), (CONTRADICTS, "contradicted")),
    CLAIM: ((CONTESTS, "contested"), (CORROBORATES, "corroborated")),
}
OPEN = "open"
STATUSES = (OPEN, *(status for pairs in STATUS_BY_RELATION.values() for _, status in pairs))


@dataclass(frozen=True)
class Span:
    """The days (ordinals, inclusive) on which an outcome of a claim may fall."""

    first: int
    last: int

    def holds(self, day: int) -> bool:
        return self.first <= day <= self.last

    def check(self, outcome: LinkEvent) -> Check:
        first, last = date.fromordinal(self.first), date.fromordinal(self.last)
        inside = self.holds(outcome.ordinal)
        return Check(inside, f"{outcome.day} {'within' if inside else 'outside'} {first}..{last}")


def kind_of(event: LinkEvent) -> str | None:
    if event.modality in PREDICTIONS:
        return PREDICTION
    return CLAIM if event.modality == "claimed" else None


def span(event: LinkEvent) -> Span:
    """A prediction: from its article's publication (else its own date) to the horizon. A claim: the
    widest date window around it (the exact window is checked pair by pair)."""
    if kind_of(event) == PREDICTION:
        start = (event.published or event.day).toordinal()
        return Span(start, max(start + HORIZON_DAYS, event.days[1]))
    return Span(event.ordinal - MAX_WINDOW_DAYS, event.ordinal + MAX_WINDOW_DAYS)


def relation(claim: LinkEvent, claim_kind: str, outcome: LinkEvent, store: Store) -> tuple[str, list[Check]] | None:
    """How `outcome` bears on `claim` (relation, the checks passed), or None when it does not."""
    if outcome.article_id == claim.article_id:
        return None
    denial = outcome.modality in DENIALS
    if claim_kind == PREDICTION:
        if outcome.modality != "reported" and not denial:
            return None
        checks = [*same_what(claim, outcome), span(claim).check(outcome)]
        return ((CONTRADICTS if denial else FULFILS), checks) if passes(checks) else None
    if outcome.modality != "reported" and not denial:
        return None
    checks = same_event(claim, outcome)
    if not passes(checks):
        return None
    if denial:
        return CONTESTS, checks
    a, b = claim.article_id, outcome.article_id
    if not independent(a, b, store.article_outlets([a, b]), store.near_duplicate_pairs([a, b])):
        return None
    return CORROBORATES, [*checks, Check(True, "independent outlets")]


def add_event(store: Store, event: LinkEvent) -> None:
    """Record a newly stored event as a claim (when it is one) and settle what it bears on."""
    claim_kind = kind_of(event)
    if claim_kind is not None:
        days = span(event)
        store.add_claim(event.article_id, event.n, claim_kind, (days.first, days.last), _block(event))
        outcomes = store.block_events(lookup(event, days.first, days.last).query(), ("reported", *DENIALS))
        for row in outcomes:
            outcome = link_event(row)
            if outcome is not None:
                _match(store, event, claim_kind, outcome)
    if event.modality == "reported" or event.modality in DENIALS:
        where = lookup(event, event.ordinal, event.ordinal).query()
        for kind in (PREDICTION, CLAIM):
            for row in store.block_claims(where, event.ordinal, kind):
                claim = link_event(row)
                if claim is not None:
                    _match(store, claim, kind, event)


def _block(event: LinkEvent) -> dict[str, Any]:
    return asdict(event.block())


def _match(store: Store, claim: LinkEvent, claim_kind: str, outcome: LinkEvent) -> None:
    found = relation(claim, claim_kind, outcome, store)
    if found is None:
        return
    name, checks = found
    store.add_claim_match(claim.key, outcome.key, name, [c.why for c in checks])
    relations = {m["relation"] for m in store.claim_matches(claim.key)}
    status = next((s for r, s in STATUS_BY_RELATION[claim_kind] if r in relations), OPEN)
    store.set_claim_status(claim.key, status)


# -- reading claims -----------------------------------------------------------------------------


def list_claims(
    store: Store, *, kind: str | None = None, status: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Claims as reports: the event, its status, what settled it (with the lag), as of the newest article."""
    as_of = store.newest_published()
    return [report(store, row, as_of) for row in store.list_claims(kind=kind, status=status, limit=limit)]


def report(store: Store, row: dict[str, Any], as_of: str | None) -> dict[str, Any]:
    record = json.loads(row["record"])
    matches = [_outcome(m, row["published"]) for m in store.claim_matches((row["article_id"], row["n"]))]
    first, last = date.fromordinal(row["first_day"]), date.fromordinal(row["last_day"])
    settled_by = {"fulfilled": FULFILS, "contradicted": CONTRADICTS, "corroborated": CORROBORATES, "contested": CONTESTS}
    wanted = settled_by.get(row["status"])
    return {
        "id": f"{row['article_id'][:12]}-{row['n']}",
        "kind": row["kind"],
        "modality": record["modality"],
        "status": row["status"],
        "article": {"id": row["article_id"], "outlet": row["outlet"], "published": row["published"], "title": row["title"]},
        "event_date": record.get("event_date"),
        "sub_event_type": record["sub_event_type"],
        "actor1": (record.get("actor1") or {}).get("name"),
        "actor2": (record.get("actor2") or {}).get("name"),
        "location": record.get("location"),
        "notes": record.get("notes"),
        "sentence": record["sentence"]["text"].strip(),
        "according_to": ((record.get("attribution") or {}).get("source") or {}).get("text"),
        "window": {"from": first.isoformat(), "to": last.isoformat()},
        "as_of": as_of,
        "horizon_passed": as_of is not None and as_of > last.isoformat(),
        "settled_by": next((m for m in matches if m["relation"] == wanted), None),
        "matches": matches,
    }


def _outcome(match: dict[str, Any], claim_published: str | None) -> dict[str, Any]:
    record = json.loads(match["record"])
    event_date, published = record.get("event_date"), match["published"]
    return {
        "relation": match["relation"],
        "id": f"{match['article_id'][:12]}-{match['n']}",
        "article": {"id": match["article_id"], "outlet": match["outlet"], "published": published, "title": match["title"]},
        "event_date": event_date,
        "modality": record["modality"],
        "lag_days": _days(claim_published, event_date),
        "report_lag_days": _days(claim_published, published),
        "why": json.loads(match["why"]),
    }


def _days(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days
