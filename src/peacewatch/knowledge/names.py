"""Spelling-insensitive keys for names of places and actors.

News spells one name many ways: accents dropped or kept ("Erdoğan"/"Erdogan"), hyphens or spaces
("Guinea Bissau"), and above all transliterations from Cyrillic, Amharic or Arabic that differ
by language ("-yan"/"-ian", French "ou" for "u", "kh"/"h", French "ch" for English "sh"). `fold`
removes what never distinguishes two names; `skeleton` also merges transliteration variants, so
two spellings of one name meet on the same key.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# Ordered: longer patterns first so that "dzh" is not read as "d" + "zh".
TRANSLITERATION_VARIANTS: tuple[tuple[str, str], ...] = (
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("tch", "ch"), ("sch", "sh"), ("ch", "sh"),
    ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ou", "u"), ("w", "v"), ("y", "i"), ("c", "k"),
    ("q", "k"), ("ks", "x"),
)
APOSTROPHES = "'’‘`´ʼ"


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower-case, accent-free, with punctuation turned to single spaces ("Guinea-Bissau's" and
    "guinea bissau" fold alike). Cached: matching compares the same few names over and over."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(f"[{APOSTROPHES}]s\\b", "", text)
    text = re.sub(f"[{APOSTROPHES}]", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A key shared by transliteration variants: "Zelenskyy", "Zelenskiy" -> "zelenski"."""
    text = fold(name)
    for pattern, replacement in TRANSLITERATION_VARIANTS:
        text = text.replace(pattern, replacement)
    return re.sub(r"(\w)\1+", r"\1", text)


def is_latin(name: str) -> bool:
    """True for names written in Latin script (with accents), the only ones English news uses."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)
