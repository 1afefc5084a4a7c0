"""Render the sample documents in corpora/samples/*.txt to DOCX and PDF.

    python corpora/render.py            # every samples/*.txt
    python corpora/render.py NAME ...   # only these (stem or path)

The TXT convention (see corpora/README.md):
- the first block of ``left | right`` lines is the header (issuing body / motto, number / place and date);
- a ``Nơi nhận: | <signature>`` block is the recipients list beside the signature;
- any other block of pipe lines is a table whose first row is the header row;
- an upper-case line (not ``I.``-numbered) opens a title block (kind name, trích yếu, "(Kèm theo ...)")
  that runs to the next blank line; "PHỤ LỤC" starts a new landscape page.
Outputs are reproducible (fixed timestamps), so re-running leaves git clean.
"""
from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

SAMPLES = Path(__file__).resolve().parent / "samples"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = datetime(2025, 1, 1)
ROMAN = re.compile(r"^[IVXLC]+[.\-]\s")
NUMBERED = re.compile(r"^\d+(\.\d+)*\.\s")
LETTERED = re.compile(r"^[a-zđ]\)\s")


@dataclass
class Block:
    kind: str  # header | signature | table | title | heading | subheading | para | item | kinhgui | blank
    lines: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    landscape: bool = False  # a title block that starts an appendix page


def split_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|") and s.endswith("|") and len(s) > 1:  # markdown style "| a | b |"
        s = s[1:-1]
    return [c.strip() for c in s.split("|")]


def is_title_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and s == s.upper() and not ROMAN.match(s) and len(s) < 120


def parse(text: str) -> list[Block]:
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if "|" in s:
            rows = []
            while i < len(lines) and "|" in lines[i]:
                row = split_row(lines[i])
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in row if c):  # skip "| --- |"
                    rows.append(row)
                i += 1
            first = rows[0][0]
            if not blocks or all(b.kind == "blank" for b in blocks):
                kind = "header"
            elif first.startswith(("Nơi nhận", "Kính gửi")):
                kind = "signature"
            else:
                kind = "table"
            blocks.append(Block(kind, rows=rows))
            continue
        if not s:
            blocks.append(Block("blank"))
        elif is_title_line(s):
            title = Block("title", landscape=s.startswith("PHỤ LỤC"))
            while i < len(lines) and lines[i].strip() and "|" not in lines[i]:
                title.lines.append(lines[i].strip())
                i += 1
            blocks.append(title)
            continue
        elif s.startswith("Kính gửi"):
            kg = Block("kinhgui", [s])
            while i + 1 < len(lines) and lines[i + 1].strip().startswith("-"):
                i += 1
                kg.lines.append(lines[i].strip())
            blocks.append(kg)
        elif ROMAN.match(s):
            blocks.append(Block("heading", [s]))
        elif NUMBERED.match(s) and not s.endswith((".", ";", ":")):
            blocks.append(Block("heading", [s]))
        elif LETTERED.match(s) and not s.endswith((".", ";", ":")):
            blocks.append(Block("subheading", [s]))
        elif s.startswith(("- ", "+ ")):
            blocks.append(Block("item", [s]))
        else:
            blocks.append(Block("para", [s]))
        i += 1
    return blocks


def cell_style(line: str, col: int) -> tuple[bool, bool]:
    """(bold, italic) for a header cell line."""
    if ", ngày" in line and " tháng " in line:
        return False, True
    if line.startswith("Độc lập"):
        return True, False
    if line.startswith("ĐẢNG BỘ ") and col == 0:
        return False, False
    return (line == line.upper() and any(c.isalpha() for c in line)), False


def signature_columns(rows: list[list[str]]) -> tuple[list[str], list[str]]:
    left = [r[0] for r in rows if r and r[0]]
    right = [r[1] for r in rows if len(r) > 1 and r[1]]
    return left, right


def is_name(line: str) -> bool:
    return line != line.upper()


