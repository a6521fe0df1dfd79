"""Cardinal numbers as news writes them: "1,960", "2 000", "2.5 million", "twenty-four".

Times ("five years", "30 years ago") and quantities ("seven districts", "some 2,000 troops")
read the same numbers, so the grammar and its parser live here once. `NUMBER` is a regex
fragment (no capturing groups) to compose into larger patterns; `number_value` turns its match
into a float. Ordinals ("1st", "third") and vague plurals ("thousands", "dozens") are not
numbers here: they do not count anything exactly.
"""
from __future__ import annotations

import re

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
WORD_VALUES = {**ONES, **TEENS, **TENS, "hundred": 100, "a": 1, "an": 1, **SCALES}


def _alternatives(words) -> str:
    return r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"


_BELOW_100 = rf"(?:{_alternatives(TENS)}(?:[- ]{_alternatives(ONES)})?|{_alternatives(TEENS)}|{_alternatives(ONES)})"
_BELOW_1000 = rf"(?:(?:{_alternatives(ONES)}|\ba)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?|{_BELOW_100})"
_SCALE = _alternatives(SCALES)
_WORDS = rf"(?:(?:{_BELOW_1000}|\ba)\s+{_SCALE}(?:\s+(?:and\s+)?{_BELOW_1000}(?:\s+{_SCALE})?)*|{_BELOW_1000})"
# Digits: thousands grouped by comma or (thin/no-break) space, or plain; never glued to a word,
# a hyphen or a slash on the left ("F-16", "1991-94", "14/11"), never an ordinal on the right.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?(?!\d|st\b|nd\b|rd\b|th\b|[.,]\d)"
NUMBER = rf"(?:(?<![\w\-/.,:]){_DIGITS}(?:\s+{_SCALE})?|{_WORDS})"

NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)
# The same number where the text around it is already known to be a number's place: the upper
# bound of a range, right after "-" or "to" ("100-200 troops").
_NUMBER_HERE_RE = re.compile(rf"(?:{_DIGITS}(?:\s+{_SCALE})?|{_WORDS})", re.IGNORECASE)


def _words_value(words: list[str]) -> float:
    """Sum-and-scale reading of a number in words: "two hundred and five thousand" = 205000."""
    total, current = 0.0, 0.0
    for word in words:
        if word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            current += WORD_VALUES[word]
    return total + current


def number_value(text: str) -> float | None:
    """The value of a NUMBER match, or None if `text` is not one."""
    cleaned = re.sub(r"(?<=\d)[, \u00a0\u202f](?=\d{3})", "", text.strip().lower())
    words = [w for w in re.split(r"[\s\-]+", cleaned) if w and w != "and"]
    if not words:
        return None
    try:
        head = float(words[0])
    except ValueError:
        if all(w in WORD_VALUES for w in words):
            return _words_value(words)
        return None
    return head * SCALES[words[1]] if len(words) == 2 and words[1] in SCALES else head if len(words) == 1 else None


def find_numbers(text: str):
    """(start, end, value) of every cardinal number in `text`."""
    for match in NUMBER_RE.finditer(text):
        value = number_value(match.group())
        if value is not None:
            yield match.start(), match.end(), value


def number_at(text: str, position: int) -> tuple[int, float] | None:
    """(end, value) of a number starting exactly at `position`, whatever precedes it."""
    match = _NUMBER_HERE_RE.match(text, position)
    value = number_value(match.group()) if match else None
    return None if value is None else (match.end(), value)
