"""A bounded schemathesis run against /openapi.json: whatever the spec lets a client send
(and, in the negative mode, what it does not), the server answers without a 5xx, and every
4xx has the one error body shape.

Schemathesis's Python API (operations → hypothesis strategies) is used directly: its pytest
plugin's lazy-fixture path does not work with the pytest this project pins.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

from cronaca.api import create_app
from cronaca.settings import Settings
from cronaca.store import Store

MAX_EXAMPLES = 20  # per operation and generation mode


@pytest.fixture(scope="module")
def api_schema(seed_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    copy = tmp_path_factory.mktemp("schema") / "store.duckdb"
    shutil.copy(seed_store_path, copy)  # POST /articles writes: keep the session's seed store as it is
    store = Store(copy)
    try:
        app = create_app(store, Settings(model="blank", max_bytes=20_000))
        yield schemathesis.openapi.from_asgi("/openapi.json", app)
    finally:
        store.close()


def _check(case) -> None:
    response = case.call()
    where = f"{case.method} {case.formatted_path} query={case.query} body={str(case.body)[:200]!r}"
    assert response.status_code < 500, f"{where} → {response.status_code}: {response.text[:500]}"
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["status"] == response.status_code, (where, response.text)


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_schema_no_server_errors(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.label for op in operations} >= {"POST /articles", "GET /stories", "GET /events"}
    tried = 0
    for op in operations:
        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case) -> None:
            _check(case)

        try:
            run()
            tried += 1
        except Unsatisfiable:
            # an operation whose every input is valid (GET /stories/{id}) has no negative case
            assert mode is GenerationMode.NEGATIVE, op.label
    assert tried >= 3
