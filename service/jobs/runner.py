"""Runners execute persisted jobs by id. `submit(job_id)` is the whole interface, so a Dask or
process-pool runner can replace the thread pool without touching the API."""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

log = logging.getLogger("rasoat.jobs")


class Runner(Protocol):
    def submit(self, job_id: str) -> None: ...

    def shutdown(self, wait: bool = True) -> None: ...


class ThreadRunner:
    """A pool of worker threads inside the app process."""

    def __init__(self, execute: Callable[[str], object], workers: int = 2):
        self._execute = execute
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="rasoat-job")

    def submit(self, job_id: str) -> None:
        self._pool.submit(self._run, job_id)

    def _run(self, job_id: str) -> None:
        try:
            self._execute(job_id)
        except Exception:  # the job row records failures; this guards the pool
            log.exception("job %s crashed the runner", job_id)

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=not wait)
