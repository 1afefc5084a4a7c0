"""A Dask distributed runner (RASOAT_RUNNER=dask): jobs run on a Dask cluster — a LocalCluster of
`workers` processes on 127.0.0.1, or the scheduler at DASK_SCHEDULER_ADDRESS. The jobs table stays
the record: a worker opens the same Store (so on a remote cluster the database must be PostgreSQL
and the data directory shared), claims the job and records its outcome; the app sends webhooks."""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

from ..config import Settings
from .handlers import JobContext

log = logging.getLogger("rasoat.jobs")
_contexts: dict[tuple, JobContext] = {}
_lock = threading.Lock()


def _context(settings: Settings) -> JobContext:
    """One JobContext per worker process and data store, opened on first use."""
    from ..store import Store

    key = (str(settings.data_dir), settings.database_url)
    with _lock:
        if key not in _contexts:
            store = Store.open(settings.data_dir, settings.database_url, upgrade=False)
            _contexts[key] = JobContext(store, settings)
        return _contexts[key]


def run_job(settings: Settings, job_id: str) -> bool:
    """Execute one persisted job on a Dask worker (False when already claimed or finished)."""
    from .execute import execute

    return execute(_context(settings), job_id)


class DaskRunner:
    """`submit(job_id)` runs the job on the Dask cluster; futures are held until they finish."""

    def __init__(self, settings: Settings, on_finish: Callable[[str], None], workers: int = 2,
                 address: str | None = None, processes: bool = True):
        from distributed import Client, LocalCluster

        from .warmup import Warmup

        self._settings, self._on_finish = settings, on_finish
        address = address or os.environ.get("DASK_SCHEDULER_ADDRESS")
        self._cluster = None if address else LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=processes,
            dashboard_address="127.0.0.1:0", **({"host": "127.0.0.1"} if processes else {}))
        self._client = Client(address or self._cluster)
        self._client.register_plugin(Warmup())
        self._futures: set = set()

    def submit(self, job_id: str) -> None:
        future = self._client.submit(run_job, self._settings, job_id, pure=False)
        self._futures.add(future)
        future.add_done_callback(lambda f: self._done(job_id, f))

    def _done(self, job_id: str, future) -> None:      # noqa: ANN001 - distributed.Future
        self._futures.discard(future)
        if future.status != "finished":
            log.error("job %s did not finish on Dask: %s", job_id, future.status)
            return
        if future.result():
            self._on_finish(job_id)

    def shutdown(self, wait: bool = True) -> None:
        from distributed import wait as wait_for

        if wait and self._futures:
            wait_for(list(self._futures))
        else:
            for future in list(self._futures):
                future.cancel()
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
