"""The entities stage: people, organisations and countries acting, with all their mentions,
canonical names, actor codes, KB ids and role phrases checked at the article's date.

Detection uses the rules of :mod:`cronaca.extract.actors` (KB and country gazetteer, role
phrases, personal names, organisation heads, source phrases, collective actors, groups of states
such as "i delegati dei quasi 200 Paesi" (MISC), a venue capital standing for its institution
where it acts or is addressed ("chiedendo a Bruxelles di ..."), a ministry taking the country of
its sentence's scene ("A Mosca, il ministero degli Esteri ...")) and, when the
pipeline has one, the trained NER for the people and organisations they miss: a KB, gazetteer
or rule match wins over a NER span it overlaps, and a NER span must pass the checks a rule
candidate passes (capitalised words, no line break, no country or place name).  Coreference within the article:
one entity per KB actor (all spellings and transliterations), per country, per full name
(surname-only mentions join it), per source phrase and per collective actor.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from cronaca.data import load_yaml
from cronaca.extract.actors.collective import (
    agency_candidates,
    group_candidates,
    org_candidates,
    sector_candidates,
)
from cronaca.extract.actors.detect import (
    ActorCandidate,
    country_candidate,
    gazetteer_candidates,
    initials_candidates,
    is_capitalised,
    org_final_words,
    person_candidates,
    recipient_dative,
    source_candidates,
    street_before,
    unknown_person,
)
from cronaca.extract.actors.lexicon import ActorLexicon, load_lexicon
from cronaca.extract.actors.metonymy import (
    ministry_candidates,
    scene_country,
    scene_ministries,
    venue_institution_candidates,
)
from cronaca.extract.actors.roles import RolePhrase, check_role, find_bare_titles, find_role_phrases
from cronaca.extract.actors.unnamed import (
    UnnamedLexicon,
    headed_by,
    officer_titles,
    unnamed_candidates,
    unnamed_lexicon,
)
from cronaca.extract.gazetteer import load_gazetteer
from cronaca.extract.places import home_country
from cronaca.extract.spans import SpanIndex
from cronaca.kb import norm_alias
from cronaca.kb.countries import capital_code
from cronaca.nlp import ParsedDoc
from cronaca.records import Entity, Place, Role, Span

log = logging.getLogger(__name__)

_ELIDED = re.compile(r"[a-zà-ù]+['’](?=\w)")
_DATELINE = re.compile(r"^[^\n,]{2,40},\s+\d{1,2}\s+\w+\s+\d{4}\s*[–—-]")


def extract_entities(pdoc: ParsedDoc, places: Sequence[Place] = ()) -> list[Entity]:
    lex = load_lexicon()
    text = pdoc.text
    skip = [_dateline_span(pdoc)]
    anchors = gazetteer_candidates(lex, text, skip)
    anchors += _capital_places(lex, places, anchors, skip, text)
    anchors += venue_institution_candidates(lex, text, skip)
    phrases = find_role_phrases(lex, text, anchors)
    cands = list(anchors)
    taken = [(a.start, a.end) for a in anchors if a.type in ("PER", "ORG")] + skip
    for ph in phrases:
        for s, e in ph.names:
            if not any(c.start == s and c.type == "PER" for c in cands):
                cands.append(unknown_person(lex, s, e, text[s:e]))
                taken.append((s, e))
    cands += person_candidates(lex, text, taken)
    cands += initials_candidates(lex, text, taken)
    if pdoc.has_ner:  # people the rules missed (organisations: after the rule finders below)
        cands += _ner_candidates(lex, pdoc, ("PER", "PERSON"), cands, places, phrases, skip)
    cands = _join_surnames(cands, lex.particles)
    cands += _surname_mentions(lex, text, cands)
    taken = [(c.start, c.end) for c in cands if c.type in ("PER", "ORG")] + skip
    cands += source_candidates(lex, text, anchors)
    in_roles = [(ph.start, ph.end) for ph in phrases]
    cands += [c for c in sector_candidates(lex, text, [c for c in cands if c.type in ("PER", "GPE")])
              if not any(s <= c.start < e for s, e in in_roles)]
    cands += group_candidates(lex, text, cands)
    cands += agency_candidates(lex, text, taken)
    cands += ministry_candidates(lex, text, taken)
    cands = scene_ministries(lex, text, cands + org_candidates(lex, text, taken, anchors))
    if pdoc.has_ner:
        cands = _ner_longer_org_names(lex, pdoc, cands)
        cands += _ner_candidates(lex, pdoc, ("ORG",), cands, places, phrases, skip)
    cands += _title_mentions(lex, pdoc, cands, phrases, find_bare_titles(lex, text, anchors, phrases))
    cands = _resolve_bare(cands)  # "il governo" with no government named before it is left to the next step
    # "la Squadra Mobile", "la Polizia Stradale": an institution of participants.yaml written with
    # capitals is that institution, not an organisation of its own name
    ulex = unnamed_lexicon(pdoc.article.language or "it")
    cands = [c for c in cands if not (c.type == "ORG" and c.kb_id is None and _institution_named(c.text, ulex))]
    taken = [(c.start, c.end) for c in cands] + [(ph.start, ph.end) for ph in phrases] + skip
    cands += unnamed_candidates(text, taken, _article_country(pdoc, places), lex.nat_re,
                                pdoc.article.language or "it", people=cands)
    cands = _join_acronyms(_bind_officers(cands, text, pdoc.article.language or "it"))
    cands = _parenthesised_acronyms(cands, text)
    cands += _repeated_names(cands, text, skip)
    return _build(lex, pdoc, cands, phrases)


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _join_acronyms(cands: list[ActorCandidate]) -> list[ActorCandidate]:
    """ "American International Group (AIG)", "la Banca centrale europea ... la BCE": an acronym
    made of the capitals of one organisation's name of the article is that organisation."""
    by_initials: dict[str, set[tuple[str, ...]]] = {}
    first: dict[tuple[str, ...], ActorCandidate] = {}
    for c in cands:
        words = c.text.split()
        if c.type in ("ORG", "GPE") and len(words) > 1:
            initials = "".join(w[0] for w in words if w[0].isupper())
            if len(initials) > 1:
                by_initials.setdefault(initials, set()).add(c.group)
                first.setdefault(c.group, c)
    out = []
    for c in cands:
        groups = by_initials.get(c.text) if _ACRONYM.fullmatch(c.text) else None
        if groups is not None and len(groups) == 1 and c.group not in groups:
            t = first[next(iter(groups))]
            c = replace(c, type=t.type, group=t.group, name=t.name, code=t.code or c.code,
                        country=t.country or c.country, kb_id=t.kb_id)
        out.append(c)
    return out


