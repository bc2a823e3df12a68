"""A bounded load on the HTTP API on 127.0.0.1: GETs and POSTs mixed, from a few threads.

Starts ``cronaca serve`` on a fresh copy of a store (or an empty one) on a free local port,
sends ``--requests`` requests from ``--clients`` threads (one in ``--post-every`` a POST of a
new article, the others GET /stories, /events, /articles), and prints requests/s, p50/p99
latency per kind and the count of errors (non-2xx answers and failed connections).

    .venv/bin/python benchmarks/api_load.py --requests 2000 --clients 8 --post-every 20
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

PATHS = ("/stories", "/events?limit=50", "/articles", "/actors")
ARTICLE = ("Modena, {day} marzo 2026 – I carabinieri hanno arrestato ieri sera un 30enne per furto "
           "aggravato in un supermercato di via Emilia (numero {n}). «Lo abbiamo fermato all'uscita», "
           "ha spiegato il comandante.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _request(base: str, n: int, post_every: int) -> tuple[str, float, bool]:
    if post_every and n % post_every == 0:
        body = json.dumps({"text": ARTICLE.format(day=n % 28 + 1, n=n)}).encode()
        req = urllib.request.Request(base + "/articles", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        kind = "POST"
    else:
        req = urllib.request.Request(base + PATHS[n % len(PATHS)])
        kind = "GET"
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            resp.read()
            ok = 200 <= resp.status < 300
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        ok = False
    return kind, time.perf_counter() - t0, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=None, help="store to copy (default: an empty one)")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--post-every", type=int, default=20, help="one POST in this many requests (0: none)")
    parser.add_argument("--model", default="auto")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "load.duckdb"
        if args.store:
            shutil.copy(args.store, store)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([sys.executable, "-c", "from cronaca.cli import main; main()", "serve",
                                 "--store", str(store), "--host", "127.0.0.1", "--port", str(port),
                                 "--model", args.model], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(base + "/openapi.json", timeout=5).read()
                    break
                except (urllib.error.URLError, ConnectionError):
                    if proc.poll() is not None or time.monotonic() > deadline:
                        print("api_load: the server did not start", file=sys.stderr)
                        return 2
                    time.sleep(0.3)
            results: list[tuple[str, float, bool]] = []
            lock = threading.Lock()
            counter = iter(range(args.requests))

            def worker() -> None:
                while True:
                    with lock:
                        n = next(counter, None)
                    if n is None:
                        return
                    out = _request(base, n, args.post_every)
                    with lock:
                        results.append(out)

            t0 = time.perf_counter()
            threads = [threading.Thread(target=worker) for _ in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            took = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"{len(results)} requests from {args.clients} clients in {took:.1f} s: {len(results) / took:.0f} requests/s, "
          f"{sum(not ok for _, _, ok in results)} errors")
    for kind in ("GET", "POST"):
        times = sorted(t for k, t, _ in results if k == kind)
        if times:
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
            print(f"  {kind:<4} {len(times):>6}  p50 {statistics.median(times) * 1000:>8.1f} ms  p99 {p99 * 1000:>8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
