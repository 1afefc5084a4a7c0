"""Dask distributed: a LocalCluster sized to the machine, or an existing scheduler by address
(`--scheduler` or DASK_SCHEDULER_ADDRESS); work is submitted in a bounded window of futures."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, LocalCluster, as_completed

from ..jobs.warmup import Warmup

ENV_ADDRESS = "DASK_SCHEDULER_ADDRESS"


def scheduler_address(given: str | None = None) -> str | None:
    """The scheduler to connect to: the given address, else the environment's, else None."""
    return given or os.environ.get(ENV_ADDRESS) or None


@contextmanager
def dask_client(address: str | None = None, workers: int | None = None,
                processes: bool = True) -> Iterator[Client]:
    """A client of the cluster at `address`, or of a LocalCluster on 127.0.0.1 with `workers`
    single-threaded workers (default: one per core); the pipeline is warmed on every worker."""
    address = scheduler_address(address)
    cluster = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=processes, dashboard_address="127.0.0.1:0",
                               **({"host": "127.0.0.1"} if processes else {}))
        client = Client(cluster)
    try:
        client.register_plugin(Warmup())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def window_size(client: Client, per_worker: int = 4) -> int:
    """Futures kept in flight: a few per worker thread, so workers never wait for the client."""
    threads = sum(client.nthreads().values()) or 1
    return max(2, threads * per_worker)


def bounded_map(client: Client, fn: Callable[..., Any], args: Iterable[tuple],
                window: int | None = None) -> Iterator[tuple[tuple, Any]]:
    """(args, result) of `fn(*args)` for every args, in completion order, with at most `window`
    futures submitted at a time (a million documents never become a million futures). A task
    that failed outside `fn` (a worker died) yields its exception as the result."""
    window = window or window_size(client)
    pending = iter(args)
    running, given = as_completed(), {}

    def submit(batch: list[tuple]) -> None:
        for a in batch:
            future = client.submit(fn, *a, pure=False)
            given[future.key] = a
            running.add(future)

    submit(_take(pending, window))
    for future in running:
        try:
            result = future.result()
        except Exception as error:         # noqa: BLE001 - KilledWorker, lost connection...
            result = error
        yield given.pop(future.key), result
        future.release()
        submit(_take(pending, 1))


def _take(items: Iterator[tuple], n: int) -> list[tuple]:
    out = []
    for a in items:
        out.append(a)
        if len(out) >= n:
            break
    return out
