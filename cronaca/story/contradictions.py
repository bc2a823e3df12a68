"""Contradictions inside one story event: the same slot, incompatible values, different sources.

- place: two places that cannot both be right (different countries, or two different
  cities) for statuses that state where the event is held;
- time: two time spans that cannot overlap, for status pairs whose times are comparable
  ("by February 2026" and "14 November" overlap, so they agree);
- status: two statuses that conflict (rules table) asserted by different sources at the
  same time (same article, or articles of the same date).  A status change between
  articles of different dates is history, not a contradiction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cronaca.records import Contradiction, ContradictionValue
from cronaca.story.actors import norm
from cronaca.story.explain import Wording, explain
from cronaca.story.history import claim_order
from cronaca.story.mentions import ClaimRef, Mention
from cronaca.story.rules import StoryRules

TOWN_FEATURES = frozenset({"city", "capital", "town", "village", "locality", "district"})


def _claims(mentions: Sequence[Mention]) -> list[ClaimRef]:
    rows = [(claim_order(c, m.order), c) for m in mentions for c in m.claims]
    rows.sort(key=lambda r: r[0])
    return [c for _, c in rows]


def places_compatible(a: ClaimRef, b: ClaimRef) -> bool:
    pa, pb = a.claim.place, b.claim.place
    if pa is None or pb is None:
        return True
    if a.place_geonames is not None and a.place_geonames == b.place_geonames:
        return True
    if norm(pa.name) == norm(pb.name) or norm(a.place_name or "") == norm(b.place_name or ""):
        return True
    if pa.country and pb.country and pa.country.upper() != pb.country.upper():
        return False
    # Same or unknown country, different names: a conflict only when both are known to be
    # towns (a country, region or sea may contain the other place).
    return not (a.place_feature in TOWN_FEATURES and b.place_feature in TOWN_FEATURES)


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


def _contradiction(event_id: str, slot: str, pairs: list[tuple[ClaimRef, ClaimRef]],
                   event_label: str, wording: Wording) -> Contradiction:
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    values: list[ContradictionValue] = []
    for a, b in pairs:
        for c in (a, b):
            key = (c.doc_id, norm(_value(c, slot)), c.source_key)
            if key in seen:
                continue
            seen.add(key)
            values.append(ContradictionValue(c.doc_id, _value(c, slot), c.claim.attribution, c.claim.evidence))
    # Explain with the clearest pair: both sides name their source, earliest first.
    a, b = min(pairs, key=lambda ab: (not (ab[0].source_names and ab[1].source_names),
                                      ab[0].day or 0, ab[1].day or 0))
    return Contradiction(event=event_id, slot=slot, values=tuple(values),
                         explanation=explain(slot, a, b, _value(a, slot), _value(b, slot), event_label, wording))


def _reset_between(claims: list[ClaimRef], resets: frozenset[str]) -> Callable[[ClaimRef, ClaimRef], bool]:
    days = [c.day for c in claims if c.claim.status in resets and c.day is not None]

    def between(a: ClaimRef, b: ClaimRef) -> bool:
        if a.day is None or b.day is None or a.day == b.day:
            return False
        lo, hi = min(a.day, b.day), max(a.day, b.day)
        return any(lo < d <= hi for d in days)
    return between


def find_contradictions(event_id: str, mentions: Sequence[Mention], rules: StoryRules,
                        event_label: str, wording: Wording) -> tuple[Contradiction, ...]:
    claims = _claims(mentions)
    out: list[Contradiction] = []
    reset = _reset_between(claims, rules.reset_statuses)

    placed = [c for c in claims if c.claim.place is not None and c.claim.status in rules.place_statuses]
    pairs = _conflicts(placed, "place", lambda a, b: not places_compatible(a, b) and not reset(a, b))
    if pairs:
        out.append(_contradiction(event_id, "place", pairs, event_label, wording))

    timed = [c for c in claims if c.span is not None]
    pairs = _conflicts(timed, "time", lambda a, b: rules.times_comparable(a.claim.status, b.claim.status)
                       and not times_compatible(a, b, rules.linking.time_tolerance_days) and not reset(a, b))
    if pairs:
        out.append(_contradiction(event_id, "time", pairs, event_label, wording))

    pairs = _conflicts(claims, "status", lambda a, b: _same_time(a, b)
                       and rules.statuses_conflict(a.claim.status, b.claim.status))
    if pairs:
        out.append(_contradiction(event_id, "status", pairs, event_label, wording))
    return tuple(out)
