"""A process-pool runner: analysis runs outside the API process, so CPU-bound jobs never starve
request handling. Each child opens its own Store; the parent sends webhooks when a job ends."""
from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from ..api.config import Settings
from .handlers import JobContext

log = logging.getLogger("rasoat.jobs")
_context: JobContext | None = None


def _init(settings: Settings) -> None:
    global _context
    from ..pipeline import analyze_text
    from ..store import Store

    analyze_text("KẾ HOẠCH\n1. Sở Tài chính chủ trì.")        # load lexicons before the first job
    _context = JobContext(Store.open(settings.data_dir, settings.database_url, upgrade=False), settings)


def _run(job_id: str) -> bool:
    from .execute import execute

    return execute(_context, job_id)


class ProcessRunner:
    """`submit(job_id)` runs the job in one of `workers` spawned processes."""

    def __init__(self, settings: Settings, on_finish: Callable[[str], None], workers: int = 2):
        self._on_finish = on_finish
        self._pool = ProcessPoolExecutor(max_workers=max(1, workers), initializer=_init, initargs=(settings,),
                                         mp_context=multiprocessing.get_context("spawn"))

    def submit(self, job_id: str) -> None:
        self._pool.submit(_run, job_id).add_done_callback(lambda f: self._done(job_id, f))

    def _done(self, job_id: str, future: Future) -> None:
        if future.exception() is not None:
            log.error("job %s crashed its process: %r", job_id, future.exception())
            return
        if future.result():
            self._on_finish(job_id)

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=not wait)
