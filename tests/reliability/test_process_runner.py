"""The default runner: jobs in supervised worker processes. A worker that crashes, runs too long or
uses too much memory fails its job with a code; the server and the other jobs go on."""
from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest
from fastapi.testclient import TestClient

from corpora.hostile import scan_pdf
from ocr_helpers import SCAN, needs_tesseract
from service.api.app import create_app


def _client(settings, **changes):
    return TestClient(create_app(settings.model_copy(update={"runner": "processes", "workers": 1} | changes)))


def _workers() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "rasoat-job-worker"]


def _wait_running(api, job_id: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while api.get(f"/v1/jobs/{job_id}").json()["status"] != "running":
        assert time.monotonic() < deadline, "the job never started"
        time.sleep(0.05)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@needs_tesseract
def test_a_crashed_worker_fails_its_job_and_the_next_job_runs(api, settings):
    with _client(settings) as client:
        api.client = client
        job_id = api.post("/v1/documents", files={"file": ("scan.pdf", SCAN.read_bytes())}).json()["job_id"]
        _wait_running(api, job_id)
        (worker,) = _workers()
        os.kill(worker.pid, signal.SIGSEGV)                   # what a double free in pdfium does
        job = api.wait(job_id)
        assert job["status"] == "failed" and job["error"]["code"] == "worker_crashed"
        assert "Tiến trình" in job["error"]["message"]
        assert api.get("/healthz").status_code == 200
        assert api.upload("cong-van-trien-khai.txt")          # a fresh worker takes the next job


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@needs_tesseract
def test_time_and_memory_limits_stop_the_job(api, settings):
    with _client(settings, job_max_seconds=0.5) as client:
        api.client = client
        job_id = api.post("/v1/documents", files={"file": ("scan.pdf", scan_pdf(6, side=64))}).json()["job_id"]
        job = api.wait(job_id, 120)
        assert job["status"] == "failed" and job["error"]["code"] == "job_time_limit", job
    with _client(settings, job_max_memory_mb=20) as client:
        api.client = client
        job_id = api.post("/v1/documents", files={"file": ("scan.pdf", SCAN.read_bytes())}).json()["job_id"]
        job = api.wait(job_id, 120)
        assert job["status"] == "failed" and job["error"]["code"] == "job_memory_limit", job