def col_weights(rows: list[list[str]], total_mm: float) -> list[float]:
    """Column fractions: a TT/STT column gets 10 mm, the rest share by mean text length (floored)."""
    n = max(len(r) for r in rows)
    w = []
    for j in range(n):
        lens = [len(r[j]) for r in rows[1:] if j < len(r)] or [len(rows[0][j])]
        w.append(max(20.0, min(45.0, sum(lens) / len(lens)), len(rows[0][j]) / 2 if j < len(rows[0]) else 0))
    if rows[0][0].upper() in ("TT", "STT"):
        first = 10.0 / total_mm
        rest = sum(w[1:])
        return [first] + [(1 - first) * x / rest for x in w[1:]]
    return [x / sum(w) for x in w]


# ---------------------------------------------------------------- DOCX
def render_docx(blocks: list[Block], out: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name, st.font.size = "Times New Roman", Pt(13)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    st.paragraph_format.space_after = Pt(3)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    sec.different_first_page_header_footer = True  # no number on page 1 (Nghị định 30/2020)
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for tag, txt in (("begin", None), (None, "PAGE"), ("separate", None), ("end", None)):
        run = hp.add_run()
        if tag:
            el = OxmlElement("w:fldChar"); el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText"); el.set(qn("xml:space"), "preserve"); el.text = txt
        run._r.append(el)

    def borderless(table):
        tblPr = table._tbl.tblPr
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            e = OxmlElement(f"w:{edge}"); e.set(qn("w:val"), "nil"); borders.append(e)
        tblPr.append(borders)

    def para(container, text, bold=False, italic=False, size=None, align=None, indent=None, before=0):
        p = container.add_paragraph()
        r = p.add_run(text)
        r.bold, r.italic = bold, italic
        if size:
            r.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        if indent is not None:
            p.paragraph_format.first_line_indent = Mm(indent)
        p.paragraph_format.space_before = Pt(before)
        p.paragraph_format.space_after = Pt(2)
        return p

    def fill(cell, lines, **kw):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        for ln in lines:
            para(cell, ln, **kw) if isinstance(ln, str) else para(cell, ln[0], **{**kw, **ln[1]})

    width = lambda: doc.sections[-1].page_width - doc.sections[-1].left_margin - doc.sections[-1].right_margin
    C = WD_ALIGN_PARAGRAPH.CENTER
    for b in blocks:
        if b.kind == "header":
            t = doc.add_table(rows=len(b.rows), cols=2); borderless(t)
            for i, row in enumerate(b.rows):
                for j in range(2):
                    txt = row[j] if j < len(row) else ""
                    bold, italic = cell_style(txt, j)
                    size = 12 if txt.startswith("V/v") else None
                    fill(t.cell(i, j), [txt], bold=bold, italic=italic, align=C, size=size)
                    t.cell(i, j).width = int(width() * (0.42 if j == 0 else 0.58))
        elif b.kind == "signature":
            left, right = signature_columns(b.rows)
            t = doc.add_table(rows=1, cols=2); borderless(t)
            fill(t.cell(0, 0), [(l, {"bold": l.startswith(("Nơi nhận", "Kính gửi")), "italic": l.startswith(("Nơi nhận", "Kính gửi")),
                                      "size": 12 if l.startswith(("Nơi nhận", "Kính gửi")) else 11}) for l in left])
            fill(t.cell(0, 1), [(r, {"before": 48 if is_name(r) else 0}) for r in right], bold=True, align=C)
            for j, f in enumerate((0.5, 0.5)):
                t.cell(0, j).width = int(width() * f)
        elif b.kind == "table":
            ws = col_weights(b.rows, width() / 36000)
            t = doc.add_table(rows=len(b.rows), cols=len(ws)); t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            trPr = t.rows[0]._tr.get_or_add_trPr(); h = OxmlElement("w:tblHeader"); h.set(qn("w:val"), "true"); trPr.append(h)
            for i, row in enumerate(b.rows):
                group = i > 0 and bool(ROMAN.match(row[0] + ". ")) and not row[0].isdigit()
                for j in range(len(ws)):
                    t.cell(i, j).width = int(width() * ws[j])
                if group:  # "I | HEADING |  | ..." spans the whole row
                    t.cell(i, 1).merge(t.cell(i, len(ws) - 1))
                    row = row[:2]
                for j in range(len(row) if group else len(ws)):
                    txt = row[j] if j < len(row) else ""
                    fill(t.cell(i, j), [txt], bold=(i == 0 or group), size=10.5, align=C if (i == 0 or j == 0) else None)
        elif b.kind == "title":
            if b.landscape:
                s = doc.add_section(WD_SECTION.NEW_PAGE)
                s.orientation = WD_ORIENT.LANDSCAPE
                s.page_width, s.page_height = Mm(297), Mm(210)
                s.left_margin, s.right_margin = Mm(20), Mm(20)
            for k, ln in enumerate(b.lines):
                note = ln.startswith("(")
                para(doc, ln, bold=not note, italic=note, align=C, size=14 if k == 0 else 13, before=6 if k == 0 else 0)
        elif b.kind == "heading":
            para(doc, b.lines[0], bold=True, indent=10, before=4)
        elif b.kind == "subheading":
            para(doc, b.lines[0], bold=True, italic=True, indent=10)
        elif b.kind == "kinhgui":
            p = para(doc, b.lines[0], align=C)
            for ln in b.lines[1:]:
                q = para(doc, ln); q.paragraph_format.left_indent = Mm(45)
        elif b.kind in ("para", "item"):
            para(doc, b.lines[0], indent=10, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME
    doc.core_properties.author = "rasoat corpora"
    doc.save(out)
    _fix_zip_times(out)


def _fix_zip_times(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---------------------------------------------------------------- PDF
def _fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" in pdfmetrics.getRegisteredFontNames():
        return
    files = {"DejaVu": "DejaVuSans.ttf", "DejaVu-Bold": "DejaVuSans-Bold.ttf",
             "DejaVu-Oblique": "DejaVuSans-Oblique.ttf", "DejaVu-BoldOblique": "DejaVuSans-BoldOblique.ttf"}
    for name, f in files.items():
        path = FONT_DIR / f
        if not path.exists():  # italics are optional: fall back to the upright faces
            path = FONT_DIR / ("DejaVuSans-Bold.ttf" if "Bold" in name else "DejaVuSans.ttf")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for bold, italic, name in ((0, 0, "DejaVu"), (1, 0, "DejaVu-Bold"), (0, 1, "DejaVu-Oblique"), (1, 1, "DejaVu-BoldOblique")):
        addMapping("DejaVu", bold, italic, name)


def render_pdf(blocks: list[Block], out: Path, title: str) -> None:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                    Paragraph, Spacer, Table, TableStyle)

    rl_config.invariant = 1  # reproducible bytes
    _fonts()
    base = ParagraphStyle("b", fontName="DejaVu", fontSize=10.5, leading=14, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=3)
    center = ParagraphStyle("c", parent=base, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=1)
    small = ParagraphStyle("s", parent=base, fontSize=9, leading=11.5, alignment=0, firstLineIndent=0, spaceAfter=0)
    cellp = ParagraphStyle("t", parent=small, fontSize=8.5, leading=10.5)

    def P(text, style, bold=False, italic=False, size=None):
        t = escape(text)
        if bold:
            t = f"<b>{t}</b>"
        if italic:
            t = f"<i>{t}</i>"
        if size:
            t = f'<font size="{size}">{t}</font>'
        return Paragraph(t, style)

    def number(canvas, doc):
        if doc.page > 1:
            canvas.setFont("DejaVu", 10)
            w, h = canvas._pagesize
            canvas.drawCentredString(w / 2, h - 12 * mm, str(doc.page))

    doc = BaseDocTemplate(str(out), pagesize=A4, title=title, author="rasoat corpora",
                          leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm, bottomMargin=20 * mm)
    pw, ph = A4
    lw, lh = landscape(A4)
    doc.addPageTemplates([
        PageTemplate("portrait", [Frame(30 * mm, 20 * mm, pw - 45 * mm, ph - 40 * mm, id="p")], onPage=number, pagesize=A4),
        PageTemplate("landscape", [Frame(20 * mm, 15 * mm, lw - 40 * mm, lh - 35 * mm, id="l")], onPage=number,
                     pagesize=landscape(A4)),
    ])
    frame_w = lambda land: (lw - 40 * mm) if land else (pw - 45 * mm)
    land = False
    story = []
    for b in blocks:
        if b.kind == "header":
            data = []
            for row in b.rows:
                cells = []
                for j in range(2):
                    txt = row[j] if j < len(row) else ""
                    bold, italic = cell_style(txt, j)
                    cells.append(P(txt, center, bold, italic, size=9.5 if txt.startswith("V/v") else None))
                data.append(cells)
            w = frame_w(land)
            t = Table(data, colWidths=[w * 0.42, w * 0.58])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
            story += [t, Spacer(1, 4 * mm)]
        elif b.kind == "signature":
            left, right = signature_columns(b.rows)
            lc = [P(l, small, bold=l.startswith(("Nơi nhận", "Kính gửi")), italic=l.startswith(("Nơi nhận", "Kính gửi")))
                  for l in left]
            rc = []
            for r in right:
                if is_name(r):
                    rc.append(Spacer(1, 16 * mm))
                rc.append(P(r, center, bold=True))
            w = frame_w(land)
            t = Table([[lc, rc]], colWidths=[w * 0.5, w * 0.5])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [Spacer(1, 3 * mm), t]
        elif b.kind == "table":
            w = frame_w(land)
            ws = col_weights(b.rows, w / mm)
            data = []
            style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                     ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]
            for i, row in enumerate(b.rows):
                group = i > 0 and not row[0].isdigit() and bool(ROMAN.match(row[0] + ". "))
                cells = [P(row[j] if j < len(row) else "", ParagraphStyle("h", parent=cellp, alignment=TA_CENTER)
                           if (i == 0 or j == 0) else cellp, bold=(i == 0 or group)) for j in range(len(ws))]
                if group:
                    style.append(("SPAN", (1, i), (-1, i)))
                data.append(cells)
            t = Table(data, colWidths=[w * x for x in ws], repeatRows=1)
            t.setStyle(TableStyle(style))
            story.append(t)
        elif b.kind == "title":
            if b.landscape:
                story += [NextPageTemplate("landscape"), PageBreak()]
                land = True
            for k, ln in enumerate(b.lines):
                note = ln.startswith("(")
                story.append(P(ln, center, bold=not note, italic=note, size=12 if k == 0 else None))
            story.append(Spacer(1, 3 * mm))
        elif b.kind == "heading":
            story.append(P(b.lines[0], base, bold=True))
        elif b.kind == "subheading":
            story.append(P(b.lines[0], base, bold=True, italic=True))
        elif b.kind == "kinhgui":
            story.append(P(b.lines[0], center))
            story += [P(ln, ParagraphStyle("k", parent=base, leftIndent=45 * mm, firstLineIndent=0, spaceAfter=0))
                      for ln in b.lines[1:]]
            story.append(Spacer(1, 3 * mm))
        elif b.kind in ("para", "item"):
            story.append(P(b.lines[0], base))
    doc.build(story)


def render(path: Path) -> tuple[Path, Path]:
    blocks = parse(path.read_text(encoding="utf-8"))
    docx_out, pdf_out = path.with_suffix(".docx"), path.with_suffix(".pdf")
    render_docx(blocks, docx_out)
    render_pdf(blocks, pdf_out, title=path.stem)
    return docx_out, pdf_out


def main(argv: list[str]) -> int:
    targets = [Path(a) if a.endswith(".txt") else SAMPLES / f"{a}.txt" for a in argv] or sorted(SAMPLES.glob("*.txt"))
    for p in targets:
        d, f = render(p)
        print(f"{p.name}: {d.name} ({d.stat().st_size:,} B), {f.name} ({f.stat().st_size:,} B)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
