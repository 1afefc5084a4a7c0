"""Archive analysis at scale: the pipeline over a folder or ZIP of documents on Dask distributed,
then archive-wide links, copy checks, sibling overlaps, a deadline calendar and owner summaries.

    from service.batch import run_batch
    summary = run_batch(Path("archive/"), Path("out/"), workers=2)      # LocalCluster
    summary = run_batch(src, out, scheduler="tcp://127.0.0.1:8786")     # an existing cluster
"""
from __future__ import annotations

from importlib import import_module

# Loaded on first use, so that importing the package (the CLI does) does not import Dask or pyarrow.
_EXPORTS = {"run_batch": ".orchestrate", "run_pass": ".run", "local_map": ".run", "analyse_archive": ".archive_pass",
            "count_items": ".inputs", "source_items": ".inputs"}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(name)
    return getattr(import_module(_EXPORTS[name], __name__), name)


__all__ = list(_EXPORTS)
