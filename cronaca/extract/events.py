"""Political events in PLOVER, each with the claims the article makes about it.

The steps (one module each under ``cronaca/extract/event/``): find the trigger words
(``triggers``), their participants (``participants``), the status of each mention (``status``),
the time and place each mention gives (``claims``), then merge the mentions of one real-world
event (``coref``).  Every mention becomes one Claim with its evidence span and attribution chain.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from cronaca.extract.actors.unnamed import headed_by
from cronaca.extract.attribution import Attributor, is_hearsay
from cronaca.extract.event.claims import Anchors, anchor, best_place, best_time, place_mentions
from cronaca.extract.event.coref import Draft, MentionInfo, merge
from cronaca.extract.event.embedding import absorb_embedded
from cronaca.extract.event.lexicon import EventLexicon, StatusLexicon, event_lexicon, plover, status_lexicon
from cronaca.extract.event.participants import ParticipantFinder, Participants
from cronaca.extract.event.status import find_status, form_status, verb_tense
from cronaca.extract.event.text import TextView
from cronaca.extract.event.triggers import Hit, find_triggers
from cronaca.nlp import ParsedDoc
from cronaca.nlp.tokens import TokenIndex
from cronaca.records import Claim, ClaimPlace, ClaimTime, Entity, Event, Place, Quote, Source, Span, Time

log = logging.getLogger(__name__)

_FINAL = ".!?…"  # a line ending with one of these is a sentence, not a title
_HEADLINE_WORDS = 30

Attribute = Callable[[ParsedDoc, Sequence[Entity], int, int], tuple[Source, ...]]
Hearsay = Callable[[ParsedDoc, int, int], bool]


def _attribution_services(quotes: Sequence[Quote], tokens: TokenIndex) -> tuple[Attribute, Hearsay]:
    made: list[Attributor] = []  # the one for the article asked about last

    def attribute(pdoc: ParsedDoc, entities: Sequence[Entity], start: int, end: int) -> tuple[Source, ...]:
        if not made or made[0].pdoc is not pdoc or made[0].entities is not entities:
            made[:] = [Attributor(pdoc, entities, quotes, tokens)]
        return made[0](start, end)

    def hearsay(pdoc: ParsedDoc, start: int, end: int) -> bool:
        return is_hearsay(pdoc, start, end, tokens=tokens)

    return attribute, hearsay


def _dateline_end(pdoc: ParsedDoc) -> int:
    dl = pdoc.article.dateline
    if dl is not None and dl.end:
        return dl.end
    head = pdoc.text[:120]
    for dash in (" – ", " — ", " - "):
        k = head.find(dash)
        if k >= 0:
            return k + len(dash)
    return 0


def _determiner(view: TextView, hit: Hit) -> tuple[str, bool]:
    lex = view.lex
    before = view.lows[max(0, hit.first - 3):hit.first]
    new = any(w in lex.new_markers for w in before) or \
        (hit.last + 1 < len(view.lows) and view.lows[hit.last + 1] in lex.new_markers)
    for w in reversed(before):
        if w in lex.indefinite:
            return "indefinite", new
        if w in lex.definite:
            return "definite", new
    return "bare", new


def _mode(view: TextView, hit: Hit, lo: int, hi: int) -> str | None:
    if hit.entry.mode:
        return hit.entry.mode
    cues = view.lex.mode_cues.get(hit.entry.type, ())
    best: tuple[int, str] | None = None
    for mode, phrases in cues:
        for j in range(max(lo, hit.first - 3), hi + 1):
            if view.any_phrase_at(phrases, j):
                d = abs(j - hit.first)
                if best is None or d < best[0]:
                    best = (d, mode)
                break
    return best[1] if best else None


def extract_events(pdoc: ParsedDoc, entities: Sequence[Entity], times: Sequence[Time],
                   places: Sequence[Place], quotes: Sequence[Quote], *, tokens: TokenIndex | None = None,
                   attribute: Attribute | None = None, hearsay: Hearsay | None = None) -> list[Event]:
    """The article's political events (ids v1, v2, ...), one per real-world event.

    ``tokens`` is the document's token index (built from ``pdoc`` when not given)."""
    if tokens is None:
        tokens = TokenIndex(pdoc)
    if attribute is None or hearsay is None:
        default_attr, default_hearsay = _attribution_services(quotes, tokens)
        attribute = attribute or default_attr
        hearsay = hearsay or default_hearsay
    lang = pdoc.article.language or "it"
    lex = event_lexicon(lang)
    view = TextView(pdoc, entities, quotes, lex, tokens)
    if not view.words:
        return []
    hits = find_triggers(view, lex)
    finder = ParticipantFinder(view, lex, hits)
    skip = _dateline_end(pdoc)
    anchors = anchor(view, hits, times, place_mentions(view, places), skip)
    mentions: list[MentionInfo] = []
    titles = _headline_lines(view, hits, status_lexicon(lang))
    edges = _Edges(sorted(h.first for h in hits), sorted(h.last for h in hits))
    for n, hit in enumerate(hits):
        if view.words[hit.first].start < skip or _scare_quoted(pdoc.text, view.words[hit.first].start,
                                                               view.words[hit.last].end):
            continue
        info = _mention(pdoc, view, hits, n, finder, anchors, attribute, hearsay, entities, edges)
        if info is not None:
            if any(a <= info.start < b for a, b in titles):
                info = replace(info, headline=True)
            mentions.append(info)
    table = plover()
    mentions = absorb_embedded(view, hits, mentions, table)
    mentions = _carry_place(_donate(mentions), pdoc.text, {view.words[hits[n].first].sent for n in anchors.places},
                            lex.speech_act_types)
    drafts = merge(_inherit(mentions, pdoc))
    bodies = {e.id for e in entities if (e.code or "").startswith("IGO")}
    drafts = _headline_status([d for d in (_body_meeting(d, bodies) for d in drafts) if _keep(d)])
    _court_addressee(drafts, entities, pdoc.text, lex)
    _add_denials(pdoc, view, drafts, entities, attribute)
    _add_status_denials(pdoc, view, hits, drafts, entities, attribute)
    events = []
    home = _dateline_place(pdoc, places)
    for k, d in enumerate(drafts, start=1):
        head = next((m for m in d.mentions if m.own), d.mentions[0])
        claims = tuple(dict.fromkeys(m.claim for k2, m in enumerate(d.mentions) if k2 == 0 or not m.bare))
        if home is not None and _local_authority(view, d.actors, lex):
            # "MODENA. I carabinieri hanno denunciato ...": the local police act where the news is from
            claims = tuple(c if c.place is not None else replace(c, place=home) for c in claims)
        events.append(Event(id=f"v{k}", type=d.type, trigger=Span(head.start, head.end, head.text), mode=d.mode,
                            actors=tuple(d.actors), recipients=tuple(d.recipients), claims=claims,
                            cameo=table.cameo_for(d.type, d.mode)))
    return events


