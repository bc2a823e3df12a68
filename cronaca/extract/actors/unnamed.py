"""Actors without a proper name: institutions ("i carabinieri", "la procura", "gli agenti")
and unnamed people ("un 40enne", "la donna", "i ladri", "due giovani").

Institutions become ORG entities coded with the article's country and their sector
(``ITACOP``, ``ITAJUD``); unnamed people become MISC entities named by their descriptor,
coded CVL or CRM, so that "i carabinieri hanno arrestato un 40enne" has both its parties.
One entity per institution key and per descriptor noun in an article.  The words are data:
``data/it/participants.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from cronaca.data import load_yaml
from cronaca.extract.actors.detect import ActorCandidate
from cronaca.extract.spans import SpanIndex


@dataclass(frozen=True)
class UnnamedLexicon:
    institutions: dict[str, tuple[str, str, str]]  # phrase -> (key, sector, English name)
    people: dict[str, str]  # noun -> sector
    pattern: re.Pattern[str]
    not_after: tuple[str, ...]
    bare_coref: dict[str, tuple[str, ...]]
    capitalised_only: frozenset[str]
    not_before: dict[str, frozenset[str]]
    age_phrase: str  # an age after a descriptor: "di 45 anni", "40enne"
    # "il giovane", "l'uomo": the last single person named; noun -> "m", "f" or None
    anaphors: dict[str, str | None] = field(default_factory=dict)
    anaphor_followers: frozenset[str] = frozenset()
    openers_sex: dict[str, str | None] = field(default_factory=dict)  # "una" -> "f", "l'" -> None
    epicene: frozenset[str] = frozenset()
    definite_singular: frozenset[str] = frozenset()
    masculine_names_in_a: frozenset[str] = frozenset()
    unit_preps: frozenset[str] = frozenset()  # "i carabinieri di Savignano": the unit phrase's prepositions
    unit_words: frozenset[str] = frozenset()
    # institution words naming one officer: right before a name, that person's title ("il giudice Mazza")
    officer_titles: frozenset[str] = frozenset()
    # an auxiliary right before a descriptor makes it a verb's participle ("la procura ha indagato")
    verb_before: frozenset[str] = frozenset()


@cache
def unnamed_lexicon(lang: str = "it") -> UnnamedLexicon:
    data = load_yaml(lang, "participants.yaml")
    inst = {k.casefold(): (v["key"], v["sector"], v["name"]) for k, v in data["institutions"].items()}
    people = {k.casefold(): str(v) for k, v in data["people"].items()}
    words = sorted(set(inst) | set(people) | set(data["bare_coref"]), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words)
    pattern = re.compile(rf"(?<![\w])(?i:(?P<noun>{alternatives}|(?P<age>{data['age_nouns']})))(?![\w'’])")
    return UnnamedLexicon(inst, people, pattern, tuple(w.casefold() for w in data["not_after"]),
                          {k: tuple(v) for k, v in data["bare_coref"].items()},
                          frozenset(w.casefold() for w in data["capitalised_only"]),
                          {k: frozenset(v) for k, v in data["not_before"].items()}, str(data["age_phrase"]),
                          {str(k): v for k, v in data["anaphors"].items()}, frozenset(data["anaphor_followers"]),
                          {**{w: None for w in data["singular_openers"]}, **{w: "m" for w in data["masculine_openers"]},
                           **{w: "f" for w in data["feminine_openers"]}},
                          frozenset(data["epicene"]), frozenset(data["definite_singular"]),
                          frozenset(data["masculine_names_in_a"]), frozenset(data["unit_preps"]),
                          frozenset(data["unit_words"]),
                          frozenset(str(w).casefold() for w in data.get("officer_titles") or ()),
                          frozenset(str(w).casefold() for w in data.get("verb_before") or ()))


_WORD = re.compile(r"[\w]+['’]?|\S")


def headed_by(mention: str, words: frozenset[str]) -> bool:
    """A mention that is one of ``words`` (folded) or opens with one ("giudice del tribunale di
    Reggio" opens with "giudice")."""
    folded = mention.casefold()
    return folded in words or any(folded.startswith(w + " ") for w in words)


def officer_titles(lang: str = "it") -> frozenset[str]:
    """``officer_titles`` of participants.yaml: institution words that name one officer ("il
    giudice", "il pm"), and so, right before a name, that person's title."""
    return unnamed_lexicon(lang).officer_titles


def unit_end(lex: UnnamedLexicon, text: str, end: int, taken: SpanIndex | None = None) -> int:
    """Where an institution's mention ends once the unit and place named after it are taken in
    ("carabinieri" + " della stazione di Formigine"); ``end`` when none follows."""
    best, pos, need_prep, words, prev_cap = end, end, True, 0, False
    while words < 8:
        m = _WORD.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip(" ")))
        if m is None or "\n" in text[pos:m.start()] or (taken is not None and taken.overlaps(m.start(), m.end())):
            break
        w = m.group(0).replace("’", "'")
        low = w.casefold()
        if low in lex.unit_preps or (low in ("e", "ed") and prev_cap):
            need_prep, prev_cap = False, False
        elif need_prep:
            break
        elif low in lex.unit_words or w[:1].isupper() and w[:1].isalpha():
            best, prev_cap = m.end(), w[:1].isupper()
        else:
            break
        pos, words = m.end(), words + 1
    return best


