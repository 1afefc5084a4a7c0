"""Labelled lines of an item (owner, coordinators, time, product, funds) are its fields, not tasks."""
from datetime import date

import pytest

from service.pipeline import analyze_text
from service.structure.attributes import is_attribute, read

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\nSố: 41/KH-UBND\n\nKẾ HOẠCH\nPhát triển thương mại điện tử năm 2027\n\n"


def _rows(text: str) -> list[tuple]:
    doc = analyze_text(HEAD + text, extractor="rules")
    return [(t.text.split("\n")[0], [b.name for b in t.lead], [b.name for b in t.support],
             t.deadline.end if t.deadline else None, t.output.text if t.output else None) for t in doc.tasks]


def test_bulleted_labels_under_an_item_are_its_fields():
    rows = _rows("II. NHIỆM VỤ\n"
                 "1. Xây dựng sàn giao dịch nông sản trực tuyến của tỉnh.\n"
                 "- Cơ quan chủ trì: Sở Công Thương.\n"
                 "- Cơ quan phối hợp: Sở Tài chính, Ủy ban nhân dân các huyện.\n"
                 "- Thời gian hoàn thành: quý III/2027.\n"
                 "- Sản phẩm: Sàn giao dịch vận hành chính thức.\n"
                 "2. Tập huấn kỹ năng bán hàng trên mạng cho hợp tác xã.\n"
                 "- Cơ quan chủ trì: Liên minh Hợp tác xã tỉnh.\n")
    assert rows[0] == ("Xây dựng sàn giao dịch nông sản trực tuyến của tỉnh.", ["Sở Công Thương"],
                       ["Sở Tài chính", "Ủy ban nhân dân các huyện"], date(2027, 9, 30), "Sàn giao dịch vận hành chính thức")
    assert rows[1][:4] == ("Tập huấn kỹ năng bán hàng trên mạng cho hợp tác xã.", ["Liên minh Hợp tác xã tỉnh"], [], None)
    assert len(rows) == 2


def test_a_labelled_paragraph_after_an_item_is_that_items_and_several_labels_share_a_line():
    rows = _rows("II. NHIỆM VỤ\n"
                 "1. Rà soát danh mục sản phẩm OCOP đủ điều kiện bán trên sàn.\n"
                 "Cơ quan chủ trì: Sở Nông nghiệp và Môi trường; thời gian: tháng 5/2027.\n"
                 "2. Hỗ trợ doanh nghiệp nhỏ mở gian hàng trực tuyến.\n"
                 "Đơn vị thực hiện: Trung tâm Xúc tiến thương mại.\n")
    assert rows == [
        ("Rà soát danh mục sản phẩm OCOP đủ điều kiện bán trên sàn.", ["Sở Nông nghiệp và Môi trường"], [],
         date(2027, 5, 31), None),
        ("Hỗ trợ doanh nghiệp nhỏ mở gian hàng trực tuyến.", ["Trung tâm Xúc tiến thương mại"], [], None, None)]


def test_a_labelled_line_closing_a_group_of_items_gives_every_item_its_owners():
    rows = _rows("3. Nhiệm vụ về nguồn nhân lực\n"
                 "a) Mở lớp bồi dưỡng kỹ năng số cho cán bộ cấp xã.\n"
                 "b) Biên soạn tài liệu hướng dẫn thanh toán không dùng tiền mặt.\n"
                 "Trách nhiệm thực hiện: Sở Nội vụ; Sở Khoa học và Công nghệ.\n"
                 "4. Nhiệm vụ về hạ tầng\n"
                 "a) Phủ sóng di động đến các thôn vùng cao trong năm 2027.\n")
    assert [r[:3] for r in rows] == [
        ("Mở lớp bồi dưỡng kỹ năng số cho cán bộ cấp xã.", ["Sở Nội vụ", "Sở Khoa học và Công nghệ"], []),
        ("Biên soạn tài liệu hướng dẫn thanh toán không dùng tiền mặt.", ["Sở Nội vụ", "Sở Khoa học và Công nghệ"], []),
        ("Phủ sóng di động đến các thôn vùng cao trong năm 2027.", [], [])]


def test_a_closing_line_of_lead_and_coordinators_gives_both_to_the_group():
    rows = _rows("5. Phát triển thương mại trên nền tảng số\n"
                 "- Đưa sản phẩm chủ lực của các xã lên sàn thương mại điện tử.\n"
                 "- Hướng dẫn hộ kinh doanh sử dụng mã QR trong thanh toán.\n"
                 "Trách nhiệm chủ trì: Sở Công Thương; phối hợp: Sở Tài chính, Hội Nông dân tỉnh.\n")
    assert [r[1:3] for r in rows] == [(["Sở Công Thương"], ["Sở Tài chính", "Hội Nông dân tỉnh"])] * 2


