"""The status of a claim from the Italian cues around its trigger (``status.yaml``):
explicit cues first (by priority: denied > cancelled > ... > occurred), then negation, the past
conditional of hearsay, modal verbs and tense."""

from __future__ import annotations

from dataclasses import dataclass

from cronaca.extract.event.lexicon import StatusLexicon
from cronaca.extract.event.text import TextView
from cronaca.extract.event.triggers import Hit


@dataclass(frozen=True)
class StatusFinding:
    status: str | None  # None: no event at all (a negated intention)
    cue: str | None = None
    cue_range: tuple[int, int] | None = None  # word indices of the cue
    hearsay: bool = False


def _cue_text(view: TextView, j: int, n: int) -> str:
    return view.text[view.words[j].start:view.words[j + n - 1].end]


def find_status(view: TextView, hit: Hit, lex: StatusLexicon, lo: int, hi: int, phrase_end: int) -> StatusFinding:
    """Status of the mention ``hit`` whose clause is words [lo, hi] and phrase ends at ``phrase_end``.

    ``lo``/``hi`` are already cut at the neighbouring triggers, so cues of another event in the
    same clause are not read as this one's.
    """
    lows = view.lows
    first = hit.first
    b_lo = max(lo, first - lex.window_before)
    for p in lex.suppress:
        for j in range(max(lo, first - len(p) - 2), first):
            if view.phrase_at(p, j):
                return StatusFinding(None, _cue_text(view, j, len(p)), (j, j + len(p) - 1))
    found: list[tuple[int, str, int, int]] = []  # (priority rank, status, start, length)
    covered: set[int] = set()
    rank = {s: n for n, s in enumerate(lex.priority)}
    for status, p in lex.before:
        for j in range(b_lo, first):
            if j + len(p) <= first + (1 if hit.is_noun else 0) and view.phrase_at(p, j) and j not in covered:
                found.append((rank[status], status, j, len(p)))
                covered.update(range(j, j + len(p)))
    a_hi = min(hi, phrase_end + lex.window_after)
    # a verb's own form counts as "after" ("è saltato", "slitta"), a noun's phrase is skipped
    a_lo = hit.first if not hit.is_noun else phrase_end + 1
    for status, p in lex.after:
        for j in range(a_lo, a_hi + 1):
            if j + len(p) - 1 <= a_hi and view.phrase_at(p, j) and j not in covered:
                found.append((rank[status], status, j, len(p)))
                covered.update(range(j, j + len(p)))
    hearsay = any(view.phrase_at(p, j) for p in lex.hearsay_past for j in range(max(lo, first - 4), first + 1))
    negated = None
    for j in range(max(lo, first - lex.window_negation), first):
        if j in covered:
            continue
        if (not hit.is_noun and lows[j] in lex.negation) or (hit.is_noun and lows[j] in lex.negators
                                                                and j >= first - 2):
            negated = j
    if hit.is_noun and negated is None:
        # "Al vertice non ha partecipato ...", "non c'era alcun accordo"
        for j in range(max(lo, first - 3), first):
            if lows[j] in lex.negators and j not in covered:
                negated = j
    if negated is not None:
        found.append((rank["negated"], "negated", negated, 1))
    if found:
        _, status, j, n = min(found, key=lambda f: (f[0], abs(f[2] - first)))
        if status in ("possible", "planned", "proposed") and hearsay:
            return StatusFinding("occurred", _cue_text(view, j, n), (j, j + n - 1), True)
        return StatusFinding(status, _cue_text(view, j, n), (j, j + n - 1), hearsay)
    if hearsay:
        return StatusFinding("occurred", None, None, True)
    return StatusFinding(_tense_status(view, hit, lex, lo), None, None, False)


def _tense_status(view: TextView, hit: Hit, lex: StatusLexicon, lo: int) -> str:
    default = hit.entry.default_status
    if hit.is_noun:
        return default
    w = view.lows[hit.first]
    before = view.lows[max(lo, hit.first - 3):hit.first]
    if any(b in lex.modal_planned for b in before):
        return "planned"
    if len(w) > 5 and w.endswith(lex.conditional_endings):
        return "possible"
    if len(w) > 4 and w.endswith(lex.future_endings):
        return "planned"
    if any(b.endswith(lex.future_endings) and len(b) > 3 for b in before) and not \
            any(b in lex.auxiliaries for b in before[-1:]):
        return "planned"
    if w.endswith(lex.infinitive_endings):
        return "planned"
    if w.endswith(lex.participle_endings) and any(b in lex.auxiliaries for b in before):
        return "occurred"
    if w.endswith("ndo"):
        return "occurred"
    return default


def verb_tense(view: TextView, i: int, lex: StatusLexicon) -> str:
    """'past' (passato prossimo), 'pluperfect', 'future', or 'other' for the verb at word ``i``."""
    before = view.lows[max(0, i - 3):i]
    w = view.lows[i]
    if w.endswith(lex.participle_endings) and any(b in ("aveva", "avevano", "era", "erano") for b in before):
        return "pluperfect"
    if w.endswith(lex.participle_endings) and any(b in lex.auxiliaries for b in before):
        return "past"
    if len(w) > 4 and w.endswith(lex.future_endings):
        return "future"
    return "other"