_PAREN_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z&]{1,7})\)")


def _parenthesised_acronyms(cands: list[ActorCandidate], text: str) -> list[ActorCandidate]:
    """ "Bank of America (BoA)": a short name in brackets right after an organisation, its capitals
    the initials of the organisation's capitalised words, is that organisation."""
    out = list(cands)
    for c in cands:
        m = _PAREN_ACRONYM.match(text, c.end)
        if c.type != "ORG" or m is None:
            continue
        initials = "".join(w[0] for w in c.text.split() if w[0].isupper())
        if len(initials) < 2 or "".join(ch for ch in m.group(1) if ch.isupper()) != initials:
            continue
        s, e = m.span(1)
        out = [o for o in out if not (o.start < e and s < o.end)]  # the NER's "BoA" place
        out.append(replace(c, start=s, end=e, text=m.group(1)))
    return out


def _repeated_names(cands: list[ActorCandidate], text: str, skip: list[tuple[int, int]]) -> list[ActorCandidate]:
    """Every other occurrence of an organisation's capitalised name or acronym found once ("il
    salvataggio di AIG" before "American International Group (AIG)"): the same organisation."""
    taken = SpanIndex((c.start, c.end) for c in cands)
    forms: dict[str, ActorCandidate] = {}
    for c in cands:
        if c.type == "ORG" and c.text[:1].isupper() and len(c.text) > 2:
            forms.setdefault(c.text, c)
    if not forms:
        return []
    # one scan for all the names, the longest first where two start at the same place
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    out: list[ActorCandidate] = []
    for m in re.finditer(rf"(?<![\w'’-])(?:{names})(?![\w-])", text):
        s, e = m.span()
        if not taken.overlaps(s, e) and not any(a < e and s < b for a, b in skip):
            out.append(replace(forms[m.group(0)], start=s, end=e, text=m.group(0)))
    return out


