"""Status history of a story event: every claim, ordered by article date."""

from __future__ import annotations

from collections.abc import Iterable

from cronaca.records import StatusEntry
from cronaca.story.mentions import ClaimRef, EventMention


def claim_order(c: ClaimRef, order: int) -> tuple[int, int, int, int]:
    return (0 if c.day is not None else 1, c.day or 0, order, c.claim.evidence[0])


def status_history(mentions: Iterable[EventMention]) -> tuple[StatusEntry, ...]:
    rows = [(claim_order(c, m.order), c) for m in mentions for c in m.claims]
    rows.sort(key=lambda r: r[0])
    return tuple(StatusEntry(doc_id=c.doc_id, date=c.date, status=c.claim.status,
                             attribution=c.claim.attribution, evidence=c.claim.evidence,
                             event_id=c.event_id)
                 for _, c in rows)
