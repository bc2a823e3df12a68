"""``cronaca serve``: the HTTP API and the analyst's page over a store."""

from __future__ import annotations

from pathlib import Path

import click

from cronaca.cli import main


@main.command()
@click.option("--store", "store_path", required=True, type=click.Path(dir_okay=False),
              help="The DuckDB store to serve (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A file holding the bearer token that write endpoints require.")
@click.option("--max-bytes", default=5_000_000, show_default=True, help="Largest article accepted by POST /articles.")
@click.option("--model", default="auto", show_default=True, help="spaCy pipeline for new articles.")
@click.option("--lang", "explain_lang", type=click.Choice(["en", "it"]), default="en", show_default=True,
              help="Default language of story titles and explanations when a request names none.")
def serve(store_path: str, host: str, port: int, token_file: str | None, max_bytes: int, model: str,
          explain_lang: str) -> None:
    """Serve the API (OpenAPI at /openapi.json) and the page at / over STORE."""
    import uvicorn

    from cronaca.api import ApiSettings, create_app
    from cronaca.store import Store

    token = Path(token_file).read_text(encoding="utf-8").strip() if token_file else None
    if token_file and not token:
        raise click.ClickException(f"the token file {token_file} is empty.")
    store = Store(store_path)
    try:
        app = create_app(store, ApiSettings(max_bytes=max_bytes, token=token, model=model,
                                            explain_language=explain_lang))
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()
