"""Contradictions inside one story event: the same slot, incompatible values, different sources.

- place: two places that cannot both be right (different countries, or two different
  cities) for statuses that state where the event is held;
- time: two time spans that cannot overlap, for status pairs whose times are comparable
  ("by February 2026" and "14 November" overlap, so they agree);
- status: two statuses that conflict (rules table) asserted by different sources at the
  same time (same article, or articles of the same date).  A status change between
  articles of different dates is history, not a contradiction;
- participants: two voices give the same dated event different counterparts of a shared
  actor (A met B on the 3rd; A met C on the 3rd), each naming only its own counterpart.

Place and time are news moving on, not a conflict, when a postponement is reported between
the two claims, or when a plan is followed by an occurrence at another time (the event was
evidently rescheduled).  Role conflicts are per person, across a story: see story.roles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cronaca.folding import fold
from cronaca.records import Contradiction, ContradictionValue, EventRef, Side
from cronaca.story.actors import Participant
from cronaca.story.history import claim_order
from cronaca.story.mentions import ClaimRef, EventMention
from cronaca.story.rules import StoryRules

TOWN_FEATURES = frozenset({"city", "capital", "town", "village", "locality", "district"})


def _claims(mentions: Sequence[EventMention]) -> list[ClaimRef]:
    rows = [(claim_order(c, m.order), c) for m in mentions for c in m.claims]
    rows.sort(key=lambda r: r[0])
    return [c for _, c in rows]


def places_compatible(a: ClaimRef, b: ClaimRef) -> bool:
    pa, pb = a.claim.place, b.claim.place
    if pa is None or pb is None:
        return True
    if a.place_geonames is not None and a.place_geonames == b.place_geonames:
        return True
    if fold(pa.name) == fold(pb.name) or fold(a.place_name or "") == fold(b.place_name or ""):
        return True
    if pa.country and pb.country and pa.country.upper() != pb.country.upper():
        return False
    # Same or unknown country, different names: a conflict only when both are known to be
    # towns (a country, region or sea may contain the other place).
    return not (a.place_feature in TOWN_FEATURES and b.place_feature in TOWN_FEATURES)


PLACE_REACH = 40  # characters around a claim's evidence where its place may be named


def place_in_claim(c: ClaimRef) -> bool:
    """The claim names its place in or next to its own evidence: a place the events stage
    took from elsewhere in the article says nothing about where this claim puts the event."""
    p = c.claim.place
    if p is None or p.start is None or p.end is None:
        return True
    start, end = c.claim.evidence
    return start - PLACE_REACH <= p.start and p.end <= end + PLACE_REACH


def times_compatible(a: ClaimRef, b: ClaimRef, tolerance_days: int = 0) -> bool:
    if a.span is None or b.span is None:
        return True
    return a.span.first - tolerance_days <= b.span.last and b.span.first - tolerance_days <= a.span.last


def _different_voices(a: ClaimRef, b: ClaimRef) -> bool:
    return a.doc_id != b.doc_id or a.source_key != b.source_key


def _same_time(a: ClaimRef, b: ClaimRef) -> bool:
    return a.doc_id == b.doc_id or (a.day is not None and a.day == b.day)


def _value(c: ClaimRef, slot: str) -> str:
    if slot == "place":
        return c.place_text or (c.claim.place.name if c.claim.place else "")
    if slot == "time":
        return c.claim.time.value if c.claim.time else ""
    return c.claim.status


def _conflicts(claims: list[ClaimRef], slot: str,
               conflict: Callable[[ClaimRef, ClaimRef], bool]) -> list[tuple[ClaimRef, ClaimRef]]:
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if _different_voices(a, b) and conflict(a, b):
                out.append((a, b))
    return out


def side(c: ClaimRef, slot: str, value: str | None = None) -> Side:
    """The claim as one side of a contradiction on ``slot`` (its value as written, unworded)."""
    written = canonical = None
    if value is None:
        value = _value(c, slot)
        if slot == "place" and c.claim.place is not None:
            canonical = c.place_name or c.claim.place.name
        elif slot == "time" and c.claim.time is not None:
            written = c.time_text
    return Side(c.doc_id, c.date, c.sources, value, c.lang, c.claim.status, written, canonical)


def _contradiction(event_id: str, slot: str, pairs: list[tuple[ClaimRef, ClaimRef]],
                   event: EventRef) -> Contradiction:
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    values: list[ContradictionValue] = []
    for a, b in pairs:
        for c in (a, b):
            key = (c.doc_id, fold(_value(c, slot)), c.source_key)
            if key in seen:
                continue
            seen.add(key)
            values.append(ContradictionValue(c.doc_id, _value(c, slot), c.claim.attribution, c.claim.evidence))
    # Explain with the clearest pair: both sides name their source, earliest first.
    a, b = min(pairs, key=lambda ab: (not (ab[0].source_names and ab[1].source_names),
                                      ab[0].day or 0, ab[1].day or 0))
    return Contradiction(event=event_id, slot=slot, values=tuple(values),
                         sides=(side(a, slot), side(b, slot)), about=event)


def _reset_between(claims: list[ClaimRef], resets: frozenset[str]) -> Callable[[ClaimRef, ClaimRef], bool]:
    """A postponement reported after the earlier claim (in its own article or a later one)
    and no later than the later claim: what follows it may have a new place and time."""
    rows = [(c.day, c.doc_id, c.claim.evidence[0]) for c in claims
            if c.claim.status in resets and c.day is not None]

    def between(a: ClaimRef, b: ClaimRef) -> bool:
        if a.day is None or b.day is None or a.day == b.day:
            return False
        early, late = (a, b) if a.day < b.day else (b, a)
        assert early.day is not None and late.day is not None
        return any(early.day < d <= late.day or (d == early.day and doc == early.doc_id)
                   for d, doc, _ in rows)
    return between


def _rescheduled(rules: StoryRules) -> Callable[[ClaimRef, ClaimRef], bool]:
    """A plan, then a later article saying the event took place at a time the plan did not
    allow: the plan changed, so its place (and time) are history, not a conflict."""
    tol = rules.linking.time_tolerance_days

    def changed(a: ClaimRef, b: ClaimRef) -> bool:
        if a.day is None or b.day is None or a.day == b.day:
            return False
        early, late = (a, b) if a.day < b.day else (b, a)
        if early.claim.status not in rules.plan_statuses or late.claim.status != "occurred":
            return False
        if early.span is None or late.span is None:
            return False
        return not times_compatible(early, late, tol)
    return changed


def _counterparts(m: EventMention, shared: set[str]) -> list[Participant]:
    return [p for p in m.participants if not (p.keys & shared)]


def _same_dated_event(a: EventMention, b: EventMention, tol: int) -> bool:
    """Both mentions date the event to a single day (occurred or planned), the same day."""
    def days(m: EventMention) -> list[tuple[int, int]]:
        return [(c.span.first, c.span.last) for c in m.claims
                if c.span is not None and c.claim.status in ("occurred", "planned") and c.span.first == c.span.last]
    return any(abs(x[0] - y[0]) <= tol for x in days(a) for y in days(b))


def participant_conflicts(mentions: Sequence[EventMention], rules: StoryRules
                          ) -> list[tuple[EventMention, EventMention, Participant, Participant]]:
    """Pairs of mentions of one story event, by different voices, that give the same dated
    event a different single counterpart of the same kind for the actors they share."""
    out = []
    tol = rules.linking.time_tolerance_days
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            if a.doc_id == b.doc_id or not _same_dated_event(a, b, tol):
                continue
            keys_a = set().union(*(p.keys for p in a.participants)) if a.participants else set()
            keys_b = set().union(*(p.keys for p in b.participants)) if b.participants else set()
            shared = keys_a & keys_b
            if not shared:
                continue
            ca, cb = _counterparts(a, shared), _counterparts(b, shared)
            if len(ca) != 1 or len(cb) != 1:
                continue  # only one named counterpart on each side: "A met B" vs "A met C"
            pa, pb = ca[0], cb[0]
            if pa.type is None or pa.type != pb.type or (pa.weak & pb.weak and pa.type != "PER"):
                continue
            out.append((a, b, pa, pb))
    return out


def _participants_contradiction(event_id: str, found: list[tuple[EventMention, EventMention, Participant, Participant]],
                                event: EventRef) -> Contradiction:
    values: list[ContradictionValue] = []
    seen: set[tuple[str, str]] = set()
    sides: list[Side] = []
    for a, b, pa, pb in found:
        for m, p in ((a, pa), (b, pb)):
            c = next((x for x in m.claims if x.claim.status in ("occurred", "planned")), m.claims[0])
            if (m.doc_id, p.name) in seen:
                continue
            seen.add((m.doc_id, p.name))
            values.append(ContradictionValue(m.doc_id, p.name, c.claim.attribution, c.claim.evidence))
            if len(sides) < 2:
                sides.append(side(c, "participants", p.name))
    return Contradiction(event=event_id, slot="participants", values=tuple(values),
                         sides=(sides[0], sides[1]), about=event)


def find_contradictions(event_id: str, mentions: Sequence[EventMention], rules: StoryRules,
                        event: EventRef, shared_event: EventRef | None = None) -> tuple[Contradiction, ...]:
    """``event`` names the story event; ``shared_event`` names it by the actors the mentions
    share, for the participants slot ("Tajani's meeting")."""
    claims = _claims(mentions)
    out: list[Contradiction] = []
    postponed = _reset_between(claims, rules.reset_statuses)
    slipped = _rescheduled(rules)

    def reset(a: ClaimRef, b: ClaimRef) -> bool:
        return postponed(a, b) or slipped(a, b)

    placed = [c for c in claims if c.claim.place is not None and c.claim.status in rules.place_statuses
              and place_in_claim(c)]
    pairs = _conflicts(placed, "place", lambda a, b: not places_compatible(a, b) and not reset(a, b))
    if pairs:
        out.append(_contradiction(event_id, "place", pairs, event))

    timed = [c for c in claims if c.span is not None]
    pairs = _conflicts(timed, "time", lambda a, b: rules.times_comparable(a.claim.status, b.claim.status)
                       and not times_compatible(a, b, rules.linking.time_tolerance_days) and not reset(a, b))
    if pairs:
        out.append(_contradiction(event_id, "time", pairs, event))

    pairs = _conflicts(claims, "status", lambda a, b: _same_time(a, b)
                       and rules.statuses_conflict(a.claim.status, b.claim.status))
    if pairs:
        out.append(_contradiction(event_id, "status", pairs, event))

    found = participant_conflicts(mentions, rules)
    if found:
        out.append(_participants_contradiction(event_id, found, shared_event or event))
    return tuple(out)
