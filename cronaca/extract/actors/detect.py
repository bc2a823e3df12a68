"""Mention detection by rules: KB and country gazetteer, personal names, organisation names,
source phrases and collective actors ("governo israeliano").  Each finder returns
:class:`ActorCandidate` records; :mod:`cronaca.extract.actors.build` groups them into entities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cronaca.data import data_path, load_yaml
from cronaca.extract.actors.lexicon import UPPER, ActorLexicon
from cronaca.extract.actors.titles import APOS
from cronaca.extract.spans import SpanIndex
from cronaca.kb import KBActor, norm_alias

TOKEN_RE = re.compile(r"[\w][\w'’\-.]*[\w]|[\w]")
_PREP = r"(?:(?:di|del|della|dello|dei|degli|delle)\s|dell['’]|d['’])"
_PREP_TO = r"(?:(?:al|alla|allo|ai|agli|alle|a)\s|all['’])"


@dataclass(frozen=True)
class ActorCandidate:
    start: int
    end: int
    text: str
    type: str  # PER | ORG | GPE | LOC | MISC
    group: tuple[str, ...]  # coreference key: same key, same entity
    name: str
    code: str | None = None
    country: str | None = None
    kb_id: str | None = None


def kb_candidate(actor: KBActor, start: int, end: int, text: str) -> ActorCandidate:
    return ActorCandidate(start, end, text, actor.type, ("kb", actor.id), actor.name, actor.code,
                     actor.country, actor.id)


def country_candidate(lex: ActorLexicon, code: str, start: int, end: int, text: str) -> ActorCandidate:
    typ = "LOC" if code == "EUR" else "GPE"
    return ActorCandidate(start, end, text, typ, ("gpe", code), lex.countries.name(code), code, code)


def is_capitalised(tok: str) -> bool:
    """A name word: 'Rossi', "D'Alema", 'al-Sisi' (Arabic article before a capital)."""
    return bool(re.match(f"[{UPPER}]", tok)) or bool(re.match(f"(?:al|el|as|ad|an|ar|bin|ben)-[{UPPER}]", tok))


def name_at(lex: ActorLexicon, text: str, pos: int, max_tokens: int = 6) -> tuple[int, int] | None:
    """The personal-name-shaped token sequence starting at ``pos``: capitalised tokens and
    name particles joined by single spaces, ending on a capitalised token."""
    toks: list[tuple[int, int, str]] = []
    i = pos
    while len(toks) < max_tokens:
        m = TOKEN_RE.match(text, i)
        if not m:
            break
        tok = m.group(0).rstrip(".")
        if not (is_capitalised(tok) or tok in lex.particles):
            break
        toks.append((m.start(), m.start() + len(tok), tok))
        j = m.start() + len(tok)
        if len(tok) == 1 and tok.isupper() and text[j:j + 2] == ". ":
            j += 1  # an initial: "George W. Bush"
        nxt = TOKEN_RE.match(text, j + 3) if text[j:j + 3] == " - " else None
        if nxt is not None and tok in lex.given_names and nxt.group(0) in lex.given_names:
            i = j + 3  # "Jean - Claude Trichet": a double given name spaced out by tokenisation
        elif j < len(text) and text[j] == " " and j + 1 < len(text) and not text[j + 1].isspace():
            i = j + 1
        else:
            break
    for k, (_s, _e, tok) in enumerate(toks):
        tail = [t for _a, _b, t in toks[k + 1:]]
        if k and tok in ("di", "del", "della") and (
                any(t in org_final_words() or (t.isupper() and len(t) > 1) for t in tail)
                or _region_or_country(" ".join(tail)) or _where_from(lex, tail)):
            # "David Buik di BGC Partners", "Mark Warner della Virginia", "Silvia Ciancia di Modena",
            # "Marcello Fornaciari del Foro di Reggio": the person, then where from
            toks = toks[:k]
            break
    # "di Alfonso Scibona Oltre sette mesi": a capitalised function word opens the next sentence
    # "di Stefano Totaro Due truffe": a number word opens the next sentence too
    while toks and (not is_capitalised(toks[-1][2]) or (len(toks) > 1 and toks[-1][2].lower() in name_enders())):
        toks.pop()
    if not toks or not is_capitalised(toks[0][2]):
        return None
    return toks[0][0], toks[-1][1]


@cache
def function_words(lang: str = "it") -> frozenset[str]:
    """``function_words.txt``: word forms the UD treebanks tag as function words (training/closed_class.py)."""
    lines = data_path(lang, "function_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def name_enders(lang: str = "it") -> frozenset[str]:
    """Words that end a run of capitalised name tokens: the function words and the number words
    (``state_groups.numbers`` of roles.yaml, one word each)."""
    numbers = load_yaml(lang, "roles.yaml")["state_groups"]["numbers"]
    return function_words(lang) | {str(n).lower() for n in numbers if " " not in str(n)}


def _where_from(lex: ActorLexicon, tail: list[str]) -> bool:
    """After "di"/"del" in a name: a body ("Foro", "Tribunale") or a town the gazetteer knows."""
    from cronaca.extract.gazetteer import load_gazetteer

    return bool(tail) and (tail[0] in lex.org_heads or tail[0] in lex.origin_heads
                           or load_gazetteer().get(" ".join(tail)) is not None)


def _region_or_country(name: str) -> bool:
    from cronaca.extract.gazetteer import load_gazetteer

    info = load_gazetteer().get(name) if name else None
    return info is not None and info.feature in ("country", "region", "capital")


@cache
def org_final_words() -> frozenset[str]:
    """Last words of a company's name ("Brothers", "Bank", "Partners"): ``roles.yaml``."""
    return frozenset(load_yaml("it", "roles.yaml")["org_final_words"])


