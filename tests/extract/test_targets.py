"""Numeric targets (chỉ tiêu): one case per pattern, negatives included."""
import pytest

from service.extract.targets import find_targets
from service.pipeline import analyze_text


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
    text = "- Đến năm 2027, đo đạc lập bản đồ địa chính tỷ lệ 1:2.000 đạt 90% diện tích đất nông nghiệp."
    t = one(text, offset=100)
    assert (t.value, t.unit, t.year) == (90, "%", 2027)
    assert text[t.start - 100:t.end - 100] == t.text
    assert t.text.startswith("Đến năm 2027")


def test_money_value_kept_in_written_unit():
    t = one("Phấn đấu thu ngân sách đạt 20.792 tỷ đồng.")
    assert (t.value, t.unit) == (20792, "tỷ đồng")
    assert t.indicator == "thu ngân sách"


def test_decimal_percent():
    assert one("Phấn đấu tốc độ tăng trưởng ngành dịch vụ đạt 5,04%.").value == 5.04


def test_range_per_year():
    t = one("Tốc độ tăng trưởng GRDP bình quân 8–9%/năm giai đoạn 2021-2025.")
    assert (t.value, t.value_max, t.unit, t.comparator, t.year) == (8, 9, "%/năm", "range", 2025)


def test_range_segmented_spacing():
    t = one("b ) Phấn đấu đạt tốc độ tăng trưởng doanh thu du lịch bình quân 13-13,5 % / năm ;")
    assert (t.value, t.value_max, t.unit) == (13, 13.5, "%/năm")


def test_range_tu_den():
    t = one("Giữ tỷ lệ tăng dân số tự nhiên từ 0,85 đến 0,95 % mỗi năm")
    assert (t.value, t.value_max, t.comparator) == (0.85, 0.95, "range")


@pytest.mark.parametrize("text, op", [
    ("tối thiểu 50% số xã đạt chuẩn nông thôn mới", ">="),
    ("ít nhất 30% doanh nghiệp ứng dụng công nghệ số", ">="),
    ("tỷ lệ nước thải bệnh viện được xử lý đạt chuẩn trên 95 %", ">="),
    ("tỷ lệ lao động qua đào tạo không dưới 70%", ">="),
    ("phấn đấu tăng trưởng năm 2026 đạt từ 10 % trở lên", ">="),
    ("tỷ lệ nhập siêu tối đa 20% kim ngạch xuất khẩu", "<="),
    ("tỷ lệ hộ nghèo giảm xuống dưới 3%", "<="),
    ("bội chi ngân sách không quá 4% GDP", "<="),
])
def test_comparators(text, op):
    assert one(text).comparator == op


def test_net_zero_bare_zero_with_quotes():
    t = one("hướng tới mục tiêu số xã có trẻ bỏ học bằng “0” trước năm 2028.")
    assert (t.value, t.unit, t.year) == (0, None, 2028)
    assert t.text == "hướng tới mục tiêu số xã có trẻ bỏ học bằng “0” trước năm 2028"


def test_context_year_from_heading():
    t = one("Hoàn thành 100% việc cấp mã định danh cho các thửa đất.", context_year=2030)
    assert (t.value, t.year) == (100, 2030)


def test_year_in_clause_wins_over_context():
    t = one("Phấn đấu tỷ lệ hộ dùng nước hợp vệ sinh năm 2027 đạt 98 %", context_year=2030)
    assert t.year == 2027


def test_several_targets_in_a_list():
    found = find_targets("tỷ lệ hộ có nhà tiêu hợp vệ sinh đạt 85 % ; tỷ lệ thu gom rác thải đô thị 95 % ;"
                         " diện tích cây xanh bình quân đầu người 8m2 ;")
    assert [(t.value, t.unit) for t in found] == [(85, "%"), (95, "%"), (8, "m2")]
    assert found[1].indicator == "tỷ lệ thu gom rác thải đô thị"


@pytest.mark.parametrize("text, indicator", [
    ("Tỷ lệ hộ dân ở nông thôn, miền núi được dùng nước sạch đạt 95% vào năm 2030.",
     "Tỷ lệ hộ dân ở nông thôn, miền núi được dùng nước sạch"),
    ("Chỉ tiêu cấp nước cho khu công nghiệp, khu chế xuất khoảng 30 - 40% tổng nhu cầu.",
     "Chỉ tiêu cấp nước cho khu công nghiệp, khu chế xuất"),
    # no head word: a short noun after the comma, then a cue, still belongs to the list before it
    ("Chi cho y tế, văn hóa đạt 20% tổng chi ngân sách tỉnh vào năm 2028.", "Chi cho y tế, văn hóa"),
])
def test_the_indicator_runs_back_over_a_list_to_its_head(text, indicator):
    assert [t.indicator for t in find_targets(text)] == [indicator]


def test_two_periods_share_an_indicator():
    found = find_targets("Tốc độ tăng doanh thu du lịch đạt 12 % giai đoạn 2026 - 2028 và 10 % giai đoạn 2029 - 2030 .")
    assert [(t.value, t.year) for t in found] == [(12, 2028), (10, 2030)]
    assert found[1].indicator == "Tốc độ tăng doanh thu du lịch"


def test_compound_units():
    found = find_targets("Phấn đấu thu nhập bình quân đầu người khu vực nông thôn năm 2027 là 60 triệu đồng / người / năm ; "
                         "sản lượng lúa 0,3 triệu tấn / năm ; 12 bác sĩ/vạn dân")
    assert [(t.value, t.unit) for t in found] == [
        (60, "triệu đồng/người/năm"), (0.3, "triệu tấn/năm"), (12, "bác sĩ/vạn dân")]


