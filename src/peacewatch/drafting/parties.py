"""Who an agreement binds, who mediates it, and every name its clauses give them.

Signatories are read from the first source that names two or more: the signature block ("For
the Government of X:"); a collective definition and the names before it ("X and Y, …
(hereafter "the Sides")"); "between X and Y" in the title or the opening; names
the preamble defines ("X (hereinafter "the Movement")", "X (GAM)"); the names joined at the head
of an opening sentence ("The Emir of X and the King of Y, having met…", "…announces
that X and Y have agreed…"). Those named as witnesses, as "mediator"/"facilitator", after "with
the facilitation of…", or as the author of a statement about others ("Statement by X…", "X
announces that…") are mediators. Each gets its catalog name; a state's style or an office is
peeled off when the rest names a country ("the Head of State of the Kingdom of Nepal" -> Nepal).
Clauses then name parties by the short names the text defines, by acronym, as "the
Government", by their adjective ("Bolivian units"), collectively ("the Parties", "each Side",
"the two Presidents"), or name the mediators as "the mediator".
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from peacewatch.knowledge.actors import canonical_actor, catalog, clean_name
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.drafting.structure import Structure

NAME_WORD = r"[A-Z][\w'’-]*"
# A proper name on one line: capitalised words, joined by "of", "the", "for", "in" or "and" + capital.
NAME = rf"{NAME_WORD}(?:(?:[ \t]+(?:of|the|for|in|de|du|des|al))*[ \t]+{NAME_WORD}|[ \t]+and[ \t]+{NAME_WORD})*"
ALSO_CALLED = r"(?:\s*\(([^)]{2,40})\))?"
LEADING = r"(?:the\s+|The\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?"
JOINED = rf"{LEADING}({NAME}){ALSO_CALLED}(?:\s*,\s*{LEADING}({NAME}){ALSO_CALLED})*\s*,?\s+and\s+{LEADING}({NAME}){ALSO_CALLED}"
ONE_OF_JOINED = re.compile(rf"^{LEADING}(.+?){ALSO_CALLED}$")
TERM_DEFINED = re.compile(rf"({NAME})\s*\((?:(?:hereinafter|hereafter)[^)]*?(?:as\s+)?(?:the\s+)?[\"“]?([A-Z][\w-]*)[\"”]?|([A-Z][A-Za-z]*[A-Z]))\s*\)")
BETWEEN = re.compile(rf"\bbetween\s+({JOINED})")
JOINED_RUN = re.compile(rf"({JOINED})")
OPENING = re.compile(rf"(?:^|\bthat\s+|[.!?:]\s+|,\s+(?=(?:the\s+)?[A-Z][^,]*\s+(?:will|shall)\b))({JOINED})"
                     rf"(?=\s*[,(]|\s+(?:have|has|agree|agreed|declare|declared|signed|sign|confirm|meeting|met|concluded|reached|undertake|commit|will|shall)\b)", re.M)
DEFINED_AFTER = re.compile(rf"({NAME})\s*(?:\((?:hereinafter|hereafter)[^)]*\)|,?\s*(?:hereinafter|hereafter)|\(([A-Z][A-Za-z]*[A-Z])\))")
DEFINITION = re.compile(r"(?:hereinafter|hereafter)(?:\s+referred\s+to)?(?:\s+(?:individually|collectively|jointly|together|both))?"
                        r"(?:\s+as)?\s*[\"“']?\s*(?:the\s+)?([A-Za-z][\w\s-]{0,40}?)\s*[\"”']?\s*(?:[),;]|$)", re.M)
ACRONYM = re.compile(r"\(([A-Z][A-Za-z]*[A-Z])\)")
DETERMINERS = re.compile(r"^(?:(?:the|a|an|this|each|either|neither|both|all|any|every|other|two|three|four|said)\s+)+", re.I)
DOCUMENT_WORDS = frozenset({"agreement", "accord", "protocol", "memorandum", "treaty", "this", "article", "annex",
                            "declaration", "statement", "understanding", "plan", "mou"})
SIGNATORY_LINE = re.compile(r"^\s*(?:For|On behalf of)\s+(?:the\s+)?(.+?)\s*:?\s*$", re.M)
AUTHOR = re.compile(rf"^(?:Joint\s+)?(?:Press\s+)?Statement\s+(?:by|of)\s+(?:the\s+)?({NAME}(?:\s+and\s+(?:the\s+)?{NAME})?)", re.M)
ANNOUNCER = re.compile(rf"(?:^|[.!?]\s+)(?:The\s+)?({NAME})(?:,[^,]{{0,80}},)?\s+(?:announces|announced|informs|is pleased to announce)\b", re.M)
AS_MEDIATOR = re.compile(rf"\b(?:the\s+)?({NAME}),\s+(?:as\s+)?(?:the\s+)?(?:mediator|facilitator)s?\b")
SIGNATORIES_NEEDED = 2
OPENING_CHARS = 1500


@functools.lru_cache(maxsize=1)
def style_prefix() -> re.Pattern[str]:
    words = lexicon("drafting")
    forms = sorted(words["state_forms"] + words["offices"], key=len, reverse=True)
    return re.compile(r"^(?:(?:" + "|".join(re.escape(f) for f in forms) + r")\s+)+", re.I)


def party_name(name: str) -> str:
    """Catalog name of a signatory: a name or alias the catalog knows, else the country left
    when a state's style or an office is peeled off, else the cleaned name."""
    cleaned = clean_name(name)
    known = catalog().named(cleaned)
    if known:
        return known.canonical
    rest = style_prefix().sub("", cleaned)
    if rest and rest != cleaned and names_a_country(canonical_actor(rest)):
        return canonical_actor(rest)
    return styled_state(cleaned) or cleaned


