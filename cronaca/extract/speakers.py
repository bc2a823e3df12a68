"""Who is speaking: reporting cues, subject noun phrases and their resolution to entities.

Shared by the quote extractor (:mod:`cronaca.extract.quotes`) and the attribution chains
(:mod:`cronaca.extract.attribution`).  Everything works on the pieces of the document's
token index (:class:`~cronaca.nlp.tokens.TokenIndex`: every mark a piece of its own) and the
entity mentions, so no trained parser is needed; the word lists come from ``data/it/cues.yaml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.extract.event.grammar import grammar
from cronaca.extract.spans import reach
from cronaca.nlp.tokens import TokenIndex, split_pieces
from cronaca.records import Entity

T = TypeVar("T")

QUOTE_MARKS = "“”«»\"„"
BOUNDARY_PUNCT = frozenset(",;:.!?()[]–—-" + QUOTE_MARKS)


@dataclass(frozen=True)
class SpeakerLexicon:
    """The cue data of one language, in the shapes the matchers use."""

    cue_forms: dict[tuple[str, ...], tuple[str, str]]  # words -> (lemma, participle|gerund|finite|infinitive)
    max_cue_len: int
    auxiliaries: frozenset[tuple[str, ...]]
    adverbs: frozenset[str]
    time_words: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    clause_breaks: frozenset[str]
    source_nouns: frozenset[str]
    head_modifiers: frozenset[str]
    source_frames: tuple[tuple[str, ...], ...]  # longest first, prepositions expanded
    outlet_frames: tuple[tuple[str, ...], ...]
    outlet_nouns: frozenset[str]
    hearsay_endings: tuple[str, ...]
    modal_stems: frozenset[str]
    modal_participles: frozenset[str]
    hypothetical: tuple[tuple[str, ...], ...]
    anaphoric_clitics: frozenset[str]
    impersonal_clitics: frozenset[str]  # "si ricorderà": a cue after them has no subject
    agent_preps: frozenset[str]  # "da" and its articulated forms
    source_frames_at: dict[str, tuple[tuple[str, ...], ...]]  # first word -> source_frames starting with it
    outlet_frames_at: dict[str, tuple[tuple[str, ...], ...]]
    contradicted_frames_at: dict[str, tuple[tuple[str, ...], ...]]  # sources a claim contradicts
    frame_openers: tuple[tuple[str, ...], ...]  # "secondo quanto", "come": a reporting verb follows
    frame_verb_forms: dict[tuple[str, ...], tuple[str, str]]  # the verbs of those frames, as cue_forms
    not_source_heads: frozenset[str]  # "secondo quanto previsto …": no source follows the frame


def _by_first_word(frames: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Frames grouped by their first word, each group in the order of ``frames``."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for frame in frames:
        out.setdefault(frame[0], []).append(frame)
    return {w: tuple(fs) for w, fs in out.items()}


def _expand_frames(frames: Sequence[str], articulated: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    out: set[tuple[str, ...]] = set()
    for frame in frames:
        ws = split_pieces(frame)
        for last in articulated.get(ws[-1], [ws[-1]]):
            out.add(ws[:-1] + tuple(split_pieces(last)))
    return tuple(sorted(out, key=lambda f: (-len(f), f)))  # longest first, then a fixed order


def _verb_forms(verbs: Sequence[dict], conj: dict[str, dict[str, list[str]]]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Words of each form of ``verbs`` -> (lemma, kind): the regular forms of the verb's
    conjugation ``class`` and the irregular ``forms`` it lists."""
    forms: dict[tuple[str, ...], tuple[str, str]] = {}
    for verb in verbs:
        lemma = verb["lemma"]
        kinds: dict[str, list[str]] = {}
        if "class" in verb:
            stem = lemma.removesuffix("si")[:-3]
            for kind, suffixes in conj[verb["class"]].items():
                kinds.setdefault(kind, []).extend(stem + s for s in suffixes)
        for kind, extra in (verb.get("forms") or {}).items():
            kinds.setdefault(kind, []).extend(extra)
        for kind, fs in kinds.items():
            for f in fs:
                forms.setdefault(split_pieces(f), (lemma, kind))
    return forms


