"""Numeric targets (chỉ tiêu): one case per pattern, negatives included."""
import pytest

from service.extract.targets import find_targets


def one(text, **kw):
    found = find_targets(text, **kw)
    assert len(found) == 1, found
    return found[0]


def test_forest_cover_with_year():
    t = one("Đến năm 2030, tỷ lệ che phủ rừng đạt 60%")
    assert (t.value, t.unit, t.comparator, t.year) == (60, "%", "=", 2030)
    assert t.indicator == "tỷ lệ che phủ rừng"
    assert t.text == "Đến năm 2030, tỷ lệ che phủ rừng đạt 60%"


def test_offsets_are_shifted_and_quote_matches():
    text = "- Đến năm 2025, lập bản đồ địa chất khoáng sản tỷ lệ 1:50.000 đạt 80% diện tích đất liền."
    t = one(text, offset=100)
    assert (t.value, t.unit, t.year) == (80, "%", 2025)
    assert text[t.start - 100:t.end - 100] == t.text
    assert t.text.startswith("Đến năm 2025")


def test_money_value_kept_in_written_unit():
    t = one("Phấn đấu thu ngân sách đạt 20.792 tỷ đồng.")
    assert (t.value, t.unit) == (20792, "tỷ đồng")
    assert t.indicator == "thu ngân sách"


def test_decimal_percent():
    assert one("Phấn đấu tốc độ tăng trưởng kinh tế đạt 5,04%.").value == 5.04


def test_range_per_year():
    t = one("Tốc độ tăng trưởng GRDP bình quân 8–9%/năm giai đoạn 2021-2025.")
    assert (t.value, t.value_max, t.unit, t.comparator, t.year) == (8, 9, "%/năm", "range", 2025)


def test_range_segmented_spacing():
    t = one("a ) Phấn đấu đạt tốc độ tăng trưởng bình quân 13-13,5 % / năm ;")
    assert (t.value, t.value_max, t.unit) == (13, 13.5, "%/năm")


def test_range_tu_den():
    t = one("tỷ lệ từ 1,50 đến 1,65 % so dân số")
    assert (t.value, t.value_max, t.comparator) == (1.5, 1.65, "range")


@pytest.mark.parametrize("text, op", [
    ("tối thiểu 50% số xã đạt chuẩn nông thôn mới", ">="),
    ("ít nhất 30% doanh nghiệp ứng dụng công nghệ số", ">="),
    ("tỷ lệ chất thải rắn y tế được xử lý trên 90 %", ">="),
    ("tỷ lệ lao động qua đào tạo không dưới 70%", ">="),
    ("phấn đấu tăng trưởng năm 2026 đạt từ 10 % trở lên", ">="),
    ("tỷ lệ nhập siêu tối đa 20% kim ngạch xuất khẩu", "<="),
    ("tỷ lệ hộ nghèo giảm xuống dưới 3%", "<="),
    ("bội chi ngân sách không quá 4% GDP", "<="),
])
def test_comparators(text, op):
    assert one(text).comparator == op


def test_net_zero_bare_zero_with_quotes():
    t = one("hướng tới mục tiêu phát thải ròng bằng “0” trước năm 2050.")
    assert (t.value, t.unit, t.year) == (0, None, 2050)
    assert t.text == "hướng tới mục tiêu phát thải ròng bằng “0” trước năm 2050"


def test_context_year_from_heading():
    t = one("Hoàn thành 100% việc lập bản đồ địa chất khoáng sản.", context_year=2045)
    assert (t.value, t.year) == (100, 2045)


def test_year_in_clause_wins_over_context():
    t = one("Phấn đấu tỷ lệ lao động qua đào tạo năm 2015 đạt 60 %", context_year=2020)
    assert t.year == 2015


def test_several_targets_in_a_list():
    found = find_targets("tỷ lệ người có bảo hiểm y tế đạt 90 % ; tỷ lệ xử lý chất thải nguy hại 85 % ;"
                         " diện tích nhà ở bình quân đầu người 15m2 ;")
    assert [(t.value, t.unit) for t in found] == [(90, "%"), (85, "%"), (15, "m2")]
    assert found[1].indicator == "tỷ lệ xử lý chất thải nguy hại"


def test_two_periods_share_an_indicator():
    found = find_targets("Tốc độ tăng trưởng xuất khẩu đạt 17 % giai đoạn 2011 - 2015 và 15 % giai đoạn 2016 - 2020 .")
    assert [(t.value, t.year) for t in found] == [(17, 2015), (15, 2020)]
    assert found[1].indicator == "Tốc độ tăng trưởng xuất khẩu"


def test_compound_units():
    found = find_targets("Phấn đấu GDP bình quân đầu người năm 2015 là 41 triệu đồng / người / năm ; "
                         "sản lượng lương thực 2,1 triệu tấn / năm ; 2,5 bác sĩ/vạn dân")
    assert [(t.value, t.unit) for t in found] == [
        (41, "triệu đồng/người/năm"), (2.1, "triệu tấn/năm"), (2.5, "bác sĩ/vạn dân")]


def test_count_unit_with_target_cue():
    t = one("Phấn đấu đến năm 2025 có 1.000 doanh nghiệp khởi nghiệp sáng tạo.")
    assert (t.value, t.unit, t.year) == (1000, "doanh nghiệp", 2025)


