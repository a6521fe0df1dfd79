"""The annotator registry orders stages from what they declare, and refuses what cannot run."""
import pytest

from peacewatch.analyze import stage_order
from peacewatch.pipeline import Annotator, PipelineError, run_order


def stage(assigns, *requires):
    return Annotator(assigns, lambda document: [], tuple(requires), assigns)


def test_each_stage_runs_after_what_it_requires():
    registry = {s.assigns: s for s in [stage("events", "places", "times"), stage("places", "entities"),
                                       stage("times"), stage("entities")]}
    order = [s.assigns for s in run_order(registry)]
    assert order.index("entities") < order.index("places") < order.index("events")
    assert order.index("times") < order.index("events")


def test_a_cycle_is_refused_with_its_path():
    registry = {s.assigns: s for s in [stage("a", "b"), stage("b", "a")]}
    with pytest.raises(PipelineError, match=r"E001.*a -> b -> a"):
        run_order(registry)


def test_a_requirement_nobody_assigns_is_refused():
    with pytest.raises(PipelineError, match="E002.*'missing'"):
        run_order({"a": stage("a", "missing")})


def test_the_configured_pipeline_assigns_every_mention_kind_of_the_contract():
    assert {s.assigns for s in stage_order()} == {"entities", "times", "places", "quantities", "quotes", "events", "provisions",
                                                  "claims"}


def test_asking_for_one_kind_runs_only_what_it_needs():
    assert {s.assigns for s in stage_order(("places",))} == {"entities", "places"}
