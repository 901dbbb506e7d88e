"""sitrep: raw conflict news in; a sourced, deduplicated record out.

    import sitrep
    for event in sitrep.extract(text, published="2017-08-06", outlet="Reuters"):
        print(event.sub_event_type, event.place and event.place.name, event.fatalities)

`extract` and `geoparse` load the language model on first use; `open_store` reads a store's listings.
"""

from .library import ArticleEvents, StoreReader, extract, geoparse, open_store
from .store.sqlite import EventFilters

__all__ = ["ArticleEvents", "EventFilters", "StoreReader", "extract", "geoparse", "open_store"]
