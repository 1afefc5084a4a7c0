"""Page numbers, separators and lone marks are dropped; numbers that belong to the text are kept."""
from service.document import Block
from service.ingest import read_bytes
from service.layout import drop_furniture, rebuild_layout


def test_page_numbers_at_page_edges_and_separators_are_dropped():
    text = ("KẾ HOẠCH\n-----------\nCải cách hành chính năm 2025\n"
            "       1. Sở Nội vụ chủ trì theo dõi, đôn đốc các xã, phường, thị trấn thực\n"
            "hiện kế hoạch.\n\f                        2\n"
            "       2. Sở Tài chính bố trí kinh phí.\n* *\n")
    doc = rebuild_layout(read_bytes(text.encode("utf-8"), "ke-hoach.txt"))
    assert [b.text for b in doc.blocks] == [
        "KẾ HOẠCH", "Cải cách hành chính năm 2025",
        "1. Sở Nội vụ chủ trì theo dõi, đôn đốc các xã, phường, thị trấn thực hiện kế hoạch.",
        "2. Sở Tài chính bố trí kinh phí."]
    assert [b.page for b in doc.blocks] == [1, 1, 1, 2]


def test_a_number_that_interrupts_a_sentence_is_a_page_number():
    blocks = [Block(text="Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tổ chức"),
              Block(text="- 4 -"), Block(text="tập huấn cho nhân viên y tế thôn, bản trong quý III năm 2025.")]
    assert [b.text for b in drop_furniture(blocks)] == [blocks[0].text, blocks[2].text]


def test_numbers_that_are_not_page_furniture_are_kept():
    blocks = [Block(text="TT"), Block(text="1"), Block(text="Xây dựng kế hoạch tuyên truyền."),
              Block(text="Số lượng đoàn kiểm tra:"), Block(text="12")]
    assert drop_furniture(blocks) == blocks
    paged = [Block(text="Tổng hợp kết quả.", page=3), Block(text="17", page=3)]
    assert drop_furniture(paged) == paged          # 17 is not page 3's number


def test_a_closing_mark_alone_on_its_line_is_text_not_a_separator():
    blocks = [Block(text="Phòng Văn hóa huyện hướng dẫn các xã thực hiện các nội dung sau"), Block(text=":"),
              Block(text="* * *"), Block(text=";"), Block(text="……")]
    assert [b.text for b in drop_furniture(blocks)] == [blocks[0].text, ":", ";"]


def test_a_closing_mark_after_a_blank_line_or_on_a_new_page_is_dropped():
    blocks = [Block(text="Tổng hợp kết quả thực hiện.", page=1), Block(text=":", page=2),
              Block(text="Báo cáo kết quả.", page=2), Block(text=";", page=2, blank_before=True)]
    assert [b.text for b in drop_furniture(blocks)] == ["Tổng hợp kết quả thực hiện.", "Báo cáo kết quả."]