def gazetteer_candidates(lex: ActorLexicon, text: str, skip: list[tuple[int, int]]) -> list[ActorCandidate]:
    out = []
    for m in lex.gazetteer_re.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in skip):
            continue
        hit = lex.hit(m.group(0))
        if hit is None:
            continue
        if hit.actor is not None:
            out.append(kb_candidate(hit.actor, m.start(), m.end(), m.group(0)))
            continue
        form = hit.country
        if form is None or form.kind == "territory":
            continue
        if form.kind == "capital" and scene_setting(lex, text, m.start()):
            continue
        out.append(country_candidate(lex, form.code, m.start(), m.end(), m.group(0)))
    return out


def scene_setting(lex: ActorLexicon, text: str, start: int) -> bool:
    """A capital naming where something happens, not who acts: 'A Berlino, ...', 'vertice a
    Roma', 'ora di Mosca' -- but not what goes to it: 'aiuti a Kiev', 'forniture militari a Kiev'."""
    before = text[max(0, start - 12):start]
    m = re.search(r"(?:\b(?:(a|ad)|A|Ad|[Ii]n|[Vv]erso|[Dd]a)\s+|\bora\s+di\s+)$", before)
    return m is not None and (m.group(1) is None or not recipient_dative(lex, text, start))


def recipient_dative(lex: ActorLexicon, text: str, start: int) -> bool:
    """The name at ``start`` follows a preposition right after a word of what is sent or said
    to it (or that word and one more): 'aiuti a Kiev', 'forniture militari a Kiev'."""
    prev = re.findall(r"[\w'’]+", text[max(0, start - 60):start])[-3:-1]
    return any(w.casefold() in lex.recipient_words for w in prev)


def person_candidates(lex: ActorLexicon, text: str, taken: list[tuple[int, int]]) -> list[ActorCandidate]:
    """Full names of people outside the KB: a known given name followed by capitalised tokens."""
    out = []
    for m in re.finditer(f"(?<![\\w'’-])[{UPPER}][\\w'’-]*", text):
        if m.group(0) not in lex.given_names or any(s <= m.start() < e for s, e in taken):
            continue
        start = m.start()
        if m.group(0).lower() in lex.name_articles:  # "Ghizlan El Hadraoui": it goes on the name before it
            prev = re.search(rf"(?<![\w'’-])[{UPPER}][\w'’-]* $", text[max(0, start - 40):start])
            if prev is not None and prev.group(0).strip().lower() not in name_enders():
                start -= len(prev.group(0))
        span = name_at(lex, text, start)
        if span is None or span[1] == m.end():  # a given name alone is no name
            continue
        s, e = span
        if any(s < te and ts < e for ts, te in taken) or street_before(text, s):
            continue
        out.append(unknown_person(lex, s, e, text[s:e]))
        taken.append((s, e))
    return out


_INITIALS = re.compile(rf"(?<![\w.])[{UPPER}]\.\s?[{UPPER}]\.(?:\s?[{UPPER}]\.)?(?=[\s,;:)]|$)")


@dataclass(frozen=True)
class _InitialsCues:
    """The contexts that make initials a person's (``person_context`` in roles.yaml), compiled once."""

    after: re.Pattern[str]
    before: re.Pattern[str]
    byline: re.Pattern[str]
    nat_after: re.Pattern[str]
    nat_before: re.Pattern[str]
    titles: frozenset[str]


@cache
def _initials_cues(nat_re: str) -> _InitialsCues:
    cues = load_yaml("it", "roles.yaml")["person_context"]
    return _InitialsCues(re.compile(cues["initials_after"]), re.compile(cues["initials_before"]),
                         re.compile(cues["initials_byline"]), re.compile(rf"\s*,?\s*(?:{nat_re})\b"),
                         re.compile(rf"(?:{nat_re})\s*,?\s*$"), frozenset(cues["before"]))


def initials_candidates(lex: ActorLexicon, text: str, taken: list[tuple[int, int]]) -> list[ActorCandidate]:
    """People named by their initials ("S. A., marocchino 44enne", "il 38enne moldavo G. C."):
    initials with a person's context (an age, a nationality or a descriptor beside them), no byline."""
    cues = _initials_cues(lex.nat_re)
    out = []
    names = SpanIndex(taken)
    for m in _INITIALS.finditer(text):
        s, e = m.span()
        if names.overlaps(s, e):
            continue
        before, after = text[max(0, s - 30):s], text[e:e + 40]
        if cues.byline.search(before) or after.lstrip().startswith("©"):
            continue
        low_before, low_after = before.casefold(), after.casefold()
        if not (cues.after.match(low_after) or cues.before.search(low_before) or cues.nat_after.match(low_after)
                or cues.nat_before.search(low_before) or (low_before.split() or [""])[-1] in cues.titles):
            continue
        out.append(ActorCandidate(s, e, m.group(0), "PER", ("per", norm_alias(m.group(0))), m.group(0)))
    taken.extend((c.start, c.end) for c in out)
    return out


