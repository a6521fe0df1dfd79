"""Train the sentence classifiers of the event coder: knowledge/data/event_sentences-ENCODER.npz.

    .venv/bin/python scripts/train_event_classifier.py

Reads the `train` half of tests/events/sentences.jsonl (the `test` half is kept for
benchmarks/event_types.py), embeds each sentence with each encoder of nlp/sentence_embeddings.py and fits
a multinomial logistic regression, 25 ACLED sub-types plus "no event", by full-batch gradient
descent from zero weights: no randomness, so the same sentences always give the same file. The
strength of the L2 penalty is chosen per encoder by cross-validation on the train half (FOLDS
folds by position), since a cheap encoder's vectors need a lighter hand than a transformer's.
Run it again whenever the labelled sentences change; tests/test_event_sentences.py fails until
the shipped weights match them.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from peacewatch.events.sentence_classifier import label_of, training_digest, weights_file
from peacewatch.nlp.sentence_embeddings import ENCODERS

SENTENCES = Path(__file__).resolve().parents[1] / "tests" / "events" / "sentences.jsonl"
SCALE = 20.0  # unit vectors have small dot products; scaling them lets the weights stay small
PENALTIES = (0.01, 0.003, 0.001, 0.0003)  # L2 on the weights, tried in turn
FOLDS = 5
STEPS = 3000
RATE = 0.5


def training_rows() -> list[dict]:
    rows = [json.loads(line) for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["split"] == "train"]


def softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    odds = np.exp(logits)
    return odds / odds.sum(axis=1, keepdims=True)


def fitted(vectors: np.ndarray, targets: np.ndarray, classes: int, penalty: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights and bias minimising the mean cross-entropy plus the L2 penalty; the scale is folded
    into the returned weights so that prediction is a plain `vectors @ weights + bias`."""
    weights = np.zeros((vectors.shape[1], classes))
    bias = np.zeros(classes)
    truth = np.eye(classes)[targets]
    for _ in range(STEPS):
        error = (softmax(SCALE * vectors @ weights + bias) - truth) / len(vectors)
        weights -= RATE * (SCALE * vectors.T @ error + penalty * weights)
        bias -= RATE * error.sum(axis=0)
    return (SCALE * weights).astype(np.float32), bias.astype(np.float32)


def cross_validated(vectors: np.ndarray, targets: np.ndarray, classes: int, penalty: float) -> float:
    """Mean accuracy on each fold of a model fitted on the others."""
    folds = np.arange(len(targets)) % FOLDS
    scores = []
    for fold in range(FOLDS):
        weights, bias = fitted(vectors[folds != fold], targets[folds != fold], classes, penalty)
        held = folds == fold
        scores.append(float((np.argmax(vectors[held] @ weights + bias, axis=1) == targets[held]).mean()))
    return float(np.mean(scores))


def main() -> None:
    rows = training_rows()
    labels = sorted({label_of(r["event_type"], r["sub_event_type"]) for r in rows})
    targets = np.array([labels.index(label_of(r["event_type"], r["sub_event_type"])) for r in rows])
    for encoder, vectors_of in ENCODERS.items():
        vectors = vectors_of([r["text"] for r in rows]).astype(np.float64)
        scores = {p: cross_validated(vectors, targets, len(labels), p) for p in PENALTIES}
        penalty = max(PENALTIES, key=scores.__getitem__)
        weights, bias = fitted(vectors, targets, len(labels), penalty)
        accuracy = float((np.argmax(vectors @ weights + bias, axis=1) == targets).mean())
        np.savez_compressed(weights_file(encoder), labels=np.array(labels), weights=weights, bias=bias,
                            digest=np.array(training_digest(rows)))
        print(f"{encoder}: {len(rows)} sentences, {len(labels)} labels, penalty {penalty} (cross-validated accuracy {scores[penalty]:.3f}), "
              f"training accuracy {accuracy:.3f} -> {weights_file(encoder)}")


if __name__ == "__main__":
    main()