_TITLE_GAP = re.compile(r"[ \t]*,?[ \t]*(?:(?:dott\.(?:ssa)?|dottor|dottoressa)[ \t]+)?")


def _institution_named(text: str, ulex: UnnamedLexicon) -> bool:
    """A capitalised name that is an institution of participants.yaml ("Squadra Mobile",
    "Arma dei Carabinieri").  With its unit ("Tribunale di Modena") it stays an organisation:
    read as the institution, dev3 fell 0.53 -> 0.52."""
    folded = " ".join(text.split()).casefold().replace("’", "'")
    return folded in ulex.institutions


def _bind_officers(cands: list[ActorCandidate], text: str, lang: str) -> list[ActorCandidate]:
    """ "il giudice Roberto Mazza", "il pm Luca Guerzoni", "il giudice del tribunale di Reggio,
    Andrea Rat": an office's title right before a name is that person's (the person takes the
    office's actor code, ITAJUD), and where one person alone holds the office in the article,
    "il giudice" standing alone later is that person too (``officer_titles`` of participants.yaml)."""
    titles = officer_titles(lang)
    persons = {c.start: c for c in cands if c.type == "PER"}
    bound: dict[tuple[str, ...], str | None] = {}  # person group -> the office's code
    holders: dict[str, set[tuple[str, ...]]] = {}  # office key -> person groups
    out: list[ActorCandidate] = []
    for c in cands:
        if c.group[0] == "inst" and headed_by(c.text, titles):  # "giudice (del tribunale di Reggio)"
            gap = _TITLE_GAP.match(text, c.end)
            p = persons.get(gap.end()) if gap else None
            if p is not None:
                bound.setdefault(p.group, c.code)
                holders.setdefault(c.group[1], set()).add(p.group)
                c = replace(c, type="PER", group=p.group, name=p.name, code=p.code or c.code, country=p.country,
                            kb_id=p.kb_id)
        out.append(c)
    first = {g: min(c.start for c in out if c.group == g) for g in bound}
    sole = {key: next(iter(groups)) for key, groups in holders.items() if len(groups) == 1}
    by_group = {c.group: c for c in out if c.group in bound}
    final = []
    for c in out:
        if c.group in bound and c.code is None:
            c = replace(c, code=bound[c.group])
        elif c.group[0] == "inst" and c.group[1] in sole and c.text.casefold() in titles \
                and c.start > first[sole[c.group[1]]]:
            p = by_group[sole[c.group[1]]]
            c = replace(c, type="PER", group=p.group, name=p.name, code=p.code or bound[p.group], country=p.country,
                        kb_id=p.kb_id)
        final.append(c)
    return final


def _article_country(pdoc: ParsedDoc, places: Sequence[Place]) -> str | None:
    """Alpha-3 code of the article's country: its dateline place's, else the one most of its
    places are in (an institution named without a country is that country's)."""
    import pycountry

    dl = pdoc.article.dateline
    counts: dict[str, int] = {}
    for p in places:
        # a street, venue or locality only repeats its town's country ("i parcheggi della Metro
        # in via Cavo Argine": the Metro store, read as a town of Indonesia, counts once)
        if p.country and p.feature not in ("region", "street", "venue", "district", "locality"):
            counts[p.country] = counts.get(p.country, 0) + len(p.mentions or (p,))
            if dl is not None and dl.place and p.start < dl.end + 1 and p.name and p.start >= dl.start:
                counts[p.country] += 1000
    if not counts:
        return None
    home = home_country()
    alpha2 = max(counts, key=lambda c: (counts[c], c == home))  # a tie: the press's own country
    found = pycountry.countries.get(alpha_2=alpha2)
    return found.alpha_3 if found is not None else None