_OPEN_QUOTES, _CLOSE_QUOTES = "“«\"'‘", "”»\"'’"


def _scare_quoted(text: str, start: int, end: int) -> bool:
    """ "i ladri ci hanno fatto “visita”": a trigger alone between quotation marks is a figure
    of speech, no event."""
    return 0 < start and end < len(text) and text[start - 1] in _OPEN_QUOTES and text[end] in _CLOSE_QUOTES


def _dateline_place(pdoc: ParsedDoc, places: Sequence[Place]) -> ClaimPlace | None:
    """The town of the article's dateline, as a claim place."""
    dl = pdoc.article.dateline
    if dl is None or not dl.place:
        return None
    for p in places:
        for m in p.mentions or (Span(p.start, p.end, p.text),):
            if dl.start <= m.start < dl.end and p.feature in ("city", "capital"):
                return ClaimPlace(p.name, p.country, m.start, m.end)
    return None


def _local_authority(view: TextView, actors: Sequence[str], lex: EventLexicon) -> bool:
    """An actor is a police force or court (the sectors of ``implicit_actor_sectors``)."""
    sectors = {s for v in lex.implicit_actor_sectors.values() for s in v}
    return any((view.entities[a].code or "").endswith(tuple(sectors)) for a in actors if a in view.entities)