def test_count_unit_with_target_cue():
    t = one("Phấn đấu đến năm 2025 có 1.000 doanh nghiệp khởi nghiệp sáng tạo.")
    assert (t.value, t.unit, t.year) == (1000, "doanh nghiệp", 2025)


@pytest.mark.parametrize("text, value, unit", [
    ("Giai đoạn 2026 - 2030 xây dựng mới 14 chợ nông thôn tại các xã vùng cao.", 14, "chợ"),
    ("Đến năm 2028 nâng cấp 09 cửa hàng bán lẻ xăng dầu dọc quốc lộ.", 9, "cửa hàng"),
    ("Phát triển thêm 6 siêu thị tại trung tâm các huyện.", 6, "siêu thị"),
    ("Đến năm 2030 phát triển 25 siêu thị hạng III tại các thị trấn.", 25, "siêu thị"),
])
def test_counts_of_facilities_to_build(text, value, unit):
    t = one(text)
    assert (t.value, t.unit) == (value, unit)


def test_baseline_of_tu_len_is_skipped():
    t = one("Đến năm 2030, nâng tỷ lệ đô thị hóa từ 40% lên 50%.")
    assert t.value == 50


def test_parenthesised_breakdown():
    found = find_targets("Giai đoạn 2026-2028 trồng mới 9.000 ha rừng ( năm 2026 trồng mới 2.500 ha ; năm 2027 trồng mới 3.000 ha ) .")
    assert [(t.value, t.year) for t in found] == [(9000, 2028), (2500, 2026), (3000, 2027)]


# ------------------------------------------------------------------ not targets
@pytest.mark.parametrize("text", [
    "Thực hiện Nghị quyết số 27-NQ/TU ngày 14/3/2025 của Ban Chấp hành Đảng bộ tỉnh.",
    "Lào Cai, ngày 12 tháng 3 năm 2026",
    "Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này.",
    "đo vẽ bản đồ địa hình tỷ lệ 1:10.000 và tỷ lệ 1:25.000 cho vùng hồ",
    "khảo sát địa hình lòng hồ đến độ sâu 40 và 60 mét nước",
    "Năm 2021, tăng trưởng kinh tế đạt 5,04%.",
    "Thu ngân sách năm 2022 tăng 12% so với năm 2020.",
    "Kết quả năm 2025, toàn huyện đã hỗ trợ sửa chữa được 315 nhà ở cho hộ nghèo.",
    "Doanh thu tăng 15% so với cùng kỳ.",
    "Đại hội đại biểu lần thứ 18 Đảng bộ tỉnh (nhiệm kỳ 2025 - 2030).",
    "Căn cứ Luật Thủy lợi ngày 19 tháng 6 năm 2017; Quyết định số 58/2024/QĐ-UBND.",
    "Ủy ban nhân dân 12 xã xây dựng kế hoạch phòng cháy rừng.",
    "cử 45 đồng chí cán bộ tham gia khóa đào tạo",
    "mức cho vay tối đa 100 triệu đồng / hộ , lãi suất 0,5 % / tháng",
    "Kinh phí thực hiện: 1.500 triệu đồng từ ngân sách tỉnh.",
    "kế hoạch đầu tư công trung hạn 5 năm 2026-2030",
    "Khoản 2 Điều 15 Nghị định 138/2020/NĐ-CP",
    "Năm 2026, toàn tỉnh đã cải tạo 31 chợ nông thôn.",            # done, reported: no aim
    "Trên địa bàn huyện hiện có 12 chợ và 3 siêu thị.",
])
def test_not_targets(text):
    assert find_targets(text) == []


@pytest.mark.parametrize("text", [
    # results listed after a sentence's opening past cue, each clause of the list
    "Đến nay, 100% số xã đã có nhà văn hóa; 92% số thôn có đường bê tông; 85% số hộ dùng nước sạch.",
    # a shortfall reported
    "Tỷ lệ nữ đại biểu Hội đồng nhân dân cấp xã chỉ đạt 21%.",
])
def test_reported_results_are_not_targets(text):
    assert find_targets(text) == []


@pytest.mark.parametrize("opening", ["Đến nay", "Tính đến nay", "Hiện nay", "Hiện có", "Hiện tại"])
def test_each_opening_of_a_results_list(opening):
    assert find_targets(f"{opening}, 64% số trường học đạt chuẩn quốc gia; 92% số thôn có đường bê tông.") == []


@pytest.mark.parametrize("text, value", [
    ("Hiện nay, 70% số xã đạt chuẩn nông thôn mới; phấn đấu đến năm 2030 đạt 100%.", 100),   # an aim cue
    ("Hiện nay, 70% số xã đạt chuẩn nông thôn mới; năm 2027 có 85% số xã đạt chuẩn.", 85),    # a year ahead
    ("Tính đến nay, toàn tỉnh có 120 xã đạt chuẩn; hoàn thành số hóa 100% hồ sơ đất đai trước ngày "
     "31/12/2027.", 100),                                                                     # a due date
    ("Các sở, ngành đã triển khai kế hoạch; trong năm 2027 giảm 10% số vụ cháy rừng.", 10),   # no list opening
])
def test_an_aim_after_a_listed_result_stays_a_target(text, value):
    assert [t.value for t in find_targets(text, issued_year=2026)] == [value]


@pytest.mark.parametrize("turn", ["phấn đấu", "hướng tới"])
def test_each_cue_turning_a_past_clause_to_an_aim(turn):
    text = f"Năm 2026 tỷ lệ hộ dân dùng nước sạch đã đạt 90%, {turn} năm 2028 đạt 96%."
    assert [t.value for t in find_targets(text, issued_year=2026)] == [96]


