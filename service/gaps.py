"""Last stage: warnings a reviewer should see about what the analysis could not find."""
from __future__ import annotations

from .document import Document, Problem
from .structure.header import unreadable_date, unreadable_number


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
                                    message="Dòng ngày ban hành để trống hoặc không đọc được ngày, tháng (ký số, đóng "
                                            "dấu, chữ viết tay trên bản scan, hoặc dự thảo chưa ban hành): để trống, "
                                            "cần kiểm tra bản gốc."))
    if meta.number is None and unreadable_number(doc.text):
        doc.warnings.append(Problem(stage="metadata", code="unreadable_number",
                                    message="Dòng số ký hiệu có ký hiệu nhưng không có số (số đóng dấu hoặc ký số, "
                                            "hoặc dự thảo chưa ban hành): để trống, cần kiểm tra bản gốc."))
    if meta.kind == "khac":
        doc.warnings.append(Problem(stage="metadata", code="unknown_kind",
                                    message="the document kind (Nghị quyết, Kế hoạch…) was not recognised"))
    if not doc.tasks:
        doc.warnings.append(Problem(stage="tasks", code="no_tasks",
                                    message="no task items were found in the text"))
    return doc
