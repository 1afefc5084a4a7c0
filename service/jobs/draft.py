"""The draft check: tasks, vagueness, copy comparison with the upper document and what is missing."""
from __future__ import annotations

from typing import Any

from ..compare import compare
from ..document import Document, Task

SCHEMA = "rasoat/draft-check@1"


def _missing(task: Task) -> list[str]:
    if task.vagueness is not None:
        return list(task.vagueness.missing)
    return [name for name, ok in (("owner", task.lead), ("deadline", task.deadline)) if not ok]


def task_summary(task: Task) -> dict[str, Any]:
    """One task as a reviewer reads it."""
    return {
        "id": task.id, "section": task.section, "text": task.text,
        "lead": [b.canonical or b.name for b in task.lead],
        "support": [b.canonical or b.name for b in task.support],
        "deadline": task.deadline.model_dump(mode="json") if task.deadline else None,
        "targets": [t.text for t in task.targets],
        "vagueness": task.vagueness.model_dump(mode="json") if task.vagueness else None,
        "missing": _missing(task),
    }


def check_draft(draft: Document, upper: Document | None, semantic: bool = True,
                upper_id: str | None = None, upper_vectors=None) -> dict[str, Any]:
    """The whole draft-check response as JSON-ready data; `upper_vectors` are the stored upper's
    passage embeddings (service/compare/vectors.py), so that only the draft is embedded."""
    tasks = [task_summary(t) for t in draft.tasks]
    comparison = (compare(draft, upper, semantic=semantic, upper_vectors=upper_vectors)
                  if upper is not None else None)
    missing: dict[str, Any] = {
        "owner": [t["id"] for t in tasks if "owner" in t["missing"]],
        "deadline": [t["id"] for t in tasks if "deadline" in t["missing"]],
        "target": [t["id"] for t in tasks if "target" in t["missing"]],
        "upper_not_covered": ([u.model_dump(mode="json") for u in comparison.uncovered_upper]
                              if comparison else None),
    }
    return {
        "schema": SCHEMA,
        "document": draft.metadata.model_dump(mode="json"),
        "tasks": tasks,
        "vagueness_summary": (draft.vagueness_summary.model_dump(mode="json")
                              if draft.vagueness_summary else None),
        "upper_id": upper_id,
        "comparison": comparison.model_dump(mode="json", by_alias=True) if comparison else None,
        "missing": missing,
        "warnings": [w.model_dump(mode="json") for w in draft.warnings],
    }
