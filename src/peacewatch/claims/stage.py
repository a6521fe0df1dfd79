"""The `claims` stage: each counted figure read as a claim a source makes about a subject.

It reuses the article's parse and the mentions found before it (quantities, places, entities,
quotes, times), so it adds no parsing. A bare number right after a figure in the same sentence
("120,000 according to one side, 50,000 according to the other") claims the same measure of the
same subject, from its own source. Claims go to the store (not to the extraction contract),
where `peacewatch disputes` compares them across articles.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from peacewatch.claims.attribution import Sources
from peacewatch.claims.measures import bound_of, is_owned, is_part, measure_of
from peacewatch.claims.subjects import Subjects, governing
from peacewatch.pipeline import Document, annotator
from peacewatch.records import Claim, Quantity

YEAR = re.compile(r"^\d{4}")


class ClaimReader:
    """Reads the claims of one document in order, remembering the last one for bare numbers."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.sources = Sources(document)
        self.subjects = Subjects(document, self.sources)
        self.previous: Claim | None = None

    def claim(self, quantity: Quantity) -> Claim | None:
        anchor = self._anchor(quantity)
        sentence = self.document.sentence_at(quantity.start)
        if anchor is None or is_part(self.document.text[sentence.start_char:quantity.start]):
            return None
        bare = anchor.like_num or anchor.pos_ == "NUM"
        chain = governing(anchor)
        verbs = [t.lemma_.lower() for t in chain if t.pos_ in ("VERB", "AUX")]
        measure = measure_of(quantity.unit, None if bare else anchor.lemma_.lower(), verbs)
        if measure is None:
            return None
        subject = self.subjects.subject(anchor, is_owned(measure))
        inherited = self._inherited(quantity, sentence.start_char) if bare else None
        if inherited is not None:
            measure, subject = inherited.measure, subject or inherited.subject
        claim = Claim(start=quantity.start, end=quantity.end, text=quantity.text, measure=measure,
                      value=quantity.value, unit=quantity.unit, approximate=quantity.approximate,
                      bound=bound_of(quantity.text), subject=subject,
                      attribution=self.sources.source(anchor, quantity.start),
                      year=self._year(chain[-1]),
                      sentence_start=sentence.start_char, sentence_end=sentence.end_char)
        self.previous = claim
        return claim

    def _anchor(self, quantity: Quantity) -> Token | None:
        """The counted noun (the quantity's last word), or the number itself when bare."""
        span = self.document.parse.char_span(quantity.end - 1, quantity.end, alignment_mode="expand")
        return span[-1] if span is not None and len(span) else None

    def _inherited(self, quantity: Quantity, sentence_start: int) -> Claim | None:
        previous = self.previous
        if previous is None or previous.sentence_start != sentence_start or previous.unit != quantity.unit:
            return None
        return previous

    def _year(self, clause: Token) -> str | None:
        """The year the first date in the figure's clause names: figures of different years are
        not rivals ("30,000 killed in the 1990s war" and "6,000 in the 2020 war")."""
        words = list(clause.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        dates = [t.value[:4] for t in self.document.within("times", start, end)
                 if t.type in ("DATE", "TIME") and YEAR.match(t.value)]
        return dates[0] if dates else None


@annotator("claims", requires=("quantities", "places", "entities", "quotes", "times"))
def find_claims(document: Document) -> list[Claim]:
    reader = ClaimReader(document)
    return [claim for q in document.mentions["quantities"] if (claim := reader.claim(q)) is not None]
