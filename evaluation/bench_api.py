"""Load benchmark of the REST API on loopback: concurrent uploads and draft checks.

Starts uvicorn in a subprocess on 127.0.0.1 with a fresh data directory, sends `--uploads`
distinct documents and `--checks` synchronous draft checks with `--concurrency` clients, then
waits for every accepted job and fetches its document ("nothing lost"). Prints a table.

    python evaluation/bench_api.py --uploads 60 --checks 12 --concurrency 8 --workers 4
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpora" / "samples"
KEY = "bench-admin-key"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, data_dir: str, workers: int, database_url: str | None,
                 runner: str) -> subprocess.Popen:
    env = os.environ | {"RASOAT_DATA_DIR": data_dir, "RASOAT_ADMIN_KEY": KEY, "RASOAT_RUNNER": runner,
                        "RASOAT_WORKERS": str(workers), "RASOAT_SEMANTIC": "false"}
    if database_url:
        env["RASOAT_DATABASE_URL"] = database_url
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "service.api.app:create_app",
           "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(cmd, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("server did not start")


def documents(count: int) -> list[tuple[str, bytes]]:
    """`count` distinct TXT documents: the samples with a numbered closing note."""
    texts = sorted(SAMPLES.glob("*.txt"))
    out = []
    for i in range(count):
        path = texts[i % len(texts)]
        data = path.read_bytes() + f"\nGhi chú kiểm thử tải số {i}.\n".encode()
        out.append((f"{path.stem}-{i}.txt", data))
    return out


async def timed(results: dict, kind: str, call) -> httpx.Response | None:
    began = time.perf_counter()
    try:
        response = await call()
    except httpx.HTTPError as error:
        results.setdefault(kind + "_errors", []).append(repr(error))
        return None
    results.setdefault(kind, []).append((time.perf_counter() - began, response.status_code))
    return response


async def load(base: str, uploads: int, checks: int, concurrency: int, budget: float) -> dict:
    results: dict = {"accepted": []}
    limit = asyncio.Semaphore(concurrency)
    draft = (SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt").read_bytes()
    deadline = time.monotonic() + budget
    async with httpx.AsyncClient(base_url=base, headers={"X-API-Key": KEY}, timeout=budget) as client:

        async def upload(name: str, data: bytes) -> None:
            async with limit:
                if time.monotonic() > deadline:
                    return
                r = await timed(results, "upload", lambda: client.post("/v1/documents", files={"file": (name, data)}))
                if r is not None and r.status_code in (200, 202):
                    results["accepted"].append((r.json()["job_id"], time.perf_counter()))

        async def check(i: int) -> None:
            async with limit:
                if time.monotonic() > deadline:
                    return
                await timed(results, "check", lambda: client.post(
                    "/v1/check-draft", files={"file": (f"draft-{i}.txt", draft)}))

        began = time.perf_counter()
        await asyncio.gather(*[upload(n, d) for n, d in documents(uploads)], *[check(i) for i in range(checks)])
        results["finish"] = await finish(client, results["accepted"], deadline + 60)
        results["wall"] = time.perf_counter() - began
    return results


async def finish(client: httpx.AsyncClient, accepted: list, deadline: float) -> dict:
    """Poll every accepted job to its end and fetch its document."""
    done, failed, lost, latency = 0, 0, 0, []
    for job_id, sent in accepted:
        while True:
            job = (await client.get(f"/v1/jobs/{job_id}")).json()
            if job["status"] in ("done", "failed") or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.1)
        if job["status"] == "done":
            ok = (await client.get(f"/v1/documents/{job['document_id']}")).status_code == 200
            done += ok
            lost += not ok
            latency.append(time.perf_counter() - sent)
        elif job["status"] == "failed":
            failed += 1
        else:
            lost += 1
    return {"done": done, "failed": failed, "lost": lost}


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else (values or [0.0])[0]


def table(results: dict, args: argparse.Namespace) -> str:
    rows = [("operation", "requests", "errors", "p50 ms", "p95 ms", "req/s")]
    for kind in ("upload", "check"):
        calls = results.get(kind, [])
        times = [t for t, _ in calls]
        bad = sum(status >= 400 for _, status in calls) + len(results.get(kind + "_errors", []))
        rows.append((kind, str(len(calls) + len(results.get(kind + "_errors", []))), str(bad),
                     f"{pct(times, 50) * 1000:.0f}", f"{pct(times, 95) * 1000:.0f}",
                     f"{len(calls) / results['wall']:.1f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in rows]
    fin = results["finish"]
    lines += ["", f"jobs accepted {len(results['accepted'])}: done {fin['done']}, failed {fin['failed']}, "
                  f"lost {fin['lost']}  ({'nothing lost' if fin['lost'] == 0 else 'LOST JOBS'})",
              f"documents analysed per second (end to end): {fin['done'] / results['wall']:.2f}",
              f"wall time {results['wall']:.1f} s; concurrency {args.concurrency}; "
              f"job workers {args.workers} {args.runner}; "
              f"database {'PostgreSQL' if args.database_url else 'SQLite'}"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--uploads", type=int, default=40)
    parser.add_argument("--checks", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="job worker threads in the server")
    parser.add_argument("--runner", choices=("threads", "processes"), default="threads")
    parser.add_argument("--max-seconds", type=float, default=180, help="stop sending after this long")
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temporary directory")
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="rasoat-bench-") as data_dir:
        server = start_server(port, data_dir, args.workers, args.database_url, args.runner)
        try:
            results = asyncio.run(load(f"http://127.0.0.1:{port}", args.uploads, args.checks,
                                       args.concurrency, args.max_seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(table(results, args))
    if results["finish"]["lost"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
