"""Direct quotations and who said them.

A quotation is text between quote marks that reads as speech (long enough not to be a name or a
scare quote). Its speaker is the subject of a speech verb next to it ("…," said X / X insists: "…"),
the object of "according to", a name before a colon, or — when the words around it say nothing —
the speaker of the quotation it continues. Pronouns and descriptions ("the expert") stand for the
nearest named person before them.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.pipeline import Document, annotator
from peacewatch.records import Entity, Quote

SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"}
# After a quotation the speaker may follow its verb ("…», a déclaré le ministre"), which some
# parsers label as the verb's object.
INVERTED_DEPS = {"obj", "dobj"}
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
CONTINUATION_GAP = 400  # characters between two quotations that may still be one speaker's


@dataclass(frozen=True)
class QuotedSpan:
    """The inside of a pair of quote marks."""

    start: int
    end: int


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Inner spans of every quote-mark pair: distinct opening and closing marks pair by search,
    straight double quotes pair within their paragraph (so one stray mark cannot flip every
    quotation after it)."""
    spans: list[QuotedSpan] = []
    for opening, closing in lexicon("speech")["marks"]:
        if opening == closing:
            spans += [s for s in straight_pairs(text, opening) if not overlapping(s, spans)]
            continue
        position = 0
        while (start := text.find(opening, position)) >= 0:
            end = closing_mark(text, closing, start + 1)
            if end < 0:
                break
            if not overlapping(QuotedSpan(start + 1, end), spans):
                spans.append(QuotedSpan(start + 1, end))
            position = end + 1
    return sorted(spans, key=lambda s: s.start)


def closing_mark(text: str, closing: str, position: int) -> int:
    """The next closing mark that is not an apostrophe: "’" between two letters ("don’t",
    "Côte d’Ivoire") is part of a word, not the end of a ‘single-quoted’ quotation."""
    while (end := text.find(closing, position)) >= 0:
        if not (0 < end < len(text) - 1 and text[end - 1].isalpha() and text[end + 1].isalpha()):
            return end
        position = end + 1
    return -1


def overlapping(span: QuotedSpan, spans: list[QuotedSpan]) -> bool:
    return any(s.start - 1 <= span.start < s.end + 1 for s in spans)


def straight_pairs(text: str, mark: str) -> list[QuotedSpan]:
    pairs: list[QuotedSpan] = []
    offset = 0
    for paragraph in text.split("\n"):
        marks = [offset + i for i, c in enumerate(paragraph) if c == mark]
        if len(marks) % 2:
            marks.remove(min(marks, key=lambda m: pairing_fit(text, marks, m)))
        pairs += [QuotedSpan(a + 1, b) for a, b in zip(marks[::2], marks[1::2])]
        offset += len(paragraph) + 1
    return pairs


def pairing_fit(text: str, marks: list[int], dropped: int) -> int:
    """How many marks look like what they become (opening or closing) once `dropped` is left out."""
    kept = [m for m in marks if m != dropped]
    fit = 0
    for index, position in enumerate(kept):
        before = text[position - 1] if position else " "
        after = text[position + 1] if position + 1 < len(text) else " "
        fit += (before.isspace() or before in "([") if index % 2 == 0 else (after.isspace() or after in ".,;:!?)")
    return fit


def is_speech(text: str) -> bool:
    """Speech, as opposed to a quoted name, title or scare quote."""
    return len(text.split()) >= lexicon("speech")["min_words"]


def reads_as_sentence(text: str) -> bool:
    """An unattributed quotation is kept only when it reads as a full utterance of its own."""
    words = text.strip().split()
    return len(words) >= 6 and words[0][:1].isupper() and words[-1][-1:] in ".!?…"


def body_name(noun: Token) -> str:
    """"Algeria's foreign ministry" from its head noun: the noun with the words that name it."""
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod", "poss", "case", "nmod")]
    return " ".join(t.text for t in sorted([*words, noun], key=lambda t: t.i)).replace(" 's", "'s")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n\t":
        start += 1
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return start, end


