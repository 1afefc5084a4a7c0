"""The reliability figures of issue 11, against `rasoat serve` on 127.0.0.1 with default settings
(process runner, default limits), each case on a fresh data directory:

* 8 scans posted at once by 8 clients: the server stays up, every job done or failed with a code;
* the 655-byte PDF with a 14,400² pt page (14 GB when rendered at 300 DPI), the 2,000-page scan,
  the 300-frame GIF, the 20,000² PNG and the ZIP of 450 compressible members: how long until the
  coded refusal, and the peak memory of the server with its workers (RSS of the process tree);
* an honest ZIP of 200 × 1 MB members: the API process's memory while it streams them to disk;
* a 1 GB POST without a key: how long until the 401, and how much body the server needed;
* SIGTERM with 12 jobs queued: seconds until the server exits, and the jobs after a restart;
* kill -9 with uploads in flight on SQLite and PostgreSQL: accepted, lost and duplicated jobs.

    python evaluation/reliability.py [--json FILE] [--skip-soak]

Memory is sampled every 20 ms with psutil (installed with the batch extra).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "reliability"))
sys.path.insert(0, str(ROOT / "tests"))

from corpora import hostile  # noqa: E402
from reliability_helpers import ADMIN, rasoat_serve, wait_jobs  # noqa: E402

SCAN = ROOT / "corpora" / "scans" / "cong-van-trien-khai.scan.pdf"
SAMPLES = ROOT / "corpora" / "samples"
HEADERS = {"X-API-Key": ADMIN}


class PeakMemory:
    """Peak RSS (MB) of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int):
        import psutil

        self.root, self.peak, self._stop = psutil.Process(pid), 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            try:
                for proc in [self.root, *self.root.children(recursive=True)]:
                    total += proc.memory_info().rss
            except psutil.Error:
                pass
            self.peak = max(self.peak, total / 2**20)
            time.sleep(0.02)

    def now(self) -> float:
        import psutil

        try:
            return sum(p.memory_info().rss for p in [self.root, *self.root.children(recursive=True)]) / 2**20
        except psutil.Error:
            return 0.0

    def __enter__(self) -> "PeakMemory":
        self.before = self.peak = self.now()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def env(data: Path, db_url: str | None = None) -> dict[str, str]:
    out = {"RASOAT_DATA_DIR": str(data), "RASOAT_ADMIN_KEY": ADMIN, "HF_HUB_OFFLINE": "1"}
    return out | ({"RASOAT_DATABASE_URL": db_url} if db_url else {})


def post(url: str, name: str, data: bytes) -> httpx.Response:
    return httpx.post(f"{url}/v1/documents", headers=HEADERS, files={"file": (name, data)}, timeout=120)


def concurrent_scans(count: int = 8) -> dict:
    scans = [SCAN.read_bytes() + f"\n%copy {k}\n".encode() for k in range(count)]
    with tempfile.TemporaryDirectory() as tmp, rasoat_serve(env(Path(tmp))) as (url, proc):
        warm(url)
        with PeakMemory(proc.pid) as memory:
            began = time.perf_counter()
            with ThreadPoolExecutor(count) as pool:
                answers = list(pool.map(lambda k: post(url, f"scan-{k}.pdf", scans[k]), range(count)))
            jobs = wait_jobs(url, [a.json()["job_id"] for a in answers], 900)
            seconds = time.perf_counter() - began
        alive = proc.poll() is None and httpx.get(url + "/healthz").status_code == 200
    outcomes: dict[str, int] = {}
    for job in jobs.values():
        key = job["status"] if job["status"] == "done" else job["error"]["code"]
        outcomes[key] = outcomes.get(key, 0) + 1
    return {"scans": count, "accepted": sum(a.status_code == 202 for a in answers), "server_up": alive,
            "outcomes": outcomes, "seconds": round(seconds, 1), "peak_rss_mb": round(memory.peak),
            "rss_before_mb": round(memory.before)}


def warm(url: str, workers: int = 2) -> None:
    """Start every worker process (two jobs at once) so that spawning is not timed."""
    text = (SAMPLES / "ubnd-chi-thi.txt").read_bytes()
    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(lambda k: post(url, f"warm-{k}.txt", text + b"\n%d" % k), range(workers)))
    wait_jobs(url, [a.json()["job_id"] for a in answers])