def _donate(mentions: list[MentionInfo]) -> list[MentionInfo]:
    """ "Due soldati sono stati uccisi ieri a Rafah in un attacco di Hamas": a verb with no
    participants of its own is no event, but the time and place it gives belong to the next
    mention of the same type in its sentence (the attack that killed them)."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.own or m.pos != "verb" or not (m.claim.time or m.claim.place):
            continue
        nxt = next((j for j in range(k + 1, len(out)) if out[j].sent == m.sent and out[j].type == m.type), None)
        if nxt is None:
            continue
        c = out[nxt].claim
        out[nxt] = replace(out[nxt], claim=replace(c, time=c.time or m.claim.time, place=c.place or m.claim.place))
    return out


def _carry_place(mentions: list[MentionInfo], text: str, placed_sents: set[int], speech_acts: frozenset[str]
                 ) -> list[MentionInfo]:
    """A sentence that goes on telling what happened where the previous one left off ("... a
    Sharm el-Sheikh, dove ha presieduto un vertice. I leader hanno firmato una dichiarazione"):
    an occurred mention naming no place of its own, in a sentence naming none, in the same
    paragraph right after an occurred mention placed in a city, happened there too."""
    out = list(mentions)
    for k, m in enumerate(out):
        c = m.claim
        if c.place is not None or c.status != "occurred" or m.sent in placed_sents or not m.own or \
                m.type in speech_acts:
            continue
        prev = next((x for x in reversed(out[:k]) if x.claim.place is not None), None)
        if prev is None or m.sent - prev.sent != 1 or prev.claim.status != "occurred" or prev.type in speech_acts or \
                "\n" in text[prev.start:m.start]:
            continue
        pt, mt = prev.claim.time, c.time
        if pt and mt and pt.value[:10] != mt.value[:10]:
            continue
        out[k] = replace(m, claim=replace(c, place=prev.claim.place))
    return out


def _headline_lines(view: TextView, hits: Sequence[Hit], slex: StatusLexicon) -> list[tuple[int, int]]:
    """Character ranges of the title lines: a line followed by more text, that does not end with
    a full stop (or ! ? …), is at most ``_HEADLINE_WORDS`` words long and has no verb (no verbal
    trigger, no auxiliary)."""
    text = view.text
    verbs = {i for h in hits if not h.is_noun for i in range(h.first, h.last + 1)}
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            break  # the last line is no title: nothing follows it
        line = text[start:end].strip()
        first, last = view.word_range(start, end)
        if line and line[-1] not in _FINAL and text[end:].strip() and first <= last and \
                last - first < _HEADLINE_WORDS and not any(
                    k in verbs or view.lows[k] in slex.auxiliaries for k in range(first, last + 1)):
            out.append((start, end))
        start = end + 1
    return out


def _headline_status(drafts: list[Draft]) -> list[Draft]:
    """A title ("Vertice Tajani-Barrot a Roma") asserts no status of its own: a title mention
    without a status cue takes the status of the first body mention of its event, and an event
    named only in titles without a cue is no event."""
    out: list[Draft] = []
    for d in drafts:
        body = [m for m in d.mentions if not m.headline]
        bare = [m for m in d.mentions if m.headline and m.claim.cue is None]
        if not bare:
            out.append(d)
            continue
        if not body:
            if len(bare) < len(d.mentions):  # a title with its own cue ("Vertice rinviato") stays
                d.mentions[:] = [m for m in d.mentions if m not in bare]
                out.append(d)
            continue
        status = body[0].claim.status
        d.mentions[:] = [replace(m, claim=replace(m.claim, status=status)) if m in bare else m
                         for m in d.mentions]
        out.append(d)
    return out


def _body_meeting(d: Draft, bodies: set[str]) -> Draft:
    """ "L'OPEC terrà una riunione", "la riunione dell'Eurogruppo": an international body of many
    members meeting on its own is a multilateral meeting, with that body as its one participant."""
    if d.type == "CONSULT" and len(d.participants) == 1 and d.participants <= bodies:
        d.min_participants = 1
        d.mode = d.mode or "multilateral"
        d.actors, d.recipients = sorted(d.participants), []  # the body meets: it acts
    return d


def _titled_before(text: str, start: int, words: frozenset[str]) -> bool:
    """One of ``words`` right before ``start``, a comma between allowed ("l'avvocato Enrico
    Della Capanna", "Il suo avvocato, Enrico Della Capanna")."""
    before = text[max(0, start - 40):start].rstrip(" ,\t").casefold()
    return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()) for w in words)


