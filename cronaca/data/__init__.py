"""Language data files: cue lists, lexicons, tables (``cronaca/data/<lang>/*.yaml|tsv``).

Linguists edit these files, not the Python code.  Loading is cached per file.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from cronaca.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser is ~10x faster when present


def data_path(lang: str, name: str) -> Path:
    path = DATA_DIR / lang / name
    if not path.exists():
        raise DataFileError(f"language data file '{lang}/{name}' is missing from {DATA_DIR}.")
    return path


@cache
def load_yaml(lang: str, name: str) -> Any:
    """Parsed YAML file ``data/<lang>/<name>`` (cached; treat the result as read-only)."""
    path = data_path(lang, name)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise DataFileError(f"language data file '{lang}/{name}' is not valid YAML: {exc}") from exc


@cache
def load_tsv(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file with a header line; lines starting with '#' are comments."""
    path = data_path(lang, name)
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t"))


def load_word_lists(lang: str, name: str, keys: Sequence[str]) -> dict[str, list[str]]:
    """A YAML file that maps exactly ``keys`` to non-empty lists of words, checked.

    Raises :class:`DataFileError` naming the file and the offending key.
    """
    where = f"{lang}/{name}"
    data = load_yaml(lang, name)
    if not isinstance(data, dict):
        raise DataFileError(f"{where}: expected a mapping of word lists, got {type(data).__name__}.")
    missing, unknown = set(keys) - set(data), set(data) - set(keys)
    if missing or unknown:
        raise DataFileError(f"{where}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}; "
                            f"valid keys: {list(keys)}.")
    for key in keys:
        words = data[key]
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise DataFileError(f"{where}: '{key}' must be a non-empty list of words, got {words!r}.")
    return {key: data[key] for key in keys}