def _dateline_span(pdoc: ParsedDoc) -> tuple[int, int]:
    dl = pdoc.article.dateline
    if dl is not None and dl.end > dl.start:
        return dl.start, dl.end
    m = _DATELINE.match(pdoc.text)
    return (m.start(), m.end()) if m else (0, 0)


def _capital_places(lex: ActorLexicon, places: Sequence[Place], anchors: list[ActorCandidate],
                    skip: list[tuple[int, int]], text: str) -> list[ActorCandidate]:
    """Capitals the places stage found that the gazetteer does not know ("Oslo"), where they
    act: not after a locative preposition ("vertice a Oslo", "il vertice di Oslo": a venue)
    unless what is sent or said to them comes first ("aiuti a Oslo"), and not a capital the
    country table keeps out as a meeting venue ("Bruxelles")."""
    venues = {norm_alias(v) for v in load_yaml("kb", "countries.yaml").get("venues") or ()}
    locative = {w.replace("’", "'") for w in load_yaml("it", "places.yaml")["locative_prepositions"]}
    out = []
    for p in places:
        for m in p.mentions or (Span(p.start, p.end, p.text),):
            if any(a.start < m.end and m.start < a.end for a in anchors) or any(s <= m.start < e for s, e in skip):
                continue
            if lex.hit(m.text) is not None or norm_alias(m.text) in venues:
                continue  # the gazetteer has decided: an actor already, or a venue
            prev = re.findall(r"[\w'’]+", text[max(0, m.start - 30):m.start])[-1:]
            if prev and prev[0].casefold().replace("’", "'") in locative and not recipient_dative(lex, text, m.start):
                continue
            code = capital_code(p.name, p.country)
            if code is not None:
                out.append(country_candidate(lex, code, m.start, m.end, m.text))
    return out


def _ner_candidates(lex: ActorLexicon, pdoc: ParsedDoc, labels: tuple[str, ...], cands: list[ActorCandidate],
                    places: Sequence[Place], phrases: list[RolePhrase],
                    skip: list[tuple[int, int]]) -> list[ActorCandidate]:
    """People and organisations the trained NER finds that the rules missed.  A span
    overlapping anything found by the KB, the gazetteer or the rules, a role title or a place
    is left to them; the rest must look like a name (:func:`_ner_name`) and name no place."""
    blocked = SpanIndex([(c.start, c.end) for c in cands] + [(ph.start, ph.end) for ph in phrases] + skip
                        + [(m.start, m.end) for p in places for m in (p.mentions or (Span(p.start, p.end, p.text),))])
    taken = bytearray(len(pdoc.text))  # the characters of the candidates found here
    empty: list[int] = []  # the places of those with no characters
    out = []
    for s, e, label in pdoc.ner_spans(labels):
        s = _after_elision(pdoc.text, s, e)
        typ = "ORG" if label == "ORG" else "PER"
        if typ == "PER":
            s = _after_title(pdoc.text, s, e)  # "don Graziano" -> "Graziano"
        surface = pdoc.text[s:e]
        if blocked.overlaps(s, e) or 1 in taken[s:e] or any(s < x < e for x in empty):
            continue
        if typ == "PER" and (_titled_name(lex, pdoc.text, s, e) or (
                _initials(surface) and _person_evidence(lex, pdoc.text, s, e))):
            pass  # "l'economista Masamichi Adachi", "don Graziano", "la 54enne M. G.", "G. C., 33 anni"
        elif not _ner_name(lex, surface, typ):
            continue
        elif typ == "PER" and surface.split()[-1] in org_final_words() and surface.split()[0] not in lex.given_names:
            typ = "ORG"  # "Lehman Brothers", "Gazprom Bank": a company the NER took for a person
        elif typ == "PER" and (not _person_evidence(lex, pdoc.text, s, e) or street_before(pdoc.text, s)):
            continue
        if typ == "ORG":
            out.append(ActorCandidate(s, e, surface, "ORG", ("org", norm_alias(surface)), surface))
        else:
            out.append(unknown_person(lex, s, e, surface))
        if s < e:
            taken[s:e] = b"\x01" * (e - s)
        else:
            empty.append(s)
    return out


