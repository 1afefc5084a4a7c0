"""The per-document pass: every document of a source analysed once (by content sha256), its
analysis JSON in DIR/docs/<sha>.json, its rows in Parquet parts; failures in DIR/failed/.

Resumable: a document whose DIR/docs/<sha>.json exists is skipped (as is a recorded failure unless
`retry_failed`). Rows are flushed to parts before the JSON files are written, so an interrupted run
never leaves a document marked done without its rows.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .inputs import Item
from .parquet import PART_TABLES, write_parts
from .work import analyse

FLUSH_EVERY = 200
Mapper = Callable[[Callable[..., Any], Iterable[tuple]], Iterator[tuple[tuple, Any]]]


@dataclass
class PassReport:
    """What the per-document pass did."""

    seen: int = 0
    analysed: int = 0
    skipped: int = 0                  # done in an earlier run
    failed: int = 0
    duplicates: list[str] = field(default_factory=list)     # names whose content was seen already
    seconds: float = 0.0

    @property
    def done(self) -> int:
        """Documents accounted for so far (for a progress bar)."""
        return self.analysed + self.skipped + self.failed + len(self.duplicates)


def local_map(fn: Callable[..., Any], args: Iterable[tuple]) -> Iterator[tuple[tuple, Any]]:
    """The plain single-process loop (same interface as cluster.bounded_map)."""
    for a in args:
        yield a, fn(*a)


def _record_failure(out: Path, sha: str, name: str, error: dict[str, str]) -> None:
    (out / "failed").mkdir(parents=True, exist_ok=True)
    body = {"sha256": sha, "name": name, "code": error["code"], "message": error["message"]}
    (out / "failed" / f"{sha}.json").write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")


def _todo(items: Iterable[Item], out: Path, report: PassReport, retry_failed: bool) -> Iterator[tuple]:
    """(name, bytes, sha) of every document still to analyse; the rest are counted."""
    seen: set[str] = set()
    for item in items:
        report.seen += 1
        if item.sha256 in seen:
            report.duplicates.append(item.name)
            continue
        seen.add(item.sha256)
        if (out / "docs" / f"{item.sha256}.json").exists() or (
                not retry_failed and (out / "failed" / f"{item.sha256}.json").exists()):
            report.skipped += 1
        elif item.error is not None:
            report.failed += 1
            _record_failure(out, item.sha256, item.name, {"code": item.error.code, "message": item.error.message})
        else:
            yield item.name, item.data, item.sha256


class Buffer:
    """Results held until flushed: rows to Parquet parts first, then the JSON files."""

    def __init__(self, out: Path):
        self.out, self.results = out, []

    def add(self, result: dict[str, Any]) -> None:
        self.results.append(result)
        if len(self.results) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if not self.results:
            return
        rows: dict[str, list] = {name: [] for name in PART_TABLES}
        for result in self.results:
            for name in PART_TABLES:
                rows[name] += result["rows"][name]
        write_parts(self.out, rows)
        for result in self.results:
            tmp = self.out / "docs" / f".{result['sha256']}.tmp"
            tmp.write_text(result["json"], encoding="utf-8")
            tmp.replace(self.out / "docs" / f"{result['sha256']}.json")
        self.results = []


def run_pass(items: Iterable[Item], out: Path, mapper: Mapper = local_map, retry_failed: bool = False,
             on_result: Callable[[PassReport], None] = lambda r: None, extractor: str | None = None) -> PassReport:
    """Analyse every document of `items` not done yet, through `mapper` (Dask or the plain loop)."""
    import time

    began = time.perf_counter()
    (out / "docs").mkdir(parents=True, exist_ok=True)
    report, buffer = PassReport(), Buffer(out)
    fn = partial(analyse, extractor=extractor) if extractor else analyse
    for (name, _, sha), result in mapper(fn, _todo(items, out, report, retry_failed)):
        if isinstance(result, BaseException):
            result = {"error": {"code": "worker_error", "message": f"{type(result).__name__}: {result}"[:500]}}
        if "error" in result:
            report.failed += 1
            _record_failure(out, sha, name, result["error"])
        else:
            report.analysed += 1
            buffer.add(result)
        on_result(report)
    buffer.flush()
    report.seconds = round(time.perf_counter() - began, 3)
    return report
