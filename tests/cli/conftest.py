"""Fixtures for the CLI tests: a runner that calls ``cronaca`` in-process, and a writer
of input files under the test's tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cronaca.cli import main

Invoke = Callable[..., Result]


@pytest.fixture()
def cronaca() -> Invoke:
    """``cronaca ARGS...`` in-process; ``input`` is standard input."""

    def _invoke(args: Sequence[str], input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(main, list(args), input=input)

    return _invoke


@pytest.fixture()
def write(tmp_path: Path) -> Callable[[str, str | bytes], str]:
    """Write ``content`` to ``tmp_path/name`` and return the path as a string."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return _write
