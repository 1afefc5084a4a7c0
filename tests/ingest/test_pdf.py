from __future__ import annotations

import pytest

from service.errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from service.ingest import read_bytes, read_file


def _texts(doc):
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def test_lines_pages_and_bold(make_pdf):
    path = make_pdf([
        [(72, 780, "KẾ HOẠCH", True), (72, 760, "Triển khai thực hiện Nghị quyết số 88/NQ-CP", False)],
        [(72, 780, "Điều 2. Tổ chức thực hiện", True), (72, 760, "Các bộ, ngành chủ động", False)],
    ])
    doc = read_file(path)
    assert doc.source.format == "pdf" and doc.source.pages == 2
    assert [(b.text, b.page, b.bold) for b in doc.blocks] == [
        ("KẾ HOẠCH", 1, True),
        ("Triển khai thực hiện Nghị quyết số 88/NQ-CP", 1, False),
        ("Điều 2. Tổ chức thực hiện", 2, True),
        ("Các bộ, ngành chủ động", 2, False),
    ]
    assert len(doc.source.sha256) == 64 and doc.source.size == path.stat().st_size


def test_mixed_bold_line_is_not_bold(make_pdf):
    def page(pdf):
        pdf.setFont("DejaVu-Bold", 11)
        pdf.drawString(72, 780, "Điều 1.")
        pdf.setFont("DejaVu", 11)
        pdf.drawString(120, 780, "Phê duyệt Kế hoạch")

    doc = read_file(make_pdf([page]))
    assert [(b.text, b.bold) for b in doc.blocks] == [("Điều 1. Phê duyệt Kế hoạch", False)]


def test_hyphen_broken_lines_are_joined(make_pdf):
    doc = read_file(make_pdf([[
        (72, 780, "Khuyến khích phát-", False), (72, 765, "triển thị trường các-bon", False),
        (72, 750, "Nâng cao năng lực quản lý nhà nước", False),
        (72, 735, "Xây dựng cơ sở dữ liệu khoáng-", False), (72, 720, "Sản phẩm mới", False),
    ]]))
    assert _texts(doc) == [
        "Khuyến khích phát triển thị trường các-bon",
        "Nâng cao năng lực quản lý nhà nước",
        "Xây dựng cơ sở dữ liệu khoáng-",
        "Sản phẩm mới",
    ]


def test_two_column_header_is_split_with_pipe(make_pdf):
    doc = read_file(make_pdf([[(60, 780, "CHÍNH PHỦ", True), (300, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True)]]))
    assert _texts(doc) == ["CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_table_becomes_one_block_and_its_text_is_not_repeated(make_pdf):
    from reportlab.platypus import Table, TableStyle

    data = [["TT", "Nội dung", "Cơ quan chủ trì"],
            ["1", "Hoàn thành Luật Khoáng sản", "Bộ Tài nguyên và Môi trường"],
            ["2", "Quy hoạch năng lượng", "Bộ Công Thương"]]

    def page(pdf):
        pdf.setFont("DejaVu", 11)
        pdf.drawString(72, 780, "Danh mục nhiệm vụ")
        table = Table(data)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DejaVu", 10),
                                   ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        _, height = table.wrapOn(pdf, 450, 600)
        table.drawOn(pdf, 72, 740 - height)
        pdf.drawString(72, 600, "Tổ chức thực hiện")

    doc = read_file(make_pdf([page]))
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]
    table = doc.blocks[1]
    assert table.rows == data and table.page == 1
    assert _texts(doc) == ["Danh mục nhiệm vụ", "Tổ chức thực hiện"]


def test_scanned_pdf_needs_ocr(make_pdf):
    def page(pdf):
        pdf.setFillGray(0.5)
        pdf.rect(50, 50, 400, 600, fill=1)

    with pytest.raises(NoTextLayerError, match="OCR"):
        read_file(make_pdf([page, page]))


