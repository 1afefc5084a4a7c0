"""Background jobs persisted in the database, run by a worker pool inside the app.

    service = JobService(store, settings); service.start()   # also resumes interrupted jobs
    job = service.enqueue("analyze", {"sha256": ..., "filename": ...})
"""
from __future__ import annotations

from functools import partial
from typing import Any

from ..config import Settings
from ..store import Store, jobs
from ..store.models import JobRow
from .execute import execute, job_view
from .handlers import JobContext
from .runner import Runner, ThreadRunner
from .webhook_delivery import Notifier, sign


class JobService:
    """Creates jobs, hands them to the runner and resumes the unfinished ones at start-up."""

    def __init__(self, store: Store, settings: Settings, runner: Runner | None = None,
                 notifier: Notifier | None = None):
        self.store = store
        self.notifier = notifier or Notifier(store, settings.webhook_attempts, settings.webhook_backoff,
                                             settings.webhook_timeout, allow=settings.webhook_allow)
        self.context = JobContext(store, settings, self.notifier.job_finished)
        self.runner = runner or self._runner(settings)
        self.max_attempts = settings.max_attempts

    def _runner(self, settings: Settings) -> Runner:
        if settings.runner == "processes":
            from .processes import ProcessRunner

            return ProcessRunner(settings, self.notifier.job_finished, settings.workers, self.store)
        if settings.runner == "dask":
            from .dask_runner import DaskRunner
            return DaskRunner(settings, self.notifier.job_finished, settings.workers)
        return ThreadRunner(partial(execute, self.context), settings.workers, settings.shutdown_seconds)

    def start(self) -> list[str]:
        """Requeue jobs left running by a dead process and submit every queued job."""
        self.notifier.start()
        with self.store.session() as s:
            pending = jobs.recover(s, self.max_attempts)
        for job_id in pending:
            self.runner.submit(job_id)
        return pending

    def enqueue(self, kind: str, payload: dict[str, Any], actor: str | None = None) -> JobRow:
        with self.store.session() as s:
            job = jobs.create_job(s, kind, payload, actor)
        self.runner.submit(job.id)
        return job

    def shutdown(self) -> None:
        self.runner.shutdown(wait=True)
        self.notifier.shutdown()


__all__ = ["JobService", "Runner", "ThreadRunner", "Notifier", "job_view", "sign", "execute"]
