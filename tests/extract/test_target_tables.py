"""Target tables (bảng chỉ tiêu): one target per row, from the right-most plan column."""
import pytest

from service.extract.target_tables import target_columns
from service.pipeline import analyze_text

HEAD = "ỦY BAN NHÂN DÂN HUYỆN AN LÃO\nKẾ HOẠCH\nPhát triển y tế cơ sở giai đoạn 2026-2030\nI. MỤC TIÊU\n"
TASK = "II. NHIỆM VỤ\n1. Phòng Y tế chủ trì rà soát mạng lưới trạm y tế xã, hoàn thành trong quý III/2026.\n"


def targets_of(table: str):
    doc = analyze_text(HEAD + table + TASK)
    return [(t.indicator, t.value, t.value_max, t.unit, t.comparator, t.year) for t in doc.targets]


def test_each_row_gives_the_figure_of_the_plan_column_not_the_baseline():
    table = ("STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Mục tiêu năm 2030\n"
             "1 | Số bác sĩ trên một vạn dân | bác sĩ | 9,2 | ≥ 12\n"
             "2 | Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế | % | 80 | 100\n")
    assert targets_of(table) == [
        ("Số bác sĩ trên một vạn dân", 12.0, None, "bác sĩ", ">=", 2030),
        ("Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", 100.0, None, "%", "=", 2030)]


def test_plain_year_columns_take_the_last_year_and_ranges_keep_both_bounds():
    table = ("TT | Tên chỉ tiêu | ĐVT | Năm 2026 | Năm 2028 | Năm 2030\n"
             "1 | Tỷ lệ người dân có thẻ bảo hiểm y tế | % | 93 | 94 | 95-96\n")
    assert targets_of(table) == [("Tỷ lệ người dân có thẻ bảo hiểm y tế", 95.0, 96.0, "%", "range", 2030)]


def test_a_unit_written_in_the_value_cell_is_taken_when_there_is_no_unit_column():
    table = "TT | Chỉ tiêu | Kế hoạch 2027\n1 | Tỷ lệ trạm y tế có bác sĩ | 90%\n"
    assert targets_of(table) == [("Tỷ lệ trạm y tế có bác sĩ", 90.0, None, "%", "=", 2027)]


def test_cells_without_a_figure_and_tables_of_results_give_no_target():
    results = ("TT | Chỉ tiêu | Đơn vị tính | Kết quả thực hiện năm 2025 | So với cùng kỳ\n"
               "1 | Số ca khám chữa bệnh | lượt | 45.000 | 104%\n")
    assert targets_of(results) == []
    words = "TT | Chỉ tiêu | Mục tiêu năm 2030\n1 | Trạm y tế xã đạt chuẩn | Đạt chuẩn\n"
    assert targets_of(words) == []


def test_an_assignment_table_is_not_a_target_table():
    table = ("TT | Nội dung | Cơ quan chủ trì | Thời hạn hoàn thành\n"
             "1 | Xây dựng đề án y tế học đường năm 2027 | Phòng Y tế | Quý IV/2026\n")
    doc = analyze_text(HEAD + table)
    assert doc.targets == [] and len(doc.tasks) == 1


@pytest.mark.parametrize("header, expected", [
    (["Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030"], (0, 1, 3, 2030)),
    (["TT", "Tiêu chí", "ĐVT", "Phấn đấu đạt"], (1, 2, 3, None)),
    (["TT", "Chỉ số", "Đơn vị", "Thực hiện 2025", "Ước thực hiện 2026", "Kế hoạch 2027"], (1, 2, 5, 2027)),
    (["TT", "Nội dung", "Hiện trạng 2025"], None),
    (["TT", "Tên xã", "Năm 2030"], None),
])
def test_header_columns(header, expected):
    assert target_columns(header) == expected
