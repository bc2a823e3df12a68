"""Settings declared once.

Each field of :class:`Settings` carries its default, its command-line option and its help;
``cronaca analyze``, ``timeline``, ``restory`` and ``serve`` derive their options from these
(:func:`cronaca.cli.setting_option`) and the application and HTTP API read the same record.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from cronaca.export.wording import LANGUAGES
from cronaca.ingest import DEFAULT_MAX_BYTES

__all__ = ["Settings", "setting"]


@dataclass(frozen=True)
class Settings:
    max_bytes: int = field(default=DEFAULT_MAX_BYTES, metadata={
        "option": "--max-bytes", "help": "Largest article accepted, in bytes (files, standard input, POST /articles)."})
    model: str = field(default="auto", metadata={
        "option": "--model", "help": "spaCy pipeline: auto (the one cronaca ships), blank, or an installed name/path."})
    explain_language: str = field(default="en", metadata={
        "option": "--lang", "choices": LANGUAGES,
        "help": "Language of story titles, labels and contradiction explanations (the API's default)."})
    token: str | None = field(default=None, metadata={
        "option": "--token-file", "help": "A file holding the bearer token that write endpoints require."})


def setting(name: str) -> dict[str, Any]:
    """Name, default, option, help (and choices) of one setting."""
    for f in fields(Settings):
        if f.name == name:
            return {"name": f.name, "default": f.default, **f.metadata}
    raise KeyError(name)
