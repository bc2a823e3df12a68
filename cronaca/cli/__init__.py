"""The ``cronaca`` command: a thin layer over the library functions.

One module per command; each registers itself on :data:`main` here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import click

from cronaca import __version__

F = TypeVar("F", bound=Callable[..., Any])


def setting_option(name: str, dest: str | None = None, **overrides: Any) -> Callable[[F], F]:
    """The option of one setting of :class:`cronaca.settings.Settings`, as declared there."""
    from cronaca.settings import setting

    s = setting(name)
    kwargs: dict[str, Any] = {"default": s["default"], "show_default": s["default"] is not None, "help": s["help"]}
    if "choices" in s:
        kwargs["type"] = click.Choice(list(s["choices"]))
    kwargs.update(overrides)
    return click.option(s["option"], dest or name, **kwargs)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cronaca")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """Keep a developing news story straight: who did, said or planned what, when,
    where, according to whom, and where the reports disagree."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="cronaca: %(levelname)s: %(message)s")
    # the HTML extractor's own notes ("discarding data: None") would be a second, unclear line
    # about an input cronaca already names with its reason; -v shows them
    for name in HTML_LIBRARIES:
        logging.getLogger(name).setLevel(level if verbose else logging.CRITICAL)


HTML_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext")


from cronaca.cli import analyze, demo, export, restory, serve, spark, timeline, train  # noqa: F401  (commands register on import)
