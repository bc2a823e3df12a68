"""Fixtures for the API tests: the seed articles analysed once per session into a store,
and fresh writable stores for the POST tests.

The seeds are read where the project keeps them, ``../shared/corpus/seeds`` next to the
repository (never copied into it); the tests that need them are skipped when that
folder is absent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from cronaca.api import create_app
from cronaca.cli import main
from cronaca.settings import Settings
from cronaca.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT.parent / "shared" / "corpus" / "seeds"


def seed_files() -> list[str]:
    return sorted(str(p) for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def analyse_seeds(store_path: Path) -> None:
    """``cronaca analyze <seeds> --store STORE``, as the README tells a user to run it."""
    files = seed_files()
    if not files:
        pytest.skip(f"the seed articles are not at {SEEDS}")
    result = CliRunner().invoke(main, ["analyze", *files, "--store", str(store_path), "--quiet",
                                       "--format", "jsonl"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    analyse_seeds(path)
    return path


@pytest.fixture(scope="session")
def seed_client(seed_store_path: Path) -> Iterator[TestClient]:
    store = Store(seed_store_path, read_only=True)
    try:
        with TestClient(create_app(store, Settings())) as client:
            yield client
    finally:
        store.close()


@pytest.fixture()
def make_client(tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """A client over a new empty store; keyword arguments are Settings (model 'blank' by default)."""
    stores: list[Store] = []
    clients: list[TestClient] = []

    def _make(**settings: object) -> TestClient:
        store = Store(tmp_path / f"w{len(stores)}.duckdb")
        stores.append(store)
        client = TestClient(create_app(store, Settings(**{"model": "blank", **settings})))  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield _make
    for client in clients:
        client.close()
    for store in stores:
        store.close()
