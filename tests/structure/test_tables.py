"""Assignment tables: column roles and one task per row."""
from datetime import date

import pytest

from service.pipeline import analyze_text
from service.structure.tables import column_roles

TABLE_PLAN = """KẾ HOẠCH
PHỤ LỤC
TT | Nhiệm vụ, giải pháp | Chủ trì | Phối hợp | Thời hạn | Sản phẩm đầu ra | Kinh phí
I | NHÓM NHIỆM VỤ VỀ THỂ CHẾ |  |  |  |  |
1 | Xây dựng quy chế quản lý dữ liệu số của tỉnh | Sở Thông tin và Truyền thông | Sở Tư pháp, các sở, ngành | Quý II/2025 | Quyết định của UBND tỉnh | 500 triệu đồng
2 | Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã | Sở Nội vụ | UBND các huyện, thị xã, thành phố | Hằng năm | Nhiệm vụ | Ngân sách tỉnh
"""


@pytest.mark.parametrize("header, roles", [
    (["Số TT", "Tên nhiệm vụ", "Kết quả, sản phẩm", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời điểm hoàn thành"],
     {"number": 0, "content": 1, "output": 2, "lead": 3, "support": 4, "deadline": 5}),
    (["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tiến độ", "Kinh phí"],
     {"number": 0, "content": 1, "lead": 2, "support": 3, "deadline": 4, "budget": 5}),
])
def test_column_roles(header, roles):
    assert column_roles(header) == roles


def test_rows_become_tasks_with_their_cells():
    doc = analyze_text(TABLE_PLAN)
    table_tasks = [t for t in doc.tasks if t.origin == "table"]
    assert [t.text[:9] for t in table_tasks] == ["Xây dựng ", "Tổ chức t"]
    first, second = table_tasks
    assert [b.name for b in first.lead] == ["Sở Thông tin và Truyền thông"]
    assert [b.name for b in first.support] == ["Sở Tư pháp", "các sở, ngành"]
    assert first.deadline.end == date(2025, 6, 30)
    assert first.output.text == "Quyết định của UBND tỉnh"
    assert first.budget.amount_vnd == 500_000_000
    assert second.deadline.recurrence == "yearly"
    assert second.output is None          # "Nhiệm vụ" names no product
    assert second.budget.source
    assert doc.text[first.start:first.end] == first.text


def test_two_row_header_and_repeated_header_after_a_page_break():
    text = ("KẾ HOẠCH\nPHỤ LỤC\n"
            "TT | Nội dung công việc | Cơ quan thực hiện |  | Thời gian hoàn thành\n"
            " |  | Chủ trì | Phối hợp | \n"
            "1 | Ban hành quy chế phối hợp liên ngành | Sở Nội vụ | Sở Tư pháp | Quý II/2025\n"
            "TT | Nội dung công việc | Cơ quan thực hiện |  | Thời gian hoàn thành\n"
            "2 | Tổ chức hội nghị sơ kết | Văn phòng Ủy ban nhân dân tỉnh | Các sở, ngành | Tháng 12/2025\n")
    tasks = [t for t in analyze_text(text).tasks if t.origin == "table"]
    assert [t.text for t in tasks] == ["Ban hành quy chế phối hợp liên ngành", "Tổ chức hội nghị sơ kết"]
    assert [b.name for b in tasks[0].lead] == ["Sở Nội vụ"]
    assert [b.name for b in tasks[0].support] == ["Sở Tư pháp"]
    assert [b.name for b in tasks[1].support] == ["Các sở, ngành"]


def test_a_table_without_a_product_column_names_the_product_in_its_content():
    text = ("KẾ HOẠCH\nPHỤ LỤC\n"
            "TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành\n"
            "1 | Xây dựng cơ sở dữ liệu đất đai cấp huyện | Phòng Nông nghiệp và Môi trường | Quý III/2027\n"
            "2 | Tăng cường kiểm tra việc sử dụng đất công | Thanh tra huyện | Thường xuyên\n")
    first, second = [t for t in analyze_text(text).tasks if t.origin == "table"]
    assert first.output.text == "cơ sở dữ liệu đất đai cấp huyện"
    assert second.output is None


def test_a_blank_product_cell_leaves_the_product_to_the_content():
    text = ("KẾ HOẠCH\nPHỤ LỤC\n"
            "TT | Nhiệm vụ | Cơ quan chủ trì | Sản phẩm | Thời gian hoàn thành\n"
            "1 | Lập kế hoạch bồi dưỡng giáo viên mầm non năm 2027 | Phòng Giáo dục và Đào tạo |  | Quý I/2027\n"
            "2 | Xây dựng phần mềm quản lý hồ sơ học sinh | Trung tâm Văn hóa | - | Quý IV/2027\n"
            "3 | Thường xuyên kiểm tra bếp ăn bán trú | Phòng Y tế |  | Hằng tháng\n")
    first, second, third = [t for t in analyze_text(text).tasks if t.origin == "table"]
    assert first.output.text == "kế hoạch bồi dưỡng giáo viên mầm non năm 2027"
    assert second.output is None          # "-" says the row has no product
    assert third.output is None


def test_a_timetable_names_no_work():
    text = ("KẾ HOẠCH\nIII. LỊCH TRÌNH\nThời gian | Nội dung | Ghi chú\n"
            "Tháng 5/2027 | Hội nghị triển khai Kế hoạch | Trực tuyến\n"
            "Tháng 11/2027 | Sơ kết công tác năm | Trực tiếp\n")
    assert analyze_text(text, extractor="rules").tasks == []
    assigned = text.replace("Ghi chú", "Trách nhiệm").replace("Trực tuyến", "Sở Tư pháp").replace(
        "Trực tiếp", "Văn phòng Ủy ban nhân dân tỉnh")
    assert [[b.name for b in t.lead] for t in analyze_text(assigned, extractor="rules").tasks] == [
        ["Sở Tư pháp"], ["Văn phòng Ủy ban nhân dân tỉnh"]]