def _court_addressee(drafts: list[Draft], entities: Sequence[Entity], text: str, lex: EventLexicon) -> None:
    """A court party's request that names no one it is made to goes to the article's one judge
    ("il sostituto procuratore ha chiesto 4 anni", ``court_requests`` of events.yaml)."""
    types, judge_titles, parties = lex.court_requests
    judges = [e for e in entities if (e.code or "").endswith("JUD") and any(headed_by(m.text, judge_titles)
                                                                          for m in e.mentions)]
    people = [e for e in judges if e.type == "PER"]
    judge = people[0] if len(people) == 1 else judges[0] if len(judges) == 1 else None
    if judge is None:
        return
    party = {e.id for e in entities if e.id != judge.id and any(
        headed_by(m.text, parties) or _titled_before(text, m.start, parties) for m in e.mentions)}
    persons = {e.id for e in entities if e.type == "PER" and e.id != judge.id}
    for d in drafts:  # "Gli avvocati difensori, Marcello Fornaciari, e Silvia Ciancia": the title leads both
        if d.type in types and d.actors and not d.recipients and set(d.actors) & party \
                and set(d.actors) <= party | persons:
            d.recipients.append(judge.id)


def _keep(d: Draft) -> bool:
    n = len(d.participants)
    need = d.min_participants or (2 if d.frame == "symmetric" else 1)
    return n >= need and bool(d.actors or d.recipients)


@dataclass(frozen=True)
class _Edges:
    """The first and the last words of the triggers, each sorted: the neighbouring triggers of a
    word found by bisection."""

    firsts: list[int]
    lasts: list[int]

    def after_last_before(self, word: int, floor: int) -> int:
        """One past the last word of the nearest trigger ending before ``word`` at ``floor`` or
        later; ``floor`` when there is none."""
        k = bisect_left(self.lasts, word) - 1
        return self.lasts[k] + 1 if k >= 0 and self.lasts[k] >= floor else floor

    def before_first_after(self, word: int, ceiling: int) -> int:
        """One before the first word of the nearest trigger starting after ``word`` at ``ceiling``
        or earlier; ``ceiling`` when there is none."""
        k = bisect_right(self.firsts, word)
        return self.firsts[k] - 1 if k < len(self.firsts) and self.firsts[k] <= ceiling else ceiling


