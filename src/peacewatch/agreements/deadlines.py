"""When each provision of an agreement falls due, and where a renewable term stands on a day.

A deadline is an ISO date or a duration counted from the agreement's effective day (from its
signing when the file gives no effective time). A later amendment that sets a new deadline rules;
the original stays beside it so both can be cited. A provision with a duration and a renewal rule
runs in terms: the current term is the one not yet ended on the day asked about, and notice
against renewal is due `notice` before that term ends. Renewal is assumed to have happened
whenever it is automatic, since agreement files do not record notices.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional

from peacewatch.agreements.durations import Duration, add, moment_date, parse_date, parse_duration
from peacewatch.records import Agreement, Amendment, Provision


@dataclass(frozen=True)
class Term:
    """The term of a provision in force on a day; `number` 1 is the initial term."""

    number: int
    start: dt.date
    end: dt.date
    notice_by: Optional[dt.date]


@dataclass(frozen=True)
class ProvisionDeadline:
    """What is due under one provision: the deadline as written, as amended, the date that rules,
    the citations for each, and the term in force (for provisions that run for a time)."""

    agreement: str
    provision: str
    category: str
    summary: str
    original: Optional[str]
    amended: Optional[str]
    ruling: Optional[dt.date]
    cited: list[str]
    term: Optional[Term]

    def next_date(self, as_of: dt.date) -> Optional[dt.date]:
        """The first date on or after `as_of` that matters: the deadline, a notice or a term end."""
        dates = [self.ruling] + ([self.term.notice_by, self.term.end] if self.term else [])
        upcoming = [d for d in dates if d is not None and d >= as_of]
        return min(upcoming, default=None)


def start_day(agreement: Agreement) -> Optional[dt.date]:
    """The day relative deadlines and terms count from."""
    moment = agreement.effective or agreement.signed
    return moment_date(moment) if moment else None


def resolve(value: str, start: Optional[dt.date]) -> Optional[dt.date]:
    """An ISO date as it is; a duration counted from `start` (None when there is no start)."""
    duration = parse_duration(value)
    if duration is None:
        return parse_date(value)
    return add(start, duration) if start else None


def ruling_amendment(provision: Provision) -> Optional[Amendment]:
    """The last amendment that sets a deadline (files list amendments in the order agreed)."""
    return next((a for a in reversed(provision.amendments) if a.deadline), None)


def citation(amendment: Amendment) -> str:
    return f"{amendment.source} ({amendment.date})" if amendment.date else amendment.source


def current_term(start: dt.date, first: Duration, renewal_term: Optional[Duration], notice: Optional[Duration],
                 as_of: dt.date) -> Term:
    """The term not yet ended on `as_of` (the last one when terms do not renew)."""
    number, term_start, end = 1, start, add(start, first)
    while renewal_term is not None and end <= as_of:
        number, term_start, end = number + 1, end, add(end, renewal_term)
    return Term(number, term_start, end, add(end, notice, sign=-1) if notice else None)


def provision_term(provision: Provision, start: Optional[dt.date], as_of: dt.date) -> Optional[Term]:
    first = parse_duration(provision.duration) if provision.duration else None
    if first is None or start is None:
        return None
    renewal = provision.renewal
    renews = renewal is not None and renewal.automatic
    return current_term(start, first,
                        parse_duration(renewal.term) if renews else None,
                        parse_duration(renewal.notice) if renewal and renewal.notice else None,
                        as_of)


def provision_deadline(agreement: Agreement, provision: Provision, as_of: dt.date) -> ProvisionDeadline:
    start = start_day(agreement)
    amendment = ruling_amendment(provision)
    ruling = amendment.deadline if amendment else provision.deadline
    cited = [f"{agreement.id} (original)"] if provision.deadline or provision.duration else []
    cited += [citation(amendment)] if amendment else []
    return ProvisionDeadline(
        agreement=agreement.id, provision=provision.number, category=provision.category, summary=provision.summary,
        original=provision.deadline, amended=amendment.deadline if amendment else None,
        ruling=resolve(ruling, start) if ruling else None, cited=cited,
        term=provision_term(provision, start, as_of))


def agreement_deadlines(agreement: Agreement, as_of: dt.date) -> list[ProvisionDeadline]:
    """Every provision that is due at some date or runs for a term, in the agreement's order."""
    found = (provision_deadline(agreement, p, as_of) for p in agreement.provisions)
    return [d for d in found if d.ruling or d.term]


def days_from(due: dt.date, as_of: dt.date) -> str:
    """`in 12 days`, `today`, `1 day ago`."""
    days = (due - as_of).days
    count = f"{abs(days)} {'day' if abs(days) == 1 else 'days'}"
    return "today" if days == 0 else (f"in {count}" if days > 0 else f"{count} ago")


def due_state(due: dt.date, as_of: dt.date) -> str:
    """How a date stands on `as_of`: due in 12 days, due today, passed 3 days ago."""
    return f"{'due' if due >= as_of else 'passed'} {days_from(due, as_of)}"


def state(deadline: ProvisionDeadline, as_of: dt.date) -> str:
    """The deadline's state, or for a provision that only runs for a time, its notice or term end."""
    term = deadline.term
    if deadline.ruling or term is None:
        return due_state(deadline.ruling, as_of) if deadline.ruling else ""
    if term.notice_by and term.notice_by >= as_of:
        return f"notice {due_state(term.notice_by, as_of)}"
    return f"term {term.number} {'ends' if term.end >= as_of else 'ended'} {days_from(term.end, as_of)}"


def deadline_rows(agreements: Iterable[Agreement], as_of: dt.date, within: Optional[Duration] = None) -> list[dict]:
    """One row per dated provision for listing; with `within`, only those with a date that
    matters (deadline, notice, term end) between `as_of` and `within` later."""
    horizon = add(as_of, within) if within else None
    rows = []
    for agreement in agreements:
        for deadline in agreement_deadlines(agreement, as_of):
            upcoming = deadline.next_date(as_of)
            if horizon and (upcoming is None or upcoming > horizon):
                continue
            rows.append({
                "agreement": deadline.agreement, "provision": deadline.provision, "category": deadline.category,
                "original": deadline.original, "amended": deadline.amended, "ruling": deadline.ruling,
                "state": state(deadline, as_of),
                "term_end": deadline.term.end if deadline.term else None,
                "notice_by": deadline.term.notice_by if deadline.term else None,
                "cited": "; ".join(deadline.cited), "summary": deadline.summary})
    return rows
