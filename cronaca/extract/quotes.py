"""Direct quotations and who said them.

A quotation is the text between “ ”, « » or straight double quotes (a mismatched closing
“ is accepted, and a quote may span sentences).  Its speaker comes from the cue frame, in
this order: a cue inside the quote between dashes or commas (“A – ha spiegato X – B”), a
cue right after the closing mark ("…”, ha dichiarato X"), a cue before it in the same
sentence ("X ha sottolineato che “…”", "spiegando che “…”").  A cue with no subject of its
own ("…”, ha detto.") takes the previous quote's speaker or the subject of the closest
earlier sentence.  Quotes of one or two words with no cue frame are scare quotes.
The Quote's ``start``/``end`` delimit the quoted words, without the marks.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from cronaca.extract.speakers import Cue, Speaker, SpeakerContext
from cronaca.nlp import ParsedDoc
from cronaca.nlp.tokens import TokenIndex
from cronaca.records import Entity, Quote

log = logging.getLogger(__name__)

SCARE_MAX_WORDS = 2
SHORT_CUE_WINDOW = 120  # chars between a cue and a short quote it frames
_DASHES = "–—-"
_MARKS = re.compile(r'[«»“„”"]')
_JOINER_RE = re.compile(r"^\s*[,–—-]\s*[^.!?\n“”«»\"]{3,160}?[,–—:-]\s*$")


def _closes(para: str, i: int) -> bool:
    """A “ at ``i`` closes when it is glued to the word before and not to the one after."""
    before = para[i - 1] if i > 0 else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the marks of every outermost quotation, per paragraph."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        stack: list[tuple[str, int]] = []
        for mark in _MARKS.finditer(para):  # every other character leaves the stack as it is
            i, ch = mark.start(), mark.group()
            top = stack[-1][0] if stack else None
            closing = False
            if ch == "«":
                if top == "«":  # « inside « is a quotation left open (agency copy drops the »)
                    stack.pop()
                stack.append((ch, i))
            elif ch == "»":
                closing = top == "«"
            elif ch in "“„":
                if top in ("“", "„") and _closes(para, i):
                    closing = True
                else:
                    stack.append((ch, i))
            elif ch == "”":
                closing = top in ("“", "„")
            elif ch == '"':
                if top == '"':
                    closing = True
                else:
                    stack.append((ch, i))
            if closing:
                _, start = stack.pop()
                if not stack:
                    spans.append((offset + start, offset + i))
        if stack:
            log.debug("unclosed quotation mark at offset %d", offset + stack[0][1])
        offset += len(para) + 1
    return spans


def _merge_interrupted(ctx: SpeakerContext, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """“A”, ha detto X, “B” is one quotation."""
    out: list[tuple[int, int]] = []
    for span in spans:
        if out:
            prev = out[-1]
            between = ctx.text[prev[1] + 1:span[0]]
            if _JOINER_RE.match(between) and ctx.find_cues(prev[1] + 1, span[0], inside_quotes=True):
                out[-1] = (prev[0], span[1])
                continue
        out.append(span)
    return out


def _inner(text: str, o: int, c: int) -> tuple[int, int]:
    s, e = o + 1, c
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _interrupting_cue(ctx: SpeakerContext, s: int, e: int) -> tuple[Cue, Speaker | None] | None:
    for cue in ctx.find_cues(s, e, inside_quotes=True):
        i = ctx.tok_at(cue.start)
        if i == 0 or ctx.toks[i - 1].text not in _DASHES + ",”»\"":
            continue
        rng = ctx.np_after(cue.end, e)
        j = ctx.tok_at(rng[1] if rng else cue.end)
        if j < len(ctx.toks) and ctx.toks[j].text in _DASHES + ",“«\"":
            return cue, (ctx.resolve(*rng, inside_quotes=True) if rng else None)
    return None


def _post_cue(ctx: SpeakerContext, c: int) -> Cue | None:
    i = ctx.tok_at(c + 1)
    while i < len(ctx.toks) and ctx.toks[i].text in "," + _DASHES:
        i += 1
    if i >= len(ctx.toks) or "\n" in ctx.text[c:ctx.toks[i].start]:
        return None
    first = ctx.toks[i].start
    cues = ctx.find_cues(first, min(len(ctx.text), first + 80))
    return cues[0] if cues and cues[0].start == first and cues[0].kind in ("finite", "gerund") else None


def extract_quotes(pdoc: ParsedDoc, entities: Sequence[Entity], *, tokens: TokenIndex | None = None) -> list[Quote]:
    """Every direct quotation with its speaker (entity id and/or phrase), cue and kind.

    ``tokens`` is the document's token index (built from ``pdoc`` when not given)."""
    text = pdoc.text
    if tokens is None:
        tokens = TokenIndex(pdoc)
    base = SpeakerContext(tokens, entities)
    marks = _merge_interrupted(base, find_quote_marks(text))
    ctx = SpeakerContext(tokens, entities, quote_spans=[(o, c + 1) for o, c in marks])
    quotes: list[Quote] = []
    prev_end = 0
    for o, c in marks:
        s, e = _inner(text, o, c)
        if s >= e:
            continue
        n_words = len(text[s:e].split())
        speaker, cue = _find_speaker(ctx, o, c, s, e, n_words, prev_end, quotes)
        prev_end = c + 1
        if cue is None and n_words <= SCARE_MAX_WORDS:
            quotes.append(Quote(s, e, text[s:e], None, None, None, "scare"))
            continue
        quotes.append(Quote(s, e, text[s:e], speaker.entity if speaker else None,
                            speaker.text if speaker else None,
                            text[cue.start:cue.end] if cue else None, "statement"))
    return quotes


