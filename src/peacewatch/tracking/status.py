"""Status timelines: each provision's implementation over time, every change dated and cited.

Levels follow the Peace Accords Matrix: 0 not started, 1 minimal, 2 intermediate, 3 full. One
article reporting progress makes a provision minimal, progress from two articles intermediate,
a report that it was carried out full.

The status shown never claims more than the evidence. From the strongest to the weakest:
- terminated: a report that the arrangement was ended before its term by a later decision or
  departure (the force withdrawn, the centre closed, the body dissolved); it cites that report
  and nothing changes it afterwards;
- lapsed: its term ended with no renewal; superseded: a later agreement among the same parties
  took over the provision's category and places (both cite the agreement files);
- violated: a breach reported after the agreement took effect, until a later report says it
  holds again;
- missed: its deadline passed and a report says it had not been done by then (a report after
  the deadline that it is still not done, a report that it was put off, or one that it was done
  only after the deadline); it cites that report;
- unreported: its deadline passed and no report says either way. This is a flag for an analyst to
  verify, not a verdict: it cites the agreement, whose deadline is the only fact known;
- otherwise the level's name.
A deadline is due, met, missed, unreported or amended. Deadlines are those of deadlines.py, with
only the amendments agreed by the day asked about: a status as of a day is what was known then.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Iterable, Optional, Sequence

from peacewatch.agreements.deadlines import provision_deadline, start_day
from peacewatch.tracking.linking import actors_match, places_match
from peacewatch.report.citations import cite
from peacewatch.records import (Agreement, Citation, DeadlineState, Evidence, Provision, ProvisionStatus,
                                StatusName)

LEVEL_NAMES: tuple[StatusName, ...] = ("not started", "minimal", "intermediate", "full")
FULL = 3
# Statuses after which nothing the news says changes a provision: it no longer runs.
ENDINGS: frozenset[StatusName] = frozenset({"terminated", "lapsed", "superseded"})


@dataclass(frozen=True)
class State:
    level: int = 0
    violated: bool = False
    ended: Optional[StatusName] = None  # terminated, lapsed or superseded
    deadline: Optional[dt.date] = None
    deadline_state: Optional[DeadlineState] = None
    put_off: Optional[Citation] = None  # a report that the deadline would not be kept
    disputed: bool = False
    progress_sources: frozenset[str] = frozenset()

    @property
    def status(self) -> StatusName:
        if self.ended:
            return self.ended
        if self.violated:
            return "violated"
        if self.deadline_state == "missed" and self.level < FULL:
            return "missed"
        if self.deadline_state == "unreported" and self.level == 0:
            return "unreported"
        return LEVEL_NAMES[self.level]

    def past_deadline(self, day: dt.date) -> bool:
        return self.deadline is not None and day > self.deadline and self.level < FULL


def known_by(provision: Provision, day: dt.date) -> Provision:
    """The provision with only the amendments agreed by `day`."""
    return provision.model_copy(update={"amendments": [a for a in provision.amendments if a.date is None or a.date <= day]})


def document(agreement: Agreement, provision: Provision, text: str, source: Optional[str] = None) -> Citation:
    return Citation(source=source or f"{agreement.id} provision {provision.number}", text=text)


def after_evidence(state: State, item: Evidence) -> State:
    """The state once a piece of evidence is taken into account."""
    if item.stance == "implemented":
        in_time = state.deadline is None or (item.first_day or item.day) <= state.deadline
        return replace(state, level=FULL, violated=False,
                       deadline_state=("met" if in_time else "missed") if state.deadline else None)
    if item.stance == "progress":
        sources = state.progress_sources | {item.citation.source}
        return replace(state, level=max(state.level, min(len(sources), FULL - 1)), progress_sources=sources)
    if item.stance == "violated":
        return replace(state, violated=True)
    if item.stance == "disputed":
        return replace(state, disputed=True)
    if item.stance == "ended":
        return replace(state, ended="terminated")
    if item.stance in ("unfulfilled", "delayed") and state.past_deadline(item.day):
        return replace(state, deadline_state="missed")
    if item.stance == "delayed" and state.deadline and state.level < FULL:
        return replace(state, put_off=item.citation)
    return state  # not done before the deadline: no verdict yet


def superseding(agreement: Agreement, provision: Provision,
                others: Iterable[Agreement]) -> Optional[tuple[dt.date, Agreement]]:
    """The first later agreement among (some of) the same parties with a provision of the same
    category at the same places (or both without places)."""
    begins = start_day(agreement)
    found = []
    for other in others:
        later = start_day(other)
        if other.id == agreement.id or begins is None or later is None or later <= begins:
            continue
        if not actors_match(agreement.parties, other.parties):
            continue
        if any(p.category == provision.category and (places_match(provision.places, p.places)
                                                     or not (p.places or provision.places))
               for p in other.provisions):
            found.append((later, other))
    return min(found, key=lambda f: f[0], default=None)


@dataclass(frozen=True)
class Change:
    """Something that may change a provision's state on a day, with its citation."""

    day: dt.date
    order: int  # on one day: amendments, then evidence, then deadlines, then endings
    citation: Citation
    evidence: Optional[Evidence] = None
    apply: str = "evidence"  # evidence, amended, deadline, lapsed, superseded