def _person_evidence(lex: ActorLexicon, text: str, start: int, end: int) -> bool:
    """A name the NER calls a person is one only with evidence: it opens with a given name, or
    a person's context surrounds it (a title or "secondo" before it; an age or a speech verb
    right after it)."""
    surface = text[start:end]
    if surface.split()[0] in lex.given_names:
        return True
    cues = load_yaml("it", "roles.yaml")["person_context"]
    before = re.split(r"[\s'’]+", text[max(0, start - 25):start].casefold().strip())[-2:]
    if any(w in cues["before"] for w in before):
        return True
    after = text[end:end + 40].casefold()
    return re.match(cues["after"], after) is not None

def _after_title(text: str, start: int, end: int) -> int:
    """'don Graziano' -> 'Graziano': a lower-case title of ``person_context.before`` that the NER
    took into a person's span."""
    cues = load_yaml("it", "roles.yaml")["person_context"]
    m = re.match(r"([a-zà-ù]+\.?)\s+(?=[A-ZÀ-Ý])", text[start:end])
    return start + m.end() if m and m.group(1) in cues["before"] else start


def _initials(surface: str) -> bool:
    """ "M. G.", "G.C.": a person's initials, as crime news gives them."""
    return re.fullmatch(r"[A-ZÀ-Ý]\.(?:\s*[A-ZÀ-Ý]\.)+", surface.strip()) is not None


def _titled_name(lex: ActorLexicon, text: str, start: int, end: int) -> bool:
    """A name the NER calls a person, right after a person's title or an age ("il sindaco
    Muzzarelli", "don Graziano", "l'economista Masamichi Adachi", "la 54enne M. G."): one
    surname, or capitalised words of which no one is a country, or initials.  The title
    outweighs a word that is also a town; a whole name that is a place is still no person."""
    words = text[start:end].split()
    title = re.search(r"\S+\s*$", text[max(0, start - 25):start])
    if not words or not all(is_capitalised(w) for w in words) or street_before(text, start) or (
            title is not None and street_before(text, max(0, start - 25) + title.start())):
        return False  # "via don Pasquino Fiorenzi"
    if re.search(r"[^\w\s'’.-]", text[start:end]) or _shouting(words) and len(words[0]) > 2:
        return False
    cues = load_yaml("it", "roles.yaml")["person_context"]
    before = re.split(r"[\s'’]+", text[max(0, start - 25):start].casefold().strip())[-1:]
    if not before or not (before[0] in cues["before"] or re.fullmatch(cues["before_age"], before[0])):
        return False
    initials = _initials(text[start:end])
    if initials:
        return True
    if any(w.endswith(".") for w in words) and not initials:
        return False
    whole = " ".join(words)
    return (lex.countries.lookup(whole) is None and load_gazetteer().get(whole) is None
            and not any(lex.countries.lookup(w) is not None for w in words))


def _ner_longer_org_names(lex: ActorLexicon, pdoc: ParsedDoc, cands: list[ActorCandidate]) -> list[ActorCandidate]:
    """An organisation name found by the rules that the NER reads further, by lower-case words
    only ("Commissione parlamentare" -> "Commissione parlamentare antimafia"), takes the NER's
    end, unless another candidate lies in the words added."""
    text = pdoc.text
    ends = {_after_elision(text, s, e): e for s, e, _label in pdoc.ner_spans(("ORG",))}
    out = []
    for c in cands:
        e = ends.get(c.start, c.end)
        if c.group[0] == "org" and e > c.end and re.fullmatch(r"(?:\s+[a-zà-ù]+)+", text[c.end:e]) \
                and not any(o.start < e and c.end < o.end for o in cands if o is not c):
            phrase = text[c.start:e]
            c = replace(c, end=e, text=phrase, group=("org", norm_alias(phrase)), name=phrase)
        out.append(c)
    return out


def _after_elision(text: str, start: int, end: int) -> int:
    """'l'Onu' -> 'Onu': a lower-case elided article or preposition glued to the span."""
    m = _ELIDED.match(text, start, end)
    return m.end() if m else start


