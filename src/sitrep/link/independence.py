"""Which articles count as independent reports: near duplicates, syndicated copies and one outlet's
several articles count once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def independent_groups(
    article_ids: Iterable[str], outlets: Mapping[str, set[str]], near_pairs: Iterable[tuple[str, str]]
) -> list[list[str]]:
    """Articles joined when they are near duplicates or share an outlet (an exact copy carried by two
    outlets joins both); each group is one independent source. Groups and members are sorted."""
    ids = sorted(set(article_ids))
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for a, b in near_pairs:
        if a in parent and b in parent:
            union(a, b)
    first_of_outlet: dict[str, str] = {}
    for article in ids:
        for outlet in sorted(outlets.get(article, ())):
            union(article, first_of_outlet.setdefault(outlet, article))
    groups: dict[str, list[str]] = {}
    for article in ids:
        groups.setdefault(find(article), []).append(article)
    return sorted(groups.values())


def independent(a: str, b: str, outlets: Mapping[str, set[str]], near_pairs: set[tuple[str, str]]) -> bool:
    """Two articles are independent reports: different articles, no shared outlet, not near duplicates."""
    if a == b or tuple(sorted((a, b))) in near_pairs:
        return False
    return not (outlets.get(a, set()) & outlets.get(b, set()))
