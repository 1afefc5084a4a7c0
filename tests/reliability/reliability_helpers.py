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
