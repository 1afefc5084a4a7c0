"""Runners execute persisted jobs by id. `submit(job_id)` is the whole interface, so a Dask or
process-pool runner can replace the thread pool without touching the API."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

log = logging.getLogger("rasoat.jobs")


class Runner(Protocol):
    def submit(self, job_id: str) -> None: ...

    def shutdown(self, wait: bool = True) -> None: ...


class ThreadRunner:
    """A pool of worker threads inside the app process (RASOAT_RUNNER=threads): no isolation, so
    a crash in a native library takes the server down; for tests and small set-ups."""

    def __init__(self, execute: Callable[[str], object], workers: int = 2, shutdown_seconds: float = 20.0):
        self._execute, self._shutdown_seconds = execute, shutdown_seconds
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="rasoat-job")

    def submit(self, job_id: str) -> None:
        self._pool.submit(self._run, job_id)

    def _run(self, job_id: str) -> None:
        try:
            self._execute(job_id)
        except Exception:  # the job row records failures; this guards the pool
            log.exception("job %s crashed the runner", job_id)

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking jobs (queued ones stay queued in the database) and wait up to
        shutdown_seconds for the running ones; a thread cannot be stopped, so one still running
        then finishes before the process exits."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + (self._shutdown_seconds if wait else 0)
        for thread in list(self._pool._threads):
            thread.join(max(0.0, deadline - time.monotonic()))
