"""Archive-wide analysis after the per-document pass, from the Parquet parts in DIR:
links (lower → upper), the copy check on every linked pair, overlaps between sibling plans,
a deadline calendar and per-owner summaries — each written as DIR/<table>.parquet and .csv."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..archive import signature as sg
from .links import Node, link_all
from .overlaps import all_overlaps
from .run import Mapper, local_map
from .parquet import S, F, D, SCHEMAS, failures_table, read_parts, write_table
from .overviews import calendar, owners

B, I = pa.bool_(), pa.int32()
SCHEMAS.update({
    "links": pa.schema([("sha256", S), ("number", S), ("parent_sha256", S), ("parent_number", S),
                        ("method", S), ("jaccard", F), ("content", F)]),
    "copy": pa.schema([("sha256", S), ("parent_sha256", S), ("copy_ratio", F), ("coverage", F),
                       ("verbatim", I), ("adapted", I), ("new", I), ("error", S)]),
    "overlaps": pa.schema([("parent_sha256", S), ("sha256_a", S), ("task_a", S), ("sha256_b", S),
                           ("task_b", S), ("jaccard", F), ("from_parent", B), ("text_a", S), ("text_b", S)]),
    "calendar": pa.schema([("due", D), ("quarter", S), ("overdue", B), ("kind", S), ("sha256", S),
                           ("number", S), ("issuer", S), ("task_id", S), ("lead", S), ("text", S),
                           ("recurrence", S)]),
    "owners": pa.schema([("owner", S), ("documents", I), ("tasks", I), ("vague", I), ("no_deadline", I),
                         ("overdue", I), ("vague_share", F)]),
})


def nodes_of(documents: pa.Table) -> list[Node]:
    """Linking records of the documents table (signature, number, level, date, cited numbers)."""
    cols = ["sha256", "number", "level", "issued_on", "basis", "minhash"]
    return [Node(r["sha256"], r["number"], r["level"], r["issued_on"],
                 [k for n in (r["basis"] or "").split(";") if (k := sg.number_key(n.strip()))],
                 sg.from_bytes(r["minhash"])) for r in documents.select(cols).to_pylist()]


def copy_pair(lower_sha: str, upper_sha: str, lower_json: str, upper_json: str) -> dict[str, Any]:
    """The copy check (lexical signal) of one linked pair, as a row (runs on a worker)."""
    from ..compare import compare
    from ..document import Document

    row: dict[str, Any] = {"sha256": lower_sha, "parent_sha256": upper_sha}
    try:
        result = compare(Document.model_validate_json(lower_json),
                         Document.model_validate_json(upper_json), semantic=False)
    except Exception as error:          # noqa: BLE001 - one pair never stops the rest
        return row | {"error": f"{type(error).__name__}: {error}"[:300]}
    return row | {"copy_ratio": result.copy_ratio, "coverage": result.coverage, **result.counts()}


def _pairs(links: list[dict], docs: Path) -> Iterator[tuple[str, str, str, str]]:
    for link in links:
        lower, upper = link["sha256"], link["parent_sha256"]
        yield (lower, upper, (docs / f"{lower}.json").read_text(encoding="utf-8"),
               (docs / f"{upper}.json").read_text(encoding="utf-8"))


def copy_checks(links: list[dict], out: Path, mapper: Mapper = local_map) -> list[dict]:
    rows = [row for _, row in mapper(copy_pair, _pairs(links, out / "docs")) if isinstance(row, dict)]
    return sorted(rows, key=lambda r: (r["sha256"], r["parent_sha256"]))      # completion order varies


def task_lookup(tasks: pa.Table) -> dict[str, list[tuple[str, str, str]]]:
    """Document sha256 → its (task_id, text, normalised text) in order."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in tasks.select(["sha256", "task_id", "text", "norm"]).to_pylist():
        out[r["sha256"]].append((r["task_id"], r["text"], r["norm"] or ""))
    return out


def analyse_archive(out: Path, as_of: date, mapper: Mapper = local_map, rerank: int = 2,
                    copy: bool = True) -> dict[str, int]:
    """Assemble the per-document tables and write the archive-wide ones; row counts by table."""
    tables = {name: read_parts(out, name) for name in ("documents", "tasks", "targets")}
    tables["failures"] = failures_table(out)
    by_doc = task_lookup(tables["tasks"])
    norms = lambda sha: [n for _, _, n in by_doc.get(sha, [])]  # noqa: E731
    links = link_all(nodes_of(tables["documents"]), norms, rerank)
    rows = {"links": links, "copy": copy_checks(links, out, mapper) if copy else [],
            "overlaps": all_overlaps(links, lambda sha: by_doc.get(sha, [])),
            "calendar": calendar(tables["tasks"], tables["targets"], tables["documents"], as_of),
            "owners": owners(tables["tasks"], as_of)}
    for name, table in tables.items():
        write_table(out, name, table)
    for name, found in rows.items():
        tables[name] = pa.Table.from_pylist(found, schema=SCHEMAS[name])
        write_table(out, name, tables[name])
    return {name: table.num_rows for name, table in tables.items()}
