"""When a sentence's fact happened: its own time expressions decide, not the article's day."""
import datetime as dt

from peacewatch.records import TimeMention
from peacewatch.tracking.told_time import told_period

PUBLISHED = dt.date(2031, 6, 12)


def times_of(text: str, *spans: tuple[str, str]) -> list[TimeMention]:
    return [TimeMention(start=text.index(words), end=text.index(words) + len(words), text=words,
                        value=value, type="DATE") for words, value in spans]


def period(text: str, *spans: tuple[str, str]):
    return told_period(text, times_of(text, *spans), 0, len(text), PUBLISHED)


def test_a_year_that_names_an_agreement_does_not_date_what_happened_this_week():
    text = "In breach of the 2027 truce, rebels closed the river crossing on Monday, the governor said."
    assert period(text, ("Monday", "2031-06-09"), ("2027", "2027")) == (dt.date(2031, 6, 9), dt.date(2031, 6, 9))


def test_a_year_after_a_preposition_dates_the_sentence():
    text = "During the 2027 war the militia held the crossing, residents recalled on Monday."
    assert period(text, ("2027", "2027"), ("Monday", "2031-06-09"))[0] == dt.date(2027, 1, 1)


def test_a_named_thing_s_year_still_dates_a_sentence_with_no_other_time():
    text = "The 2027 war left the valley's bridges in ruins."
    assert period(text, ("2027", "2027")) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))


def test_a_sentence_with_no_time_tells_of_the_week_up_to_publication():
    assert period("Convoys crossed the bridge, aid workers said.") == (dt.date(2031, 6, 6), PUBLISHED)
