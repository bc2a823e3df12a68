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


_story_spec = importlib.util.spec_from_file_location("story_builders",
                                                     Path(__file__).parent.parent / "story" / "conftest.py")
assert _story_spec is not None and _story_spec.loader is not None
story_builders = importlib.util.module_from_spec(_story_spec)
_story_spec.loader.exec_module(story_builders)


@pytest.fixture()
def sb():
    """The story tests' builders of hand-made analyses (the wording and timeline tests use them)."""
    b = story_builders
    return b.SimpleNamespace(span=b.span, ent=b.ent, claim=b.claim, event=b.event, places_for=b.places_for,
                             doc=b.doc)
