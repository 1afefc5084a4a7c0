"""A job left `running` by a killed process is picked up again when the app starts."""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from service.api.app import create_app
from service.store import Store, jobs

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"


def _killed_job(settings, attempts: int) -> str:
    """The state a killed worker leaves: the file stored, the job row `running`."""
    store = Store.open(settings.data_dir, settings.database_url)
    digest = store.files.put((SAMPLES / "ubnd-chi-thi.txt").read_bytes())
    with store.session() as s:
        job = jobs.create_job(s, "analyze", {"sha256": digest, "filename": "chi-thi.txt"}, "admin")
        job.status, job.attempts = "running", attempts
    store.close()
    return job.id


def test_running_job_resumes_at_start_up(api, settings):
    resumed, given_up = _killed_job(settings, 1), None
    with TestClient(create_app(settings)) as client:     # a second app process on the same data
        api.client = client
        job = api.wait(resumed)
    assert job["status"] == "done" and job["attempts"] == 2
    assert api.get(f"/v1/documents/{job['document_id']}").status_code == 200
    given_up = _killed_job(settings, settings.max_attempts)
    with TestClient(create_app(settings)) as client:
        api.client = client
        job = api.get(f"/v1/jobs/{given_up}").json()
    assert job["status"] == "failed" and job["error"]["code"] == "interrupted"


def test_process_runner_runs_jobs_outside_the_api_process(api, settings):
    settings = settings.model_copy(update={"runner": "processes", "workers": 1})
    with TestClient(create_app(settings)) as client:
        api.client = client
        doc_id = api.upload("cong-van-trien-khai.txt")
        assert api.get(f"/v1/documents/{doc_id}/tasks").json()