def _ner_name(lex: ActorLexicon, surface: str, typ: str) -> bool:
    """The checks a rule candidate passes, for a NER span of type PER or ORG."""
    words = surface.split()
    if not words or not is_capitalised(words[0]):
        return False  # "governo"
    if re.search(r"[^\w\s'’.&-]", surface) or _shouting(words):
        return False  # "Castelfranco, Mirandola", "RIPRODUZIONE RISERVATA"
    places_data = load_yaml("it", "places.yaml")
    # an organisation head with lower-case words: "Agenzia spaziale europea" (not "Consiglio ha")
    headed = (typ == "ORG" and len(words) >= 2 and words[0] in lex.org_heads and all(w.isalpha() for w in words)
              and not any(w in places_data["actor_verbs"] for w in words))
    if not headed and not is_capitalised(words[-1]):
        return False  # "Stati Uniti di continuare"
    inner_ok = lex.particles | set(places_data["connectors"]) if typ == "ORG" else lex.particles
    if not headed and any(not is_capitalised(w) and w not in inner_ok for w in words[1:-1]):
        return False
    if lex.countries.lookup(surface) is not None or _place_word(lex, words, typ):
        return False  # "Europa" or "Qatar Tamim ..." as ORG, "Khan Younis" or "Modena Centro" as PER
    if typ == "PER":
        # two words at least, the last no initial: a surname alone joins a full name or nobody;
        # "Vertice Trump-Putin": a pair of known people joined by a dash is no new person
        return (len(words) >= 2 and len(words[-1].rstrip(".")) > 1 and not words[-1].endswith(".")
                and not any(_known_person(lex, part) for w in words if re.search(r"[-–]", w)
                            for part in re.split(r"[-–]", w)))
    if len(words) == 1 and not _acronym_like(words[0]):
        return False  # "Comune", "Polizia", a surname: a capitalised word alone says too little
    # "Rubio-Lavrov": two people's surnames, not an organisation
    return not any(_known_person(lex, part) for w in words for part in re.split(r"[-–]", w))


def _known_person(lex: ActorLexicon, word: str) -> bool:
    return (a := lex.kb.lookup(word)) is not None and a.type == "PER"


def _shouting(words: list[str]) -> bool:
    """Upper-case text that is no acronym: two upper-case words, or one of seven letters or more."""
    caps = [w for w in words if w.isupper() and len(w) > 1]
    return (len(caps) >= 2 and len(caps) == len(words)) or any(len(w) >= 7 for w in caps)


def _acronym_like(word: str) -> bool:
    """'CNN', 'Cop27', 'YouTube': an upper-case run, a digit or a capital inside the word."""
    return word.isupper() or any(ch.isdigit() for ch in word) or any(ch.isupper() for ch in word[1:])


def _place_word(lex: ActorLexicon, words: list[str], typ: str) -> bool:
    """A country, or (in a person's name) a well-known place, among the words: given names aside."""
    gaz = load_gazetteer()
    min_pop = int(load_yaml("it", "places.yaml")["thresholds"]["min_population_bare"])
    whole = " ".join(words)
    if gaz.get(whole) is not None and ((typ == "ORG" and not gaz.by_alternate(whole))
                                       or (typ == "PER" and words[0] not in lex.given_names)):
        return True  # "CARPI" as ORG, "Khan Younis" as PER
    for k, w in enumerate(words):
        for part in re.split(r"[-–]", w):
            if lex.countries.lookup(part) is not None:
                return True
            if typ != "PER" or (k == 0 and part in lex.given_names):
                continue
            info = gaz.get(part)
            if info is not None and not gaz.by_alternate(part) and (
                    info.curated or info.feature != "city" or info.population >= min_pop):
                return True
    return False


def _surname(name: str, particles: frozenset[str]) -> str:
    """A name's surname with the particles before it ("Alessandro De Nicola": "De Nicola")."""
    toks = name.split()
    k = len(toks) - 1
    while k > 0 and toks[k - 1].casefold() in particles:
        k -= 1
    return " ".join(toks[k:])