def styled_state(name: str) -> str | None:
    """"Kyrgyz Republic", "Royal Thai Government": a state's adjective in its style."""
    forms = {w for form in lexicon("drafting")["state_forms"] for w in form.split()}
    words = name.split()
    states = [catalog().state_of_adjective(w) for w in words if w.lower() not in forms]
    if len(states) == 1 and states[0] is not None and len(words) > 1:
        return states[0].canonical
    return None


def is_document(name: str) -> bool:
    """"This Memorandum", "Peace Agreement": a document, not a party ("the Government of
    National Accord" is one)."""
    words = name.lower().split()
    return not words or words[0] in DOCUMENT_WORDS or words[-1] in DOCUMENT_WORDS and "of" not in words


def named_as(name: str, also: str | None) -> str:
    """A name, or the catalogued name it is also called in brackets ("…Movement (Hamas)")."""
    if also and not ACRONYM.fullmatch(f"({also})"):
        known = catalog().named(also)
        if known:
            return known.canonical
    return name


def joined(match: re.Match) -> list[str]:
    """The names of a JOINED match ("X, Y and the Z (Zed)"), each as the catalogued name it is
    also called, if any."""
    found = []
    for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+|The\s+)?(?:[a-z]+\s+of\s+)?[A-Z])", match.group(1)):
        one = ONE_OF_JOINED.match(part.strip())
        if one:
            found.append(named_as(one.group(1), one.group(2)))
    if any(is_adjective(n) for n in found):
        return []
    return [n for n in found if not is_document(n)]


def is_adjective(name: str) -> bool:
    """"the Chilean and Peruvian posts": adjectives joined, not names."""
    return " " not in name and catalog().named(name) is None and catalog().state_of_adjective(name) is not None


def defined_terms(text: str) -> dict[str, str]:
    """Short names the text defines for a name ("X (hereafter the XG)", "X (XG)")."""
    return {(m.group(2) or m.group(3)): m.group(1) for m in TERM_DEFINED.finditer(text) if m.group(2) or m.group(3)}


def signature_block(text: str) -> tuple[list[str], list[str]]:
    """(signatories, witnesses) from the "For …" lines of the signature block."""
    markers = lexicon("drafting")["witness_markers"]
    signatories: list[str] = []
    witnesses: list[str] = []
    witnessing = False
    for line in text.splitlines():
        words = line.strip().lower().rstrip(":")
        if any(words.startswith(m) for m in markers):
            witnessing = True
            rest = re.sub(r"^[^:]*:", "", line).strip()
            if rest:
                witnesses.append(rest)
            continue
        found = SIGNATORY_LINE.match(line)
        if found:
            (witnesses if witnessing else signatories).append(found.group(1))
    return signatories, witnesses


