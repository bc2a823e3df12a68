"""The hand-built analyses of tests/store/conftest.py, shared with the export tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("store_fixtures", Path(__file__).parent.parent / "store" / "conftest.py")
assert _spec is not None and _spec.loader is not None
store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_fixtures)


@pytest.fixture()
def analysis():
    return store_fixtures.make_analysis()


@pytest.fixture()
def stories():
    return store_fixtures.make_stories()
