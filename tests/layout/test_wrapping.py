"""Lines broken at the page width are joined back; only real list markers and indents start items."""
from service.ingest import read_bytes
from service.layout import rebuild_layout


def paragraphs(text: str) -> list[str]:
    doc = rebuild_layout(read_bytes(text.encode("utf-8"), "van-ban.txt"))
    return [" ".join(b.text.split()) for b in doc.blocks]


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    text = ("1. Sở Du lịch chủ trì, phối hợp với\n"
            "Hội Nông dân tỉnh hướng dẫn các hộ gia đình làm du lịch\n"
            "trải nghiệm nông nghiệp, hoàn thành trước ngày 30/6/2025.\n"
            "2. Sở Nội vụ hướng dẫn.\n"
            "a) Rà soát tổ chức bộ máy;\n"
            "- Lưu: VT.\n")
    assert paragraphs(text) == [
        "1. Sở Du lịch chủ trì, phối hợp với Hội Nông dân tỉnh hướng dẫn các hộ gia đình làm du lịch "
        "trải nghiệm nông nghiệp, hoàn thành trước ngày 30/6/2025.",
        "2. Sở Nội vụ hướng dẫn.",
        "a) Rà soát tổ chức bộ máy;",
        "- Lưu: VT.",
    ]


LAYOUT = """\
         Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2025 của Ủy ban nhân dân
tỉnh về cải cách hành chính, Ủy ban nhân dân huyện yêu cầu:
         1. Phòng Tư pháp chủ trì, phối hợp với các cơ quan có liên quan rà soát
Nghị quyết số 12/2024/NQ-HĐND ngày 10/7/2024 và đề xuất sửa đổi, bổ sung
trước ngày 30/9/2025.
         2. Sở Nội vụ hướng dẫn Ủy ban nhân dân các xã, phường xây dựng kế hoạch
năm 2026; tổng hợp, báo cáo kết quả về Ủy ban nhân dân tỉnh.
         3. Ủy ban nhân dân các xã, phường tổ chức thực hiện; định kỳ báo cáo
ODA và các nguồn vốn khác theo quy định.
"""


def test_layout_text_is_read_by_its_margins():
    """A first-line indent opens a paragraph; a line at the margin continues it, even when it starts
    with a capital, a number or a marker-like word."""
    assert paragraphs(LAYOUT) == [
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2025 của Ủy ban nhân dân tỉnh về cải cách hành chính, "
        "Ủy ban nhân dân huyện yêu cầu:",
        "1. Phòng Tư pháp chủ trì, phối hợp với các cơ quan có liên quan rà soát Nghị quyết số 12/2024/NQ-HĐND "
        "ngày 10/7/2024 và đề xuất sửa đổi, bổ sung trước ngày 30/9/2025.",
        "2. Sở Nội vụ hướng dẫn Ủy ban nhân dân các xã, phường xây dựng kế hoạch năm 2026; tổng hợp, báo cáo "
        "kết quả về Ủy ban nhân dân tỉnh.",
        "3. Ủy ban nhân dân các xã, phường tổ chức thực hiện; định kỳ báo cáo ODA và các nguồn vốn khác theo "
        "quy định.",
    ]


def test_header_columns_become_cells_and_the_number_stays_whole():
    text = ("ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "  TỈNH HÀ GIANG                            Độc lập - Tự do - Hạnh phúc\n"
            "   Số: 125    /KH-UBND                 Hà Giang, ngày 15 tháng 3 năm 2025\n")
    assert paragraphs(text) == ["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                "TỈNH HÀ GIANG | Độc lập - Tự do - Hạnh phúc",
                                "Số: 125 /KH-UBND | Hà Giang, ngày 15 tháng 3 năm 2025"]
