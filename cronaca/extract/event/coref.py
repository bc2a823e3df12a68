"""One event per real-world event: mentions of the same event are merged, each keeping its claim.

A mention with its own participants joins an earlier event of the same type (and compatible mode
and medium) whose participants it shares: for symmetric events one set must contain the other;
for directed ones the actors must match (and the mention must use the same trigger word or be in
the same sentence).  A mention without participants ("il vertice", "la telefonata tra i due",
"il congelamento di questo incontro") refers back to the latest compatible event, preferring one
named with the same word; an indefinite one ("un faccia a faccia") only to an event of the last
two sentences.  "Un nuovo incontro" never joins an event that already took place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cronaca.records import Claim

SYMMETRIC_TYPES = ("CONSULT", "AGREE", "COOPERATE")


@dataclass(frozen=True)
class MentionInfo:
    """One trigger mention with everything the merge needs."""

    n: int  # index in the hit list
    type: str
    mode: str | None
    medium: str
    lemma: str
    frame: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    own: bool
    determiner: str  # definite | indefinite | bare
    new: bool
    sent: int
    start: int
    end: int
    text: str
    claim: Claim
    borrow: tuple[str, ...] = ()
    sentence_entities: tuple[str, ...] = ()
    min_participants: int = 0
    same_word_coref: bool = False
    pos: str = "noun"
    tense: str = "other"  # past | pluperfect | future | other (of the trigger or its support verb)
    headline: bool = False  # in a title line (no final full stop, no verb)
    bare: bool = False  # a noun with no cue, support verb, time or place: it names the event, asserts nothing


@dataclass
class Draft:
    """An event being built (mutable while merging; frozen into a records.Event at the end)."""

    type: str
    mode: str | None
    medium: str
    frame: str
    actors: list[str]
    recipients: list[str]
    mentions: list[MentionInfo] = field(default_factory=list)
    min_participants: int = 0

    @property
    def participants(self) -> set[str]:
        return set(self.actors) | set(self.recipients)

    @property
    def lemmas(self) -> set[str]:
        return {m.lemma for m in self.mentions}

    @property
    def last_sent(self) -> int:
        return max(m.sent for m in self.mentions)

    @property
    def occurred(self) -> bool:
        return all(m.claim.status in ("occurred", "cancelled") for m in self.mentions)

    def add(self, m: MentionInfo) -> None:
        self.mentions.append(m)
        self.mode = self.mode or m.mode
        if self.medium == "any":
            self.medium = m.medium
        for a in m.actors:
            if a not in self.actors and a not in self.recipients:
                self.actors.append(a)
        for r in m.recipients:
            if r not in self.recipients and r not in self.actors:
                self.recipients.append(r)


def _compatible_kind(d: Draft, m: MentionInfo) -> bool:
    if d.type != m.type:
        return False
    if d.mode and m.mode and d.mode != m.mode:
        return False
    if "any" not in (d.medium, m.medium) and d.medium != m.medium:
        return False
    return not (m.new and d.occurred)


def _symmetric(d: Draft, m: MentionInfo) -> bool:
    return d.type in SYMMETRIC_TYPES or d.frame == "symmetric" or m.frame == "symmetric"


def _participants_fit(d: Draft, m: MentionInfo) -> bool:
    mine = set(m.actors) | set(m.recipients)
    if _symmetric(d, m):
        return bool(mine) and (mine <= d.participants or (d.participants <= mine and len(d.participants) > 1))
    if m.actors and not set(m.actors) <= set(d.actors):
        return False
    if m.recipients and not set(m.recipients) <= set(d.recipients) | set(d.actors):
        return False
    same_sentence = any(x.sent == m.sent for x in d.mentions)
    # "la banda è stata sgominata dalla polstrada ... gli arrestati": the same one acted on by the
    # same actor is the same act, whatever the word; a definite noun names an act already told
    same_patient = bool(m.recipients) and bool(d.recipients) and (not m.actors or bool(d.actors))
    told = m.pos == "noun" and m.determiner == "definite" and bool(d.participants)
    return same_sentence or m.lemma in d.lemmas or same_patient or told


def _adjacent(d: Draft, m: MentionInfo) -> bool:
    """ "hanno approvato l'accordo con Hamas": a noun right after a verb of the same event."""
    last = d.mentions[-1]
    return last.pos == "verb" and m.pos == "noun" and last.sent == m.sent and 0 <= m.start - last.end <= 40


def merge(mentions: list[MentionInfo]) -> list[Draft]:
    drafts: list[Draft] = []
    for m in mentions:
        target = None
        if m.own:
            for d in reversed(drafts):
                if _compatible_kind(d, m) and (_participants_fit(d, m) or _adjacent(d, m)):
                    target = d
                    break
        elif m.pos == "verb":
            continue  # a verb whose subject and objects are unknown is no event
        else:
            target = _antecedent(drafts, m) or _same_word(drafts, m) or _borrow(drafts, m)
        if target is None:
            target = Draft(m.type, m.mode, m.medium, m.frame, [], [], min_participants=m.min_participants)
            drafts.append(target)
        target.add(m)
    return _borrow_forward(drafts)


def _antecedent(drafts: list[Draft], m: MentionInfo) -> Draft | None:
    window = 2 if m.determiner == "indefinite" else 10_000
    cands = [d for d in drafts if _compatible_kind(d, m) and m.sent - d.last_sent <= window and d.participants
             and (not m.same_word_coref or m.lemma in d.lemmas)]
    if not cands:
        return None
    same_word = [d for d in cands if m.lemma in d.lemmas]
    return (same_word or cands)[-1] if m.determiner != "indefinite" else cands[-1]


def _same_word(drafts: list[Draft], m: MentionInfo) -> Draft | None:
    """ "il cessate il fuoco ... la tregua ... la tregua è ancora in vigore": mentions of one event
    that so far has no participants (they come later from the sentence) form one chain."""
    if m.determiner == "indefinite":
        return None
    return next((d for d in reversed(drafts) if _compatible_kind(d, m) and not d.participants
                 and m.lemma in d.lemmas), None)


def _borrow(drafts: list[Draft], m: MentionInfo) -> Draft | None:
    """A mention with no participants and no antecedent: a new event taking those of a nearby
    event of a related type ("dopo tre giorni di negoziati" -> the parties of the agreement)."""
    if not m.borrow:
        return None
    for d in reversed(drafts):
        if d.type in m.borrow and abs(m.sent - d.last_sent) <= 1 and len(d.participants) >= 1:
            new = Draft(m.type, m.mode, m.medium, m.frame, list(dict.fromkeys(d.actors + d.recipients)), [],
                        min_participants=m.min_participants)
            drafts.append(new)
            return new
    return None


def _borrow_forward(drafts: list[Draft]) -> list[Draft]:
    """Events still without participants borrow from a related event of the next sentence, or
    (when allowed) take the entities of their own sentence."""
    for d in drafts:
        if d.participants:
            continue
        m = d.mentions[0]
        for other in drafts:
            if other is not d and other.type in m.borrow and other.participants and \
                    0 <= min(x.sent for x in other.mentions) - m.sent <= 1:
                d.actors = sorted(other.participants)
                break
        if not d.participants:
            found = next((x.sentence_entities for x in d.mentions if len(x.sentence_entities) >= 2), ())
            d.actors = list(found)
    return drafts
