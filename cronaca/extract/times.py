"""Italian temporal expressions (TIMEX3): detection and normalization.

``extract_times(pdoc)`` finds dates, clock times, durations, sets and vague references in
the article text and normalizes them against ``pdoc.ref_date`` (the article date).  The
grammar is data (``data/it/times.yaml``, ``calendar.yaml``); this module runs it:

1. every rule's pattern is matched on a folded copy of the text (lower case, "'" for
   typographic apostrophes; same length, so offsets carry over);
2. overlapping matches keep the longest one;
3. each match is normalized by its rule kind, with the tense cues around it deciding
   whether a weekday or a date without year lies ahead or behind: explicit words first
   ("prossimo", "scorso"), then, when the pipeline has a parser, the tense of the verb
   governing the expression (``cronaca.extract.tense``), else a future-looking verb ending;
4. a day followed by a clock time becomes one expression ("oggi alle 12", "lunedì a
   mezzogiorno"); a lone clock time takes its day from the nearest day expression before
   it in the same sentence ("giovedì sera, poco dopo le 20");
5. ranges: a range rule ("dal 3 al 5 marzo", "dalle 18 alle 20") gives two expressions, one
   per point, that carry each other's value (``range_begin``, ``range_end``); a single
   expression after or opening with a range cue ("fino al 30 giugno", "dal 2019", "dalle 18")
   is the open end of a range and carries its own value as ``range_end`` or ``range_begin``.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from cronaca.extract.tense import has_morphology, tense_lexicon, time_direction
from cronaca.extract.timex.grammar import Rule, TimexGrammar, load_grammar
from cronaca.extract.timex.normalize import NORMALIZERS, Direction, Normalizer, TimexContext, Value
from cronaca.extract.timex.ranges import align_clock_days, norm_range
from cronaca.nlp import ParsedDoc
from cronaca.records import Time

log = logging.getLogger(__name__)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(?:T[A-Z]{2})?$|^XXXX-WXX-\d(?:T[A-Z]{2})?$")
_WORD = re.compile(r"[\w']+")
_VAGUE = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")

# the tense of the verb governing the expression at [start, end), from the parse (None: no say)
TenseOf = Callable[[int, int], Direction]


@dataclass(frozen=True)
class TimeCandidate:
    start: int
    end: int
    rule: Rule
    order: int  # rule position in the grammar: earlier rules win ties
    match: re.Match[str]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: Value
    kind: str = ""  # the rule kind that matched
    range_id: int = -1  # the two points of one range share an id
    range_role: str = ""  # "begin" | "end" (of a range rule) | "since" | "until" (a range cue) | ""
    range_begin: str | None = None  # the value where the range this expression bounds begins
    range_end: str | None = None  # … and where it ends (None: open, or no range)


def _fold_char(ch: str) -> str:
    low = ch.lower()
    return " " if ch.isspace() else (low if len(low) == 1 else ch)


def lower_keep_offsets(text: str) -> str:
    """Lower case, straight apostrophes and plain spaces, keeping every offset."""
    text = text.translate(_APOSTROPHES)
    return text.translate({ord(ch): _fold_char(ch) for ch in set(text)})


def sentence_bounds(pdoc: ParsedDoc) -> list[tuple[int, int]]:
    doc = pdoc.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(pdoc.text))]


def _sentence_of(bounds: list[tuple[int, int]], pos: int, starts: list[int] | None = None) -> tuple[int, int]:
    """The sentence around ``pos``; ``starts`` (the sentences' starts, for sorted sentences that do
    not overlap, as spaCy's are) finds it by bisection instead of a scan."""
    if starts is not None:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < bounds[i][1]:
            return bounds[i]
        return 0, bounds[-1][1] if bounds else pos
    for s, e in bounds:
        if s <= pos < e:
            return s, e
    return 0, bounds[-1][1] if bounds else pos


def last_words(folded: str, lo: int, hi: int, n: int) -> list[str]:
    """``_WORD.findall(folded[lo:hi])[-n:]``, reading back only as far as the last ``n`` words
    need (a long sentence costs no more than a short one)."""
    span = 64 * n
    while n > 0 and hi - span > lo:
        words = _WORD.findall(folded[hi - span:hi])
        if len(words) > n:  # the first word may be cut at the slice's start; the last n are whole
            return words[-n:]
        span *= 4
    return _WORD.findall(folded[lo:hi])[-n:]


def first_words(folded: str, lo: int, hi: int, n: int) -> list[str]:
    """``_WORD.findall(folded[lo:hi])[:n]``, reading only as far as the first ``n`` words need."""
    span = 64 * n
    while n > 0 and lo + span < hi:
        words = _WORD.findall(folded[lo:lo + span])
        if len(words) > n:  # the last word may be cut at the slice's end; the first n are whole
            return words[:n]
        span *= 4
    return _WORD.findall(folded[lo:hi])[:n]


def _has_phrase(window: str, phrases: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", window) for p in phrases)


def direction_of(g: TimexGrammar, folded: str, start: int, end: int, sent: tuple[int, int],
                 tense: TenseOf | None = None) -> Direction:
    """Future or past as a cue word before the expression says ("prossimo", "scorso"); else as
    the tense of its governing verb says (``tense``, from the parse); else future when a verb
    near it looks like a future form."""
    ctx = g.context
    before_words = last_words(folded, sent[0], start, int(ctx["window_before"]))
    after_words = first_words(folded, end, sent[1], int(ctx["window_after"]))
    before, after = " ".join(before_words), " ".join(after_words)
    if _has_phrase(before, ctx["future_words"]):
        return "future"
    past_word = _has_phrase(before, ctx["past_words"]) or bool(before_words and before_words[-1] in ctx["past_before"])
    if tense is not None and not past_word:
        parsed = tense(start, end)
        if parsed is not None:
            return parsed
    if g.future_verb.search(before + " | " + after):
        return "future"
    return "past" if past_word else None


def _accept(g: TimexGrammar, cand: TimeCandidate, text: str, folded: str) -> bool:
    """Filters that a regular expression cannot say well."""
    m, kind = cand.match, cand.rule.kind
    gd = m.groupdict()
    if kind in ("clock", "range") and gd.get("hour") is not None and gd.get("minute") is None \
            and gd.get("clockpart") is None:
        nxt = re.match(r" (\w+)", folded[cand.end:cand.end + 40])
        if nxt and nxt.group(1) not in g.clock_followers:
            return False  # "alle 12 persone"
    if kind in ("weekday", "date") and gd.get("weekday") is not None:
        wd_start = m.start("weekday")
        if text[wd_start].isupper() and wd_start == cand.start:
            left = text[:wd_start].rstrip(" \t\u00a0")
            if left and left[-1] not in ".!?»”\"':–-—(\n":
                return False  # a capitalized name (Domenica Rossi), not a weekday
    if kind == "duration" and gd.get("unit") and g.units[gd["unit"]]["granularity"] == "year":
        prev = re.findall(r"[\w']+|[-,()]", folded[max(0, cand.start - 30):cand.start])
        if prev and (prev[-1] in g.age_before or prev[-1] in "()"):
            return False  # an age: "un uomo di 45 anni", "Marco, 37 anni"
    if kind in ("date", "range") and gd.get("day") is not None:
        prev = _WORD.findall(folded[max(0, cand.start - 30):cand.start])
        if prev and prev[-1] in g.date_reject_after:
            return False  # a street: "viale 20 settembre"
    if kind == "century":  # written "XX secolo", "il Novecento" ("novecento persone" is a number)
        if gd.get("century") is not None and not text[m.start("century")].isupper():
            return False
        romans = [text[m.start(r):m.end(r)] for r in ("roman", "roman2") if gd.get(r) is not None]
        if any(not r.isupper() for r in romans):
            return False
    return True


def find_candidates(g: TimexGrammar, text: str, folded: str) -> list[TimeCandidate]:
    found = []
    for order, rule in enumerate(g.rules):
        for m in rule.regex.finditer(folded):
            if m.end() > m.start():
                cand = TimeCandidate(m.start(), m.end(), rule, order, m)
                if _accept(g, cand, text, folded):
                    found.append(cand)
    return found


def select(cands: list[TimeCandidate]) -> list[TimeCandidate]:
    """Non-overlapping matches, longest first, then earliest rule."""
    chosen: list[TimeCandidate] = []
    starts: list[int] = []  # of the chosen, kept sorted: they do not overlap, so ends are sorted too
    ends: list[int] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        i = bisect.bisect_right(starts, c.start)  # only the chosen just before and just after can overlap
        if (i == 0 or ends[i - 1] <= c.start) and (i == len(starts) or c.end <= starts[i]):
            chosen.append(c)
            starts.insert(i, c.start)
            ends.insert(i, c.end)
    return sorted(chosen, key=lambda c: c.start)


def _day_of(value: str) -> str | None:
    return value.split("T")[0] if _DAY_VALUE.match(value) else None


def _joined(a: Found, b: Found, value: Value, kind: str = "merged") -> Found:
    """One expression from ``a`` and ``b``, keeping the range role either had."""
    keep = b if b.range_role and not a.range_role else a
    return replace(keep, start=a.start, end=b.end, value=value, kind=kind)


def merge_and_anchor(found: list[Found], folded: str, bounds: list[tuple[int, int]]) -> list[Found]:
    """Join a day and its clock time; give lone clock times the day mentioned before them."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and not (a.range_id >= 0 and a.range_id == b.range_id):
            gap = folded[a.end:b.start]
            day_a, day_b = _day_of(a.value.value), _day_of(b.value.value)
            if day_a and b.value.anchor and gap.strip() == "":
                clock = b.value.value.split("T")[1]
                out.append(_joined(a, b, Value("TIME", f"{day_a}T{clock}", b.value.mod)))
                i += 2
                continue
            if day_a and b.kind == "part_of_day" and gap.strip() == "":  # "ieri nel primo pomeriggio"
                part = b.value.value.split("T")[1]
                out.append(_joined(a, b, Value("TIME", f"{day_a}T{part}")))
                i += 2
                continue
            part_a = re.fullmatch(r"(?:\d{4}|X{4})-[\dX]{2}-[\dX]{2}T([A-Z]{2})", a.value.value)
            if part_a and day_b and "T" not in b.value.value and re.fullmatch(r" +(?:di|del) +", gap):
                out.append(_joined(a, b, Value("TIME", f"{day_b}T{part_a.group(1)}")))
                i += 2
                continue
            if a.value.anchor and day_b and re.fullmatch(r" +(?:di|del) +", gap):
                clock = a.value.value.split("T")[1]
                out.append(_joined(a, b, Value("TIME", f"{day_b}T{clock}", a.value.mod)))
                i += 2
                continue
            # "nella notte tra sabato e domenica": the night of the range's first day
            if a.kind == "part_of_day" and day_b and b.range_role == "begin" \
                    and re.fullmatch(r" +(?:tra|fra) +(?:il +|l')?", gap):
                part = a.value.value.split("T")[1]
                a = replace(a, value=Value("TIME", f"{day_b}T{part}"))
        if a.value.anchor:
            sent = _sentence_of(bounds, a.start)
            prev = [f for f in out if f.start >= sent[0] and _day_of(f.value.value)]
            if prev:
                clock = a.value.value.split("T")[1]
                a = replace(a, value=replace(a.value, value=f"{_day_of(prev[-1].value.value)}T{clock}"))
        out.append(a)
        i += 1
    return out


def _normalizer(kind: str) -> Normalizer:
    return norm_range if kind == "range" else NORMALIZERS[kind]


def range_cue(g: TimexGrammar, folded: str, start: int, end: int, sent: tuple[int, int]) -> str:
    """The range cue right before the expression or opening it: ``until`` for one that ends a
    range ("fino al 30 giugno", "entro le 12"), ``since`` for one that begins it ("dal 2019",
    "dalle 18"), else the empty string."""
    before, inside = folded[max(sent[0], start - 40):start], folded[start:end]
    for kind, cues in g.range_cues.items():
        for cue in cues:
            sep = "" if cue.endswith("'") else " "
            if before.endswith(cue + sep) and not before[:len(before) - len(cue + sep)][-1:].isalnum() \
                    or inside.startswith(cue + sep):
                return kind
    return ""


def link_ranges(found: list[Found]) -> list[Found]:
    """Give the two points of each range their shared day (clock times) and each other's value;
    an open range's one point names itself as its start or end."""
    out = list(found)
    pairs: dict[int, dict[str, int]] = {}
    for i, f in enumerate(out):
        if f.range_id >= 0:
            pairs.setdefault(f.range_id, {})[f.range_role] = i
        elif f.range_role in ("since", "until") and f.value.type in ("DATE", "TIME") \
                and f.value.value not in _VAGUE:
            if f.range_role == "since":
                out[i] = replace(f, range_begin=f.value.value)
            else:
                out[i] = replace(f, range_end=f.value.value)
    for roles in pairs.values():
        if set(roles) != {"begin", "end"}:
            continue
        a, b = out[roles["begin"]], out[roles["end"]]
        va, vb = align_clock_days(a.value, b.value)
        out[roles["begin"]] = replace(a, value=va, range_begin=va.value, range_end=vb.value)
        out[roles["end"]] = replace(b, value=vb, range_begin=va.value, range_end=vb.value)
    return out


def find_times(text: str, ref: date | None, bounds: list[tuple[int, int]], lang: str = "it",
               tense: TenseOf | None = None) -> list[Found]:
    """The temporal expressions of ``text`` with their values (offsets into ``text``); ``tense``
    gives the direction the governing verb of an expression points to, when a parse is there.
    Every candidate is normalized first, so one without a value leaves room for a shorter one."""
    g = load_grammar(lang)
    folded = lower_keep_offsets(text)
    bounds = bounds or [(0, len(text))]
    starts = [s for s, _ in bounds] if all(a[1] <= b[0] for a, b in itertools.pairwise(bounds)) else None
    values: dict[tuple[int, int, int], Value] = {}
    cands = find_candidates(g, text, folded)
    for c in cands:
        direction = direction_of(g, folded, c.start, c.end, _sentence_of(bounds, c.start, starts), tense)
        value = _normalizer(c.rule.kind)(g, c.match, c.rule.params, TimexContext(ref, direction))
        if value is None:
            log.debug("no value for %r (rule %s)", text[c.start:c.end], c.rule.name)
            continue
        values[(c.start, c.end, c.order)] = value
    found = []
    for n, c in enumerate(select([c for c in cands if (c.start, c.end, c.order) in values])):
        value = values[(c.start, c.end, c.order)]
        if value.parts:  # a range (or, without "link", two coordinated points): one expression per point
            linked = c.rule.params.get("link", True)
            for role, grp, part in (("begin", "from", value.parts[0]), ("end", "to", value.parts[1])):
                found.append(Found(c.match.start(grp), c.match.end(grp), part, c.rule.kind,
                                   n if linked else -1, role if linked else ""))
        else:
            cue = range_cue(g, folded, c.start, c.end, _sentence_of(bounds, c.start, starts))
            found.append(Found(c.start, c.end, value, c.rule.kind, range_role=cue))
    return link_ranges(merge_and_anchor(found, folded, bounds))


def extract_times(pdoc: ParsedDoc) -> list[Time]:
    """TIMEX3 expressions of the article, normalized against its date."""
    text = pdoc.text
    lang = pdoc.article.language or "it"
    return [
        Time(start=f.start, end=f.end, text=text[f.start:f.end], type=f.value.type,  # type: ignore[arg-type]
             value=f.value.value, mod=f.value.mod, range_begin=f.range_begin, range_end=f.range_end)
        for f in find_times(text, pdoc.ref_date, sentence_bounds(pdoc), lang, parse_tense(pdoc, lang))
    ]


def parse_tense(pdoc: ParsedDoc, lang: str = "it") -> TenseOf | None:
    """The governing verb's direction for a character span, read from the parse; None without one."""
    if not has_morphology(pdoc.doc):
        return None
    doc, lex = pdoc.doc, tense_lexicon(lang)

    def tense(start: int, end: int) -> Direction:
        return time_direction(doc, start, end, lex)

    return tense