@cache
def _street_words() -> re.Pattern[str]:
    """The street heads of ``venues.yaml`` ("via", "piazza"), ending right before a name or
    before a person's title ("via don Minzoni")."""
    heads = [h for h, feature in load_yaml("it", "venues.yaml")["heads"].items() if feature == "street"]
    titles = load_yaml("it", "roles.yaml")["person_context"]["before"]
    return re.compile(rf"(?i)(?:^|[\s(])(?:{'|'.join(map(re.escape, heads))})\s+"
                      rf"(?:(?:{'|'.join(map(re.escape, titles))})\s+)?$")


def street_before(text: str, start: int) -> bool:
    """ "via Natalino Marchi", "piazza Giuseppe Garibaldi": a name after a street word is the street's."""
    return _street_words().search(text, max(0, start - 30), start) is not None


def unknown_person(lex: ActorLexicon, start: int, end: int, text: str) -> ActorCandidate:
    """A person not in the KB; a surname that is a KB person's surname joins that person."""
    surname = text.split()[-1]
    actor = lex.kb.lookup(surname)
    if actor is not None and actor.type == "PER" and len(text.split()) > 1:
        return kb_candidate(actor, start, end, text)
    return ActorCandidate(start, end, text, "PER", ("per", norm_alias(text)), text)


def source_candidates(lex: ActorLexicon, text: str, anchors: list[ActorCandidate]) -> list[ActorCandidate]:
    """Anonymous sources and collectives as ORG actors: 'fonti della Casa Bianca', 'fonti
    diplomatiche statunitensi', 'fonti vicine al Cremlino', 'una fonte del Dipartimento di Stato'."""
    heads = "|".join(sorted(lex.source_heads, key=len, reverse=True))
    mods = "|".join(sorted(lex.source_modifiers, key=len, reverse=True))
    out = []
    pat = re.compile(rf"(?<![\w'’])(?:(?i:una)\s+)?(?i:{heads})(?:\s+(?:{mods}))*(?:\s+(?:{lex.nat_re}))?"
                     rf"(?:\s+(?:vicin[aei]\s+{_PREP_TO}\s*|{_PREP}\s*)(?=\S))?")
    for m in pat.finditer(text):
        end = m.end()
        inner = next((a for a in anchors if a.start == end), None) if m.group(0)[-1:].isspace() or \
            re.search(APOS + "$", m.group(0)) else None
        if inner is not None:
            end = inner.end
        phrase = text[m.start():end].rstrip()
        words = phrase.split()
        if inner is None and len(words) < 2 + phrase.casefold().startswith("una "):
            continue  # "fonti" alone names nobody
        if inner is None and not re.search(rf"(?:{mods}|{lex.nat_re})$", phrase):
            continue
        phrase_end = m.start() + len(phrase)
        if inner is not None and inner.type == "ORG" and inner.kb_id and not re.search(r"(?i)vicin", phrase):
            # "una fonte del Dipartimento di Stato", "fonti della Casa Bianca": the institution
            # speaking through an unnamed member -- a mention of the institution itself
            out.append(ActorCandidate(m.start(), phrase_end, phrase, "ORG", inner.group, inner.name, inner.code,
                                 inner.country, inner.kb_id))
            continue
        code = _source_code(lex, phrase, inner)
        out.append(ActorCandidate(m.start(), phrase_end, phrase, "ORG", ("src", norm_alias(_strip_article(phrase))),
                             _strip_article(phrase), code, inner.country if inner else _nat_code(lex, phrase)))
    for coll in lex.collectives:
        for m in re.finditer(rf"(?<!\w){re.escape(coll)}(?!\w)", text, flags=re.IGNORECASE):
            out.append(ActorCandidate(m.start(), m.end(), m.group(0), "ORG", ("src", norm_alias(coll)), coll))
    return out


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?i:una)\s+", "", phrase)


def _nat_code(lex: ActorLexicon, phrase: str) -> str | None:
    for w in reversed(phrase.split()):
        if w.casefold() in lex.nationality:
            return lex.nationality[w.casefold()]
    return None


def _source_code(lex: ActorLexicon, phrase: str, inner: ActorCandidate | None) -> str | None:
    if inner is not None:
        if inner.type == "GPE" and inner.code and len(inner.code) == 3:
            return inner.code + "GOV"
        return inner.code
    nat = _nat_code(lex, phrase)
    if nat and re.search(r"diplomatic|governativ|ufficial", phrase, flags=re.IGNORECASE):
        return nat + "GOV" if len(nat) == 3 and nat != "EUR" else "IGOEU"
    if nat and re.search(r"militar", phrase, flags=re.IGNORECASE):
        return nat + "MIL"
    return None