def test_baseline_of_tu_len_is_skipped():
    t = one("Đến năm 2030, nâng tỷ lệ đô thị hóa từ 40% lên 50%.")
    assert t.value == 50


def test_parenthesised_breakdown():
    found = find_targets("Giai đoạn 2011-2015 trồng mới 14.000 ha ( năm 2011 trồng mới 3.000 ha ; năm 2012 trồng mới 3.000 ha ) .")
    assert [(t.value, t.year) for t in found] == [(14000, 2015), (3000, 2011), (3000, 2012)]


# ------------------------------------------------------------------ not targets
@pytest.mark.parametrize("text", [
    "Thực hiện Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị.",
    "Hà Nội, ngày 10 tháng 02 năm 2022",
    "Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này.",
    "lập bản đồ địa chất tỷ lệ 1:50.000 và tỷ lệ 1:500.000 trên biển",
    "điều tra khoáng sản biển tại một số khu vực đến độ sâu 300 và 1.500 mét nước",
    "Năm 2021, tăng trưởng kinh tế đạt 5,04%.",
    "Thu ngân sách năm 2022 tăng 12% so với năm 2020.",
    "Kết quả năm 2009, toàn Thành phố đã hỗ trợ xây dựng được 4.090 nhà ở hư hỏng.",
    "Doanh thu tăng 15% so với cùng kỳ.",
    "Hội nghị lần thứ 26 các bên tham gia Công ước khung (COP26).",
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Quyết định số 279/2005/QĐ-TTg.",
    "Ủy ban nhân dân 11 phường xây dựng kế hoạch tuyên truyền.",
    "cử 80 đồng chí cán bộ tham gia đào tạo",
    "mức vay tối đa 8 triệu đồng / hộ , lãi suất 3 % / năm",
    "Kinh phí thực hiện: 1.500 triệu đồng từ ngân sách tỉnh.",
    "kế hoạch phát triển kinh tế - xã hội 5 năm 2011-2015",
    "Khoản 2 Điều 15 Nghị định 138/2020/NĐ-CP",
])
def test_not_targets(text):
    assert find_targets(text) == []


def test_imperative_item_with_baseline_year():
    t = one("- Giảm 30% số vụ tai nạn giao thông so với năm 2020.")
    assert (t.value, t.indicator) == (30, "số vụ tai nạn giao thông")


def test_year_label_with_colon():
    t = one("Năm 2024: 95% thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình.")
    assert (t.value, t.year) == (95, 2024)


def test_age_only_after_a_cue():
    found = find_targets("Phấn đấu tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi còn dưới 16 %; tuổi thọ bình quân đạt 75 tuổi.")
    assert [(t.value, t.unit, t.comparator) for t in found] == [(16, "%", "<="), (75, "tuổi", "=")]
    assert found[0].indicator == "tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi"


def test_large_money_unit_and_period_end_year():
    t = one("Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025 khoảng 1,2 triệu tỷ đồng.")
    assert (t.value, t.unit, t.year) == (1.2, "triệu tỷ đồng", 2025)


def test_usd_target():
    t = one("Phấn đấu đến năm 2025, GRDP bình quân đầu người đạt 5.000 USD.")
    assert (t.value, t.unit, t.year, t.indicator) == (5000, "USD", 2025, "GRDP bình quân đầu người")


def test_list_marker_before_number():
    t = one("Các chỉ tiêu sau .\n- 100 % cán bộ chuyên trách công đoàn được đào tạo", context_year=2013)
    assert (t.value, t.year, t.indicator) == (100, 2013, "cán bộ chuyên trách công đoàn được đào tạo")


@pytest.mark.parametrize("text", [
    "Dự án khu tái định cư phía Tây: diện tích 12,5 ha, tổng mức đầu tư khoảng 240 tỷ đồng.",
    "Mỏ đá vôi được cấp phép với diện tích khu vực khai thác 6,2 ha.",
    "Nhà nước hỗ trợ 50% chi phí đo đạc, lập hồ sơ giao đất.",
    "Công ty mẹ do Nhà nước nắm giữ 100% vốn điều lệ.",
    "Hiện tại, sản lượng cá tra chiếm trên 40% giá trị xuất khẩu của ngành.",
    "Thực hiện trên địa bàn 7 huyện của tỉnh.",
])
def test_descriptions_rates_and_present_figures_are_not_targets(text):
    assert find_targets(text) == []


def test_a_measure_with_an_aim_is_a_target():
    t = one("Đến năm 2030, diện tích rừng trồng mới đạt 12.000 ha.")
    assert (t.value, t.unit, t.year) == (12000, "ha", 2030)


def test_baseline_is_not_the_target():
    found = find_targets("Nâng thu nhập bình quân của lao động từ 9 triệu đồng năm 2024 lên 15 triệu đồng năm 2030.")
    assert [t.value for t in found] == [15]


def test_net_zero_is_a_bare_zero_target():
    t = one("Phấn đấu đạt mức phát thải ròng bằng 0 vào năm 2050.")
    assert (t.value, t.year) == (0, 2050)
    assert find_targets("Thu phí bằng 2 hình thức: tiền mặt và chuyển khoản.") == []