def changes(agreement: Agreement, provision: Provision, evidence: Sequence[Evidence], as_of: dt.date,
            others: Sequence[Agreement]) -> list[Change]:
    known = known_by(provision, as_of)
    found = [Change(e.day, 1, e.citation, e) for e in evidence]
    found += [Change(a.date, 0, document(agreement, provision, f"deadline amended to {a.deadline}"
                                         + (f": {a.note}" if a.note else ""), a.source), apply="amended")
              for a in known.amendments if a.date and a.deadline]
    deadline = provision_deadline(agreement, known, as_of)
    if deadline.ruling:
        found.append(Change(deadline.ruling + dt.timedelta(days=1), 2, document(
            agreement, provision, f"deadline {deadline.ruling} passed; no report says whether it was done"),
            apply="deadline"))
    term = deadline.term
    if term and (provision.renewal is None or not provision.renewal.automatic):
        found.append(Change(term.end, 3, document(agreement, provision, f"term ended {term.end}, not renewed"),
                            apply="lapsed"))
    successor = superseding(agreement, provision, others)
    if successor:
        found.append(Change(successor[0], 3, document(agreement, provision, f"superseded by {successor[1].title}",
                                                      successor[1].id), apply="superseded"))
    return sorted((c for c in found if c.day <= as_of), key=lambda c: (c.day, c.order))


def after_change(state: State, change: Change, agreement: Agreement, provision: Provision,
                 as_of: dt.date) -> tuple[State, Citation]:
    """The state after a change, and what the change cites (a passed deadline that a report had
    said would not be kept cites that report)."""
    if change.evidence:
        return after_evidence(state, change.evidence), change.citation
    if change.apply == "amended":
        ruling = provision_deadline(agreement, known_by(provision, change.day), as_of).ruling
        return replace(state, deadline=ruling, put_off=None,
                       deadline_state="amended" if state.level < FULL else state.deadline_state), change.citation
    if change.apply == "deadline":
        if not state.past_deadline(change.day) or state.deadline_state == "missed":
            return state, change.citation
        if state.put_off:
            return replace(state, deadline_state="missed"), state.put_off
        return replace(state, deadline_state="unreported"), change.citation
    return replace(state, ended=change.apply), change.citation  # lapsed, superseded


def provision_timeline(agreement: Agreement, provision: Provision, evidence: Sequence[Evidence],
                       as_of: dt.date, others: Sequence[Agreement] = ()) -> list[ProvisionStatus]:
    """The provision's states up to `as_of`, one row per change, from the agreement's start."""
    begins = start_day(agreement) or as_of
    ruling = provision_deadline(agreement, known_by(provision, begins), as_of).ruling
    state = State(deadline=ruling, deadline_state="due" if ruling else None)
    rows = [_row(agreement, provision, begins, state, document(agreement, provision, "agreement takes effect"), None)]
    for change in changes(agreement, provision, evidence, as_of, others):
        if state.ended:
            break
        new, citation = after_change(state, change, agreement, provision, as_of)
        if _shown(new) != _shown(state):
            rows.append(_row(agreement, provision, change.day, new, citation,
                             change.evidence.stance if change.evidence else None))
        state = new
    return rows


def _shown(state: State) -> tuple:
    return state.status, state.level, state.deadline, state.deadline_state, state.disputed


def _row(agreement: Agreement, provision: Provision, day: dt.date, state: State, citation: Citation,
         stance: Optional[str]) -> ProvisionStatus:
    return ProvisionStatus(agreement=agreement.id, provision=provision.number, day=day, status=state.status,
                           level=state.level, deadline=state.deadline, deadline_state=state.deadline_state,
                           disputed=state.disputed, stance=stance, citation=citation)


def known_evidence(evidence: Iterable[Evidence], as_of: dt.date) -> list[Evidence]:
    """Evidence that had happened and been published by `as_of`."""
    return [e for e in evidence if e.day <= as_of and (e.citation.published is None or e.citation.published <= as_of)]


def agreement_timelines(agreement: Agreement, evidence: Iterable[Evidence], as_of: dt.date,
                        others: Sequence[Agreement] = ()) -> dict[str, list[ProvisionStatus]]:
    """Each provision's timeline (by number) from the evidence known by `as_of`."""
    known = known_evidence((e for e in evidence if e.agreement == agreement.id), as_of)
    return {p.number: provision_timeline(agreement, p, [e for e in known if e.provision == p.number], as_of, others)
            for p in agreement.provisions}


def last_evidence(evidence: Iterable[Evidence], agreement: Agreement, provision: Provision,
                  as_of: dt.date) -> Optional[Evidence]:
    """The latest known evidence about a provision (the best-scored of its day)."""
    own = [e for e in known_evidence(evidence, as_of) if e.agreement == agreement.id and e.provision == provision.number]
    return max(own, key=lambda e: (e.day, e.score), default=None)


def status_table(agreement: Agreement, evidence: Sequence[Evidence], as_of: dt.date,
                 others: Sequence[Agreement] = ()) -> list[dict]:
    """One row per provision as of a day: its category, deadline, status, the citation of the
    change that made it so, and the last evidence."""
    timelines = agreement_timelines(agreement, evidence, as_of, others)
    rows = []
    for provision in agreement.provisions:
        current = timelines[provision.number][-1]
        latest = last_evidence(evidence, agreement, provision, as_of)
        rows.append({"provision": provision.number, "category": provision.category,
                     "deadline": _deadline_words(current, known_by(provision, as_of)),
                     "status": current.status + (" (disputed)" if current.disputed else ""),
                     "since": current.day.isoformat(), "because": current.citation.text,
                     "because cited": cite(current.citation),
                     "last evidence": _evidence_words(latest), "cited": cite(latest.citation) if latest else ""})
    return rows


def _deadline_words(row: ProvisionStatus, provision: Provision) -> str:
    if not row.deadline:
        return ""
    amended = f" (amended from {provision.deadline})" if provision.amendments and provision.deadline else ""
    return f"{row.deadline} {row.deadline_state}{amended}"


def _evidence_words(item: Optional[Evidence]) -> str:
    if item is None:
        return ""
    return f"{item.stance} {item.day}: {item.citation.text}"
