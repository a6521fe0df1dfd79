"""The `times` stage: temporal expressions with TIMEX3 values resolved against the publication date.

The surface grammar (times_grammar) finds the expressions and the calendar (times_values)
resolves them; this module brings what only the parse knows: whether a four-digit number is a
year or a count ("2000 soldiers"), whether a sentence looks ahead ("talks will be held on
Thursday"), and which day a paragraph is talking about ("the day before").
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from peacewatch.nlp.numbers_units import counted_unit
from peacewatch.nlp.times_grammar import REFERENCE_KIND, Candidate, choose, join, scan
from peacewatch.nlp.times_values import DAY, Reference, value_and_type
from peacewatch.pipeline import Document, annotator
from peacewatch.records import TimeMention
from peacewatch.settings import SETTINGS

# Words before a number that make it an identifier, not a year: "Resolution 2254".
DESIGNATORS = {"resolution", "no", "no.", "number", "article", "flight", "route", "paragraph", "section",
               "chapter", "item", "vision", "agenda", "code"}
# Grammar of looking ahead: modal auxiliaries, and verbs that put a time on a plan.
FUTURE_AUXILIARIES = {"will", "shall", "must", "'ll", "wo", "going"}
SCHEDULING_VERBS = {"schedule", "plan", "expect", "due", "set", "slate", "postpone", "delay", "reschedule"}
ANNOUNCING_VERBS = {"agree", "announce", "call", "propose", "invite", "arrange", "confirm"}
SINCE = {"since"}
# Prepositions that, with a present-tense verb, announce a start or a limit ahead ("truce from
# Sunday", "must leave by Friday").
AHEAD_PREPOSITIONS = {"from", "starting", "by", "until", "till", "before"}
GOVERNOR_REACH = 12
CLAUSE_ENDS = {".", "!", "?", ";"}
# Kinds whose value depends on which way the sentence looks: "Monday", "March 3", "in May",
# "the weekend", "the fourth quarter".
ORIENTED_KINDS = {"weekday", "date", "month", "weekend", "part_of_year"}
PLANNED_EVENTS = {"talk", "talks", "negotiation", "meeting", "summit", "discussion", "consultation", "vote",
                  "election", "session", "conference", "visit", "referendum", "hearing", "round"}


def is_year(candidate: Candidate, document: Document) -> bool:
    """A bare four-digit number is a year unless it counts something or names a document."""
    span = document.parse.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return True
    token = span[-1]
    if token.i > 0 and document.parse[token.i - 1].lower_ in DESIGNATORS:
        return False
    return counted_unit(document.parse, token.i + 1) is None


def _governor(token: Token) -> Token | None:
    """The verb (or predicative adjective like "due") the time expression hangs from; when the
    parse leaves the expression without one, the nearest verb before it in the same clause."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.lemma_.lower() in SCHEDULING_VERBS:
            return node
    for before in reversed(token.doc[max(0, token.i - GOVERNOR_REACH):token.i]):
        if before.text in CLAUSE_ENDS:
            break
        if before.pos_ in ("VERB", "AUX"):
            return before
    return None


def looks_ahead(token: Token, infinitive: bool = True) -> bool:
    """Whether the clause around a time expression speaks of what is still to come. An infinitive
    ("agreed to meet on Thursday") counts only when asked: it looks ahead from a weekday, but
    "agreed to sell in October" is as often the past agreement's date."""
    governor = _governor(token)
    if governor is None:
        return False
    if governor.lemma_.lower() in SCHEDULING_VERBS and not any(c.dep_ == "prt" for c in governor.children):
        return True  # "set for Sunday" schedules; "set up a checkpoint on Sunday" reports
    if any(c.lower_ in FUTURE_AUXILIARIES or (infinitive and c.dep_ == "aux" and c.lower_ == "to")
           for c in governor.children):
        return True
    if governor.tag_ in ("VBZ", "VBP") and token.i > 0 and token.doc[token.i - 1].lower_ in AHEAD_PREPOSITIONS:
        return True
    if governor.lemma_.lower() in ANNOUNCING_VERBS:
        lo, hi = sorted((governor.i, token.i))
        return any(t.lemma_.lower() in PLANNED_EVENTS for t in token.doc[lo:hi])
    return False


def tense_of(token: Token, infinitive: bool = True) -> str | None:
    """"future" if the clause looks ahead, "past" if it reports what happened ("since", a past
    verb), None if it does not say."""
    if looks_ahead(token, infinitive):
        return "future"
    if token.i > 0 and token.doc[token.i - 1].lower_ in SINCE:
        return "past"
    governor = _governor(token)
    return "past" if governor is not None and governor.tag_ in ("VBD", "VBN") else None


def oriented_part(candidate: Candidate) -> Candidate | None:
    """The part of an expression whose value depends on the tense: itself ("Friday"), or the day
    of a clock time ("18:00 on Friday"), unless a year fixes it."""
    part = candidate.fields.get("day") if candidate.kind == "clock" else candidate
    if part is None or part.kind not in ORIENTED_KINDS or part.fields.get("year"):
        return None
    return part


class Discourse:
    """The last day-precise date the text named, as it goes along: the day a clock time in the
    same sentence, or "the day before" in the same paragraph, counts from."""

    def __init__(self, document: Document):
        self.document = document
        self.last_day: tuple[int, dt.date] | None = None

    def reference(self, candidate: Candidate) -> Reference:
        anchor = None
        if self.last_day is not None:
            end, day = self.last_day
            same_sentence = end >= self.document.sentence_at(candidate.start).start_char
            same_paragraph = "\n" not in self.document.text[end:candidate.start]
            if (candidate.kind == "clock" and same_sentence) or (candidate.kind == "anchored" and same_paragraph):
                anchor = day
        oriented = oriented_part(candidate)
        tense = self._tense(oriented) if oriented else None
        return Reference(self.document.article.published, anchor, tense)

    def _tense(self, candidate: Candidate) -> str | None:
        """The tense around a candidate; none inside brackets, where a date cites a source
        ("(Reuters, November 10)") rather than dating the clause around it."""
        before = self.document.text[self.document.sentence_at(candidate.start).start_char:candidate.start]
        if before.count("(") > before.count(")"):
            return None
        span = self.document.parse.char_span(candidate.start, candidate.end, alignment_mode="expand")
        return tense_of(span[0], infinitive=candidate.kind == "weekday") if span is not None else None

    def note(self, candidate: Candidate, value: str) -> None:
        """Remember a day-precise date as what the following relative expressions count from."""
        if DAY.match(value) and candidate.kind != "clock":
            self.last_day = (candidate.end, dt.date.fromisoformat(value[:10]))


@annotator("times")
def find_times(document: Document) -> list[TimeMention]:
    text = document.text
    candidates = [c for c in scan(text) if (c.kind != "year" or is_year(c, document))
                  and (c.kind != REFERENCE_KIND or SETTINGS.timeml_references)]
    discourse = Discourse(document)
    found: list[TimeMention] = []
    for candidate in join(choose(candidates), text):
        resolved = value_and_type(candidate, discourse.reference(candidate))
        if resolved is None:
            continue
        value, kind = resolved
        discourse.note(candidate, value)
        found.append(TimeMention(start=candidate.start, end=candidate.end,
                                 text=text[candidate.start:candidate.end], value=value, type=kind))
    return found