def _join_surnames(cands: list[ActorCandidate], particles: frozenset[str]) -> list[ActorCandidate]:
    """A person found by a surname alone ("la dottoressa Forghieri", "il giudice Scarpa" after
    "dottor Andrea Scarpa", "De Nicola" after "Alessandro De Nicola") is the one full name of the
    article ending in it; a surname two full names share ("Davide Riviera", "Cinziano Riviera")
    joins neither."""
    full: dict[str, set[tuple[str, ...]]] = {}
    first: dict[str, ActorCandidate] = {}
    for c in cands:
        surname = _surname(c.text, particles)
        if c.type == "PER" and surname != c.text:
            full.setdefault(surname, set()).add(c.group)
            first.setdefault(surname, c)
    out = []
    for c in cands:
        target = first.get(c.text) if c.type == "PER" and _surname(c.text, particles) == c.text else None
        if target is not None and len(full[c.text]) == 1 and c.group != target.group:
            c = replace(c, group=target.group, name=target.name, code=target.code, country=target.country,
                        kb_id=target.kb_id)
        out.append(c)
    return out


def _surname_mentions(lex: ActorLexicon, text: str, cands: list[ActorCandidate]) -> list[ActorCandidate]:
    """Surname-only mentions ("Kelly" after "Anna Kelly"; "Rubio-Lavrov") join the full name,
    when only one full name of the article ends in that surname."""
    by_surname: dict[str, ActorCandidate] = {}
    groups: dict[str, set[tuple[str, ...]]] = {}
    for c in cands:
        surname = _surname(c.text, lex.particles)
        if c.type == "PER" and surname != c.text:
            by_surname.setdefault(surname, c)
            groups.setdefault(surname, set()).add(c.group)
    by_surname = {k: c for k, c in by_surname.items() if len(groups[k]) == 1}
    out = []
    occupied = SpanIndex((c.start, c.end) for c in cands)
    taken = bytearray(len(text))  # the characters of the mentions found here
    found = _word_occurrences(text, by_surname)
    for surname, c in by_surname.items():
        for start in found.get(surname, ()):
            if occupied.contains(start) or taken[start]:
                continue
            end = start + len(surname)
            out.append(ActorCandidate(start, end, surname, "PER", c.group, c.name, c.code, c.country, c.kb_id))
            taken[start:end] = b"\x01" * (end - start)
    return out


_WORD_RUN = re.compile(r"[\w'’]+")


def _word_occurrences(text: str, words: Collection[str]) -> dict[str, list[int]]:
    """Where each of ``words`` stands in ``text`` as a whole word, neither preceded nor followed
    by a letter, digit or apostrophe (as ``(?<![\\w'’])word(?![\\w'’])`` finds it), in text order.
    The words made of such characters only are found in one pass over the text."""
    simple = {w for w in words if _WORD_RUN.fullmatch(w)}
    out: dict[str, list[int]] = {}
    if simple:
        for m in _WORD_RUN.finditer(text):
            if m.group() in simple:
                out.setdefault(m.group(), []).append(m.start())
    for w in words:
        if w not in simple:
            out[w] = [m.start() for m in re.finditer(rf"(?<![\w'’]){re.escape(w)}(?![\w'’])", text)]
    return out


def _title_mentions(lex: ActorLexicon, pdoc: ParsedDoc, cands: list[ActorCandidate], phrases: list[RolePhrase],
                    bare: list[RolePhrase]) -> list[ActorCandidate]:
    """A title standing alone ("il ministro ha sottolineato") is a mention of the one person
    named earlier who fits it: first a person introduced with the same head title, then one
    introduced with a title sharing a role, then one the KB says held such a role on the
    article's date.  Two fitting people at the first tier that has any: no mention."""
    occupied = [(c.start, c.end) for c in cands]
    persons = [c for c in cands if c.type == "PER"]
    intro: list[tuple[RolePhrase, ActorCandidate]] = [
        (ph, p) for ph in phrases for s, _e in ph.names for p in persons if p.start == s]
    out = []
    for bt in bare:
        if any(s < bt.end and bt.start < e for s, e in occupied):
            continue
        before = {c.group: c for c in persons if c.end <= bt.start}
        keys = set(bt.title.anaphor_keys)
        head = bt.title.words.split()[0].casefold()

        def fits_country(country: str | None, person: ActorCandidate, bt: RolePhrase = bt) -> bool:
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
        out.append(ActorCandidate(bt.start, bt.end, bt.text, "PER", p.group, p.name, p.code, p.country, p.kb_id))
        occupied.append((bt.start, bt.end))
    return out


