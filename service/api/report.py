"""The review report (phiếu thẩm định) as DOCX, laid out as an administrative document (Nghị định
30/2020/NĐ-CP): A4, Times New Roman 13, the reviewing agency beside the quốc hiệu and tiêu ngữ, place
and date, the document reviewed, a task table (nội dung / chủ trì / thời hạn / vấn đề / kiến nghị),
the comparison with the upper document, the reviewer's opinion and the signature block."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from docx import Document as Docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..compare import Comparison
from ..document import Document, Task
from ..messages import kind_name, missing_name, vn_date
from ..vagueness.bands import level_of, scale_text
from ..vagueness import band

FONT, SIZE = "Times New Roman", 13
TASK_HEADERS = ("TT", "Nội dung nhiệm vụ", "Chủ trì", "Thời hạn", "Vấn đề", "Kiến nghị")
TASK_WIDTHS = (0.9, 4.6, 2.4, 2.0, 3.1, 3.5)             # cm, 16.5 in all: the text width of A4 here


@dataclass
class Reviewer:
    """Who signs the report: the agency, the place, the reviewer's name and opinion."""

    agency: str = "CƠ QUAN THẨM ĐỊNH"
    place: str = ""
    name: str = ""
    opinion: str = ""
    on: date | None = None


def _style(report: Docx) -> None:
    """A4 portrait, margins 2/2/3/1.5 cm, Times New Roman 13 for every style in use."""
    section = report.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    for name in ("Normal", "Table Grid", "List Bullet"):
        style = report.styles[name]
        style.font.name, style.font.size = FONT, Pt(SIZE)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)