def unnamed_candidates(text: str, taken: Sequence[tuple[int, int]], country: str | None, nat_re: str,
                       lang: str = "it", people: Sequence[ActorCandidate] = ()) -> list[ActorCandidate]:
    """Institution and unnamed-person mentions outside ``taken`` spans (names found already).
    ``country`` (alpha-3) is the article's country, prefixed to the sector codes; ``nat_re``
    matches the nationality adjectives that may follow a descriptor ("un giovane marocchino").
    A descriptor right before one of ``people`` ("la 54enne M. G.") is a mention of that person."""
    named_at = {c.start: c for c in people if c.type == "PER"}
    named_end = {c.end: c for c in people if c.type == "PER"}
    single: list[tuple[ActorCandidate, str | None]] = []  # one unnamed person each, with sex ("un 40enne": m)
    lex = unnamed_lexicon(lang)
    more_re = re.compile(rf"\s+(?:{lex.age_phrase}|(?i:{nat_re}))(?![\w'’])")
    out: list[ActorCandidate] = []
    last_institution: dict[str, ActorCandidate] = {}
    prefix = country or ""
    names = SpanIndex(taken)
    people_sex = [(c, _name_sex(lex, c.text)) for c in people if c.type == "PER"]
    reach = 0  # where the last institution's mention, unit included, ends
    for m in lex.pattern.finditer(text):
        start, end = m.span("noun")
        if names.overlaps(start, end) or start < reach:
            continue
        word = re.sub(r"\s+", " ", m.group("noun").casefold()).replace("’", "'")
        after = text[end:end + 30].casefold().lstrip()
        if any(after.startswith(w) for w in lex.not_after):
            continue
        if word in lex.bare_coref:
            prev = next((last_institution[k] for k in lex.bare_coref[word] if k in last_institution), None)
            if prev is not None:
                end = reach = unit_end(lex, text, end, names)
                out.append(ActorCandidate(start, end, text[start:end], "ORG", prev.group, prev.name, prev.code,
                                     prev.country))
            continue
        if word in lex.capitalised_only and not text[start].isupper():
            continue
        before = text[max(0, start - 12):start].casefold().replace("’", "'").split()[-1:]
        if before and (before[0] in lex.not_before.get(word, ()) or before[0] in lex.verb_before):
            continue
        if word in lex.institutions:
            key, sector, _name = lex.institutions[word]
            end = unit_end(lex, text, end, names)
            cand = ActorCandidate(start, end, text[start:end], "ORG", ("inst", key), key, prefix + sector, country)
            last_institution[key] = cand
            reach = end
            out.append(cand)
            continue
        if m.group("age") is None and not text[start].islower():
            continue  # "Donna Summer", "Giovani Democratici": a capitalised word is a name's
        prev = out[-1] if out else None
        if prev is not None and prev.group[0] == "anon" and re.fullmatch(r"[ \t]*,[ \t]*", text[prev.end:start]):
            # "un 39enne, residente a Novi": a descriptor set off by a comma, with no determiner of
            # its own, is the person named right before it (a list has one: "un uomo, una donna")
            out.append(replace(prev, start=start, end=end, text=text[start:end]))
            continue
        sector = "CVL" if m.group("age") else lex.people[word]
        more = more_re.match(text, end)
        if more is not None and not names.overlaps(end, more.end()):
            end = more.end()
        gap = re.match(r"[ \t]+", text[end:end + 3])
        person = named_at.get(end + gap.end()) if gap else None
        if person is None:
            near = text[max(0, start - 30):start].casefold().replace("’", "'").split()[-3:]
            person = _apposed(text, start, end, named_at, named_end, one=any(w in lex.openers_sex for w in near))
        if person is not None:
            out.append(replace(person, start=start, end=end, text=text[start:end]))
            continue
        if m.group("age") and before and before[0] in lex.definite_singular:
            aged = _aged(text, start, word, people)
            if aged is not None:  # "Mario Rossi, 46 anni, ... Il 46enne": that person again
                out.append(replace(aged, start=start, end=end, text=text[start:end]))
                continue
        if word in lex.anaphors and before and before[0] in lex.definite_singular and _alone(lex, text, end):
            sex = lex.anaphors[word] or lex.openers_sex.get(before[0])
            earlier = _last_single_person(start, sex, people_sex, single)
            if earlier is not None:  # "il giovane" after "G. C.": that person again
                out.append(replace(earlier, start=start, end=end, text=text[start:end]))
                continue
        noun = re.sub(r"\s+", "", word) if m.group("age") else word
        cand = ActorCandidate(start, end, text[start:end], "MISC", ("anon", noun), text[start:end], prefix + sector, country)
        out.append(cand)
        if before and before[0] in lex.openers_sex:
            sex = None if word in lex.epicene else (lex.anaphors.get(word) or lex.openers_sex[before[0]])
            single.append((cand, sex))
    return out