def _mention(pdoc: ParsedDoc, view: TextView, hits: Sequence[Hit], n: int, finder: ParticipantFinder,
             anchors: Anchors, attribute: Attribute, hearsay: Hearsay, entities: Sequence[Entity],
             edges: _Edges) -> MentionInfo | None:
    hit = hits[n]
    e = hit.entry
    lo, hi = view.clause(hit.first)
    found = finder.find(hit)
    # the status window stops at the neighbouring triggers of the same clause
    s_lo = edges.after_last_before(hit.first, lo)
    s_hi = edges.before_first_after(found.end, hi)
    st = find_status(view, hit, status_lexicon(pdoc.article.language or "it"), s_lo, s_hi, found.end)
    if st.status is None:
        return None
    if st.status == "occurred" and _negating(view, hit):
        st = replace(st, status="negated")  # "sono state assolte": the conviction did not happen
    support = finder.support_verb(hit, lo) if hit.is_noun else None
    slex = status_lexicon(pdoc.article.language or "it")
    if support is not None:
        tense = verb_tense(view, support, slex)
        if tense == "other" and support + 1 < len(view.words):  # "ha firmato" matched at "ha"
            tense = verb_tense(view, support + 1, slex)
    else:
        tense = "other" if hit.is_noun else verb_tense(view, hit.first, slex)
    verb = _governing_verb(view, hit) if support is None else None
    if st.cue is None and not st.hearsay and hit.is_noun and tense == "future":
        st = replace(st, status="planned")
    elif st.cue is None and not st.hearsay and st.status == "occurred" and verb is not None:
        # "il governo stava acquistando prestiti": a noun object takes the aspect of its verb
        st = replace(st, status=form_status(view, verb, slex, lo))
    state = finder.state_verb(hit) if st.cue is None and not st.hearsay and st.status == "occurred" else None
    if state is not None and verb_tense(view, state, slex) == "other":
        # "L'imputato resta agli arresti domiciliari": a state the present tells as going on
        st = replace(st, status=form_status(view, state, slex, lo, default="ongoing"))
    if st.status == "planned" and st.cue_range and e.type in slex.enacting_types and \
            verb_tense(view, st.cue_range[0], slex) in ("past", "pluperfect") and \
            view.any_phrase_at(slex.enacting_cues, st.cue_range[0]):
        st = replace(st, status="occurred")  # "Israele aveva annunciato lo stop agli aiuti": in force
    # the evidence: trigger, the participants and cue words used, the time and place given
    ranges = [(hit.first, hit.last), (hit.first, found.end)] + list(found.used)
    if st.cue_range:
        ranges.append(st.cue_range)
    t = best_time(anchors.times.get(n, ()))
    used_chars = [(view.words[a].start, view.words[b].end) for a, b in found.used
                  if a > 0 and view.lows[a - 1] in view.grammar.dative_preps and hit.entry.mode != "visit"]
    p = best_place([x for x in anchors.places.get(n, ()) if not any(x.start < b and a < x.end for a, b in used_chars)])
    for span in ([(t.start, t.end)] if t else []) + ([(p.start, p.end)] if p else []):
        ranges.append(view.word_range(*span))
    sent_lo, sent_hi = view.sent_range(view.words[hit.first].sent)
    w_lo = max(sent_lo, min(r[0] for r in ranges))
    w_hi = min(sent_hi, max(r[1] for r in ranges))
    start, end = view.words[w_lo].start, view.words[w_hi].end
    attribution = tuple(attribute(pdoc, entities, start, end))
    if e.type in view.lex.speech_act_types:
        # "Parigi avrebbe chiesto di ...": the one who asks is the event's actor, not its source
        attribution = tuple(a for a in attribution if a.entity is None or a.entity not in found.actors)
    else:
        found = _without_sources(found, attribution)
    claim = Claim(
        status=st.status,  # type: ignore[arg-type]
        evidence=(start, end),
        time=ClaimTime(t.value, t.text, t.start, t.end) if t else None,
        place=ClaimPlace(p.name, p.country, p.start, p.end) if p else None,
        attribution=attribution,
        hearsay=st.hearsay or bool(hearsay(pdoc, start, end)),
        cue=st.cue,
    )
    determiner, new = _determiner(view, hit)
    sent_entities: tuple[str, ...] = ()
    if e.sentence_fallback:
        s_lo2, s_hi2 = view.sent_range(view.words[hit.first].sent)
        sources = {a.entity for a in attribution if a.entity}
        sent_entities = tuple(dict.fromkeys(m.entity for m in view.mentions_between(s_lo2, s_hi2)
                                            if m.entity not in sources and not finder.governed(m)
                                            or m.entity not in sources and view.lows[m.first - 1] in view.grammar.sentence_entity_preps))
    w0, w1 = view.words[hit.first], view.words[hit.last]
    typ, mode = _sense(view, hit, found, e.type, _mode(view, hit, lo, hi))
    return MentionInfo(
        n=n, type=typ, mode=mode, medium=e.medium, lemma=e.lemma, frame=e.frame,
        actors=found.actors, recipients=found.recipients, own=found.own, determiner=determiner, new=new,
        sent=w0.sent, start=w0.start, end=w1.end, text=pdoc.text[w0.start:w1.end], claim=claim,
        borrow=e.borrow, sentence_entities=sent_entities, min_participants=e.min_participants, tense=tense,
        same_word_coref=e.same_word_coref, pos=e.pos,
        bare=hit.is_noun and st.cue is None and not claim.hearsay and support is None and verb is None and t is None
        and p is None
        and not _subject_of_verb(view, found.end, hi, slex),
    )


