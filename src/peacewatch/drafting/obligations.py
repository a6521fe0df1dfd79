"""Where a point of an agreement is split into obligations, one per thing a party must do.

Real texts state terms in many grammatical shapes, and each shape marks an obligation:
- a modal ("forces shall withdraw", "there shall be a halt to shelling", "the parties are to
  facilitate…") or "hereby" ("is hereby established");
- an undertaking verb with what it takes on ("undertake to cease", "commit to
  rebuilding", "agreed to let aid convoys pass", "reaffirm their pledge to…"), or a text
  tasking someone ("asked the two commanders to draw up a map…");
- in the operative part of an agreement (its points, or what follows "agreed as follows:"), a
  verb in the present or present perfect, active or passive ("the crossings are reopened on…",
  "the blockade of the port has ended"), and a point that opens with a bare verb ("Halt all
  shelling of the valley…");
- a point with no verb at all, a noun phrase in a list ("- the withdrawal of forces to their
  bases"), and the nouns an agreement is said to include ("The accord provides for the
  return of the seized trawlers, in return for the pardon of their crews");
- a report that an agreement was reached ("the envoys have brokered a truce between the clans").
What "X agreed that Y shall…" obliges is Y's clause; a clause inside another obligation's words
("undertake to see to it that… will…", "…a strip where the battalion will camp") is part of it.

A verb or action noun coordinated with an obligation that says something of its own ("shall
withdraw … and shall hand over …", "the delivery of aid, … and the withdrawal of forces") is an
obligation of its own, `joined_to` the first; the drafter merges them back when both are about
the same thing. Clauses that state nothing are left out: speech and feeling ("express their
thanks", "urge them to…"), description ("The steps consist of…", "X means…"), saving
clauses ("Nothing in this text limits…"), the speaker's own "I", and list introductions
("…shall be guided by the rules below:"). A clause whose subject refers back ("It is
chaired by…", "Its members are drawn from…") continues the obligation before it; one that says when
something starts, lasts or may be extended is a term of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from peacewatch.drafting.categories import cues_in
from peacewatch.knowledge.lexicons import word_set
from peacewatch.nlp.lemma_phrases import lemma

EDGE_DEPS = frozenset({"cc", "punct", "mark", "prep"})
BARE_DEPS = frozenset({"cc", "punct", "aux", "auxpass", "advmod", "neg", "conj"})
# Links by which a clause is said inside another's words (not coordinated with it).
NESTING_DEPS = frozenset({"relcl", "acl", "ccomp", "xcomp", "pcomp", "csubj", "pobj", "dobj", "nsubj", "nsubjpass", "advcl", "prep"})
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
OTHER_MODALS = frozenset({"would", "could", "should", "might", "may", "can", "ought"})
RECIPROCAL = (("in", "exchange", "for"), ("in", "return", "for"))


@dataclass
class Obligation:
    """One obligation: its head (a verb or an action noun), the word whose subject it shares
    (itself when it has its own), how the text marks it (`kind`: modal, undertaking, tasking,
    stated, imperative, nominal, announced, term or continuation), the obligation it is
    coordinated with, the verb of agreeing it is the content of, and its tokens' extent."""

    head: Token
    kind: str
    subject_of: Token
    joined_to: "Obligation | None" = None
    agreed_by: Token | None = None
    reciprocal: bool = False
    first: int = 0
    last: int = 0
    dropped: set[int] = field(default_factory=set, repr=False)

    @property
    def tokens(self) -> list[Token]:
        return [t for t in self.head.doc[self.first:self.last + 1] if t.i not in self.dropped]

    @property
    def start_char(self) -> int:
        return self.head.doc[self.first].idx

    @property
    def end_char(self) -> int:
        last = self.head.doc[self.last]
        return last.idx + len(last.text)

    def subject(self) -> list[Token]:
        return [c for c in self.subject_of.children if c.dep_ in SUBJECT_DEPS]


def words(key: str) -> frozenset[str]:
    return word_set("drafting", key)


def is_modal(token: Token) -> bool:
    return token.dep_ in ("aux", "auxpass") and lemma(token) in words("obligation_modals")


