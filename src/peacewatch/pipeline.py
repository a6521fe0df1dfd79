"""The annotator registry and the working document the annotators share.

Like spaCy's components, each annotator is a plain function registered under a name with the
mention kinds it reads (`requires`) and the one it writes (`assigns`). The run order is derived
from those declarations and checked once, so adding a stage never means re-wiring a list by hand.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Doc, Span

from peacewatch.records import Article


class PipelineError(RuntimeError):
    """The declared stages cannot be ordered (a cycle, or a kind nobody assigns)."""


@dataclass
class Document:
    """One article under analysis: its record, its spaCy parse and the mentions found so far."""

    article: Article
    parse: Doc
    mentions: dict[str, list] = field(default_factory=dict)
    sentences: list[Span] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.sentences = list(self.parse.sents)
        self._sentence_starts = [s.start_char for s in self.sentences]

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding a character offset (mentions are located by offsets, not tokens)."""
        index = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[index]

    def within(self, kind: str, start: int, end: int) -> list:
        """The mentions of one kind that lie inside [start, end)."""
        return [m for m in self.mentions.get(kind, []) if m.start >= start and m.end <= end]


@dataclass(frozen=True)
class Annotator:
    name: str
    func: Callable[[Document], list]
    requires: tuple[str, ...]
    assigns: str


REGISTRY: dict[str, Annotator] = {}


def annotator(assigns: str, requires: tuple[str, ...] = ()) -> Callable:
    """Register a stage that writes the mentions of kind `assigns` from those in `requires`."""

    def register(func: Callable[[Document], list]) -> Callable[[Document], list]:
        REGISTRY[assigns] = Annotator(func.__module__ + "." + func.__name__, func, tuple(requires), assigns)
        return func

    return register


def run_order(registry: dict[str, Annotator]) -> list[Annotator]:
    """The annotators in an order where each runs after everything it requires."""
    ordered: list[Annotator] = []
    state: dict[str, str] = {}

    def visit(kind: str, chain: tuple[str, ...]) -> None:
        if state.get(kind) == "done":
            return
        if state.get(kind) == "visiting":
            raise PipelineError(f"[E001] annotators require each other in a cycle: {' -> '.join(chain + (kind,))}")
        if kind not in registry:
            raise PipelineError(f"[E002] annotator {chain[-1]!r} requires {kind!r}, which no annotator assigns")
        state[kind] = "visiting"
        for needed in registry[kind].requires:
            visit(needed, chain + (kind,))
        state[kind] = "done"
        ordered.append(registry[kind])

    for kind in sorted(registry):
        visit(kind, ())
    return ordered


def run(document: Document, order: list[Annotator]) -> Document:
    for stage in order:
        document.mentions[stage.assigns] = stage.func(document)
    return document
