"""Tables rebuilt from word boxes: by x gaps and first-column rows, and from a ruled grid."""
from service.ingest.ocr.layout import group_lines, page_blocks
from service.ingest.ocr.word_tables import find_tables, grid_rows
from service.ingest.ocr.tesseract import Word

H = 30  # word height in pixels


def w(text: str, x: float, y: float) -> Word:
    return Word(text, x, y, x + 22 * len(text), y + H)


def _scrambled_table() -> list[Word]:
    """TT | Nội dung | Chủ trì | Thời gian; row 1's content wraps onto a second line; words shuffled."""
    words = [
        w("TT", 100, 100), w("Nội", 300, 100), w("dung", 400, 100), w("Chủ", 1200, 100), w("trì", 1300, 100),
        w("Thời", 1800, 100), w("gian", 1920, 100),
        w("1", 100, 160), w("Xây", 300, 160), w("dựng", 400, 160), w("kế", 530, 160), w("hoạch", 600, 160),
        w("Sở", 1200, 160), w("Nội", 1270, 160), w("vụ", 1360, 160), w("Quý", 1800, 160), w("III/2025", 1900, 160),
        w("chuyển", 300, 205), w("đổi", 460, 205), w("số", 540, 205),
        w("2", 100, 265), w("Tổ", 300, 265), w("chức", 370, 265), w("tập", 500, 265), w("huấn", 590, 265),
        w("Sở", 1200, 265), w("Y", 1270, 265), w("tế", 1310, 265), w("Năm", 1800, 265), w("2026", 1910, 265),
    ]
    return list(reversed(words[::2])) + words[1::2]


def test_table_from_word_gaps():
    lines = group_lines(_scrambled_table())
    (first, last, rows), = find_tables(lines)
    assert (first, last) == (0, len(lines) - 1)
    assert rows == [["TT", "Nội dung", "Chủ trì", "Thời gian"],
                    ["1", "Xây dựng kế hoạch chuyển đổi số", "Sở Nội vụ", "Quý III/2025"],
                    ["2", "Tổ chức tập huấn", "Sở Y tế", "Năm 2026"]]


def test_prose_and_two_column_header_are_not_tables():
    words = [w("ỦY", 100, 100), w("BAN", 170, 100), w("CỘNG", 1200, 100), w("HÒA", 1330, 100),
             w("Sở", 100, 200), w("Tài", 160, 200), w("chính", 240, 200), w("chủ", 380, 200), w("trì", 470, 200)]
    assert find_tables(group_lines(words)) == []
    blocks = page_blocks(words, 1, 72 / 300, 595)
    assert [b.text for b in blocks] == ["ỦY BAN | CỘNG HÒA", "Sở Tài chính chủ trì"]


def test_table_from_ruled_grid_with_merged_row():
    words = [w("TT", 30, 20), w("Nội", 130, 20), w("dung", 230, 20), w("Chủ", 630, 20), w("trì", 730, 20),
             w("I", 30, 120), w("THỂ", 130, 120), w("CHẾ", 230, 120), w("CHÍNH", 560, 120), w("SÁCH", 720, 120),
             w("1", 30, 220), w("Rà", 130, 220), w("soát", 200, 220), w("Sở", 630, 220), w("Tư", 700, 220),
             w("pháp", 760, 220)]
    import numpy as np

    ink = np.zeros((320, 1000), dtype=bool)
    for x in (10, 110, 600, 990):
        ink[:, x] = True
    ink[100:200, 600] = False          # the group row spans the last two columns
    rows = grid_rows(words, [10, 100, 200, 300], [10, 110, 600, 990], ink)
    assert rows == [["TT", "Nội dung", "Chủ trì"], ["I", "THỂ CHẾ CHÍNH SÁCH", ""], ["1", "Rà soát", "Sở Tư pháp"]]


def justified(text: str, y: float, x0: float = 100, x1: float = 1300, wide_before: int | None = None) -> list[Word]:
    """A line set from x0 to x1 with even spaces; before word `wide_before`, a space two word heights
    wider, as a dropped ";" leaves it."""
    tokens = text.split()
    extra = 2 * H if wide_before is not None else 0
    space = (x1 - x0 - 22 * len("".join(tokens)) - extra) / max(len(tokens) - 1, 1)
    out, x = [], x0
    for k, token in enumerate(tokens):
        x += extra if k == wide_before else 0
        out.append(w(token, x, y))
        x += 22 * len(token) + space
    return out


def two_columns(left: str, right: str, y: float) -> list[Word]:
    """A header line: its left column from the margin, its right one ending at the margin."""
    def natural(text: str, x0: float) -> list[Word]:
        return justified(text, y, x0, x0 + 22 * len(text.replace(" ", "")) + 12 * text.count(" "))
    return natural(left, 100) + natural(right, 1300 - 22 * len(right.replace(" ", "")) - 12 * right.count(" "))


def test_a_justified_line_with_a_wide_space_stays_in_its_paragraph():
    """Inside a paragraph, a space a dropped mark widened is no column; a header or a label line whose
    columns part as narrowly (two or three word heights), but which is no line of a paragraph, keeps them."""
    words = [*two_columns("ỦY BAN NHÂN DÂN HUYỆN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 100),
             *two_columns("Số: 45/KH-UBND", "Thị trấn Bắc Hà, ngày 12 tháng 3 năm 2027", 150),
             *justified("Các xã rà soát hồ sơ đất đai của từng thửa,", 250),
             *justified("đối chiếu bản đồ địa chính và hồ sơ thửa đồng thời", 295, wide_before=7),
             *justified("lập danh sách thửa chưa cấp giấy.", 340, x1=900),
             *justified("Thời gian: 08 giờ 00 ngày 20 tháng 3 năm 2027,", 440, x1=1000, wide_before=2)]
    blocks = page_blocks(words, 1, 72 / 300, 400)
    assert [b.text for b in blocks] == [
        "ỦY BAN NHÂN DÂN HUYỆN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 45/KH-UBND | Thị trấn Bắc Hà, ngày 12 tháng 3 năm 2027",
        "Các xã rà soát hồ sơ đất đai của từng thửa, đối chiếu bản đồ địa chính và hồ sơ thửa đồng thời "
        "lập danh sách thửa chưa cấp giấy.",
        "Thời gian: | 08 giờ 00 ngày 20 tháng 3 năm 2027,"]
