"""The entities stage: people, organisations and countries acting, with all their mentions,
canonical names, actor codes, KB ids and role phrases checked at the article's date.

Detection uses the trained NER when the pipeline has one, and always the rules of
:mod:`cronaca.extract.actors` (KB and country gazetteer, role phrases, personal names,
organisation heads, source phrases, collective actors).  Coreference within the article:
one entity per KB actor (all spellings and transliterations), per country, per full name
(surname-only mentions join it), per source phrase and per collective actor.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from cronaca.extract.actors.collective import agency_candidates, org_candidates, sector_candidates
from cronaca.extract.actors.detect import (
    Candidate,
    country_candidate,
    gazetteer_candidates,
    person_candidates,
    source_candidates,
    unknown_person,
)
from cronaca.extract.actors.lexicon import Lexicon, load_lexicon
from cronaca.extract.actors.roles import RolePhrase, check_role, find_bare_titles, find_role_phrases
from cronaca.kb.countries import capital_code
from cronaca.nlp import ParsedDoc
from cronaca.records import Entity, Place, Role, Span

log = logging.getLogger(__name__)

_DATELINE = re.compile(r"^[^\n,]{2,40},\s+\d{1,2}\s+\w+\s+\d{4}\s*[–—-]")


def extract_entities(pdoc: ParsedDoc, places: Sequence[Place] = ()) -> list[Entity]:
    lex = load_lexicon()
    text = pdoc.text
    skip = [_dateline_span(pdoc)]
    anchors = gazetteer_candidates(lex, text, skip)
    anchors += _capital_places(lex, places, anchors, skip)
    phrases = find_role_phrases(lex, text, anchors)
    cands = list(anchors)
    taken = [(a.start, a.end) for a in anchors if a.type in ("PER", "ORG")] + skip
    for ph in phrases:
        for s, e in ph.names:
            if not any(c.start == s and c.type == "PER" for c in cands):
                cands.append(unknown_person(lex, s, e, text[s:e]))
                taken.append((s, e))
    if pdoc.has_ner:
        cands += _ner_candidates(lex, pdoc, taken)
    cands += person_candidates(lex, text, taken)
    cands += _surname_mentions(lex, text, cands)
    taken = [(c.start, c.end) for c in cands if c.type in ("PER", "ORG")] + skip
    cands += source_candidates(lex, text, anchors)
    in_roles = [(ph.start, ph.end) for ph in phrases]
    cands += [c for c in sector_candidates(lex, text, [c for c in cands if c.type in ("PER", "GPE")])
              if not any(s <= c.start < e for s, e in in_roles)]
    cands += agency_candidates(lex, text, taken)
    cands += org_candidates(lex, text, taken)
    cands += _title_mentions(lex, pdoc, cands, phrases, find_bare_titles(lex, text, anchors, phrases))
    return _build(lex, pdoc, _resolve_bare(cands), phrases)


def _dateline_span(pdoc: ParsedDoc) -> tuple[int, int]:
    dl = pdoc.article.dateline
    if dl is not None and dl.end > dl.start:
        return dl.start, dl.end
    m = _DATELINE.match(pdoc.text)
    return (m.start(), m.end()) if m else (0, 0)


def _capital_places(lex: Lexicon, places: Sequence[Place], anchors: list[Candidate],
                    skip: list[tuple[int, int]]) -> list[Candidate]:
    """Capitals the places stage found that the gazetteer does not know ("Kyiv" spelt otherwise)."""
    out = []
    for p in places:
        if any(a.start < p.end and p.start < a.end for a in anchors) or any(s <= p.start < e for s, e in skip):
            continue
        code = capital_code(p.name, p.country)
        if code is not None:
            out.append(country_candidate(lex, code, p.start, p.end, p.text))
    return out


def _ner_candidates(lex: Lexicon, pdoc: ParsedDoc, taken: list[tuple[int, int]]) -> list[Candidate]:
    out = []
    for ent in pdoc.doc.ents:
        s, e = ent.start_char, ent.end_char
        if any(s < te and ts < e for ts, te in taken):
            continue
        if ent.label_ == "PER" and " " in ent.text:
            out.append(unknown_person(lex, s, e, ent.text))
            taken.append((s, e))
        elif ent.label_ == "ORG":
            out.append(Candidate(s, e, ent.text, "ORG", ("org", ent.text.casefold()), ent.text))
            taken.append((s, e))
    return out


def _surname_mentions(lex: Lexicon, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Surname-only mentions ("Kelly" after "Anna Kelly"; "Rubio-Lavrov") join the full name."""
    by_surname: dict[str, Candidate] = {}
    for c in cands:
        if c.type == "PER" and " " in c.text:
            by_surname.setdefault(c.text.split()[-1], c)
    out = []
    occupied = [(c.start, c.end) for c in cands]
    for surname, c in by_surname.items():
        for m in re.finditer(rf"(?<![\w'’]){re.escape(surname)}(?![\w'’])", text):
            if any(s <= m.start() < e for s, e in occupied):
                continue
            out.append(Candidate(m.start(), m.end(), m.group(0), "PER", c.group, c.name, c.code, c.country, c.kb_id))
            occupied.append((m.start(), m.end()))
    return out