@pytest.mark.parametrize("text, values", [
    ("Phát huy kết quả đã đạt được, trong năm 2027 phấn đấu: 95% số hộ dân nông thôn có nước sạch.", [95]),
    ("Hiện nay tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 90%, đến năm 2030 nâng lên 98%.", [98]),   # a year ahead
    ("Tỷ lệ hộ dân dùng nước sạch đã đạt 90%, năm 2028 đạt 96%.", [96]),
    ("Tỷ lệ hộ dân dùng nước sạch đã đạt 90%, năm 2025 đạt 86%.", []),                 # a year gone by
    # weaker cues, nouns and estimates after the comma do not turn it: the figures are the report's
    ("Tỷ lệ hộ nghèo đã giảm, từ mức bình quân 9% giai đoạn trước xuống còn 5% năm 2025.", []),
    ("Đến nay đã có 40 xã đạt chuẩn, bảo đảm 100% số xã có trạm y tế.", []),
    ("Năm 2025 kinh tế của huyện đã tăng trưởng khá, chỉ tiêu tốc độ tăng trưởng đạt 8,5%.", []),
    ("Năm 2025 đã giải ngân 800 tỷ đồng, dự kiến đến hết tháng 01/2026 giải ngân đạt 98% kế hoạch.", []),
    ("Vốn đã giải ngân 1,2 nghìn tỷ đồng, vốn Chương trình mục tiêu quốc gia đạt 95% kế hoạch.", []),
    ("Năm 2025 đã giải ngân 1,2 nghìn tỷ đồng vốn Chương trình mục tiêu quốc gia đạt 95% kế hoạch.", []),  # "1,2"
    # a past cue after the aim: still a result
    ("Phấn đấu giữ vững kết quả, tỷ lệ tiêm chủng đã đạt 98%.", []),
    # an aim named by its year after "mục tiêu"/"chỉ tiêu", "đến hết năm", or a part holding only the time
    ("Tỷ lệ che phủ rừng hiện nay đạt 42%, mục tiêu năm 2030 là 45%.", [45]),
    ("Tỷ lệ che phủ rừng đã đạt 42%, chỉ tiêu năm 2028 là 45%.", [45]),
    ("Tỷ lệ che phủ rừng đã đạt 42%, đến hết năm 2030 đạt 45%.", [45]),
    ("Tỷ lệ che phủ rừng đã đạt 42%, phấn đấu đến năm 2030, tỷ lệ che phủ rừng đạt 45%.", [45]),
    # a period is no year ahead; a turning cue in another part is not the figure's
    ("Đến nay đã giải ngân 1.200 tỷ đồng, năm 2026 - 2030 đạt 30% kế hoạch trung hạn.", []),
    ("Toàn ngành đã tích cực triển khai, phấn đấu vượt khó, tăng trưởng đạt 8,5%.", []),
])
def test_an_aim_after_a_past_clause(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


@pytest.mark.parametrize("text, values", [
    ("Đến năm 2028, tổ chức thực hiện có hiệu quả để 95% hồ sơ được giải quyết trực tuyến.", [95]),  # the verb
    ("Qua 5 năm thực hiện có 95% số xã đạt chuẩn nông thôn mới.", []),         # "có" a figure: a result
    ("Cụ thể hiện nay tỷ lệ hộ dùng nước sạch đạt 92%.", []),                  # other cues keep their reading
    ("Có thể đã đạt 90% kế hoạch.", []),
])
def test_present_cues_inside_the_verb_thuc_hien(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


def test_imperative_item_with_baseline_year():
    t = one("- Giảm 30% số vụ tai nạn giao thông so với năm 2020.")
    assert (t.value, t.indicator) == (30, "số vụ tai nạn giao thông")


def test_year_label_with_colon():
    t = one("Năm 2024: 95% thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình.")
    assert (t.value, t.year) == (95, 2024)


def test_age_only_after_a_cue():
    found = find_targets("Phấn đấu tỷ lệ tử vong ở trẻ em dưới 1 tuổi còn dưới 12 %; tuổi thọ bình quân đạt 74 tuổi.")
    assert [(t.value, t.unit, t.comparator) for t in found] == [(12, "%", "<="), (74, "tuổi", "=")]
    assert found[0].indicator == "tỷ lệ tử vong ở trẻ em dưới 1 tuổi"


def test_large_money_unit_and_period_end_year():
    t = one("Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025 khoảng 1,2 triệu tỷ đồng.")
    assert (t.value, t.unit, t.year) == (1.2, "triệu tỷ đồng", 2025)


def test_usd_target():
    t = one("Phấn đấu đến năm 2025, GRDP bình quân đầu người đạt 5.000 USD.")
    assert (t.value, t.unit, t.year, t.indicator) == (5000, "USD", 2025, "GRDP bình quân đầu người")


def test_list_marker_before_number():
    t = one("Các chỉ tiêu sau .\n- 100 % giáo viên mầm non đạt chuẩn trình độ đào tạo", context_year=2027)
    assert (t.value, t.year, t.indicator) == (100, 2027, "giáo viên mầm non đạt chuẩn trình độ đào tạo")


@pytest.mark.parametrize("text", [
    "Dự án khu tái định cư phía Tây: diện tích 12,5 ha, tổng mức đầu tư khoảng 240 tỷ đồng.",
    "Mỏ đá vôi được cấp phép với diện tích khu vực khai thác 6,2 ha.",
    "Nhà nước hỗ trợ 50% chi phí đo đạc, lập hồ sơ giao đất.",
    "Công ty mẹ do Nhà nước nắm giữ 100% vốn điều lệ.",
    "Hiện tại, sản lượng cá tra chiếm trên 40% giá trị xuất khẩu của ngành.",
    "Thực hiện trên địa bàn 7 huyện của tỉnh.",
    # a share kept, granted or set equal to a sum is a rate, not an aim
    "Ban quản lý chợ được để lại 90% số tiền thu để chi cho công tác vệ sinh.",
    "Giấy tờ có giá được định giá tối đa bằng 90% giá trị tại thời điểm định giá.",
    "Học sinh thuộc hộ nghèo được trợ cấp 100% học phí.",
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
    t = one("Phấn đấu đạt số xã trắng về y tế bằng 0 vào năm 2028.")
    assert (t.value, t.year) == (0, 2028)
    assert find_targets("Thu phí bằng 2 hình thức: tiền mặt và chuyển khoản.") == []


@pytest.mark.parametrize("text", [
    "Tổng vốn đầu tư phát triển năm 2027: 812.500 triệu đồng.",
    "Hỗ trợ các xã theo định mức tối thiểu là 03 triệu đồng/năm.",
    "Triển khai dự án 2 triệu ha rừng sản xuất theo kế hoạch của Bộ.",
    # an aim word inside the name of a fund or programme states no aim
    "Vốn ngân sách Trung ương hỗ trợ có mục tiêu: 126.500 triệu đồng.",
    "Nguồn vốn chương trình mục tiêu quốc gia về y tế - dân số: 21.300 triệu đồng.",
])
def test_budgets_norms_and_named_projects_are_not_targets(text):
    assert find_targets(text) == []


def test_a_year_ahead_of_the_document_opens_an_aim_not_a_report():
    text = "Năm 2028 trồng mới 1.500 ha rừng gỗ lớn."
    assert [(t.value, t.year) for t in find_targets(text, issued_year=2026)] == [(1500.0, 2028)]
    assert find_targets("Năm 2024 trồng mới 1.500 ha rừng gỗ lớn.", issued_year=2026) == []


def test_an_aim_stated_with_money_is_a_target():
    assert [(t.value, t.unit) for t in find_targets("Mục tiêu huy động 300 tỷ đồng vốn xã hội hóa.")] == \
        [(300.0, "tỷ đồng")]


def test_figures_of_a_report_section_are_results():
    from service.pipeline import analyze_text
    text = ("BÁO CÁO\nTình hình thực hiện năm 2026\nI. KẾT QUẢ THỰC HIỆN\n1. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 96%.\n"
            "II. NHIỆM VỤ NĂM 2027\n1. Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt 99% trong năm 2027.\n")
    assert [t.value for t in analyze_text(text).targets] == [99]


def test_a_report_heading_that_also_names_aims_leaves_the_results_to_its_sub_section():
    text = ("KẾ HOẠCH\nPhát triển thể thao quần chúng năm 2028\nI. KẾT QUẢ NĂM 2027 VÀ CHỈ TIÊU NĂM 2028\n"
            "1. Kết quả năm 2027\nNăm 2027, toàn tỉnh tổ chức 48 giải thi đấu; tỷ lệ người dân tập luyện thường xuyên "
            "đạt 34%.\n2. Chỉ tiêu năm 2028\n- Mở ít nhất 55 lớp hướng dẫn tập luyện cho người cao tuổi.\n"
            "- Tỷ lệ người dân tập luyện thể dục thể thao thường xuyên tăng 2 - 3% so với năm 2027.\n")
    assert [(t.value, t.unit) for t in analyze_text(text).targets] == [(55, "lớp"), (2, "%")]


def test_a_report_heading_joined_to_no_aims_stays_a_report():
    text = ("BÁO CÁO\nKết quả công tác năm 2027\nI. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2027\n1. Lĩnh vực kinh tế\n"
            "Giải quyết việc làm cho 1.150 lao động, tăng 6% so với năm 2026.\n")
    assert analyze_text(text).targets == []


@pytest.mark.parametrize("text, aimed, expected", [
    # an item of a list of targets: a count is an aim without a cue, a comparison with a year no report
    ("Tuyển mới khoảng 180 giáo viên mầm non.", True, [(180, "giáo viên")]),
    ("Tuyển mới khoảng 180 giáo viên mầm non.", False, []),
    ("Doanh thu dịch vụ du lịch cộng đồng tăng 12% so với năm 2027.", True, [(12, "%")]),
    ("Doanh thu dịch vụ du lịch cộng đồng tăng 12% so với năm 2027.", False, []),
    # money still needs an aim in words; a result told as done stays one
    ("Bố trí 350 triệu đồng cho công tác tập huấn.", True, []),
    ("Năm 2027 đã tuyển mới 96 giáo viên mầm non.", True, []),
])
def test_an_item_of_a_target_list_is_an_aim(text, aimed, expected):
    assert [(t.value, t.unit) for t in find_targets(text, issued_year=2028, aimed=aimed)] == expected


@pytest.mark.parametrize("text, expected", [
    # supervisions and inspections counted with a bound; a count with none is what is served, not aimed at
    ("Mỗi năm chủ trì ít nhất 05 cuộc kiểm tra chuyên đề.", [(5, "cuộc")]),
    ("Tổ chức tối thiểu 02 cuộc giám sát việc thực hiện chính sách.", [(2, "cuộc")]),
    ("Phục vụ 03 cuộc tiếp xúc cử tri của đại biểu Quốc hội.", []),
])
def test_supervisions_are_counted_with_a_bound(text, expected):
    assert [(t.value, t.unit) for t in find_targets(text)] == expected


@pytest.mark.parametrize("text, quote, indicator", [
    # "đạt tỷ lệ": the rate is what the subject reaches; the subject is the indicator
    ("Rác thải sinh hoạt ở các thị trấn được phân loại tại nguồn và thu gom hằng ngày đạt tỷ lệ 70%.",
     "Rác thải sinh hoạt ở các thị trấn được phân loại tại nguồn và thu gom hằng ngày đạt tỷ lệ 70%",
     "Rác thải sinh hoạt ở các thị trấn được phân loại tại nguồn và thu gom hằng ngày"),
    # ... within its comma clause: an action before the comma is no part of it
    ("Nâng cao chất lượng khám chữa bệnh, người bệnh hài lòng với dịch vụ đạt tỷ lệ 90%.",
     "người bệnh hài lòng với dịch vụ đạt tỷ lệ 90%", "người bệnh hài lòng với dịch vụ"),
    ("Hộ nghèo được vay vốn ưu đãi đạt tỷ lệ 80%, hộ mới thoát nghèo được vay đạt tỷ lệ 60%.",
     "Hộ nghèo được vay vốn ưu đãi đạt tỷ lệ 80%", "Hộ nghèo được vay vốn ưu đãi"),
    # a time phrase before the subject stays in the quote, not in the indicator
    ("Đến năm 2029, người cao tuổi được quản lý sức khỏe đạt tỷ lệ 85%.",
     "Đến năm 2029, người cao tuổi được quản lý sức khỏe đạt tỷ lệ 85%", "người cao tuổi được quản lý sức khỏe"),
    # no subject: the rate head is the indicator
    ("Đến năm 2029, đạt tỷ lệ 12 điều dưỡng trên một vạn dân.",
     "Đến năm 2029, đạt tỷ lệ 12 điều dưỡng trên một vạn dân", "tỷ lệ"),
    ("Giai đoạn 2026 - 2030, đạt tỷ lệ 95% trở lên.", "đạt tỷ lệ 95% trở lên", "tỷ lệ"),
    # a rate head that opens the clause stays the indicator
    ("Tỷ lệ hồ sơ giải quyết trực tuyến đạt 90%.", "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 90%",
     "Tỷ lệ hồ sơ giải quyết trực tuyến"),
])
def test_a_rate_reached_takes_its_subject_as_indicator(text, quote, indicator):
    target = find_targets(text)[0]
    assert (target.text, target.indicator) == (quote, indicator)


@pytest.mark.parametrize("text, value, unit", [
    # what there will be at a year ahead of the document is an aim
    ("Đến năm 2030, toàn huyện có 1.500 ha chè được cấp mã số vùng trồng.", 1500, "ha"),
    ("- Đến hết năm 2028 có 45 hợp tác xã ứng dụng công nghệ cao.", 45, "hợp tác xã"),
    ("Tới năm 2027 mỗi xã có 01 giáo viên dạy tin học.", 1, "giáo viên"),
    # ... also where the year opens the figure's comma part
    ("Vận động hộ dân tham gia kinh tế tập thể, đến năm 2030 dự kiến có khoảng 85 hợp tác xã.", 85, "hợp tác xã"),
    # a count of things is no size
    ("Đến năm 2030, số hợp tác xã trên địa bàn huyện có khoảng 300 hợp tác xã.", 300, "hợp tác xã"),
])
def test_what_there_will_be_at_a_year_ahead_is_an_aim(text, value, unit):
    t = one(text, issued_year=2026)
    assert (t.value, t.unit) == (value, unit)


@pytest.mark.parametrize("text, values", [
    # a year already past, or the document's own year, reports
    ("Đến năm 2024, toàn huyện có 1.200 ha chè được cấp mã số vùng trồng.", []),
    ("Theo số liệu thống kê, đến năm 2026 huyện có 45 doanh nghiệp.", []),
    # money and sizes stay descriptions: a cost, a subsidy, an area
    ("Đến năm 2030, kinh phí thực hiện Kế hoạch là 50 tỷ đồng.", []),
    ("Đến năm 2030, mỗi xã có 200 triệu đồng để sửa chữa đường giao thông nông thôn.", []),
    ("Đến năm 2030, huyện có diện tích tự nhiên 45.000 ha.", []),
    # nothing said to be there: the plan's scope
    ("Đến năm 2030, triển khai Đề án trên địa bàn 12 xã, 2 thị trấn.", []),
    # a breakdown in parentheses after the total is a clause of its own
    ("Đến năm 2030, toàn tỉnh có 120 chợ (05 chợ đầu mối; 115 chợ dân sinh).", [120]),
    # no year: a description of what is there
    ("Trường có 45 giáo viên và 12 nhân viên.", []),
])
def test_no_year_ahead_or_no_count_states_no_aim(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


@pytest.mark.parametrize("text, values", [
    # every item of the list said to be there
    ("Đến năm 2030, toàn huyện có 1.500 ha chè an toàn, 200 ha cà phê và 50 ha cây ăn quả.", [1500, 200, 50]),
    ("Đến năm 2030, có 20 doanh nghiệp chế biến nông sản, trong đó 5 doanh nghiệp xuất khẩu.", [20, 5]),
    # not what follows in another part of the clause, nor a size in any words
    ("Đến năm 2030, toàn huyện có 1.500 ha chè, triển khai thí điểm tại 12 xã vùng cao.", [1500]),
    ("Đến năm 2030, nhà máy điện mặt trời có công suất 50 MW.", []),
    ("Đến năm 2030, khu công nghiệp có quy mô 300 ha.", []),
])
def test_a_list_said_at_a_year_ahead(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


@pytest.mark.parametrize("text, values", [
    # "và" or a comma after names, not after a figure: no list of figures
    ("Đến năm 2030, toàn huyện có 1.500 ha chè an toàn, Phòng Kinh tế phối hợp với Sở Y tế và 12 xã kiểm tra.",
     [1500]),
    ("Đến năm 2030, toàn huyện có 1.500 ha chè, tập trung tại các xã vùng cao, 12 xã còn lại trồng cây ăn quả.",
     [1500]),
    # a second figure in the part that says what there is: where, or whose
    ("Đến năm 2030, toàn huyện có 1.500 ha chè an toàn trên địa bàn 12 xã.", [1500]),
    ("Đến năm 2030, có 1.500 ha chè an toàn của 2.000 hộ.", [1500]),
    # a size before the list; "có" qualifying a group or in a set phrase
    ("Đến năm 2030, khu du lịch sinh thái có diện tích 120 ha, trong đó 30 ha rừng cảnh quan.", []),
    ("Đến năm 2030, ưu tiên hỗ trợ các hộ có từ 2 ha đất sản xuất trở lên.", []),
    ("Đến năm 2030, triển khai có hiệu quả mô hình cho 12 xã vùng cao.", []),
    # a later part that opens on a year not ahead is that year's
    ("Đến năm 2030, toàn tỉnh có 50 hợp tác xã, đến hết năm 2025 mới có 20 hợp tác xã và 300 tổ hợp tác.", [50]),
])
def test_what_is_not_said_to_be_there_at_a_year_ahead(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


def test_a_bare_year_is_no_horizon_when_the_document_year_is_unknown():
    assert find_targets("Năm 2025, toàn huyện có 1.500 ha chè an toàn.") == []


def test_a_year_ahead_counts_where_the_document_year_is_unknown():
    assert [t.value for t in find_targets("Đến năm 2030, toàn huyện có 1.500 ha chè an toàn.")] == [1500]


def test_a_rate_per_thousand():
    t = one("Giảm tỷ suất sinh thô xuống dưới 14‰ vào năm 2030.")
    assert (t.value, t.unit, t.comparator, t.year) == (14, "‰", "<=", 2030)
    t = one("Giảm tỷ suất sinh từ 0,3‰ đến 0,5‰ mỗi năm.")
    assert (t.value, t.value_max, t.unit, t.comparator) == (0.3, 0.5, "‰", "range")


@pytest.mark.parametrize("text, indicator", [
    # an aim verb before the figure is no part of what is measured
    ("Đến năm 2029, bảo đảm 100% trạm y tế xã có bác sĩ làm việc.", "trạm y tế xã có bác sĩ làm việc"),
    ("Đảm bảo 95% hồ sơ thủ tục hành chính được giải quyết đúng hạn.",
     "hồ sơ thủ tục hành chính được giải quyết đúng hạn"),
    # nor "trong đó" opening the clause
    ("Đến năm 2029, trong đó trẻ em dưới 5 tuổi được tiêm chủng đầy đủ đạt tỷ lệ 98%.",
     "trẻ em dưới 5 tuổi được tiêm chủng đầy đủ"),
])
def test_the_indicator_drops_aim_verbs_and_openers(text, indicator):
    assert find_targets(text, issued_year=2026)[0].indicator == indicator


@pytest.mark.parametrize("text, quotes", [
    # a figure followed by another keeps what it says of itself, up to the join
    ("Đến năm 2029, toàn tỉnh có 12.000 ha chè, trong đó 70 % diện tích chè được chứng nhận VietGAP và "
     "15 % diện tích chè hữu cơ.",
     ["Đến năm 2029, toàn tỉnh có 12.000 ha chè", "trong đó 70 % diện tích chè được chứng nhận VietGAP",
      "15 % diện tích chè hữu cơ"]),
    ("Phấn đấu hoàn thành chỉ tiêu giải quyết đơn thư (90 % về số vụ việc và 85 % về số tiền).",
     ["90 % về số vụ việc", "85 % về số tiền"]),
    # more than a few words before the next figure: the quote stays the figure
    ("Phấn đấu giảm 10 % số vụ cháy rừng ở các tiểu khu rừng phòng hộ đầu nguồn của huyện và 5 % "
     "diện tích rừng bị cháy.", ["Phấn đấu giảm 10 %"]),
])
def test_a_figure_before_another_is_quoted_up_to_the_join(text, quotes):
    assert [t.text for t in find_targets(text, issued_year=2026)][:len(quotes)] == quotes


def test_a_year_before_a_rate_is_no_amount_of_money():
    t = one("Phấn đấu đến năm 2029 tỷ lệ hộ dùng nước sạch đạt 98 %.", issued_year=2026)
    assert (t.value, t.indicator, t.year) == (98, "tỷ lệ hộ dùng nước sạch", 2029)


@pytest.mark.parametrize("text, values", [
    # a share alone in parentheses beside an amount or a remainder, no aim stated: not a target
    ("- Chi bồi thường, giải phóng mặt bằng (27,5 %): 86.400 triệu đồng;", []),
    ("Phần còn lại (40 %) nộp vào ngân sách huyện.", []),
    # with an aim stated it stays
    ("Phấn đấu đến năm 2030 có 120 xã đạt chuẩn nông thôn nâng cao (60 %).", [120, 60]),
])
def test_a_share_alone_in_parentheses(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


@pytest.mark.parametrize("text, values", [
    # a support verb right before a percentage that ends its clause or covers a cost: a rate given
    ("Xã đặc biệt khó khăn được hỗ trợ 80%.", []),
    ("Học sinh khuyết tật thuộc hộ nghèo được trợ cấp 100% cho chi phí học tập.", []),
    # with an aim in the sentence, or a group it reaches after the figure, it stays
    ("Phấn đấu đến năm 2028 hỗ trợ 100% hộ nghèo có nhu cầu vay vốn.", [100]),
    ("Các xã hỗ trợ 70% số hộ nghèo tham gia bảo hiểm y tế.", [70]),
])
def test_a_support_rate_given_is_no_target(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


@pytest.mark.parametrize("text, values", [
    # an aim word capitalised inside a clause belongs to a name, not to an aim
    ("Sở Nông nghiệp và Phát triển nông thôn hiện phụ trách 14 trạm khuyến nông.", []),
    ("Chi nhánh Ngân hàng Phát triển khu vực cho vay 250 hộ sản xuất.", []),
    # an item may open on one
    ("- Phát triển 400 ha mắc ca tại các xã vùng cao.", [400]),
    ("Sở Nông nghiệp và Phát triển nông thôn phát triển thêm 400 ha mắc ca.", [400]),
])
def test_an_aim_word_inside_a_name_is_no_aim(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


@pytest.mark.parametrize("text, indicator", [
    ("Đến năm 2030, dân số đô thị đạt 300.000 người.", "dân số đô thị"),
    ("Phấn đấu đến năm 2030 quy mô dân số toàn huyện đạt 95.000 người.", "quy mô dân số toàn huyện"),
    ("Phấn đấu đến năm 2029 số học sinh dân tộc thiểu số đạt 12.000 học sinh.", "số học sinh dân tộc thiểu số"),
])
def test_a_head_is_no_syllable_of_a_longer_word(text, indicator):
    assert one(text, issued_year=2026).indicator == indicator


@pytest.mark.parametrize("text, value", [
    # an aim word opening an item stays an aim whatever numbers or marks it: no body's name holds it
    ("2.1 Trồng mới 1.200 ha rừng gỗ lớn.", 1200),
    ("1.3 Phát triển 450 ha cây dược liệu dưới tán rừng.", 450),
    ("“Phát triển thêm 180 ha chè chất lượng cao” là khâu đột phá.", 180),
    ("Tập trung Phát Triển 320 ha vùng nguyên liệu.", 320),
])
def test_an_aim_word_opening_an_item_is_an_aim(text, value):
    assert [t.value for t in find_targets(text, issued_year=2026)] == [value]


@pytest.mark.parametrize("text, value, unit, indicator", [
    # only a bare "tỷ" before "lệ", "trọng", "suất" is no multiplier
    ("Phấn đấu đến năm 2030 giảm 40 % lệ phí cấp phép xây dựng.", 40, "%", "lệ phí cấp phép xây dựng"),
    ("Phấn đấu năm 2027 thu 38 tỷ đồng lệ phí trước bạ.", 38, "tỷ đồng", "lệ phí trước bạ (thu)"),
    ("Phấn đấu đến năm 2030 tỷ trọng dịch vụ trong GRDP đạt 42 %.", 42, "%", "tỷ trọng dịch vụ trong GRDP"),
    # a number after a reference word ("năm 2029") is no earlier figure to start the quote after
    ("Đến năm 2029 tỷ lệ phí thẩm định được để lại cho đơn vị đạt 70 %.", 70, "%",
     "tỷ lệ phí thẩm định được để lại cho đơn vị"),
])
def test_a_multiplier_is_not_read_into_a_word(text, value, unit, indicator):
    t = one(text, issued_year=2026)
    assert (t.value, t.unit, t.indicator) == (value, unit, indicator)


@pytest.mark.parametrize("text, indicator", [
    # a figure after "mỗi năm" or "đường" is still an earlier figure: the next quote starts after it
    ("Tốc độ tăng doanh thu du lịch mỗi năm 12 % và tổng thu từ khách du lịch đạt 900 tỷ đồng.",
     "tổng thu từ khách du lịch"),
    ("Đến năm 2030 cứng hóa tuyến đường 38 km và 95 % đường ngõ xóm được bê tông hóa.",
     "đường ngõ xóm được bê tông hóa"),
    # an amount in bare digits after "năm" is a figure too; only a year glued to "tỷ lệ" is not
    ("Đến năm 2030, sản lượng tôm nuôi mỗi năm 2000 tấn và diện tích nuôi tôm đạt 420 ha.", "diện tích nuôi tôm"),
])
def test_a_measure_after_a_reference_word_still_ends_the_quote_before_the_next(text, indicator):
    assert find_targets(text, issued_year=2026)[-1].indicator == indicator


@pytest.mark.parametrize("text, values", [
    # a share in parentheses after an aim, or in a sentence with a target cue, stays
    ("- Có 24 xã đạt chuẩn nông thôn mới nâng cao (85 %);", [85]),
    ("Toàn huyện có 18 xã (75 %) đạt chuẩn nông thôn mới vào năm 2030.", [75]),
    ("Tỷ lệ trẻ em được tiêm chủng đạt mức cao (95 - 98 %).", [95]),
    # a rate reached by those supported is an aim
    ("Tỷ lệ người cao tuổi có hoàn cảnh khó khăn được hỗ trợ 100%.", [100]),
])
def test_an_aim_around_a_share_or_a_support_rate_keeps_it(text, values):
    assert [t.value for t in find_targets(text, issued_year=2026)] == values


def test_the_next_figure_of_a_list_is_quoted_from_its_join():
    found = find_targets("Phấn đấu 85 % số hộ nuôi bò và dê và 70 % số hộ trồng rau áp dụng quy trình an toàn.",
                         issued_year=2026)
    assert [t.text for t in found] == ["Phấn đấu 85 % số hộ nuôi bò và dê",
                                       "70 % số hộ trồng rau áp dụng quy trình an toàn"]
    assert found[0].end <= found[1].start


def test_a_coefficient_is_an_indicator_head():
    assert one("Nâng hệ số sử dụng đất lúa lên 2,2 lần vào năm 2030.", issued_year=2026).indicator == \
        "hệ số sử dụng đất lúa"


@pytest.mark.parametrize("text, value", [
    # an aim word after a body, a place or a group is the aim, never part of a name (lower case, or all capitals)
    ("Đến năm 2030, huyện Yên Thành trồng mới 350 ha rừng.", 350),
    ("Chi cục Kiểm lâm phấn đấu trồng mới 90 ha rừng phòng hộ.", 90),
    ("Ban Quản lý Khu công nghệ cao phấn đấu thu hút 1,5 tỷ USD vốn đầu tư.", 1.5),
    ("Đảng bộ xã phấn đấu kết nạp 12 đảng viên mới.", 12),
    ("TOÀN HUYỆN PHẤN ĐẤU TRỒNG MỚI 420 HA RỪNG.", 420),
])
def test_an_aim_word_after_a_body_stays_an_aim(text, value):
    assert [t.value for t in find_targets(text, issued_year=2026)] == [value]


@pytest.mark.parametrize("text, quote", [
    # an earlier figure of the clause does not cut the indicator of the next at a "và" or comma inside it
    ("Xây dựng 4 trạm xử lý nước thải nhằm nâng tỷ lệ nước thải sinh hoạt và công nghiệp được xử lý đạt 85 %.",
     "tỷ lệ nước thải sinh hoạt và công nghiệp được xử lý đạt 85 %"),
    ("Trồng mới 600 ha rừng nhằm nâng độ che phủ rừng, cây lâu năm toàn huyện lên 58 %.",
     "độ che phủ rừng, cây lâu năm toàn huyện lên 58 %"),
])
def test_an_earlier_figure_leaves_the_next_indicator_whole(text, quote):
    assert find_targets(text, issued_year=2026)[-1].text == quote


def test_shares_listed_under_an_aim_head_stay():
    found = find_targets("Tỷ trọng các khu vực trong GRDP năm 2030: nông, lâm nghiệp (18 %), công nghiệp (40 %), "
                         "dịch vụ (42 %).", issued_year=2026)
    assert [t.value for t in found] == [18, 40, 42]


@pytest.mark.parametrize("text, quote", [
    # "và" and a verb before a figure go on its own item; an earlier figure does not make it a list
    ("Diện tích ngô 3.200 ha, năng suất bình quân tăng và đạt 58 tạ/ha.", "năng suất bình quân tăng và đạt 58 tạ/ha"),
    ("Giảm 250 hộ nghèo, tỷ lệ trẻ em suy dinh dưỡng thể thấp còi giảm và còn 12 %.",
     "tỷ lệ trẻ em suy dinh dưỡng thể thấp còi giảm và còn 12 %"),
    # an approximator may stand after the join of a list
    ("Phấn đấu 90 % hộ dân dùng nước hợp vệ sinh và khoảng 60 % hộ dân dùng nước sạch.",
     "khoảng 60 % hộ dân dùng nước sạch"),
])
def test_a_verb_after_a_join_keeps_the_item_whole(text, quote):
    assert find_targets(text, issued_year=2026)[-1].text == quote


def test_an_approximator_after_the_join_keeps_the_list():
    found = find_targets("Phấn đấu 75 % hợp tác xã hoạt động hiệu quả và hơn 40 % hợp tác xã ứng dụng công nghệ cao.",
                         issued_year=2026)
    assert [t.text for t in found] == ["Phấn đấu 75 % hợp tác xã hoạt động hiệu quả",
                                       "hơn 40 % hợp tác xã ứng dụng công nghệ cao"]


@pytest.mark.parametrize("sentence, value, unit", [
    ("Sở Công Thương tổ chức ít nhất 02 hội chợ, triển lãm mỗi năm.", 2, "hội chợ"),
    ("Lấy tối thiểu 1.200 mẫu thực phẩm để kiểm nghiệm trong năm 2028.", 1200, "mẫu"),
    ("Mỗi chi bộ có ít nhất 01 buổi sinh hoạt chuyên đề mỗi quý, phát triển thêm 05 chi bộ trong doanh nghiệp "
     "tư nhân.", 5, "chi bộ"),
])
def test_counts_of_events_outputs_and_party_cells_are_targets(sentence, value, unit):
    doc = analyze_text(f"KẾ HOẠCH\nXúc tiến thương mại năm 2028\nII. NHIỆM VỤ\n1. {sentence}\n", extractor="rules")
    assert (value, unit) in [(t.value, t.unit) for t in doc.targets]


@pytest.mark.parametrize("sentence", ["Sau diễn tập, rút ra ít nhất 03 bài học kinh nghiệm về chỉ huy.",
                                      "Giữ vững danh hiệu xã văn hóa 02 kỳ liên tiếp.",
                                      "Bảo đảm an ninh cho 06 cuộc bầu cử bổ sung."])
def test_lessons_terms_and_elections_are_no_counted_targets(sentence):
    doc = analyze_text(f"KẾ HOẠCH\nCông tác năm 2028\nII. NHIỆM VỤ\n1. {sentence}\n", extractor="rules")
    assert doc.targets == []


def test_only_the_aims_sub_section_of_a_report_heading_joined_with_aims_is_read():
    text = ("KẾ HOẠCH\nCông tác năm 2028\nI. KẾT QUẢ THỰC HIỆN NĂM 2027 VÀ NHIỆM VỤ NĂM 2028\n1. Về kinh tế\n"
            "Giá trị sản xuất thủy sản đạt 240 tỷ đồng, tăng 7% so với năm 2026.\n2. Về xã hội\n"
            "96% người dân tham gia bảo hiểm y tế.\n3. Nhiệm vụ năm 2028\n"
            "Phấn đấu 98% người dân tham gia bảo hiểm y tế.\n")
    assert [t.value for t in analyze_text(text, extractor="rules").targets] == [98]


@pytest.mark.parametrize("text", [
    "Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 97% (năm 2027 là 94,5%).",        # the baseline of an earlier year
    "Diện tích đất trồng lúa của xã là 820 ha.",                               # a measure that describes
])
def test_a_target_list_keeps_baselines_and_descriptions_out(text):
    found = find_targets(text, issued_year=2028, aimed=True)
    assert [t.value for t in found] == ([97] if "97%" in text else [])