def infinitive_of(token: Token) -> Token | None:
    """The verb of "are to facilitate" (a "be" with a to-infinitive)."""
    return next((c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VB"
                 and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")), None)


def undertakes(token: Token) -> bool:
    """An undertaking verb with what it takes on: "undertake to cease", "commit to
    rebuilding", "reaffirm their pledge to…"."""
    children = list(token.children)
    if any(c.dep_ == "xcomp" for c in children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ in ("pcomp", "pobj") for o in c.children) for c in children):
        return True
    return lemma(token) in words("reaffirming_verbs") | words("obligation_verbs") and any(
        c.dep_ == "dobj" and lemma(c) in words("commitment_nouns") for c in children)


def tasks(token: Token) -> bool:
    return lemma(token) in words("tasking_verbs") and any(c.dep_ == "dobj" for c in token.children) and any(
        c.dep_ == "xcomp" for c in token.children)


def marked_heads(tokens: list[Token]) -> dict[int, tuple[Token, str]]:
    """Heads made obligations by a word of their own: a modal, "is to", "hereby", an
    undertaking or tasking verb; and clauses read only for a renewal ("It may be extended")."""
    heads: dict[int, tuple[Token, str]] = {}
    for token in tokens:
        key = lemma(token)
        if is_modal(token) and token.head.pos_ in ("VERB", "AUX"):
            heads.setdefault(token.head.i, (token.head, "modal"))
        elif key == "be" and token.dep_ in ("ROOT", "conj", "ccomp") and infinitive_of(token) is not None:
            verb = infinitive_of(token)
            heads.setdefault(verb.i, (verb, "modal"))
        elif token.pos_ == "VERB" and (key in words("obligation_verbs") or key in words("reaffirming_verbs")) and undertakes(token):
            heads.setdefault(token.i, (token, "undertaking"))
        elif token.pos_ == "VERB" and tasks(token):
            heads.setdefault(token.i, (token, "tasking"))
        elif key in words("obligation_adverbs"):
            head = token.head.head if token.head.dep_ in PREDICATE_DEPS else token.head
            heads.setdefault(head.i, (head, "modal"))
        elif token.dep_ in ("aux", "auxpass") and key in words("term_modals") and renews(token.head):
            heads.setdefault(token.head.i, (token.head, "term"))
    return heads


def renews(verb: Token) -> bool:
    return any(lemma(t) in ("extend", "renew", "prolong") for t in (verb, *verb.children))


def is_stated(token: Token) -> bool:
    """A finite verb in the present or present perfect, active or passive, with no modal
    ("are reopened", "resumes", "has ended")."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass") or lemma(token) == "be":
        return False
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(lemma(a) in OTHER_MODALS or a.tag_ in ("VBD", "MD") for a in auxes):
        return False
    if token.tag_ in PRESENT_TAGS:
        return True
    return token.tag_ == "VBN" and any(a.tag_ in PRESENT_TAGS for a in auxes)


def stated_heads(tokens: list[Token], inside: set[int]) -> list[Token]:
    """Main verbs stated without a modal: the sentence's (or the clause's, where the text cuts
    the sentence), those coordinated with them, and the content of a verb of agreeing ("have
    agreed that X is…")."""
    found = []
    for token in tokens:
        if not is_stated(token):
            continue
        main = token.dep_ == "ROOT" or token.head.i not in inside
        if main or token.dep_ == "conj" and (token.head.dep_ in ("ROOT", "conj") or token.head.head.i not in inside):
            found.append(token)
        elif token.dep_ == "ccomp" and lemma(token.head) in words("obligation_verbs"):
            found.append(token)
    return found


def imperative(root: Token, tokens: list[Token]) -> bool:
    first = next((t for t in tokens if not t.is_punct), None)
    return root is first and root.tag_ == "VB" and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in root.children)


def announced_heads(tokens: list[Token]) -> list[Token]:
    """Verbs that report an agreement reached, with the arrangement as their object or
    subject ("brokered a truce between the clans", "a deal was concluded to prolong…")."""
    found = []
    arrangements = words("arrangement_nouns")
    for token in tokens:
        if token.pos_ != "VERB" or lemma(token) not in words("announcing_verbs"):
            continue
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
        if any(lemma(t) in arrangements for o in objects for t in (o, *o.children)):
            found.append(token)
    return found


