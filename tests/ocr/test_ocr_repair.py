"""Syllable inventory, page quality and OCR repair (no Tesseract needed)."""
import pytest

from service.document import Block
from service.ingest.pdf import layer_quality
from service.ingest.ocr.repair import repair_line, repair_number, repair_pairs
from service.ingest.ocr.syllables import inventory, is_valid, quality


@pytest.mark.parametrize("word, valid", [
    ("tỉnh", True), ("tính", True), ("nghiệp", True), ("gì", True), ("quyết", True), ("ủy", True),
    ("TỈNH", True), ("kêt", False), ("cac", False), ("ngê", False), ("ci", False), ("Ø", False), ("họcvà", False),
])
def test_syllable_rules(word, valid):
    assert is_valid(word) is valid


def test_inventory_is_generated_from_rules():
    assert 4000 < len(inventory()) < 12000
    assert {"nghiêng", "khuya", "quyết".replace("ế", "ê")} <= inventory()


def test_quality_is_the_share_of_valid_syllables():
    assert quality("Sở Tài chính chủ trì, phối hợp với Bảo hiểm xã hội tỉnh") == 1.0
    assert quality("Sá»Ÿ TÃ i chÃ­nh chá»§ trÃ¬ phá»‘i há»£p vá»›i") < 0.5
    assert quality("12/2025 - 30%") == 0.0


def test_garbage_text_layer_scores_low_but_legacy_fonts_do_not():
    assert layer_quality([Block(text="Sá»Ÿ TÃ i chÃ­nh chá»§ trÃ¬, phá»‘i há»£p vá»›i")]) < 0.5
    assert layer_quality([Block(text="Së Tµi chÝnh chñ tr×, phèi hîp víi Së Néi vô")]) > 0.9  # TCVN3
    assert layer_quality([Block(text="(cid:12)(cid:13)")]) == 0.0


@pytest.mark.parametrize("ocr, fixed", [
    ("TÍNH ỦY LÀO CAI", "TỈNH ỦY LÀO CAI"),
    ("Số: Z32Ø/BTC-QLCS", "Số: 2320/BTC-QLCS"),
    ("Lào Cai, ngày 1O tháng O3 năm 2O25", "Lào Cai, ngày 10 tháng 03 năm 2025"),
    ("hoàn thành trước ngày 3O/6/2O25", "hoàn thành trước ngày 30/6/2025"),
    ("Uy ban nhan dan tinh Lao Cai", "Ủy ban nhân dân tỉnh Lao Cai"),
    ("Sở Tài chinh chủ trì", "Sở Tài chính chủ trì"),
    ("Sở Khoa họcvà Công nghệ", "Sở Khoa học và Công nghệ"),
    ("Sở Thông tin và Truyền.thông", "Sở Thông tin và Truyền thông"),
    ("Quý IIl/2025", "Quý III/2025"),
    ("Tháng›10 hằng năm", "Tháng 10 hằng năm"),
    ("li. NHIỆM VỤ", "II. NHIỆM VỤ"),
    ("11. Sở Y tế", "11. Sở Y tế"),
    ("b}) Bộ Công Thương", "b) Bộ Công Thương"),
    ("c] Ủy ban nhân dân các xã", "c) Ủy ban nhân dân các xã"),
    ("sắp xếp lại cơ quan uỷ ban kiểm tra của huyện", "sắp xếp lại cơ quan uỷ ban kiểm tra của huyện"),
    ("Ban Thường vụ Tinh ủy ban hành Chỉ thị", "Ban Thường vụ Tỉnh ủy ban hành Chỉ thị"),
    ("Giám đốc Công an tinh chỉ đạo", "Giám đốc Công an tỉnh chỉ đạo"),
    ("việc thuộc thẩm quyền Uy ban nhan dan tinh", "việc thuộc thẩm quyền Ủy ban nhân dân tỉnh"),
    ("Sở Nội vụ, Hội Lien hiep Phu nu tỉnh", "Sở Nội vụ, Hội Liên hiệp Phụ nữ tỉnh"),
    ("theo chỉ đạo của Quân ủy Trung ương", "theo chỉ đạo của Quân ủy Trung ương"),
    ("Thành uy và Huyen ủy chỉ đạo", "Thành ủy và Huyện ủy chỉ đạo"),
    ("Bộ Tài chính hướng dẫn chỉ tiết việc thu phí", "Bộ Tài chính hướng dẫn chi tiết việc thu phí"),
    ("Chánh Văn phòng chịu trách nhiệm thì hành Quyết định này.",
     "Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này."),
    ("Tỷ lệ đảng viên dự sinh hoạt chỉ bộ đạt 95%", "Tỷ lệ đảng viên dự sinh hoạt chi bộ đạt 95%"),
])
def test_repair(ocr, fixed):
    assert repair_line(ocr) == fixed


@pytest.mark.parametrize("text", [
    "Sở Y tế chủ trì, hướng dẫn các trạm y tế xã, phường thực hiện",
    "tinh thần trách nhiệm, tính toán chi phí, G20 và B2",
    "Ban Chấp hành Trung ương, Ủy ban nhân dân tỉnh",
    "Chi cục Thuế cùng cấp và Kho bạc Nhà nước dựa vào kết quả hằng năm",   # `pair_keeps`: as written
    "nêu trong điểm b khoản 2, Kho bạc chi số kinh phí còn lại",          # `pair_keeps`
    "được lập từ nguồn vốn của xã Hải Hòa",     # no phrase across a word's edge ("Độc lập - Tự do"), no name
    "lắp đặt truyền hình cáp trên địa bàn",            # a vowel's own mark: "cấp trên" is not read into it
])
def test_clean_text_is_left_alone(text):
    assert repair_line(text) == text


def test_weak_lookalikes_need_a_date():
    assert repair_number("G20") == "G20"
    assert repair_number("1S/02/2025") == "15/02/2025"


def test_a_mark_between_two_words_keeps_them_from_being_read_as_one():
    assert repair_pairs(["Như", "đã", "chỉ,", "tiết", "Một"]) == ["Như", "đã", "chỉ,", "tiết", "Một"]
    assert repair_pairs(["Như", "đã", "chỉ", "tiết", "Một"]) == ["Như", "đã", "chi", "tiết", "Một"]
