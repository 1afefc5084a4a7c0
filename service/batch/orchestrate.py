"""run_batch: the per-document pass on Dask, then the archive-wide tables and the summary."""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from .archive_pass import analyse_archive
from .cluster import bounded_map, dask_client
from .summary import load_db, write_summary
from .run import PassReport, run_pass
from .inputs import source_items


def run_batch(source: Path, out: Path, scheduler: str | None = None, workers: int | None = None,
              as_of: date | None = None, load: bool = False, processes: bool = True,
              retry_failed: bool = False, on_result: Callable[[PassReport], None] = lambda r: None,
              rerank: int = 2, extractor: str | None = None) -> dict[str, Any]:
    """Analyse every document of `source` into `out` and write the archive-wide tables;
    the summary (also in out/summary.json and out/summary.xlsx)."""
    began = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    as_of = as_of or date.today()
    with dask_client(scheduler, workers, processes) as client:
        mapper = partial(bounded_map, client)
        report = run_pass(source_items(source), out, mapper, retry_failed, on_result, extractor)
        nworkers = len(client.scheduler_info()["workers"])
        archive_began = time.perf_counter()
        counts = analyse_archive(out, as_of, mapper, rerank)
    summary = {"source": str(source), "out": str(out), "as_of": as_of.isoformat(), "workers": nworkers,
               "files": report.seen, "analysed": report.analysed, "skipped": report.skipped,
               "failed": report.failed, "duplicates": report.duplicates, "rows": counts,
               "pass_seconds": report.seconds,
               "archive_seconds": round(time.perf_counter() - archive_began, 3),
               "seconds": round(time.perf_counter() - began, 3)}
    if load:
        summary["loaded_into_db"] = load_db(out)
    write_summary(out, summary)
    return summary

