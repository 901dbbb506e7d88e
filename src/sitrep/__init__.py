"""sitrep: raw conflict news in; a sourced, deduplicated record out.

    import sitrep
    for event in sitrep.extract(text, published="2017-08-06", outlet="Reuters"):
        print(event.sub_event_type, event.place and event.place.name, event.fatalities)

`import sitrep` imports nothing else: each name below loads its module on first use (so the command
line, `sitrep.cli`, starts without the library's modules), and `extract` and `geoparse` load the
language model on their first call; `open_store` reads a store's listings.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import models as models
    from .library import ArticleEvents, StoreReader, event_filters, extract, geoparse, open_store
    from .store.filters import EventFilters

__all__ = ["ArticleEvents", "EventFilters", "StoreReader", "event_filters", "extract", "geoparse", "models", "open_store"]
_HOMES = {
    **dict.fromkeys(("ArticleEvents", "StoreReader", "event_filters", "extract", "geoparse", "open_store"), ".library"),
    "EventFilters": ".store.filters",
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    if name == "models":
        return import_module(".models", __name__)
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
