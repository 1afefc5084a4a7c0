"""The DOCX review report (phiếu thẩm định): vague tasks, missing owners and deadlines, copied items."""
from __future__ import annotations

import io

from docx import Document as Docx

from ..compare import Comparison
from ..document import Document, Task
from ..vagueness import is_vague


def _task_line(task: Task) -> str:
    return f"[{task.id}] {task.text}"


def _list(report: Docx, heading: str, lines: list[str], empty: str = "Không có.") -> None:
    report.add_heading(heading, level=2)
    for line in lines or [empty]:
        report.add_paragraph(line, style="List Bullet" if lines else None)


def _vague_lines(doc: Document) -> list[str]:
    out = []
    for task in doc.tasks:
        v = task.vagueness
        if v is not None and is_vague(v.score):
            cues = ", ".join(f"“{c.text}”" for c in v.cues) or "—"
            hint = f" Gợi ý: {v.hint}" if v.hint else ""
            out.append(f"{_task_line(task)} — điểm {v.score:.2f}; từ ngữ chung chung: {cues}.{hint}")
    return out


def review_docx(doc: Document, comparison: Comparison | None = None) -> bytes:
    """The phiếu thẩm định of one document as DOCX bytes."""
    meta = doc.metadata
    report = Docx()
    report.add_heading("PHIẾU THẨM ĐỊNH", level=0)
    report.add_paragraph(f"Văn bản: {meta.number or '(không số)'} — {meta.issuer or '(không rõ cơ quan)'}"
                         f"{', ngày ' + meta.issued_on.strftime('%d/%m/%Y') if meta.issued_on else ''}")
    if meta.title:
        report.add_paragraph(f"Trích yếu: {meta.title}")
    no_owner = [_task_line(t) for t in doc.tasks if not t.lead]
    no_deadline = [_task_line(t) for t in doc.tasks if t.deadline is None]
    vague = _vague_lines(doc)
    report.add_paragraph(f"Tổng số nhiệm vụ: {len(doc.tasks)}; chung chung: {len(vague)}; "
                         f"thiếu chủ trì: {len(no_owner)}; thiếu thời hạn: {len(no_deadline)}.")
    _list(report, "1. Nhiệm vụ chung chung", vague)
    _list(report, "2. Nhiệm vụ thiếu đơn vị chủ trì", no_owner)
    _list(report, "3. Nhiệm vụ thiếu thời hạn", no_deadline)
    if comparison is not None:
        copied = [f"[{i.task_id}] {i.text}" for i in comparison.items if i.class_ == "verbatim"]
        ref = comparison.upper.number or "văn bản cấp trên"
        _list(report, f"4. Nội dung sao chép nguyên văn từ {ref} (tỷ lệ {comparison.copy_ratio:.0%})", copied)
        _list(report, f"5. Nhiệm vụ của {ref} chưa được cụ thể hóa",
              [f"[{u.task_id}] {u.text}" for u in comparison.uncovered_upper])
    else:
        report.add_paragraph("Không có văn bản cấp trên để đối chiếu sao chép.")
    out = io.BytesIO()
    report.save(out)
    return out.getvalue()
