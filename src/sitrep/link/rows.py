"""Claim and story reports (`claims.report`, `story_store.list_stories`) as flat rows: the columns that
`sitrep claims` and `stories` print and the API's CSV holds (incidents: `sitrep.export.rows`)."""

from __future__ import annotations

from typing import Any

CLAIM_COLUMNS = [
    "id", "kind", "status", "published", "outlet", "event_date", "sub_event_type", "actor1", "actor2", "location",
    "window", "as_of", "settled_by", "lag_days", "report_lag_days", "matches", "notes",
]  # fmt: skip

STORY_COLUMNS = ["id", "first_published", "last_published", "articles", "outlets", "title"]


def claim_row(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim's `CLAIM_COLUMNS`: its article's date and outlet, the window, what settled it and when."""
    settled = claim["settled_by"] or {}
    return {
        **{key: claim.get(key) for key in CLAIM_COLUMNS},
        "published": claim["article"]["published"],
        "outlet": claim["article"]["outlet"],
        "window": f"{claim['window']['from']}..{claim['window']['to']}",
        "settled_by": settled.get("id"),
        "lag_days": settled.get("lag_days"),
        "report_lag_days": settled.get("report_lag_days"),
        "matches": len(claim["matches"]),
    }


def story_row(story: dict[str, Any]) -> dict[str, Any]:
    """A story's `STORY_COLUMNS`, outlets joined."""
    return {**{key: story.get(key) for key in STORY_COLUMNS}, "outlets": "; ".join(story["outlets"])}
