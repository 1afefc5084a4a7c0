"""Level-aware normalisation: each pattern of levels.yaml becomes its placeholder."""
import pytest

from service.compare.placeholders import normalise, tokens


@pytest.mark.parametrize("upper, lower", [
    ("Ban Tuyên giáo Tỉnh ủy chủ trì", "Ban Tuyên giáo Huyện ủy chủ trì"),
    ("Ban Thường vụ Thành ủy", "Ban Thường vụ Đảng ủy"),
    ("Ủy ban nhân dân tỉnh chỉ đạo", "UBND huyện chỉ đạo"),
    ("Uỷ ban nhân dân tỉnh chỉ đạo", "Ủy ban nhân dân quận chỉ đạo"),
    ("Sở Thông tin và Truyền thông xây dựng", "Phòng Văn hóa và Thông tin xây dựng"),
    ("Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo", "Đảng đoàn Ủy ban nhân dân thành phố lãnh đạo"),
    ("của các sở, ngành, địa phương", "của các phòng, ban, xã, thị trấn"),
    ("Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc", "Các chi bộ, đảng bộ cơ sở trực thuộc"),
    ("trên địa bàn tỉnh Lào Cai", "trên địa bàn huyện Bảo Thắng"),
    ("tại các xã Bản Phiệt, Bản Cầm", "tại các phường Kim Tân"),
    ("hoàn thành trước ngày 28/02/2025", "hoàn thành trước ngày 31/3/2026"),
    ("ban hành ngày 17 tháng 01 năm 2025", "ban hành ngày 3 tháng 3 năm 2025"),
    ("hoàn thành trong quý I/2025", "hoàn thành trong tháng 6/2025"),
    ("từ năm học 2025 - 2026", "từ năm học 2026-2027"),
    ("đến năm 2030", "đến năm 2027"),
    ("Chương trình hành động này", "Kế hoạch này"),
    ("a) Triển khai đồng bộ", "3. Triển khai đồng bộ"),
    ("- Triển khai đồng bộ", "1.2. Triển khai đồng bộ"),
])
def test_level_words_read_alike(upper, lower):
    assert normalise(upper) == normalise(lower)


def test_placeholders_and_words():
    assert normalise("Sở Tài chính của tỉnh hoàn thành trong năm 2025.") == \
        "<agency> của <unit> hoàn thành trong năm <date>"


def test_social_is_not_a_commune():
    assert normalise("phát triển kinh tế - xã hội") == "phát triển kinh tế xã hội"


def test_place_name_stops_at_lower_case():
    assert normalise("các xã Bản Phiệt, Phong Niên trước ngày 30/9/2025") == "các <unit> trước ngày <date>"


def test_figures_are_kept():
    assert normalise("tại 07 thôn, 100% hồ sơ, 1.200 lượt") == "tại 07 thôn 100% hồ sơ 1.200 lượt"


def test_spans_point_into_the_text():
    text = "Chỉ đạo Sở Nội vụ rà soát trước ngày 30/6/2025."
    for tok in tokens(text):
        assert text[tok.start:tok.end].strip()
    agency = next(t for t in tokens(text) if t.norm == "<agency>")
    assert text[agency.start:agency.end] == "Sở Nội vụ"


def test_old_tone_placement_and_quy():
    assert normalise("hoà bình, quỹ, quý") == normalise("hòa bình, quỹ, quý") == "hòa bình quỹ quý"
