"""A bounded schemathesis run against /openapi.json: whatever the spec allows a client to
send, the server answers without a 5xx, and every 4xx has the one error body shape."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from cronaca.api import ApiSettings, create_app
from cronaca.store import Store

MAX_EXAMPLES = 20


@pytest.fixture(scope="module")
def api_schema(seed_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    copy = tmp_path_factory.mktemp("schema") / "store.duckdb"
    shutil.copy(seed_store_path, copy)  # POST /articles writes: keep the session's seed store as it is
    store = Store(copy)
    try:
        app = create_app(store, ApiSettings(model="blank", max_bytes=20_000))
        yield schemathesis.openapi.from_asgi("/openapi.json", app)
    finally:
        store.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
def test_api_schema_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:500]}"
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["status"] == response.status_code, response.text
