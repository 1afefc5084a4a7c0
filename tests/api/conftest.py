"""Fixtures: the app on SQLite (temporary directory) and on PostgreSQL (one database per session),
driven through FastAPI's TestClient; `api` wraps it with upload-and-wait helpers."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.store import make_engine
from db_helpers import empty_tables

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"
ADMIN = "test-admin-key-0123456789"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request):
    return None if request.param == "sqlite" else request.getfixturevalue("pg_url")


@pytest.fixture
def settings(db_url, tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=db_url, admin_key=ADMIN, workers=2, runner="threads",
                    max_upload_mb=1.0, sync_seconds=30, webhook_backoff=0.05, webhook_attempts=4,
                    semantic=False, zip_max_total_mb=20, webhook_allow="127.0.0.1")


class Api:
    """The test client with the admin key and helpers that wait for jobs."""

    def __init__(self, client: TestClient, settings: Settings):
        self.client, self.settings = client, settings
        self.headers = {"X-API-Key": ADMIN}

    def get(self, url: str, **kw):
        return self.client.get(url, headers=kw.pop("headers", self.headers), **kw)

    def post(self, url: str, **kw):
        return self.client.post(url, headers=kw.pop("headers", self.headers), **kw)

    def delete(self, url: str, **kw):
        return self.client.delete(url, headers=kw.pop("headers", self.headers), **kw)

    def wait(self, job_id: str, seconds: float = 60) -> dict:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            job = self.get(f"/v1/jobs/{job_id}").json()
            if job["status"] in ("done", "failed"):
                return job
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} did not finish: {job}")

    def upload(self, name: str, data: bytes | None = None) -> str:
        """Upload a sample (or bytes) and return the document id once analysed."""
        data = (SAMPLES / name).read_bytes() if data is None else data
        response = self.post("/v1/documents", files={"file": (name, data)})
        assert response.status_code in (200, 202), response.text
        job = self.wait(response.json()["job_id"])
        assert job["status"] == "done", job
        return job["document_id"]

    def key(self, role: str) -> dict[str, str]:
        body = self.post("/v1/keys", json={"name": f"test-{role}", "role": role}).json()
        return {"X-API-Key": body["key"]}


@pytest.fixture
def api(settings):
    with TestClient(create_app(settings)) as client:
        yield Api(client, settings)
    if settings.database_url:
        engine = make_engine(settings.database_url)
        empty_tables(engine)
        engine.dispose()
