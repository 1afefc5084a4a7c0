"""RASOAT_RUNNER=dask: JobService runs jobs on a local Dask cluster; a job left running by a dead
process is re-submitted at start-up and completes."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from service.config import Settings
from service.jobs import JobService
from service.jobs.dask_runner import DaskRunner
from service.store import Store, jobs

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"


def _wait(store: Store, job_id: str, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with store.session() as s:
            job = jobs.get_job(s, job_id)
            if job.status in ("done", "failed"):
                return {"status": job.status, "attempts": job.attempts, "document_id": job.document_id,
                        "error": job.error}
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} not finished after {seconds}s")


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    monkeypatch.setenv("RASOAT_RUNNER", "dask")
    return Settings(data_dir=tmp_path / "data", workers=1, semantic=False)


def test_settings_choose_the_dask_runner_and_a_job_completes(settings):
    assert settings.runner == "dask"
    store = Store.open(settings.data_dir)
    service = JobService(store, settings)
    try:
        assert isinstance(service.runner, DaskRunner)
        digest = store.files.put((SAMPLES / "ubnd-chi-thi.txt").read_bytes())
        job = service.enqueue("analyze", {"sha256": digest, "filename": "chi-thi.txt"})
        done = _wait(store, job.id)
        assert done["status"] == "done" and done["document_id"]
    finally:
        service.shutdown()
        store.close()


def test_interrupted_job_is_resubmitted_to_dask_at_start_up(settings):
    store = Store.open(settings.data_dir)
    digest = store.files.put((SAMPLES / "cong-van-trien-khai.txt").read_bytes())
    with store.session() as s:                     # what a killed app leaves behind
        job = jobs.create_job(s, "analyze", {"sha256": digest, "filename": "cv.txt"})
        job.status, job.attempts = "running", 1
        queued = jobs.create_job(s, "analyze", {"sha256": digest, "filename": "cv-again.txt"})
    runner = DaskRunner(settings, lambda job_id: None, workers=2, processes=False)
    service = JobService(store, settings, runner=runner)
    try:
        assert set(service.start()) == {job.id, queued.id}
        first, second = _wait(store, job.id), _wait(store, queued.id)
        assert first["status"] == "done" and first["attempts"] == 2
        assert second["status"] == "done" and second["document_id"] == first["document_id"]
    finally:
        service.shutdown()
        store.close()
