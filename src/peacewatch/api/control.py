"""Territorial control on a day, as `peacewatch control --as-of` computes it, with each place's
point so that the dashboard can draw it as a map layer.

A place's point is the gazetteer's best reading of its canonical name (a region's centre for a
region); a place the gazetteer does not know keeps its row with no point, since who holds it is
still worth reading even where it cannot be drawn.
"""
from __future__ import annotations

from fastapi import APIRouter

from peacewatch.api.context import AgreementsDep, AsOf, StoreDep
from peacewatch.api.models import ControlRow
from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.records import ControlPeriod
from peacewatch.tracking.control import control_as_of
from peacewatch.tracking.linking_store import as_of_day, control

router = APIRouter(tags=["control"])


def located(period: ControlPeriod) -> ControlRow:
    place = gazetteer().best(period.place)
    return ControlRow(**period.model_dump(), latitude=place.lat if place else None,
                      longitude=place.lon if place else None)


@router.get("/control", response_model=list[ControlRow])
def list_control(store: StoreDep, agreements: AgreementsDep, as_of: AsOf = None) -> list[ControlRow]:
    """Who holds each place on `as_of`, since when, and the sentence (or agreement) that says so;
    `via` names the region whose change of hands a place followed when no report named it."""
    day = as_of_day(store, as_of)
    return [located(p) for p in control_as_of(control(store, agreements, day), day)]
