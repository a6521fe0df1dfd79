"""The situation report in Markdown and HTML: every line cited, news text escaped."""
from __future__ import annotations

import datetime as dt
import re

from peacewatch.records import Agreement, Citation, Evidence, Provision
from peacewatch.report.html import html
from peacewatch.report.markdown import markdown
from peacewatch.report.situation import situation_report

DAY = dt.date(2031, 3, 14)
PACT = Agreement(id="harbour-pact", title="Harbour pact", effective="2031-03-01", parties=["Bluecoast", "Greenhill"],
                 provisions=[Provision(number="1", category="territory", summary="The docks go to Greenhill.",
                                       beneficiaries=["Greenhill"], places=["Docks"], deadline="2031-03-14"),
                             Provision(number="2", category="corridor", summary="The coast road reopens.",
                                       deadline="2031-04-01"),
                             Provision(number="3", category="prisoners", summary="Detainees are released.",
                                       deadline="2031-03-10")])
EVENTS = [{"sub_event_type": "Armed clash", "location": "Saltmarsh", "actor1": "Bluecoast <militia>", "actor2": None,
           "fatalities": 2, "sources": [{"article_id": "art-7", "outlet": "Coast & Hill News", "published": "2031-03-14"}]}]
EVIDENCE = [Evidence(agreement="harbour-pact", provision="1", stance="implemented", day=DAY, kind="event", reason="t",
                     score=2.0, citation=Citation(source="art-8", outlet="Coast Post", published=DAY, start=0, end=9,
                                                  text="Greenhill took over the docks."))]
DISPUTES = [{"dispute": 1, "subject": "Saltmarsh", "measure": "killed", "text": "two", "attribution": "Bluecoast",
             "article_id": "art-7", "outlet": None, "published": "2031-03-14"},
            {"dispute": 1, "subject": "Saltmarsh", "measure": "killed", "text": "nine", "attribution": None,
             "article_id": "art-9", "outlet": None, "published": "2031-03-13"}]
CITATION = re.compile(r"\[[^\]]+\]$")


def report():
    return situation_report(DAY, EVENTS, [PACT], EVIDENCE, DISPUTES)


def test_every_markdown_line_carries_a_citation():
    bullets = [line for line in markdown(report()).splitlines() if line.startswith("- ")]
    assert len(bullets) == 6  # event, status change, road due, missed release, two disputed figures
    assert all(CITATION.search(line) for line in bullets)


def test_the_report_has_the_days_status_change_and_its_deadlines():
    text = markdown(report())
    assert "harbour-pact 1: full — Greenhill took over the docks. [art-8/Coast Post, 2031-03-14]" in text
    assert "due 2031-04-01" in text and "was due 2031-03-10" in text


def test_html_escapes_news_text_and_carries_every_citation():
    page = html(report())
    assert "&lt;militia&gt;" in page and "<militia>" not in page and "Coast &amp; Hill News" in page
    items = re.findall(r"<li>(.*?)</li>", page)
    assert len(items) == 6 and all(re.search(r"<cite>\[[^<]+\]</cite>$", item) for item in items)
    assert "<script" not in page


def test_an_empty_section_says_so_without_an_uncited_bullet():
    text = markdown(situation_report(DAY, [], [], [], []))
    assert "_Nothing reported._" in text and not [l for l in text.splitlines() if l.startswith("- ")]


def test_one_happening_reported_by_two_outlets_is_one_line_citing_both():
    merged = [{"sub_event_type": "Agreement", "location": "Saltmarsh", "actor1": "Bluecoast", "actor2": "Greenhill",
               "fatalities": None, "sources": [
                   {"article_id": "art-7", "outlet": "Coast & Hill News", "published": "2031-03-14"},
                   {"article_id": "art-12", "outlet": "La Gazette", "published": "2031-03-15"}]}]
    lines = situation_report(DAY, merged, [], [], []).sections[0].lines
    assert [(line.text, line.citation) for line in lines] == [
        ("Agreement at Saltmarsh (Bluecoast, Greenhill)",
         "[art-7/Coast & Hill News, 2031-03-14; art-12/La Gazette, 2031-03-15]")]


def test_a_news_agency_or_an_outlet_is_never_shown_as_an_event_actor():
    merged = [{"sub_event_type": "Armed clash", "location": "Saltmarsh", "actor1": "AFP", "actor2": "Bluecoast",
               "sources": [{"article_id": "art-7", "outlet": "Coast Post", "published": "2031-03-14"}]},
              {"sub_event_type": "Arrests", "location": "Docks", "actor1": "Coast Post", "actor2": None,
               "sources": [{"article_id": "art-7", "outlet": "Coast Post", "published": "2031-03-14"}]}]
    assert [line.text for line in situation_report(DAY, merged, [], [], []).sections[0].lines] == [
        "Armed clash at Saltmarsh (Bluecoast)", "Arrests at Docks"]


def test_a_passed_deadline_with_no_report_is_flagged_for_verification_not_called_missed():
    passed = situation_report(DAY, [], [PACT], EVIDENCE, []).sections[3]
    assert passed.title == "Deadlines passed, not reported done"
    assert [line.text.split(" — ")[1] for line in passed.lines] == [
        "was due 2031-03-10; no report either way (unreported: verify)"]
