"""Places standing for who governs there.

A venue capital the country table keeps out of the actors ("Bruxelles": data/kb/countries.yaml,
``venues``) stands for the institution seated there (``venue_institutions``) when it acts or is
addressed: subject of a speech or decision verb ("Bruxelles ha risposto", "Bruxelles non ha
ancora deciso") or after "a" following a verb of asking or sending ("chiedendo a Bruxelles di
...").  Elsewhere ("a Bruxelles si è tenuto ...") it is a place only.

A ministry named by its portfolio alone ("il ministero degli Esteri") takes the country of the
capital or country that opens its sentence ("A Mosca, il ministero degli Esteri ha ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from cronaca.data import load_yaml
from cronaca.extract.actors.detect import ActorCandidate, kb_candidate
from cronaca.extract.actors.lexicon import UPPER, ActorLexicon
from cronaca.kb import norm_alias

_PREP = r"(?:(?:di|del|della|dello|dei|degli|delle)\s|dell['’]|d['’])"
_WORD = re.compile(r"[\w'’]+")


@lru_cache(maxsize=1)
def _verbs() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    data = load_yaml("it", "roles.yaml")
    return (tuple(data["institution_verbs"]), tuple(data["addressee_verbs"]),
            frozenset(data["verb_fillers"]))


def venue_institution_candidates(lex: ActorLexicon, text: str, skip: Sequence[tuple[int, int]]) -> list[ActorCandidate]:
    """Mentions of the institution a venue capital stands for where the capital acts or is addressed."""
    table = load_yaml("kb", "countries.yaml").get("venue_institutions") or {}
    out = []
    for venue, kb_id in table.items():
        actor = lex.kb.get(kb_id)
        if actor is None:
            continue
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(venue)}(?![\w'’-])", text):
            if any(s <= m.start() < e for s, e in skip):
                continue
            if _addressed(text, m.start()) or _acting(text, m.start(), m.end()):
                out.append(kb_candidate(actor, m.start(), m.end(), m.group(0)))
    return out


def _addressed(text: str, start: int) -> bool:
    """'chiedendo a Bruxelles', 'ha scritto ieri a Bruxelles': "a" right before, a verb of asking
    or sending one or two words before it."""
    before = _WORD.findall(text[max(0, start - 60):start])
    if not before or before[-1].casefold() not in ("a", "ad") or re.search(r"[,;:.]\s*\S+\s*$", text[max(0, start - 60):start]):
        return False
    _subject, addressee, _fillers = _verbs()
    return any(w.casefold().startswith(addressee) for w in before[-3:-1])


def _acting(text: str, start: int, end: int) -> bool:
    """'Bruxelles ha risposto', 'Bruxelles non ha ancora deciso': no preposition before it, a
    speech or decision verb after it (auxiliaries, negation and adverbs between)."""
    prev = _WORD.findall(text[max(0, start - 30):start])[-1:]
    locative = {w.replace("’", "'") for w in load_yaml("it", "places.yaml")["locative_prepositions"]}
    if prev and prev[0].casefold().replace("’", "'") in locative and not re.search(r"[,;:.]\s*$", text[:start]):
        return False
    subject, _addressee, fillers = _verbs()
    for w in _WORD.findall(text[end:end + 80])[:6]:
        low = w.casefold()
        if low.startswith(subject):
            return True
        if low not in fillers:
            return False
    return False


def scene_country(lex: ActorLexicon, text: str, start: int) -> str | None:
    """'A Berlino, il portavoce del governo ...': the capital (or country) that opens the sentence."""
    sent_start = max(text.rfind(ch, 0, start) for ch in ".!?\n") + 1
    m = re.match(r"\s*(?:A|In|Da)\s+([^\s,]+(?:\s+[^\s,]+)?)\s*,", text[sent_start:start])
    if m is None:
        return None
    form = lex.countries.lookup(m.group(1))
    return form.code if form is not None and form.kind in ("capital", "name") else None


def ministry_candidates(lex: ActorLexicon, text: str, taken: list[tuple[int, int]]) -> list[ActorCandidate]:
    """A ministry in lower case named by its portfolio ("il ministero degli Esteri", "il
    dicastero della Difesa russo"): the nationality after it gives its country, else the
    sentence's scene (:func:`scene_country`); with neither, an organisation with no code."""
    heads = [h for h in load_yaml("it", "roles.yaml")["ministry_heads"] if h[:1].islower()]
    mods = "|".join(sorted((re.escape(w) for w in lex.org_modifiers), key=len, reverse=True))
    pat = re.compile(rf"(?<![\w'’])(?:{'|'.join(heads)})\s+{_PREP}\s*[{UPPER}][\w'’-]*"
                     rf"(?:\s+(?:e\s+)?[{UPPER}][\w'’-]*|\s+(?:{mods})(?![\w'’-]))*")
    out = []
    for m in pat.finditer(text):
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        nat = re.match(rf"\s+({lex.nat_re})(?![\w])", text[e:])
        country = lex.nationality[nat.group(1).casefold()] if nat else None
        e += nat.end() if nat else 0
        phrase = text[s:e]
        actor = lex.kb.lookup(phrase)
        if actor is not None:
            out.append(kb_candidate(actor, s, e, phrase))
        else:
            cand = ActorCandidate(s, e, phrase, "ORG", ("org", norm_alias(phrase)), phrase)
            out.append(_with_country(lex, cand, country) if country else cand)
        taken.append((s, e))
    return out


def scene_ministries(lex: ActorLexicon, text: str, cands: Sequence[ActorCandidate]) -> list[ActorCandidate]:
    """A ministry with no country of its own ("A Mosca, il Ministero degli Esteri ha ...") takes
    the country of its sentence's scene."""
    heads = tuple(load_yaml("it", "roles.yaml")["ministry_heads"])
    out = []
    for c in cands:
        if c.group[0] == "org" and c.code is None and c.country is None and c.text.split()[0] in heads:
            country = scene_country(lex, text, c.start)
            if country is not None:
                c = _with_country(lex, c, country)
        out.append(c)
    return out


def _with_country(lex: ActorLexicon, c: ActorCandidate, country: str) -> ActorCandidate:
    code = "IGOEU" if country == "EUR" else country + "GOV" if len(country) == 3 else None
    return replace(c, group=(*c.group, country), code=code, country=country)
