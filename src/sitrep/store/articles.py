"""The store's reads of articles for people and programs: listings, one article in full, its places,
snippets around words, outlets.

A mixin of `SQLStore`, as the event pages, the linking and the story tables are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar

from ..errors import Code, SitrepError
from .backend import Db, Search, row_limit
from .filters import add_clause, conditions, like_literal, words
from .search import after_clause

ARTICLE_COLUMNS = "id, title, kind, published, published_from, outlet, url"
ARTICLE_FIELDS = (
    "id, title, text, kind, published, published_from, outlet, url, removed, title_span, kind_evidence, dateline, created_at"
)


class ArticleReads:
    _db: Db
    search: ClassVar[Search]

    def list_articles(
        self,
        *,
        outlet: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        after: Sequence[Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Article summaries, newest first (undated last), with counts of sources and near copies;
        `text`: words that must all occur in the title or text; `after`: the (published, id) of the
        previous page's last row."""
        where, params = conditions(
            [("sitrep_fold(outlet) = sitrep_fold(?)", outlet), ("kind = ?", kind), ("published >= ?", since), ("published <= ?", until)]
        )
        if text is not None:
            add_clause(where, params, self.search.text_clause("id", words(text)))
        if after is not None:
            add_clause(where, params, after_clause("published", ["id"], after))
        sql = (
            f"SELECT {ARTICLE_COLUMNS},"
            " (SELECT COUNT(*) FROM sources s WHERE s.article_id = articles.id) AS sources,"
            " (SELECT COUNT(*) FROM near_duplicates n WHERE n.a = articles.id OR n.b = articles.id)"
            " AS near_duplicates FROM articles"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?"
        return [dict(row) for row in self._db.execute(sql, [*params, row_limit(limit), offset])]

    def resolve_id(self, prefix: str) -> str:
        """The full article id for an id or a unique prefix of one."""
        if not prefix:
            raise SitrepError(Code.NOT_FOUND, "an article id is needed")
        shown = 10  # candidates an ambiguous prefix lists
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?", (like_literal(prefix) + "%", shown + 1)
        ).fetchall()
        if not rows:
            raise SitrepError(Code.NOT_FOUND, f"no article with id {prefix!r}")
        if len(rows) > 1:
            ids = ", ".join(str(row[0]) for row in rows[:shown]) + (", ..." if len(rows) > shown else "")
            raise SitrepError(Code.AMBIGUOUS, f"{prefix!r} matches several articles ({ids}): give more characters")
        return str(rows[0][0])

    def get_article(self, article_id: str) -> dict[str, Any]:
        """One article in full: text, removed spans, every source and near-duplicate link."""
        row = self._db.execute(f"SELECT {ARTICLE_FIELDS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise SitrepError(Code.NOT_FOUND, f"no article with id {article_id!r}")
        article = dict(row)
        for field in ("removed", "title_span", "kind_evidence", "dateline"):
            article[field] = json.loads(article[field]) if article[field] else None
        sources = self._db.execute(
            "SELECT * FROM sources WHERE article_id = ? ORDER BY ingested_at, key", (article_id,)
        )
        article["sources"] = [{**dict(s), "metadata": json.loads(s["metadata"])} for s in sources]
        near = self._db.execute(
            "SELECT CASE WHEN a = ? THEN b ELSE a END AS id, jaccard, containment FROM near_duplicates"
            " WHERE a = ? OR b = ? ORDER BY jaccard DESC",
            (article_id, article_id, article_id),
        )
        article["near_duplicates"] = [dict(n) for n in near]
        article["places"] = self.places(article_id)
        return article

    def places(self, article_id: str) -> list[dict[str, Any]]:
        """An article's place mentions in order, as stored."""
        rows = self._db.execute("SELECT * FROM places WHERE article_id = ? ORDER BY n", (article_id,))
        found = []
        for row in rows:
            place = {key: row[key] for key in row.keys() if key not in ("article_id", "n")}
            place["resolved"], place["why"] = bool(place["resolved"]), json.loads(place["why"])
            found.append(place)
        return found

    def text_snippets(self, text: str, article_ids: Sequence[str]) -> dict[str, str]:
        """A plain-text excerpt of each article around where `text`'s words occur."""
        return self.search.snippets(self._db, words(text), article_ids)

    def newest_published(self) -> str | None:
        """The latest publication date in the store: claims are open "as of" it."""
        value = self._db.execute("SELECT MAX(published) FROM articles").fetchone()[0]
        return None if value is None else str(value)

    def outlets(self) -> list[dict[str, Any]]:
        """Every named outlet and its number of articles, by name."""
        rows = self._db.execute(
            "SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY outlet"
        )
        return [dict(row) for row in rows]