def _governing_verb(view: TextView, hit: Hit) -> int | None:
    """The word index of the verb a noun trigger is the direct object of, when the parse says so."""
    if not hit.is_noun or not view.has_morphology:
        return None
    tok = view.tokens[hit.first]
    if tok.dep_ != "obj" or tok.head.pos_ != "VERB":
        return None
    first, last = view.word_range(tok.head.idx, tok.head.idx + len(tok.head))
    return first if first <= last else None


def _negating(view: TextView, hit: Hit) -> bool:
    """A word that names its event by saying it did not happen (``negating_lemmas``: "assolto")."""
    lemmas = view.lex.negating_lemmas
    return hit.entry.lemma in lemmas or (view.has_morphology and view.tokens[hit.first].lemma_.lower() in lemmas)


def _sense(view: TextView, hit: Hit, found: Participants, typ: str, mode: str | None) -> tuple[str, str | None]:
    """The type and mode a word takes from its actor (``actor_senses`` in events.yaml): the court
    that "condanna" sentences, where anyone else criticises; or from its recipients
    (``recipient_senses``): a call to the police asks for their help."""
    codes = [view.entities[a].code or "" for a in found.actors if a in view.entities]
    for sense in view.lex.actor_senses:
        if sense.source == typ and any(view.phrase_at(f, hit.first) for f in sense.forms) \
                and any(c.endswith(sense.sectors) for c in codes):
            return sense.type, sense.mode
    targets = [view.entities[r].code or "" for r in found.recipients if r in view.entities]
    for sense in view.lex.recipient_senses:
        if sense.source == f"{typ}/{mode}" and targets and all(c.endswith(sense.sectors) for c in targets) \
                and not any(c.endswith(sense.sectors) for c in codes):
            return sense.type, sense.mode  # "telefonate a polizia municipale e carabinieri"
    return typ, mode


def _subject_of_verb(view: TextView, end: int, hi: int, slex: StatusLexicon) -> bool:
    """ "i bombardamenti hanno causato ...": the noun phrase ending at word ``end`` is followed
    by an auxiliary, so its clause says something about the event."""
    j = end + 1
    while j <= hi and view.lows[j] in slex.negation:
        j += 1
    return j <= hi and view.lows[j] in slex.auxiliaries


def _without_sources(found: Participants, attribution: Sequence[Source]) -> Participants:
    """ "X, citato dall'agenzia Y, ha ricordato che non c'era alcun accordo": a noun with no
    participants in its own phrase does not take the subject of the verb that reports it — the
    sources of the claim are not the event's parties."""
    drop = {a.entity for a in attribution if a.entity} & set(found.by_subject)
    if not drop:
        return found
    actors = tuple(a for a in found.actors if a not in drop)
    recipients = tuple(r for r in found.recipients if r not in drop)
    return replace(found, actors=actors, recipients=recipients, own=bool(actors or recipients),
                   by_subject=tuple(a for a in found.by_subject if a not in drop))


def _inherit(mentions: list[MentionInfo], pdoc: ParsedDoc) -> list[MentionInfo]:
    """An occurred event told in the past tense without a time of its own happened on the day of
    the event narrated just before it (same or previous sentence), else on the article's date."""
    out: list[MentionInfo] = []
    for m in mentions:
        c = m.claim
        if c.time is None and c.status == "occurred":
            tense = m.tense
            prev = next((x for x in reversed(out) if x.claim.time and m.sent - x.sent <= 1 and x.sent <= m.sent
                         and x.claim.status == "occurred" and (x.tense in ("past", "pluperfect") or x.claim.cue)
                         and x.claim.time.value[:10].count("-") == 2 and x.claim.time.value[:1].isdigit()), None)
            value = None
            if prev is not None and tense in ("past", "pluperfect"):
                assert prev.claim.time is not None
                value = prev.claim.time.value[:10]
            elif tense == "past" and pdoc.ref_date is not None:
                value = pdoc.ref_date.isoformat()
            if value:
                c = replace(c, time=ClaimTime(value, "", None, None))
                m = replace(m, claim=c)
        out.append(m)
    return out


