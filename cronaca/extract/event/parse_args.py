"""Participants from the dependency parse: subject -> actor, object -> recipient, the passive's
subject -> recipient and its agent ("dai carabinieri", "da parte del Senato") -> actor; a noun
takes "da parte di X" or "da X" as actor ("denunce dai carabinieri") and "di X" as actor, or as
recipient when an agent is named;
a noun that is the subject of a verb of happening takes whom it befell as recipient ("per il
40enne è scattata la denuncia"); a participle modifying a noun ("un 40enne arrestato") has that
noun as recipient; a verb with no
subject of its own takes the subject of the verb it is coordinated with.  Used for the triggers
of the predicate table (``predicates.tsv``), with the word-window rules as the fallback.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from cronaca.extract.event.text import ActorMention, TextView


class ParseArguments:
    """Who acts and on whom, read off the parse of one article's words."""

    def __init__(self, view: TextView) -> None:
        self.v = view
        self.g = view.grammar
        self.word_of = {tok.i: k for k, tok in enumerate(view.tokens)}
        self.mention_at: dict[int, ActorMention] = {}
        for m in view.mentions:
            for k in range(m.first, m.last + 1):
                self.mention_at.setdefault(k, m)

    def mentions_of(self, tok: Token) -> list[ActorMention]:
        """The entity mention headed by ``tok``, with those coordinated to it ("X e Y"); for a
        relative pronoun, its antecedent's ("il sindaco Caroli, che ha invitato")."""
        if tok.pos_ == "PRON" and "Rel" in tok.morph.get("PronType", []):
            tok = self._antecedent(tok)
        out = []
        for t in (tok, *self._conjuncts(tok), *self._inner_conjuncts(tok)):
            m = self.mention_at.get(self.word_of.get(t.i, -1))
            if m is None:  # "i militari della stazione": the name may sit one step down
                m = next((self.mention_at[k] for c in t.children if c.dep_ in ("flat", "flat:name", "appos", "amod",
                                                                                 "compound")
                          for k in [self.word_of.get(c.i, -1)] if k in self.mention_at), None)
            if m is not None and m not in out:
                out.append(m)
        return out

    @staticmethod
    def _antecedent(rel: Token) -> Token:
        """What a relative pronoun stands for: the noun its clause hangs on, or (when the parse
        attached the clause elsewhere) the noun right before it, past one comma."""
        if rel.head.dep_ == "acl:relcl":
            return rel.head.head
        k = rel.i - 1
        if k >= 0 and rel.doc[k].text == ",":
            k -= 1
        if k < 0 or rel.doc[k].pos_ not in ("NOUN", "PROPN"):
            return rel
        prev = rel.doc[k]
        while prev.dep_ in ("flat", "flat:name") and prev.head.i < prev.i:
            prev = prev.head
        return prev

    def _inner_conjuncts(self, tok: Token) -> Iterator[Token]:
        """ "dalla Camera dei Rappresentanti e dal Senato": the parse may hang the second name on a
        word inside the first one's mention; those conjuncts are the head's too."""
        m = self.mention_at.get(self.word_of.get(tok.i, -1))
        if m is None:
            return
        inside = {self.v.tokens[k].i for k in range(m.first, m.last + 1)}
        for k in range(m.first, m.last + 1):
            t = self.v.tokens[k]
            if t.i != tok.i:
                for c in self._conjuncts(t):
                    if c.i not in inside:
                        yield c

    @staticmethod
    def _conjuncts(tok: Token) -> Iterator[Token]:
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):  # NUM: "al 33enne"
                yield c
                yield from ParseArguments._conjuncts(c)

    def verb(self, tok: Token) -> tuple[list[ActorMention], list[ActorMention]]:
        """(actors, recipients) of a verbal trigger."""
        actors: list[ActorMention] = []
        recips: list[ActorMention] = []
        on_noun = tok.dep_ in ("acl", "amod") or (  # "Devis Lucchesi, 20 anni, arrestato sabato": the
            tok.dep_ == "advcl" and tok.head.pos_ in ("NOUN", "PROPN")  # parse may call it advcl
            and "Part" in tok.morph.get("VerbForm", []) and not any(c.dep_.startswith("aux") for c in tok.children))
        passive = any(c.dep_ in ("aux:pass", "expl:pass") for c in tok.children) or on_noun
        inverted = None if passive else self._inverted_subject(tok)
        for c in tok.children:
            dep = c.dep_
            if dep == "nsubj" or (inverted is not None and c.i == inverted.i):
                actors += self.mentions_of(c)
            elif dep == "nsubj:pass" or dep in ("obj", "iobj"):
                recips += self.mentions_of(c)
            elif dep == "obl:agent" or (dep == "obl" and passive and self._case(c) in self.g.agent_preps):
                actors += self.mentions_of(c)
        if on_noun and tok.head.pos_ in ("NOUN", "PROPN"):
            recips += self.mentions_of(tok.head)  # "un 40enne arrestato dai carabinieri"
        if not actors and not recips and tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") \
                and "Part" in tok.morph.get("VerbForm", []) and tok.head.dep_.startswith(("obl", "obj")) \
                and tok.head.head.pos_ == "VERB":
            # "bloccato dai carabinieri e arrestato": the parse may hang the second participle on
            # the first one's agent; it shares the first one's participants
            return self.verb(tok.head.head)
        if not actors and not recips and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
            return self.verb(tok.head)  # "è stato individuato dalla polizia e denunciato"
        if not actors and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
            head_actors, _ = self.verb(tok.head)
            actors = head_actors if not passive else actors
        return actors, recips

    def _inverted_subject(self, tok: Token) -> Token | None:
        """The noun after an active verb with no subject that the parser calls its object but is
        its subject: the verb has a clitic object already ("Lo hanno arrestato i carabinieri",
        "L'ha incriminata la Procura") or takes none ("Sul furto indaga la polizia")."""
        if any(c.dep_ in ("nsubj", "csubj") for c in tok.children):
            return None
        after = [c for c in tok.children if c.dep_ == "obj" and c.i > tok.i and c.pos_ in ("NOUN", "PROPN")]
        if len(after) != 1:
            return None
        clitic = any(c.dep_ == "obj" and c.i < tok.i and c.pos_ == "PRON" for c in tok.children)
        return after[0] if clitic or tok.lemma_.lower() in self.g.subject_after_verbs else None

    def noun(self, tok: Token, genitive: str = "actor") -> tuple[list[ActorMention], list[ActorMention]]:
        """(actors, recipients) of a nominal trigger: its own phrase, else the verb it is the
        object of ("ha fatto un blitz", "hanno aperto un'inchiesta")."""
        agents = [c for c in tok.children if c.dep_ == "nmod" and self._agent_phrase(c)]
        actors = [m for c in agents for m in self.mentions_of(c)]
        recips: list[ActorMention] = []
        # "il prestito della Federal Reserve ad AIG": with a "to whom" of its own, "di X" is who acts
        dative = any(c.dep_ == "nmod" and self._case(c) in self.g.dative_preps and self.mentions_of(c)
                     for c in tok.children)
        for c in self._amount_datives(tok):  # "un prestito di 85 miliardi di dollari ad AIG"
            recips.extend(m for m in self.mentions_of(c) if m not in recips)
        for c in tok.children:
            case = self._case(c) if c.dep_ == "nmod" and c not in agents else ""
            if case in self.g.genitive_preps:
                patient = actors or (genitive == "recipient" and not dative)
                (recips if patient else actors).extend(self.mentions_of(c))
            elif case in self.g.dative_preps:
                recips.extend(self.mentions_of(c))  # "una denuncia alla 54enne", "accuse contro X"
            elif case in self.g.agent_preps and not agents:
                actors.extend(m for m in self.mentions_of(c) if m not in actors)  # "denunce dai carabinieri"
        if not actors and tok.dep_ in ("obj", "nsubj:pass", "nsubj") and tok.head.pos_ == "VERB":
            verb_actors, _ = self.verb(tok.head)
            if tok.dep_ == "obj" and tok.head.lemma_.lower() in self.g.answering_verbs:
                recips.extend(m for m in verb_actors if m not in recips)  # "il giudice ha accolto la richiesta"
            elif tok.dep_ == "obj":
                actors = verb_actors
                if not recips:  # "ha concesso un prestito di 85 miliardi ad AIG": the verb's "to whom"
                    recips.extend(m for c in tok.head.children if c.dep_ == "iobj" or (
                        c.dep_ == "obl" and self._case(c) in self.g.dative_preps) for m in self.mentions_of(c))
        if tok.dep_ in ("nsubj", "nsubj:pass", "obj") and tok.head.lemma_ in self.g.happening_verbs:
            for c in tok.head.children:  # "per lui è scattata la denuncia": whom it befell
                if c.dep_ == "iobj" or (c.dep_ == "obl" and self._case(c) in self.g.happening_recipient_preps):
                    recips.extend(m for m in self.mentions_of(c) if m not in recips)
        holder = self.state_holder(tok)
        if holder is not None:
            for c in holder.children:  # "sono finiti in manette due albanesi", "resta ai domiciliari"
                if c.dep_ in ("nsubj", "nsubj:pass"):
                    recips.extend(m for m in self.mentions_of(c) if m not in recips)
        return actors, recips

    def _amount_datives(self, tok: Token) -> Iterator[Token]:
        """The "to whom" the parse hung on the amount of a noun ("un prestito di 85 miliardi di
        dollari ad AIG": "ad AIG" on "miliardi")."""
        for amount in tok.children:
            if amount.dep_ == "nmod" and any(c.dep_ == "nummod" for c in amount.children):
                for c in amount.children:
                    if c.dep_ == "nmod" and self._case(c) in self.g.dative_preps:
                        yield c

    def state_holder(self, tok: Token) -> Token | None:
        """The verb whose subject ends up in, or stays in, the state the noun ``tok`` names: the
        verb it is an oblique of ("sono finiti in manette", "resta agli arresti domiciliari"), or
        the noun itself when "essere" is its copula ("I due sono ai domiciliari")."""
        if tok.dep_ == "obl" and tok.head.lemma_ in self.g.ending_verbs | self.g.state_verbs and \
                self._case(tok) in self.g.locative_preps | self.g.dative_preps:
            return tok.head  # not "restino agli arresti con obbligo di firma": "con" is no place
        if any(c.dep_ == "cop" and c.lemma_ in self.g.state_verbs for c in tok.children):
            return tok
        return None

    @staticmethod
    def _case(tok: Token) -> str:
        """The preposition of a phrase; the parse may hang it on a modifier before the head
        ("della Federal Reserve": "della" on "Federal")."""
        found = next((c for c in tok.children if c.dep_ == "case"), None)
        if found is None:
            found = next((g for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "flat", "flat:name", "compound")
                          for g in c.children if g.dep_ == "case"), None)
        return found.lower_.replace("’", "'") if found is not None else ""

    @staticmethod
    def _agent_phrase(tok: Token) -> bool:
        """ "da parte della Federal Reserve": the nmod's case words include "da parte"."""
        words = [c.lower_ for c in tok.children if c.dep_ in ("case", "fixed")]
        head = tok.head
        return "parte" in words or (head.lower_ == "parte" and any(c.lower_ == "da" for c in head.children))
