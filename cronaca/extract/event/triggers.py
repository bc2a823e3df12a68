"""Trigger detection: the words that name an event ("ha incontrato", "il vertice", "cessate il fuoco")."""

from __future__ import annotations

from dataclasses import dataclass

from cronaca.extract.event.lexicon import EventLexicon, TriggerEntry, phrase_at
from cronaca.extract.event.text import TextView


@dataclass(frozen=True)
class Hit:
    """One trigger found in the text: the lexicon entry and the words it covers."""

    entry: TriggerEntry
    first: int  # word indices, inclusive
    last: int

    @property
    def is_noun(self) -> bool:
        return self.entry.pos == "noun"


def _allowed(view: TextView, entry: TriggerEntry, first: int, last: int) -> bool:
    lows = view.lows
    if first == last and lows[first] in entry.excepted:
        return False
    for p in entry.not_before:
        if phrase_at(p, lows, first - len(p)):
            return False
    for p in entry.not_after + entry.except_after:
        if phrase_at(p, lows, last + 1):
            return False
    if entry.requires_after:
        hi = min(len(lows) - 1, last + entry.requires_window)
        sent = view.words[first].sent
        if not any(phrase_at(p, lows, j) for j in range(last + 1, hi + 1) for p in entry.requires_after
                   if view.words[j].sent == sent):
            return False
    return True


def find_triggers(view: TextView, lexicon: EventLexicon) -> tuple[Hit, ...]:
    """All trigger hits, left to right; at each word the longest match wins, words are used once."""
    hits: list[Hit] = []
    lows = view.lows
    forms, index = lexicon.trigger_forms, lexicon.trigger_index
    i, n = 0, len(lows)
    while i < n:
        best: Hit | None = None
        # only the forms whose first word can match here, in lexicon order (as a full scan would)
        for k in index.candidates(lows[i]):
            entry, form = forms[k]
            if best is not None and len(form) <= best.last - best.first + 1:
                continue
            if phrase_at(form, lows, i) and _allowed(view, entry, i, i + len(form) - 1):
                best = Hit(entry, i, i + len(form) - 1)
        if best is None:
            i += 1
            continue
        hits.append(best)
        i = best.last + 1
    return tuple(hits)