def _add_denials(pdoc: ParsedDoc, view: TextView, drafts: list[Draft], entities: Sequence[Entity],
                 attribute: Attribute) -> None:
    """ "Le Brigate ... hanno respinto ogni responsabilità": a denied claim on the event denied."""
    slex = status_lexicon(pdoc.article.language or "it")
    for j in range(len(view.lows)):
        p = view.any_phrase_at(slex.denials, j)
        if p is None:
            continue
        sent = view.words[j].sent
        s_lo, s_hi = view.sent_range(sent)
        here = {m.entity for m in view.mentions_between(s_lo, j)}
        cands = [d for d in drafts if d.type in slex.denial_types and
                 any(0 <= sent - m.sent <= slex.denial_sentences_back and m.start < view.words[j].start
                     for m in d.mentions)]
        if not cands:
            continue
        named = [d for d in cands if set(d.actors) & here]
        target = (named or cands)[-1]
        start, end = view.words[max(s_lo, j - 6)].start, view.words[min(s_hi, j + len(p) - 1)].end
        claim = Claim(status="denied", evidence=(start, end), attribution=tuple(attribute(pdoc, entities, start, end)),
                      cue=pdoc.text[view.words[j].start:view.words[j + len(p) - 1].end])
        m0 = target.mentions[-1]
        target.mentions.append(replace(m0, claim=claim, own=False, bare=False))


def _add_status_denials(pdoc: ParsedDoc, view: TextView, hits: Sequence[Hit], drafts: list[Draft],
                        entities: Sequence[Entity], attribute: Attribute) -> None:
    """ "La Farnesina ha smentito il rinvio": the denial of a status noun with no event noun of its
    own is a denied claim, by the denier, on the latest event before it claimed with that status."""
    slex = status_lexicon(pdoc.article.language or "it")
    nouns = dict(slex.denial_nouns)
    lows = view.lows
    triggered = {k for h in hits for k in range(h.first, h.last + 1)}
    for j in range(len(lows)):
        p = view.any_phrase_at(slex.denial_verbs, j)
        if p is None:
            continue
        lo, hi = view.clause(j)
        k = j + len(p)
        while k <= hi and lows[k] in slex.denial_fillers and lows[k] not in nouns:
            k += 1
        status = nouns.get(lows[k]) if k <= hi else None
        if status is None or k in triggered:
            continue
        nxt = k + 1
        if nxt <= hi and lows[nxt] in slex.phase_genitive and any(nxt < h.first <= nxt + 3 for h in hits):
            continue  # "ha smentito il rinvio dell'incontro": the event noun carries the denial itself
        at = view.words[j].start
        best: tuple[int, Draft] | None = None
        for d in drafts:
            starts = [m.start for m in d.mentions if m.claim.status == status and m.start < at]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), d)
        if best is None:
            continue
        target = best[1]
        s_lo, _ = view.sent_range(view.words[j].sent)
        deniers = view.mentions_between(s_lo, j - 1)
        first = min(lo, deniers[-1].first) if deniers else lo
        start, end = view.words[first].start, view.words[k].end
        if any(m.claim.status == "denied" and m.claim.evidence[0] < end and start < m.claim.evidence[1]
               for m in target.mentions):
            continue
        chain = tuple(attribute(pdoc, entities, start, end))
        if deniers and deniers[-1].entity not in {a.entity for a in chain}:
            m = deniers[-1]
            chain = (Source(m.entity, pdoc.text[m.start:m.end], m.start, m.end),) + chain
        claim = Claim(status="denied", evidence=(start, end), attribution=chain,
                      cue=pdoc.text[at:view.words[k].end])
        m0 = target.mentions[-1]
        target.mentions.append(replace(m0, claim=claim, own=False, bare=False))
