"""The annotator registry orders stages from what they declare, and refuses what cannot run."""
import importlib

import pytest

from peacewatch.analyze import analyze, analyze_many, stage_order
from peacewatch.pipeline import Annotator, PipelineError, run_order
from peacewatch.testing import make_article

analysis = importlib.import_module("peacewatch.analyze")  # the module: the package exports its analyze()


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


def briefs(count: int) -> list:
    """Short articles in English and French, written for this test."""
    texts = [("en", "Rebels shelled the town of Goma on Monday, killing three civilians."),
             ("fr", "Les rebelles ont bombardé la ville de Goma lundi."),
             ("en", "The two sides signed a truce in Doha on Tuesday.")]
    return [make_article(texts[i % 3][1], id=f"brief-{i}", language=texts[i % 3][0]) for i in range(count)]


def test_batched_analysis_gives_what_each_article_gives_alone():
    """analyze_many parses the next batch while the stages read this one; the results and their
    order are those of analyze, article by article."""
    articles = briefs(7)
    assert [e.to_json() for e in analyze_many(articles, batch_size=3)] == [analyze(a).to_json() for a in articles]


def test_a_parse_that_fails_in_the_background_fails_the_call(monkeypatch):
    def broken(language):
        raise RuntimeError(f"no parser for {language}")
    monkeypatch.setattr(analysis, "pipeline_for", broken)
    with pytest.raises(RuntimeError, match="no parser for en"):
        list(analyze_many(briefs(4), batch_size=2))