class SpeakerFinder:
    """Resolves the speaker of each quotation of one document, in reading order."""

    def __init__(self, document: Document, quoted: list[QuotedSpan]):
        self.document = document
        self.quoted = quoted
        self.entities: list[Entity] = document.mentions.get("entities", [])
        self.verbs = word_set("speech", "verbs")
        self.pronouns = word_set("speech", "pronouns")
        self.according = lexicon("speech")["according"]
        self.institutions = word_set("speech", "institutions")
        self.last_speaker: str | None = None

    def inside_quote(self, offset: int) -> bool:
        return any(q.start <= offset < q.end for q in self.quoted)

    def context(self, quote: QuotedSpan) -> list[SpacySpan]:
        """The sentences a quotation sits in, plus a short neighbour that may carry its verb."""
        doc = self.document
        first, last = doc.sentence_at(quote.start), doc.sentence_at(max(quote.start, quote.end - 1))
        sentences = [s for s in doc.sentences if s.start >= first.start and s.end <= last.end]
        following = doc.sentence_at(min(len(doc.text) - 1, last.end_char + 1))
        if (following.start >= last.end and following.start_char - quote.end <= 3
                and "\n" not in doc.text[quote.end:following.start_char]
                and not self.has_speech_verb(sentences)):
            sentences.append(following)
        preceding = doc.sentence_at(max(0, first.start_char - 1))
        if preceding.end <= first.start and preceding.text.rstrip().endswith(":"):
            sentences.insert(0, preceding)
        return sentences

    def has_speech_verb(self, sentences: list[SpacySpan]) -> bool:
        """Whether the quotation's own sentences already carry a speech verb, so a neighbouring
        sentence ("Saudi Arabia welcomed it.") is not needed and would only mislead."""
        return any(t.lemma_.lower() in self.verbs and t.pos_ in ("VERB", "AUX") and not self.inside_quote(t.idx)
                   for s in sentences for t in s)

    def speaker(self, quote: QuotedSpan, previous: tuple[QuotedSpan, str | None] | None) -> str | None:
        sentences = self.context(quote)
        outside = [t for s in sentences for t in s if not self.inside_quote(t.idx)]
        return (self.from_according(outside, quote)
                or self.from_verb(outside, quote)
                or self.from_colon(quote)
                or self.continued(quote, previous, outside))

    def from_verb(self, tokens: list[Token], quote: QuotedSpan) -> str | None:
        verbs = [t for t in tokens if t.lemma_.lower() in self.verbs and t.pos_ in ("VERB", "AUX")]
        verbs.sort(key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        for verb in verbs:
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self.inside_quote(c.idx)]
            if not subjects and verb.idx > quote.end:
                subjects = [c for c in verb.children if c.dep_ in INVERTED_DEPS and c.idx > verb.idx]
            for subject in subjects:
                name = self.name_of(subject, quote)
                if name:
                    return name
        return None

    def from_according(self, tokens: list[Token], quote: QuotedSpan) -> str | None:
        text = self.document.text.lower()
        for token in tokens:
            if any(text.startswith(phrase, token.idx) for phrase in self.according):
                objects = [g for c in token.children for g in (c, *c.children) if g.dep_ == "pobj"]
                for obj in objects:
                    name = self.name_of(obj, quote)
                    if name:
                        return name
        return None

    def from_colon(self, quote: QuotedSpan) -> str | None:
        """`X announced it: "…"`: a quotation after a colon belongs to the first person named in
        the words before the colon."""
        before = self.document.text[max(0, quote.start - 4): quote.start]
        if ":" not in before:
            return None
        sentence = self.document.sentence_at(max(0, quote.start - 4))
        people = [e for e in self.entities if e.label == "PERSON" and sentence.start_char <= e.start < quote.start
                  and not self.inside_quote(e.start)]
        return people[0].canonical if people else None

    def continued(self, quote: QuotedSpan, previous, tokens: list[Token]) -> str | None:
        """A quotation with no verb of its own goes on with the previous speaker, if close."""
        if previous is None or previous[1] is None:
            return None
        if quote.start - previous[0].end > CONTINUATION_GAP:
            return None
        between = [e for e in self.entities if previous[0].end <= e.start < quote.start and e.label == "PERSON"
                   and not self.inside_quote(e.start) and e.canonical != previous[1]]
        return previous[1] if not between else None

    def name_of(self, token: Token, quote: QuotedSpan) -> str | None:
        """The canonical name a subject stands for: a named entity, a person named beside it
        ("the expert John Doe"), a group ("the rebels"), or the person a pronoun or a
        description ("the historian") points back to."""
        entity = self.entity_at(token.idx)
        if entity and (entity.label in SPEAKER_LABELS or token.pos_ == "PROPN"):
            return entity.canonical
        for child in token.children:
            if child.dep_ in ("appos", "compound", "flat"):
                named = [self.entity_at(t.idx) for t in child.subtree]
                people = [e for e in named if e and e.label == "PERSON"]
                if people:
                    return people[0].canonical
        if token.pos_ == "PROPN":
            return self.proper_name(token)
        if token.pos_ == "PRON":
            return self.nearest_person_before(quote.start) if token.lower_ in self.pronouns else None
        if token.pos_ == "NOUN":
            if token.lemma_.lower() in self.institutions:
                return body_name(token)
            return token.lemma_ + "s" if token.tag_ == "NNS" else self.described_person(token, quote)
        return None

    def proper_name(self, token: Token) -> str | None:
        """A name the entity recognizer missed: the proper noun with the name parts joined to it
        (not the whole subtree, which would swallow "in Bahri" from an apposition)."""
        parts = [t for t in (token, *token.children) if t.pos_ == "PROPN" and t.text[:1].isalpha()
                 and (t is token or t.dep_ in ("compound", "flat")) and not self.inside_quote(t.idx)]
        return " ".join(t.text for t in sorted(parts, key=lambda t: t.i)) or None

    def described_person(self, noun: Token, quote: QuotedSpan) -> str | None:
        """"The historian": the person named right after the words ("the spokesperson for the
        ministry, Jane Doe"), else the person last introduced with that word, else the last speaker."""
        text = self.document.text
        sentence_end = noun.sent.end_char
        following = [e for e in self.entities if e.label == "PERSON" and noun.idx < e.start <= noun.idx + 80
                     and e.start < sentence_end and not self.inside_quote(e.start)]
        if following and "," in text[noun.idx:following[0].start]:
            return following[0].canonical
        people = [e for e in self.entities if e.label == "PERSON" and e.end <= quote.start
                  and not self.inside_quote(e.start)]
        for person in reversed(people):
            if noun.lower_ in text[person.end: person.end + 80].lower():
                return person.canonical
        return self.last_speaker or self.nearest_person_before(quote.start)

    def entity_at(self, offset: int) -> Entity | None:
        for entity in self.entities:
            if entity.start <= offset < entity.end:
                return entity
        return None

    def nearest_person_before(self, offset: int) -> str | None:
        people = [e for e in self.entities if e.label == "PERSON" and e.end <= offset and not self.inside_quote(e.start)]
        return people[-1].canonical if people else None


def quote(document: Document, span: QuotedSpan, speaker: str | None) -> Quote:
    start, end = trimmed(document.text, span.start, span.end)
    return Quote(start=start, end=end, text=document.text[start:end], speaker=speaker)


@annotator("quotes", requires=("entities",))
def find_quotes(document: Document) -> list[Quote]:
    quoted = [q for q in quoted_spans(document.text) if is_speech(document.text[q.start:q.end])]
    finder = SpeakerFinder(document, quoted)
    quotes: list[Quote] = []
    previous: tuple[QuotedSpan, str | None] | None = None
    for span in quoted:
        speaker = finder.speaker(span, previous)
        previous = (span, speaker)
        finder.last_speaker = speaker or finder.last_speaker
        if speaker is not None or reads_as_sentence(document.text[span.start:span.end]):
            quotes.append(quote(document, span, speaker))
    return quotes
