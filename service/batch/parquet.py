"""Output tables: per-batch Parquet parts written as results arrive, assembled at the end into
DIR/<table>.parquet and .csv (one row per document, task, target…; latest part wins per sha256)."""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..spreadsheet import csv_cell

S, I, F, D = pa.string(), pa.int32(), pa.float64(), pa.date32()
SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([("sha256", S), ("name", S), ("format", S), ("kind", S), ("number", S),
                            ("number_key", S), ("issuer", S), ("level", I), ("issued_on", D),
                            ("place", S), ("title", S), ("basis", S), ("tasks", I), ("targets", I),
                            ("vague_score", F), ("seconds", F), ("minhash", pa.binary())]),
    "tasks": pa.schema([("sha256", S), ("task_id", S), ("section", S), ("text", S), ("norm", S),
                        ("lead", S), ("support", S), ("deadline_text", S), ("deadline_end", D),
                        ("recurrence", S), ("vague_score", F), ("missing", S), ("targets", I)]),
    "targets": pa.schema([("sha256", S), ("task_id", S), ("text", S), ("indicator", S), ("value", F),
                          ("value_max", F), ("unit", S), ("comparator", S), ("year", I)]),
    "failures": pa.schema([("sha256", S), ("name", S), ("code", S), ("message", S)]),
}
PART_TABLES = ("documents", "tasks", "targets")
INTERNAL = {"documents": ["minhash"], "tasks": ["norm"]}


def to_table(rows: list[dict[str, Any]], name: str) -> pa.Table:
    """Rows as a table of the named schema (missing keys are null)."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name]) if rows else SCHEMAS[name].empty_table()


def write_parts(out: Path, rows: dict[str, list[dict[str, Any]]]) -> None:
    """One Parquet part per table for a flushed group of results (names sort by time)."""
    stamp = f"{time.time_ns():020d}-{uuid.uuid4().hex[:6]}"
    for name in PART_TABLES:
        folder = out / "parts" / name
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{stamp}.tmp"
        pq.write_table(to_table(rows.get(name, []), name), tmp)
        tmp.replace(folder / f"{stamp}.parquet")


def read_parts(out: Path, name: str) -> pa.Table:
    """Every part of a table, newest first per document: a sha256 seen in a newer part hides its
    rows in older parts (a document analysed again after an interrupted flush)."""
    files = sorted((out / "parts" / name).glob("*.parquet"), reverse=True)
    kept, seen = [], pa.array([], type=pa.string())
    for file in files:
        part = pq.read_table(file, schema=SCHEMAS[name])
        if len(seen):
            part = part.filter(pc.invert(pc.is_in(part["sha256"], value_set=seen)))
        if part.num_rows:
            kept.append(part)
            seen = pa.concat_arrays([seen, pc.unique(part["sha256"])])
    return pa.concat_tables(kept) if kept else SCHEMAS[name].empty_table()


def failures_table(out: Path) -> pa.Table:
    """Documents whose analysis failed (DIR/failed/<sha>.json) and that have no analysis since."""
    rows = []
    for file in sorted((out / "failed").glob("*.json")):
        if not (out / "docs" / file.name).exists():
            rows.append(json.loads(file.read_text(encoding="utf-8")))
    return to_table(rows, "failures")


def write_table(out: Path, name: str, table: pa.Table) -> None:
    """DIR/<name>.parquet and DIR/<name>.csv (internal columns left out of both)."""
    drop = [c for c in INTERNAL.get(name, []) if c in table.column_names]
    table = table.drop_columns(drop)
    pq.write_table(table, out / f"{name}.parquet")
    pacsv.write_csv(csv_safe(table), out / f"{name}.csv")


def csv_safe(table: pa.Table) -> pa.Table:
    """String columns with formula-like texts neutralised for spreadsheets (service/spreadsheet.py)."""
    for k, field in enumerate(table.schema):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            values = [csv_cell(v) for v in table.column(k).to_pylist()]
            table = table.set_column(k, field, pa.array(values, type=field.type))
    return table
