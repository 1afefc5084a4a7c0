"""Header metadata on real-looking headers (Nghị định 30/2020 and Hướng dẫn 36-HD/VPTW layouts)."""
from datetime import date

import pytest

from service.pipeline import analyze_text

STATE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÀO CAI | Độc lập - Tự do - Hạnh phúc
Số: 125/KH-UBND | Lào Cai, ngày 15 tháng 3 năm 2025
KẾ HOẠCH
THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 41-CTr/TU CỦA TỈNH ỦY
Thực hiện Chương trình hành động số 41-CTr/TU ngày 17/01/2025 của Tỉnh ủy Lào Cai; Căn cứ Quyết định số 1520/QĐ-TTg ngày 10/10/2024 của Thủ tướng Chính phủ về chuyển đổi số, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH VÀ YÊU CẦU
1. Cụ thể hóa các nhiệm vụ của Chương trình.
II. NHIỆM VỤ
1. Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí kinh phí, hoàn thành trước ngày 30/6/2025.
Nơi nhận:
- Thường trực Tỉnh ủy;
- Lưu: VT. | TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Hùng
"""

PARTY = """ĐẢNG BỘ TỈNH LÀO CAI | ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY BẢO THẮNG
*
Số 87-KH/HU | Bảo Thắng, ngày 21 tháng 02 năm 2025
KẾ HOẠCH
thực hiện Chương trình hành động số 41-CTr/TU
Thực hiện Chương trình hành động số 41-CTr/TU, ngày 17/01/2025 của Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành Kế hoạch:
1. Ban Tuyên giáo Huyện ủy chủ trì tổ chức quán triệt trong quý II/2025.
"""


def test_state_header():
    meta = analyze_text(STATE).metadata
    assert meta.kind == "ke_hoach"
    assert meta.number == "125/KH-UBND"
    assert meta.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert meta.issued_on == date(2025, 3, 15)
    assert meta.place == "Lào Cai"
    assert meta.title.startswith("THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG")
    assert [c.number for c in meta.basis] == ["41-CTr/TU", "1520/QĐ-TTg"]
    assert meta.basis[0].kind == "chuong_trinh" and meta.basis[0].issued_on == date(2025, 1, 17)
    assert meta.signer == "Nguyễn Văn Hùng"
    assert meta.recipients == ["Thường trực Tỉnh ủy"]


def test_party_header():
    meta = analyze_text(PARTY).metadata
    assert meta.number == "87-KH/HU"
    assert meta.issuer == "Huyện ủy Bảo Thắng"
    assert meta.issued_on == date(2025, 2, 21)
    assert [c.number for c in meta.basis] == ["41-CTr/TU"]


@pytest.mark.parametrize("head, issuer", [
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN TÂN PHÚ Độc lập - Tự do - Hạnh phúc\n"
     "Số: 58/KH-UBND Tân Phú, ngày 04 tháng 9 năm 2027\n", "Ủy ban nhân dân huyện Tân Phú"),
    ("HUYỆN ỦY TÂN PHÚ ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 31-KH/HU Tân Phú, ngày 04 tháng 9 năm 2027\n",
     "Huyện ủy Tân Phú"),
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nHUYỆN TÂN PHÚ VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 58/KH-UBND Tân Phú, ngày 04 tháng 9 năm 2027\n", "Ủy ban nhân dân huyện Tân Phú"),   # the motto cut
])
def test_a_text_layer_that_runs_the_motto_onto_the_issuers_lines(head, issuer):
    meta = analyze_text(head + "\nKẾ HOẠCH\nPhòng chống sốt xuất huyết năm 2028\n"
                        "1. Trung tâm Y tế huyện phun hóa chất diệt muỗi tại các ổ dịch trong tháng 10/2027.\n").metadata
    assert meta.issuer == issuer
    assert meta.issued_on == date(2027, 9, 4)


@pytest.mark.parametrize("head, issuer", [
    # the Youth Union's name in the right column is its heading, not part of the issuer
    ("TỈNH ĐOÀN YÊN BÁI | ĐOÀN TNCS HỒ CHÍ MINH\n*** | \nSố: 45-KH/TĐTN-VP | Yên Bái, ngày 04 tháng 9 năm 2027\n",
     "Tỉnh đoàn Yên Bái"),
    # a standing organ printed under the body it belongs to
    ("HỘI NÔNG DÂN VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐIỆN BIÊN Độc lập - Tự do - Hạnh phúc\n"
     "BAN THƯỜNG TRỰC\nSố: 58/KH-MTTQ-BTT Điện Biên, ngày 04 tháng 9 năm 2027\n",
     "Ban Thường trực Hội Nông dân Việt Nam tỉnh Điện Biên"),
    # a Party committee of a body under the Party organisation of the province
    ("ĐẢNG BỘ TỈNH ĐIỆN BIÊN | ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY CÔNG AN TỈNH | \n* | Điện Biên, ngày 04 tháng 9 năm 2027\n"
     "Số 21-KH/ĐU | \n", "Đảng ủy Công an tỉnh"),
    # a standing organ under a Party committee under its parent: the parent is dropped as before
    ("ĐẢNG BỘ HUYỆN YÊN THÀNH | ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ PHÚC THÀNH | \nBAN THƯỜNG VỤ | \n"
     "* | Yên Thành, ngày 04 tháng 9 năm 2027\nSố 21-KH/ĐU | \n", "Ban Thường vụ Đảng ủy xã Phúc Thành"),
    # the Youth Union's name inside the issuer's own name stays
    ("BAN CHẤP HÀNH ĐOÀN TNCS HỒ CHÍ MINH | ĐOÀN TNCS HỒ CHÍ MINH\nTỈNH KON TUM | \n"
     "Số: 45-KH/TĐTN-VP | Kon Tum, ngày 04 tháng 9 năm 2027\n", "Ban Chấp hành đoàn tncs Hồ Chí Minh tỉnh Kon Tum"),
])
def test_the_issuer_of_mass_organisations_and_committees_of_a_body(head, issuer):
    meta = analyze_text(head + "\nKẾ HOẠCH\nTổ chức tháng thanh niên năm 2028\n"
                        "1. Các cơ sở Đoàn ra quân làm sạch môi trường trong tháng 3/2028.\n").metadata
    assert meta.issuer == issuer


def test_draft_without_number_or_day():
    draft = STATE.replace("Số: 125/KH-UBND", "Số:      /KH-UBND").replace("ngày 15 tháng 3", "ngày    tháng 3")
    meta = analyze_text(draft).metadata
    assert meta.number is None
    assert meta.issued_on is None


def test_cong_van_kind_from_number_without_kind_code():
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI | Độc lập - Tự do - Hạnh phúc\n"
            "Số: 812/UBND-VX | Lào Cai, ngày 26 tháng 02 năm 2025\nV/v triển khai phòng, chống dịch sởi\n"
            "Kính gửi:\n- Sở Y tế;\n- Ủy ban nhân dân các huyện.\n"
            "Sở Y tế chủ trì tổ chức tiêm vắc xin, hoàn thành trước ngày 31/3/2025.\n")
    doc = analyze_text(text)
    assert doc.metadata.kind == "cong_van"
    assert doc.metadata.recipients == ["Sở Y tế", "Ủy ban nhân dân các huyện"]
    assert [t.text[:10] for t in doc.tasks] == ["Sở Y tế ch"]


def test_ocr_garbled_party_header():
    text = ("TÍNH ỦY LÀO CAI | ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 1Ø4-CTr/TU | Lào Cai, ngày 3Ø tháng 8 năm 2Ø25\n"
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\ntriển khai Nghị quyết số 57-NQ/TW\n")
    meta = analyze_text(text).metadata
    assert meta.issuer == "Tỉnh ủy Lào Cai"
    assert meta.number == "104-CTr/TU"
    assert meta.issued_on == date(2025, 8, 30)
    assert meta.kind == "chuong_trinh"


def test_a_stamped_number_and_a_handwritten_date_are_left_empty_with_a_warning():
    """In a scan the number is stamped and the day and month handwritten: OCR reads neither. They are left
    null with a warning, and no date is taken from the body (a cited decree's date)."""
    from service.pipeline import analyze_text

    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ GIANG | Độc lập - Tự do - Hạnh phúc\n"
            "Số: ...../QĐ-UBND | Hà Giang, ngày 1ĩ tháng ,5 năm 2026\nQUYẾT ĐỊNH\nVề việc giao nhiệm vụ\n"
            "Căn cứ Nghị định số 45/2025/NĐ-CP ngày 12 tháng 3 năm 2025 của Chính phủ;\n"
            "Điều 1. Giao Sở Nội vụ chủ trì rà soát, báo cáo trước ngày 30/6/2026.\n")
    doc = analyze_text(text)
    assert doc.metadata.number is None and doc.metadata.issued_on is None
    assert doc.metadata.issuer == "Ủy ban nhân dân tỉnh Hà Giang"
    codes = {w.code for w in doc.warnings}
    assert {"missing_number", "missing_issued_on", "unreadable_issued_on"} <= codes