def _apposed(text: str, start: int, end: int, named_at: dict[int, ActorCandidate],
             named_end: dict[int, ActorCandidate], *, one: bool) -> ActorCandidate | None:
    """The person a descriptor stands in apposition to, across a comma: "S. A., marocchino 44enne"
    (the name first, two lower-case words at most between) or "un bolognese 51enne, P. L. G., è
    stato denunciato" (one person, the name after)."""
    lo = max(0, start - 40)
    before = re.search(r",[ \t]*(?:[a-zà-ù]+[ \t]+){0,2}$", text[lo:start])
    if before is not None:
        person = named_end.get(lo + before.start())
        if person is not None:
            return person
    after = re.match(r"[ \t]*,[ \t]*", text[end:end + 4])
    return named_at.get(end + after.end()) if after and one else None


def _aged(text: str, start: int, word: str, people: Sequence[ActorCandidate]) -> ActorCandidate | None:
    """The one person named before ``start`` with the age of the descriptor ``word`` ("46enne")
    given right after the name ("Mario Rossi, 46 anni", "Devis Lucchesi (46 anni, incensurato)")."""
    age = re.match(r"\d{1,3}", word)
    if age is None:
        return None
    years = re.compile(rf"[ \t]*[,(][ \t]*(?:di[ \t]+)?{age.group(0)}[ \t]+anni\b")
    aged = {c.group: c for c in people if c.type == "PER" and c.end <= start and years.match(text, c.end)}
    return next(iter(aged.values())) if len(aged) == 1 else None


def _alone(lex: UnnamedLexicon, text: str, end: int) -> bool:
    """Nothing of the anaphor's own phrase follows it: punctuation or a verb, clitic or adverb."""
    nxt = re.match(r"\s*([\w'’]+|\S)", text[end:end + 30])
    return nxt is None or not nxt.group(1)[0].isalpha() or nxt.group(1).casefold() in lex.anaphor_followers


def _name_sex(lex: UnnamedLexicon, name: str) -> str | None:
    """A person's sex as the given name says it ("Daniela" f, "Francesco" m, "Andrea" m), if it does."""
    first = name.split()[0] if name.split() else ""
    if len(first) < 3 or first.endswith("."):
        return None
    if first in lex.masculine_names_in_a:
        return "m"
    return {"a": "f", "o": "m"}.get(first[-1].lower())


def _last_single_person(start: int, sex: str | None, people: Sequence[tuple[ActorCandidate, str | None]],
                        single: list[tuple[ActorCandidate, str | None]]) -> ActorCandidate | None:
    """The last person named before ``start`` whose sex does not contradict ``sex``: a named
    person, or an unnamed one introduced as one person."""
    earlier = [c for c, s in [*people, *single] if c.end <= start and (sex is None or s is None or s == sex)]
    return max(earlier, key=lambda c: c.start, default=None)