@cache
def lexicon(lang: str = "it") -> SpeakerLexicon:
    data = load_yaml(lang, "cues.yaml")
    try:
        conj = data["conjugations"]
        forms = _verb_forms(data["verbs"], conj)
        articulated = data["articulated"]
        hearsay = data["hearsay"]
        source_frames = _expand_frames(data["source_frames"], articulated)
        outlet_frames = _expand_frames(data["outlet_frames"], articulated)
        return SpeakerLexicon(
            cue_forms=forms,
            max_cue_len=max(len(k) for k in forms),
            auxiliaries=frozenset(split_pieces(a) for a in data["auxiliaries"]),
            adverbs=frozenset(data["adverbs"]),
            time_words=frozenset(data["time_words"]),
            determiners=frozenset(data["determiners"]),
            prepositions=frozenset(data["prepositions"]),
            clause_breaks=frozenset(data["clause_breaks"]),
            source_nouns=frozenset(data["source_nouns"]),
            head_modifiers=frozenset(data["head_modifiers"]),
            source_frames=source_frames,
            outlet_frames=outlet_frames,
            outlet_nouns=frozenset(data["outlet_nouns"]),
            hearsay_endings=tuple(hearsay["endings"]),
            modal_stems=frozenset(hearsay["modal_stems"]),
            modal_participles=frozenset(hearsay["modal_participles"]),
            hypothetical=tuple(split_pieces(h) for h in hearsay["hypothetical"]),
            anaphoric_clitics=frozenset(data["anaphoric_clitics"]),
            impersonal_clitics=frozenset(data["impersonal_clitics"]),
            agent_preps=frozenset(articulated["da"]),
            source_frames_at=_by_first_word(source_frames),
            outlet_frames_at=_by_first_word(outlet_frames),
            contradicted_frames_at=_by_first_word(_expand_frames(data["contradicted_frames"], articulated)),
            frame_openers=tuple(sorted((split_pieces(o) for o in data["source_frame_openers"]), key=lambda w: (-len(w), w))),
            frame_verb_forms=_verb_forms(data["source_frame_verbs"], conj),
            not_source_heads=frozenset(data["not_source_heads"]),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise DataFileError(f"language data file '{lang}/cues.yaml' does not follow its schema: "
                            f"{type(exc).__name__}: {exc}. See tests/data/test_cues_schema.py.") from exc


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    entity: str
    type: str
    text: str


@dataclass(frozen=True)
class Cue:
    """A reporting verb: ``start`` is where its auxiliary begins ("ha" in "ha detto")."""

    start: int
    end: int
    lemma: str
    kind: str  # finite | gerund | agent (participle with "da") | infinitive
    verb_start: int


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    text: str
    start: int
    end: int


class _Same:
    """A key equal only to itself's value, by identity: hashing a tuple of entities costs as
    much as sorting their mentions, on every call."""

    __slots__ = ("value",)

    def __init__(self, value: Sequence[Entity]) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def sorted_mentions(entities: Sequence[Entity]) -> tuple[list[EntityMention], list[int]]:
    """Every mention of ``entities`` in text order, longest first at one start, and their starts
    (cached by identity: each attribution call of an article builds a SpeakerContext over the same entities)."""
    return _sorted_mentions(_Same(entities))


@lru_cache(maxsize=8)  # the cache keeps the entities alive, so their id is not reused while cached
def _sorted_mentions(key: _Same) -> tuple[list[EntityMention], list[int]]:
    mentions = sorted((EntityMention(m.start, m.end, e.id, e.type, m.text) for e in key.value for m in e.mentions),
                      key=lambda m: (m.start, -m.end))
    return mentions, [m.start for m in mentions]


class SpeakerContext:
    """One document prepared for speaker finding: the pieces and sentences of its token index,
    mentions, quote spans."""

    def __init__(self, tokens: TokenIndex, entities: Sequence[Entity],
                 quote_spans: Sequence[tuple[int, int]] = (), lang: str = "it") -> None:
        self.text = tokens.text
        self.lex = lexicon(lang)
        self.grammar = grammar(lang)
        self.tokens = tokens
        self.toks = tokens.pieces
        self.lows = tokens.piece_lows
        self.sents = tokens.sents
        self.entities = {e.id: e for e in entities}
        self.mentions, self._mention_starts = sorted_mentions(entities)
        self.quote_spans = tuple(sorted(quote_spans))
        self._quote_starts = [s for s, _ in self.quote_spans]
        self._quote_reach = reach(self.quote_spans)
        self._cached: dict[Hashable, Any] = {}

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per ``key`` for this context: for the questions asked
        again of one sentence by each claim in it (a long sentence holds many)."""
        if key not in self._cached:
            self._cached[key] = compute()
        found: T = self._cached[key]
        return found

    # --- positions ----------------------------------------------------------
    def tok_at(self, pos: int) -> int:
        """Index of the first piece starting at or after ``pos``."""
        return self.tokens.piece_at(pos)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return self.sents[self.tokens.sentence_index(pos)]

    def sentence_index(self, pos: int) -> int:
        return self.tokens.sentence_index(pos)

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, pos)  # the spans starting at or before pos
        return k > 0 and self._quote_reach[k - 1] > pos

    def mentions_in(self, lo: int, hi: int, inside_quotes: bool = False) -> list[EntityMention]:
        first = bisect.bisect_left(self._mention_starts, lo)
        last = bisect.bisect_right(self._mention_starts, hi)
        return [m for m in self.mentions[first:last] if m.end <= hi
                and (inside_quotes or not self.in_quote(m.start))]

    def governed(self, m: EntityMention) -> bool:
        i = self.tok_at(m.start)
        return i > 0 and self.toks[i - 1].low in self.lex.prepositions

    def is_boundary(self, i: int) -> bool:
        """Token ``i`` ends a phrase (punctuation; a hyphen only between spaces)."""
        t = self.toks[i]
        if t.text == "-":
            return t.start > 0 and self.text[t.start - 1].isspace()
        return t.text in BOUNDARY_PUNCT

    # --- cues ------------------------------------------------------------------
    def _aux_before(self, i: int, lo_tok: int) -> int | None:
        j = i - 1
        while j >= lo_tok and j >= i - 3 and (self.toks[j].low in self.lex.adverbs or self.toks[j].low.endswith(self.grammar.adverb_endings)):
            j -= 1
        for aux in sorted(self.lex.auxiliaries, key=len, reverse=True):
            k = j - len(aux) + 1
            if k >= lo_tok and tuple(t.low for t in self.toks[k:j + 1]) == aux:
                return k
        return None

    def find_cues(self, lo: int, hi: int, inside_quotes: bool = False) -> list[Cue]:
        """The reporting cues in ``[lo, hi)`` (outside quotes unless ``inside_quotes``), in text order."""
        return list(self.cached(("cues", lo, hi, inside_quotes), lambda: self._find_cues(lo, hi, inside_quotes)))

    def _find_cues(self, lo: int, hi: int, inside_quotes: bool) -> list[Cue]:
        out: list[Cue] = []
        lo_tok, hi_tok = self.tok_at(lo), self.tok_at(hi)
        i = lo_tok
        while i < hi_tok:
            if not inside_quotes and self.in_quote(self.toks[i].start):
                i += 1
                continue
            for n in range(min(self.lex.max_cue_len, hi_tok - i), 0, -1):
                key = tuple(t.low for t in self.toks[i:i + n])
                if key not in self.lex.cue_forms:
                    continue
                lemma, kind = self.lex.cue_forms[key]
                end = self.toks[i + n - 1].end
                if kind == "participle":
                    aux = self._aux_before(i, lo_tok)
                    if aux is not None:
                        out.append(Cue(self.toks[aux].start, end, lemma, "finite", self.toks[i].start))
                    elif i + n < len(self.toks) and self.toks[i + n].low in self.lex.agent_preps:
                        out.append(Cue(self.toks[i].start, end, lemma, "agent", self.toks[i].start))
                else:
                    aux = self._aux_before(i, lo_tok) if kind == "finite" else None
                    start = self.toks[aux].start if aux is not None else self.toks[i].start
                    out.append(Cue(start, end, lemma, kind, self.toks[i].start))
                i += n - 1
                break
            i += 1
        return out

    def finite_verb(self, lo: int, hi: int) -> int | None:
        """Start of the first finite verb in [lo, hi): a cue or auxiliary + participle."""
        best = None
        cues = [c for c in self.find_cues(lo, hi) if c.kind == "finite"]
        if cues:
            best = cues[0].start
        for i in range(self.tok_at(lo), self.tok_at(hi)):
            t = self.toks[i]
            if best is not None and t.start >= best:
                break
            if self.in_quote(t.start):
                continue
            for aux in self.lex.auxiliaries:
                n = len(aux)
                if tuple(x.low for x in self.toks[i:i + n]) != aux or i + n >= len(self.toks):
                    continue
                j = i + n
                while j < len(self.toks) - 1 and (self.toks[j].low in self.lex.adverbs or self.toks[j].low.endswith(self.grammar.adverb_endings)):
                    j += 1
                nxt = self.toks[j].low
                if nxt.isalpha() and len(nxt) > 3 and (nxt.endswith(self.grammar.speaker_participle_endings)
                                                          or nxt in self.grammar.copula_participles):
                    return t.start
        return best

    # --- noun phrases ------------------------------------------------------------
    def _is_np_start(self, k: int, first: bool) -> bool:
        t = self.toks[k]
        if first and t.low in self.lex.source_nouns:
            return True
        if t.low in self.lex.determiners:
            return first or self.toks[k - 1].low not in self.lex.prepositions
        if t.text[:1].isupper():
            prev = self.toks[k - 1] if k > 0 else None
            return first or (prev is not None and prev.low not in self.lex.prepositions and not prev.text[:1].isupper())
        return False

    def _np_in_chunk(self, a: int, b: int) -> tuple[int, int] | None:
        """Token range of the noun phrase in chunk [a, b), skipping a leading prepositional phrase."""
        while b > a and (self.toks[b - 1].low in self.lex.adverbs or self.toks[b - 1].low.endswith(self.grammar.adverb_endings)):
            b -= 1
        if b <= a:
            return None
        while a < b and self.toks[a].low in self.lex.time_words:
            a += 1
        if a < b and self._is_np_start(a, True) and self.toks[a].low not in self.lex.prepositions:
            return a, b
        # a leading prepositional or participial phrase: the subject starts at a determiner
        for k in range(a + 1, b):
            if self.toks[k].low in self.lex.determiners and self._is_np_start(k, False):
                return k, b
        return None

    def np_before(self, pos: int, lo: int) -> tuple[int, int] | str | None:
        """The subject noun phrase (char span) ending right before ``pos``, "che" for a
        relative clause ("…, che ha detto"), or None."""
        lo_tok, i = self.tok_at(lo), self.tok_at(pos)
        if i - 1 >= lo_tok and self.toks[i - 1].low in self.grammar.complementizers:
            return "che"
        if i - 1 >= lo_tok and self.toks[i - 1].low in self.lex.impersonal_clitics:
            return None  # "Come si ricorderà": no one says it
        b = i
        for _ in range(4):  # at most a few parentheticals between subject and verb
            a = b
            while a > lo_tok and not self.is_boundary(a - 1) and self.toks[a - 1].low not in self.lex.clause_breaks \
                    and self.toks[a - 1].low not in self.grammar.relatives:
                a -= 1
            rng = self._np_in_chunk(a, b)
            if rng is not None:
                return self.toks[rng[0]].start, self.toks[rng[1] - 1].end
            if a <= lo_tok or self.toks[a - 1].text != ",":
                return None
            b = a - 1
        return None

    def _ends_np(self, j: int) -> bool:
        t = self.toks[j]
        return (self.is_boundary(j) or t.low in self.grammar.subject_stops or t.low in self.lex.clause_breaks
                or (t.low,) in self.lex.auxiliaries or (t.low,) in self.lex.cue_forms)

    def np_after(self, pos: int, hi: int) -> tuple[int, int] | None:
        """The noun phrase following a post-posed cue ("…”, ha detto il ministro X")."""
        i, hi_tok = self.tok_at(pos), self.tok_at(hi)
        lex = self.lex
        in_pp = False
        while i < hi_tok:
            t = self.toks[i]
            if self.is_boundary(i) or t.low in self.grammar.complementizers or t.low in self.lex.clause_breaks:
                return None
            if t.low in lex.time_words or t.low.endswith(self.grammar.adverb_endings):
                i += 1
                continue
            if t.low in lex.prepositions:
                in_pp = True
                i += 1
                continue
            if t.low.endswith(self.grammar.gerund_endings) and len(t.low) > 5:
                return None
            if in_pp and not (t.low in lex.determiners and self.toks[i - 1].low not in lex.prepositions):
                i += 1
                continue
            break
        if i >= hi_tok:
            return None
        j = i + 1
        while j < hi_tok and not self._ends_np(j):
            prev, t = self.toks[j - 1], self.toks[j]
            if (prev.text[:1].isupper() and t.low in self.lex.prepositions and not t.low.startswith("d")
                    and j + 1 < hi_tok and self.toks[j + 1].text[:1].islower()):
                break  # "lo stesso Lavrov nelle recenti dichiarazioni": the name ends the phrase
            j += 1
        end = self.toks[j - 1].end
        # an appositive name after a comma: "il capo negoziatore di Hamas, Khalil al-Hayya."
        if j < hi_tok and self.toks[j].text == ",":
            k = j + 1
            while k < hi_tok and (self.toks[k].text[:1].isupper() or self.toks[k].text == "-"
                                  or self.toks[k].low in self.grammar.name_particles):
                k += 1
            if k > j + 1 and self.toks[k - 1].text[:1].isupper() and (k >= hi_tok or self.toks[k].text in BOUNDARY_PUNCT):
                end = self.toks[k - 1].end
        return self.toks[i].start, end

    # --- resolution -----------------------------------------------------------------
    def resolve(self, start: int, end: int, inside_quotes: bool = False) -> Speaker:
        """The speaker a noun phrase names: the entity a mention in it belongs to, an
        anaphoric definite phrase resolved to an earlier mention, or the phrase alone."""
        phrase = self.text[start:end]
        ms = self.mentions_in(start, end, inside_quotes)
        # a mention opening the phrase heads it, whatever preposition led to the phrase
        # ("secondo quanto annunciato dalla Farnesina")
        free = [m for m in ms if m.start == start or not self.governed(m)]
        ws = [t for t in self.toks[self.tok_at(start):self.tok_at(end)]]
        head = next((t.low for t in ws if t.low not in self.grammar.articles and t.low not in self.lex.head_modifiers), "")
        for group in ([m for m in free if m.type == "PER"], free,
                      [m for m in ms if head in self.lex.source_nouns]):
            if group:
                return Speaker(group[0].entity, phrase, start, end)
        if ws and ws[0].low in self.grammar.definite_articles and not any(t.text[:1].isupper() for t in ws[1:]) and head:
            ent = self.antecedent(head, start)
            if ent is not None:
                return Speaker(ent, phrase, start, end)
        return Speaker(None, phrase, start, end)

    def antecedent(self, head: str, before: int) -> str | None:
        """The latest entity mentioned before ``before`` whose mention or title names ``head``."""
        pat = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
        for m in reversed(self.mentions[:bisect.bisect_right(self._mention_starts, before)]):
            if m.end > before or self.in_quote(m.start):
                continue
            window = self.text[max(0, m.start - 60):m.end]
            sent_lo = self.sentence_of(m.start)[0]
            window = window[max(0, sent_lo - max(0, m.start - 60)):]
            ent = self.entities.get(m.entity)
            roles = " ".join(r.title for r in ent.roles) if ent else ""
            if pat.search(window) or pat.search(roles):
                return m.entity
        return None

    def subject_of(self, cue: Cue, lo: int) -> Speaker | None:
        """The subject of a cue verb found in [lo, cue): explicit, relative or shared."""
        if cue.kind == "agent":
            rng = self.np_after(cue.end, self.sentence_of(cue.start)[1])
            return self.resolve(*rng) if rng else None
        if cue.kind == "finite":
            np = self.np_before(cue.start, lo)
            if np == "che":  # "…, che ha detto": the antecedent before the relative pronoun
                che = self.toks[self.tok_at(cue.start) - 1].start
                ante = self.nearest_mention(lo, che)
                if ante is None:
                    before = self.np_before(che, lo)
                    ante = self.resolve(*before) if isinstance(before, tuple) else None
                return ante
            if isinstance(np, tuple):
                return self.resolve(*np)
        # a gerund or a verb sharing the subject of the clause before it
        return self.sentence_subject(lo, cue.start)

    def nearest_mention(self, lo: int, hi: int) -> Speaker | None:
        ms = [m for m in self.mentions_in(lo, hi) if not self.governed(m)]
        per = [m for m in ms if m.type == "PER"]
        if not (per or ms):
            return None
        m = (per or ms)[-1]
        return Speaker(m.entity, m.text, m.start, m.end)

    def sentence_subject(self, lo: int, hi: int) -> Speaker | None:
        """The subject of the first finite verb in [lo, hi), else its nearest free PER mention."""
        verb = self.finite_verb(lo, hi)
        if verb is not None:
            np = self.np_before(verb, lo)
            if isinstance(np, tuple):
                sp = self.resolve(*np)
                if sp.entity is not None or sp.text:
                    return sp
        return self.nearest_mention(lo, hi)

    def salient_subject(self, pos: int, max_back: int = 3) -> Speaker | None:
        """The subject of the closest earlier sentence that names one entity ("ha detto"
        after a sentence about Lavrov)."""
        idx = self.sentence_index(pos)
        fallback = None
        for k in range(idx - 1, max(-1, idx - 1 - max_back), -1):
            lo, hi = self.sents[k]
            sp = self.sentence_subject(lo, hi)
            if sp is None or sp.entity is None:
                if sp is not None and fallback is None and any(w[:1].isupper() for w in sp.text.split()
                                                                    if w.lower() not in self.lex.determiners):
                    fallback = sp  # a named subject the entity stage did not catch
                continue
            ent = self.entities.get(sp.entity)
            if ent is None or ent.type == "PER":
                return sp
            fallback = fallback or sp
        return fallback