def test_a_closing_line_that_says_who_leads_and_who_coordinates_in_one_label():
    rows = _rows("3. Giám sát theo lĩnh vực\n"
                 "- Giám sát việc thực hiện chính sách hỗ trợ học nghề cho lao động nông thôn.\n"
                 "- Giám sát việc chi trả trợ cấp cho người cao tuổi.\n"
                 "Trách nhiệm thực hiện: Hội Nông dân tỉnh, Hội Người cao tuổi tỉnh chủ trì; Ban Dân vận Tỉnh ủy, "
                 "Sở Y tế phối hợp.\n")
    assert [r[1:3] for r in rows] == [(["Hội Nông dân tỉnh", "Hội Người cao tuổi tỉnh"],
                                       ["Ban Dân vận Tỉnh ủy", "Sở Y tế"])] * 2


def test_owner_labels_after_the_last_items_own_time_belong_to_the_group():
    rows = _rows("2. Tổ chức kỳ thi\n"
                 "a) Thành lập Ban coi thi; niêm yết danh sách thí sinh tại điểm thi.\n"
                 "Thời gian: Tháng 5/2028.\n"
                 "b) Tổ chức chấm thi, công bố kết quả trên Trang thông tin điện tử.\n"
                 "Thời gian: Tháng 6/2028.\n"
                 "Đơn vị chủ trì: Phòng Khảo thí. Đơn vị phối hợp: Văn phòng Sở, Thanh tra Sở.\n")
    assert [r[1:3] for r in rows] == [(["Phòng Khảo thí"], ["Văn phòng Sở", "Thanh tra Sở"])] * 2


def test_labels_in_a_closing_parenthesis_are_the_items():
    doc = analyze_text(HEAD + "1. Tuyên truyền\n"
                       "- Đăng tải tối thiểu 04 tin, bài mỗi tháng trên trang thông tin điện tử (Đơn vị thực hiện: Ban "
                       "Tuyên giáo Huyện đoàn; thời gian: trước ngày 15 hằng tháng).\n"
                       "- Tổ chức hội thi tìm hiểu lịch sử địa phương cho đoàn viên.\n", extractor="rules")
    first, second = doc.tasks
    assert [b.name for b in first.lead] == ["Ban Tuyên giáo Huyện đoàn"] and first.deadline.recurrence == "monthly"
    assert second.lead == []


def test_a_lead_who_coordinates_with_one_body_and_a_body_that_coordinates_too():
    rows = _rows("3. Thể thao quần chúng\n"
                 "- Tổ chức giải việt dã truyền thống của xã.\n"
                 "- Duy trì câu lạc bộ bóng chuyền hơi người cao tuổi.\n"
                 "Trách nhiệm thực hiện: Phòng Văn hóa - Xã hội chủ trì, phối hợp với Đoàn Thanh niên xã; "
                 "Hội Người cao tuổi phối hợp.\n")
    assert "Đoàn Thanh niên xã" in rows[0][2]


def test_a_closing_label_wrapped_over_lines_gives_every_body_it_lists():
    rows = _rows("6. Bảo vệ rừng đầu nguồn\n"
                 "a) Tuần tra, kiểm soát các tuyến đường vào rừng đầu nguồn trong mùa khô.\n"
                 "b) Lắp đặt biển cảnh báo nguy cơ cháy rừng tại các điểm giáp ranh.\n"
                 "Trách nhiệm thực hiện: Chi cục Kiểm lâm; các Ban Quản lý rừng phòng hộ, rừng đặc dụng;\n"
                 "Ủy ban nhân dân các xã, phường.\n")
    owners = ["Chi cục Kiểm lâm", "các Ban Quản lý rừng phòng hộ", "Ủy ban nhân dân các xã, phường"]
    assert [r[1] for r in rows] == [owners, owners]


def test_a_labelled_list_passes_over_a_part_it_cannot_read():
    rows = _rows("II. NHIỆM VỤ\n1. Tuần tra bảo vệ rừng mùa khô.\n"
                 "- Cơ quan chủ trì: Chi cục Kiểm lâm; các hạt kiểm lâm; Ủy ban nhân dân các xã có rừng.\n")
    assert rows[0][1][0] == "Chi cục Kiểm lâm" and rows[0][1][-1] == "Ủy ban nhân dân các xã có rừng"


def test_a_closing_label_stands_over_the_owner_a_heading_hands_down():
    rows = _rows("1. Nâng cao trách nhiệm của cấp ủy, chính quyền trong phát triển thương mại\n"
                 "- Quán triệt chủ trương phát triển thương mại điện tử đến cán bộ chủ chốt.\n"
                 "- Đưa chỉ tiêu thương mại điện tử vào nghị quyết hằng năm.\n"
                 "Trách nhiệm thực hiện: Ban Tuyên giáo Tỉnh ủy; Sở Công Thương.\n")
    assert [r[1] for r in rows] == [["Ban Tuyên giáo Tỉnh ủy", "Sở Công Thương"]] * 2


