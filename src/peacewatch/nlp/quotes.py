"""Direct quotations and who said them.

A quotation is text between quote marks (nlp/quote_marks.py) that reads as speech: long enough
not to be a name or a scare quote, not shouted in capitals, not the title of a work or the words
on a banner, not the wording of an agreement. Its speaker is the subject of a speech verb that
governs it ("…," said X / X insists: "…" / X issued a statement saying "…" / X was quoted as
saying "…"), the object of "according to", a name before a colon, or — when the words around it
say nothing — the speaker of the quotation it continues. Pronouns and descriptions ("she", "the
ministry", "the statement") are resolved by the article's coreference (nlp/speakers.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.quote_marks import QuotedSpan, quoted_spans
from peacewatch.nlp.speakers import SUBJECT_DEPS, Coreference
from peacewatch.pipeline import Document, annotator
from peacewatch.records import Entity, Quote

# After a quotation the speaker may follow its verb ("…», a déclaré le ministre"), which some
# parsers label as the verb's object.
INVERTED_DEPS = {"obj", "dobj"}
# A speech verb with no subject of its own takes its clause's: "…and declared", "…, saying".
BORROWED_SUBJECT_DEPS = {"conj", "xcomp", "advcl", "pcomp", "ccomp"}
CONTINUATION_GAP = 400  # characters between two quotations that may still be one speaker's
GOVERNED_REACH = 2  # steps up from a speech verb to a quotation that governs it ("…", he said)
SHOUTED_SHARE = 0.8  # share of capital letters above which a quotation is a shouted post or slogan
DRAFTING = re.compile(r"\b(?:shall|hereby|the (?:parties|sides)|article \d+)\b", re.I)
NAME_CUE = re.compile(r"([\w’'-]+)[ ,:]*$")  # the word right before an opening mark
__all__ = ["quoted_spans", "find_quotes"]


@dataclass(frozen=True)
class Attribution:
    """Who a quotation is attributed to: `speaker` None for an unnamed source; `document` for
    the wording of a text (an agreement, a law), which is nobody's speech."""

    speaker: str | None
    document: bool = False


def is_speech(text: str) -> bool:
    """Speech, as opposed to a quoted name, title or scare quote."""
    return len(text.split()) >= lexicon("speech")["min_words"]