def _resolve_bare(cands: list[ActorCandidate]) -> list[ActorCandidate]:
    """'l'esercito' refers to the last collective actor of that kind named before it."""
    out = []
    last: dict[str, ActorCandidate] = {}
    for c in sorted(cands, key=lambda c: c.start):
        if c.group[0] == "bare":
            prev = last.get(c.group[1])
            if prev is not None:
                out.append(ActorCandidate(c.start, c.end, c.text, prev.type, prev.group, prev.name, prev.code,
                                     prev.country, prev.kb_id))
            continue
        if c.group[0] == "sec":
            last[c.group[2]] = c
        elif c.kb_id and c.code and c.code.endswith(("MIL", "GOV")) and c.type == "ORG":
            last["military" if c.code.endswith("MIL") else "government"] = c
        out.append(c)
    return out


def _institutions_to_names(groups: dict[tuple[str, ...], list[ActorCandidate]]
                           ) -> dict[tuple[str, ...], list[ActorCandidate]]:
    """ "il governo degli Stati Uniti ... il governo": an unnamed institution ("il governo",
    "i carabinieri") is the one named organisation of the article with its actor code, when there
    is exactly one."""
    named: dict[str, list[tuple[str, ...]]] = {}
    for group, members in groups.items():
        head = members[0]
        if group[0] not in ("inst", "anon") and head.type == "ORG" and head.code:
            named.setdefault(head.code, []).append(group)
    def target(group: tuple[str, ...], code: str | None) -> tuple[str, ...] | None:
        found = named.get(code or "", [])
        return found[0] if group[0] == "inst" and len(found) == 1 else None

    out = {group: list(members) for group, members in groups.items() if target(group, members[0].code) is None}
    for group, members in groups.items():
        into = target(group, members[0].code)
        if into is not None:
            head = out[into][0]
            out[into] += [replace(c, type=head.type, group=head.group, name=head.name, code=head.code,
                                  country=head.country, kb_id=head.kb_id) for c in members]
            out[into].sort(key=lambda c: (c.start, -c.end))
    return out


def _build(lex: ActorLexicon, pdoc: ParsedDoc, cands: list[ActorCandidate], phrases: list[RolePhrase]) -> list[Entity]:
    groups: dict[tuple[str, ...], list[ActorCandidate]] = {}
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        groups.setdefault(c.group, []).append(c)
    groups = _institutions_to_names(groups)
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
            # the longest mention written as a name, not a descriptor ("54enne" before "M. G.")
            name = max((m.text for m in mentions), key=lambda t: (t[:1].isupper(), len(t)))
        code, country = head.code, head.country
        if head.type == "PER" and head.kb_id is None and roles:
            code, country = _code_from_role(lex, pdoc.text, roles[0][0])
        entities.append(Entity(id=f"e{i}", name=name, type=head.type,  # type: ignore[arg-type]
                               mentions=tuple(sorted(mentions, key=lambda m: m.start)), code=code,
                               roles=tuple(r for _, r in roles), kb_id=head.kb_id, country=country))
    return entities


def _code_from_role(lex: ActorLexicon, text: str, ph: RolePhrase) -> tuple[str | None, str | None]:
    """Actor code of an unknown person from the role phrase: the complement's code ("di
    Hamas"), else nationality + the role's sector, else the country of the sentence's scene."""
    if ph.complement is not None and ph.complement.code and ph.complement.type == "ORG":
        return ph.complement.code, ph.complement.country
    country = ph.country or scene_country(lex, text, ph.start)
    if country is None:
        return None, None
    if country == "EUR":
        return "IGOEU", country
    sector = lex.role_sectors.get(ph.title.keys[0], "GOV")
    return (country + sector if len(country) == 3 else None), country
