"""``cronaca serve``: the HTTP API and the analyst's page over a store."""

from __future__ import annotations

from pathlib import Path

import click

from cronaca.cli import main, setting_option


@main.command()
@click.option("--store", "store_path", required=True, type=click.Path(dir_okay=False),
              help="The DuckDB store to serve (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@setting_option("token", "token_file", type=click.Path(exists=True, dir_okay=False))
@setting_option("max_bytes")
@setting_option("model")
@setting_option("explain_language")
def serve(store_path: str, host: str, port: int, token_file: str | None, max_bytes: int, model: str,
          explain_language: str) -> None:
    """Serve the API (OpenAPI at /openapi.json) and the page at / over STORE."""
    import uvicorn

    from cronaca.api import create_app
    from cronaca.app import Cronaca
    from cronaca.errors import CronacaError
    from cronaca.settings import Settings

    token = Path(token_file).read_text(encoding="utf-8").strip() if token_file else None
    if token_file and not token:
        raise click.ClickException(f"the token file {token_file} is empty.")
    settings = Settings(max_bytes=max_bytes, token=token, model=model, explain_language=explain_language)
    try:
        app = Cronaca.open(store_path, settings)
    except CronacaError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        uvicorn.run(create_app(app), host=host, port=port, log_level="info")
    finally:
        app.close()
