"""Tense and mood of a verb group from the trained pipeline's parse and morphology.

A *verb group* is a content verb (or a predicative adjective) with its auxiliaries: "ha
incontrato", "sarebbe stato rinviato", "deve incontrare", "si terrà".  Its UD features say
which way in time the clause points: ``Tense=Fut`` on any member ahead, a conditional
(``Mood=Cnd``) ahead unless it is a past conditional ("avrebbe incontrato"), a compound past or
a simple past / imperfect behind.  A future or conditional tag counts only on a word with a
future or conditional ending (the morphologizer now and then tags "ero" as a conditional).  The
word lists (modals, planning verbs, endings…) are data (``data/<lang>/tense.yaml``).

These functions need a Doc with dependencies and morphology (:func:`has_morphology`); the
extractors call them only then and keep their cue-word rules otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Literal

from spacy.tokens import Doc, Span, Token

from cronaca.data import load_word_lists

Direction = Literal["future", "past"] | None

_AUX_DEPS = ("aux", "aux:pass", "cop")
_PREDICATES = ("VERB", "AUX", "ADJ")
_NOMINALS = ("NOUN", "PROPN", "PRON", "NUM")


@dataclass(frozen=True)
class TenseLexicon:
    perfect_auxiliaries: frozenset[str]
    modal_lemmas: frozenset[str]
    planning_lemmas: frozenset[str]
    shift_lemmas: frozenset[str]
    shift_cases: frozenset[str]
    due_cases: frozenset[str]
    genitive_cases: frozenset[str]
    subject_relations: frozenset[str]
    future_endings: frozenset[str]
    conditional_endings: frozenset[str]
    remote_past_endings: frozenset[str]
    participle_endings: frozenset[str]


KEYS = tuple(f.name for f in fields(TenseLexicon))


@cache
def tense_lexicon(lang: str = "it") -> TenseLexicon:
    """The word lists of ``data/<lang>/tense.yaml`` (cached)."""
    data = load_word_lists(lang, "tense.yaml", KEYS)
    return TenseLexicon(**{key: frozenset(str(w).lower() for w in data[key]) for key in KEYS})


@dataclass(frozen=True)
class VerbGroup:
    """A predicate and its auxiliaries, as the parse and morphology give them."""

    head: int  # token index of the content verb or predicative adjective
    lemma: str
    future: bool  # Tense=Fut on the head or an auxiliary ("incontrerà", "sarà firmato")
    conditional: bool  # Mood=Cnd on the finite member ("avrebbe incontrato", "si terrebbe")
    perfect: bool  # past participle with avere/essere ("ha incontrato", "è stato rinviato")
    past: bool  # a finite simple past or imperfect ("incontrò", "incontrava"), or a bare past participle
    modal: str | None  # lemma of a modal auxiliary ("deve incontrare")
    modal_ahead: bool  # that modal in the present, future or conditional
    finite: bool  # some member is finite (not an infinitive, gerund or bare participle)


def has_morphology(doc: Doc) -> bool:
    """True when ``doc`` has the dependencies and the morphology these functions read."""
    return doc.has_annotation("DEP") and doc.has_annotation("MORPH")


def verb_group(tok: Token, lex: TenseLexicon) -> VerbGroup:
    """The verb group headed by ``tok``."""
    auxes = [c for c in tok.children if c.dep_ in _AUX_DEPS]
    members = auxes + [tok]
    finite = [t for t in members if "Fin" in t.morph.get("VerbForm", [])]
    future = any("Fut" in t.morph.get("Tense", []) and t.lower_.endswith(tuple(lex.future_endings)) for t in members)
    # a conditional ending on a verb is enough: the morphologizer misses rare forms ("bombarderebbe")
    conditional = any(_has_ending(t, lex.conditional_endings) and
                      ("Cnd" in t.morph.get("Mood", []) or t.pos_ in ("VERB", "AUX")) for t in finite or members)
    participle = _past_participle(tok)
    # "ha incontrato", "è stato rinviato", and "avrebbe dovuto incontrare" (a modal's participle)
    perfect = (participle or any(_past_participle(a) for a in auxes)) and \
        any(a.lemma_.lower() in lex.perfect_auxiliaries for a in auxes if not _past_participle(a))
    modal_tok = next((a for a in auxes if a.lemma_.lower() in lex.modal_lemmas), None)
    modal_ahead = modal_tok is not None and "Fin" in modal_tok.morph.get("VerbForm", []) and bool(
        {"Pres", "Fut"} & set(modal_tok.morph.get("Tense", [])) or "Cnd" in modal_tok.morph.get("Mood", []))
    simple_past = (any({"Past", "Imp"} & set(t.morph.get("Tense", [])) for t in finite) or _remote_past(tok, lex)) \
        and not conditional and not future
    bare_participle = participle and not auxes
    return VerbGroup(head=tok.i, lemma=tok.lemma_.lower(), future=future, conditional=conditional,
                     perfect=perfect, past=simple_past or bare_participle,
                     modal=modal_tok.lemma_.lower() if modal_tok is not None else None,
                     modal_ahead=modal_ahead, finite=bool(finite))


def _past_participle(tok: Token) -> bool:
    return "Part" in tok.morph.get("VerbForm", []) and "Past" in tok.morph.get("Tense", [])


def _has_ending(tok: Token, endings: frozenset[str]) -> bool:
    """``tok`` ends in one of ``endings`` after a stem of at least three letters."""
    low = tok.lower_
    return any(low.endswith(e) and len(low) - len(e) >= 3 for e in endings)


def _remote_past(tok: Token, lex: TenseLexicon) -> bool:
    """A simple past by its ending ("partì", "firmarono"), which the morphologizer, trained on few
    such forms, often tags as a present; a future or conditional ending wins ("lavorerò")."""
    return tok.pos_ == "VERB" and _has_ending(tok, lex.remote_past_endings) \
        and not _has_ending(tok, lex.future_endings) and not _has_ending(tok, lex.conditional_endings)


def _adjectival_participle(tok: Token, lex: TenseLexicon) -> bool:
    """A past participle modifying a noun ("l'auto rubata a febbraio"), tagged as a verb or adjective."""
    return tok.dep_ in ("amod", "acl") and (_past_participle(tok) or (
        tok.pos_ == "ADJ" and _has_ending(tok, lex.participle_endings)))


def group_direction(g: VerbGroup, lex: TenseLexicon, cases: frozenset[str] = frozenset()) -> Direction:
    """Which way in time the group points for a time expression introduced by ``cases``."""
    if g.lemma in lex.planning_lemmas or cases & lex.due_cases:
        return "future"
    if g.lemma in lex.shift_lemmas and cases & lex.shift_cases:
        return "future"  # "rinviato a marzo": the new date
    if g.future:
        return "future"
    if g.conditional:
        return "past" if g.perfect else "future"
    if g.modal_ahead:
        return "future"
    if g.perfect or g.past:
        return "past"
    return None


def _is_predicate(tok: Token) -> bool:
    """A verb, or a nominal or adjectival predicate with its copula ("era a Roma", "è previsto")."""
    return tok.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in tok.children) or \
        (tok.pos_ == "ADJ" and any(c.dep_ in _AUX_DEPS for c in tok.children))


def _cases_before(span: Span) -> frozenset[str]:
    """Prepositions and their adverbs right before the expression ("fino almeno al 4 ottobre")."""
    out: set[str] = set()
    k = span.start - 1
    while k >= max(0, span.start - 4) and span.doc[k].dep_ in ("case", "advmod", "fixed", "det"):
        tok = span.doc[k]
        if tok.dep_ in ("case", "fixed"):
            out.update((tok.lower_, tok.lemma_.lower()))
        k -= 1
    return frozenset(out)


def _cases(tok: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in tok.children if c.dep_ == "case") | \
        frozenset(c.lemma_.lower() for c in tok.children if c.dep_ == "case")


def time_direction(doc: Doc, start: int, end: int, lex: TenseLexicon) -> Direction:
    """Which way the verb governing the time expression at characters [start, end) points.

    The expression's head is attached to a verb ("ha firmato il 3 marzo"): its group decides.
    Attached to a noun that is itself an argument of a verb ("incontrerà il collega giovedì",
    a loose attachment the parser often makes), only a future verb decides, and not when the
    expression is a genitive ("il vertice di venerdì è stato rinviato").  None otherwise.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i and root.head.pos_ in _NOMINALS:
        root = root.head  # "giovedì e sabato": the first conjunct's attachment
    cases = _cases(root) | frozenset(t.lower_ for t in span if t.dep_ == "case") | _cases_before(span)
    head = root.head
    if head.i == root.i or span.start <= head.i < span.end:
        return None
    if _is_predicate(head):
        return group_direction(verb_group(head, lex), lex, cases)
    if head.dep_ in ("amod", "acl") and head.pos_ in ("ADJ", "VERB"):
        # a modifier of a noun: "l'incontro previsto a marzo" (ahead), "l'auto rubata a febbraio" (behind)
        way = group_direction(verb_group(head, lex), lex, cases)
        if way is not None or _adjectival_participle(head, lex):
            return way or "past"
    if head.pos_ in _NOMINALS and not cases & lex.genitive_cases and head.head.i != head.i \
            and _is_predicate(head.head):
        way = group_direction(verb_group(head.head, lex), lex, frozenset())
        return way if way == "future" else None
    return None


def clause_predicate(tok: Token, lex: TenseLexicon) -> Token | None:
    """The predicate of which the noun ``tok`` is the subject ("il vertice si terrà"), or None.

    A finite verb after the noun, attached to it as a bare ``acl`` and with no subject of its
    own, is taken for its predicate too: the parser's usual slip when a long subject ("il vertice
    tra X e Y inizierà") ends in a name.
    """
    if tok.dep_ in lex.subject_relations and tok.head.i != tok.i and _is_predicate(tok.head):
        return tok.head
    for c in tok.rights:
        if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX") and "Fin" in c.morph.get("VerbForm", []) \
                and not any(g.dep_ in lex.subject_relations for g in c.children):
            return c
    return None