def test_truncated_pdf_is_corrupt(make_pdf):
    data = make_pdf([[(72, 780, "Nội dung", False)]]).read_bytes()
    with pytest.raises(CorruptFileError):
        read_bytes(data[: len(data) // 2], "cut.pdf")


def test_garbage_after_pdf_header_is_corrupt():
    data = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    with pytest.raises(CorruptFileError):
        read_bytes(data, "bad.pdf")


def test_encrypted_pdf_is_refused(make_pdf):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = make_pdf([[(72, 780, "Mật", False)]], encrypt=StandardEncryption("secret", canPrint=0))
    with pytest.raises(EncryptedFileError, match="mật khẩu"):
        read_file(path)


def test_a_bold_date_ending_a_sentence_stays_in_it(make_pdf):
    doc = read_file(make_pdf([[
        (72, 780, "Giao Sở Tư pháp chủ trì rà soát văn bản và báo cáo Ủy ban nhân dân tỉnh trước ngày", False),
        (72, 765, "20/5/2026.", True),
        (72, 740, "Căn cứ nội dung trên, Sở Tư pháp tổ chức thực hiện.", False),
    ]]))
    assert _texts(doc)[0].endswith("trước ngày 20/5/2026.") and len(_texts(doc)) == 2


def test_words_set_without_space_glyphs_are_split(make_pdf):
    """Some PDFs place words apart without a space character: a gap of a fifth of the font size is a space."""
    def page(pdf):
        pdf.setFont("DejaVu", 12)
        x = 72
        for word in ("Kính", "gửi:", "Sở", "Tài", "chính"):
            pdf.drawString(x, 780, word)
            x += pdf.stringWidth(word, "DejaVu", 12) + 3
    doc = read_file(make_pdf([page]))
    assert _texts(doc) == ["Kính gửi: Sở Tài chính"]


def test_a_label_alone_on_its_line_opens_the_next_item_unless_a_full_line_runs_on_into_it(make_pdf):
    """The first column of an annex gives its item label on a line of its own ("b)", "2."): the label opens
    the next item, it is not the end of the cell above; after a full line stopped mid-sentence it is that
    sentence's last word ("… tại Mục" / "5.")."""
    doc = read_file(make_pdf([[
        (72, 780, "Tổ chức tập huấn nghiệp vụ kiểm kê rừng", False),
        (72, 765, "b)", False),
        (72, 750, "Xây dựng bản đồ hiện trạng rừng của tỉnh", False),
        (72, 735, "2.", False),
        (72, 720, "Kiểm tra việc thực hiện", False),
        (72, 690, "Các xã gửi báo cáo kết quả kiểm kê theo mẫu hướng dẫn tại Phụ lục, Mục", False),
        (72, 675, "5.", False),
    ]]))
    assert _texts(doc) == ["Tổ chức tập huấn nghiệp vụ kiểm kê rừng", "b)", "Xây dựng bản đồ hiện trạng rừng của tỉnh",
                           "2.", "Kiểm tra việc thực hiện",
                           "Các xã gửi báo cáo kết quả kiểm kê theo mẫu hướng dẫn tại Phụ lục, Mục 5."]


def test_a_line_opening_like_an_item_goes_on_a_full_line_stopped_mid_sentence(make_pdf):
    """A wrapped line may begin "Điều 4 …" after "… quy định tại" or "- huyện …" after "… các quận": it goes
    on the sentence; after a closed line, a comma or a line short of the margin it opens an item."""
    doc = read_file(make_pdf([[
        (72, 780, "Các tổ chức, cá nhân được giao quản lý, khai thác công trình thủy lợi quy định tại", False),
        (72, 765, "Điều 4 có trách nhiệm bảo vệ công trình.", False),
        (72, 740, "Đề nghị Giám đốc các sở, ngành thuộc tỉnh cùng Chủ tịch Ủy ban nhân dân các quận", False),
        (72, 725, "- huyện chỉ đạo rà soát, cập nhật phương án trong phạm vi được giao.", False),
        (72, 700, "Ủy ban nhân dân thành phố giao các cơ quan, đơn vị thực hiện những nội dung sau:", False),
        (72, 685, "- Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.", False),
        (72, 660, "Sở Nông nghiệp và Môi trường hướng dẫn các xã, phường kiểm kê rừng và đất rừng,", False),
        (72, 645, "b) Sở Tài chính thẩm định dự toán kinh phí.", False),
        (72, 620, "Phòng Kinh tế hạ tầng và đô thị của huyện tại", False),
        (72, 605, "Điều 2. Tổ chức thực hiện", False),
    ]]))
    assert _texts(doc) == [
        "Các tổ chức, cá nhân được giao quản lý, khai thác công trình thủy lợi quy định tại Điều 4 có trách nhiệm bảo vệ "
        "công trình.",
        "Đề nghị Giám đốc các sở, ngành thuộc tỉnh cùng Chủ tịch Ủy ban nhân dân các quận - huyện chỉ đạo rà soát, cập nhật "
        "phương án trong phạm vi được giao.",
        "Ủy ban nhân dân thành phố giao các cơ quan, đơn vị thực hiện những nội dung sau:",
        "- Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
        "Sở Nông nghiệp và Môi trường hướng dẫn các xã, phường kiểm kê rừng và đất rừng,",
        "b) Sở Tài chính thẩm định dự toán kinh phí.",
        "Phòng Kinh tế hạ tầng và đô thị của huyện tại",
        "Điều 2. Tổ chức thực hiện",
    ]


def test_a_list_lead_in_a_heading_and_sibling_dash_items_still_open_items(make_pdf):
    """A full line ending "… sau" or "… như sau" (its colon dropped) leads in a list; "II." after a full
    sentence is a heading; lower-case dash items filling the width are siblings, not "quận" / "- huyện"."""
    doc = read_file(make_pdf([[
        (72, 780, "Để triển khai Kế hoạch năm 2027, Ủy ban nhân dân huyện giao thực hiện các nội dung sau", False),
        (72, 765, "1. Phòng Tài chính - Kế hoạch bố trí kinh phí.", False),
        (72, 740, "Ủy ban nhân dân huyện giao thực hiện những nội dung chủ yếu trong năm 2027 như sau", False),
        (72, 725, "- rà soát, cập nhật phương án ứng phó với bão mạnh, lũ quét và sạt lở đất tại các thôn, xã", False),
        (72, 710, "- kiểm tra hệ thống kênh mương, hồ đập, công trình thủy lợi nhỏ trước mùa mưa lũ năm", False),
        (72, 695, "- bố trí lực lượng trực ban.", False),
        (72, 670, "Các chỉ tiêu phát triển kinh tế của huyện cơ bản hoàn thành theo kế hoạch trong cả năm", False),
        (72, 655, "II. NHIỆM VỤ, GIẢI PHÁP NĂM 2028", False),
    ]]))
    assert [t[:10] for t in _texts(doc)] == ["Để triển k", "1. Phòng T", "Ủy ban nhâ", "- rà soát,", "- kiểm tra",
                                             "- bố trí l", "Các chỉ ti", "II. NHIỆM "]


def test_a_range_broken_before_its_dash_stays_one_sentence(make_pdf):
    """"… giai đoạn 2026" / "- 2030, …" is one range; a dash item opening with a figure after a closed line, or
    after a line that does not end on a number, is an item of its own."""
    doc = read_file(make_pdf([[
        (72, 780, "Sở Tài chính tham mưu bố trí kinh phí thực hiện Đề án trong cả giai đoạn từ năm 2026", False),
        (72, 765, "- 2030, bảo đảm đúng phân cấp ngân sách, định mức chi tiêu do tỉnh ban hành.", False),
        (72, 740, "Phấn đấu đến hết năm 2027 hoàn thành các chỉ tiêu chủ yếu về chuyển đổi số như sau:", False),
        (72, 725, "- 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.", False),
        (72, 710, "- 90% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng, trừ hồ sơ mật", False),
        (72, 695, "- 80% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.", False),
    ]]))
    assert [t[:11] for t in _texts(doc)] == ["Sở Tài chín", "Phấn đấu đế", "- 100% hồ s", "- 90% hồ sơ",
                                             "- 80% thủ t"]
    assert "từ năm 2026 - 2030, bảo đảm" in _texts(doc)[0]
