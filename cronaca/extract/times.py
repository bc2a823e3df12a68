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
   it in the same sentence ("giovedì sera, poco dopo le 20").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from cronaca.extract.tense import has_morphology, tense_lexicon, time_direction
from cronaca.extract.timex.grammar import Grammar, Rule, load_grammar
from cronaca.extract.timex.normalize import NORMALIZERS, Context, Direction, Value
from cronaca.nlp import ParsedDoc
from cronaca.records import Time

log = logging.getLogger(__name__)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(?:T[A-Z]{2})?$|^XXXX-WXX-\d(?:T[A-Z]{2})?$")
_WORD = re.compile(r"[\w']+")

# the tense of the verb governing the expression at [start, end), from the parse (None: no say)
TenseOf = Callable[[int, int], Direction]


@dataclass(frozen=True)
class Candidate:
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


def _fold_char(ch: str) -> str:
    low = ch.lower()
    return " " if ch.isspace() else (low if len(low) == 1 else ch)


def fold(text: str) -> str:
    """Lower case, straight apostrophes and plain spaces, keeping every offset."""
    text = text.translate(_APOSTROPHES)
    return text.translate({ord(ch): _fold_char(ch) for ch in set(text)})


def sentence_bounds(pdoc: ParsedDoc) -> list[tuple[int, int]]:
    doc = pdoc.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(pdoc.text))]


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in bounds:
        if s <= pos < e:
            return s, e
    return 0, bounds[-1][1] if bounds else pos


def _has_phrase(window: str, phrases: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", window) for p in phrases)


def direction_of(g: Grammar, folded: str, start: int, end: int, sent: tuple[int, int],
                 tense: TenseOf | None = None) -> Direction:
    """Future or past as a cue word before the expression says ("prossimo", "scorso"); else as
    the tense of its governing verb says (``tense``, from the parse); else future when a verb
    near it looks like a future form."""
    ctx = g.context
    before_words = _WORD.findall(folded[sent[0]:start])[-int(ctx["window_before"]):]
    after_words = _WORD.findall(folded[end:sent[1]])[:int(ctx["window_after"])]
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


def _accept(g: Grammar, cand: Candidate, text: str, folded: str) -> bool:
    """Filters that a regular expression cannot say well."""
    m, kind = cand.match, cand.rule.kind
    gd = m.groupdict()
    if kind == "clock" and gd.get("hour") is not None and gd.get("minute") is None and gd.get("clockpart") is None:
        nxt = re.match(r" (\w+)", folded[cand.end:cand.end + 40])
        if nxt and nxt.group(1) not in g.clock_followers:
            return False  # "alle 12 persone"
    if kind in ("weekday", "date") and gd.get("weekday") is not None:
        wd_start = m.start("weekday")
        if text[wd_start].isupper() and wd_start == cand.start:
            prev = text[:wd_start].rstrip(" \t\u00a0")
            if prev and prev[-1] not in ".!?»”\"':–-—(\n":
                return False  # a capitalized name (Domenica Rossi), not a weekday
    if kind == "duration" and gd.get("unit") and g.units[gd["unit"]]["granularity"] == "year":
        prev = re.findall(r"[\w']+|[-,()]", folded[max(0, cand.start - 30):cand.start])
        if prev and (prev[-1] in g.age_before or prev[-1] in "()"):
            return False  # an age: "un uomo di 45 anni", "Marco, 37 anni"
    if kind == "date" and gd.get("day") is not None:
        prev = _WORD.findall(folded[max(0, cand.start - 30):cand.start])
        if prev and prev[-1] in g.date_reject_after:
            return False  # a street: "viale 20 settembre"
    return True


def find_candidates(g: Grammar, text: str, folded: str) -> list[Candidate]:
    found = []
    for order, rule in enumerate(g.rules):
        for m in rule.regex.finditer(folded):
            if m.end() > m.start():
                cand = Candidate(m.start(), m.end(), rule, order, m)
                if _accept(g, cand, text, folded):
                    found.append(cand)
    return found


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping matches, longest first, then earliest rule."""
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _day_of(value: str) -> str | None:
    return value.split("T")[0] if _DAY_VALUE.match(value) else None


def merge_and_anchor(found: list[Found], folded: str, bounds: list[tuple[int, int]]) -> list[Found]:
    """Join a day and its clock time; give lone clock times the day mentioned before them."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None:
            gap = folded[a.end:b.start]
            day_a, day_b = _day_of(a.value.value), _day_of(b.value.value)
            if day_a and b.value.anchor and gap.strip() == "":
                clock = b.value.value.split("T")[1]
                out.append(Found(a.start, b.end, Value("TIME", f"{day_a}T{clock}", b.value.mod)))
                i += 2
                continue
            if day_a and b.kind == "part_of_day" and gap.strip() == "":  # "ieri nel primo pomeriggio"
                part = b.value.value.split("T")[1]
                out.append(Found(a.start, b.end, Value("TIME", f"{day_a}T{part}"), "merged"))
                i += 2
                continue
            part_a = re.fullmatch(r"(?:\d{4}|X{4})-[\dX]{2}-[\dX]{2}T([A-Z]{2})", a.value.value)
            if part_a and day_b and "T" not in b.value.value and re.fullmatch(r" +(?:di|del) +", gap):
                out.append(Found(a.start, b.end, Value("TIME", f"{day_b}T{part_a.group(1)}")))
                i += 2
                continue
            if a.value.anchor and day_b and re.fullmatch(r" +(?:di|del) +", gap):
                clock = a.value.value.split("T")[1]
                out.append(Found(a.start, b.end, Value("TIME", f"{day_b}T{clock}", a.value.mod)))
                i += 2
                continue
        if a.value.anchor:
            sent = _sentence_of(bounds, a.start)
            prev = [f for f in out if f.start >= sent[0] and _day_of(f.value.value)]
            if prev:
                clock = a.value.value.split("T")[1]
                a = Found(a.start, a.end, replace(a.value, value=f"{_day_of(prev[-1].value.value)}T{clock}"))
        out.append(a)
        i += 1
    return out


def find_times(text: str, ref: date | None, bounds: list[tuple[int, int]], lang: str = "it",
               tense: TenseOf | None = None) -> list[Found]:
    """The temporal expressions of ``text`` with their values (offsets into ``text``); ``tense``
    gives the direction the governing verb of an expression points to, when a parse is there."""
    g = load_grammar(lang)
    folded = fold(text)
    bounds = bounds or [(0, len(text))]
    found = []
    for c in select(find_candidates(g, text, folded)):
        direction = direction_of(g, folded, c.start, c.end, _sentence_of(bounds, c.start), tense)
        value = NORMALIZERS[c.rule.kind](g, c.match, c.rule.params, Context(ref, direction))
        if value is None:
            log.debug("no value for %r (rule %s)", text[c.start:c.end], c.rule.name)
            continue
        found.append(Found(c.start, c.end, value, c.rule.kind))
    return merge_and_anchor(found, folded, bounds)


def extract_times(pdoc: ParsedDoc) -> list[Time]:
    """TIMEX3 expressions of the article, normalized against its date."""
    text = pdoc.text
    lang = pdoc.article.language or "it"
    return [
        Time(start=f.start, end=f.end, text=text[f.start:f.end], type=f.value.type,  # type: ignore[arg-type]
             value=f.value.value, mod=f.value.mod)
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
