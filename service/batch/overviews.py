"""Archive-wide views of the task table: a deadline calendar and per-owner summaries."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

import pyarrow as pa

from ..vagueness.score import VAGUE_FROM

NO_OWNER = "(không rõ chủ trì)"


def quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def calendar(tasks: pa.Table, targets: pa.Table, documents: pa.Table, as_of: date) -> list[dict]:
    """Every task deadline and target year (due 31 December) with its quarter; overdue before `as_of`."""
    meta = {r["sha256"]: r for r in documents.select(["sha256", "number", "issuer"]).to_pylist()}
    lead = {(r["sha256"], r["task_id"]): r["lead"] for r in tasks.select(["sha256", "task_id", "lead"]).to_pylist()}
    rows = []

    def add(sha: str, task_id: str, kind: str, text: str, due: date, recurrence: str | None) -> None:
        doc = meta.get(sha, {})
        rows.append({"due": due, "quarter": quarter(due), "overdue": due < as_of, "kind": kind,
                     "sha256": sha, "number": doc.get("number"), "issuer": doc.get("issuer"),
                     "task_id": task_id, "lead": lead.get((sha, task_id)) or "", "text": text,
                     "recurrence": recurrence})

    for r in tasks.select(["sha256", "task_id", "deadline_text", "deadline_end", "recurrence"]).to_pylist():
        if r["deadline_end"]:
            add(r["sha256"], r["task_id"], "deadline", r["deadline_text"], r["deadline_end"], r["recurrence"])
    for r in targets.select(["sha256", "task_id", "text", "year"]).to_pylist():
        if r["year"] and 1900 < r["year"] < 2200:
            add(r["sha256"], r["task_id"], "target", r["text"], date(r["year"], 12, 31), None)
    rows.sort(key=lambda r: (r["due"], r["sha256"], r["task_id"]))
    return rows


def owners(tasks: pa.Table, as_of: date) -> list[dict]:
    """Per canonical lead body: tasks, documents, vague tasks, tasks without deadline, overdue."""
    stats: dict[str, dict] = defaultdict(lambda: {"tasks": 0, "vague": 0, "no_deadline": 0,
                                                  "overdue": 0, "docs": set()})
    cols = ["sha256", "lead", "vague_score", "deadline_text", "deadline_end"]
    for r in tasks.select(cols).to_pylist():
        for owner in [o.strip() for o in (r["lead"] or "").split(";") if o.strip()] or [NO_OWNER]:
            s = stats[owner]
            s["tasks"] += 1
            s["docs"].add(r["sha256"])
            s["vague"] += (r["vague_score"] or 0) >= VAGUE_FROM
            s["no_deadline"] += not r["deadline_text"]
            s["overdue"] += bool(r["deadline_end"] and r["deadline_end"] < as_of)
    rows = [{"owner": o, "documents": len(s.pop("docs")), **s,
             "vague_share": round(s["vague"] / s["tasks"], 4)} for o, s in stats.items()]
    rows.sort(key=lambda r: (-r["tasks"], r["owner"]))
    return rows
