"""Who acts and on whom: actors and recipients of a trigger, as entity ids.

Without a parser the rules work on words: a verb's subject is the nearest entity before it in
its clause that no preposition governs (with the entities coordinated to it: "Israele e Hamas
hanno firmato"); its recipients are the first entity group after it.  A noun takes its
participants from its own phrase: "tra X e Y", "X-Y", "con X", "di X", "a/contro X", "truppe russe".
A noun after a support verb ("ha espresso irritazione", "ha presieduto un vertice") takes the
verb's subject as actor.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cronaca.extract.event.lexicon import EventLexicon
from cronaca.extract.event.parse_args import ParseArguments
from cronaca.extract.event.text import ActorMention, TextView
from cronaca.extract.event.triggers import Hit

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Participants:
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    own: bool = False  # found in the mention's own phrase or clause (not by coreference)
    used: tuple[tuple[int, int], ...] = ()  # word ranges of the mentions used (for the evidence span)
    end: int = -1  # last word of the trigger's phrase (trigger plus its arguments)
    by_subject: tuple[str, ...] = ()  # taken from the subject of the clause's verb, not the noun's phrase


def _uniq(ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in ids if i))


class ParticipantFinder:
    def __init__(self, view: TextView, lexicon: EventLexicon, hits: Sequence[Hit]) -> None:
        self.v = view
        self.lex = lexicon
        self.hit_words = {i for h in hits for i in range(h.first, h.last + 1)}
        self.g = view.grammar
        self.parse = ParseArguments(view) if view.has_morphology else None

    # --- small tests ------------------------------------------------------------------------
    def governed(self, m: ActorMention) -> bool:
        """True when a preposition governs the mention (then it is no subject)."""
        j = m.first - 1
        if j < 0:
            return False
        low = self.v.lows[j]
        if low in self.g.genitive_preps and j > 0 and self.v.lows[j - 1] in self.lex.head_nouns:
            return False
        return low in self.lex.prepositions or low in self.g.source_markers or self.v.lows[m.first] in self.g.source_heads

    def venue(self, m: ActorMention, hit: Hit) -> bool:
        """The place where the event happens, never one of its participants: a name after "a margine
        di", "presso", "nella sede di" for every event; for a symmetric one (a meeting, an agreement)
        also a country or city after a locative preposition ("il vertice a Budapest, in Ungheria")."""
        lows = self.v.lows
        for back in (0, 1):  # "a margine del Consiglio", "presso la Farnesina"
            if any(self.v.phrase_at(p, m.first - back - len(p)) for p in self.lex.venue_phrases):
                return True
        if hit.entry.frame != "symmetric" or m.type not in ("GPE", "LOC") or m.first == 0:
            return False
        return lows[m.first - 1] in self.g.locative_preps

    def is_object(self, m: ActorMention) -> bool:
        """A mention right after a verb form ("ha accusato Hamas") is its object, no subject."""
        j = m.first - 1
        while j >= 0 and self.v.lows[j] in self.g.definite_articles:
            j -= 1
        if j < 0:
            return False
        w = self.v.lows[j]
        return j in self.hit_words or (w.endswith(self.g.object_participle_endings) and j > 0 and
                                       self.v.lows[j - 1] in self.g.auxiliaries)

    def _is_aux_before(self, i: int, words: Collection[str]) -> bool:
        return any(self.v.lows[j] in words for j in range(max(0, i - 3), i))

    def passive(self, hit: Hit) -> bool:
        return not hit.is_noun and self._is_aux_before(hit.first, self.g.passive_auxiliaries)

    def adjectival(self, hit: Hit) -> bool:
        """A bare past participle after a noun ("detenuti liberati", "Trump, atterrato in ...")."""
        if hit.is_noun or hit.first == 0:
            return False
        w = self.v.lows[hit.first]
        if not w.endswith(self.g.adjectival_participle_endings):
            return False
        # "ha a sua volta accusato": the auxiliary may stand a few adverbial words back
        for j in range(hit.first - 1, max(-1, hit.first - 6), -1):
            low = self.v.lows[j]
            if low in self.g.auxiliaries or low in self.g.participle_adverbs:
                return False
            if low in (",", ".", ";", ":") or self.v.mention_ending_at(j) is not None:
                break
        return True

    # --- groups -------------------------------------------------------------------------------
    def group_back(self, m: ActorMention, lo: int) -> list[ActorMention]:
        """The mention and those coordinated before it ("Israele e Hamas", "sia X che Y")."""
        out = [m]
        cur = m
        for prev in reversed([x for x in self.v.mentions_from(lo, m.first) if x.last < m.first]):
            if prev.last >= cur.first or self.governed(prev):
                continue
            gap = self.v.lows[prev.last + 1:cur.first]
            if not gap or len(gap) > 8 or not any(g in self.g.coordinators for g in gap):
                break
            if any(g in self.g.subordinators for g in gap) or \
                    (not self.g.complementizers.isdisjoint(gap) and self.v.lows[prev.first - 1] not in self.g.correlatives):
                break
            if any(self.v.is_break(k) for k in range(prev.last + 1, cur.first)):
                break
            out.insert(0, prev)
            cur = prev
        return out

    def group_forward(self, m: ActorMention, hi: int) -> list[ActorMention]:
        out = [m]
        cur = m
        for nxt in [x for x in self.v.mentions_from(m.last + 1, hi + 1) if x.last <= hi]:
            if nxt.first <= cur.last:
                continue
            gap = self.v.lows[cur.last + 1:nxt.first]
            if not gap or len(gap) > 7 or gap[0] not in self.g.forward_coordinators or "," in gap[1:] or \
                    any(self.v.is_break(k) or k in self.hit_words for k in range(cur.last + 1, nxt.first)):
                break
            out.append(nxt)
            cur = nxt
        return out

    def pair(self, i: int) -> tuple[str, ...] | None:
        """ "le due parti", "i due": the last pair of coordinated entities before word ``i``."""
        if self.v.any_phrase_at(self.lex.pair_phrases, i) is None:
            return None
        found = self.v.pair_before(i)
        return found if found else None

    # --- subject ------------------------------------------------------------------------------
    def subject(self, t: int, allowed: Sequence[str] = ()) -> list[ActorMention]:
        """The subject group of the verb at word ``t`` (empty when none is found)."""
        v = self.v
        s_lo, _ = v.sent_range(v.words[t].sent)
        quote = v.quote_of(v.words[t].start)
        ok = (lambda m: not allowed or v.entity_type(m.entity) in allowed)
        j = t - 1
        stopped_at_break = False
        while j >= s_lo:
            if v.lows[j] in self.g.complementizers:
                m = v.mention_ending_at(j - 1)
                if m is None and j > 0 and v.lows[j - 1] == ",":
                    # "Steve Witkoff e Jared Kushner, genero del presidente, che ..."
                    m = next((x for x in reversed(v.mentions_from(j - 6 - v.widest, j - 1)) if j - 6 <= x.last < j - 1
                              and "," in v.lows[x.last + 1:j - 1]), None)
                if m and ok(m) and not self.governed(m) and v.quote_of(m.start) == quote:
                    return self.group_back(m, s_lo)
                if j > s_lo and v.lows[j - 1] in self.lex.reporting:
                    j -= 1
                    continue
                if j > s_lo and v.lows[j - 1] in self.g.subject_breaks:
                    stopped_at_break = True
                    break
                return []
            if v.is_break(j) and v.quote_of(v.words[j].start) == quote:
                stopped_at_break = True
                break
            m = v.mention_ending_at(j)
            if m and m.first >= s_lo and v.quote_of(m.start) == quote and not self.governed(m) and ok(m) \
                    and not self.is_object(m):
                return self.group_back(m, s_lo)
            if m:
                j = m.first
            j -= 1
        if stopped_at_break or j < s_lo:
            for m in v.mentions_from(s_lo, t):
                if m.last >= t:
                    continue
                if v.quote_of(m.start) == quote and not self.governed(m) and ok(m):
                    return self.group_back(m, s_lo)
        return []

    # --- arguments after a word ---------------------------------------------------------------
    def after_group(self, start: int, hi: int, preps: Sequence[str] = (), through_triggers: bool = False
                    ) -> tuple[str, list[ActorMention], str]:
        """The first entity group (or nationality adjective, or pair phrase) after word ``start``:
        returns (role hint, mentions or [], entity id for a nationality/pair)."""
        v = self.v
        quote = v.quote_of(v.words[start].start) if start < len(v.words) else None
        k = start
        while k <= hi:
            if k in self.hit_words and k > start + 1 and not preps and not through_triggers:
                break
            pair = self.pair(k)
            if pair:
                return "pair", [], ",".join(pair)
            m = v.mention_starting_at(k)
            if m and v.quote_of(m.start) == quote:
                prev = v.lows[k - 1] if k > 0 else ""
                prev2 = " ".join(v.lows[max(0, k - 3):k])
                if preps and prev not in preps:
                    k = m.last + 1
                    continue
                if prev in self.g.source_markers or any(w in prev2 for w in self.g.source_preps):
                    k = m.last + 1
                    continue
                g = self.g
                hint = "agent" if (prev in g.agent_preps or any(w in prev2 for w in g.agent_phrases)) else \
                    "between" if prev in g.between_preps else \
                    "with" if prev in g.with_preps or any(w in prev2 for w in g.companion_words) else \
                    "genitive" if prev in g.genitive_preps else "plain" if prev not in self.lex.prepositions else "prep"
                return hint, self.group_forward(m, hi), ""
            nat = v.nationality_entity(k)
            if nat and not v.mentions_from(k + 1, k + 5):
                return "nationality", [], nat
            k += 1
        return "", [], ""

    # --- the frames ---------------------------------------------------------------------------
    def support_verb(self, hit: Hit, lo: int) -> int | None:
        """Word index of a support verb governing the noun trigger (no other trigger between)."""
        lows = self.v.lows
        wide = hit.first > 0 and lows[hit.first - 1] in self.g.wide_support_preps
        for j in range(hit.first - 1, max(lo, hit.first - 11) - 1, -1):
            if j in self.hit_words:
                return None
            if self.v.any_phrase_at(self.lex.support_verbs, j):
                if hit.first - j <= 6 or wide or not self.g.companion_words.isdisjoint(lows[j:hit.first]):
                    return j
                return None
        return None

    def find(self, hit: Hit) -> Participants:
        # the table's triggers read the parse first; the hand lexicon's keep their word rules
        # (they win on the seeds, dev and real-dev sets) and read the parse when these find nobody
        if hit.entry.source == "table" and self.parse is not None:
            found = self._from_parse(hit)
            if not found.own:
                found = self._from_words(hit)
        else:
            found = self._from_words(hit)
            if not found.own and self.parse is not None:
                found = self._from_parse(hit)
            elif not found.actors and self.parse is not None and not hit.is_noun:
                # the words found whom, not who: the verb's subject ("il sindaco, che ha invitato ...");
                # one the words took for whom is the subject when the parse says so ("Lo hanno
                # arrestato i carabinieri", "Sul furto indagano i carabinieri")
                actors = self._from_parse(hit).actors
                if actors:
                    found = replace(found, actors=actors,
                                    recipients=tuple(r for r in found.recipients if r not in actors))
            if not found.recipients and self.parse is not None and not hit.is_noun:
                # the words found who, not whom: the verb's object or passive subject ("l'Avv.
                # Samorì è stato rinviato a giudizio dinanzi al Tribunale")
                parsed = self._from_parse(hit)
                recips = tuple(r for r in parsed.recipients if r not in found.actors)
                if recips:
                    found = replace(found, recipients=recips)
        return self._with_authority(hit, self._dropped_subject(hit, found))

    # --- the subject Italian leaves out -----------------------------------------------------------
    def _dropped_subject(self, hit: Hit, found: Participants) -> Participants:
        """A finite verb with no subject of its own is said of the person the text is about: the
        subject of the clause before it ("Un 40enne girava con la droga. È stato arrestato dai
        carabinieri": the 40enne is arrested; "Mario Rossi è evaso. Ieri ha aggredito un vicino":
        Rossi attacks), when that person agrees with the verb in number.  A passive's or a
        clitic object's person is whom it befell; an active singular verb's is who acts (a
        plural one with no subject is often impersonal: "hanno arrestato" by the police)."""
        if self.parse is None:
            return found
        if hit.is_noun:
            return self._state_bearer(hit, found)
        tok = self.v.tokens[hit.first]
        misparsed = tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN")  # a clause's verb hung on its subject
        if tok.pos_ != "VERB" or (tok.dep_ in ("acl", "amod", "advcl", "xcomp", "conj", "ccomp", "csubj", "acl:relcl")
                                  and not misparsed):
            return found
        kids = list(tok.children)
        if any(c.dep_ in ("nsubj", "nsubj:pass", "csubj", "expl", "expl:pass", "expl:impers") for c in kids):
            return found
        auxes = [c for c in kids if c.dep_ in ("aux", "aux:pass", "cop")]
        if not any("Fin" in t.morph.get("VerbForm", []) for t in (tok, *auxes)):
            return found  # an infinitive or a gerund takes its subject elsewhere
        number = next((n for t in (tok, *auxes) for n in t.morph.get("Number", [])), None)
        passive = any(c.dep_ == "aux:pass" for c in kids)
        clitic = any(c.dep_ == "obj" and c.pos_ == "PRON" and c.i < tok.i for c in kids)
        first = min([hit.first, *(self.parse.word_of.get(a.i, hit.first) for a in auxes)])
        if passive or clitic:
            if found.recipients:
                return found
            person = self._right_before(first, set(found.actors)) or \
                self._topic(hit.first, number, exclude=set(found.actors))
            return replace(found, recipients=(person,)) if person else found
        if found.actors or number != "Sing":
            return found
        person = self._right_before(first, set(found.recipients)) or \
            self._topic(hit.first, number, exclude=set(found.recipients))
        return replace(found, actors=(person,)) if person else found

    def _state_bearer(self, hit: Hit, found: Participants) -> Participants:
        """The one a state noun holds when its verb names no subject: the person the text is
        about, as for a passive ("Lucchesi ... Dovrà stare agli arresti domiciliari")."""
        assert self.parse is not None
        if found.recipients:
            return found
        tok = self._head(hit)
        holder = self.parse.state_holder(tok)
        if holder is None or any(c.dep_ in ("nsubj", "nsubj:pass", "csubj") for c in holder.children):
            return found
        verbs = [c for c in holder.children if c.dep_ in ("aux", "aux:pass", "cop")] + ([] if holder is tok else [holder])
        if not any("Fin" in t.morph.get("VerbForm", []) for t in verbs):
            return found
        number = next((n for t in verbs for n in t.morph.get("Number", [])), None)
        first = min(self.parse.word_of.get(t.i, hit.first) for t in verbs)
        person = self._right_before(first, set(found.actors)) or self._topic(first, number, set(found.actors))
        return replace(found, recipients=(person,)) if person else found

    def _right_before(self, first: int, exclude: set[str]) -> str | None:
        """A person named right before the verb group at word ``first``, no preposition before
        the name: its subject, where the parse hung it elsewhere ("Per tale evasione Pagano era
        stato condannato")."""
        m = self.v.mention_ending_at(first - 1) or self._apposed_opening(first)
        if m is None or m.entity in exclude or not self._person(m.entity) or self.governed(m):
            return None
        return m.entity

    def _apposed_opening(self, first: int) -> ActorMention | None:
        """The name that opens the sentence when an apposition set off by commas stands between it
        and the verb group at word ``first`` ("Vincenzo Pagano, 44 anni, è stato catturato")."""
        if first < 1 or self.v.lows[first - 1] != ",":
            return None
        lo, _ = self.v.sent_range(self.v.words[first].sent)
        m = self.v.mention_starting_at(lo)
        if m is None or m.last + 1 >= first - 1 or self.v.lows[m.last + 1] != ",":
            return None
        return m

    def _topic(self, i: int, number: str | None, exclude: set[str]) -> str | None:
        """The person last named as a subject before word ``i`` (in its sentence or the one
        before), agreeing in ``number``: a named person, or an unnamed one ("un 40enne")."""
        sent = self.v.words[i].sent
        lo = self.v.sent_range(sent - 1)[0] if sent > 0 else self.v.sent_range(sent)[0]
        assert self.parse is not None
        for m in reversed(self.v.mentions_between(lo, i - 1)):
            if m.entity in exclude or not self._person(m.entity):
                continue
            head = self.v.tokens[m.first]
            while head.head.i != head.i and self.parse.word_of.get(head.head.i, -1) in range(m.first, m.last + 1):
                head = head.head
            if head.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            own = next(iter(head.morph.get("Number", [])), "Sing" if head.pos_ == "PROPN" else None)
            if number is not None and own is not None and own != number:
                continue
            return m.entity
        return None

    def _person(self, entity: str) -> bool:
        e = self.v.entities.get(entity)
        return e is not None and (e.type == "PER" or (e.type == "MISC" and (e.code or "").endswith(
            tuple(self.lex.topic_sectors))))

    def _with_authority(self, hit: Hit, found: Participants) -> Participants:
        """ "è stato arrestato", "è scattata una denuncia": an arrest, charge, seizure or ruling
        with no actor named is the act of the police force (or court) the article names most."""
        excluded = self.lex.excluded_actor_sectors.get(f"{hit.entry.type}/{hit.entry.mode}")
        if excluded and found.actors:
            # "un 39enne, accusato e già condannato": the police of the clause convict no one
            kept = tuple(a for a in found.actors if not (self.v.entities[a].code or "").endswith(excluded))
            found = replace(found, actors=kept, own=bool(kept or found.recipients))
        sectors = (self.lex.implicit_actor_sectors.get(f"{hit.entry.type}/{hit.entry.mode}")
                   or self.lex.implicit_actor_sectors.get(hit.entry.type))
        if found.actors or not sectors or not hit.entry.implicit_actor:
            return found
        sense = self._implicit_sense(hit)
        if sense:  # "una condanna" with no one named: the court's
            sectors = (*sense, *(x for x in sectors if x not in sense))
        # the first sector the article names (a sentence is the court's before the police's),
        # and in it the authority named most
        counts = {e: (-next(k for k, sector in enumerate(sectors) if (self.v.entities[e].code or "").endswith(sector)), n)
                  for e, n in self.v.mention_counts(tuple(sectors)).items()}
        if not counts:
            return found
        authority = max(counts, key=lambda k: counts[k])
        if authority in found.recipients:
            return found  # "denunciare l'accaduto ai carabinieri": reported to them, not by them
        return replace(found, actors=(authority,), recipients=tuple(r for r in found.recipients if r != authority),
                       own=True)

    def _implicit_sense(self, hit: Hit) -> tuple[str, ...]:
        """The sectors of the ``actor_senses`` entry (events.yaml) marked ``implicit`` whose forms
        the trigger matches: with no actor named, an authority of these is taken first."""
        return next((sense.sectors for sense in self.lex.actor_senses if sense.implicit and sense.source == hit.entry.type
                     and any(self.v.phrase_at(f, hit.first) for f in sense.forms)), ())

    def _from_parse(self, hit: Hit) -> Participants:
        tok = self._head(hit)
        parse = self.parse
        assert parse is not None
        actors, recips = parse.noun(tok, hit.entry.genitive) if hit.is_noun else parse.verb(tok)
        if hit.is_noun and hit.entry.frame == "symmetric" and actors and tok.dep_ == "obj" and self._supports(tok.head):
            # "Bank of America ha annunciato l'acquisizione di Merrill Lynch": both are parties
            actors += [m for m in parse.verb(tok.head)[0] if m not in actors]
        inside = range(hit.first, hit.last + 1)  # "sequestro di persona": no participant of its own words
        actors = [m for m in actors if not self.venue(m, hit) and m.first not in inside]
        recips = [m for m in recips if not self.venue(m, hit) and m not in actors and m.first not in inside]
        used = tuple((m.first, m.last) for m in actors + recips)
        a = _uniq([m.entity for m in actors])
        r = tuple(x for x in _uniq([m.entity for m in recips]) if x not in a)
        end = max([hit.last] + [m.last for m in actors + recips if m.first > hit.last and m.last - hit.last < 15])
        return Participants(a, r, bool(a or r), used, end)

    def _supports(self, verb: Token) -> bool:
        """Whether ``verb`` is a support verb of events.yaml ("ha annunciato", "hanno firmato")."""
        first, last = self.v.word_range(verb.idx, verb.idx + len(verb))
        return first <= last and self.v.any_phrase_at(self.lex.support_verbs, first) is not None

    def state_verb(self, hit: Hit) -> int | None:
        """The word index of the verb that keeps its subject in the state a noun trigger names
        ("resta agli arresti domiciliari", "sono ai domiciliari"; ``state_verbs`` of grammar.yaml)."""
        if self.parse is None or not hit.is_noun:
            return None
        tok = self._head(hit)
        holder = self.parse.state_holder(tok)
        if holder is None:
            return None
        verb = next((c for c in tok.children if c.dep_ == "cop"), holder) if holder is tok else holder
        if verb.lemma_ not in self.g.state_verbs or "Sub" in verb.morph.get("Mood", []):
            return None  # "ha disposto che restino agli arresti": the order, not the state
        first, last = self.v.word_range(verb.idx, verb.idx + len(verb))
        return first if first <= last else None

    def _participle_before(self, prep: int) -> bool:
        """A past participle right before the preposition at word ``prep`` (its agent follows)."""
        i = prep - 1
        if i < 0 or self.v.lows[prep] not in self.g.agent_preps:
            return False
        if self.v.has_morphology:
            tok = self.v.tokens[i]
            return tok.pos_ in ("VERB", "AUX") and "Part" in tok.morph.get("VerbForm", []) and \
                "Past" in tok.morph.get("Tense", ["Past"])
        return self.v.lows[i].endswith(self.g.adjectival_participle_endings)

    def _head(self, hit: Hit) -> Token:
        """The trigger's syntactic head: its first word whose head lies outside it ("ai domiciliari":
        "domiciliari")."""
        toks = [self.v.tokens[i] for i in range(hit.first, hit.last + 1)]
        inside = {t.i for t in toks}
        return next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])

    def _from_words(self, hit: Hit) -> Participants:
        v, e = self.v, hit.entry
        lo, hi = v.clause(hit.first)
        hi = min(hi, hit.last + 14)
        actors: list[str] = []
        recips: list[str] = []
        used: list[tuple[int, int]] = []
        by_subject: list[str] = []
        end = hit.last

        def take(ms: Sequence[ActorMention], into: list[str]) -> None:
            nonlocal end
            for m in ms:
                if self.venue(m, hit):
                    continue
                into.append(m.entity)
                used.append((m.first, m.last))
                end = max(end, m.last)

        def add_after(start: int, default_role: str) -> None:
            nonlocal end
            hint, ms, ident = self.after_group(start, hi, e.recipient_preps)
            if hint == "pair":
                recips.extend(ident.split(","))
            elif hint == "nationality":
                (actors if default_role == "actor" else recips).append(ident)
            elif hint == "agent":
                take(ms, actors if e.agent_by == "actor" else recips)
            elif hint == "between":
                take(ms, actors)
            elif ms:
                take(ms, recips)

        support = self.support_verb(hit, lo) if hit.is_noun else None
        if hit.is_noun and support is None:
            self._noun_phrase(hit, hi, actors, recips, take)
            end = max([end] + [u[1] for u in used])
            if not actors and not recips and e.frame == "symmetric":
                # "sia Lavrov che Rubio sembrano voler lasciare aperta la porta a un nuovo incontro"
                subj = self.subject(hit.first)
                if len({m.entity for m in subj}) >= 2 and not any(
                        k in self.hit_words for k in range(subj[-1].last + 1, hit.first)):
                    take(subj, actors)
                    by_subject.extend(actors)
        elif support is not None:  # a noun trigger with its support verb
            subj = self.subject(support, e.actor_types)
            take(subj, actors)
            # "ha presieduto insieme al presidente egiziano X un vertice": X acts too
            for m in v.mentions_from(support + 1, hit.first):
                if not self.g.companion_words.isdisjoint(v.lows[support:m.first]) and \
                        any(w in self.g.support_recipient_preps for w in v.lows[max(support, m.first - 4):m.first]):
                    take([m], actors)
            before = len(actors) + len(recips)
            self._noun_phrase(hit, hi, actors, recips, take)
            if len(actors) + len(recips) == before:
                hint, ms, ident = self.after_group(hit.last + 1, hi, e.recipient_preps, through_triggers=True)
                if hint in ("nationality", "pair"):
                    recips.extend(ident.split(","))
                elif ms and hint != "between":
                    take(ms, recips)
        else:
            passive, adjectival = self.passive(hit), self.adjectival(hit)
            if adjectival:
                at = self._before_brackets(hit.first)  # "Devis Lucchesi (20 anni, incensurato), arrestato"
                before_m = next((x for x in reversed(v.mentions_from(at - 3 - v.widest, at))
                                 if at - 3 <= x.last < at), None)
                if before_m and v.same_quote(before_m.start, v.words[hit.first].start):
                    take([before_m], actors if e.frame == "intransitive" else recips)
                hint, ms, _ = self.after_group(hit.last + 1, hi)
                if hint == "agent":
                    take(ms, actors)
                elif e.frame == "intransitive" and e.recipient_preps:
                    add_after(hit.last + 1, "recipient")
            else:
                subj = self.subject(hit.first, e.actor_types)
                take(subj, recips if passive else actors)
                if passive:
                    hint, ms, _ = self.after_group(hit.last + 1, hi)
                    if hint == "agent":
                        take(ms, actors)
                elif not subj and e.frame == "intransitive":
                    self._inverted(hit, hi, actors, recips, take)
                else:
                    add_after(hit.last + 1, "recipient")
        actors_t = _uniq(actors)
        recips_t = tuple(r for r in _uniq(recips) if r not in actors_t)
        return Participants(actors_t, recips_t, bool(actors_t or recips_t), tuple(used), end, _uniq(by_subject))

    def _before_brackets(self, i: int) -> int:
        """Word ``i``, or the opening bracket of a bracketed aside that ends, with a comma, right
        before it ("Devis Lucchesi (20 anni, incensurato), arrestato": the bracket after the name)."""
        lows = self.v.lows
        if i < 2 or lows[i - 1] != "," or lows[i - 2] != ")":
            return i
        for j in range(i - 3, max(-1, i - 15), -1):
            if lows[j] == "(":
                return j
            if lows[j] in (")", ".", ";"):
                break
        return i

    def _inverted(self, hit: Hit, hi: int, actors: list[str], recips: list[str], take) -> None:
        """ "sono arrivati oggi in Israele X e Y": the subject follows an intransitive verb."""
        e = hit.entry
        for m in self.v.mentions_from(hit.last + 1, hi + 1):
            if m.last > hi or any(m.entity in x for x in (actors, recips)):
                continue
            prev = self.v.lows[m.first - 1]
            if prev in e.recipient_preps:
                take([m], recips)
            elif not self.governed(m) and (not e.actor_types or self.v.entity_type(m.entity) in e.actor_types):
                take(self.group_forward(m, hi), actors)

    def _noun_phrase(self, hit: Hit, hi: int, actors: list[str], recips: list[str], take) -> None:
        """Participants inside a noun's own phrase."""
        v, e = self.v, hit.entry
        k = hit.last + 1
        limit = min(hi, hit.last + 10)
        # "truppe russe", "invasione russa", "proteste ucraine"
        for j in range(k, min(k + 2, limit + 1)):
            nat = v.nationality_entity(j)
            if nat:
                actors.append(nat)
                k = j + 1
                break
        first_arg = True
        gov: str | None = None  # the first preposition after the trigger or the last argument
        gov_at = -1  # its word index
        while k <= limit:
            if k in self.hit_words:
                break
            pair = self.pair(k) if k > 0 and v.lows[k - 1] in self.g.between_preps else None
            if pair:
                actors.extend(pair)
                break
            m = v.mention_starting_at(k)
            if m is None:
                if v.lows[k] in (".", "!", "?") or v.lows[k] in self.lex.phrase_ends or \
                        (k == hit.last + 1 and v.lows[k] == "," and hit.is_noun):
                    break  # "Dopo i primi assalti, in sinergia ...": a comma right after the noun ends it
                if gov is None and (v.lows[k] in self.lex.prepositions or v.lows[k] in self.g.with_preps):
                    gov, gov_at = v.lows[k], k
                if v.lows[k] not in self.lex.agent_nouns and v.lows[k] not in self.lex.prepositions and \
                        v.lows[k] not in self.g.phrase_determiners:
                    first_arg = False
                k += 1
                continue
            if not v.same_quote(m.start, v.words[hit.first].start):
                break
            same_word = [x for x in v.mentions_from(k, k + 1) if x.last == k]
            if len({x.entity for x in same_word}) > 1:  # "Rubio-Lavrov" as one word
                take(same_word, actors)
                k += 1
                first_arg = False
                continue
            prev, prev_at = (gov, gov_at) if gov else (v.lows[m.first - 1], m.first - 1)
            if v.lows[m.first - 1] in self.g.agent_preps:  # the agent's own preposition, not the first one
                prev, prev_at = v.lows[m.first - 1], m.first - 1
            gov = None
            prev3 = " ".join(v.lows[max(0, m.first - 3):m.first])
            group = self.group_forward(m, limit + 8)
            if prev in self.g.between_preps:
                take(group, actors)
            elif any(w in prev3 for w in self.g.agent_phrases):
                take(group, actors if e.agent_by == "actor" else recips)
            elif prev in self.g.with_preps:
                take(group, recips if e.frame != "symmetric" else actors)
            elif prev in self.g.genitive_preps:
                role = e.genitive if first_arg else "recipient"
                take(group, actors if role == "actor" else recips)
            elif prev in self.g.agent_preps and (prev_at == m.first - 1 or self._participle_before(prev_at)):
                # "accusa di furto dai carabinieri", "indagini avviate dagli stessi militari": the agent
                take(group, actors)
            elif prev in self.lex.prepositions:
                if e.recipient_preps and prev not in e.recipient_preps:
                    k = group[-1].last + 1
                    continue
                if prev in self.g.source_preps:
                    break
                take(group, recips)
            elif m.first == hit.last + 1 or (prev == "-" or v.lows[m.first].count("-")):
                take(group, actors)  # "incontro Rubio-Lavrov", "vertice Trump-Putin"
            else:
                break
            first_arg = False
            k = group[-1].last + 1
            if e.frame != "symmetric" and actors and recips:
                break
