"""Pairing quote marks as news pages type them (nlp/quote_marks.py)."""
from peacewatch.nlp.quote_marks import quoted_spans


def inside(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quoted_spans(text)]


def test_a_straight_opening_mark_closed_by_a_curly_one_pairs():
    text = 'The envoy said "the first convoy will cross at dawn” and left.'
    assert inside(text) == ["the first convoy will cross at dawn"]


def test_a_quotation_open_at_the_paragraphs_end_closes_there_and_runs_on():
    text = '“We lost everything in the flood.\n\n“Now we wait for the boats,” she said.'
    spans = quoted_spans(text)
    assert inside(text) == ["We lost everything in the flood.", "Now we wait for the boats,"]
    assert [s.runs_on for s in spans] == [True, False]


def test_single_quotes_inside_double_ones_are_part_of_the_quotation():
    text = '“They called it ‘a final offer’ and walked out,” the mediator said.'
    assert inside(text) == ["They called it ‘a final offer’ and walked out,"]


def test_a_closing_mark_after_its_space_closes_before_a_lower_case_word():
    text = '"We will go back when the shelling stops, "says the farmer.'
    assert inside(text) == ["We will go back when the shelling stops, "]


def test_an_opening_mark_after_a_comma_still_opens():
    text = 'He paused, "then the drones came back," and looked away.'
    assert inside(text) == ["then the drones came back,"]
