"""MiniLM sentence embeddings run by onnxruntime with int8 weights: unit vectors that put
paraphrases together.

The float graph was checked once against the earlier numpy forward pass, itself checked against
sentence-transformers (cosine > 0.99999); these tests pin the properties the event classifier
relies on, on sentences written for them, and how the quantized graph is cached.
"""
import logging

import numpy as np
import pytest
from safetensors.numpy import load_file

from peacewatch.nlp import minilm_graph
from peacewatch.nlp.sentence_embeddings import DIMENSIONS, embed, model_folder, pooled, tokenizer

SHELLING = "Artillery fire hit the outskirts of Kharkiv overnight, killing two residents."
SHELLING_RETOLD = "Two people died when shells landed on the edge of Kharkiv during the night."
BUDGET = "The finance ministry published its budget figures for the coming year."


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return embed([SHELLING, SHELLING_RETOLD, BUDGET])


def test_each_sentence_is_a_unit_vector_of_the_models_width(vectors):
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(vectors):
    shelling, retold, budget = vectors
    assert shelling @ retold > 0.5 > shelling @ budget + 0.3


def test_a_sentence_embeds_the_same_alone_as_beside_longer_ones(vectors):
    """Padding in a batch must not leak into the mean of the real tokens."""
    alone = embed([SHELLING])[0]
    assert np.abs(alone - vectors[0]).max() < 1e-5


def test_text_longer_than_the_model_takes_is_cut_not_refused():
    [vector] = embed(["clashes " * 600])
    assert np.isfinite(vector).all()


def test_nothing_to_embed_gives_no_rows():
    assert embed([]).shape == (0, DIMENSIONS)


def test_int8_weights_keep_each_vector_within_a_cosine_of_the_float_graph(vectors):
    """The quantized layers are a faster copy of the model, not another model."""
    floats = minilm_graph.new_session(minilm_graph.minilm_graph(load_file(str(model_folder() / "model.safetensors")))
                                      .SerializeToString())
    for text, vector in zip((SHELLING, SHELLING_RETOLD, BUDGET), vectors):
        ids = tokenizer().encode(text).ids
        states = floats.run(["states"], {"ids": np.asarray([ids]), "positions": np.arange(len(ids))})[0][0]
        assert pooled(states) @ vector > 0.98


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    minilm_graph.session.cache_clear()
    yield tmp_path
    minilm_graph.session.cache_clear()


def test_the_quantized_graph_is_built_once_and_read_back_from_the_cache(empty_cache, vectors):
    handlers = list(logging.getLogger().handlers)
    embed([SHELLING])
    assert logging.getLogger().handlers == handlers  # the quantizer's advice leaves no stderr handler behind
    [cached] = (empty_cache / "peacewatch").glob("minilm-int8-*.onnx")
    built = cached.stat().st_mtime_ns
    minilm_graph.session.cache_clear()
    assert np.abs(embed([SHELLING])[0] - vectors[0]).max() < 1e-5
    assert cached.stat().st_mtime_ns == built


def test_a_damaged_cache_file_is_rebuilt_not_fatal(empty_cache, vectors):
    path = minilm_graph.cache_file(model_folder())
    path.parent.mkdir(parents=True)
    path.write_bytes(b"half a model")
    assert np.abs(embed([SHELLING])[0] - vectors[0]).max() < 1e-5
    assert path.stat().st_size > 1_000_000