def first_joined(pattern: re.Pattern[str], text: str) -> list[str]:
    for match in pattern.finditer(text):
        names = joined(match)
        if len(names) >= SIGNATORIES_NEEDED:
            return names
    return []


def defined(text: str) -> list[str]:
    return [m.group(1) for m in DEFINED_AFTER.finditer(text) if not is_document(m.group(1))]


def collectively_defined(text: str) -> list[str]:
    """The names joined before a collective definition: right before it ("…X and Y
    (hereinafter "the two Presidents")"), else at the head of its paragraph ("X and Y, as
    guarantors of … (hereafter "the Sides")")."""
    for definition in DEFINITION.finditer(text):
        if not is_collective_term(definition.group(1)):
            continue
        paragraph = text[text.rfind("\n", 0, definition.start()) + 1:definition.start()]
        adjacent = [m for m in JOINED_RUN.finditer(paragraph) if not paragraph[m.end():].strip(" ,(\t").split()[:0]
                    and re.fullmatch(r"[\s,(]*(?:(?:both|together|jointly|collectively)\s*,?\s*)?(?:\(|,)?\s*", paragraph[m.end():])]
        names = joined(adjacent[-1]) if adjacent else first_joined(OPENING, paragraph)
        if len(names) >= SIGNATORIES_NEEDED:
            return names
    return []


def singular(word: str) -> str:
    if word in word_set("drafting", "singular_s_words") or not word.endswith("s"):
        return word
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def is_collective_term(term: str) -> bool:
    """A defined term for all the parties: a plural ("the Parties", "the two Sides"), not an
    acronym that ends in S ("the FNS")."""
    written = DETERMINERS.sub("", term.strip()).split()
    words = [w.lower() for w in written]
    acronym = bool(written) and len(written[-1]) > 1 and written[-1].isupper()
    return bool(words) and not acronym and words[-1].endswith("s") and words[-1] not in word_set("drafting", "singular_s_words")


def mediators_in(text: str) -> tuple[list[str], list[str]]:
    """Names introduced by a mediator cue ("with the facilitation of the OSCE", "X, as
    mediator"); and the authors or announcers of a statement, who mediate unless they are the
    parties themselves ("Joint Statement by the Presidents of X and Y")."""
    named = []
    for cue in lexicon("drafting")["mediator_cues"]:
        named += [m.group(1) for m in re.finditer(rf"\b(?i:{re.escape(cue)})\s+(?:the\s+)?({NAME})", text)]
    named += [m.group(1) for m in AS_MEDIATOR.finditer(text)]
    authors = [n for m in AUTHOR.finditer(text) for n in re.split(r"\s+and\s+(?:the\s+)?", m.group(1))]
    authors += [m.group(1) for m in ANNOUNCER.finditer(text)]
    return [n for n in named if not is_document(n)], [n for n in authors if not is_document(n)]


