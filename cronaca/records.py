"""Typed records passed between the pipeline stages.

Every fact carries character offsets (Python string indices) into the article text as
read, so that each output points back to its evidence.  The records are frozen: a stage
builds new ones, it never edits those of an earlier stage.  ``to_dict`` gives the shape
of the analysis format (spec/OUTPUT.md); extra fields are allowed, renames are not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from cronaca.errors import stage_failed

EntityType = Literal["PER", "ORG", "GPE", "LOC", "MISC"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Status = Literal[
    "occurred", "ongoing", "planned", "proposed", "possible",
    "postponed", "suspended", "cancelled", "denied", "negated",
]
STATUSES: tuple[str, ...] = (
    "occurred", "ongoing", "planned", "proposed", "possible",
    "postponed", "suspended", "cancelled", "denied", "negated",
)


# Article.date_source values whose year cronaca inferred rather than read
INFERRED_DATE_SOURCES: tuple[str, ...] = ("batch", "analysis-day")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Dateline:
    place: str | None
    date: str | None  # ISO YYYY-MM-DD
    start: int = 0  # offsets of the dateline itself
    end: int = 0
    month_day: str | None = None  # "--10-21" (ISO 8601) when the dateline gives a day but no year


@dataclass(frozen=True)
class Article:
    """One article as read by ingest: text plus metadata, before any analysis."""

    doc_id: str
    text: str
    content_hash: str
    source: str | None = None  # file path (and line) it came from
    title: str | None = None
    date: str | None = None  # publication date, ISO, from metadata or dateline
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    dateline: Dateline | None = None
    # where ``date`` comes from: metadata | dateline | option (--date) | year-option (--year) |
    # batch (year nearest the batch's or store's dated articles) | analysis-day (latest such day
    # not after the day of analysis); the last two are inferred years
    date_source: str | None = None
    # the towns the article's batch and store are filed from, most frequent first: a name several
    # towns share ("Castelfranco") and nothing in the article settles is read as the one nearest
    # them (cronaca.extract.area.settle_area)
    area: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A role phrase attached to a person in the text, checked against the knowledge base."""

    title: str
    start: int
    end: int
    valid: bool | None = None  # None: the knowledge base cannot tell
    role_key: str | None = None  # normalized role id from the KB (e.g. "government_spokesperson")


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Span, ...]
    code: str | None = None
    roles: tuple[Role, ...] = ()
    kb_id: str | None = None  # id in the actor knowledge base, when known
    country: str | None = None  # ISO alpha-3 when known


@dataclass(frozen=True)
class Time:
    start: int
    end: int
    text: str
    type: TimeType
    value: str
    mod: str | None = None
    # a range ("dal 3 al 5 marzo", "fino al 30 giugno"): the TIMEX3 values of its first and last
    # point, on each expression that bounds it; None for an open end or when it is no range
    range_begin: str | None = None
    range_end: str | None = None


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    name: str  # canonical (English/GeoNames) name
    country: str | None  # ISO-3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None  # city | country | region | ...
    mentions: tuple[Span, ...] = ()  # every mention of this text of the place (the first is start/end)


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None  # entity id
    speaker_text: str | None
    cue: str | None
    kind: Literal["statement", "scare"] = "statement"


@dataclass(frozen=True)
class Source:
    """One link of an attribution chain: an entity, or the phrase when it names none."""

    entity: str | None
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ClaimTime:
    value: str
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ClaimPlace:
    name: str
    country: str | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Claim:
    status: Status
    evidence: tuple[int, int]  # (start, end) offsets
    time: ClaimTime | None = None
    place: ClaimPlace | None = None
    attribution: tuple[Source, ...] = ()  # innermost first, outermost last
    hearsay: bool = False  # conditional mood of hearsay ("sarebbe stata")
    cue: str | None = None  # the words that set the status


@dataclass(frozen=True)
class Event:
    id: str
    type: str  # PLOVER type
    trigger: Span
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    cameo: str | None = None


