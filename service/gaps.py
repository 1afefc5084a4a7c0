"""Last stage: warnings a reviewer should see about what the analysis could not find."""
from __future__ import annotations

from .document import Document, Problem
from .messages import say
from .structure.header import unreadable_date, unreadable_number


def flag_gaps(doc: Document) -> Document:
    """Warn about a missing number, date or issuer, an unknown kind, and a text with no tasks."""
    meta = doc.metadata
    for field in ("number", "issued_on", "issuer"):
        if getattr(meta, field) is None:
            code = f"missing_{field}"
            doc.warnings.append(Problem(stage="metadata", code=code, message=say(code)))
    if meta.issued_on is None and unreadable_date(doc.text):
        doc.warnings.append(Problem(stage="metadata", code="unreadable_issued_on", message=say("unreadable_issued_on")))
    if meta.number is None and unreadable_number(doc.text):
        doc.warnings.append(Problem(stage="metadata", code="unreadable_number", message=say("unreadable_number")))
    if meta.kind == "khac":
        doc.warnings.append(Problem(stage="metadata", code="unknown_kind",
                                    message=say("unknown_kind")))
    if not doc.tasks:
        doc.warnings.append(Problem(stage="tasks", code="no_tasks",
                                    message=say("no_tasks")))
    return doc
