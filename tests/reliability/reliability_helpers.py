"""Helpers of the reliability suite: the app under uvicorn on 127.0.0.1 in a thread."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

import httpx

ADMIN = "test-admin-key-0123456789"          # the key tests/api/conftest.py gives the app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(settings):
    """The app under uvicorn on 127.0.0.1 in a background thread: its base URL."""
    import uvicorn

    from service.api.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    assert httpx.get(url + "/healthz").status_code == 200
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(30)


def rasoat_command() -> str:
    """The `rasoat` console script of this environment."""
    import shutil
    import sys
    from pathlib import Path

    local = Path(sys.executable).parent / "rasoat"
    return str(local) if local.exists() else shutil.which("rasoat")


@contextmanager
def rasoat_serve(env: dict[str, str]):
    """`rasoat serve` as a child process group on a free port: (base URL, Popen)."""
    import os
    import signal
    import subprocess

    port = free_port()
    proc = subprocess.Popen([rasoat_command(), "serve", "--port", str(port)], env={**os.environ, **env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_up(url, proc)
        yield url, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def wait_up(url: str, proc, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the server exited with {proc.returncode}"
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("the server did not come up")


def wait_jobs(url: str, ids: list[str], seconds: float = 180) -> dict[str, dict]:
    """Every job's final state (done or failed), polled through the API."""
    headers, out = {"X-API-Key": ADMIN}, {}
    deadline = time.monotonic() + seconds
    while len(out) < len(ids):
        assert time.monotonic() < deadline, f"jobs still unfinished: {set(ids) - set(out)}"
        for job_id in set(ids) - set(out):
            job = httpx.get(f"{url}/v1/jobs/{job_id}", headers=headers, timeout=10).json()
            if job["status"] in ("done", "failed"):
                out[job_id] = job
        time.sleep(0.2)
    return out
