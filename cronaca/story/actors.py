"""Who an event is about, across articles: entity → matching keys and a canonical name.

Articles name the same actor differently ("Sergej Lavrov", "Serghei Lavrov", "Lavrov";
"Mosca", "Russia"), so an actor is matched by keys: its knowledge-base id, a person's
surname, a state's country code, an organisation's name.  A weak key (the country of an
organisation or a state) lets an army match its state at reduced weight.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from cronaca.folding import fold
from cronaca.records import DocAnalysis, Entity


def surname(name: str) -> str:
    parts = fold(name).split(" ")
    return parts[-1] if parts else ""


@dataclass(frozen=True)
class Participant:
    keys: frozenset[str]  # strong keys: one shared key means the same actor
    weak: frozenset[str]  # country-level keys
    name: str  # display name (see display_name)
    type: str | None = None


@lru_cache(maxsize=65536)
def participant(entity: Entity) -> Participant:
    keys: set[str] = set()
    weak: set[str] = set()
    if generic(entity):
        # "i carabinieri", "un 40enne": every crime report has them; two arrests by "the
        # carabinieri" are one event only if someone else they name is the same
        return Participant(frozenset(), frozenset(), display_name(entity), entity.type)
    if entity.kb_id:
        keys.add(f"kb:{entity.kb_id}")
    country = (entity.code[:3] if entity.code and len(entity.code) >= 3 else None) or entity.country
    if entity.type == "PER":
        keys.add(f"per:{surname(entity.name)}")
    elif entity.type in ("GPE", "LOC"):
        keys.add(f"gpe:{country}" if country else f"name:{fold(entity.name)}")
        if country:
            weak.add(f"c:{country}")
    else:
        keys.add(f"name:{fold(entity.name)}")
        if country:
            weak.add(f"c:{country}")
    return Participant(frozenset(keys), frozenset(weak), display_name(entity), entity.type)


GENERIC_SECTORS = ("COP", "JUD")


def generic(entity: Entity) -> bool:
    """An actor named by a common noun, not a proper name: an institution of the article's
    country ("carabinieri", "procura") or an unnamed person ("un 40enne", "la donna")."""
    if entity.kb_id is not None or entity.type not in ("ORG", "MISC"):
        return False
    # police forces and courts act in every case of a local paper ("Squadra Mobile", "Procura di
    # Mantova"): they say who acted, not which case it is
    return not entity.name[:1].isupper() or (entity.code or "").endswith(GENERIC_SECTORS)


def display_name(entity: Entity) -> str:
    """People by their canonical full name; states and organisations as the articles name
    them (the proper-noun mention written most often: "Israele" in an Italian report)."""
    if entity.type == "PER":
        return entity.name
    written = Counter(m.text for m in entity.mentions if m.text[:1].isupper())
    if not written:
        return entity.name
    return max(written.items(), key=lambda kv: (kv[1], len(kv[0])))[0]


def unresolved(ref: str) -> Participant:
    """An actor reference that names no entity of the article: matched by its text."""
    return Participant(frozenset({f"name:{fold(ref)}"}), frozenset(), ref, None)


def event_participants(analysis: DocAnalysis, refs: Iterable[str]) -> tuple[Participant, ...]:
    out: list[Participant] = []
    seen: set[frozenset[str]] = set()
    for ref in refs:
        ent = analysis.entity(ref)
        p = participant(ent) if ent is not None else unresolved(ref)
        if p.keys not in seen:
            seen.add(p.keys)
            out.append(p)
    return tuple(out)


class ActorGroups:
    """The union of the participants of several mentions, merged by shared strong keys."""

    def __init__(self) -> None:
        self.keys: list[set[str]] = []
        self.weak: list[set[str]] = []
        self.names: list[Counter[str]] = []
        self.types: list[str | None] = []

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, p: Participant) -> None:
        for i, ks in enumerate(self.keys):
            if ks & p.keys:
                ks |= p.keys
                self.weak[i] |= p.weak
                self.names[i][p.name] += 1
                return
        self.keys.append(set(p.keys))
        self.weak.append(set(p.weak))
        self.names.append(Counter({p.name: 1}))
        self.types.append(p.type)

    def match_weight(self, p: Participant, weak_weight: float) -> float:
        if any(ks & p.keys for ks in self.keys):
            return 1.0
        if p.weak and any(ws & p.weak for ws in self.weak):
            return weak_weight
        return 0.0

    def named(self) -> int:
        """How many of the actors carry keys: a generic one ("i carabinieri") tells no event apart."""
        return sum(1 for ks in self.keys if ks)

    def dice(self, ps: tuple[Participant, ...], weak_weight: float) -> float:
        """Overlap of ``ps`` with these actors, generic actors on either side left out."""
        keyed = [p for p in ps if p.keys]
        groups = self.named()
        if not keyed or not groups:
            return 0.0
        matched = sum(self.match_weight(p, weak_weight) for p in keyed)
        return 2.0 * matched / (len(keyed) + groups)

    def canonical_names(self) -> tuple[str, ...]:
        """One name per actor: the most frequent, the longest on a tie."""
        return tuple(max(c.items(), key=lambda kv: (kv[1], len(kv[0])))[0] for c in self.names)

    def short_names(self) -> tuple[str, ...]:
        """Surnames for people, full names otherwise: for labels such as "Trump–Putin"."""
        return tuple(n.split(" ")[-1] if t == "PER" else n
                     for n, t in zip(self.canonical_names(), self.types, strict=True))

    def all_keys(self) -> set[str]:
        return set().union(*self.keys) if self.keys else set()
