"""Collective actors: "governo israeliano", "governo di Benjamin Netanyahu", "autorità
sanitarie di Gaza", bare "l'esercito" after "esercito israeliano"; organisation names led by
a head word ("Forum delle famiglie degli ostaggi"); news agencies ("agenzia Nova")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cronaca.data import load_yaml
from cronaca.extract.actors.detect import ActorCandidate, kb_candidate, name_at, name_enders
from cronaca.extract.actors.lexicon import UPPER, ActorLexicon
from cronaca.kb import norm_alias

_PREP = r"(?:(?:di|del|della|dello|dei|degli|delle|of)\s|dell['’]|d['’])"  # "of": an English name ("Bank of America")


def sector_candidates(lex: ActorLexicon, text: str, anchors: list[ActorCandidate]) -> list[ActorCandidate]:
    by_start = {a.start: a for a in anchors}
    nouns = "|".join(sorted((re.escape(n) for n in lex.sectors), key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<![\w])((?i:{nouns}))(?![\w'’])", text):
        noun = m.group(1).casefold()
        sector, label = lex.sectors[noun]
        end, country = m.end(), None
        nat = re.match(rf"\s+({lex.nat_re})(?![\w])", text[end:])
        if nat:
            country, end = lex.nationality[nat.group(1).casefold()], end + nat.end()
        else:
            direct = rf"|\s+(?=[{UPPER}])" if noun in lex.direct_name_sectors else ""
            comp = re.match(rf"(?:\s+[a-zà-ù]+)?\s+{_PREP}\s*{direct}", text[end:])
            if comp:
                pos = end + comp.end()
                anchor = by_start.get(pos)
                if anchor is not None and anchor.country and (anchor.type == "PER" or anchor.type == "GPE"):
                    country, end = anchor.country, anchor.end
                else:
                    span = name_at(lex, text, pos, max_tokens=3)
                    form = lex.countries.lookup(text[span[0]:span[1]]) if span else None
                    if form is not None and span is not None:
                        country, end = form.code, span[1]
        phrase = text[m.start():end]
        actor = lex.kb.lookup(phrase)
        if actor is not None:
            out.append(kb_candidate(actor, m.start(), end, phrase))
        elif country is not None:
            code = "IGOEU" if country == "EUR" else country + sector
            name = f"{lex.countries.name(country)} {label}"
            out.append(ActorCandidate(m.start(), end, phrase, "ORG", ("sec", country, label), name, code, country))
        elif noun in lex.bare_coref and re.search(r"(?i)(?:^|\s)(?:il|l['’]|lo|la)\s*$", text[max(0, m.start() - 4):m.start()]):
            out.append(ActorCandidate(m.start(), end, phrase, "ORG", ("bare", label), phrase))
    return out


def org_candidates(lex: ActorLexicon, text: str, taken: list[tuple[int, int]],
                   anchors: Sequence[ActorCandidate] = ()) -> list[ActorCandidate]:
    """Organisation names beginning with a head word ("Ministero degli Esteri", "Forum delle ...",
    "Consiglio Affari esteri", "l'Organizzazione mondiale della sanità").  A name running into a
    mention already found ends before it; when that mention is an institution with an actor
    code (among ``anchors``), the body named is part of it and shares its code ("Consiglio
    Affari esteri dell'Unione europea" -> IGOEU)."""
    heads = "|".join(sorted(lex.org_heads, key=len, reverse=True))
    mods = "|".join(sorted((re.escape(w) for w in lex.org_modifiers), key=len, reverse=True))
    out = []
    pat = re.compile(rf"(?:(?<![\w'’])|(?<=[lL]['’]))(?:{heads})(?:\s+{_PREP}\s*[\w'’-]+|\s+[{UPPER}][\w'’-]*|\s+(?:{mods})(?![\w'’-]))+")
    for m in pat.finditer(text):
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            inner = min((ts for ts, te in taken if s < ts < e), default=None)
            shorter = pat.match(text, s, inner) if inner is not None and not any(ts <= s < te for ts, te in taken) else None
            if shorter is None:
                continue
            s, e = shorter.start(), shorter.end()
        # "dal Tribunale di Modena di quasi otto mesi", "la Corte dei Conti di gennaio": after a
        # capitalised complement, a lower-case one that is a function word, a month or a street is
        # the sentence going on, not the name ("Unione dei Comuni del distretto ceramico" stays)
        tail = re.search(rf"{_PREP}\s*[{UPPER}][\w'’-]*(\s+{_PREP}\s*([a-zà-ù]+))", text[s:e])
        if tail and tail.group(2) in _sentence_words():
            e = s + tail.start(1)
        nat = re.match(rf"\s+({lex.nat_re})(?![\w])", text[e:])
        country = None
        if nat:
            country = lex.nationality[nat.group(1).casefold()]
            e += nat.end()
        phrase = text[s:e]
        code = (country + "GOV") if country and country != "EUR" else ("IGOEU" if country == "EUR" else None)
        owner = _owner(text, e, anchors) if country is None else None
        if owner is not None:
            code, country = owner.code, owner.country
        out.append(ActorCandidate(s, e, phrase, "ORG", ("org", norm_alias(phrase)), phrase, code, country))
        taken.append((s, e))
    return out


@lru_cache(maxsize=1)
def _sentence_words() -> frozenset[str]:
    """Lower-case words that never go on an organisation's name after a capitalised complement:
    function and number words, months, weekdays and street heads."""
    calendar = load_yaml("it", "calendar.yaml")
    streets = [h for h, feature in load_yaml("it", "venues.yaml")["heads"].items() if feature == "street"]
    return name_enders() | set(calendar["months"]) | set(calendar["weekdays"]) | set(streets)


def _owner(text: str, end: int, anchors: Sequence[ActorCandidate]) -> ActorCandidate | None:
    """The institution with an actor code named right after a body's name: "dell'Unione europea"."""
    comp = re.match(rf"\s+{_PREP}\s*", text[end:])
    if comp is None:
        return None
    return next((a for a in anchors if a.start == end + comp.end() and a.type == "ORG" and a.code), None)


def agency_candidates(lex: ActorLexicon, text: str, taken: list[tuple[int, int]]) -> list[ActorCandidate]:
    words = "|".join(sorted(lex.agency_words, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<![\w])(?i:{words})(?:\s+({lex.nat_re}))?\s+(?=[{UPPER}])", text):
        span = name_at(lex, text, m.end(), max_tokens=3)
        if span is None or any(span[0] < te and ts < span[1] for ts, te in taken):
            continue
        country = lex.nationality.get((m.group(1) or "").casefold())
        phrase = text[span[0]:span[1]]
        out.append(ActorCandidate(span[0], span[1], phrase, "ORG", ("org", norm_alias(phrase)), phrase,
                             country + "MED" if country and country != "EUR" else None, country))
        taken.append(span)
    return out


@lru_cache(maxsize=1)
def _group_patterns(nat_re: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
                                          frozenset[str]]:
    """Compiled pieces of a state group (data/it/roles.yaml, state_groups): the head with its
    article, the member-led opening, the quantity (quantifier and number) and the member noun
    with its qualifiers."""
    data = load_yaml("it", "roles.yaml")["state_groups"]

    def alts(words: list[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))

    art = rf"(?:(?i:{alts(data['articles'])})\s+)?"
    number = rf"(?:\d[\d.]*|(?:{alts(data['numbers'])})(?![\w]))"
    head = re.compile(rf"(?<![\w'’]){art}(?:{alts(data['heads'])})(?![\w'’])")
    lead = re.compile(rf"(?<![\w'’])(?i:{alts(data['articles'])})\s+(?=(?:{number}\s+)?(?:{alts(data['members'])})(?![\w'’]))")
    quantity = re.compile(rf"(?:(?:{alts(data['quantifiers'])})\s+)?(?:({number})\s+)?")
    members = re.compile(rf"(?:{alts(data['members'])})(?:\s+(?:{alts(data['qualifiers'])}|{nat_re}))?(?![\w'’])")
    return head, lead, quantity, members, frozenset(data["anaphoric_numbers"])


def group_candidates(lex: ActorLexicon, text: str, cands: Sequence[ActorCandidate]) -> list[ActorCandidate]:
    """States or their envoys acting together: "i delegati dei quasi 200 Paesi", "i ministri degli
    Esteri del G7", "i 27 Stati membri", "i Paesi dell'Unione africana".  One MISC entity per
    phrase (the article included: a description, not a name); the code of the intergovernmental
    organisation it names, if any.  A country named after the head ("i rappresentanti degli
    Stati Uniti", "i ministri di Francia e Germania") makes no group, nor does a small number
    with no organisation after it ("i leader dei due Paesi": the countries named before), nor
    one the people it stands for follow ("i ministri degli Esteri del G7, X e Y": those people act)."""
    head, lead, quantity, members, anaphoric = _group_patterns(lex.nat_re)
    starts: dict[int, ActorCandidate] = {}
    for c in cands:
        starts.setdefault(c.start, c)
    out: list[ActorCandidate] = []
    found = [(m.start(), m.end(), True) for m in head.finditer(text)]
    found += [(m.start(), m.end(), False) for m in lead.finditer(text)]
    for s, pos, headed in sorted(found):
        if any(c.start <= s < c.end for c in out):
            continue
        if headed:
            port = re.match(rf"\s+(?:degli|della|delle|dello|del|dell['’])\s*(?=[{UPPER}])", text[pos:])
            if port is not None and pos + port.end() not in starts:
                span = re.match(rf"[{UPPER}][\w'’-]*(?:\s+e\s+[{UPPER}][\w'’-]*)?", text[pos + port.end():])
                if span is not None:
                    pos += port.end() + span.end()
            comp = re.match(rf"\s+{_PREP}\s*", text[pos:])
            if comp is None:
                continue
            pos += comp.end()
        end, igo = _group_tail(text, pos, starts, quantity, members, anaphoric, headed)
        if end is None:
            continue
        after = re.match(r"\s*,?\s*", text[end:])
        if after is not None and getattr(starts.get(end + after.end()), "type", None) == "PER":
            continue
        phrase = text[s:end]
        key = re.sub(r"^(?i:i|gli|le)\s+", "", norm_alias(phrase))
        out.append(ActorCandidate(s, end, phrase, "MISC", ("grp", key), re.sub(r"^(?i:i|gli|le)\s+", "", phrase),
                             igo.code if igo else None, igo.country if igo else None))
    return out


def _group_tail(text: str, pos: int, starts: dict[int, ActorCandidate], quantity: re.Pattern[str],
                members: re.Pattern[str], anaphoric: frozenset[str],
                headed: bool) -> tuple[int | None, ActorCandidate | None]:
    """Where a state group ends from ``pos`` (after "di"), and the organisation it names."""
    igo = _igo(starts.get(pos))
    if igo is not None:
        return (igo.end, igo) if headed else (None, None)
    if pos in starts:
        return None, None  # "i rappresentanti degli Stati Uniti"
    q = quantity.match(text, pos)
    m = members.match(text, q.end()) if q is not None else None
    if q is None or m is None:
        return None, None
    end, igo = m.end(), None
    comp = re.match(rf"\s+{_PREP}\s*", text[end:])
    if comp is not None:
        igo = _igo(starts.get(end + comp.end()))
        if igo is not None:
            end = igo.end
    number = (q.group(1) or "").casefold()
    if igo is None and (number in anaphoric or not headed and not number):
        return None, None
    return end, igo


def _igo(c: ActorCandidate | None) -> ActorCandidate | None:
    """An intergovernmental organisation from the KB ("G7", "Unione africana", "Onu")."""
    return c if c is not None and c.type == "ORG" and c.kb_id and (c.code or "").startswith("IGO") else None
