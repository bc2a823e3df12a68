"""The status of a claim from the Italian cues around its trigger (``status.yaml``):
explicit cues first (by priority: denied > cancelled > ... > occurred), then negation, the past
conditional of hearsay, modal verbs and tense.  With a parser the tense and mood come from the
morphology of the trigger's verb group (``cronaca.extract.tense``); without one from the word
endings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.extract.event.lexicon import StatusLexicon
from cronaca.extract.event.text import TextView
from cronaca.extract.event.triggers import Hit
from cronaca.extract.tense import TenseLexicon, VerbGroup, clause_predicate, tense_lexicon, verb_group


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
    suppress = view.index(lex.suppress)
    longest = max((len(p) for p in lex.suppress), default=0)
    # the first phrase of the list (then the leftmost start) found within its window
    hits = [(k, j) for j in range(max(lo, first - longest - 2), first) for k in suppress.matches_at(lows, j)
            if j >= first - len(lex.suppress[k]) - 2]
    if hits:
        k, j = min(hits)
        n = len(lex.suppress[k])
        return StatusFinding(None, _cue_text(view, j, n), (j, j + n - 1))
    found: list[tuple[int, str, int, int]] = []  # (priority rank, status, start, length)
    covered: set[int] = set()
    if lex.not_cues:  # "rinviato a giudizio": an indictment, not a postponement
        blockers = view.index(lex.not_cues)
        for j in range(b_lo, min(hi, phrase_end + lex.window_after) + 1):
            for k in blockers.matches_at(lows, j):
                covered.update(range(j, j + len(lex.not_cues[k])))
    rank = {s: n for n, s in enumerate(lex.priority)}
    # cues are taken phrase by phrase (longest first), left to right, a word used once
    limit = first + (1 if hit.is_noun else 0)
    matches = sorted((k, j) for j in range(b_lo, first) for k in lex.before_index.matches_at(lows, j)
                     if j + len(lex.before[k][1]) <= limit)
    for k, j in matches:
        status, p = lex.before[k]
        if j not in covered:
            found.append((rank[status], status, j, len(p)))
            covered.update(range(j, j + len(p)))
    a_hi = min(hi, phrase_end + lex.window_after)
    # a verb's own form counts as "after" ("è saltato", "slitta"), a noun's phrase is skipped
    a_lo = hit.first if not hit.is_noun else phrase_end + 1
    matches = sorted((k, j) for j in range(a_lo, a_hi + 1) for k in lex.after_index.matches_at(lows, j)
                     if j + len(lex.after[k][1]) - 1 <= a_hi)
    for k, j in matches:
        status, p = lex.after[k]
        if j not in covered:
            found.append((rank[status], status, j, len(p)))
            covered.update(range(j, j + len(p)))
    nxt = phrase_end + 1
    if hit.is_noun and nxt <= a_hi and lows[nxt] in lex.subject_modals and nxt not in covered:
        found.append((rank["planned"], "planned", nxt, 1))  # "l'incontro doveva ...": supposed to happen
        covered.add(nxt)
    hearsay_index = view.index(lex.hearsay_past)
    hearsay = any(hearsay_index.matches_at(lows, j) for j in range(max(lo, first - 4), first + 1))
    group = _parsed_group(view, hit) if view.has_morphology else None
    if group is not None and group.conditional and group.perfect and group.modal is None:
        hearsay = True  # "si sarebbero incontrati", "il vertice si sarebbe tenuto"
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
    elif hit.is_noun:
        cue = _existential(view, first, lo, lex, covered)
        if cue is not None:
            found.append((rank["negated"], "negated", cue[0], cue[1]))
    phase = _end_phase(view, first, lo, lex) if hit.is_noun else None
    if phase is not None:
        # "la possibile conclusione dell'invasione": the cues before the end noun are about the end
        about_end = [f for f in found if f[2] < phase]
        if any(f[1] != "occurred" for f in about_end):
            return StatusFinding("ongoing", _cue_text(view, phase, 1), (phase, phase), hearsay)
    if found:
        _, status, j, n = min(found, key=lambda f: (f[0], abs(f[2] - first)))
        if status in ("possible", "planned", "proposed") and hearsay:
            return StatusFinding("occurred", _cue_text(view, j, n), (j, j + n - 1), True)
        return StatusFinding(status, _cue_text(view, j, n), (j, j + n - 1), hearsay)
    if hearsay:
        return StatusFinding("occurred", None, None, True)
    if group is not None:
        group_status = _group_status(group, hit, parse_status_table(view.lang))
        if group_status is None and _simple_present(view, hit, group, lex):
            group_status = "ongoing"  # "Sul furto indagano i carabinieri", "la polizia indaga"
        if group_status is not None:
            return StatusFinding(group_status, None, None, False)
    return StatusFinding(_tense_status(view, hit, lex, lo), None, None, False)


@cache
def parse_status_table(lang: str = "it") -> tuple[tuple[str, str], ...]:
    """``parse.modal_status`` of ``status.yaml``: (modal lemma, status) pairs."""
    data = load_yaml(lang, "status.yaml").get("parse") or {}
    table = data.get("modal_status") if isinstance(data, dict) else None
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise DataFileError(f"{lang}/status.yaml: 'parse.modal_status' must map modal lemmas to statuses, "
                            f"got {table!r}.")
    return tuple((k, v) for k, v in table.items())


def _parsed_group(view: TextView, hit: Hit) -> VerbGroup | None:
    """The verb group of a verbal trigger, or of the verb an event noun is the subject of."""
    lex: TenseLexicon = tense_lexicon(view.lang)
    toks = view.tokens[hit.first:hit.last + 1]
    if not hit.is_noun:
        verb = next((t for t in toks if t.pos_ == "VERB"), None)
        return verb_group(verb, lex) if verb is not None else None
    head = _span_head(toks)
    pred = clause_predicate(head, lex) if head is not None else None
    return verb_group(pred, lex) if pred is not None else None


def _span_head(toks: tuple[Token, ...]) -> Token | None:
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), None)


def _group_status(g: VerbGroup, hit: Hit, modal_status: tuple[tuple[str, str], ...]) -> str | None:
    """The status the tense and mood of the group give, None when they do not decide.  For an
    event noun only a future predicate decides ("la visita durerà due giorni": planned)."""
    if g.future:
        return "planned"
    if hit.is_noun:
        return None
    if g.modal is not None and g.modal_ahead:
        return dict(modal_status).get(g.modal)
    if g.conditional:
        return "possible"
    if g.perfect or g.past:
        return "occurred"
    return None


def _simple_present(view: TextView, hit: Hit, g: VerbGroup, lex: StatusLexicon) -> bool:
    """True for a verbal trigger of a lasting kind (``durative_present`` of status.yaml) in the
    simple present indicative, active, with no auxiliary ("indaga", "indagano"): the event is
    going on as the article is written.  (A present of other kinds mostly tells what happened:
    "chiede", "accusa".)"""
    if hit.is_noun or g.perfect or g.past or g.future or g.conditional or g.modal is not None:
        return False
    if f"{hit.entry.type}/{hit.entry.mode}" not in lex.durative_present and hit.entry.type not in lex.durative_present:
        return False
    tok = view.tokens[hit.first].doc[g.head]
    if tok.pos_ != "VERB" or any(c.dep_.startswith("aux") for c in tok.children):
        return False
    return "Pres" in tok.morph.get("Tense", []) and "Ind" in tok.morph.get("Mood", [])


def _end_phase(view: TextView, first: int, lo: int, lex: StatusLexicon) -> int | None:
    """The word index of an end noun governing the trigger at ``first`` through a genitive
    ("conclusione dell'invasione", "la fine della guerra"), None if there is none."""
    lows = view.lows
    j = first - 1
    if j < lo or lows[j] not in lex.phase_genitive:
        return None
    j -= 1
    return j if j >= lo and lows[j] in lex.phase_end else None


def _existential(view: TextView, first: int, lo: int, lex: StatusLexicon, covered: set[int]
                 ) -> tuple[int, int] | None:
    """ "non c'è ancora un accordo", "non esiste alcuna intesa": the start and length of an
    existential negation before the noun at ``first``, with only filler words between."""
    lows = view.lows
    j = first - 1
    while j >= lo and lows[j] in lex.existential_fillers and j not in covered:
        j -= 1
    # the cue ends at word j: try each cue that would end there
    for p in lex.existential:
        start = j - len(p) + 1
        if start >= lo and view.phrase_at(p, start) and not covered.intersection(range(start, j + 1)):
            return start, len(p)
    return None


def _tense_status(view: TextView, hit: Hit, lex: StatusLexicon, lo: int) -> str:
    default = hit.entry.default_status
    if hit.is_noun:
        return default
    return form_status(view, hit.first, lex, lo, default)


def form_status(view: TextView, i: int, lex: StatusLexicon, lo: int, default: str = "occurred") -> str:
    """The status the verb at word ``i`` gives by its form: a future or an infinitive planned, a
    conditional possible, "stava acquistando" ongoing, a past participle with its auxiliary occurred."""
    w = view.lows[i]
    before = view.lows[max(lo, i - 3):i]
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
    if w.endswith(view.grammar.present_participle_or_gerund_ending):
        return "ongoing" if before[-1:] and before[-1] in lex.progressive else "occurred"
    return default


def verb_tense(view: TextView, i: int, lex: StatusLexicon) -> str:
    """'past' (passato prossimo), 'pluperfect', 'future', or 'other' for the verb at word ``i``."""
    before = view.lows[max(0, i - 3):i]
    w = view.lows[i]
    if w.endswith(lex.participle_endings) and any(b in view.grammar.pluperfect_auxiliaries for b in before):
        return "pluperfect"
    if w.endswith(lex.participle_endings) and any(b in lex.auxiliaries for b in before):
        return "past"
    if w in lex.future_forms or len(w) > 4 and w.endswith(lex.future_endings):
        return "future"
    return "other"
