"""Start-up and shutdown (issue 11): a bounded shutdown that leaves unfinished jobs queued for the
next start, orphan upload files swept at start-up, webhook retries that survive a restart."""
from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from ocr_helpers import SCAN, needs_tesseract
from service.api.app import create_app
from service.store import Store, jobs

SAMPLES_TEXT = "KẾ HOẠCH\nTriển khai nhiệm vụ năm 2025\n1. Sở Tài chính chủ trì, hoàn thành trước ngày 30/6/2025.\n"


def _statuses(settings, ids):
    store = Store.open(settings.data_dir, settings.database_url, upgrade=False)
    with store.session() as s:
        found = {i: (jobs.get_job(s, i).status, jobs.get_job(s, i).attempts) for i in ids}
    store.close()
    return found


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@needs_tesseract
def test_shutdown_requeues_running_and_queued_jobs(api, settings):
    stopping = settings.model_copy(update={"runner": "processes", "workers": 1, "shutdown_seconds": 0.2})
    with TestClient(create_app(stopping)) as client:
        api.client = client
        ids = [api.post("/v1/documents", files={"file": ("scan.pdf", SCAN.read_bytes())}).json()["job_id"]]
        ids += [api.post("/v1/documents", files={"file": (f"k{k}.txt", (SAMPLES_TEXT + f"{k}. Sở Y tế.").encode())}
                         ).json()["job_id"] for k in range(3)]
        deadline = time.monotonic() + 60
        while api.get(f"/v1/jobs/{ids[0]}").json()["status"] != "running":
            assert time.monotonic() < deadline
            time.sleep(0.05)
    # the context exit ran the shutdown: the OCR job was stopped and requeued, the rest never started
    assert _statuses(settings, ids) == {i: ("queued", 0) for i in ids}
    with TestClient(create_app(settings)) as client:       # the next start runs them all
        api.client = client
        assert [api.wait(i, 120)["status"] for i in ids] == ["done"] * 4


def test_orphan_files_are_swept_at_start_up(api, settings):
    kept = api.upload("ubnd-chi-thi.txt")
    store = Store.open(settings.data_dir, settings.database_url, upgrade=False)
    orphan = store.files.put(b"an upload cut before its job was created")
    temporary = store.files.root / ".tmp-cut"
    temporary.write_bytes(b"partial")
    fresh = store.files.put(b"an upload of another process, seconds ago")
    old = time.time() - 3600
    for path in (store.files.path(orphan), temporary, *store.files.root.rglob("*")):
        if path.is_file() and path != store.files.path(fresh):
            os.utime(path, (old, old))
    with TestClient(create_app(settings)) as client:
        api.client = client
        assert api.get(f"/v1/documents/{kept}").status_code == 200
    assert not store.files.exists(orphan) and not temporary.exists()
    assert store.files.exists(fresh)                       # too young to be an orphan
    assert len(list(store.files.digests())) == 2
    store.close()


@pytest.fixture
def flaky_receiver():
    """A loopback receiver that answers 500 until `state["ok"]` is set."""
    state = {"ok": False, "bodies": []}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            state["bodies"].append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(200 if state["ok"] else 500)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", state
    server.shutdown()


def test_webhook_retries_survive_a_restart(api, settings, flaky_receiver):
    url, state = flaky_receiver
    slow = settings.model_copy(update={"webhook_backoff": 1.5, "webhook_attempts": 3})
    with TestClient(create_app(slow)) as client:
        api.client = client
        hook = api.post("/v1/webhooks", json={"url": url, "secret": "s3cret-value"}).json()
        api.upload("cong-van-trien-khai.txt")
        deadline = time.monotonic() + 10
        while not state["bodies"]:
            assert time.monotonic() < deadline
            time.sleep(0.02)
    assert len(state["bodies"]) == 1                        # failed once; the retry was not due yet
    state["ok"] = True
    with TestClient(create_app(slow)) as client:            # a new process resumes the outbox
        api.client = client
        deadline = time.monotonic() + 15
        while len(state["bodies"]) < 2:
            assert time.monotonic() < deadline, "the retry was lost in the restart"
            time.sleep(0.05)
        time.sleep(0.2)
        log = api.get(f"/v1/webhooks/{hook['id']}/deliveries").json()
    assert [(d["attempt"], d["status_code"], d["error"]) for d in log] == [(1, 500, "HTTP 500"), (2, 200, None)]
    assert state["bodies"][0] == state["bodies"][1]


def test_delivery_log_hides_low_level_errors(api, settings):
    closed = "http://127.0.0.1:9/hook"                      # nothing listens on the discard port
    with TestClient(create_app(settings.model_copy(update={"webhook_attempts": 1}))) as client:
        api.client = client
        hook = api.post("/v1/webhooks", json={"url": closed, "secret": "s3cret-value"}).json()
        api.upload("cong-van-trien-khai.txt")
        deadline = time.monotonic() + 10
        while not (log := api.get(f"/v1/webhooks/{hook['id']}/deliveries").json()):
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert log[0]["error"] == "connection_failed" and log[0]["status_code"] is None