def refusal(name: str, data: bytes) -> dict:
    """Post one hostile file; time until its job ends, and the peak memory meanwhile."""
    with tempfile.TemporaryDirectory() as tmp, rasoat_serve(env(Path(tmp))) as (url, proc):
        warm(url)
        with PeakMemory(proc.pid) as memory:
            began = time.perf_counter()
            if name.endswith(".zip"):
                answer = httpx.post(f"{url}/v1/batches", headers=HEADERS, files={"files": (name, data)}, timeout=120)
                job = answer.json() if answer.status_code != 202 else wait_jobs(url, [answer.json()["job_id"]])
            else:
                answer = post(url, name, data)
                job = wait_jobs(url, [answer.json()["job_id"]], 900)[answer.json()["job_id"]]
            seconds = time.perf_counter() - began
        alive = proc.poll() is None
    code = (job.get("error") or {}).get("code") if isinstance(job, dict) else None
    return {"file": name, "bytes": len(data), "http": answer.status_code, "code": code, "seconds": round(seconds, 2),
            "peak_rss_mb": round(memory.peak), "rss_before_mb": round(memory.before),
            "rss_growth_mb": round(memory.peak - memory.before), "server_up": alive}


def honest_zip(members: int = 200, size: int = 1_000_000) -> bytes:
    """A ZIP of `members` texts of `size` bytes that compress about 3:1 (random words): it passes
    every budget, so all of it streams through the API into the file store."""
    import io
    import random
    import zipfile

    words = "kế hoạch triển khai nhiệm vụ sở tài chính chủ trì phối hợp hoàn thành trước ngày năm".split()
    rng, out = random.Random(7), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for k in range(members):
            text = " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(size // 8))
            archive.writestr(f"van-ban-{k:03d}.txt", text.encode("utf-8")[:size])
    return out.getvalue()


def zip_streaming() -> dict:
    """Post an honest 200 × 1 MB ZIP: time to the 202 and the API process's memory meanwhile (the
    members stream to disk one at a time; the batch job itself is not waited for)."""
    data = honest_zip()
    with tempfile.TemporaryDirectory() as tmp, rasoat_serve(env(Path(tmp))) as (url, proc):
        warm(url)
        import psutil

        api = psutil.Process(proc.pid)
        before, peak, stop = api.memory_info().rss / 2**20, [0.0], threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], api.memory_info().rss / 2**20)
                time.sleep(0.01)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        began = time.perf_counter()
        answer = httpx.post(f"{url}/v1/batches", headers=HEADERS, files={"files": ("lo.zip", data)}, timeout=600)
        seconds = time.perf_counter() - began
        time.sleep(0.5)
        after = api.memory_info().rss / 2**20
        stop.set()
        sampler.join()
    return {"zip_mb": round(len(data) / 2**20, 1), "members": 200, "expanded_mb": round(200 * 1_000_000 / 2**20),
            "http": answer.status_code, "files": answer.json().get("files"), "seconds": round(seconds, 1),
            "api_rss_before_mb": round(before), "api_rss_peak_mb": round(peak[0]), "api_rss_after_mb": round(after)}


def unauthenticated_gigabyte() -> dict:
    """Announce a 1 GB body without a key and stream it; how long until the 401, how much was sent."""
    with tempfile.TemporaryDirectory() as tmp, rasoat_serve(env(Path(tmp))) as (url, proc):
        host, port = url.removeprefix("http://").split(":")
        sent, chunk = 0, b"x" * 2**20
        with socket.create_connection((host, int(port)), timeout=30) as sock:
            began = time.perf_counter()
            sock.sendall(b"POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n"
                         b"Content-Type: multipart/form-data; boundary=b\r\n\r\n")
            sock.setblocking(False)
            answer = b""
            while not answer and sent < 2**30:
                try:
                    answer = sock.recv(4096)
                except BlockingIOError:
                    try:
                        sent += sock.send(chunk)
                    except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                        time.sleep(0.001)
            seconds = time.perf_counter() - began
        stored = sum(1 for p in (Path(tmp) / "files").rglob("*") if p.is_file())
    return {"status_line": answer.split(b"\r\n", 1)[0].decode(), "seconds": round(seconds, 4),
            "body_bytes_sent_before_answer": sent, "files_stored": stored}


