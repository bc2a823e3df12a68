"""Role phrases attached to names ("il ministro degli Esteri russo Serghei Lavrov", "Anna
Kelly, vice portavoce della Casa Bianca") and their check against the knowledge base."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cronaca.extract.actors.detect import ActorCandidate, name_at
from cronaca.extract.actors.lexicon import UPPER, ActorLexicon, Title
from cronaca.kb import KBActor

_COMPLEMENT = re.compile(r"\s+(?:per\s+(?:il|la|lo|l['’]|gli|le|i)\s*|(?:(?:di|del|della|dello|dei|degli|delle)\s|dell['’])\s*)")
_ARTICLE = r"(?:(?:il|la|lo|l['’]|i|gli|le)\s*)?"
# a definite article or articulated preposition right before a title ("il ministro", "dal premier")
_DEFINITE_BEFORE = re.compile(r"(?:(?<![\w'’])(?i:il|lo|la|del|dello|della|al|allo|alla|dal|dallo|dalla|nel|nello|"
                              r"nella|sul|sullo|sulla|col)\s+|(?<![\w'’])(?i:l|dell|all|dall|nell|sull)['’])$")


@dataclass(frozen=True)
class RolePhrase:
    start: int
    end: int
    text: str
    title: Title
    country: str | None  # from a nationality adjective or a complement
    complement: ActorCandidate | None
    past: bool
    names: tuple[tuple[int, int], ...]


def find_role_phrases(lex: ActorLexicon, text: str, anchors: list[ActorCandidate]) -> list[RolePhrase]:
    by_start = {a.start: a for a in anchors}
    out: list[RolePhrase] = []
    for start, stop in lex.title_finder.finditer(text):
        title = lex.title(text[start:stop])
        if title is None:
            continue
        end, complement, country = _title_extent(lex, text, start, stop, title, by_start)
        past = _past(lex, text, start)
        names = _names_after(lex, text, end, by_start, title.plural)
        if not names:
            names = _names_before(lex, text, start, by_start)
        if names:
            out.append(RolePhrase(start, end, text[start:end], title, country, complement, past, names))
    return out


def find_bare_titles(lex: ActorLexicon, text: str, anchors: list[ActorCandidate],
                     phrases: list[RolePhrase]) -> list[RolePhrase]:
    """Definite role phrases with no name ("il ministro ha sottolineato", "il presidente
    americano"): anaphors of a person named earlier.  Plural, past ("l'ex ministro") and
    titles next to a name are left out; ``names`` is empty."""
    by_start = {a.start: a for a in anchors}
    taken = [(ph.start, ph.end) for ph in phrases] + [n for ph in phrases for n in ph.names]
    out: list[RolePhrase] = []
    for start, stop in lex.title_finder.finditer(text):
        title = lex.title(text[start:stop])
        if title is None or title.plural or any(s < stop and start < e for s, e in taken):
            continue
        if not _DEFINITE_BEFORE.search(text[max(0, start - 8):start]) or _past(lex, text, start):
            continue
        end, complement, country = _title_extent(lex, text, start, stop, title, by_start)
        if re.match(rf",?\s+[{UPPER}]", text[end:]) and not re.match(r",?\s+(?:ha|è|aveva|sarà)\b", text[end:]):
            continue  # a name the name finder missed, or a new sentence: not an anaphor
        out.append(RolePhrase(start, end, text[start:end], title, country, complement, False, ()))
    return out


def _title_extent(lex: ActorLexicon, text: str, start: int, end: int, title: Title,
                  by_start: dict[int, ActorCandidate]) -> tuple[int, ActorCandidate | None, str | None]:
    """End of a role phrase with its complement ("del Cremlino", "della Difesa") and
    nationality adjective, the complement actor, and the country they give."""
    complement = None
    c = _COMPLEMENT.match(text, end)
    if c is not None:
        anchor = by_start.get(c.end())
        if anchor is not None and anchor.type != "PER":
            complement, end = anchor, anchor.end
        elif title.portfolio:
            w = re.match(r"[\w'’-]+", text[c.end():])
            if w:
                end = c.end() + w.end()
    n = re.match(rf"\s+({lex.nat_re})(?![\w])", text[end:])
    if n:
        end += n.end()
    return end, complement, _country(lex, text[start:end], complement)


def _country(lex: ActorLexicon, phrase: str, complement: ActorCandidate | None) -> str | None:
    for w in reversed(phrase.split()):
        if w.casefold() in lex.nationality:
            return lex.nationality[w.casefold()]
    return complement.country if complement is not None else None


def _past(lex: ActorLexicon, text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].split()
    return bool(before) and before[-1].casefold().replace("’", "'") in lex.past_markers or \
        bool(re.search(r"(?i)\bl['’]ex\s*$|\bex\s+$", text[max(0, start - 6):start]))


def _name_span(lex: ActorLexicon, text: str, pos: int, by_start: dict[int, ActorCandidate]) -> tuple[int, int] | None:
    anchor = by_start.get(pos)
    if anchor is not None:
        return (anchor.start, anchor.end) if anchor.type == "PER" else None
    span = name_at(lex, text, pos)
    if span is None:
        return None
    inner = [a for a in by_start.values() if span[0] <= a.start < span[1] and a.type != "PER"]
    return None if inner else span


def _names_after(lex: ActorLexicon, text: str, end: int, by_start: dict[int, ActorCandidate],
                 plural: bool) -> tuple[tuple[int, int], ...]:
    sep = re.match(r",?[ \t]+", text[end:])
    if sep is None:
        return ()
    first = _name_span(lex, text, end + sep.end(), by_start)
    if first is None:
        return ()
    names = [first]
    coord = re.match(r"\s+e\s+", text[first[1]:]) if plural else None
    if coord is not None:
        second = _name_span(lex, text, first[1] + coord.end(), by_start)
        if second is not None:
            names.append(second)
    return tuple(names)


def _names_before(lex: ActorLexicon, text: str, start: int, by_start: dict[int, ActorCandidate]) -> tuple[tuple[int, int], ...]:
    """Apposition: 'Anna Kelly, vice portavoce della Casa Bianca'."""
    m = re.search(rf",\s+{_ARTICLE}$", text[max(0, start - 12):start])
    if m is None:
        return ()
    comma = start - (len(text[max(0, start - 12):start]) - m.start())
    for a in by_start.values():
        if a.end == comma and a.type == "PER":
            return ((a.start, a.end),)
    return ()


def check_role(kb_actor: KBActor | None, phrase: RolePhrase, on: date | None) -> tuple[bool | None, str | None]:
    """(valid, role_key) for a role phrase attached to a person, at the article's date."""
    keys = phrase.title.keys
    default_key = keys[0] if len(keys) == 1 else None
    if kb_actor is None or on is None:
        return None, default_key
    spells = [r for r in kb_actor.roles if r.key in keys
              and (phrase.country is None or r.country is None or r.country == phrase.country)]
    if not spells:
        return None, default_key
    current = [r for r in spells if r.covers(on)]
    if current:
        return True, current[0].key
    if phrase.past and any(r.start <= on for r in spells):
        return True, spells[0].key
    nearest = min(spells, key=lambda r: abs(((r.end or on) - on).days))
    return False, nearest.key
