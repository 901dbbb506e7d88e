"""The store's story tables (migration 0005): profiles, candidate keys, document frequencies, stories.

A mixin of `SQLStore`: the SQL stays in the store package, apart from the article and event tables.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from .backend import Db, row_limit
from .search import after_clause

CHUNK = 500  # keys per IN (...) list: far below SQLite's limit on bound parameters
PROFILE_CACHE = 1000  # decoded story profiles kept in memory (about 30 MB: some 250 weights each)
PROFILES = ""  # the key every profile holds: its frequency is the number of profiles ("channel:token" keys are never empty)


class StoryTables:
    _db: Db

    def unfiled_articles(self) -> list[tuple[int, str]]:
        """(stored order, id) of the articles in no story (stored before stories existed)."""
        sql = (
            "SELECT a.rowid, a.id FROM articles a"
            " WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id) ORDER BY a.rowid"
        )
        return [(row[0], row[1]) for row in self._db.execute(sql)]

    def add_story_terms(self, keys: Iterable[str]) -> int:
        """Count one more profile holding each of `keys`; returns how many profiles are stored (with this
        one): the frequency of the empty key, which every profile holds (no count over the table)."""
        self._db.executemany(
            "INSERT INTO story_terms VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET df = story_terms.df + 1",
            [(PROFILES,), *((k,) for k in keys)],
        )
        return int(self._db.execute("SELECT df FROM story_terms WHERE key = ?", (PROFILES,)).fetchone()[0])

    def story_df(self, keys: Sequence[str]) -> dict[str, int]:
        """Document frequency of each key (absent keys are left out)."""
        out: dict[str, int] = {}
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            out.update(self._db.execute(f"SELECT key, df FROM story_terms WHERE key IN ({marks})", chunk).fetchall())
        return out

    def story_candidates(self, keys: Sequence[str], days: tuple[int, int] | None, limit: int) -> list[dict[str, Any]]:
        """The `limit` stored articles sharing most of `keys`, published within `days` (inclusive day
        ordinals; an undated article matches any day, `days=None` every article): article_id, story_id,
        day, profile (a dict), and the story's first and last publication dates."""
        if not keys:
            return []
        sql = f"SELECT article_id, COUNT(*) AS shared FROM story_keys WHERE key IN ({', '.join('?' * len(keys))})"
        params: list[Any] = list(keys)
        if days is not None:
            sql += " AND (day IS NULL OR day BETWEEN ? AND ?)"
            params += days
        sql = (
            "SELECT m.article_id, m.story_id, m.day, s.first_published, s.last_published FROM"
            f" ({sql} GROUP BY article_id ORDER BY shared DESC, article_id LIMIT ?) k"
            " JOIN story_members m ON m.article_id = k.article_id JOIN stories s ON s.id = m.story_id"
            " ORDER BY m.article_id"
        )
        rows = [dict(row) for row in self._db.execute(sql, [*params, limit])]
        profiles = self._profiles([row["article_id"] for row in rows])
        return [{**row, "profile": profiles[row["article_id"]]} for row in rows]

    def _profiles(self, article_ids: Sequence[str]) -> dict[str, dict[str, float]]:
        """The stored profiles of these articles, decoded; the latest `PROFILE_CACHE` decoded are kept (a
        profile never changes once stored, and a new article's candidates are mostly recent ones)."""
        cache: OrderedDict[str, dict[str, float]] = self.__dict__.setdefault("_profile_cache", OrderedDict())
        missing = [a for a in article_ids if a not in cache]
        for start in range(0, len(missing), CHUNK):
            chunk = missing[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self._db.execute(f"SELECT article_id, profile FROM story_members WHERE article_id IN ({marks})", chunk):
                cache[row["article_id"]] = json.loads(row["profile"])
        found = {}
        for article_id in article_ids:
            cache.move_to_end(article_id)
            found[article_id] = cache[article_id]
        while len(cache) > PROFILE_CACHE:
            cache.popitem(last=False)
        return found

    def copies(self, article_id: str) -> list[dict[str, Any]]:
        """The article's stored near duplicates: article_id, day, story_id and the story's first and last
        publication dates."""
        sql = (
            "SELECT m.article_id, m.day, s.id AS story_id, s.first_published, s.last_published FROM near_duplicates d"
            " JOIN story_members m ON m.article_id = CASE WHEN d.a = ? THEN d.b ELSE d.a END"
            " JOIN stories s ON s.id = m.story_id WHERE d.a = ? OR d.b = ? ORDER BY s.id, m.article_id"
        )
        return [dict(row) for row in self._db.execute(sql, (article_id, article_id, article_id))]

    def move_undated_member(self, article_id: str, story_id: str) -> None:
        """Move an undated article to another story (its dates are unchanged: the article has none)."""
        old = self._db.execute("SELECT story_id FROM story_members WHERE article_id = ? AND day IS NULL", (article_id,)).fetchone()
        if old is None or old[0] == story_id:
            return
        self._db.execute("UPDATE story_members SET story_id = ? WHERE article_id = ?", (story_id, article_id))
        self._db.execute("UPDATE stories SET articles = articles + 1 WHERE id = ?", (story_id,))
        self._db.execute("UPDATE stories SET articles = articles - 1 WHERE id = ?", (old[0],))
        self._db.execute("DELETE FROM stories WHERE id = ? AND articles = 0", (old[0],))

    def add_story_member(
        self, article_id: str, story_id: str, day: int | None, profile: dict[str, float], keys: Iterable[str],
        similarity: float | None, published: str | None,
    ) -> None:
        """File an article in a story (creating the story when `story_id` is the article's own id)."""
        self._db.execute(
            "INSERT INTO stories AS s VALUES (?, ?, ?, 1) ON CONFLICT (id) DO UPDATE SET articles = s.articles + 1,"
            " first_published = CASE WHEN s.first_published IS NULL OR excluded.first_published < s.first_published"
            " THEN excluded.first_published ELSE s.first_published END,"
            " last_published = CASE WHEN s.last_published IS NULL OR excluded.last_published > s.last_published"
            " THEN excluded.last_published ELSE s.last_published END",
            (story_id, published, published),
        )
        self._db.execute(
            "INSERT INTO story_members VALUES (?, ?, ?, ?, ?)",
            (article_id, story_id, day, json.dumps(profile, ensure_ascii=False), similarity),
        )
        self._db.executemany("INSERT INTO story_keys VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [(k, article_id, day) for k in keys])

    def list_stories(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        min_articles: int = 1,
        limit: int | None = None,
        after: Sequence[Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Stories with at least `min_articles`, latest first, each with its `members` (article id, title,
        outlet, published, similarity), earliest first; `after`: the (last_published, id) of the
        previous page's last story."""
        sql = "SELECT * FROM stories WHERE articles >= ?"
        params: list[Any] = [min_articles]
        if since is not None:
            sql += " AND last_published >= ?"
            params.append(since)
        if until is not None:
            sql += " AND first_published <= ?"
            params.append(until)
        if after is not None:
            clause, values = after_clause("last_published", ["id"], after)
            sql += f" AND {clause}"
            params += values
        sql += " ORDER BY last_published IS NULL, last_published DESC, id LIMIT ?"
        stories = [dict(row) for row in self._db.execute(sql, [*params, row_limit(limit)])]
        members: dict[str, list[dict[str, Any]]] = {s["id"]: [] for s in stories}
        ids = list(members)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            rows = self._db.execute(
                "SELECT m.story_id, a.id, a.title, a.outlet, a.published, m.similarity FROM story_members m"
                f" JOIN articles a ON a.id = m.article_id WHERE m.story_id IN ({', '.join('?' * len(chunk))})"
                " ORDER BY a.published IS NULL, a.published, a.id",
                chunk,
            )
            for row in rows:
                members[row["story_id"]].append({k: row[k] for k in ("id", "title", "outlet", "published", "similarity")})
        return [{**s, "members": members[s["id"]]} for s in stories]

    def story_of(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])