def test_blank_number_and_day_slots_are_left_empty_with_warnings():
    """A signed PDF or a draft: "Số: /QĐ-UBND" and "ngày   tháng 4 năm 2026" with the slots blank."""
    from service.pipeline import analyze_text

    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH KON TUM | Độc lập - Tự do - Hạnh phúc\n"
            "Số: | /QĐ-UBND | Kon Tum, ngày tháng 4 năm 2026\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu tuyển sinh\n"
            "Điều 1. Giao Sở Giáo dục và Đào tạo phân bổ chỉ tiêu cho các trường.\n")
    doc = analyze_text(text)
    assert doc.metadata.number is None and doc.metadata.issued_on is None
    assert {"unreadable_number", "unreadable_issued_on"} <= {w.code for w in doc.warnings}


def test_a_real_digitally_signed_pdf_leaves_its_stamped_number_and_day_empty():
    """The shared corpus holds an officially issued PDF whose number and day were stamped by the digital signature
    (absent from the text layer): no number or date is invented, and the reader is told why."""
    from pathlib import Path

    import pytest

    from service.pipeline import analyze_file

    originals = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real" / "originals"
    found = sorted(originals.glob("X2_*.pdf"))
    if not found:
        pytest.skip(f"the shared corpus is not beside the repository ({originals})")
    doc = analyze_file(found[0])
    assert doc.metadata.number is None and doc.metadata.issued_on is None
    assert doc.metadata.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert {"unreadable_number", "unreadable_issued_on"} <= {w.code for w in doc.warnings}


