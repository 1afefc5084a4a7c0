"""Warm a Dask worker's caches (lexicons, tokenizer, patterns) once when it starts: shared by the
API's Dask runner (jobs/dask_runner.py) and `rasoat batch` (batch/cluster.py)."""
from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from ..archive import signature as sg


def warm_up(extractor: str | None = None) -> None:
    """Load the lexicons, tokenizer and patterns the pipeline caches at module level (and, for the
    model or hybrid extractor, the encoder and the tagger's head, once per process)."""
    from ..pipeline import analyze_text

    doc = analyze_text("KẾ HOẠCH\n1. Sở Tài chính chủ trì, hoàn thành trước ngày 30/6/2025.", extractor=extractor)
    sg.normalised_tasks(doc)


class Warmup(WorkerPlugin):
    """Warms the pipeline's caches when a worker starts (and on workers already running)."""

    name = "rasoat-warmup"

    def setup(self, worker) -> None:      # noqa: ANN001 - distributed.Worker
        warm_up()
