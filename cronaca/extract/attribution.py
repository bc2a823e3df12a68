"""Attribution chains and the conditional of hearsay.

``attribution_for`` answers "who does the article say this comes from?" for a claim whose
evidence is ``text[start:end]``, innermost source first:

* inside a quotation: its speaker, then the outlet it spoke to ("ha dichiarato alla CNN");
* a reporting verb before the claim in its sentence ("X ha detto che …", "fonti vicine al
  Cremlino raccontano che …", "spiegando che …") or right after it ("…, ha detto X"), or a
  reporting verb inside the evidence itself (the claim is a speech act: its speaker);
  the speaker's outlet follows it ("Ryabkov, citato dall'agenzia Tass", "nell'intervista
  a Ria Novosti");
* a source frame anywhere in the sentence ("secondo fonti diplomatiche", "secondo quanto
  riportato da fonti della Casa Bianca alla CNN" -> [fonti della Casa Bianca, CNN]): a fixed
  frame, or an opener with a reporting verb ("stando a quanto riferisce", "come ha spiegato",
  "secondo quanto dichiarato da ... all'agenzia Y"), whose verb is then no cue of its own;
* "Lo ha annunciato X" opening the next sentence;
* when the sentence names no source, or only the speaker of the speech act it reports, and
  goes on with the report of the sentence before (a verbless sentence with a relative
  clause, or the conditional of hearsay), the previous sentence's sources carry over.

Empty when the article asserts the claim itself.  ``is_hearsay`` spots the conditional
mood the Italian press uses for unconfirmed reports ("sarebbe stata una telefonata").
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from itertools import pairwise

from cronaca.extract.quotes import extract_quotes
from cronaca.extract.spans import reach
from cronaca.extract.speakers import BOUNDARY_PUNCT, Cue, Speaker, SpeakerContext
from cronaca.nlp import ParsedDoc
from cronaca.nlp.tokens import TokenIndex
from cronaca.records import Entity, Quote, Source

log = logging.getLogger(__name__)

_BARE_OUTLET_WINDOW = 3  # tokens after a cue where "alla CNN" names the outlet


def attribution_for(pdoc: ParsedDoc, entities: Sequence[Entity], start: int, end: int, *,
                    quotes: Sequence[Quote] | None = None, tokens: TokenIndex | None = None) -> tuple[Source, ...]:
    """The chain of sources for the claim at ``text[start:end]``, innermost first.

    ``quotes`` are the document's quotations and ``tokens`` its token index (each computed
    when not given).  For several claims of one article, an :class:`Attributor` built once
    answers each."""
    if tokens is None:
        tokens = TokenIndex(pdoc)
    if quotes is None:
        quotes = extract_quotes(pdoc, entities, tokens=tokens)
    return Attributor(pdoc, entities, quotes, tokens)(start, end)


class Attributor:
    """The attribution chains of the claims of one article: its speaker context and its
    statements (the quotes that are no scare quotes) are set up once, not for every claim."""

    def __init__(self, pdoc: ParsedDoc, entities: Sequence[Entity], quotes: Sequence[Quote],
                 tokens: TokenIndex | None = None) -> None:
        self.pdoc = pdoc
        self.entities = entities
        self.tokens = tokens if tokens is not None else TokenIndex(pdoc)
        self.statements = [q for q in quotes if q.kind == "statement"]
        self.ctx = SpeakerContext(self.tokens, entities, quote_spans=[(q.start, q.end) for q in self.statements])
        in_order = all(a.start <= b.start for a, b in pairwise(self.statements))
        self._starts = [q.start for q in self.statements] if in_order else None
        self._reach = reach([(q.start, q.end) for q in self.statements])

    def _statement_around(self, pos: int) -> Quote | None:
        """The first statement (in the order given) around ``pos``."""
        if self._starts is None:
            return next((q for q in self.statements if q.start <= pos < q.end), None)
        k = bisect_right(self._starts, pos)  # those starting at or before pos; the first reaching past it
        i = bisect_right(self._reach, pos, 0, k)
        return self.statements[i] if i < k else None

    def __call__(self, start: int, end: int) -> tuple[Source, ...]:
        """The chain of sources for the claim at ``text[start:end]``, innermost first."""
        ctx = self.ctx
        chain: list[Source] = []
        quote = self._statement_around(start)
        sent_lo, sent_hi = ctx.sentence_of(start)
        if quote is not None:
            if quote.speaker or quote.speaker_text:
                chain.append(Source(quote.speaker, quote.speaker_text or "", None, None))
            lo, hi = ctx.sentence_of(quote.start)[0], ctx.sentence_of(max(quote.end - 1, quote.start))[1]
            against = _contradicted(ctx, lo, hi)
            for quote_cue in ctx.find_cues(lo, hi):
                chain.extend(_outlets(ctx, quote_cue, None, lo, against))
            chain.extend(_frame_sources(ctx, lo, hi, skip=against))
            return _dedupe(chain)
        against = _contradicted(ctx, sent_lo, sent_hi)
        speaker, cue, speech_act = _reporting_cue(ctx, start, end, sent_lo, sent_hi, against)
        if speaker is not None and cue is not None:
            chain.append(_source(speaker))
            chain.extend(_outlets(ctx, cue, speaker, sent_lo, against))
        own = _frame_sources(ctx, sent_lo, sent_hi, claim=start, skip=against)
        chain.extend(own)
        chain.extend(_clitic_next(ctx, sent_hi))
        if not own and (speaker is None or speech_act) and _continues_report(ctx, sent_lo, start, end, cue):
            chain.extend(_carried_over(ctx, sent_lo))
        return _dedupe(chain)


def _source(sp: Speaker) -> Source:
    return Source(sp.entity, sp.text, sp.start, sp.end)


def _dedupe(chain: list[Source]) -> tuple[Source, ...]:
    out: list[Source] = []
    for s in chain:
        if any((s.entity is not None and s.entity == o.entity) or (s.start is not None and o.start is not None
               and s.start < (o.end or 0) and o.start < (s.end or 0)) or (s.entity is None and s.text == o.text)
               for o in out):
            continue
        out.append(s)
    return tuple(out)


def _contradicted(ctx: SpeakerContext, lo: int, hi: int) -> list[tuple[int, int]]:
    """Character ranges in [lo, hi) naming a source the sentence contradicts: from a frame
    ("contraddicendo quanto riportato dalla CNN", "a differenza di quanto affermato da X") to
    the end of its clause (found once per range and context)."""
    return ctx.cached(("contradicted", lo, hi), lambda: _find_contradicted(ctx, lo, hi))


def _find_contradicted(ctx: SpeakerContext, lo: int, hi: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i, hi_tok = ctx.tok_at(lo), ctx.tok_at(hi)
    while i < hi_tok:
        frame = _match_frame(ctx, i, ctx.lex.contradicted_frames_at)
        if frame is None or ctx.in_quote(ctx.toks[i].start):
            i += 1
            continue
        j = i + len(frame)
        while j < hi_tok and not ctx.is_boundary(j):
            j += 1
        out.append((ctx.toks[i].start, ctx.toks[j - 1].end))
        i = j
    return out


def _inside(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _reporting_cue(ctx: SpeakerContext, start: int, end: int, lo: int, hi: int,
                   against: Sequence[tuple[int, int]] = ()) -> tuple[Speaker | None, Cue | None, bool]:
    """The reporting verb governing the claim, its subject, and whether the claim is the
    speech act itself (the verb lies inside the evidence).  Cues inside ``against`` (a
    contradicted source) are skipped."""
    framed = _built_frames(ctx, lo, hi)  # "stando a quanto riferisce X": the frame's verb, not a cue
    cues = [c for c in ctx.find_cues(lo, hi) if c.kind in ("finite", "gerund", "agent")
            and not _inside(c.start, against) and not _inside(c.verb_start, framed)]
    inside = [c for c in cues if start <= c.verb_start < end]
    if inside:
        sp = ctx.subject_of(inside[0], lo)
        if sp is not None:
            return sp, inside[0], True
    before = [c for c in cues if c.end <= start and c.kind != "agent" and not _scope_broken(ctx, c.end, start)]
    if before:
        sp = ctx.subject_of(before[-1], lo)
        if sp is not None:
            return sp, before[-1], False
    for c in cues:
        if c.start >= end and c.kind == "finite":
            i = ctx.tok_at(c.start)
            if i > 0 and ctx.toks[i - 1].text == ",":
                rng = ctx.np_after(c.end, hi)
                if rng is not None:
                    return ctx.resolve(*rng), c, False
    return None, None, False


def _scope_broken(ctx: SpeakerContext, a: int, b: int) -> bool:
    return any(t.low in ctx.grammar.scope_breaks for t in ctx.toks[ctx.tok_at(a):ctx.tok_at(b)] if not ctx.in_quote(t.start))


def _match_frame(ctx: SpeakerContext, i: int, frames_at: Mapping[str, Sequence[tuple[str, ...]]]) -> tuple[str, ...] | None:
    """The first frame (longest first) whose words start at token ``i``; ``frames_at``
    groups the frames by first word."""
    if i >= len(ctx.lows):
        return None
    for frame in frames_at.get(ctx.lows[i], ()):
        if ctx.lows[i:i + len(frame)] == frame:
            return frame
    return None


def _named_after(ctx: SpeakerContext, i: int, hi_tok: int, explicit: bool) -> Source | None:
    """The outlet named from token ``i`` on ("agenzia Tass", "CNN")."""
    while i < hi_tok and ctx.toks[i].low in ctx.lex.outlet_nouns:
        i += 1
    if i >= hi_tok:
        return None
    pos = ctx.toks[i].start
    m = next((m for m in ctx.mentions if m.start == pos), None)
    if m is not None:
        ent = ctx.entities.get(m.entity)
        if explicit and m.type != "PER" or _media(ent):
            return Source(m.entity, m.text, m.start, m.end)
        return None
    if not explicit or not ctx.toks[i].text[:1].isupper():
        return None
    j = i
    while j < hi_tok and ctx.toks[j].text[:1].isupper():
        j += 1
    return Source(None, ctx.text[ctx.toks[i].start:ctx.toks[j - 1].end], ctx.toks[i].start, ctx.toks[j - 1].end)


def _media(ent: Entity | None, named_as_outlet: bool = False) -> bool:
    """Whether ``ent`` may be an outlet: a media actor, or an organisation with no actor code
    (one with a code of its own is a government, a parliament ...: "ha parlato alla Knesset");
    after an outlet noun ("all'agenzia X") any organisation."""
    if ent is None or ent.type not in ("ORG", "MISC"):
        return False
    return named_as_outlet or not ent.code or ent.code.endswith("MED")


def _outlets(ctx: SpeakerContext, cue: Cue, speaker: Speaker | None, lo: int,
             against: Sequence[tuple[int, int]] = ()) -> list[Source]:
    """Outlets the speaker spoke to or through: between subject and verb, or right after the
    verb; none inside ``against`` (a contradicted source)."""
    out: list[Source] = []
    a = speaker.end if speaker is not None and speaker.end <= cue.start else lo
    sent_hi = ctx.sentence_of(cue.start)[1]
    hi_tok = ctx.tok_at(sent_hi)
    i, after = ctx.tok_at(a), ctx.tok_at(cue.end)
    while i < hi_tok:
        t = ctx.toks[i]
        if i >= after and (t.text in BOUNDARY_PUNCT and t.text != "," or t.low in ctx.grammar.complementizers or i >= after + 8):
            break
        if ctx.in_quote(t.start) or (ctx.tok_at(cue.start) <= i < after) or _inside(t.start, against):
            i += 1
            continue
        frame = _match_frame(ctx, i, ctx.lex.outlet_frames_at)
        if frame is not None:
            explicit = len(frame) > 1
            if explicit or (after <= i < after + _BARE_OUTLET_WINDOW):
                src = _named_after(ctx, i + len(frame), hi_tok, explicit)
                if src is not None:
                    out.append(src)
                    i = ctx.tok_at(src.end or t.end)
                    continue
        i += 1
    return out


def _frame_scope(ctx: SpeakerContext, i: int, np_end: int, lo: int, hi: int) -> tuple[int, int]:
    """What a frame at token ``i`` governs: the sentence when it opens it or closes it
    ("…, secondo fonti della Casa Bianca."), else only its own clause."""
    lo_tok, hi_tok = ctx.tok_at(lo), ctx.tok_at(hi)
    j = ctx.tok_at(np_end)
    opens = all(ctx.toks[k].low in ctx.lex.clause_breaks or ctx.toks[k].low in ctx.lex.time_words
                or ctx.toks[k].text == "," for k in range(lo_tok, i))
    closes = j >= hi_tok or ctx.toks[j].text in ".!?;"
    if opens or closes:
        return lo, hi
    a = i
    while a > lo_tok and not ctx.is_boundary(a - 1):
        a -= 1
    while j < hi_tok and not ctx.is_boundary(j):
        j += 1
    return ctx.toks[a].start if a < len(ctx.toks) else lo, ctx.toks[j].start if j < len(ctx.toks) else hi


def _frame_sources(ctx: SpeakerContext, lo: int, hi: int, claim: int | None = None,
                   skip: Sequence[tuple[int, int]] = ()) -> list[Source]:
    """Sources named by a frame in [lo, hi) whose scope covers offset ``claim`` (None: the
    frames governing the whole sentence): "secondo fonti diplomatiche", "stando a …",
    with a trailing outlet split off ("fonti della Casa Bianca alla CNN"); none inside
    ``skip`` (a contradicted source)."""
    out: list[Source] = []
    i, hi_tok = ctx.tok_at(lo), ctx.tok_at(hi)
    frames = ctx.cached(("source frames", i, hi_tok), lambda: _source_frames(ctx, i, hi_tok))
    at = [k for k, _ in frames]
    while i < hi_tok:
        # the next token from i on that opens a frame, outside quotes and ``skip``
        k = bisect_left(at, i)
        while k < len(frames) and _inside(ctx.toks[frames[k][0]].start, skip):
            k += 1
        if k == len(frames):
            break
        i, n = frames[k]
        rng = ctx.np_after(ctx.toks[i + n - 1].end, hi)
        if rng is None or ctx.toks[ctx.tok_at(rng[0])].low in ctx.lex.not_source_heads:
            i += n
            continue
        s, e = rng
        outlet = _outlet_at(ctx, ctx.tok_at(e), ctx.tok_at(hi))  # "fonti del ministero all'agenzia Ansa"
        scope = _frame_scope(ctx, i, outlet.end if outlet is not None and outlet.end else e, lo, hi)
        if (scope != (lo, hi) and claim is None) or (claim is not None and not scope[0] <= claim < scope[1]):
            i = ctx.tok_at(e)
            continue
        if outlet is None:  # "fonti del Pentagono alla BBC": the outlet inside the phrase
            for k in range(ctx.tok_at(s) + 1, ctx.tok_at(e)):
                outlet = _outlet_at(ctx, k, ctx.tok_at(e))
                if outlet is not None:
                    e = ctx.toks[k - 1].end
                    break
        out.append(_source(ctx.resolve(s, e)))
        if outlet is not None:
            out.append(outlet)
        i = ctx.tok_at(outlet.end if outlet is not None and outlet.end else rng[1])
    return out


def _source_frames(ctx: SpeakerContext, lo_tok: int, hi_tok: int) -> list[tuple[int, int]]:
    """``(token, length)`` of each source frame opening at a token of ``[lo_tok, hi_tok)`` outside quotes."""
    out = []
    for i in range(lo_tok, hi_tok):
        if not ctx.in_quote(ctx.toks[i].start):
            n = _source_frame_at(ctx, i)
            if n:
                out.append((i, n))
    return out


def _source_frame_at(ctx: SpeakerContext, i: int) -> int:
    """How many tokens the source frame starting at token ``i`` spans (0: none): an opener
    with a reporting verb ("secondo quanto riferito da", "stando a quanto riferisce", "come ha
    spiegato"), else a fixed frame ("secondo", "a detta di")."""
    return _built_frame(ctx, i) or len(_match_frame(ctx, i, ctx.lex.source_frames_at) or ())


def _built_frames(ctx: SpeakerContext, lo: int, hi: int) -> list[tuple[int, int]]:
    """Character ranges of the opener + reporting verb frames in [lo, hi) (found once per range and context)."""
    return ctx.cached(("built frames", lo, hi), lambda: _find_built_frames(ctx, lo, hi))


def _find_built_frames(ctx: SpeakerContext, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    for i in range(ctx.tok_at(lo), ctx.tok_at(hi)):
        n = _built_frame(ctx, i)
        if n:
            out.append((ctx.toks[i].start, ctx.toks[i + n - 1].end))
    return out


def _built_frame(ctx: SpeakerContext, i: int) -> int:
    """Tokens of the opener + reporting verb frame at token ``i`` (0: none): the opener, an
    auxiliary with a participle or a finite form alone, and after a bare participle its "da"."""
    lex, lows = ctx.lex, ctx.lows
    opener = next((o for o in lex.frame_openers if lows[i:i + len(o)] == o), None)
    if opener is None:
        return 0
    j = i + len(opener)
    aux = next((a for a in sorted(lex.auxiliaries, key=len, reverse=True) if lows[j:j + len(a)] == a), ())
    j += len(aux)
    while j < len(lows) and lows[j] in lex.adverbs:
        j += 1
    for n in (2, 1):
        form = lex.frame_verb_forms.get(lows[j:j + n])
        if form is None:
            continue
        k = j + n
        if form[1] == "participle" and not aux:  # "riferito (ieri) da X": the agent follows
            while k < len(lows) and (lows[k] in lex.time_words or lows[k] in lex.adverbs):
                k += 1
            return k + 1 - i if k < len(lows) and lows[k] in lex.agent_preps else 0
        return k - i if (form[1] == "finite") != bool(aux) else 0  # "riferisce X", "ha riferito X"
    return 0


def _outlet_at(ctx: SpeakerContext, k: int, hi_tok: int) -> Source | None:
    """The outlet a source spoke to, named from token ``k`` (before ``hi_tok``) on:
    "all'agenzia Ansa", "alla BBC".  A place or a person is no outlet ("fonti del governo a
    Vienna"), nor is an unknown name without its outlet noun."""
    if k >= hi_tok or ctx.toks[k].low not in ctx.grammar.outlet_preps:
        return None
    j = k + 1
    while j < hi_tok and ctx.toks[j].low in ctx.lex.outlet_nouns:
        j += 1
    if j >= hi_tok:
        return None
    m = next((m for m in ctx.mentions if m.start == ctx.toks[j].start), None)
    if m is not None and not _media(ctx.entities.get(m.entity), named_as_outlet=j > k + 1):
        return None
    if m is None and j == k + 1:
        return None
    return _named_after(ctx, k + 1, hi_tok, explicit=True)


def _clitic_next(ctx: SpeakerContext, sent_hi: int) -> list[Source]:
    """"Lo ha annunciato l'esercito." at the start of the next sentence."""
    k = bisect_left(ctx.tokens.sent_starts, sent_hi)  # the first sentence starting at or after sent_hi
    if k >= len(ctx.sents) or "\n" in ctx.text[sent_hi:ctx.sents[k][0]]:
        return []
    lo, hi = ctx.sents[k]
    i = ctx.tok_at(lo)
    if i >= len(ctx.toks) or ctx.toks[i].low not in ctx.lex.anaphoric_clitics:
        return []
    cues = ctx.find_cues(lo, hi)
    if not cues or cues[0].start != ctx.toks[i].start or cues[0].kind != "finite":
        return []
    rng = ctx.np_after(cues[0].end, hi)
    return [_source(ctx.resolve(*rng))] if rng else []


def _continues_report(ctx: SpeakerContext, sent_lo: int, start: int, end: int, cue: Cue | None) -> bool:
    """Whether the sentence goes on with the report of the sentence before rather than
    asserting something of its own: the claim (or its reporting verb) hangs off a relative
    clause of a verbless sentence ("Un colloquio durante il quale X ha espresso ..."), or it is
    in the conditional of hearsay.  "Washington ha chiesto ..." after a sentence of anonymous
    sources is the article's own report."""
    at = ctx.tok_at(cue.start if cue is not None else start)
    rel = next((k for k in range(ctx.tok_at(sent_lo), at) if ctx.toks[k].low in ctx.grammar.relatives), None)
    if rel is not None and ctx.finite_verb(sent_lo, ctx.toks[rel].start) is None:
        return True
    return _hearsay(ctx, start, end)


def _carried_over(ctx: SpeakerContext, sent_lo: int) -> list[Source]:
    """Anonymous sources of the previous sentence of the same paragraph."""
    k = ctx.sentence_index(sent_lo)
    if k == 0:
        return []
    lo, hi = ctx.sents[k - 1]
    if "\n" in ctx.text[lo:sent_lo]:
        return []
    out = _frame_sources(ctx, lo, hi, skip=_contradicted(ctx, lo, hi))
    for cue in ctx.find_cues(lo, hi):
        if cue.kind != "finite":
            continue
        sp = ctx.subject_of(cue, lo)
        if sp is not None and any(w in ctx.lex.source_nouns for w in sp.text.lower().split()[:2]):
            out.append(_source(sp))
    return out


def is_hearsay(pdoc: ParsedDoc, start: int, end: int, lang: str = "it", *, tokens: TokenIndex | None = None) -> bool:
    """True when the claim at ``text[start:end]`` (or the clause around it) is in the
    conditional of hearsay: "sarebbe stata", "avrebbero", "riguarderebbero" — not a modal
    ("potrebbe", "dovrebbe"), a counterfactual ("sarebbe dovuta terminare") or the main
    clause of an "if" sentence.  ``tokens`` is the document's token index (built from
    ``pdoc`` when not given)."""
    return _hearsay(SpeakerContext(tokens if tokens is not None else TokenIndex(pdoc), (), lang=lang), start, end)


def _hearsay(ctx: SpeakerContext, start: int, end: int) -> bool:
    """:func:`is_hearsay` on a prepared document (it reads only its pieces and sentences)."""
    lex = ctx.lex
    lo, hi = ctx.sentence_of(start)
    a, b = ctx.tok_at(start), ctx.tok_at(end)
    while a > ctx.tok_at(lo) and ctx.toks[a - 1].text not in ",;:–—(":
        a -= 1
    while b < ctx.tok_at(hi) and ctx.toks[b].text not in ",;:.–—)":
        b += 1
    sentence = [t.low for t in ctx.toks[ctx.tok_at(lo):ctx.tok_at(hi)]]
    if any(tuple(sentence[i:i + len(h)]) == h for h in lex.hypothetical for i in range(len(sentence))):
        return False
    for i in range(a, b):
        w = ctx.toks[i].low
        ending = next((e for e in lex.hearsay_endings if w.endswith(e) and len(w) > len(e) + 1), None)
        if ending is None or w[:-len(ending)] in lex.modal_stems:
            continue
        nxt = next((t.low for t in ctx.toks[i + 1:b] if t.low not in lex.adverbs), "")
        if nxt in lex.modal_participles:
            continue
        return True
    return False
