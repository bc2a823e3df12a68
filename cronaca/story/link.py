"""Cross-article event linking: mentions of one real-world event become one story event.

Two mentions may be one event when they have the same PLOVER type, compatible modes,
participants that resolve to the same actors, article dates not too far apart and times
that can match.  Candidates come from a blocking index keyed by (type, actor key), so a
mention is only compared with story events sharing its type and at least one actor: no
all-pairs comparison over the corpus.  Articles are taken in date order; within one
article each story event takes at most one mention (one event per real-world event per
article), assigned greedily by score.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from cronaca.folding import fold
from cronaca.story.actors import ActorGroups
from cronaca.story.mentions import EventMention
from cronaca.story.rules import StoryRules
from cronaca.story.timespan import DaySpan

log = logging.getLogger(__name__)

# Statuses whose time says when the event happens/happened; others (possible, proposed,
# ongoing, postponed…) may carry another time without making it another event.
DEFINITE_TIME = frozenset({"occurred", "planned"})


@dataclass
class EventDraft:
    """A story event being built (internal, mutable while linking)."""

    type: str
    mentions: list[EventMention] = field(default_factory=list)
    actors: ActorGroups = field(default_factory=ActorGroups)
    actor_side: ActorGroups = field(default_factory=ActorGroups)
    recipient_side: ActorGroups = field(default_factory=ActorGroups)
    docs: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    first_day: int | None = None
    last_day: int | None = None

    def add(self, m: EventMention) -> None:
        self.mentions.append(m)
        self.docs.add(m.doc_id)
        if m.event.mode:
            self.modes.add(m.event.mode)
        for p in m.participants:
            self.actors.add(p)
        for p in m.actors:
            self.actor_side.add(p)
        for p in m.recipients:
            self.recipient_side.add(p)
        if m.day is not None:
            self.first_day = m.day if self.first_day is None else min(self.first_day, m.day)
            self.last_day = m.day if self.last_day is None else max(self.last_day, m.day)

    def statuses(self) -> set[str]:
        return {c.claim.status for m in self.mentions for c in m.claims}

    def definite_spans(self) -> list[DaySpan]:
        return [c.span for m in self.mentions for c in m.claims
                if c.span is not None and c.claim.status in DEFINITE_TIME]

    def places(self) -> set[str]:
        return {fold(c.claim.place.name) for m in self.mentions for c in m.claims if c.claim.place}

    def occurred_before(self, day: int | None) -> bool:
        return any(c.claim.status == "occurred" and day is not None and c.day is not None and c.day < day
                   for m in self.mentions for c in m.claims)


def _definite(m: EventMention) -> list[DaySpan]:
    return [c.span for c in m.claims if c.span is not None and c.claim.status in DEFINITE_TIME]


def _gap(m: EventMention, c: EventDraft) -> int:
    if m.day is None or c.first_day is None or c.last_day is None:
        return 0
    if m.day < c.first_day:
        return c.first_day - m.day
    return max(0, m.day - c.last_day)


def score(m: EventMention, c: EventDraft, rules: StoryRules) -> float | None:
    """How well mention ``m`` fits story event ``c``; None when they cannot be one event."""
    s = rules.linking
    if m.doc_id in c.docs or m.event.type != c.type:
        return None
    if m.event.mode and c.modes and m.event.mode not in c.modes:
        return None
    gap = _gap(m, c)
    if gap > s.max_gap_days:
        return None
    dice = c.actors.dice(m.participants, s.weak_match_weight)
    if dice <= s.min_participant_dice:
        return None
    modes = ({m.event.mode} if m.event.mode else set()) | c.modes
    symmetric = m.event.type in rules.symmetric_types or any(
        f"{m.event.type}/{md}" in rules.symmetric_types for md in modes)
    if not symmetric:
        for mine_side, their_side in ((m.actors, c.actor_side), (m.recipients, c.recipient_side)):
            if any(p.keys for p in mine_side) and their_side.named() \
                    and their_side.dice(mine_side, s.weak_match_weight) <= s.min_participant_dice:
                return None  # who does what to whom differs
    rescheduled = bool((m.statuses | c.statuses()) & rules.rescheduling_statuses)
    mine, theirs = _definite(m), c.definite_spans()
    tol = s.time_tolerance_days
    overlap = any(a.first - tol <= b.last and b.first - tol <= a.last for a in mine for b in theirs)
    if mine and theirs and not overlap and not rescheduled:
        return None  # both say when it happens, and the times cannot match: another event
    if m.new_instance and c.occurred_before(m.day):
        return None  # "a new meeting" after one that took place
    places = {fold(ci.claim.place.name) for ci in m.claims if ci.claim.place}
    value = dice
    value += 0.25 if m.event.mode and m.event.mode in c.modes else 0.0
    value += 0.15 if overlap else 0.0
    value += 0.1 if places & c.places() else 0.0
    value -= 0.001 * gap
    return value


BlockingIndex = dict[tuple[str, str], list[int]]


def index_mention(index: BlockingIndex, m: EventMention, ci: int) -> None:
    """File story event ``ci`` under the (type, actor key) blocking keys of mention ``m``."""
    for p in m.participants:
        for k in p.keys:
            bucket = index[(m.event.type, k)]
            if not bucket or bucket[-1] != ci:
                bucket.append(ci)


def link_document(doc_mentions: Sequence[EventMention], clusters: list[EventDraft], index: BlockingIndex,
                  rules: StoryRules) -> int:
    """Link the mentions of one article to the story events ``clusters`` (or start new ones,
    appended); returns the number of comparisons made."""
    compared = 0
    pairs: list[tuple[float, int, int]] = []
    for i, m in enumerate(doc_mentions):
        candidates = {ci for p in m.participants for k in p.keys for ci in index.get((m.event.type, k), ())}
        for ci in candidates:
            compared += 1
            val = score(m, clusters[ci], rules)
            if val is not None:
                pairs.append((val, i, ci))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    taken_m: dict[int, int] = {}
    taken_c: set[int] = set()
    for _, i, ci in pairs:
        if i in taken_m or ci in taken_c:
            continue
        taken_m[i] = ci
        taken_c.add(ci)
    for i, m in enumerate(doc_mentions):
        if i in taken_m:
            ci = taken_m[i]
        else:
            ci = len(clusters)
            clusters.append(EventDraft(type=m.event.type))
        clusters[ci].add(m)
        index_mention(index, m, ci)
    return compared


def by_article(mentions: Sequence[EventMention]) -> list[list[EventMention]]:
    """The mentions grouped by article, articles in date order."""
    by_doc: dict[int, list[EventMention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.order].append(m)
    return [by_doc[order] for order in sorted(by_doc)]


def link_mentions(mentions: Sequence[EventMention], rules: StoryRules) -> list[EventDraft]:
    """Group mentions (in article date order) into story events."""
    clusters: list[EventDraft] = []
    index: BlockingIndex = defaultdict(list)
    compared = sum(link_document(doc_mentions, clusters, index, rules) for doc_mentions in by_article(mentions))
    log.debug("linked %d mentions into %d story events (%d comparisons)", len(mentions), len(clusters), compared)
    return clusters
