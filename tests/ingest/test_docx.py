from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as NewDocx

from service.errors import CorruptFileError, DecodedTooLargeError, FileTooLargeError
from service.ingest import read_bytes, read_file
from service.limits import Limits, using


def _sample(path):
    doc = NewDocx()
    doc.add_heading("KẾ HOẠCH", level=1)
    para = doc.add_paragraph()
    para.add_run("Điều 1. ").bold = True
    para.add_run("Phê duyệt").bold = True
    doc.add_paragraph("Triển khai thực hiện Nghị quyết")
    mixed = doc.add_paragraph()
    mixed.add_run("Chủ trì: ").bold = True
    mixed.add_run("Bộ Tài chính")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([["TT", "Nhiệm vụ", "Cơ quan"], ["1", "Rà soát", "Bộ Nội vụ"],
                             ["2", "Xây dựng đề án", ""]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 2).merge(table.cell(2, 2))          # vertical merge: "Bộ Nội vụ" for rows 1-2
    header = doc.add_table(rows=1, cols=3)
    header.cell(0, 0).merge(header.cell(0, 1)).text = "Nơi nhận"
    header.cell(0, 2).text = "TM. CHÍNH PHỦ"
    doc.add_paragraph("Tổ chức thực hiện")
    doc.save(path)
    return path


def test_paragraphs_and_tables_in_order(tmp_path):
    doc = read_file(_sample(tmp_path / "kh.docx"))
    assert doc.source.format == "docx" and doc.source.pages is None
    summary = [(b.kind, b.text, b.bold) for b in doc.blocks]
    assert summary[:4] == [("paragraph", "KẾ HOẠCH", True), ("paragraph", "Điều 1. Phê duyệt", True),
                           ("paragraph", "Triển khai thực hiện Nghị quyết", False),
                           ("paragraph", "Chủ trì: Bộ Tài chính", False)]
    assert [b.kind for b in doc.blocks[4:]] == ["table", "table", "paragraph"]
    assert doc.blocks[-1].text == "Tổ chức thực hiện"


def test_merged_cells_are_written_once(tmp_path):
    doc = read_file(_sample(tmp_path / "kh.docx"))
    assert doc.blocks[4].rows == [["TT", "Nhiệm vụ", "Cơ quan"], ["1", "Rà soát", "Bộ Nội vụ"],
                                  ["2", "Xây dựng đề án", ""]]
    assert doc.blocks[5].rows == [["Nơi nhận", "", "TM. CHÍNH PHỦ"]]


def test_nested_table_text_is_kept_once(tmp_path):
    doc = NewDocx()
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Nhiệm vụ"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Bộ Xây dựng"
    doc.save(tmp_path / "n.docx")
    rows = read_file(tmp_path / "n.docx").blocks[0].rows
    assert rows[0][0] == "Nhiệm vụ"
    assert rows[0][1].count("Bộ Xây dựng") == 1


def test_sniffed_by_content_not_suffix(tmp_path):
    data = _sample(tmp_path / "kh.docx").read_bytes()
    assert read_bytes(data, "upload.bin").source.format == "docx"


def test_corrupt_zip(tmp_path):
    data = _sample(tmp_path / "kh.docx").read_bytes()
    with pytest.raises(CorruptFileError):
        read_bytes(data[: len(data) // 2], "kh.docx")


def test_damaged_document_xml(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(_sample(tmp_path / "kh.docx")) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, b"<w:document" if item.filename == "word/document.xml" else data)
    with pytest.raises(CorruptFileError):
        read_bytes(buffer.getvalue(), "kh.docx")


def test_zip_bomb_is_refused(tmp_path):
    path = _sample(tmp_path / "bomb.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/zeros.bin", b"\0" * (20 * 2**20))
    assert path.stat().st_size < 2**20
    with pytest.raises(FileTooLargeError, match="bom nén"):
        read_file(path)


def test_total_uncompressed_limit(tmp_path):
    with using(Limits(max_decoded_mb=0.001)), pytest.raises(DecodedTooLargeError, match="giải nén"):
        read_file(_sample(tmp_path / "kh.docx"))


def test_legacy_font_text_is_converted(tmp_path):
    doc = NewDocx()
    doc.add_paragraph("NghÞ quyÕt vÒ ®Þnh h\u00adíng chiÕn l\u00adîc kho¸ng s¶n")   # typed in .VnTime (TCVN3)
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Bé Tµi chÝnh"
    table.cell(0, 1).text = "Quý III n¨m 2022"
    doc.save(tmp_path / "old.docx")
    result = read_file(tmp_path / "old.docx")
    assert result.source.encoding == "tcvn3"
    assert result.blocks[0].text == "Nghị quyết về định hướng chiến lược khoáng sản"
    assert result.blocks[1].rows == [["Bộ Tài chính", "Quý III năm 2022"]]


def test_unicode_text_is_left_alone(tmp_path):
    doc = NewDocx()
    doc.add_paragraph("Bà con nông dân vùng cao và các xã")
    doc.save(tmp_path / "u.docx")
    result = read_file(tmp_path / "u.docx")
    assert result.source.encoding is None
    assert result.blocks[0].text == "Bà con nông dân vùng cao và các xã"


def test_word_list_numbering_and_heading_styled_items(tmp_path):
    """Items numbered by Word (no marker in their text) read as list items; a "Heading" style on an
    ordinary item does not make it a heading."""
    import docx

    from service.pipeline import analyze_file

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Phòng, chống thiên tai năm 2026")
    heading = document.add_paragraph("II. NHIỆM VỤ")
    heading.runs[0].bold = True
    document.add_paragraph("1. Sở Nông nghiệp và Môi trường")
    for text in ("Rà soát phương án ứng phó bão lũ, trình Ủy ban nhân dân tỉnh trước ngày 25/5/2026.",
                 "Tổ chức diễn tập cứu hộ tại các xã ven sông trong quý II/2026."):
        document.add_paragraph(text, style="List Number")
    item = document.add_paragraph("- Kiểm tra an toàn hồ chứa nước trước mùa mưa.", style="Heading 4")
    for run in item.runs:
        run.bold = False
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    tasks = analyze_file(path).tasks
    assert [t.text[:20] for t in tasks] == ["Rà soát phương án ứn", "Tổ chức diễn tập cứu", "Kiểm tra an toàn hồ "]
    assert all([b.name for b in t.lead] == ["Sở Nông nghiệp và Môi trường"] for t in tasks)


def test_a_paragraph_set_wholly_in_bold_for_emphasis_is_still_a_task(tmp_path):
    """Under "2. Sở Tài chính:", a long sentence that the drafter set in bold is the department's task,
    not a heading; a short bold line still heads what follows."""
    import docx

    from service.pipeline import analyze_file

    document = docx.Document()
    document.add_paragraph("CHỈ THỊ")
    document.add_paragraph("Về tăng cường quản lý cụm công nghiệp trên địa bàn tỉnh")
    document.add_paragraph("1. Sở Công Thương:")
    document.add_paragraph("- Rà soát quy hoạch các cụm công nghiệp, báo cáo Ủy ban nhân dân tỉnh trong quý III năm 2026.")
    heading = document.add_paragraph("2. Sở Tài chính:")
    heading.runs[0].bold = True
    emphasised = document.add_paragraph("Chủ trì nghiên cứu cơ chế hỗ trợ đầu tư hạ tầng kỹ thuật cụm công nghiệp từ "
                                        "ngân sách tỉnh, cùng Sở Công Thương lấy ý kiến doanh nghiệp, trình Ủy ban nhân "
                                        "dân tỉnh trong quý IV năm 2026.")
    emphasised.runs[0].bold = True
    path = tmp_path / "chi-thi.docx"
    document.save(path)
    tasks = analyze_file(path, extractor="rules").tasks
    funding = [t for t in tasks if t.text.startswith("Chủ trì nghiên cứu cơ chế")]
    assert len(funding) == 1 and [b.name for b in funding[0].lead] == ["Sở Tài chính"]
    assert funding[0].deadline is not None and funding[0].deadline.text == "trong quý IV năm 2026"