@dataclass(frozen=True)
class Warning:
    kind: str
    entity: str
    detail: str


@dataclass(frozen=True)
class DocAnalysis:
    """Everything the pipeline found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[Warning, ...] = ()
    stages: tuple[str, ...] = ()  # the stages that ran
    errors: tuple[str, ...] = ()  # stages that failed, with their message

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    @property
    def nlp_failed(self) -> bool:
        """The nlp stage failed on the article: only ingest ran, and an error says why."""
        return "nlp" not in self.stages and any(e.startswith(stage_failed("nlp")) for e in self.errors)

    def entity(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None


@dataclass(frozen=True)
class StatusEntry:
    doc_id: str
    date: str | None
    status: str
    attribution: tuple[Source, ...]
    evidence: tuple[int, int]
    event_id: str


@dataclass(frozen=True)
class StoryEvent:
    id: str
    type: str
    participants: tuple[str, ...]  # canonical names
    mentions: tuple[tuple[str, str], ...]  # (doc_id, event_id)
    status_history: tuple[StatusEntry, ...] = ()
    mode: str | None = None
    names: tuple[str, ...] = ()  # who it is about, as labels name them ("Trump", "Putin"): no venue


@dataclass(frozen=True)
class ContradictionValue:
    doc_id: str
    value: str
    attribution: tuple[Source, ...]
    evidence: tuple[int, int]


@dataclass(frozen=True)
class SourceRef:
    """One link of a claim's source chain, with what an explanation needs to name it."""

    name: str  # the entity's canonical name, or the phrase when it names no entity
    written: str  # as written in the article, without a leading article
    article: str | None  # the definite article the text gives it ("la" in "dalla CNN")
    head: str | None  # the source noun opening the phrase ("fonti" in "fonti della Casa Bianca")
    type: str | None  # entity type
    lang: str  # language of the article


@dataclass(frozen=True)
class Side:
    """One side of a contradiction, as its explanation shows it: who says what, in which report.
    Nothing here is worded: the output edge words it in the reader's language."""

    doc_id: str
    date: str | None  # article date, ISO
    sources: tuple[SourceRef, ...]
    value: str  # the place or time as written, the counterpart's name, the role title, or the status
    lang: str = "it"  # language of the article
    status: str | None = None  # the claim's status
    written: str | None = None  # a time as written ("giovedì sera")
    canonical: str | None = None  # a place's canonical name, a role's key


@dataclass(frozen=True)
class EventRef:
    """How an explanation names a story event: its type, mode and who it is about."""

    type: str
    mode: str | None
    names: tuple[str, ...]


@dataclass(frozen=True)
class Contradiction:
    """Sources disagreeing on one slot of a story event: the values (with evidence) and the two
    clearest sides, the event they are about (None for a role) and the person (a role)."""

    event: str  # story event id
    slot: str  # place | time | status | participants | role
    values: tuple[ContradictionValue, ...]
    sides: tuple[Side, Side]
    about: EventRef | None = None
    person: str | None = None


@dataclass(frozen=True)
class Story:
    id: str
    documents: tuple[str, ...]
    events: tuple[StoryEvent, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    # (doc_id, entity id, name) of every entity its attributions cite, to name sources
    entity_names: tuple[tuple[str, str, str], ...] = ()
    first_date: str | None = None  # the dates its articles cover
    last_date: str | None = None


@dataclass(frozen=True)
class StoryAnalysis:
    """All stories found across the input articles."""

    stories: tuple[Story, ...] = field(default_factory=tuple)


def to_plain(obj: Any) -> Any:
    """Dataclasses, tuples and lists to plain JSON-ready values."""
    fields = getattr(obj, "__dataclass_fields__", None)
    if fields is not None:  # field by field: dataclasses.asdict deep-copies first, several times slower
        return {k: to_plain(getattr(obj, k)) for k in fields}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj
