"""Each entry of synonyms.yaml's function_words and skip_lines does its job."""
import pytest

from service.compare.content_words import terms
from service.compare.passages import sentences_outside_tasks
from service.lexicons import load
from service.pipeline import analyze_text

LEX = load("synonyms")

# One line of our own per skip_lines entry, as it opens a line of an upper document.
SKIPPED = {
    "Căn cứ": "Căn cứ Luật Du lịch ngày 19 tháng 6 năm 2017 và các nghị định hướng dẫn thi hành",
    "Kính gửi": "Kính gửi các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện, thành phố",
    "Nơi nhận": "Nơi nhận gồm Thường trực Huyện ủy, các phòng, ban chuyên môn và Ủy ban nhân dân các xã",
    "Số:": "Số: 125/KH-UBND ban hành kèm theo bảng phân công nhiệm vụ của các sở, ngành",
    r"Số\s+\d": "Số 87-KH/HU của Ban Thường vụ Huyện ủy về phát triển du lịch cộng đồng",
    r"TM\.": "TM. ỦY BAN NHÂN DÂN TỈNH LÀO CAI VÀ CÁC SỞ, BAN, NGÀNH",
    "T/M": "T/M BAN THƯỜNG VỤ HUYỆN ỦY BẢO THẮNG VÀ CÁC CHI BỘ TRỰC THUỘC",
    r"KT\.": "KT. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI PHÓ CHỦ TỊCH THƯỜNG TRỰC",
    "CHỦ TỊCH": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI KÝ THAY CÁC PHÓ CHỦ TỊCH",
    "BÍ THƯ": "BÍ THƯ HUYỆN ỦY BẢO THẮNG KIÊM CHỦ TỊCH HỘI ĐỒNG NHÂN DÂN HUYỆN",
    "Hà Nội": "Hà Nội là nơi tổ chức hội nghị sơ kết việc thực hiện kế hoạch năm nay",
    "CỘNG HÒA": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ĐỘC LẬP TỰ DO HẠNH PHÚC",
    "Độc lập": "Độc lập - Tự do - Hạnh phúc là dòng tiêu ngữ ở đầu văn bản",
    "ĐẢNG CỘNG SẢN": "ĐẢNG CỘNG SẢN VIỆT NAM LÃNH ĐẠO CÔNG TÁC PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG",
    r"-\s*Lưu": "- Lưu văn phòng Ủy ban nhân dân tỉnh và các phòng chuyên môn",
}
PLAN = """KẾ HOẠCH
PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG
I. MỤC ĐÍCH, YÊU CẦU
{line}
II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng bộ tiêu chí homestay, hoàn thành trước ngày 30/6/2027.
"""


def test_every_skip_line_has_an_example():
    assert sorted(SKIPPED) == sorted(LEX["skip_lines"])


@pytest.mark.parametrize("entry", LEX["skip_lines"])
def test_a_header_or_signature_line_is_no_passage(entry):
    def sentences(line: str) -> list[str]:
        return [text for _, text in sentences_outside_tasks(analyze_text(PLAN.format(line=line)))]

    line = SKIPPED[entry]
    tail = line[-25:]
    assert not any(tail in s for s in sentences(line))
    kept = "Nhìn chung, " + line.lstrip("- ")       # the same words, not opening the line, make a passage
    assert any(tail in s for s in sentences(kept))


@pytest.mark.parametrize("word", LEX["function_words"])
def test_a_function_word_is_no_content_term(word):
    found = terms(f"Nâng cấp hạ tầng du lịch {word} xây dựng sản phẩm đặc trưng")
    assert word not in found and not any(word in t.split() for t in found)
    assert {"nâng cấp", "hạ tầng", "sản phẩm"} <= {t for t in found if " " in t}
