"""The HTTP API and the analyst's page, built by :func:`create_app` (no globals).

Every error has one body shape: ``{"error": {"status": int, "message": str}}``.
Lists take ``limit`` and ``offset`` and answer ``{"items", "total", "limit", "offset", "next_offset"}``.
Story titles and explanations are worded in the reader's language: ``?lang=``, else the
``Accept-Language`` header, else the server's ``--lang``; the answer says which in ``Content-Language``.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from fastapi import FastAPI, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Message, Receive

from cronaca import __version__
from cronaca.api.service import (
    LanguageError,
    actor_detail,
    actor_rows,
    article_detail,
    article_summary,
    event_rows,
    filter_events,
    resolve_language,
    story_detail,
    story_summary,
)
from cronaca.app import Cronaca
from cronaca.errors import (
    InputError,
    TooBigError,
    bad_date_filter,
    dates_out_of_order,
    request_too_large,
    server_failure,
)
from cronaca.export.wording import LANGUAGES
from cronaca.settings import Settings
from cronaca.store import Store

if TYPE_CHECKING:
    from cronaca.records import Article

T = TypeVar("T")
STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
ARTICLE_FIELDS = ("id", "title", "date", "url", "source", "language")

__all__ = ["create_app"]

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        self.status = status
        self.message = message
        super().__init__(message)


def error_body(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def page(items: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    return page_of(items, limit, offset, lambda x: x)


def page_of(items: Sequence[T], limit: int, offset: int, view: Callable[[T], Any]) -> dict[str, Any]:
    """One page of ``items``, each shown by ``view`` (only the items of the page are shown)."""
    chunk = [view(x) for x in items[offset:offset + limit]]
    nxt = offset + limit if offset + limit < len(items) else None
    return {"items": chunk, "total": len(items), "limit": limit, "offset": offset, "next_offset": nxt}


ARTICLE_BODY_SCHEMA = {
    "required": True,
    "content": {
        "application/json": {"schema": {
            "type": "object",
            "properties": {"text": {"type": "string", "minLength": 1}, "html": {"type": "string", "minLength": 1},
                           **{f: {"type": "string"} for f in ARTICLE_FIELDS}},
            "anyOf": [{"required": ["text"]}, {"required": ["html"]}],
            "description": "The article as plain text (`text`) or HTML (`html`), with optional metadata."}},
        "multipart/form-data": {"schema": {
            "type": "object",
            "properties": {"file": {"type": "string", "format": "binary"},
                           **{f: {"type": "string"} for f in ARTICLE_FIELDS}},
            "required": ["file"]}},
    },
}




def date_query() -> Any:
    return Query(None, description="A day, YYYY-MM-DD (422 otherwise).", json_schema_extra={"format": "date"})


LANG_QUERY = Query(None, description="Language of story titles and explanations; without it the "
                                      "Accept-Language header decides, then the server's --lang.",
                   json_schema_extra={"enum": list(LANGUAGES)})
ACCEPT_LANGUAGE = Header(None, include_in_schema=False)


def create_app(cronaca: Cronaca | Store, settings: Settings | None = None) -> FastAPI:
    """The FastAPI app over the application (or over an open store, with ``settings``)."""
    if isinstance(cronaca, Store):
        cronaca = Cronaca(cronaca, settings)
    settings = cronaca.settings
    service = cronaca
    app = FastAPI(title="cronaca", version=__version__,
                  description="Stories, events, actors and articles analysed by cronaca.")
    app.state.cronaca = cronaca

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        response = error_body(exc.status, exc.message)
        if exc.status == 413:  # the server closes the connection instead of reading the rest of the body
            response.headers["Connection"] = "close"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_body(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _server_error(request: Request, exc: Exception) -> JSONResponse:
        # Starlette's outermost middleware calls this for any uncaught error, then re-raises it
        # for the server to log: the client gets the one error shape, never a plain-text 500
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_body(500, server_failure(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_body(422, f"invalid request: {where}: {first.get('msg', 'bad value')}.")

    # --- writes -----------------------------------------------------------------------------
    @app.post("/articles", status_code=201, openapi_extra={"requestBody": ARTICLE_BODY_SCHEMA},
              responses={200: {"description": "already stored"}, 401: {"description": "missing token"},
                         413: {"description": "too large"},
                         422: {"description": "malformed, or not analysed (the nlp stage failed on it): not stored"}})
    async def post_article(request: Request) -> JSONResponse:
        """Analyse and store an article (idempotent by content hash)."""
        _check_token(request, settings)
        article = await _read_article(request, settings)
        try:
            added = await run_in_threadpool(service.add, article)  # readers keep being served
        except InputError as exc:  # the nlp stage failed on it: not stored
            raise ApiError(422, str(exc)) from exc
        body = article_detail(added.analysis)
        body["created"] = added.created
        return JSONResponse(body, status_code=201 if added.created else 200)

    # --- reads ------------------------------------------------------------------------------
    def worded_in(lang: str | None, accept_language: str | None, response: Response) -> str:
        try:
            chosen = resolve_language(lang, accept_language, settings.explain_language)
        except LanguageError as exc:
            raise ApiError(422, str(exc)) from exc
        response.headers["Content-Language"] = chosen
        response.headers["Vary"] = "Accept-Language"
        return chosen

    @app.get("/stories")
    def list_stories(response: Response, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
                     lang: str | None = LANG_QUERY,
                     accept_language: str | None = ACCEPT_LANGUAGE) -> dict[str, Any]:
        chosen = worded_in(lang, accept_language, response)
        snap = service.snapshot
        return page_of(snap.stories.stories, limit, offset, lambda s: story_summary(s, snap, chosen))

    @app.get("/stories/{story_id}")
    def get_story(story_id: str, response: Response, lang: str | None = LANG_QUERY,
                  accept_language: str | None = ACCEPT_LANGUAGE) -> dict[str, Any]:
        chosen = worded_in(lang, accept_language, response)
        snap = service.snapshot
        story = snap.story(story_id)
        if story is None:
            raise ApiError(404, f"no story with id '{story_id}'; GET /stories lists them.")
        return story_detail(story, snap, chosen)

    @app.get("/events")
    def list_events(actor: str | None = None, type: str | None = None, status: str | None = None,
                    since: str | None = date_query(), until: str | None = date_query(), place: str | None = None,
                    limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        since, until = _iso_date("since", since), _iso_date("until", until)
        if since and until and since > until:
            raise ApiError(422, dates_out_of_order(since, until))
        rows = filter_events(event_rows(service.snapshot), actor=actor, type_=type, status=status,
                             since=since, until=until, place=place)
        return page(rows, limit, offset)

    @app.get("/actors")
    def list_actors(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        return page(actor_rows(service.snapshot), limit, offset)

    @app.get("/actors/{actor_id}")
    def get_actor(actor_id: str) -> dict[str, Any]:
        body = actor_detail(actor_id, service.snapshot)
        if body is None:
            raise ApiError(404, f"no actor with id '{actor_id}'; GET /actors lists them.")
        return body

    @app.get("/articles")
    def list_articles(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        return page_of(service.snapshot.articles, limit, offset, article_summary)

    @app.get("/articles/{doc_id}")
    def get_article(doc_id: str) -> dict[str, Any]:
        analysis = service.snapshot.analysis(doc_id)
        if analysis is None:
            raise ApiError(404, f"no article with id '{doc_id}'; GET /articles lists them.")
        return article_detail(analysis)

    # --- the page -----------------------------------------------------------------------------
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            return FileResponse(STATIC / "index.html")

    return app


def _check_token(request: Request, settings: Settings) -> None:
    if not settings.token:
        return
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), settings.token):
        raise ApiError(401, "this endpoint needs 'Authorization: Bearer <token>' with the server's token.")


def _iso_date(name: str, value: str | None) -> str | None:
    """``value`` as an ISO day, None when it is not given; ApiError 422 when it is not a day."""
    if value is None:
        return None
    text = value.strip()
    try:
        day: date | None = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise ApiError(422, bad_date_filter(name, value))
    return day.isoformat()


def limited_receive(receive: Receive, limit: int) -> Receive:
    """``receive`` that stops the request at ``limit`` body bytes with a 413 ApiError, whatever the
    transfer encoding (chunked bodies carry no Content-Length): the rest is never read."""
    total = 0

    async def _receive() -> Message:
        nonlocal total
        message = await receive()
        if message.get("type") == "http.request":
            total += len(message.get("body", b""))
            if total > limit:
                raise ApiError(413, request_too_large(limit))
        return message

    return _receive


async def _read_article(request: Request, settings: Settings) -> Article:
    from cronaca.ingest import article_from_bytes

    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise ApiError(413, f"the request is {int(declared):,} bytes, over the limit of {settings.max_bytes:,}.")
    request = Request(request.scope, limited_receive(request.receive, settings.max_bytes))
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    meta: dict[str, str | None]
    if ctype == "multipart/form-data":
        try:
            form = await request.form()
        except ApiError:
            raise
        except Exception as exc:  # starlette raises several parser errors on malformed multipart
            raise ApiError(422, f"the multipart body cannot be read: {exc}.") from exc
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise ApiError(422, "a multipart upload needs a 'file' field with the article.")
        raw = await upload.read(settings.max_bytes + 1)
        name = upload.filename or "upload"
        meta = {f: (v if isinstance(v := form.get(f), str) and v else None) for f in ARTICLE_FIELDS}
        is_html = name.lower().endswith((".html", ".htm"))
    elif ctype == "application/json":
        raw_body = await request.body()
        if len(raw_body) > settings.max_bytes:
            raise ApiError(413, f"the request is {len(raw_body):,} bytes, over the limit of {settings.max_bytes:,}.")
        try:
            data = json.loads(raw_body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ApiError(422, f"the body is not valid JSON: {exc}.") from exc
        if not isinstance(data, dict):
            raise ApiError(422, "the body must be a JSON object with a 'text' or 'html' field.")
        bad = [f for f in ("text", "html", *ARTICLE_FIELDS) if data.get(f) is not None and not isinstance(data[f], str)]
        if bad:
            raise ApiError(422, f"field '{bad[0]}' must be a string.")
        content = data.get("text") or data.get("html")
        if not content or not content.strip():
            raise ApiError(422, "the body needs a non-empty 'text' or 'html' field.")
        is_html = not data.get("text")
        raw = content.encode("utf-8", "surrogatepass")
        meta = {f: data.get(f) or None for f in ARTICLE_FIELDS}
        name = "request"
    else:
        raise ApiError(415, "send the article as application/json or multipart/form-data, not "
                            f"{repr(ctype) if ctype else 'a body without a Content-Type'}.")
    try:
        return article_from_bytes(raw, meta["source"] or name, html=is_html, max_bytes=settings.max_bytes,
                                  doc_id=meta["id"], title=meta["title"], date=meta["date"], url=meta["url"],
                                  language=meta["language"])
    except TooBigError as exc:
        raise ApiError(413, str(exc)) from exc
    except InputError as exc:
        raise ApiError(422, str(exc)) from exc
