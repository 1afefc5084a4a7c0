"""Scans analysed concurrently leave the server up (issue 11: two scans at once used to crash it
with a double free in pdfium), and kill -9 in the middle of uploads loses no accepted job and
duplicates none, on SQLite and PostgreSQL."""
from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from ocr_helpers import SAMPLES, SCAN, needs_tesseract
from reliability_helpers import ADMIN, rasoat_serve, wait_jobs

HEADERS = {"X-API-Key": ADMIN}


def _env(tmp_path, db_url=None) -> dict[str, str]:
    env = {"RASOAT_DATA_DIR": str(tmp_path / "data"), "RASOAT_ADMIN_KEY": ADMIN, "RASOAT_SEMANTIC": "false",
           "RASOAT_WORKERS": "2", "HF_HUB_OFFLINE": "1"}
    return env | ({"RASOAT_DATABASE_URL": db_url} if db_url else {})


def _post(url: str, name: str, data: bytes) -> httpx.Response:
    return httpx.post(f"{url}/v1/documents", headers=HEADERS, files={"file": (name, data)}, timeout=60)


@needs_tesseract
def test_concurrent_scans_leave_the_server_up(tmp_path):
    scans = [SCAN.read_bytes() + b"\n%copy " + str(k).encode() + b"\n" for k in range(4)]   # four distinct files
    with rasoat_serve(_env(tmp_path)) as (url, proc):                   # default settings: process runner
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda k: _post(url, f"scan-{k}.pdf", scans[k]), range(4)))
        assert all(a.status_code == 202 for a in answers)
        finished = wait_jobs(url, [a.json()["job_id"] for a in answers])
        assert proc.poll() is None and httpx.get(url + "/healthz").status_code == 200
        assert all(j["status"] == "done" or j["error"]["code"] for j in finished.values())
        assert sum(j["status"] == "done" for j in finished.values()) == 4
        assert _post(url, "after.txt", (SAMPLES / "ubnd-chi-thi.txt").read_bytes()).status_code == 202


def _documents(n: int) -> list[tuple[str, bytes]]:
    base = (SAMPLES / "ubnd-kh-phan-cong.txt").read_text(encoding="utf-8")
    return [(f"kh-{k}.txt", (base + f"\n{k + 40}. Sở Nội vụ rà soát hồ sơ số {k}.\n").encode("utf-8"))
            for k in range(n)]


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_kill_9_with_uploads_in_flight_loses_and_duplicates_nothing(tmp_path, request, db):
    db_url = request.getfixturevalue("pg_url") if db == "postgresql" else None
    env = _env(tmp_path, db_url)
    files, accepted, lock = _documents(12), {}, threading.Lock()
    with rasoat_serve(env) as (url, proc):
        def upload(item):
            name, data = item
            try:
                answer = _post(url, name, data)
            except httpx.HTTPError:
                return                                                  # cut by the kill: never accepted
            if answer.status_code in (200, 202):
                with lock:
                    accepted[name] = answer.json()["job_id"]
                if len(accepted) == 5:
                    os.killpg(proc.pid, signal.SIGKILL)                 # server and workers, mid-flight
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(upload, files))
        proc.wait(30)
    assert 5 <= len(accepted) <= len(files)
    with rasoat_serve(env) as (url, proc):
        finished = wait_jobs(url, list(accepted.values()))
        assert all(j["status"] == "done" for j in finished.values()), finished
        for name, data in files:                                        # the rest go in now
            if name not in accepted:
                accepted[name] = _post(url, name, data).json()["job_id"]
        finished = wait_jobs(url, list(accepted.values()))
        docs = httpx.get(f"{url}/v1/documents", headers=HEADERS, params={"limit": 500}).json()
    assert all(j["status"] == "done" for j in finished.values())
    assert len(docs) == len({d["sha256"] for d in docs}) == len(files)   # none lost, none twice
    if db_url:
        from sqlalchemy import text

        from service.store import make_engine
        from db_helpers import empty_tables

        engine = make_engine(db_url)
        with engine.connect() as conn:
            assert conn.execute(text("select count(*) from documents")).scalar() == len(files)
        empty_tables(engine)
        engine.dispose()
