"""/api/places/labels: the names the map writes over a box at a zoom, from the bundled place index."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from ..errors import SitrepError
from ..filter_values import area
from ..places.labels import label_index
from ..store.search import Box
from .errors import bad
from .schemas import ERRORS, LabelList, answers

router = APIRouter(prefix="/api/places", responses=ERRORS)


@router.get("/labels", summary="Place names to write on the map", responses=answers(LabelList))
def labels(
    bbox: Annotated[str, Query(max_length=100, description="west,south,east,north in degrees.")],
    zoom: Annotated[float, Query(ge=0, le=20, description="The map's zoom (Leaflet's, Web Mercator).")],
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many labels.")] = 150,
) -> JSONResponse:
    """Countries, first-level divisions and towns in the box, more and smaller ones as the zoom grows
    (countries up to zoom 7, divisions from 5 to 10, towns by population from 4), laid out so that
    no two overlap at that zoom."""
    try:
        box = area(lambda name: name, bbox, None, None)
    except SitrepError as error:
        raise bad(error.message) from None
    assert isinstance(box, Box)
    return JSONResponse({"items": [label.json() for label in label_index().labels(box, zoom, limit)]})
