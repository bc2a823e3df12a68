"""A word-level view of a parsed article for the event rules: the words of its token index
(lower-cased, with their offsets and sentence numbers), clause limits, quoted stretches and
entity mentions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from cronaca.extract.event.grammar import grammar
from cronaca.extract.event.lexicon import (
    EventLexicon,
    Phrase,
    PhraseIndex,
    phrase_at,
    phrase_index,
    split_phrase,
)
from cronaca.extract.spans import SpanIndex, reach
from cronaca.extract.tense import has_morphology
from cronaca.nlp import ParsedDoc
from cronaca.nlp.tokens import TokenIndex
from cronaca.records import Entity, Quote

_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ('"', '"'))
_PUNCT_BREAKS = frozenset({";", ":", "–", "—", "(", ")"})


@dataclass(frozen=True)
class ActorMention:
    """One mention of an entity, with the word indices it covers."""

    start: int
    end: int
    entity: str
    type: str
    first: int  # first word index
    last: int  # last word index


def quoted_spans(text: str, quotes: Sequence[Quote]) -> tuple[tuple[int, int], ...]:
    """Stretches inside quotation marks (from the text) and the quotes stage's spans."""
    spans = [(q.start, q.end) for q in quotes if q.kind == "statement"]
    for open_, close in _QUOTE_PAIRS:
        pattern = re.escape(open_) + r"[^" + re.escape(close) + r"\n]{1,2000}" + re.escape(close)
        spans.extend((m.start(), m.end()) for m in re.finditer(pattern, text))
    return tuple(sorted(set(spans)))