def test_an_items_own_doer_and_time_stand_before_the_labels_time():
    rows = _rows("1. Sở Công Thương tổ chức hội chợ trực tuyến trước ngày 15/8/2027.\n"
                 "- Thời gian thực hiện: năm 2027.\n"
                 "- Đơn vị phối hợp: Hội Doanh nhân trẻ tỉnh.\n")
    assert rows == [("Sở Công Thương tổ chức hội chợ trực tuyến trước ngày 15/8/2027.", ["Sở Công Thương"],
                     ["Hội Doanh nhân trẻ tỉnh"], date(2027, 8, 15), None)]


def test_a_labelled_owners_own_sentence_gives_its_coordinators_too():
    rows = _rows("1. Tổ chức tháng cao điểm khuyến mại trực tuyến.\n"
                 "- Trách nhiệm thực hiện: Trung tâm Xúc tiến thương mại chủ trì, phối hợp với Hiệp hội Doanh nghiệp tỉnh "
                 "và Ủy ban nhân dân các huyện.\n")
    assert [r[1:3] for r in rows] == [(["Trung tâm Xúc tiến thương mại"],
                                       ["Hiệp hội Doanh nghiệp tỉnh", "Ủy ban nhân dân các huyện"])]


def test_a_time_label_before_a_sentence_with_its_own_doer_is_an_item():
    rows = _rows("1. Giải phóng mặt bằng khu chợ đầu mối.\n"
                 "- Tiến độ: Ủy ban nhân dân huyện Tân Lập hoàn thành bàn giao mặt bằng trước ngày 30/6/2027.\n")
    assert [(r[0][:8], r[1], r[3]) for r in rows][-1] == ("Tiến độ:", ["Ủy ban nhân dân huyện Tân Lập"], date(2027, 6, 30))


def test_a_closing_label_leaves_the_leads_that_items_name_themselves():
    rows = _rows("3. Nhiệm vụ khác\n"
                 "a) Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ.\n"
                 "b) Rà soát danh mục hàng hóa bình ổn giá.\n"
                 "Cơ quan chủ trì: Sở Công Thương.\n")
    assert [r[1] for r in rows] == [["Sở Y tế"], ["Sở Công Thương"]]


def test_labels_after_other_details_of_an_item_are_still_the_items():
    rows = _rows("1. Tổ chức hội nghị kết nối cung cầu nông sản\n"
                 "- Hình thức: trực tiếp kết hợp trực tuyến.\n"
                 "- Địa điểm: Trung tâm Hội nghị tỉnh.\n"
                 "- Cơ quan chủ trì: Sở Công Thương.\n"
                 "- Thời gian: tháng 10/2027.\n")
    assert [r[:4] for r in rows] == [("Tổ chức hội nghị kết nối cung cầu nông sản", ["Sở Công Thương"], [], date(2027, 10, 31))]


def test_a_closing_label_gives_nothing_to_items_that_name_their_own_doer():
    rows = _rows("II. NHIỆM VỤ KHÁC\n"
                 "1. Sở Du lịch chủ trì quảng bá điểm đến trong năm 2027.\n"
                 "2. Xây dựng cơ sở dữ liệu khách du lịch.\n"
                 "Cơ quan chủ trì: Sở Khoa học và Công nghệ. Cơ quan phối hợp: Sở Tài chính. Thời gian hoàn thành: năm 2028.\n")
    assert [r[1:4] for r in rows] == [(["Sở Du lịch"], [], date(2027, 12, 31)),
                                      (["Sở Khoa học và Công nghệ"], ["Sở Tài chính"], date(2028, 12, 31))]


@pytest.mark.parametrize("line, expected", [
    ("Cơ quan chủ trì: Sở Y tế.", True),
    ("Thời hạn hoàn thành : tháng 10/2027", True),
    ("Cơ quan chủ trì:", False),                                   # a lead-in to a list of owners
    ("Phối hợp: với Phòng Văn hóa huyện trang trí hội trường.", False),   # no list of bodies after the label
    ("Phối hợp với Sở Y tế kiểm tra an toàn thực phẩm.", False),   # an assignment, no label
    ("Thời gian qua, thương mại điện tử tăng nhanh.", False),
])
def test_what_is_a_labelled_line(line, expected):
    assert is_attribute(line) is expected


def test_reading_a_line_of_several_labels():
    found = read("Cơ quan chủ trì: Sở Tư pháp; cơ quan phối hợp: Công an tỉnh, Sở Nội vụ; kinh phí: ngân sách tỉnh.",
                 100, 2027)
    assert [b.name for b in found.lead] == ["Sở Tư pháp"]
    assert [b.name for b in found.support] == ["Công an tỉnh", "Sở Nội vụ"]
    assert found.lead[0].start == 100 + len("Cơ quan chủ trì: ")
    assert found.budget is not None and "ngân sách tỉnh" in found.budget.text
    assert found.deadline is None