def is_shouted(text: str) -> bool:
    """An all-capitals post or chant ("NO MORE WAR IN OUR LAND"), not a quotation of speech."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)


def reads_as_sentence(text: str) -> bool:
    """An unattributed quotation is kept only when it reads as a full utterance of its own."""
    words = text.strip().split()
    return len(words) >= 6 and words[0][:1].isupper() and words[-1][-1:] in ".!?…"


def is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


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
        self.according = lexicon("speech")["according"]
        self.documents = word_set("speech", "documents")
        self.name_cues = word_set("speech", "name_cues")
        self.coreference = Coreference(document, self.inside_quote)

    def inside_quote(self, offset: int) -> bool:
        return any(q.start <= offset < q.end for q in self.quoted)

    def is_speech_verb(self, token: Token) -> bool:
        """A speech verb of the narration: not inside a quotation, and not an infinitive ("set up a
        centre to observe the truce"), which tells what someone means to do, not what they said."""
        return (token.lemma_.lower() in self.verbs and token.pos_ in ("VERB", "AUX") and not self.inside_quote(token.idx)
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))

    # --- what is not a quotation of speech ------------------------------------------------

    def names_something(self, quote: QuotedSpan) -> bool:
        """A title, slogan or banner: named by the word before it ("the book “…”", "an email
        titled “…”"), or capitalised like a title in a sentence that is not."""
        cue = NAME_CUE.search(self.document.text[max(0, quote.start - 30): quote.start - 1])
        if cue and cue.group(1).lower() in self.name_cues:
            return True
        text = self.document.text[quote.start:quote.end]
        sentence = self.document.sentence_at(quote.start)
        outside = self.document.text[sentence.start_char:quote.start - 1] + self.document.text[quote.end + 1:sentence.end_char]
        return is_title_case(text) and not text.rstrip()[-1:] in ".!?," and not is_title_case(outside)

    def is_drafting(self, quote: QuotedSpan, tokens: list[Token]) -> bool:
        """Agreement wording ("the parties shall…") quoted beside a text that it comes from."""
        return bool(DRAFTING.search(self.document.text[quote.start:quote.end])) and any(
            t.pos_ == "NOUN" and t.lemma_.lower() in self.documents for t in tokens)

    # --- where the speaker is said --------------------------------------------------------

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
        return any(self.is_speech_verb(t) for s in sentences for t in s)

    def attribution(self, quote: QuotedSpan, previous: tuple[QuotedSpan, Attribution | None] | None) -> Attribution | None:
        sentences = self.context(quote)
        outside = [t for s in sentences for t in s if not self.inside_quote(t.idx)]
        if self.names_something(quote) or self.is_drafting(quote, outside):
            return Attribution(None, document=True)
        return (self.from_according(outside, quote)
                or self.from_verb(outside, quote)
                or self.from_colon(quote)
                or self.continued(quote, previous))

    def governs(self, verb: Token, quote: QuotedSpan) -> bool:
        """Whether a speech verb introduces this quotation: the verb dominates it, or hangs right
        below it (a parser's "“…,” he said"), or stands in a sentence of its own beside it ("X
        said:" / "…" That is how X put it)."""
        span = self.document.parse.char_span(quote.start, quote.end, alignment_mode="contract")
        inside = list(span) if span is not None else []
        if not inside or verb.sent != inside[0].sent and verb.sent != inside[-1].sent:
            return True
        heads = [t for t in inside if not quote.start <= t.head.idx < quote.end or t.head == t]
        return any(verb in head.ancestors or head in list(verb.ancestors)[:GOVERNED_REACH] for head in heads)

    def from_verb(self, tokens: list[Token], quote: QuotedSpan) -> Attribution | None:
        verbs = [t for t in tokens if self.is_speech_verb(t) and self.governs(t, quote)]
        verbs.sort(key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        for verb in verbs:
            for subject in self.speaker_words(verb, quote):
                found = self.attribution_of(subject)
                if found:
                    return found
        return None

    def speaker_words(self, verb: Token, quote: QuotedSpan, climbed: int = 0) -> list[Token]:
        """The words naming who speaks through a verb: its subject; the person quoted in "X
        quoted Y as saying"; after a quotation, an inverted subject; else, for "…and declared",
        "…, saying", "a statement saying", "who said", the subject of the clause it hangs from."""
        children = [c for c in verb.children if not self.inside_quote(c.idx)]
        subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
        if verb.lemma_.lower() == "quote":
            quoted_person = [c for c in children if c.dep_ in INVERTED_DEPS]
            if quoted_person:
                return quoted_person
        if subjects:
            return subjects
        if verb.idx > quote.end:
            inverted = [c for c in children if c.dep_ in INVERTED_DEPS and c.idx > verb.idx]
            if inverted:
                return inverted
        head = verb.head
        if head == verb or climbed >= 3 or self.inside_quote(head.idx):
            return []
        if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [head]
        if verb.dep_ in BORROWED_SUBJECT_DEPS or head.pos_ == "ADP":
            return self.speaker_words(head if head.pos_ != "ADP" else head.head, quote, climbed + 1)
        return []

    def attribution_of(self, token: Token) -> Attribution | None:
        """Who a subject word stands for: a document (nobody), a referent of the article's
        coreference (a name, or None for an unnamed source), or a proper noun the recognizer missed."""
        if token.pos_ == "NOUN" and token.lemma_.lower() in self.documents and not self.names_author(token):
            return Attribution(None, document=True)
        referent = self.coreference.speaker_at(token)
        if referent is not None:
            return Attribution(referent.name)
        if token.pos_ == "PROPN":
            name = self.proper_name(token)
            return Attribution(name) if name else None
        return None

    def names_author(self, noun: Token) -> bool:
        """"the text of her speech", "Macron's plan": a document word that names whose it is."""
        return any(c.dep_ == "poss" for c in noun.children)

    def from_according(self, tokens: list[Token], quote: QuotedSpan) -> Attribution | None:
        text = self.document.text.lower()
        for token in tokens:
            if any(text.startswith(phrase, token.idx) for phrase in self.according):
                objects = [g for c in token.children for g in (c, *c.children) if g.dep_ == "pobj"]
                for obj in objects:
                    found = self.attribution_of(obj)
                    if found:
                        return found
        return None

    def from_colon(self, quote: QuotedSpan) -> Attribution | None:
        """`X announced it: "…"`: a quotation after a colon belongs to the first person named in
        the words before the colon; a colon after no one ("Gaza: “…”", a heading) names no speaker,
        and the quotation does not go on with an earlier one."""
        before = self.document.text[max(0, quote.start - 4): quote.start]
        if ":" not in before:
            return None
        sentence = self.document.sentence_at(max(0, quote.start - 4))
        people = [e for e in self.entities if e.label == "PERSON" and sentence.start_char <= e.start < quote.start
                  and not self.inside_quote(e.start)]
        return Attribution(people[0].canonical if people else None)

    def continued(self, quote: QuotedSpan, previous) -> Attribution | None:
        """A quotation with no verb of its own goes on with the previous speaker, if close and no
        one else has become the subject of a sentence since the previous quotation's own."""
        if previous is None or previous[1] is None or previous[1].speaker is None:
            return None
        earlier, attribution = previous
        if quote.start - earlier.end > CONTINUATION_GAP:
            return None
        since = self.document.sentence_at(max(earlier.start, earlier.end - 1)).end_char
        others = [r for r in self.coreference.referents if since <= r.offset < quote.start and r.subject
                  and r.name != attribution.speaker and not self.inside_quote(r.offset)]
        return attribution if not others else None

    def proper_name(self, token: Token) -> str | None:
        """A name the entity recognizer missed: the proper noun with the name parts joined to it
        (not the whole subtree, which would swallow "in Bahri" from an apposition)."""
        parts = [t for t in (token, *token.children) if t.pos_ == "PROPN" and t.text[:1].isalpha()
                 and (t is token or t.dep_ in ("compound", "flat")) and not self.inside_quote(t.idx)]
        return " ".join(t.text for t in sorted(parts, key=lambda t: t.i)) or None


def quote(document: Document, span: QuotedSpan, speaker: str | None) -> Quote:
    start, end = trimmed(document.text, span.start, span.end)
    return Quote(start=start, end=end, text=document.text[start:end], speaker=speaker)


def runs_into(text: str, span: QuotedSpan, following: QuotedSpan) -> bool:
    """A quotation left open at its paragraph's end that the next paragraph's quotation continues."""
    return span.runs_on and not text[span.end:following.start - 1].strip()


def attributions(document: Document, quoted: list[QuotedSpan]) -> list[Attribution | None]:
    """Each quotation's attribution in reading order; a quotation that runs on into the next
    paragraph's takes that one's speaker when it has none of its own."""
    finder = SpeakerFinder(document, quoted)
    found: list[Attribution | None] = []
    previous = None
    for span in quoted:
        attribution = finder.attribution(span, previous)
        found.append(attribution)
        previous = (span, attribution) if attribution is None or not attribution.document else None
    for index in range(len(quoted) - 2, -1, -1):
        if found[index] is None and runs_into(document.text, quoted[index], quoted[index + 1]):
            found[index] = found[index + 1]
    return found


@annotator("quotes", requires=("entities",))
def find_quotes(document: Document) -> list[Quote]:
    text = document.text
    quoted = [q for q in quoted_spans(text) if is_speech(text[q.start:q.end]) and not is_shouted(text[q.start:q.end])]
    quotes: list[Quote] = []
    for span, attribution in zip(quoted, attributions(document, quoted)):
        if attribution is not None and attribution.document:
            continue
        speaker = attribution.speaker if attribution else None
        if speaker is not None or reads_as_sentence(text[span.start:span.end]):
            quotes.append(quote(document, span, speaker))
    return quotes
