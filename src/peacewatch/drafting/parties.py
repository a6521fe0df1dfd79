"""Who signs an agreement, and whom its clauses name.

Signatories are read from the signature block ("For the Government of X:"), else from the
preamble ("between X and Y", or the names it defines: "X (hereinafter "the Movement")"); those
after "Witnessed by" or named with "with the facilitation of" are mediators. Each gets its
catalog name; a state's style is peeled off when the rest names a country ("the Government of
the Republic of Mozambique" -> Mozambique). Clauses then name parties by the short names the
preamble defines, by acronym, as "the Government", collectively ("the Parties", "each Side"),
or by the head noun of a body named earlier in full ("the Commission" -> "Joint Ceasefire
Monitoring Commission").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from peacewatch.knowledge.actors import canonical_actor, catalog, clean_name
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.drafting.layout import Layout

NAME_WORD = r"[A-Z][\w'’.-]*"
# A proper name: capitalised words, joined by "of", "the", "for", "in" or "and" + capital.
NAME = rf"{NAME_WORD}(?:(?:\s+(?:of|the|for|in|de|du|des|al))*\s+{NAME_WORD}|\s+and\s+{NAME_WORD})*"
NAME_RUN = re.compile(NAME)
BETWEEN = re.compile(rf"\bbetween\s+((?:the\s+)?{NAME}(?:\s*,\s*(?:the\s+)?{NAME})*\s*,?\s+and\s+(?:the\s+)?{NAME})")
BETWEEN_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])")
DEFINED = re.compile(rf"({NAME})\s*(?:\((?:hereinafter|hereafter)[^)]*\)|,?\s*(?:hereinafter|hereafter)|\(([A-Z]{{2,}})\))")
QUOTED = re.compile(r"[\"“']\s*(?:the\s+)?([^\"”']+?)\s*[\"”']")
DEFINITION = re.compile(r"(?:referred to|hereinafter|hereafter|called)[^\"“]{0,60}[\"“]\s*(?:the\s+)?([^\"”]+)[\"”]")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z]*[A-Z])\)")
DETERMINERS = re.compile(r"^(?:the|a|an|this|each|either|both|all|any|every)\s+", re.I)
DOCUMENT_WORDS = frozenset({"agreement", "accord", "protocol", "memorandum", "treaty", "this", "article", "annex"})
SIGNATORY_LINE = re.compile(r"^\s*(?:For|On behalf of)\s+(?:the\s+)?(.+?)\s*:?\s*$", re.M)
SIGNATORIES_NEEDED = 2


def party_name(name: str) -> str:
    """Catalog name of a signatory; a state's style around a country's name is dropped."""
    cleaned = clean_name(name)
    known = catalog().find(cleaned)
    if known:
        return known.canonical
    forms = sorted(lexicon("drafting")["state_forms"], key=len, reverse=True)
    pattern = re.compile(r"^(?:(?:" + "|".join(re.escape(f) for f in forms) + r")\s+)+", re.I)
    rest = pattern.sub("", cleaned)
    if rest and rest != cleaned and names_a_country(canonical_actor(rest)):
        return canonical_actor(rest)
    return canonical_actor(cleaned)


def is_document(name: str) -> bool:
    return name.split()[0].lower() in DOCUMENT_WORDS or name.split()[-1].lower() in DOCUMENT_WORDS


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


def between(text: str) -> list[str]:
    found = BETWEEN.search(text)
    if not found:
        return []
    return [n for n in BETWEEN_SPLIT.split(found.group(1)) if n and not is_document(n)]


def defined(text: str) -> list[str]:
    return [m.group(1) for m in DEFINED.finditer(text) if not is_document(m.group(1))]


def mediators_in(text: str) -> list[str]:
    """Names introduced by a mediator cue ("with the facilitation of the OSCE")."""
    found = []
    for cue in lexicon("drafting")["mediator_cues"]:
        for match in re.finditer(rf"\b{re.escape(cue)}\s+(?:the\s+)?({NAME})", text, re.I):
            found.append(match.group(1))
    return found


@dataclass
class Parties:
    """The signatories and mediators, and every name the text gives them."""

    names: list[str]
    mediators: list[str]
    aliases: dict[str, str] = field(default_factory=dict)
    collective: set[str] = field(default_factory=set)
    bodies: dict[str, str] = field(default_factory=dict)

    def resolve(self, phrase: str, strict: bool = False) -> list[str] | None:
        """The parties or actor a noun phrase names; None when it names no actor. Loosely, any
        capitalised name of several words is an actor; `strict`, only known ones are."""
        bare = DETERMINERS.sub("", " ".join(phrase.split())).strip(" ,.;:")
        key = bare.lower()
        if not key:
            return None
        if key in self.collective or key in word_set("drafting", "collective_nouns"):
            return list(self.names)
        if key in self.aliases:
            return [self.aliases[key]]
        if bare in self.bodies:
            return [self.bodies[bare]]
        if not bare[0].isupper():
            return None
        name = party_name(bare)
        if name in self.names or name in self.mediators or catalog().find(clean_name(bare)) or bare in self.bodies.values():
            return [name]
        return [name] if " " in bare and not strict else None


def aliases_of(names: list[str], preamble: str) -> tuple[dict[str, str], set[str]]:
    """Short names the preamble defines for one party (after its name) or for all of them."""
    aliases: dict[str, str] = {}
    collective: set[str] = set()
    for original in names:
        canonical = party_name(original)
        aliases[original.lower()] = canonical
        aliases[canonical.lower()] = canonical
        if "government" in original.lower() or names_a_country(canonical):
            aliases.setdefault("government", canonical)
        at = preamble.find(original)
        if at < 0:
            continue
        after = preamble[at + len(original): at + len(original) + 120]
        acronym = ACRONYM.match(after.lstrip())
        if acronym:
            aliases[acronym.group(1).lower()] = canonical
        quoted = QUOTED.search(after.split(")")[0] if after.lstrip().startswith("(") else "")
        if quoted:
            aliases[quoted.group(1).lower()] = canonical
    for match in DEFINITION.finditer(preamble):
        term = match.group(1).lower()
        if term.endswith("s") and term not in aliases:
            collective.update((term, term[:-1]))
    return aliases, collective


def bodies_of(text: str) -> dict[str, str]:
    """Head noun -> the first full name that ends with it ("Commission" -> "Joint Ceasefire
    Monitoring Commission"), for clauses that name a body by its head noun."""
    found: dict[str, str] = {}
    for match in re.finditer(r"(?:[A-Z][\w-]+\s+){1,5}[A-Z][\w-]+", text):
        words = DETERMINERS.sub("", match.group(0)).split()
        if len(words) >= 2 and not any(w.lower() in DOCUMENT_WORDS for w in words):
            found.setdefault(words[-1], " ".join(words))
    return found


def parties_of(text: str, layout: Layout) -> Parties:
    preamble = text[layout.preamble[0]:layout.preamble[1]]
    closing = text[layout.closing[0]:layout.closing[1]]
    signatories, witnesses = signature_block(closing)
    for source in (signatories, between(layout.title), between(preamble), defined(preamble)):
        if len(source) >= SIGNATORIES_NEEDED:
            signatories = source
            break
    mediators = list(dict.fromkeys(party_name(n) for n in witnesses + mediators_in(preamble)))
    names = [n for n in dict.fromkeys(party_name(n) for n in signatories) if n not in mediators]
    aliases, collective = aliases_of(signatories, preamble)
    return Parties(names, mediators, aliases, collective, bodies_of(text))
