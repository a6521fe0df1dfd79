"""Which ACLED sub-type a sentence reads like, learned from labelled example sentences.

The trigger lexicon knows words; it cannot tell "rebels took the town" (territory) from "rebels
took hostages" (abduction) without a rule for each phrasing, nor a report from an opinion that
uses the same verbs. A multinomial logistic regression over the sentence's embedding, trained on
the sentences of tests/events (every sub-type, plus sentences that report nothing), generalises
across phrasings. There is one per encoder of nlp/sentence_embeddings.py (the `event_encoder`
setting picks one); scripts/train_event_classifier.py writes their weights to
knowledge/data/event_sentences-ENCODER.npz; the coder (coding.py) weighs it against the rules.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from peacewatch.errors import InvalidSetting
from peacewatch.knowledge.lexicons import DATA, lexicon
from peacewatch.nlp.sentence_embeddings import ENCODERS
from peacewatch.settings import SETTINGS

NO_EVENT = ""  # the label of sentences that report no event


@dataclass(frozen=True)
class SentenceClassifier:
    labels: tuple[str, ...]  # "Event type|Sub-event type", or NO_EVENT
    weights: np.ndarray  # embedding dimensions x labels
    bias: np.ndarray
    digest: str  # of the labelled sentences it was trained on

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """One row of label probabilities per embedded sentence (softmax of the logits)."""
        logits = vectors @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        return odds / odds.sum(axis=1, keepdims=True)


def label_of(event_type: str | None, sub_event_type: str | None) -> str:
    return f"{event_type}|{sub_event_type}" if sub_event_type else NO_EVENT


def likeliest_event(reading: dict[str, float]) -> tuple[str, float]:
    """The event label a reading gives most to (NO_EVENT aside), and what it gives it."""
    label = max((label for label in reading if label != NO_EVENT), key=reading.__getitem__)
    return label, reading[label]


def split_label(label: str) -> tuple[str, str]:
    event_type, sub_event_type = label.split("|")
    return event_type, sub_event_type


def training_digest(rows: Iterable[dict]) -> str:
    """A fingerprint of labelled sentences (text and label, in order): the shipped weights record
    the one they were trained on, so a test can tell when the sentences changed and they did not."""
    canonical = [[r["text"], label_of(r["event_type"], r["sub_event_type"])] for r in rows]
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode("utf-8")).hexdigest()


def weights_file(encoder: str) -> Path:
    return DATA / f"event_sentences-{encoder}.npz"


CASCADE = "word-pieces+minilm"  # word pieces read every sentence, MiniLM those they are unsure of
CHEAP_READER = "word-pieces"  # reads the sentences too many to give MiniLM (coding.py `unprompted_events`)


def known_encoder(encoder: str) -> str:
    if encoder not in (*ENCODERS, CASCADE):
        raise InvalidSetting("event_encoder", f"{encoder!r} is not one of {', '.join((*ENCODERS, CASCADE))}")
    return encoder


@functools.lru_cache(maxsize=None)
def classifier(encoder: str = SETTINGS.event_encoder) -> SentenceClassifier:
    with np.load(weights_file(known_encoder(encoder))) as data:
        return SentenceClassifier(tuple(str(label) for label in data["labels"]), data["weights"], data["bias"],
                                  str(data["digest"]))


def sentence_probabilities(texts: list[str], encoder: str = SETTINGS.event_encoder) -> list[dict[str, float]]:
    """For each text, its probability per label (NO_EVENT included)."""
    if encoder == CASCADE:
        return cascaded_probabilities(texts)
    model = classifier(encoder)
    rows = model.probabilities(ENCODERS[encoder](texts)) if texts else np.zeros((0, len(model.labels)))
    return [dict(zip(model.labels, map(float, row))) for row in rows]


def classifier_settings(encoder: str = SETTINGS.event_encoder) -> dict:
    """The reader's line of events.yaml `classifier`: how its readings weigh against the rules."""
    return lexicon("events")["classifier"][known_encoder(encoder)]


def cascaded_probabilities(texts: list[str]) -> list[dict[str, float]]:
    """The word-pieces reading of each text, replaced by MiniLM's where no label reaches
    `escalate_below` (events.yaml): MiniLM reads a fraction of the sentences. On our own test
    sentences this reads nearly as well as MiniLM alone (weighted F1 0.80 against 0.82), but on
    other writers' news the word pieces are wrong more often while sure (CASE 2021: 0.59 against
    0.67), which is why minilm is the default."""
    threshold = classifier_settings(CASCADE)["escalate_below"]
    readings = sentence_probabilities(texts, CHEAP_READER)
    unsure = [i for i, reading in enumerate(readings) if max(reading.values()) < threshold]
    for i, reading in zip(unsure, sentence_probabilities([texts[i] for i in unsure], "minilm")):
        readings[i] = reading
    return readings