def _title_mentions(lex: Lexicon, pdoc: ParsedDoc, cands: list[Candidate], phrases: list[RolePhrase],
                    bare: list[RolePhrase]) -> list[Candidate]:
    """A title standing alone ("il ministro ha sottolineato") is a mention of the one person
    named earlier who fits it: first a person introduced with the same head title, then one
    introduced with a title sharing a role, then one the KB says held such a role on the
    article's date.  Two fitting people at the first tier that has any: no mention."""
    occupied = [(c.start, c.end) for c in cands]
    persons = [c for c in cands if c.type == "PER"]
    intro: list[tuple[RolePhrase, Candidate]] = [
        (ph, p) for ph in phrases for s, _e in ph.names for p in persons if p.start == s]
    out = []
    for bt in bare:
        if any(s < bt.end and bt.start < e for s, e in occupied):
            continue
        before = {c.group: c for c in persons if c.end <= bt.start}
        keys = set(bt.title.anaphor_keys)
        head = bt.title.words.split()[0].casefold()

        def fits_country(country: str | None, person: Candidate, bt: RolePhrase = bt) -> bool:
            return bt.country is None or (country or person.country) in (None, bt.country)

        tiers = [
            {p.group for ph, p in intro if p.group in before and ph.start < bt.start and not ph.past
             and ph.title.words.split()[0].casefold() == head and fits_country(ph.country, p)},
            {p.group for ph, p in intro if p.group in before and ph.start < bt.start and not ph.past
             and keys & set(ph.title.keys) and fits_country(ph.country, p)},
            {g for g, p in before.items() if pdoc.ref_date is not None and p.kb_id
             and any(r.key in keys and (bt.country is None or r.country == bt.country)
                     for r in lex.kb.roles_at(p.kb_id, pdoc.ref_date))},
        ]
        groups = next((t for t in tiers if t), set())
        if len(groups) != 1:
            continue
        p = before[next(iter(groups))]
        out.append(Candidate(bt.start, bt.end, bt.text, "PER", p.group, p.name, p.code, p.country, p.kb_id))
        occupied.append((bt.start, bt.end))
    return out


def _resolve_bare(cands: list[Candidate]) -> list[Candidate]:
    """'l'esercito' refers to the last collective actor of that kind named before it."""
    out = []
    last: dict[str, Candidate] = {}
    for c in sorted(cands, key=lambda c: c.start):
        if c.group[0] == "bare":
            prev = last.get(c.group[1])
            if prev is not None:
                out.append(Candidate(c.start, c.end, c.text, prev.type, prev.group, prev.name, prev.code,
                                     prev.country, prev.kb_id))
            continue
        if c.group[0] == "sec":
            last[c.group[2]] = c
        elif c.kb_id and c.code and c.code.endswith(("MIL", "GOV")) and c.type == "ORG":
            last["military" if c.code.endswith("MIL") else "government"] = c
        out.append(c)
    return out


def _build(lex: Lexicon, pdoc: ParsedDoc, cands: list[Candidate], phrases: list[RolePhrase]) -> list[Entity]:
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        groups.setdefault(c.group, []).append(c)
    roles_by_group: dict[tuple[str, ...], list[tuple[RolePhrase, Role]]] = {}
    for ph in phrases:
        for s, _e in ph.names:
            person = next((c for c in cands if c.start == s and c.type == "PER"), None)
            if person is None:
                continue
            valid, key = check_role(lex.kb.get(person.kb_id), ph, pdoc.ref_date)
            roles_by_group.setdefault(person.group, []).append(
                (ph, Role(title=ph.text, start=ph.start, end=ph.end, valid=valid, role_key=key)))
    ordered = sorted(groups.items(), key=lambda kv: kv[1][0].start)
    entities = []
    for i, (group, members) in enumerate(ordered, start=1):
        mentions: list[Span] = []
        seen: set[tuple[int, int]] = set()
        for c in members:
            if (c.start, c.end) not in seen:
                seen.add((c.start, c.end))
                mentions.append(Span(c.start, c.end, c.text))
        head = members[0]
        roles = roles_by_group.get(group, [])
        name = head.name
        if head.type == "PER" and head.kb_id is None:
            name = max((m.text for m in mentions), key=len)
        code, country = head.code, head.country
        if head.type == "PER" and head.kb_id is None and roles:
            code, country = _code_from_role(lex, pdoc.text, roles[0][0])
        entities.append(Entity(id=f"e{i}", name=name, type=head.type,  # type: ignore[arg-type]
                               mentions=tuple(sorted(mentions, key=lambda m: m.start)), code=code,
                               roles=tuple(r for _, r in roles), kb_id=head.kb_id, country=country))
    return entities


def _code_from_role(lex: Lexicon, text: str, ph: RolePhrase) -> tuple[str | None, str | None]:
    """Actor code of an unknown person from the role phrase: the complement's code ("di
    Hamas"), else nationality + the role's sector, else the country of the sentence's scene."""
    if ph.complement is not None and ph.complement.code and ph.complement.type == "ORG":
        return ph.complement.code, ph.complement.country
    country = ph.country or _scene_country(lex, text, ph.start)
    if country is None:
        return None, None
    if country == "EUR":
        return "IGOEU", country
    sector = lex.role_sectors.get(ph.title.keys[0], "GOV")
    return (country + sector if len(country) == 3 else None), country


def _scene_country(lex: Lexicon, text: str, start: int) -> str | None:
    """'A Berlino, il portavoce del governo ...': the capital that opens the sentence."""
    sent_start = max(text.rfind(ch, 0, start) for ch in ".!?\n") + 1
    m = re.match(r"\s*(?:A|In|Da)\s+([^\s,]+(?:\s+[^\s,]+)?)\s*,", text[sent_start:start])
    if m is None:
        return None
    form = lex.countries.lookup(m.group(1))
    return form.code if form is not None and form.kind in ("capital", "name") else None
