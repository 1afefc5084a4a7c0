"""Webhooks: signed job events to a receiver on 127.0.0.1, retried after a failure, every attempt logged."""
from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SECRET = "webhook-secret-123"


@pytest.fixture
def receiver():
    """A loopback HTTP server that answers 500 to the first request and 200 afterwards."""
    received: list[tuple[dict, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((dict(self.headers), body))
            self.send_response(500 if len(received) == 1 else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()


def test_job_completion_is_signed_retried_and_logged(api, receiver):
    url, received = receiver
    hook = api.post("/v1/webhooks", json={"url": url, "secret": SECRET, "events": ["job.done"]}).json()
    doc_id = api.upload("cong-van-trien-khai.txt")
    deadline = time.monotonic() + 10
    while len(received) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(received) == 2                                 # failed once, then delivered
    headers, body = received[1]
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Rasoat-Signature"] == expected and headers["X-Rasoat-Event"] == "job.done"
    payload = json.loads(body)
    assert payload["event"] == "job.done" and payload["job"]["document_id"] == doc_id
    assert received[0][1] == body                             # the retry sends the same signed body
    time.sleep(0.1)
    log = api.get(f"/v1/webhooks/{hook['id']}/deliveries").json()
    assert [(d["attempt"], d["status_code"]) for d in log] == [(1, 500), (2, 200)]
    assert log[0]["error"] == "HTTP 500" and log[1]["error"] is None


def test_failed_jobs_only_reach_subscribers(api, receiver):
    url, received = receiver
    api.post("/v1/webhooks", json={"url": url, "secret": SECRET, "events": ["job.failed"]})
    api.upload("cong-van-trien-khai.txt")                     # job.done: not subscribed
    job_id = api.post("/v1/documents", files={"file": ("bad.pdf", b"%PDF-1.4 junk")}).json()["job_id"]
    api.wait(job_id)
    deadline = time.monotonic() + 10
    while len(received) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    events = [json.loads(body)["event"] for _, body in received]
    assert events == ["job.failed", "job.failed"]
    assert json.loads(received[1][1])["job"]["error"]["code"] == "corrupt_file"