def content_nouns(tokens: list[Token]) -> list[Token]:
    """The nouns an agreement is said to hold: "The accord provides for the return of…"."""
    found = []
    for token in tokens:
        if lemma(token) in words("content_verbs") and any(
                c.dep_ == "nsubj" and lemma(c) in words("agreement_nouns") for c in token.children):
            found += [c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return found


def candidates(tokens: list[Token], in_list: bool) -> list[Obligation]:
    """Every head the sentence marks as an obligation, in text order (see the module's
    docstring); nothing yet split, dropped or cut."""
    found = {i: Obligation(head, kind, head) for i, (head, kind) in marked_heads(tokens).items()}
    inside = {t.i for t in tokens}
    for head in stated_heads(tokens, inside):
        found.setdefault(head.i, Obligation(head, "stated", head))
    for head in announced_heads(tokens):
        if head.i not in found or found[head.i].kind == "stated":
            found[head.i] = Obligation(head, "announced", head)
    for noun in content_nouns(tokens):
        found.setdefault(noun.i, Obligation(noun, "nominal", noun))
    roots = [t for t in tokens if t.dep_ == "ROOT" or t.head.i not in inside]
    for root in roots:
        if imperative(root, tokens):
            found.setdefault(root.i, Obligation(root, "imperative", root))
        elif root.pos_ in ("NOUN", "PROPN") and in_list and not found:
            found.setdefault(root.i, Obligation(root, "nominal", root))
    return [found[i] for i in sorted(found)]


def says_more(verb: Token) -> bool:
    return any(c.dep_ not in BARE_DEPS for c in verb.children)


def has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def coordinated_verbs(head: Token) -> list[Token]:
    """Verbs coordinated with an obligation that say something of their own, when the first
    does too ("allow and facilitate the passage of…" is one obligation) or each has its own
    subject; and the infinitives coordinated inside what an undertaking takes on ("agreed to
    let convoys pass and to refrain from…")."""
    found = []
    if any(c.dep_ not in BARE_DEPS | SUBJECT_DEPS for c in head.children):
        found += [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and says_more(c)]
    found += [c for c in head.children if c.dep_ == "conj" and has_subject(c) and c not in found]
    if lemma(head) in words("obligation_verbs"):
        taken = [t for c in head.children if c.dep_ == "xcomp" for t in c.subtree]
        found += [t for t in taken if t.dep_ == "conj" and t.pos_ == "VERB" and any(a.lower_ == "to" for a in t.children if a.dep_ == "aux")]
    return found


def coordinated_nouns(head: Token) -> list[Token]:
    """Action nouns (a noun with a category word of its own) coordinated with a nominal
    obligation or with the object or subject of a verb that says nothing of its own ("ensure
    the delivery of food and the withdrawal of units"); a verb with a category word of its own
    governs all its objects ("protect the power station and the bridge" is one obligation)."""
    if head.pos_ not in ("NOUN", "PROPN") and cues_in([head], head):
        return []
    verbs = [head, head.head] if head.dep_ == "xcomp" and lemma(head.head) == "be" else [head]
    roots = [head] if head.pos_ in ("NOUN", "PROPN") else [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    found = []
    for root in roots:
        found += [t for t in root.subtree if t.dep_ in ("conj", "appos") and t.pos_ == "NOUN" and t.head.pos_ == "NOUN"
                  and any(c.dep_ == "prep" for c in t.children) and cues_in(list(t.subtree), t)]
    return found


def reciprocal_nouns(head: Token) -> list[Token]:
    """What is given in return ("the freeing of X's crews in return for Y's")."""
    found = []
    for prep in (t for t in head.subtree if t.dep_ == "prep"):
        for first, noun, link in RECIPROCAL:
            if prep.lower_ == first and any(lemma(o) == noun for o in prep.children):
                pobjs = [p for o in prep.children for p2 in o.children if p2.lower_ == link for p in p2.children if p.dep_ == "pobj"]
                found += pobjs
    return found


def expanded(found: list[Obligation]) -> list[Obligation]:
    """The candidates with what is coordinated with them split off as obligations of their own;
    a coordinated verb with no subject of its own binds whom the first binds ("The militia shall
    leave the ridge and shall hand over its guns": both the militia's)."""
    by_head = {o.head.i: o for o in found}
    pending = list(found)
    while pending:
        parent = pending.pop(0)
        for verb in coordinated_verbs(parent.head):
            child = by_head.get(verb.i)
            if child is None:
                child = Obligation(verb, parent.kind, verb if has_subject(verb) else parent.subject_of)
                by_head[verb.i] = child
                pending.append(child)
            elif not has_subject(verb):
                child.subject_of = parent.subject_of
            child.joined_to = child.joined_to or parent
        for noun in coordinated_nouns(parent.head):
            if noun.i not in by_head:
                by_head[noun.i] = Obligation(noun, parent.kind, parent.subject_of, joined_to=parent)
        for noun in reciprocal_nouns(parent.head):
            if noun.i not in by_head:
                by_head[noun.i] = Obligation(noun, parent.kind, parent.subject_of, joined_to=parent, reciprocal=True)
    return [by_head[i] for i in sorted(by_head)]


def agreeing_verb(head: Token) -> Token | None:
    """The verb of agreeing whose content a clause is ("have agreed that both militias shall…")."""
    node = head
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ == "ccomp" and lemma(node.head) in words("obligation_verbs"):
        return node.head
    return None


def states_nothing(obligation: Obligation) -> bool:
    """Speech, feeling, description, a saving clause or the speaker's "I" (see the module's
    docstring)."""
    head = obligation.head
    key = lemma(head)
    told = obligation.kind == "modal" and key in words("telling_verbs") and any(c.dep_ == "auxpass" for c in head.children)
    if key in words("expression_verbs") and not told:
        return True
    described = [key] + [lemma(c) for c in head.children if c.dep_ == "xcomp" and c.tag_ == "VB"]
    passive = any(c.dep_ == "auxpass" for c in head.children)
    if any(k in words("description_verbs") for k in described) and obligation.kind != "nominal" and not passive and not (
            key in words("content_verbs") and any(lemma(s) in words("agreement_nouns") for s in obligation.subject())):
        return True
    said = [t for s in obligation.subject() for t in s.subtree]
    return any(lemma(t) in words("saving_subjects") for t in said) or any(
        s.lower_ in words("first_person_singular") for s in obligation.subject())


def refers_back(obligation: Obligation) -> bool:
    """A subject that points at what comes before: "It is chaired…", "Its members are…"."""
    for subject in obligation.subject():
        if subject.dep_ == "expl" or any(c.dep_ in ("ccomp", "xcomp") for c in obligation.subject_of.children if subject.lower_ == "it"):
            continue
        if lemma(subject) in words("continuation_pronouns") and subject.pos_ in ("PRON", "DET") and not list(subject.children):
            return True
        if lemma(subject) in words("description_nouns") and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subject.children):
            return True
    return False


def pruned(found: list[Obligation]) -> list[Obligation]:
    """Drop what states nothing, the verbs of agreeing whose content is an obligation (that
    obligation keeps who agreed), and obligations said inside another's words."""
    kept = []
    for obligation in found:
        agreed = agreeing_verb(obligation.head)
        if agreed is not None:
            obligation.agreed_by = agreed
    contents = {o.agreed_by.i for o in found if o.agreed_by is not None}
    for obligation in found:
        if states_nothing(obligation) or obligation.head.i in contents:
            continue
        kept.append(obligation)
    for obligation in kept:
        if obligation.joined_to is not None and obligation.joined_to.head.i in contents and has_subject(obligation.head):
            obligation.joined_to = None
    nested = [o for o in kept if o.joined_to is None and any(other is not o and said_inside(o, other) for other in kept)]
    kept = [o for o in kept if o not in nested]
    return [o for o in kept if all(parent in kept for parent in coordination(o))]


def coordination(obligation: Obligation) -> list[Obligation]:
    found = []
    parent = obligation.joined_to
    while parent is not None:
        found.append(parent)
        parent = parent.joined_to
    return found


def said_inside(obligation: Obligation, other: Obligation) -> bool:
    """Whether an obligation is said inside another's words ("undertake to see to it that X
    will…", "a strip where the battalion will camp"), not beside it: a clause with a
    subject of its own that only hangs on the other as a loose adverbial clause is beside it."""
    if obligation.head not in other.head.subtree:
        return False
    node = obligation.head
    nested = False
    while node != other.head:
        if spliced(node):
            return False
        loose = node.dep_ == "advcl" and has_subject(node) and not any(c.dep_ == "mark" for c in node.children)
        nested = nested or node.dep_ in NESTING_DEPS and not loose
        node = node.head
    return nested


def spliced(clause: Token) -> bool:
    """A clause the parser hangs on another that only sits beside it, after a comma or
    semicolon and with no "that" ("Links will reopen; offices will resume work"), unless the
    other is a verb of saying or agreeing."""
    if clause.dep_ != "ccomp" or any(c.dep_ == "mark" for c in clause.children):
        return False
    head = clause.head
    if lemma(head) in words("expression_verbs") | words("obligation_verbs") | words("reaffirming_verbs"):
        return False
    lo, hi = sorted((clause.i, head.i))
    between = clause.doc[lo:hi]
    return any(t.text in (",", ";") and t.head in (head, clause) for t in between)


def cut(obligation: Obligation, others: list[Obligation], lo: int, hi: int) -> bool:
    """Set the obligation's extent: its head's words inside [lo, hi) without those of the
    obligations split off below it, nor conjunctions or punctuation at its edges."""
    below = [o.head for o in others if o is not obligation and o.head in obligation.head.subtree]
    below += [t for t in obligation.head.subtree if t is not obligation.head and spliced(t)]
    dropped = {t.i for head in below for t in head.subtree}
    kept = [t for t in obligation.head.subtree if t.i not in dropped and lo <= t.i < hi]
    while kept and (kept[-1].dep_ in EDGE_DEPS or kept[-1].is_punct):
        kept.pop()
    while kept and (kept[0].dep_ in EDGE_DEPS - {"prep"} or kept[0].is_punct):
        kept.pop(0)
    if not kept:
        return False
    obligation.first, obligation.last = kept[0].i, kept[-1].i
    obligation.dropped = {i for i in dropped if obligation.first <= i <= obligation.last}
    return True


def marked_kind(obligation: Obligation) -> Obligation:
    if obligation.kind not in ("term",) and refers_back(obligation):
        obligation.kind = "continuation"
    return obligation


def is_list_intro(tokens: list[Token]) -> bool:
    """"…shall be guided by the rules below:", "…as follows:", "neither Side:": it
    only introduces the items below."""
    text = "".join(t.text_with_ws for t in tokens).strip()
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in tokens)
    return text.endswith((":", ":-", ":–")) and (verbless or any(lemma(t) in ("follow", "following") for t in tokens))


def sentence_obligations(tokens: list[Token], in_list: bool) -> list[Obligation]:
    if not tokens or is_list_intro(tokens):
        return []
    found = pruned(expanded(candidates(tokens, in_list)))
    lo, hi = tokens[0].i, tokens[-1].i + 1
    return [marked_kind(o) for o in found if cut(o, found, lo, hi)]


def sentences(doc: Doc, start: int, end: int) -> list[list[Token]]:
    """The parse's sentences cut to the text [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    cut_sentences = []
    for sentence in span.sents:
        tokens = [t for t in sentence if span.start <= t.i < span.end and not t.is_space]
        if tokens:
            cut_sentences.append(tokens)
    return cut_sentences


def obligations(doc: Doc, start: int, end: int, in_list: bool = False) -> list[Obligation]:
    """The obligations stated in the text [start, end) of a parsed agreement, in text order;
    `in_list`: the text is an item of a list, where a noun phrase alone states a term."""
    found = []
    for tokens in sentences(doc, start, end):
        found += sentence_obligations(tokens, in_list)
    return sorted(found, key=lambda o: o.first)