HEAD = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN SA PA | Độc lập - Tự do - Hạnh phúc
Số: 44/QĐ-UBND | Sa Pa, ngày 02 tháng 4 năm 2026
"""
BODY = "\nCăn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Phòng Văn hóa chủ trì tổ chức lễ hội trước ngày 30/4/2026.\n"


def test_titles_join_wrapped_lines_and_stop_at_headings_and_authorities():
    wrapped = HEAD + ("QUYẾT ĐỊNH\nVề việc giao nhiệm vụ tổ chức lễ hội mùa xuân cho các đơn vị thuộc\n"
                      "Ủy ban nhân dân huyện Sa Pa năm 2026\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN SA PA" + BODY)
    assert analyze_text(wrapped).metadata.title == ("Về việc giao nhiệm vụ tổ chức lễ hội mùa xuân cho các đơn vị "
                                                   "thuộc Ủy ban nhân dân huyện Sa Pa năm 2026")
    cut_number = HEAD + ("QUYẾT ĐỊNH\nVề việc sửa đổi Quyết định số 15/QĐ-\nUBND ngày 10 tháng 01 năm 2026 của "
                         "Ủy ban nhân dân huyện\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN SA PA" + BODY)
    assert analyze_text(cut_number).metadata.title == ("Về việc sửa đổi Quyết định số 15/QĐ-UBND ngày 10 tháng 01 "
                                                      "năm 2026 của Ủy ban nhân dân huyện")
    heading = HEAD.replace("QĐ", "KH") + ("KẾ HOẠCH\nTỔ CHỨC LỄ HỘI MÙA XUÂN NĂM 2026\nTRÊN ĐỊA BÀN HUYỆN\n"
                                          "I. MỤC ĐÍCH, YÊU CẦU\n1. Phòng Văn hóa chủ trì tổ chức lễ hội.\n")
    assert analyze_text(heading).metadata.title == "TỔ CHỨC LỄ HỘI MÙA XUÂN NĂM 2026 TRÊN ĐỊA BÀN HUYỆN"
    authority = HEAD + "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN SA PA" + BODY
    assert analyze_text(authority).metadata.title == "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO"


def test_party_title_under_the_kind_line_over_two_lines():
    party = PARTY.replace("thực hiện Chương trình hành động số 41-CTr/TU\n",
                          "thực hiện Chương trình hành động số 41-CTr/TU của Tỉnh ủy\nvề phát triển du lịch cộng đồng\n\n")
    assert analyze_text(party).metadata.title == ("thực hiện Chương trình hành động số 41-CTr/TU của Tỉnh ủy "
                                                 "về phát triển du lịch cộng đồng")


def test_letter_subject_over_two_lines_and_body_run_into_a_title():
    letter = HEAD.replace("QĐ", "UBND-VX") + ("V/v chuẩn bị các điều kiện tổ chức lễ hội mùa xuân trên\n"
                                              "địa bàn huyện năm 2026\nKính gửi: Phòng Văn hóa và Thông tin\n")
    assert analyze_text(letter).metadata.title == "V/v chuẩn bị các điều kiện tổ chức lễ hội mùa xuân trên địa bàn huyện năm 2026"
    run_on = ("Chỉ thị về việc tăng cường quản lý lễ hội trên địa bàn huyện năm 2026 Hiện nay, nhiều lễ hội "
              "được tổ chức với quy mô lớn.\n1. Phòng Văn hóa chủ trì kiểm tra các lễ hội.\n")
    assert analyze_text(run_on).metadata.title == "Chỉ thị về việc tăng cường quản lý lễ hội trên địa bàn huyện năm 2026"


def test_without_a_header_the_issuer_is_the_body_that_speaks_in_the_act():
    from service.pipeline import analyze_text
    text = ("Chỉ thị về việc tăng cường phòng, chống dịch bệnh trên đàn gia súc\n"
            "Thời gian qua, dịch bệnh trên đàn gia súc diễn biến phức tạp.\n"
            "Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị thực hiện tốt các nội dung sau:\n"
            "1. Phòng Nông nghiệp huyện đề nghị cấp vắc-xin cho các xã trước ngày 15/3/2027.\n")
    assert analyze_text(text).metadata.issuer == "Ủy ban nhân dân huyện"
    article = text.replace("Chỉ thị về việc tăng cường", "Kinh nghiệm")   # no act: no issuer inferred
    assert analyze_text(article).metadata.issuer is None


def test_a_resolution_without_a_header_is_dated_by_its_adoption_formula():
    from datetime import date
    from service.pipeline import analyze_text
    text = ("Nghị quyết về chính sách hỗ trợ phát triển hợp tác xã nông nghiệp\n"
            "Căn cứ Luật Hợp tác xã ngày 16 tháng 6 năm 2023;\n"
            "Điều 1. Giao Ủy ban nhân dân tỉnh hướng dẫn thực hiện chính sách hỗ trợ.\n"
            "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa XVII, kỳ họp thứ 9 thông qua ngày "
            "10 tháng 12 năm 2027.\n")
    assert analyze_text(text).metadata.issued_on == date(2027, 12, 10)        # not the law it cites


def test_the_speaking_body_is_read_in_the_preamble_not_in_the_tasks():
    from service.pipeline import analyze_text
    text = ("Kế hoạch tổng kết công tác năm 2027\n"
            "Thực hiện Chương trình công tác năm 2027, Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:\n"
            "1. Tổ chức thực hiện\nPhòng Nội vụ hướng dẫn các xã chuẩn bị báo cáo tổng kết.\n")
    assert analyze_text(text).metadata.issuer == "Ủy ban nhân dân huyện"


_LONG_PREAMBLE = ("Qua kiểm tra cho thấy nhiều bến đò ngang chưa có phao cứu sinh, chưa niêm yết giá vé, chưa có "
                  "sổ ghi chép hành khách, nhiều người lái đò chưa có chứng chỉ chuyên môn, việc kiểm tra của các "
                  "cơ quan chức năng còn thưa thớt; để chấn chỉnh tình trạng trên, Ủy ban nhân dân thị xã giao "
                  "các phòng chuyên môn thực hiện tốt các nội dung sau:")


@pytest.mark.parametrize("text, issuer", [
    # the body that speaks after a long preamble and a semicolon
    (f"Chỉ thị về việc bảo đảm an toàn bến đò ngang\n{_LONG_PREAMBLE}\n1. Phòng Kinh tế kiểm tra các bến đò.\n",
     "Ủy ban nhân dân thị xã"),
    # an authority named by its title on the line under the title, recased from that line
    ("Quyết định ban hành Quy chế kiểm toán các dự án đầu tư công\nTổng Kiểm toán Nhà nước\n"
     "Căn cứ Nghị định số 102/2022/NĐ-CP ngày 12 tháng 12 năm 2022;\n"
     "Điều 1. Quy chế kiểm toán các dự án đầu tư công được áp dụng từ ngày ký.\n", "Tổng Kiểm toán Nhà nước"),
    # the body a resolution's title says convened to pass it, as its text writes it (else recased)
    ("Nghị quyết hội nghị lần thứ 12 ban chấp hành hội nông dân tỉnh khóa ix về phát triển hợp tác xã\n"
     "Hội nghị lần thứ 12 Ban Chấp hành Hội Nông dân tỉnh (khóa IX) họp ngày 14 tháng 3 năm 2027.\n"
     "1. Các cấp hội vận động hội viên tham gia tổ hợp tác.\n", "Ban Chấp hành Hội Nông dân tỉnh"),
    ("Nghị quyết kỳ họp thứ 9 hội đồng nhân dân huyện khoá xxi về dự toán ngân sách năm 2028\n"
     "1. Giao Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết.\n", "Hội đồng nhân dân huyện"),
    # ordinals in words, a note in parentheses; the body stops at its term word
    ("Nghị quyết kỳ họp thứ mười một (kỳ họp bất thường) Hội đồng nhân dân xã khóa XXII về đầu tư công\n"
     "1. Giao Ủy ban nhân dân xã tổ chức thực hiện.\n", "Hội đồng nhân dân xã"),
    # the meeting as the title under a kind line "NGHỊ QUYẾT"
    ("NGHỊ QUYẾT\nHội nghị lần thứ sáu Ban Chấp hành Đảng bộ xã Ea Tu khóa XV về du lịch cộng đồng\n"
     "1. Các chi bộ tổ chức thực hiện.\n", "Ban Chấp hành Đảng bộ xã Ea Tu"),
    # a plan that carries out a resolution names that meeting in its title: the speaker issues it, not the meeting
    ("KẾ HOẠCH\nHọc tập, quán triệt Nghị quyết Hội nghị lần thứ 9 Ban Chấp hành Đảng bộ tỉnh khóa XVIII\n"
     "Đảng ủy xã xây dựng kế hoạch như sau:\n1. Các chi bộ tổ chức học tập trong tháng 12/2027.\n", "Đảng ủy xã"),
])
def test_the_issuer_of_an_act_without_a_header(text, issuer):
    assert analyze_text(text).metadata.issuer == issuer


def test_letter_subject_wrapped_at_the_left_column_width():
    letter = HEAD.replace("QĐ", "UBND-NC") + ("V/v hướng dẫn trình tự cấp\n"
                                              "Giấy chứng nhận đăng ký hộ kinh\n"
                                              "doanh cho hộ kinh doanh\n"
                                              "Kính gửi: Sở Tài chính\n"
                                              "Ủy ban nhân dân huyện đã nhận Văn bản số 15/BKHĐT-ĐKKD của Bộ.\n")
    assert analyze_text(letter).metadata.title == ("V/v hướng dẫn trình tự cấp Giấy chứng nhận đăng ký hộ kinh "
                                                  "doanh cho hộ kinh doanh")
    no_greeting = HEAD.replace("QĐ", "UBND-NC") + ("V/v rà soát danh mục thủ tục hành chính\n"
                                                   "Ủy ban nhân dân huyện đã nhận Văn bản số 15/BTP-KSTT ngày 02/3/2026 "
                                                   "của Bộ Tư pháp về việc rà soát thủ tục hành chính.\n")
    assert analyze_text(no_greeting).metadata.title == "V/v rà soát danh mục thủ tục hành chính"


def test_recipients_in_a_table_row_and_after_bold_marks_keep_only_names():
    row = HEAD.replace("QĐ", "UBND-KT") + ("V/v kiểm tra an toàn hồ đập trước mùa mưa lũ\n"
                                           "Kính gửi: | - Sở Nông nghiệp và Môi trường; - Ủy ban nhân dân các xã.\n"
                                           "Ủy ban nhân dân tỉnh đề nghị các cơ quan kiểm tra hồ đập trước ngày 15/5/2026.\n")
    assert analyze_text(row).metadata.recipients == ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã"]
    marked = HEAD + BODY + "**Nơi nhận:**\n- Sở Tài chính;\n- Kho bạc Nhà nước tỉnh;\n- Lưu: VT.\n"
    assert analyze_text(marked).metadata.recipients == ["Sở Tài chính", "Kho bạc Nhà nước tỉnh"]


@pytest.mark.parametrize("head, issuer", [
    # a ward's committee over two header lines, as a province's is
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHƯỜNG NAM ĐÔNG HÀ | Độc lập - Tự do - Hạnh phúc\n"
     "Số: 31/KH-UBND | Nam Đông Hà, ngày 04 tháng 3 năm 2027", "Ủy ban nhân dân phường Nam Đông Hà"),
    # a Party committee whose last line shares its row with the place and date (DOCX export, then text layer)
    ("ĐẢNG BỘ TỈNH HÀ TĨNH | ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ THẠCH HÀ | Thạch Hà, ngày 08 tháng 01 năm 2027\n"
     "* | \nSố 09-CTr/ĐU | ", "Đảng ủy xã Thạch Hà"),
    ("ĐẢNG BỘ TỈNH HÀ TĨNH ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ THẠCH HÀ Thạch Hà, ngày 08 tháng 01 năm 2027\n*\n"
     "Số 09-CTr/ĐU", "Đảng ủy xã Thạch Hà"),
    # an organ of the provincial Party committee under its Party organisation: named as printed, no place added;
    # the committee itself takes the place ("ĐẢNG BỘ TỈNH X" / "TỈNH ỦY" → "Tỉnh ủy X")
    ("ĐẢNG BỘ TỈNH QUẢNG TRỊ ĐẢNG CỘNG SẢN VIỆT NAM\nỦY BAN KIỂM TRA TỈNH ỦY\n* Quảng Trị, ngày 20 tháng 5 năm 2027\n"
     "Số 12-KH/UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("ĐẢNG BỘ TỈNH QUẢNG TRỊ | ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY | Quảng Trị, ngày 20 tháng 5 năm 2027\n* | \n"
     "Số 40-CTr/TU | ", "Tỉnh ủy Quảng Trị"),
    # two bodies issuing jointly, each spelled as its own name
    ("HỘI NÔNG DÂN TỈNH KON TUM - SỞ CÔNG THƯƠNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n | Độc lập - Tự do - Hạnh phúc\n"
     "Số: 03/CTrPH-HND-SCT | Kon Tum, ngày 11 tháng 5 năm 2027", "Hội Nông dân tỉnh Kon Tum - Sở Công Thương"),
])
def test_issuers_a_two_level_government_and_joint_programmes_print(head, issuer):
    doc = analyze_text(head + "\nCHƯƠNG TRÌNH\nCông tác năm 2027\n", extractor="rules")
    assert doc.metadata.issuer == issuer


def test_a_coordination_programmes_code_names_its_kind():
    head = ("HỘI NÔNG DÂN TỈNH KON TUM - SỞ CÔNG THƯƠNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 03/CTrPH-HND-SCT | Kon Tum, ngày 11 tháng 5 năm 2027\nCHƯƠNG TRÌNH PHỐI HỢP\nVề tiêu thụ nông sản\n")
    assert analyze_text(head, extractor="rules").metadata.kind == "chuong_trinh"