class TextView:
    """Words, sentences, quotes and mentions of one article (built once per article, on its
    token index)."""

    def __init__(self, pdoc: ParsedDoc, entities: Sequence[Entity], quotes: Sequence[Quote],
                 lexicon: EventLexicon, tokens: TokenIndex) -> None:
        self.text = pdoc.text
        self.lex = lexicon
        self.lang = pdoc.article.language or "it"
        self.grammar = grammar(self.lang)
        self.words = words = tokens.words
        self.tokens = tokens.word_tokens  # each word's spaCy token
        self.has_morphology = has_morphology(pdoc.doc)  # the tokens carry a parse and UD features
        self.lows = tokens.word_lows
        self._starts = tokens.word_starts
        self._ends = tokens.word_ends
        self._sents = tokens.word_sents
        self._indexes: dict[int, tuple[Sequence[Phrase], PhraseIndex]] = {}
        self.quotes = quoted_spans(self.text, quotes)
        self._quote_starts = [q[0] for q in self.quotes]
        self._quote_reach = reach(self.quotes)
        self._word_quote = tuple(self.quote_of(w.start) for w in words)
        self._breaks: tuple[bool, ...] | None = None
        self.entities = {e.id: e for e in entities}
        mentions = []
        for e in entities:
            for m in e.mentions:
                first, last = self.word_range(m.start, m.end)
                if first <= last:
                    mentions.append(ActorMention(m.start, m.end, e.id, e.type, first, last))
        mentions += self._repeated(mentions)
        mentions += self._military(mentions)
        self.mentions = tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))
        firsts = [m.first for m in self.mentions]  # in text order, so their first words never decrease
        self._firsts = firsts if all(a <= b for a, b in pairwise(firsts)) else None
        self.widest = max((m.last - m.first for m in self.mentions), default=0)  # words of the longest, less one
        self._ending_at: dict[int, ActorMention] = {}
        self._starting_at: dict[int, ActorMention] = {}
        for mention in self.mentions:
            self._ending_at.setdefault(mention.last, mention)
            self._starting_at.setdefault(mention.first, mention)
        self._authorities: dict[tuple[str, ...], dict[str, int]] = {}

    def _repeated(self, mentions: Sequence[ActorMention]) -> list[ActorMention]:
        """A country's name or capital repeated where the entities stage read it as a place only
        ("ha chiesto spiegazioni a Mosca"): the same words name the same actor."""
        out: list[ActorMention] = []
        named = SpanIndex((m.start, m.end) for m in mentions)
        taken = bytearray(len(self.text))  # the characters of the mentions found here
        for e in self.entities.values():
            if e.type != "GPE":
                continue
            surfaces = {m.text for m in e.mentions if len(m.text) >= 4 and m.text[:1].isupper()}
            for surface in sorted(surfaces, key=lambda s: (-len(s), s)):  # longest first, fixed order
                for hit in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", self.text):
                    if not named.overlaps(hit.start(), hit.end()) and 1 not in taken[hit.start():hit.end()]:
                        first, last = self.word_range(hit.start(), hit.end())
                        if first <= last:
                            out.append(ActorMention(hit.start(), hit.end(), e.id, e.type, first, last))
                            taken[hit.start():hit.end()] = b"\x01" * (hit.end() - hit.start())
        return out

    def _military(self, mentions: Sequence[ActorMention]) -> list[ActorMention]:
        """ "le truppe", "i soldati" as a bare definite phrase: the armed forces named before."""
        out: list[ActorMention] = []
        named = SpanIndex((m.start, m.end) for m in mentions)
        # the armed forces' mentions, the latest first (at one start, in the order given)
        armies = sorted((m for m in mentions if (self.entities[m.entity].code or "").endswith("MIL")),
                        key=lambda m: -m.start)
        for j in range(len(self.lows)):
            p = self.any_phrase_at(self.lex.military_anaphora, j)
            if p is None:
                continue
            last = j + len(p) - 1
            nxt = self.lows[last + 1] if last + 1 < len(self.lows) else ""
            if nxt in self.lex.nationalities or nxt in self.lex.prepositions:
                continue  # "le truppe russe", "i soldati di Kiev": named there
            start, end = self.words[j].start, self.words[last].end
            if named.overlaps(start, end):
                continue
            army = next((m for m in armies if m.end <= start), None)
            if army is not None:
                out.append(ActorMention(start, end, army.entity, army.type, j, last))
        return out

    # --- positions --------------------------------------------------------------------------
    def mention_starting_at(self, word: int) -> ActorMention | None:
        """The first mention (in text order, longest first) whose first word is ``word``."""
        return self._starting_at.get(word)

    def mention_counts(self, code_endings: tuple[str, ...]) -> dict[str, int]:
        """Entity id -> mentions, for the entities whose code ends with one of ``code_endings``
        (counted once per article and set of endings), in the order they are first mentioned."""
        counts = self._authorities.get(code_endings)
        if counts is None:
            counts = {}
            for m in self.mentions:
                code = self.entities[m.entity].code or "" if m.entity in self.entities else ""
                if code.endswith(code_endings):
                    counts[m.entity] = counts.get(m.entity, 0) + 1
            self._authorities[code_endings] = counts
        return counts

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """First and last word index overlapping [start, end) (first > last if none)."""
        first = bisect_right(self._ends, start)  # words are sorted and do not overlap
        last = bisect_left(self._starts, end) - 1
        return (first, last) if first <= last else (1, 0)

    def sent_range(self, sent: int) -> tuple[int, int]:
        return self._sents[sent]

    def quote_of(self, char: int) -> tuple[int, int] | None:
        """The first quote (in start order) around ``char``: the first of the quotes starting at or
        before it whose running furthest end passes it (see :func:`reach`)."""
        k = bisect_right(self._quote_starts, char)
        i = bisect_right(self._quote_reach, char, 0, k)
        return self.quotes[i] if i < k else None

    def same_quote(self, a: int, b: int) -> bool:
        return self.quote_of(a) == self.quote_of(b)

    def phrase_at(self, phrase: Phrase, i: int) -> bool:
        return phrase_at(phrase, self.lows, i)

    def index(self, phrases: Sequence[Phrase]) -> PhraseIndex:
        """The first-word index of a lexicon's phrase list (looked up once per list and article)."""
        known = self._indexes.get(id(phrases))
        if known is not None and known[0] is phrases:
            return known[1]
        index = phrase_index(tuple(phrases))
        self._indexes[id(phrases)] = (phrases, index)
        return index

    def any_phrase_at(self, phrases: Sequence[Phrase], i: int) -> Phrase | None:
        """The first phrase of ``phrases`` matching at word ``i``."""
        return self.index(phrases).first_at(self.lows, i)

    def find_before(self, phrases: Sequence[Phrase], i: int, lo: int) -> tuple[int, Phrase] | None:
        """The nearest phrase ending before word ``i`` and starting at or after ``lo``."""
        index = self.index(phrases)
        for j in range(i - 1, lo - 1, -1):
            for k in index.matches_at(self.lows, j):
                if j + len(index.phrases[k]) <= i:
                    return j, index.phrases[k]
        return None

    def find_after(self, phrases: Sequence[Phrase], i: int, hi: int) -> tuple[int, Phrase] | None:
        """The nearest phrase starting at or after word ``i`` and ending by word ``hi``."""
        index = self.index(phrases)
        for j in range(i, hi + 1):
            for k in index.matches_at(self.lows, j):
                if j + len(index.phrases[k]) - 1 <= hi:
                    return j, index.phrases[k]
        return None

    # --- clauses ----------------------------------------------------------------------------
    def is_break(self, i: int) -> bool:
        if self._breaks is None:
            index = self.index(self.lex.clause_breaks)
            self._breaks = tuple(low in _PUNCT_BREAKS or bool(index.matches_at(self.lows, j))
                                 for j, low in enumerate(self.lows))
        return self._breaks[i]

    def clause(self, i: int) -> tuple[int, int]:
        """Word range of the clause around word ``i``: bounded by the sentence, clause-break words
        and strong punctuation, and by quotation marks when ``i`` is inside or outside a quote."""
        s_lo, s_hi = self.sent_range(self.words[i].sent)
        quote = self._word_quote
        q = quote[i]
        lo = i
        while lo > s_lo and not self.is_break(lo - 1) and quote[lo - 1] == q:
            lo -= 1
        hi = i
        while hi < s_hi and not self.is_break(hi + 1) and quote[hi + 1] == q:
            hi += 1
        return lo, hi

    # --- mentions ---------------------------------------------------------------------------
    def mention_ending_at(self, last: int) -> ActorMention | None:
        return self._ending_at.get(last)

    def mentions_between(self, lo: int, hi: int) -> tuple[ActorMention, ...]:
        return tuple(m for m in self.mentions_from(lo, hi + 1) if m.last <= hi)

    def mentions_from(self, lo: int, hi: int) -> tuple[ActorMention, ...]:
        """The mentions whose first word is in ``[lo, hi)``, in text order."""
        if self._firsts is None:
            return tuple(m for m in self.mentions if lo <= m.first < hi)
        return self.mentions[bisect_left(self._firsts, lo):bisect_left(self._firsts, hi)]

    def entity_type(self, entity_id: str) -> str:
        e = self.entities.get(entity_id)
        return e.type if e else ""

    def nationality_entity(self, i: int) -> str | None:
        """The country entity a nationality adjective at word ``i`` names ("truppe russe" -> Russia)."""
        code = self.lex.nationalities.get(self.lows[i])
        if not code or not self.text[self.words[i].start:self.words[i].start + 1].islower():
            return None
        best = None
        for e in self.entities.values():
            if e.type != "GPE":
                continue
            if (e.code or "")[:3] == code or e.country == code:
                best = best or e.id
                if (e.code or "") == code:
                    return e.id
        return best

    def pair_before(self, i: int, sents_back: int = 2) -> tuple[str, str] | None:
        """The last two entities joined by 'e' ("tra Stati Uniti e Russia") before word ``i``."""
        sent = self.words[i].sent
        prev = [m for m in self.mentions if m.last < i and self.words[m.first].sent >= sent - sents_back
                and self.quote_of(m.start) is None]
        for a, b in zip(reversed(prev[:-1]), reversed(prev[1:])):
            gap = self.lows[a.last + 1:b.first]
            if list(gap) in (["e"], ["ed"]) and a.entity != b.entity:
                return a.entity, b.entity
        return None


def phrase_words(text: str) -> Phrase:
    return split_phrase(text)