@dataclass
class Parties:
    """The signatories and mediators, and every name the text gives them."""

    names: list[str]
    mediators: list[str]
    aliases: dict[str, str] = field(default_factory=dict)
    collective: set[str] = field(default_factory=set)
    acronyms: dict[str, str] = field(default_factory=dict)

    def resolve(self, phrase: str) -> list[str] | None:
        """The parties or mediators a noun phrase names; None when it names neither. A name the
        text defines wins; a party's adjective before a collective noun names that party only
        ("the Chilean side")."""
        bare = " ".join(phrase.split()).strip(" ,.;:\"“”'")
        key = DETERMINERS.sub("", bare).strip().lower()
        if not key:
            return None
        if key in self.aliases:
            return [self.aliases[key]]
        described = [n for word in bare.split()[:-1] for n in self.by_adjective(word)]
        if described:
            return list(dict.fromkeys(described))
        if key in self.collective or self.is_collective(bare):
            return list(self.names)
        if key in word_set("drafting", "mediator_nouns"):
            return list(self.mediators) or None
        name = party_name(DETERMINERS.sub("", bare))
        if name in self.names or name in self.mediators:
            return [name]
        return None

    def tasked(self, phrase: str) -> list[str] | None:
        """A third party a clause tasks, which joins the mediators: an organisation or state
        the catalog knows, or a name that begins with a known organisation's ("United Nations
        Border Mission"), also by the acronym the text gives it. A body the agreement itself
        sets up ("the Joint Truce Board") is none."""
        bare = clean_name(DETERMINERS.sub("", " ".join(phrase.split())))
        bare = self.acronyms.get(bare, bare)
        known = catalog().named(bare) if bare[:1].isupper() else None
        name = known.canonical if known and known.kind in ("organisation", "state") else None
        words = bare.split()
        if name is None and any(catalog().named(" ".join(words[:n])) for n in range(2, len(words))):
            name = bare
        if name is None or name in self.names:
            return None
        if name not in self.mediators:
            self.mediators.append(name)
        return [name]

    def is_collective(self, phrase: str) -> bool:
        """"the Parties", "each Side", "the two Governments", "heads of state", "neither party":
        every party."""
        words = phrase.lower().split()
        if not words or catalog().named(clean_name(phrase)) is not None:
            return False
        singulars = [singular(w) for w in words]
        nouns = word_set("drafting", "collective_nouns")
        noun = next((n for n in (" ".join(singulars[-3:]), " ".join(singulars[-1:])) if n in nouns), None)
        if noun is None:
            return False
        plural = any(singular(w) != w for w in words[-3:])
        distributive = bool(set(words[:-1]) & word_set("drafting", "distributive_words"))
        return plural or distributive or noun in word_set("drafting", "any_party_nouns")

    def by_adjective(self, word: str) -> list[str]:
        """Parties an adjective names ("Bolivian", "Chilean-Peruvian")."""
        found = []
        for part in re.split(r"[-–/]", word):
            state = catalog().state_of_adjective(part) if part[:1].isupper() else None
            if state and state.canonical in self.names + self.mediators:
                found.append(state.canonical)
        return found


def aliases_of(names: list[str], text: str) -> tuple[dict[str, str], set[str]]:
    """Short names the text defines for one party (right after its name: an acronym, a
    definition) or for all of them (a plural defined term)."""
    aliases: dict[str, str] = {}
    collective: set[str] = set()
    for original in names:
        canonical = party_name(original)
        for form in (original, canonical, clean_name(original)):
            aliases[form.lower()] = canonical
        if "government" in original.lower() or names_a_country(canonical):
            aliases.setdefault("government", canonical)
        at = text.find(original)
        if at < 0:
            continue
        after = text[at + len(original): at + len(original) + 120]
        acronym = ACRONYM.match(after.lstrip())
        if acronym:
            aliases[acronym.group(1).lower()] = canonical
        definition = DEFINITION.match(after.lstrip(" (,"))
        if definition and not is_collective_term(definition.group(1)):
            aliases[definition.group(1).strip().lower()] = canonical
    for match in DEFINITION.finditer(text):
        term = DETERMINERS.sub("", match.group(1).strip().lower())
        if is_collective_term(match.group(1)) and term not in aliases:
            collective.add(term)
    return aliases, collective


def parties_of(text: str, shape: Structure) -> Parties:
    header = text[shape.header[0]:shape.header[1]]
    opening = text[:max(shape.header[1], OPENING_CHARS)]
    closing = text[shape.closing[0]:shape.closing[1]]
    signatories, witnesses = signature_block(closing)
    sources = (lambda: signatories, lambda: collectively_defined(opening), lambda: first_joined(BETWEEN, shape.title),
               lambda: first_joined(BETWEEN, opening), lambda: defined(header or opening), lambda: first_joined(OPENING, opening))
    for source in sources:
        found = source()
        if len(found) >= SIGNATORIES_NEEDED:
            signatories = found
            break
    terms = defined_terms(text)
    signatories = [terms.get(n, n) for n in signatories]
    named, authors = mediators_in(opening)
    names = list(dict.fromkeys(party_name(n) for n in signatories))
    mediators = list(dict.fromkeys(party_name(n) for n in witnesses + named))
    mediators += [m for m in dict.fromkeys(party_name(n) for n in authors) if m not in names and m not in mediators]
    names = [n for n in names if n not in mediators]
    aliases, collective = aliases_of(signatories, text)
    for term, name in terms.items():
        if party_name(name) in names:
            aliases.setdefault(term.lower(), party_name(name))
    return Parties(names, mediators, aliases, collective, terms)
