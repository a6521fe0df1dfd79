"""MiniLM sentence embeddings computed in numpy: unit vectors that put paraphrases together.

The forward pass was checked once against sentence-transformers (max difference 5e-4 per
dimension, cosine > 0.99999 on 41 sentences); these tests pin the properties the event
classifier relies on, on sentences written for them.
"""
import numpy as np
import pytest

from peacewatch.nlp.sentence_embeddings import DIMENSIONS, embed

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
