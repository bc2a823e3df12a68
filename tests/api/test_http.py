"""The HTTP shell under bad requests: bodies stopped at the limit whatever the transfer encoding,
every 5xx in the one error shape, date filters checked."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from cronaca.api import create_app
from cronaca.settings import Settings
from cronaca.store import Store
from tests.api.test_api import TESTO, assert_error

LIMIT = 200_000


def _chunks(total: int, size: int = 65_536) -> Iterator[bytes]:
    body = json.dumps({"text": "x" * total}).encode()
    for i in range(0, len(body), size):
        yield body[i:i + size]


def test_http_chunked_body_over_the_limit_is_413_json(make_client):
    client = make_client(max_bytes=LIMIT)
    r = client.post("/articles", content=_chunks(LIMIT * 3), headers={"Content-Type": "application/json"})
    assert "content-length" not in {k.lower() for k in r.request.headers}
    assert_error(r, 413, "over the limit of 200,000 bytes", "--max-bytes")


def test_http_chunked_multipart_over_the_limit_is_413_json(make_client):
    client = make_client(max_bytes=LIMIT)
    boundary = "confine"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()

    def body() -> Iterator[bytes]:
        yield head
        for _ in range(10):
            yield b"y" * 65_536
        yield f"\r\n--{boundary}--\r\n".encode()

    r = client.post("/articles", content=body(), headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert_error(r, 413, "over the limit of 200,000 bytes")


def test_http_chunked_body_under_the_limit_is_analysed(make_client):
    client = make_client(max_bytes=LIMIT)
    body = json.dumps({"text": TESTO}).encode()
    r = client.post("/articles", content=iter([body[:50], body[50:]]), headers={"Content-Type": "application/json"})
    assert r.status_code == 201, r.text


@pytest.fixture()
def live_server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """The app served by uvicorn on 127.0.0.1 in a thread (a real socket, a real parser)."""
    store = Store(tmp_path / "live.duckdb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(store, Settings(model="blank", max_bytes=LIMIT)),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


def test_http_server_stops_reading_a_chunked_body_at_the_limit(live_server):
    """50 MB announced by nobody (chunked): the answer is 413 long before the client could send it all."""
    host, port = live_server
    sent = 0
    chunk = b"z" * 65_536
    with socket.create_connection((host, port), timeout=20) as sock:
        sock.sendall(b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        try:
            for _ in range(800):  # 800 x 64 KiB = 52 MB
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except OSError:  # the server answered and closed: the rest is never read
            pass
        if sent == 800 * len(chunk):
            sock.sendall(b"0\r\n\r\n")
        reply = b""
        try:
            while data := sock.recv(65_536):
                reply += data
        except OSError:
            pass
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413"), reply[:200]
    assert json.loads(body)["error"]["status"] == 413
    assert sent < 800 * len(chunk)


def test_http_unexpected_failure_is_500_in_the_error_shape(make_client, monkeypatch):
    client = make_client()

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(client.app.state.cronaca, "add", broken)
    client_no_raise = type(client)(client.app, raise_server_exceptions=False)
    r = client_no_raise.post("/articles", json={"text": TESTO})
    assert_error(r, 500, "RuntimeError: disk on fire", "server log")


@pytest.mark.parametrize(("query", "fragment"), [
    ("since=notadate", "since 'notadate' is not a date: give it as YYYY-MM-DD"),
    ("since=' OR '1'='1", "since '' OR '1'='1' is not a date"),
    ("until=2025-13-01", "until '2025-13-01' is not a date"),
    ("until=20251101", "until '20251101' is not a date"),
    ("since=2025-11-09&until=2025-10-01", "since '2025-11-09' is after until '2025-10-01'"),
])
def test_http_bad_date_filters_are_422(make_client, query, fragment):
    assert_error(make_client().get(f"/events?{query}"), 422, fragment)


def test_http_good_date_filters_answer(make_client):
    r = make_client().get("/events?since=2025-01-01&until=2025-12-31")
    assert r.status_code == 200 and r.json()["items"] == []
