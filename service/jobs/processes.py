"""The default runner (RASOAT_RUNNER=processes): jobs run in `workers` spawned processes, one job at a
time each, so parsing, rendering and OCR never share the API process and never run two at once in
one process. A supervisor thread per worker hands it job ids and watches it: a worker that dies (a
crash in a native library), runs past RASOAT_JOB_MAX_SECONDS or grows past RASOAT_JOB_MAX_MEMORY_MB
is killed with its OCR subprocesses, its job is recorded as failed with a code (`worker_crashed`,
`job_time_limit`, `job_memory_limit`), and a fresh process takes its place. The parent sends the
webhooks when a job ends.

On shutdown, queued jobs stay queued in the database; running ones get RASOAT_SHUTDOWN_SECONDS to
finish, then are stopped and requeued (without counting an attempt) for the next start.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from ..config import Settings
from ..errors import message
from ..store import Store, jobs
from .handlers import JobContext

log = logging.getLogger("rasoat.jobs")
POLL_SECONDS = 0.1


def _worker_main(settings: Settings, conn: Any) -> None:
    """A worker process: warm up, then run the job ids it receives until told to stop (None)."""
    from ..pipeline import analyze_text
    from .execute import execute

    os.setpgrp()                      # the supervisor kills the worker and its tesseract children together
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # shutdown is the supervisor's (a SIGTERM sent to
    signal.signal(signal.SIGTERM, signal.SIG_IGN)     # the whole service must not fail the running job)
    analyze_text("KẾ HOẠCH\n1. Sở Tài chính chủ trì.")        # load lexicons before the first job
    store = Store.open(settings.data_dir, settings.database_url, upgrade=False)
    context = JobContext(store, settings, heartbeat=lambda: conn.send(("tick", None)))
    while True:
        try:
            job_id = conn.recv()
        except (EOFError, OSError):
            return
        if job_id is None:
            return
        conn.send(("done", execute(context, job_id)))


def memory_mb(pid: int) -> float | None:
    """Resident memory of a process and its children in MB (Linux /proc), None when unknown."""
    total = 0.0
    try:
        children = open(f"/proc/{pid}/task/{pid}/children").read().split()
    except OSError:
        children = []
    for one in [pid, *map(int, children)]:
        try:
            with open(f"/proc/{one}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        except (OSError, ValueError, IndexError):
            if one == pid:
                return None
    return total


class _Worker:
    """One spawned process and the pipe to it."""

    def __init__(self, settings: Settings):
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(settings, child), daemon=True,
                                       name="rasoat-job-worker")
        self.process.start()
        child.close()

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.kill()


class ProcessRunner:
    """`submit(job_id)` queues the job for the next free worker process."""

    def __init__(self, settings: Settings, on_finish: Callable[[str], None], workers: int = 2,
                 store: Store | None = None):
        self.settings, self._on_finish = settings, on_finish
        self.store = store or Store.open(settings.data_dir, settings.database_url, upgrade=False)
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._stop_at: float | None = None
        self._slots = [_Slot(self, k) for k in range(max(1, workers))]
        for slot in self._slots:
            slot.start()

    def submit(self, job_id: str) -> None:
        if self._stop_at is None:
            self._queue.put(job_id)

    def fail(self, job_id: str, code: str, text: str) -> None:
        """Record a job stopped by the supervisor as failed, then notify."""
        with self.store.session() as s:
            failed = jobs.fail_running(s, job_id, {"code": code, "message": text})
        if failed:
            self._on_finish(job_id)

    def requeue(self, job_id: str) -> None:
        with self.store.session() as s:
            jobs.requeue(s, job_id)

    def finished(self, job_id: str, claimed: bool) -> None:
        if claimed:
            self._on_finish(job_id)

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking jobs; give running ones RASOAT_SHUTDOWN_SECONDS (none unless `wait`)."""
        self._stop_at = time.monotonic() + (self.settings.shutdown_seconds if wait else 0)
        while True:
            try:
                self._queue.get_nowait()          # stays queued in the database for the next start
            except queue.Empty:
                break
        for _ in self._slots:
            self._queue.put(None)
        for slot in self._slots:
            slot.join()

    @property
    def stopping_past_deadline(self) -> bool:
        return self._stop_at is not None and time.monotonic() >= self._stop_at


class _Slot(threading.Thread):
    """Supervises one worker process: sends job ids, watches life, time and memory."""

    def __init__(self, runner: ProcessRunner, index: int):
        super().__init__(name=f"rasoat-supervisor-{index}", daemon=True)
        self.runner = runner
        self.worker: _Worker | None = None

    def run(self) -> None:
        while (job_id := self.runner._queue.get()) is not None:
            try:
                self._run(job_id)
            except Exception:                      # the supervisor itself must survive anything
                log.exception("supervising job %s failed", job_id)
                self.runner.fail(job_id, "worker_crashed", message("worker_crashed"))
        if self.worker is not None:
            self.worker.stop()

    def _run(self, job_id: str) -> None:
        try:
            self._ensure_worker().conn.send(job_id)
        except (OSError, BrokenPipeError):           # died while idle: start another
            self.worker = None
            self._ensure_worker().conn.send(job_id)
        outcome = self._watch(job_id)
        if outcome is not None:
            self.worker.kill()
            self.worker = None
            if outcome == "requeue":
                self.runner.requeue(job_id)
            else:
                code, values = outcome
                log.error("job %s stopped: %s", job_id, code)
                self.runner.fail(job_id, code, message(code, **values))

    def _ensure_worker(self) -> _Worker:
        if self.worker is None or not self.worker.process.is_alive():
            self.worker = _Worker(self.runner.settings)
        return self.worker

    def _watch(self, job_id: str) -> Any:
        """None when the worker reported the job finished; else what to do with the job."""
        settings, worker = self.runner.settings, self.worker
        started = time.monotonic()
        while True:
            if worker.conn.poll(POLL_SECONDS):
                try:
                    kind, value = worker.conn.recv()
                except (EOFError, OSError):
                    return "worker_crashed", {}
                if kind == "tick":
                    started = time.monotonic()
                    continue
                self.runner.finished(job_id, bool(value))
                return None
            if not worker.process.is_alive():
                log.error("job %s: worker died with exit code %s", job_id, worker.process.exitcode)
                return "worker_crashed", {}
            if self.runner.stopping_past_deadline:
                return "requeue"
            if time.monotonic() - started > settings.job_max_seconds:
                return "job_time_limit", {"seconds": settings.job_max_seconds}
            used = memory_mb(worker.process.pid)
            if used is not None and used > settings.job_max_memory_mb:
                return "job_memory_limit", {"mb": settings.job_max_memory_mb}
