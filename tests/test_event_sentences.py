"""The labelled sentences of tests/events: a sound label set, and a floor for the coder on it.

The set is what a learned event coder will train and be evaluated on, so its integrity (every
sub-type covered, valid labels, no repeats, two halves) is checked here, not assumed.
"""
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from peacewatch.errors import InvalidSetting
from peacewatch.events.sentence_classifier import (CASCADE, NO_EVENT, classifier, label_of, sentence_probabilities,
                                                    training_digest)
from peacewatch.knowledge.lexicons import lexicon
from peacewatch.nlp.sentence_embeddings import ENCODERS

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "event_types.py"
FLOORS = Path(__file__).resolve().parent / "events" / "floors.json"


def load_benchmark():
    """benchmarks/ is not a package; the module is registered before it runs, as its dataclasses
    look themselves up in sys.modules."""
    spec = importlib.util.spec_from_file_location("event_types", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


event_types = load_benchmark()
ROWS = event_types.sentences()
TYPOLOGY = event_types.typology()


def test_typology_has_acleds_six_types_and_twenty_five_sub_types():
    assert len(TYPOLOGY) == 6
    assert sum(len(subs) for subs in TYPOLOGY.values()) == 25


@pytest.mark.parametrize("sub_type", [s for subs in TYPOLOGY.values() for s in subs])
def test_every_sub_type_has_at_least_eight_sentences_in_both_halves(sub_type):
    splits = Counter(r["split"] for r in ROWS if r["sub_event_type"] == sub_type)
    assert sum(splits.values()) >= 8
    assert splits["train"] >= 4 and splits["test"] >= 4


def test_every_label_is_a_pair_of_the_typology_or_no_event():
    valid = {(t, s) for t, subs in TYPOLOGY.items() for s in subs} | {(None, None)}
    wrong = [r["text"] for r in ROWS if (r["event_type"], r["sub_event_type"]) not in valid]
    assert wrong == []


def test_rows_have_text_conflict_and_a_known_split():
    assert all(r["text"].strip() and r["conflict"].strip() and r["split"] in {"train", "test"} for r in ROWS)


def test_no_sentence_is_repeated():
    repeated = [t for t, n in Counter(r["text"].strip().lower() for r in ROWS).items() if n > 1]
    assert repeated == []


def test_there_are_sentences_that_report_no_event_in_both_halves():
    splits = Counter(r["split"] for r in ROWS if r["event_type"] is None)
    assert splits["train"] >= 20 and splits["test"] >= 20


def test_split_filter_partitions_the_set():
    halves = event_types.sentences("train") + event_types.sentences("test")
    assert sorted(r["text"] for r in halves) == sorted(r["text"] for r in ROWS)


def test_weighted_f1_over_sub_types_of_the_test_half_stays_above_its_floor():
    """Measured on the half the classifier never saw: on the other it is right by construction."""
    floor = json.loads(FLOORS.read_text(encoding="utf-8"))["weighted_f1"]
    assert event_types.weighted_f1(event_types.outcomes(event_types.sentences("test"))) >= floor


@pytest.mark.parametrize("encoder", ENCODERS)
def test_shipped_classifier_was_trained_on_the_current_train_half(encoder):
    """Fails when sentences were added or relabelled: run scripts/train_event_classifier.py."""
    assert classifier(encoder).digest == training_digest(event_types.sentences("train"))


@pytest.mark.parametrize("encoder", ENCODERS)
def test_classifier_knows_every_sub_type_and_no_event(encoder):
    labels = {label_of(t, s) for t, subs in TYPOLOGY.items() for s in subs} | {NO_EVENT}
    assert set(classifier(encoder).labels) == labels


@pytest.mark.parametrize("encoder", ENCODERS)
def test_each_encoder_tells_an_air_strike_from_a_protest(encoder):
    strike, march = sentence_probabilities(["Warplanes bombed a fuel depot outside the port city on Sunday.",
                                            "Thousands of teachers marched peacefully to parliament to demand unpaid wages."],
                                           encoder)
    def likeliest_event(probabilities):
        return max((label for label in probabilities if label != NO_EVENT), key=probabilities.get)
    assert likeliest_event(strike) == "Explosions/Remote violence|Air/drone strike"
    assert likeliest_event(march) == "Protests|Peaceful protest"


def test_the_cascade_reads_with_minilm_exactly_the_sentences_word_pieces_are_unsure_of():
    texts = [r["text"] for r in event_types.sentences("test")[:60]]
    cheap, full = sentence_probabilities(texts, "word-pieces"), sentence_probabilities(texts, "minilm")
    threshold = lexicon("events")["classifier"][CASCADE]["escalate_below"]
    unsure = [max(reading.values()) < threshold for reading in cheap]
    assert any(unsure) and not all(unsure)
    for read, c, f, u in zip(sentence_probabilities(texts, CASCADE), cheap, full, unsure):
        assert read == pytest.approx(f if u else c, abs=1e-4)


def test_an_unknown_encoder_is_a_setting_error():
    with pytest.raises(InvalidSetting, match="event_encoder"):
        sentence_probabilities(["Rebels shelled the town."], "word2vec")


def test_scores_count_a_wrong_sub_type_against_both_labels():
    results = [event_types.Outcome("Attack", "Attack"), event_types.Outcome("Attack", "Armed clash"),
               event_types.Outcome(event_types.NO_EVENT, "Attack")]
    attack = event_types.score("Attack", {"Attack"}, results)
    clash = event_types.score("Armed clash", {"Armed clash"}, results)
    assert (attack.support, attack.predicted, attack.correct) == (2, 2, 1)
    assert (clash.support, clash.predicted, clash.precision) == (0, 1, 0.0)