def _widths(table, widths_cm: tuple[float, ...]) -> None:
    """Fixed column widths (Word and LibreOffice read them from every cell)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def _para(cell_or_doc, text: str = "", bold=False, italic=False, center=False, size=SIZE, underline=False):
    paragraph = cell_or_doc.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.name, run.font.size = FONT, Pt(size)
    paragraph.paragraph_format.space_after = Pt(3)
    return paragraph


def _heading_block(report: Docx, who: Reviewer) -> None:
    """Agency (left) and quốc hiệu, tiêu ngữ (right); place and date below on the right."""
    table = report.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, (6.0, 10.5))
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _para(left, who.agency.upper(), bold=True, center=True, size=12)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True, size=12)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, center=True, underline=True)
    on = who.on or date.today()
    place = f"{who.place}, " if who.place else ""
    _para(right, f"{place}ngày {on.day:02d} tháng {on.month:02d} năm {on.year}", italic=True, center=True)


def _problems(task: Task, copied: dict[str, str]) -> tuple[str, str]:
    """(vấn đề, kiến nghị) of a task in words."""
    issues, advice = [], []
    v = task.vagueness
    if v is not None and band(v.score) != "specific":
        cues = ", ".join(f"“{c.text}”" for c in v.cues[:3]) + (", …" if len(v.cues) > 3 else "")
        issues.append(f"Mức {level_of(v.score)}" + (f" (từ ngữ: {cues})" if cues else ""))
        if v.hint:
            advice.append(v.hint)
    lacking = [missing_name(p) for p in ("owner", "deadline") if v is None or p in (v.missing or [])]
    if not task.lead and "chủ trì" not in lacking:
        lacking.insert(0, "chủ trì")
    if lacking:
        issues.append("Thiếu " + ", ".join(lacking))
        advice.append("Bổ sung " + ", ".join(lacking) + ".")
    if task.id in copied:
        issues.append(f"Sao chép nguyên văn từ {copied[task.id]}")
        advice.append("Cụ thể hóa theo điều kiện của địa phương, đơn vị.")
    return "; ".join(issues) or "Không", " ".join(advice) or "Giữ nguyên"


def _task_table(report: Docx, doc: Document, comparison: Comparison | None) -> None:
    ref = comparison.upper.number or "văn bản cấp trên" if comparison else ""
    copied = {i.task_id: ref for i in comparison.items if i.class_ == "verbatim"} if comparison else {}
    table = report.add_table(rows=1, cols=len(TASK_HEADERS))
    table.style = report.styles["Table Grid"]
    for cell, title in zip(table.rows[0].cells, TASK_HEADERS):
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold, run.font.name, run.font.size = True, FONT, Pt(12)
    for number, task in enumerate(doc.tasks, 1):
        issues, advice = _problems(task, copied)
        values = (str(number), task.text, "; ".join(b.name for b in task.lead) or "—",
                  task.deadline.text if task.deadline else "—", issues, advice)
        for cell, value in zip(table.add_row().cells, values):
            run = cell.paragraphs[0].add_run(value)
            run.font.name, run.font.size = FONT, Pt(12)
    _widths(table, TASK_WIDTHS)


def _summary(report: Docx, doc: Document) -> None:
    levels = doc.vagueness_summary.distribution if doc.vagueness_summary else {}
    no_owner = sum(not t.lead for t in doc.tasks)
    no_deadline = sum(t.deadline is None for t in doc.tasks)
    _para(report, f"Tổng số nhiệm vụ: {len(doc.tasks)}; thiếu chủ trì: {no_owner}; thiếu thời hạn: "
                  f"{no_deadline}. Mức cụ thể: cụ thể {levels.get('specific', 0)}, cần làm rõ "
                  f"{levels.get('mixed', 0)}, chung chung {levels.get('vague', 0)}.")
    _para(report, scale_text(), italic=True, size=12)


def _comparison(report: Docx, comparison: Comparison | None) -> None:
    _para(report, "III. ĐỐI CHIẾU VỚI VĂN BẢN CẤP TRÊN", bold=True)
    if comparison is None:
        _para(report, "Không có văn bản cấp trên để đối chiếu sao chép.")
        return
    ref = comparison.upper.number or "văn bản cấp trên"
    counts = comparison.counts()
    _para(report, f"Nội dung sao chép nguyên văn từ {ref}: {counts['verbatim']} nhiệm vụ "
                  f"(tỷ lệ {comparison.copy_ratio:.0%} lời văn); cụ thể hóa {counts['adapted']}; "
                  f"mới {counts['new']}.")
    left = comparison.uncovered_upper
    _para(report, f"Nhiệm vụ của {ref} chưa được cụ thể hóa: {len(left)}." if left else
                  f"Mọi nhiệm vụ của {ref} đều đã được triển khai.")
    for task in left:
        report.add_paragraph(task.text, style="List Bullet")


def _signature(report: Docx, who: Reviewer) -> None:
    table = report.add_table(rows=1, cols=2)
    _widths(table, (8.0, 8.5))
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    _para(left, "- Như trên;\n- Lưu: VT.", size=11)
    _para(right, "NGƯỜI THẨM ĐỊNH", bold=True, center=True)
    _para(right, "(Ký, ghi rõ họ tên)", italic=True, center=True, size=12)
    _para(right, "\n\n\n" + who.name, bold=True, center=True)


def review_docx(doc: Document, comparison: Comparison | None = None, who: Reviewer | None = None) -> bytes:
    """The phiếu thẩm định of one document as DOCX bytes."""
    who = who or Reviewer()
    meta = doc.metadata
    report = Docx()
    _style(report)
    _heading_block(report, who)
    _para(report, "PHIẾU THẨM ĐỊNH", bold=True, center=True, size=14)
    what = f"{kind_name(meta.kind)} số {meta.number}" if meta.number else f"Dự thảo {kind_name(meta.kind).lower()}"
    dated = f" ngày {vn_date(meta.issued_on)}" if meta.issued_on else ""
    by = f" của {meta.issuer}" if meta.issuer else ""
    _para(report, f"{what}{dated}{by}", bold=True, center=True)
    if meta.title:
        _para(report, meta.title, italic=True, center=True)
    _para(report, "I. THÔNG TIN CHUNG", bold=True)
    _summary(report, doc)
    _para(report, "II. NHIỆM VỤ VÀ KIẾN NGHỊ", bold=True)
    _task_table(report, doc, comparison)
    _comparison(report, comparison)
    _para(report, "IV. Ý KIẾN CỦA NGƯỜI THẨM ĐỊNH", bold=True)
    _para(report, who.opinion or "." * 150)
    _signature(report, who)
    out = io.BytesIO()
    report.save(out)
    return out.getvalue()