def graceful_shutdown(jobs: int = 12) -> dict:
    """SIGTERM with `jobs` uploads queued: seconds until the server has exited, and what became of
    the jobs (the running ones requeued, the queued ones left queued; all done after a restart)."""
    base = (SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt").read_text(encoding="utf-8") * 8   # a few seconds each
    with tempfile.TemporaryDirectory() as tmp:
        settings = env(Path(tmp))
        with rasoat_serve(settings) as (url, proc):
            warm(url)
            ids = [post(url, f"d{k}.txt", (base + f"\n{k + 60}. Sở Y tế rà soát số {k}.\n").encode()).json()["job_id"]
                   for k in range(jobs)]
            began = time.perf_counter()
            os.kill(proc.pid, signal.SIGTERM)
            proc.wait(120)
            seconds = time.perf_counter() - began
        with rasoat_serve(settings) as (url, proc):
            states = [httpx.get(f"{url}/v1/jobs/{i}", headers=HEADERS).json() for i in ids]
            finished = wait_jobs(url, ids, 600)
    return {"jobs": jobs, "seconds_to_exit": round(seconds, 2),
            "done_before_exit": sum(s["status"] == "done" and s["attempts"] == 1 for s in states),
            "done_after_restart": sum(j["status"] == "done" for j in finished.values()),
            "failed": sum(j["status"] == "failed" for j in finished.values())}


def soak(db_url: str | None, uploads: int = 40) -> dict:
    """kill -9 of the server (and its workers) once 15 uploads were accepted; then restart."""
    base = (SAMPLES / "ubnd-kh-phan-cong.txt").read_text(encoding="utf-8")
    files = [(f"kh-{k}.txt", (base + f"\n{k + 40}. Sở Nội vụ rà soát hồ sơ số {k}.\n").encode())
             for k in range(uploads)]
    accepted, lock = {}, threading.Lock()
    with tempfile.TemporaryDirectory() as tmp:
        settings = env(Path(tmp), db_url)
        with rasoat_serve(settings) as (url, proc):
            def upload(item):
                try:
                    answer = post(url, *item)
                except httpx.HTTPError:
                    return
                if answer.status_code in (200, 202):
                    with lock:
                        accepted[item[0]] = answer.json()["job_id"]
                    if len(accepted) == 15:
                        os.killpg(proc.pid, signal.SIGKILL)
            with ThreadPoolExecutor(8) as pool:
                list(pool.map(upload, files))
            proc.wait(30)
        before_kill = dict(accepted)
        with rasoat_serve(settings) as (url, proc):
            jobs = wait_jobs(url, list(before_kill.values()), 600)
            docs = httpx.get(f"{url}/v1/documents", headers=HEADERS, params={"limit": 500}).json()
    done = sum(j["status"] == "done" for j in jobs.values())
    return {"database": "postgresql" if db_url else "sqlite", "uploads_tried": uploads,
            "accepted_before_kill": len(before_kill), "done_after_restart": done,
            "lost": len(before_kill) - len(jobs), "failed": len(jobs) - done,
            "documents": len(docs), "duplicated": len(docs) - len({d["sha256"] for d in docs})}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip-soak", action="store_true")
    args = parser.parse_args()
    figures: dict = {"concurrent_scans": concurrent_scans(8)}
    cases = [("nho-14gb.pdf", hostile.huge_page_pdf()), ("quet-2000-trang.pdf", hostile.scan_pdf(2000)),
             ("300-khung.gif", hostile.frames_gif(300)), ("20000x20000.png", hostile.big_png(20000)),
             ("450-tep.zip", hostile.zip_members(450))]
    figures["refusals"] = [refusal(name, data) for name, data in cases]
    figures["zip_streaming"] = zip_streaming()
    figures["unauthenticated_1gb_post"] = unauthenticated_gigabyte()
    figures["graceful_shutdown"] = graceful_shutdown()
    if not args.skip_soak:
        from db_helpers import postgres_database, postgres_unavailable

        figures["kill_9_soak"] = [soak(None)]
        if postgres_unavailable() is None:
            with postgres_database() as url:
                figures["kill_9_soak"].append(soak(url))
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
