"""The actor knowledge base: people, institutions, outlets and countries with their aliases,
actor codes and dated roles (``cronaca/data/kb/*.yaml``).

``load_kb()`` returns the shipped :class:`ActorKB` (cached); tests and other languages can
build their own from records.  The KB answers three questions: who does this alias name
(:meth:`ActorKB.lookup`), which roles did this actor hold on a date (:meth:`ActorKB.roles_at`),
and when did they hold a given role (:meth:`ActorKB.spells`).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.folding import fold

KB_FILES: tuple[str, ...] = ("people.yaml", "people_g20.yaml", "institutions.yaml", "outlets.yaml", "markets.yaml")


def norm_alias(text: str) -> str:
    """Alias key: the one :func:`cronaca.folding.fold`."""
    return fold(text)


def parse_kb_date(value: Any, *, end: bool = False) -> date | None:
    """A KB date: a date, 'YYYY-MM-DD', 'YYYY-MM' or YYYY; partial dates widen to the whole
    month or year (first day for a start, last day for an end)."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return date.fromisoformat(text)
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        if len(parts) == 1:
            return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as exc:
        raise DataFileError(f"knowledge base date '{text}' is not YYYY-MM-DD, YYYY-MM or YYYY: {exc}") from exc
    raise DataFileError(f"knowledge base date '{text}' is not YYYY-MM-DD, YYYY-MM or YYYY.")


def describe_kb_date(value: Any) -> str:
    """'December 2021' for 2021-12 or 2021-12-08; '2008' for 2008."""
    if value is None:
        return "today"
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    return f"{calendar.month_name[int(parts[1])]} {parts[0]}"


@dataclass(frozen=True)
class KBRole:
    key: str
    start: date
    end: date | None  # None: still held
    country: str | None = None
    org: str | None = None
    source: str = ""
    start_text: str = ""  # as written in the data file, for explanations
    end_text: str | None = None
    note: str = ""  # precision or doubt about the dates, as written in the data file

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class KBActor:
    id: str
    name: str
    type: str
    country: str | None
    code: str | None
    aliases: tuple[str, ...]
    roles: tuple[KBRole, ...] = ()
    source: str = ""


class ActorKB:
    """Actors indexed by id and by normalized alias."""

    def __init__(self, actors: Iterable[KBActor]) -> None:
        self._by_id: dict[str, KBActor] = {}
        self._by_alias: dict[str, KBActor] = {}
        for actor in actors:
            self._by_id[actor.id] = actor
            for alias in (actor.name, *actor.aliases):
                self._by_alias.setdefault(norm_alias(alias), actor)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[KBActor]:
        return iter(self._by_id.values())

    def get(self, actor_id: str | None) -> KBActor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def lookup(self, alias: str) -> KBActor | None:
        """The actor an alias (any spelling, transliteration or accent variant) names."""
        return self._by_alias.get(norm_alias(alias))

    def roles_at(self, actor_id: str, on: date) -> tuple[KBRole, ...]:
        actor = self.get(actor_id)
        return tuple(r for r in actor.roles if r.covers(on)) if actor else ()

    def spells(self, actor_id: str, key: str) -> tuple[KBRole, ...]:
        """Every period in which the actor held the role ``key``."""
        actor = self.get(actor_id)
        return tuple(r for r in actor.roles if r.key == key) if actor else ()

    def count(self, type_: str) -> int:
        return sum(1 for a in self._by_id.values() if a.type == type_)


def actor_from_record(rec: dict[str, Any]) -> KBActor:
    roles = tuple(
        KBRole(key=r["key"], start=parse_kb_date(r["start"]) or date.min,
               end=parse_kb_date(r.get("end"), end=True), country=r.get("country"), org=r.get("org"),
               source=r.get("source", ""), start_text=str(r["start"]),
               end_text=None if r.get("end") is None else str(r["end"]), note=r.get("note", ""))
        for r in rec.get("roles") or ()
    )
    return KBActor(id=rec["id"], name=rec["name"], type=rec["type"], country=rec.get("country"),
                   code=rec.get("code"), aliases=tuple(rec.get("aliases") or ()), roles=roles,
                   source=rec.get("source", ""))


@lru_cache(maxsize=1)
def load_kb() -> ActorKB:
    """The knowledge base shipped in ``cronaca/data/kb`` (cached; read-only)."""
    actors: list[KBActor] = []
    for name in KB_FILES:
        data = load_yaml("kb", name)
        if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
            raise DataFileError(f"knowledge base file 'kb/{name}' must have a list under 'actors'.")
        actors.extend(actor_from_record(rec) for rec in data["actors"])
    return ActorKB(actors)