def _find_speaker(ctx: SpeakerContext, o: int, c: int, s: int, e: int, n_words: int, prev_end: int,
                  earlier: Sequence[Quote]) -> tuple[Speaker | None, Cue | None]:
    inner = _interrupting_cue(ctx, s, e)
    if inner is not None and inner[1] is not None:
        return inner[1], inner[0]
    post = _post_cue(ctx, c)
    if post is not None:
        sent_hi = ctx.sentence_of(post.start)[1]
        rng = ctx.np_after(post.end, sent_hi)
        if rng is not None:
            return ctx.resolve(*rng), post
        return _zero_subject(ctx, o, earlier), post
    if inner is not None:
        return _zero_subject(ctx, o, earlier), inner[0]
    sent_lo = ctx.sentence_of(o)[0]
    cues = ctx.find_cues(max(sent_lo, prev_end), o)
    if cues:
        cue = cues[-1]
        gap = ctx.text[cue.end:o]
        if n_words > SCARE_MAX_WORDS or (len(gap) <= SHORT_CUE_WINDOW and not re.search(r"[.;:!?]", gap)):
            sp = ctx.subject_of(cue, sent_lo)
            if sp is None or (sp.entity is None and not sp.text):
                sp = _zero_subject(ctx, o, earlier)
            return sp, cue
    if n_words <= SCARE_MAX_WORDS:
        return None, None
    return ctx.nearest_mention(sent_lo, o) or ctx.salient_subject(o), None


def _zero_subject(ctx: SpeakerContext, o: int, earlier: Sequence[Quote]) -> Speaker | None:
    """A cue without a subject: the previous quote's speaker if it is close, else the
    subject of the closest earlier sentence naming one."""
    here = ctx.sentence_index(o)
    for q in reversed(earlier):
        if q.kind != "statement" or not (q.speaker or q.speaker_text):
            continue
        if here - ctx.sentence_index(q.end) <= 1:
            return Speaker(q.speaker, q.speaker_text or "", q.start, q.end)
        break
    return ctx.salient_subject(o)
