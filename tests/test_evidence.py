"""Evidence linking on a fictional truce: reports are built by hand (no parse, no database), so
each test shows which words make a report evidence, and which keep it out."""
from __future__ import annotations

import datetime as dt

from peacewatch.tracking.evidence import evidence_for
from peacewatch.tracking.linking import Report, link_mentions, sentence_spans
from peacewatch.records import Agreement, Provision, ProvisionMention

TRUCE = Agreement(
    id="lakeside-truce", title="Lakeside truce (fictional)", effective="2031-03-01T00:00:00+00:00",
    parties=["Northland", "Southland"],
    provisions=[
        Provision(number="1", category="ceasefire", summary="Northland and Southland stop all hostilities along the lake shore.",
                  obliged=["Northland", "Southland"], places=["Lake Vostok Shore"]),
        Provision(number="2", category="territory", summary="The town of Greyhaven goes back to Southland.",
                  obliged=["Northland"], beneficiaries=["Southland"], places=["Greyhaven"], deadline="2031-03-20"),
        Provision(number="3", category="prisoners", summary="The sides exchange all prisoners of war.",
                  obliged=["Northland", "Southland"]),
    ])


def report(text: str, day: str, kind: str = "sentence", places=(), actors=(), sub_event_type=None,
           published: str | None = None) -> Report:
    when = dt.date.fromisoformat(day)
    return Report(kind=kind, article_id=f"art-{day}-{kind}", outlet="Lake Courier",
                  published=dt.date.fromisoformat(published or day), start=0, end=len(text), text=text,
                  first_day=when, last_day=when, places=tuple(places), actors=tuple(actors),
                  sub_event_type=sub_event_type)


def stances(reports: list[Report], agreement: Agreement = TRUCE) -> list[tuple[str, str, str]]:
    return [(e.provision, e.stance, e.day.isoformat()) for e in evidence_for([agreement], reports)]


def test_a_transfer_of_territory_at_the_provision_place_implements_the_handover():
    handover = report("Northland handed Greyhaven to Southland on Friday.", "2031-03-14", kind="event",
                      places=["Greyhaven"], actors=["Southland", "Northland"],
                      sub_event_type="Non-violent transfer of territory")
    assert ("2", "implemented", "2031-03-14") in stances([handover])


def test_the_same_event_at_another_place_is_no_evidence():
    elsewhere = report("Northland handed Millbrook to Southland.", "2031-03-14", kind="event",
                       places=["Millbrook"], actors=["Southland"], sub_event_type="Non-violent transfer of territory")
    assert stances([elsewhere]) == []


def test_shelling_after_the_effective_day_violates_the_ceasefire_but_not_on_that_day():
    shelling = "Northland artillery shelled villages on the Lake Vostok Shore."
    after = report(shelling, "2031-03-05", kind="event", places=["Lake Vostok Shore"], actors=["Northland"],
                   sub_event_type="Shelling/artillery/missile attack")
    same_day = report(shelling, "2031-03-01", kind="event", places=["Lake Vostok Shore"], actors=["Northland"],
                      sub_event_type="Shelling/artillery/missile attack")
    assert stances([after]) == [("1", "violated", "2031-03-05")]
    assert stances([same_day]) == []


def test_a_sentence_saying_the_handover_is_postponed_is_a_delay():
    delay = report("Southland agreed to postpone the handover of Greyhaven by a week.", "2031-03-18",
                   places=["Greyhaven"], actors=["Southland"])
    assert ("2", "delayed", "2031-03-18") in stances([delay])


def test_a_sentence_restating_the_obligation_is_no_evidence_and_one_denying_it_says_it_is_not_done():
    restated = report("Northland shall hand over Greyhaven to Southland by March 20.", "2031-03-02",
                      places=["Greyhaven"], actors=["Northland", "Southland"])
    denied = report("Northland has not handed over Greyhaven yet.", "2031-03-10", places=["Greyhaven"],
                    actors=["Northland"])
    refused = report("Northland will not hand over Greyhaven, its defence minister said.", "2031-03-11",
                     places=["Greyhaven"], actors=["Northland"])
    assert stances([restated, denied, refused]) == [("2", "unfulfilled", "2031-03-10")]


def test_a_report_that_another_party_acted_is_not_evidence_of_the_obliged_partys_act():
    mediated = TRUCE.model_copy(update={"mediators": ["Westland"]})
    by_mediator = report("Westland exchanged the prisoners it held for both sides on Tuesday.", "2031-04-04",
                         actors=["Westland"])
    by_parties = report("The two sides exchanged the prisoners on Tuesday.", "2031-04-04")
    assert stances([by_mediator], mediated) == []
    assert stances([by_parties], mediated) == [("3", "implemented", "2031-04-04")]


def test_an_exchange_of_prisoners_implements_a_provision_that_names_no_place():
    swap = report("Northland and Southland exchanged prisoners of war at dawn.", "2031-04-02",
                  actors=["Northland", "Southland"])
    assert stances([swap]) == [("3", "implemented", "2031-04-02")]


def test_evidence_cites_the_article_and_sentence():
    swap = report("Northland and Southland exchanged prisoners of war at dawn.", "2031-04-02",
                  actors=["Northland", "Southland"])
    [found] = evidence_for([TRUCE], [swap])
    assert found.citation.source == "art-2031-04-02-sentence"
    assert found.citation.text == swap.text and (found.citation.start, found.citation.end) == (0, len(swap.text))


def test_a_report_counts_for_the_most_recent_agreement_in_effect():
    later = TRUCE.model_copy(update={"id": "second-truce", "effective": "2031-06-01"})
    clash = report("Fighting broke out again on the Lake Vostok Shore.", "2031-06-10", kind="event",
                   places=["Lake Vostok Shore"], actors=["Northland"], sub_event_type="Armed clash")
    assert {(e.agreement, e.stance) for e in evidence_for([TRUCE, later], [clash])} == {("second-truce", "violated")}


def test_stated_provisions_link_to_the_coded_provision_by_category_and_place():
    mention = ProvisionMention(start=0, end=60, text="Northland must return Greyhaven to Southland by March 20.",
                               category="territory", parties=["Northland"], beneficiaries=["Southland"],
                               places=["Greyhaven"], deadline="2031-03-20")
    [link] = link_mentions(TRUCE, [mention])
    assert link.provision == "2" and any("deadline" in r for r in link.reasons)


def test_sentences_are_cut_after_a_full_stop_before_a_capital():
    text = "Troops left at 10 a.m. on Monday. The town was quiet.\n\nA new paragraph"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Troops left at 10 a.m. on Monday.", "The town was quiet.", "A new paragraph"]


def test_an_event_whose_type_says_nothing_of_the_provision_still_says_what_its_words_say():
    road = Agreement(id="pass-road", title="Pass road accord (fictional)", effective="2031-03-01T00:00:00+00:00",
                     parties=["Northland", "Southland"],
                     provisions=[Provision(number="4", category="corridor", obliged=["Northland"],
                                           summary="Northland keeps the Kestrel Pass road open to traffic.",
                                           places=["Kestrel Pass"])])
    protest = report("Northland protesters have blocked the Kestrel Pass road since Monday.", "2031-04-07",
                     kind="event", places=["Kestrel Pass"], actors=["Northland"], sub_event_type="Peaceful protest")
    assert stances([protest], road) == [("4", "violated", "2031-04-07")]
