"""Last stage: warnings a reviewer should see about what the analysis could not find."""
from __future__ import annotations

from .document import Document, Problem
from .structure.header import unreadable_date


def flag_gaps(doc: Document) -> Document:
    """Warn about a missing number, date or issuer, an unknown kind, and a text with no tasks."""
    meta = doc.metadata
    gaps = [("number", "no document number (số ký hiệu) found: an unsigned draft?"),
            ("issued_on", "no issue date (ngày ban hành) found"),
            ("issuer", "no issuing body (cơ quan ban hành) found in the header")]
    for field, message in gaps:
        if getattr(meta, field) is None:
            doc.warnings.append(Problem(stage="metadata", code=f"missing_{field}", message=message))
    if meta.issued_on is None and unreadable_date(doc.text):
        doc.warnings.append(Problem(stage="metadata", code="unreadable_issued_on",
                                    message="Có dòng ngày ban hành nhưng không đọc được ngày, tháng (dấu đóng hoặc "
                                            "chữ viết tay trên bản scan?): để trống, cần kiểm tra bản gốc."))
    if meta.kind == "khac":
        doc.warnings.append(Problem(stage="metadata", code="unknown_kind",
                                    message="the document kind (Nghị quyết, Kế hoạch…) was not recognised"))
    if not doc.tasks:
        doc.warnings.append(Problem(stage="tasks", code="no_tasks",
                                    message="no task items were found in the text"))
    return doc
