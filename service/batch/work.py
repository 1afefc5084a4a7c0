"""What a worker does with one document: analyse it and turn it into table rows.

Runs on Dask workers (or in-process for the plain loop). Lexicons and models are module-level
caches of the pipeline; service/jobs/warmup.py fills them once per worker process.
"""
from __future__ import annotations

import time
from typing import Any

from ..archive import signature as sg
from ..document import Document
from ..errors import RasoatError
from ..archive.levels import level_of

Row = dict[str, Any]


def document_row(doc: Document, sha: str, name: str, seconds: float) -> Row:
    meta = doc.metadata
    summary = doc.vagueness_summary
    return {"sha256": sha, "name": name, "format": doc.source.format, "kind": meta.kind,
            "number": meta.number, "number_key": sg.number_key(meta.number), "issuer": meta.issuer,
            "level": level_of(meta.issuer), "issued_on": meta.issued_on, "place": meta.place,
            "title": meta.title, "basis": "; ".join(c.number for c in meta.basis if c.number),
            "tasks": len(doc.tasks), "targets": len(doc.targets),
            "vague_score": summary.score if summary else None, "seconds": round(seconds, 4)}


def task_rows(doc: Document, sha: str, norms: list[str]) -> list[Row]:
    rows = []
    for task, norm in zip(doc.tasks, norms):
        vague = task.vagueness
        rows.append({
            "sha256": sha, "task_id": task.id, "section": task.section, "text": task.text,
            "norm": norm, "lead": "; ".join(b.canonical or b.name for b in task.lead),
            "support": "; ".join(b.canonical or b.name for b in task.support),
            "deadline_text": task.deadline.text if task.deadline else None,
            "deadline_end": task.deadline.end if task.deadline else None,
            "recurrence": task.deadline.recurrence if task.deadline else None,
            "vague_score": vague.score if vague else None,
            "missing": "; ".join(vague.missing) if vague else "", "targets": len(task.targets)})
    return rows


def target_rows(doc: Document, sha: str) -> list[Row]:
    return [{"sha256": sha, "task_id": task.id, "text": t.text, "indicator": t.indicator,
             "value": t.value, "value_max": t.value_max, "unit": t.unit, "comparator": t.comparator,
             "year": t.year} for task in doc.tasks for t in task.targets]


def rows_of(doc: Document, sha: str, name: str, seconds: float) -> dict[str, Any]:
    """Every table row of one analysed document, its normalised tasks and MinHash signature."""
    norms = sg.normalised_tasks(doc)
    signature = sg.to_bytes(sg.minhash(sg.shingles(norms)))
    return {"documents": [document_row(doc, sha, name, seconds) | {"minhash": signature}],
            "tasks": task_rows(doc, sha, norms), "targets": target_rows(doc, sha)}


def analyse(name: str, data: bytes, sha: str, extractor: str | None = None) -> dict[str, Any]:
    """Analyse one file's bytes: {"sha256", "name", "json", "rows"} or {"sha256", "name", "error"}."""
    from ..pipeline import analyze_bytes

    began = time.perf_counter()
    try:
        doc = analyze_bytes(data, name, extractor)
        rows = rows_of(doc, sha, name, time.perf_counter() - began)
    except RasoatError as error:
        return {"sha256": sha, "name": name, "error": {"code": error.code, "message": error.message}}
    except Exception as error:          # noqa: BLE001 - one document never stops the run
        return {"sha256": sha, "name": name,
                "error": {"code": "internal_error", "message": f"{type(error).__name__}: {error}"[:500]}}
    return {"sha256": sha, "name": name, "json": doc.to_json(), "rows": rows}
