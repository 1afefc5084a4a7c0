"""Tables whose text layer gives one cell per line are rebuilt row by row."""
import pytest

from service.document import Block
from service.ingest import read_bytes
from service.layout import rebuild_layout, rebuild_tables
from service.pipeline import analyze_text

ANNEX = """\
PHỤ LỤC
NHIỆM VỤ CỤ THỂ TRIỂN KHAI KẾ HOẠCH
TT
Nội dung công việc
Đơn vị chủ trì
Đơn vị phối hợp
Tiến độ hoàn thành
Ghi chú
(1)
(2)
(3)
(4)
(5)
I
NHIỆM VỤ VỀ THỂ CHẾ
1
Xây dựng quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh.
Sở Công Thương
Sở Tài chính; các doanh nghiệp hạ tầng cụm công nghiệp
Quý III/2025
2
Rà soát, đề xuất sửa đổi quy định về hỗ trợ doanh nghiệp nhỏ và vừa, trình Ủy ban nhân dân tỉnh
xem xét, ban hành.
Sở Tài chính
Sở Tư pháp
Trước ngày 30/11/2025
II
NHIỆM VỤ VỀ HẠ TẦNG
3
Hoàn thành đầu tư hạ tầng kỹ thuật cụm công nghiệp phía Bắc.
Ủy ban nhân dân các xã, phường
Sở Xây dựng; Sở Công Thương
Năm 2026
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết.
"""


def table_rows(text: str) -> list[list[str]]:
    doc = rebuild_layout(read_bytes(text.encode("utf-8"), "phu-luc.txt"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    return tables[0].rows


def test_rows_are_rebuilt_in_header_order():
    rows = table_rows(ANNEX)
    assert rows[0] == ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tiến độ hoàn thành",
                       "Ghi chú"]
    assert rows[1][:2] == ["I", "NHIỆM VỤ VỀ THỂ CHẾ"] and not any(rows[1][2:])
    assert rows[2] == ["1", "Xây dựng quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh.",
                       "Sở Công Thương", "Sở Tài chính; các doanh nghiệp hạ tầng cụm công nghiệp", "Quý III/2025", ""]
    assert rows[3][1].endswith("trình Ủy ban nhân dân tỉnh xem xét, ban hành.")     # a wrapped content cell
    assert rows[3][2:5] == ["Sở Tài chính", "Sở Tư pháp", "Trước ngày 30/11/2025"]
    assert rows[-1][0] == "3" and rows[-1][4] == "Năm 2026"


def test_the_table_ends_at_the_next_heading():
    doc = rebuild_layout(read_bytes(ANNEX.encode("utf-8"), "phu-luc.txt"))
    after = [b.text for b in doc.blocks[doc.blocks.index(next(b for b in doc.blocks if b.kind == "table")) + 1:]]
    assert after == ["III. TỔ CHỨC THỰC HIỆN", "Các sở, ngành căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết."]


def test_rebuilt_rows_become_tasks_with_owner_and_deadline_and_group_rows_do_not():
    doc = analyze_text(ANNEX, "phu-luc.txt")
    tasks = [t for t in doc.tasks if t.origin == "table"]
    assert [t.text[:20] for t in tasks] == ["Xây dựng quy chế phố", "Rà soát, đề xuất sửa", "Hoàn thành đầu tư hạ"]
    assert [[b.name for b in t.lead] for t in tasks] == [["Sở Công Thương"], ["Sở Tài chính"],
                                                         ["Ủy ban nhân dân các xã, phường"]]
    assert [b.name for b in tasks[0].support] == ["Sở Tài chính", "các doanh nghiệp hạ tầng cụm công nghiệp"]
    assert [str(t.deadline.end) for t in tasks] == ["2025-09-30", "2025-11-30", "2026-12-31"]


def test_a_group_title_in_sentence_case_wrapped_over_two_lines_is_no_task():
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LẠNG SƠN Độc lập - Tự do - Hạnh phúc\n"
            "Số: 47/KH-UBND Lạng Sơn, ngày 17 tháng 3 năm 2027\nKẾ HOẠCH\nPhát triển chế biến nông sản năm 2027\n"
            "I. NHIỆM VỤ\n1. Sở Công Thương chủ trì xây dựng kho lạnh bảo quản nông sản trong năm 2028.\n"
            "II. TỔ CHỨC THỰC HIỆN\nCác sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n"
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như trên; CHỦ TỊCH\n- Lưu: VT. Hoàng Văn Nam\n2\nPHỤ LỤC\n"
            "NHIỆM VỤ CỤ THỂ\n(Kèm theo Kế hoạch số 47/KH-UBND ngày 17/3/2027 của Ủy ban nhân dân tỉnh Lạng Sơn)\n"
            "STT\nNội dung công việc\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời hạn\nhoàn thành\nKết quả đầu ra\n"
            "I\nHạ tầng và dữ liệu\n1\nXây dựng kho lạnh bảo quản nông\nsản tại các vùng cây ăn quả\nSở Công Thương\n"
            "Sở Tài chính;\nUBND các xã\nNăm 2028\n02 kho lạnh\n"
            "II\nĐào tạo cán bộ và tổ chức thực\nhiện\n2\nĐào tạo nghề chế biến cho lao\nđộng nông thôn\nSở Nông nghiệp\n"
            "và Môi trường\nHội Nông dân tỉnh;\nUBND các xã, phường\nHằng năm\n500 lượt\nngười/năm\n")
    tasks = [t for t in analyze_text(text, "ke-hoach.txt").tasks if t.origin == "table"]
    assert [t.text[:20] for t in tasks] == ["Xây dựng kho lạnh bả", "Đào tạo nghề chế biế"]


def test_rows_numbered_in_roman_with_a_time_are_tasks_not_group_titles():
    text = ("KẾ HOẠCH\nHoạt động văn hóa năm 2027\nPHỤ LỤC\nCÁC HOẠT ĐỘNG\nSTT\nNội dung hoạt động\nThời gian\nI\n"
            "Tổ chức Hội thi văn nghệ mừng Đảng\nmừng Xuân\ntháng 01/2027\nII\nTổ chức giải bóng đá thanh niên\n"
            "tháng 3/2027\nIII\nTổ chức hội trại thanh niên\ntháng 5/2027\n")
    tasks = analyze_text(text, "ke-hoach.txt").tasks
    assert [str(t.deadline.end) for t in tasks] == ["2027-01-31", "2027-03-31", "2027-05-31"]


def test_markdown_header_row_with_a_cell_left_on_the_next_line():
    text = ("| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp |\n| --- | --- | --- | --- |\nThời hạn\n"
            "1\nTổ chức hội nghị tập huấn nghiệp vụ cho cán bộ cấp xã.\nSở Nội vụ\nCác xã, phường\nQuý II/2026\n"
            "2\nCập nhật cơ sở dữ liệu cán bộ, công chức\nSở Nội vụ, Trung tâm\nSở Khoa học và Công nghệ\n"
            "Thường xuyên\ncủa tỉnh, kết nối với cơ sở dữ liệu quốc gia.\nDữ liệu số\n")
    rows = table_rows(text)
    assert rows[0] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
    assert rows[1] == ["1", "Tổ chức hội nghị tập huấn nghiệp vụ cho cán bộ cấp xã.", "Sở Nội vụ", "Các xã, phường",
                       "Quý II/2026"]
    # a row cut by a page break: the content's tail and the cut body name come after the other cells
    assert rows[2][1] == "Cập nhật cơ sở dữ liệu cán bộ, công chức của tỉnh, kết nối với cơ sở dữ liệu quốc gia."
    assert rows[2][2] == "Sở Nội vụ, Trung tâm Dữ liệu số"


def test_short_lines_without_column_titles_are_not_a_table():
    blocks = [Block(text=t) for t in ("KẾ HOẠCH", "Triển khai chuyển đổi số", "năm 2025", "1", "Mục đích")]
    assert rebuild_tables(blocks) == blocks


def test_a_numbered_row_over_lettered_rows_is_a_group_not_a_task():
    text = ("TT\nNội dung\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian\n"
            "1\nTuyên truyền, phổ biến Luật Đất đai\n"
            "a)\nTổ chức hội nghị phổ biến cho cán bộ cấp xã.\nSở Nông nghiệp và Môi trường\nSở Tư pháp\nQuý I/2026\n"
            "b)\nBiên soạn tài liệu hỏi đáp.\nSở Tư pháp\nCác sở, ngành liên quan\nQuý II/2026\n"
            "2\nKiểm tra việc thi hành Luật tại các xã.\nThanh tra tỉnh\nSở Nông nghiệp và Môi trường\nNăm 2026\n")
    tasks = [t for t in analyze_text(text, "phu-luc.txt").tasks if t.origin == "table"]
    assert [t.text[:16] for t in tasks] == ["Tổ chức hội nghị", "Biên soạn tài li", "Kiểm tra việc th"]


WRAPPED_CELLS = """\
TT
Công việc
Đơn vị chủ trì
Đơn vị phối hợp
Thời hạn
1
Xây dựng Đề án phát triển vùng nguyên liệu gỗ rừng trồng gắn với chế biến sâu, tầm nhìn
đến năm
2035, trình Ủy ban nhân dân tỉnh phê duyệt.
Sở Nông nghiệp và Môi trường
Sở Tài chính, Sở Công Thương và các doanh nghiệp chế biến lâm sản trên địa bàn các xã
vùng cao
Quý IV/2027
2
Tổ chức kiểm tra việc khai thác, vận chuyển lâm sản tại các xã giáp ranh.
Công an tỉnh
Sở Nông nghiệp và Môi trường
Thường xuyên
"""


def test_wrapped_cells_go_on_their_cell_and_the_row_continues():
    """A content line stopped mid-sentence takes the next line whatever it looks like ("… đến năm" / "2035,"); a
    lower-case line goes on the cell before it; a wrapped owner cell does not end the table."""
    rows = table_rows(WRAPPED_CELLS)
    assert rows[1][1].endswith("tầm nhìn đến năm 2035, trình Ủy ban nhân dân tỉnh phê duyệt.")
    assert rows[1][2:] == ["Sở Nông nghiệp và Môi trường",
                           "Sở Tài chính, Sở Công Thương và các doanh nghiệp chế biến lâm sản trên địa bàn các xã "
                           "vùng cao", "Quý IV/2027"]
    assert rows[2] == ["2", "Tổ chức kiểm tra việc khai thác, vận chuyển lâm sản tại các xã giáp ranh.", "Công an tỉnh",
                       "Sở Nông nghiệp và Môi trường", "Thường xuyên"]


REPEATED_HEADER = """\
STT
Nội dung công việc
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian
1
Kiểm tra công tác cải cách hành chính tại các cơ quan chuyên môn định kỳ hằng năm
Sở Nội vụ
Văn phòng Ủy ban nhân dân tỉnh, Sở Tư pháp
Quý IV hằng năm
2
Tổng kết việc tiếp nhận, trả kết quả hồ sơ qua dịch vụ bưu chính tại cấp xã.
Sở Nội vụ
Ủy ban nhân dân các xã, phường
Tháng 12/2027
STT
Nội dung công việc
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian
3
Xây dựng bộ chỉ số đánh giá mức độ hài lòng của người dân đối với dịch vụ công.
Sở Nội vụ
Sở Khoa học và Công nghệ
Quý II/2027
"""


def test_a_content_ending_on_a_year_word_and_a_header_repeated_after_a_page_break():
    """"… định kỳ hằng năm" does not take the lead cell after it; the header printed again on the next page is no
    row: the table goes on under it and leaves the row above it whole."""
    doc = rebuild_layout(read_bytes(REPEATED_HEADER.encode("utf-8"), "phu-luc.txt"))
    tables = [b.rows for b in doc.blocks if b.kind == "table"]
    assert [len(t) for t in tables] == [4]
    assert tables[0][1][1:] == ["Kiểm tra công tác cải cách hành chính tại các cơ quan chuyên môn định kỳ hằng năm",
                                "Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh, Sở Tư pháp", "Quý IV hằng năm"]
    assert tables[0][2][3:] == ["Ủy ban nhân dân các xã, phường", "Tháng 12/2027"]
    assert tables[0][3][0] == "3"



CELLS_LIKE_TITLES = """\
STT
Nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian hoàn thành
Sản phẩm
1
Rà soát, đánh giá hiện trạng hạ tầng thương mại nông thôn tại các xã vùng sâu.
Sở Công Thương
Các cơ quan, đơn vị liên quan
Hoàn thành trong năm 2027
Đề án trình Ủy ban nhân dân tỉnh
2
Hỗ trợ các hợp tác xã xây dựng điểm bán hàng nông sản an toàn.
Liên minh Hợp tác xã tỉnh
Sở Nông nghiệp và Môi trường
Năm 2028
Báo cáo kết quả
"""

RECURRING_CONTENT = """\
STT
Nội dung
Thời gian thực hiện
Chủ trì
Phối hợp
1
Kiểm tra việc niêm yết giá, chất lượng hàng hóa tại các chợ đầu mối định kỳ hằng năm
2027 - 2030
Sở Công Thương
Công an tỉnh, Ủy ban nhân dân các xã có chợ đầu mối nông sản và các hợp tác xã
kinh doanh
"""


def test_cells_that_read_like_column_titles_do_not_end_the_table():
    """A row's last cells may name column roles ("… liên quan", "Hoàn thành …", "Đề án …") without being a header;
    content ending on a recurrence ("… hằng năm") does not take the time cell after it."""
    rows = table_rows(CELLS_LIKE_TITLES)
    assert [r[0] for r in rows[1:]] == ["1", "2"]
    assert rows[1][2:5] == ["Sở Công Thương", "Các cơ quan, đơn vị liên quan", "Hoàn thành trong năm 2027"]
    assert rows[2][2] == "Liên minh Hợp tác xã tỉnh"
    recurring = table_rows(RECURRING_CONTENT)[1]
    assert recurring[1].endswith("định kỳ hằng năm") and recurring[2] == "2027 - 2030"
    assert recurring[4].endswith("các hợp tác xã kinh doanh")


WRAPPED_ON_A_TIME = """\
TT
Công việc cụ thể
Cơ quan chủ trì
Đơn vị phối hợp
Thời gian hoàn thành
Sản phẩm
1
Tổ chức diễn tập ứng phó sự cố hóa chất tại khu công nghiệp
năm 2027
Sở Công Thương
Công an tỉnh; UBND các xã, phường
Từ 01/6 đến 30/6/2027
Báo cáo kết quả diễn tập
2
Kiểm tra kho chứa hóa chất của doanh nghiệp trước mùa mưa
bão 2027
Công an tỉnh
Sở Công Thương
Tháng 7/2027
Biên bản kiểm tra
"""


def test_a_content_line_that_reads_as_a_time_right_before_the_owner_is_the_content_wrapped():
    rows = rebuild_tables(read_bytes(WRAPPED_ON_A_TIME.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert rows[1] == ["1", "Tổ chức diễn tập ứng phó sự cố hóa chất tại khu công nghiệp năm 2027", "Sở Công Thương",
                       "Công an tỉnh; UBND các xã, phường", "Từ 01/6 đến 30/6/2027",
                       "Báo cáo kết quả diễn tập"]
    assert rows[2][1:5] == ["Kiểm tra kho chứa hóa chất của doanh nghiệp trước mùa mưa bão 2027", "Công an tỉnh",
                            "Sở Công Thương", "Tháng 7/2027"]


WRAPPED_ON_A_NAME = """\
TT
Công việc cụ thể
Đơn vị chủ trì
Đơn vị phối hợp
Tiến độ hoàn thành
1
Ban hành quy chế hoạt động của
Ban Chỉ đạo
Sở Nội vụ
Các sở, ngành liên quan
Quý I/2028
2
Tổng kết công tác năm 2027
Sở Nội vụ
Văn phòng Ủy ban nhân dân tỉnh
Tháng 12/2027
"""


def test_a_content_cell_cut_before_a_name_takes_the_name_when_the_row_has_a_line_too_many():
    rows = rebuild_tables(read_bytes(WRAPPED_ON_A_NAME.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert rows[1] == ["1", "Ban hành quy chế hoạt động của Ban Chỉ đạo", "Sở Nội vụ", "Các sở, ngành liên quan",
                       "Quý I/2028"]
    assert rows[2] == ["2", "Tổng kết công tác năm 2027", "Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh", "Tháng 12/2027"]


WRAPPED_IN_ANY_COLUMN = """\
TT
Nội dung nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian
hoàn thành
Sản phẩm
Cấp trình
I
NHIỆM VỤ NĂM 2028
1
Điều tra, đánh giá hiện trạng rừng ngập mặn ven biển,
đề xuất giải pháp phục hồi
Chi cục Kiểm lâm
Trung tâm Khuyến nông; UBND các
xã, phường ven biển
Trước ngày
30/10/2028
Báo cáo được Giám đốc Sở
phê duyệt
Giám đốc Sở
7
2
Xây dựng cơ sở dữ liệu về nguồn nước mặt
Chi cục Thủy lợi
Bộ Công an; Bảo hiểm xã hội
Việt Nam
Năm 2028
Cơ sở dữ liệu được vận hành
Ủy ban nhân dân tỉnh
"""


def test_cells_wrapped_in_any_column_are_put_back_in_order():
    rows = rebuild_tables(read_bytes(WRAPPED_IN_ANY_COLUMN.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert rows[0] == ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
                       "Sản phẩm", "Cấp trình"]                      # a title wrapped in its cell
    assert rows[1][:2] == ["I", "NHIỆM VỤ NĂM 2028"] and not any(rows[1][2:])
    assert rows[2] == ["1", "Điều tra, đánh giá hiện trạng rừng ngập mặn ven biển, đề xuất giải pháp phục hồi",
                       "Chi cục Kiểm lâm", "Trung tâm Khuyến nông; UBND các xã, phường ven biển",
                       "Trước ngày 30/10/2028", "Báo cáo được Giám đốc Sở phê duyệt", "Giám đốc Sở"]
    # the page number "7" between rows is no row; a name wrapped before the time keeps its end
    assert [r[0] for r in rows] == ["TT", "I", "1", "2"]
    assert rows[3][3:5] == ["Bộ Công an; Bảo hiểm xã hội Việt Nam", "Năm 2028"]


def test_a_group_heading_wrapped_over_lines_is_one_group_row():
    text = ("TT\nCông việc cụ thể\nĐơn vị chủ trì\nĐơn vị phối hợp\nTiến độ hoàn thành\n"
            "II\nPHÁT TRIỂN NGUỒN NHÂN LỰC CHẤT LƯỢNG CAO CHO CÁC NGÀNH\nCÔNG NGHIỆP CHẾ BIẾN\n"
            "3\nMở lớp đào tạo nghề chế biến nông sản cho lao động nông thôn\nSở Nội vụ\nCác doanh nghiệp\nNăm 2028\n")
    rows = rebuild_tables(read_bytes(text.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert rows[1] == ["II", "PHÁT TRIỂN NGUỒN NHÂN LỰC CHẤT LƯỢNG CAO CHO CÁC NGÀNH CÔNG NGHIỆP CHẾ BIẾN", "", "", ""]
    assert rows[2][2] == "Sở Nội vụ"


@pytest.mark.parametrize("cell", ["Phòng Cảnh sát giao thông", "Phòng Cảnh sát điều tra tội phạm về ma túy",
                                  "Phòng Cảnh sát cơ động"])
def test_police_departments_named_by_their_field_are_owner_cells(cell):
    text = ("TT\nNội dung nhiệm vụ\nĐơn vị chủ trì\nThời gian\n"
            f"1\nTuần tra, kiểm soát địa bàn trọng điểm dịp Tết\n{cell}\nTháng 01/2028\n"
            "2\nTổng kết đợt cao điểm\nPhòng Tham mưu\nTháng 3/2028\n")
    rows = rebuild_tables(read_bytes(text.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    tasks = [t for t in analyze_text(text, "phu-luc.txt", extractor="rules").tasks if t.origin == "table"]
    assert rows[1][2] == cell and [b.name for b in tasks[0].lead] == [cell]


def test_a_row_of_one_line_a_column_keeps_a_deadline_written_in_words():
    text = ("STT\nNội dung công việc\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian hoàn thành\n"
            "1\nKiểm tra an toàn hồ đập trước mùa lũ.\nSở Xây dựng\nCông an tỉnh\nTrước mùa mưa bão\n"
            "2\nDiễn tập cứu hộ đê điều.\nBộ Chỉ huy Quân sự tỉnh\nSở Y tế\nNgay sau Tết Nguyên đán\n")
    rows = rebuild_tables(read_bytes(text.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert [r[1:] for r in rows[1:]] == [
        ["Kiểm tra an toàn hồ đập trước mùa lũ.", "Sở Xây dựng", "Công an tỉnh", "Trước mùa mưa bão"],
        ["Diễn tập cứu hộ đê điều.", "Bộ Chỉ huy Quân sự tỉnh", "Sở Y tế", "Ngay sau Tết Nguyên đán"]]


def test_a_short_group_row_ends_where_a_heading_in_capitals_follows():
    text = ("STT\nNội dung công việc\nĐơn vị chủ trì\nThời gian hoàn thành\n"
            "I\nNHIỆM VỤ CHUNG\n1\nRà soát quy hoạch cụm công nghiệp.\nSở Công Thương\nQuý II/2028\n"
            "II\nNHIỆM VỤ KHÁC\nPHỤ LỤC II\nDANH MỤC DỰ ÁN ĐẦU TƯ CÔNG\n")
    rows = rebuild_tables(read_bytes(text.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert rows[-1][:2] == ["II", "NHIỆM VỤ KHÁC"]


@pytest.mark.parametrize("title", [("CẢI CÁCH HÀNH CHÍNH,", "NÂNG CAO NĂNG LỰC CẠNH TRANH"),
                                   ("NHIỆM VỤ VỀ Y TẾ", "VÀ AN SINH XÃ HỘI")])
def test_a_short_group_title_wrapped_mid_phrase_stays_one_group_row(title):
    text = ("TT\nCông việc cụ thể\nĐơn vị chủ trì\nĐơn vị phối hợp\nTiến độ hoàn thành\n"
            f"I\n{title[0]}\n{title[1]}\n"
            "1\nRà soát quy hoạch mạng lưới trường học\nSở Giáo dục và Đào tạo\nSở Xây dựng\nNăm 2028\n")
    rows = rebuild_tables(read_bytes(text.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert rows[1][1] == " ".join(title) and rows[2][2:] == ["Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Năm 2028"]


SPLIT_HEADER = """\
TT
Nội dung công việc
Chủ trì
Phối hợp
Thời hạn
Kinh phí
(triệu đồng)
"""
SPLIT_BY_A_PAGE = SPLIT_HEADER + """\
1
Nâng cấp hệ thống cấp nước sinh hoạt tập trung
cho các thôn vùng cao thường xuyên thiếu nước
Sở Xây dựng
UBND các xã
Năm 2028
4.500
2
Lắp đặt trạm quan trắc chất lượng nước mặt tự động
tại các điểm xả thải của cụm công nghiệp và
Sở Khoa học và
Sở Tài chính; UBND
Quý IV/2028
2.300
3
""" + SPLIT_HEADER + """\
làng nghề chế biến nông sản
Công nghệ
các phường
3
Tập huấn vận hành trạm quan trắc cho cán bộ xã
Sở Khoa học và Công nghệ
Các doanh nghiệp
Tháng 3/2029
1.150
Tổng cộng
7.950
"""


def test_a_row_cut_by_a_page_goes_on_under_the_repeated_header():
    rows = rebuild_tables(read_bytes(SPLIT_BY_A_PAGE.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert [r[0] for r in rows] == ["TT", "1", "2", "3"]          # no page number, header or total as a row
    assert rows[2][1:5] == ["Lắp đặt trạm quan trắc chất lượng nước mặt tự động tại các điểm xả thải của cụm "
                            "công nghiệp và làng nghề chế biến nông sản", "Sở Khoa học và Công nghệ",
                            "Sở Tài chính; UBND các phường", "Quý IV/2028"]


def test_a_body_after_content_that_ends_whole_is_the_owner():
    text = ("TT\nNội dung công việc\nChủ trì\nPhối hợp\nThời hạn\nKinh phí\n"
            "1\nRà soát, phân loại các hợp tác xã thủy sản;\nlập phương án hỗ trợ các hợp tác xã\nyếu kém\n"
            "Sở Nông nghiệp và\nMôi trường\nUBND các xã, phường;\nLiên minh Hợp tác xã\ntỉnh\nQuý II/2028\nLồng ghép\n"
            "2\nSơ kết mô hình hợp tác xã kiểu mới\nLiên minh Hợp tác xã tỉnh\nCác sở, ngành\nQuý IV/2028\n1.200\n")
    rows = rebuild_tables(read_bytes(text.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert rows[1][1:4] == ["Rà soát, phân loại các hợp tác xã thủy sản; lập phương án hỗ trợ các hợp tác xã yếu kém",
                            "Sở Nông nghiệp và Môi trường", "UBND các xã, phường; Liên minh Hợp tác xã tỉnh"]


WRAPPED_TO_A_NARROW_WIDTH = """\
TT
Nội dung hoạt động
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian thực
hiện
Sản phẩm
1
Rà soát, cập nhật danh sách trẻ
trong độ tuổi tiêm chủng tại các
thôn, tổ dân phố
Trạm Y tế các xã,
phường
Trung tâm Kiểm soát
bệnh tật tỉnh
Quý II và quý
IV/2028
Danh sách được UBND
xã, phường xác
nhận
2
Tập huấn an toàn tiêm chủng cho
nhân viên y tế thôn, bản
Trung tâm Kiểm
soát bệnh tật tỉnh
Bệnh viện Đa khoa
tỉnh
Tháng 3 -
tháng 4/2028
Báo cáo kết quả
tập huấn; danh sách
học viên
"""


def test_cells_wrapped_to_a_narrow_width_down_to_the_documents_end():
    """Cells of three lines each reach past the usual look-ahead; a time cut after "quý" or "-" goes on; a product
    wrapped in lower case stays the product's; the last row's cells run to the end of the text."""
    rows = rebuild_tables(read_bytes(WRAPPED_TO_A_NARROW_WIDTH.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert rows[1][1:] == ["Rà soát, cập nhật danh sách trẻ trong độ tuổi tiêm chủng tại các thôn, tổ dân phố",
                           "Trạm Y tế các xã, phường", "Trung tâm Kiểm soát bệnh tật tỉnh", "Quý II và quý IV/2028",
                           "Danh sách được UBND xã, phường xác nhận"]
    assert rows[2][2:] == ["Trung tâm Kiểm soát bệnh tật tỉnh", "Bệnh viện Đa khoa tỉnh", "Tháng 3 - tháng 4/2028",
                           "Báo cáo kết quả tập huấn; danh sách học viên"]


def test_a_subtotal_row_is_skipped_and_a_signature_after_the_last_row_is_no_cell():
    text = ("TT\nNội dung công việc\nChủ trì\nPhối hợp\nThời hạn\nKinh phí\n"
            "I\nCÔNG TRÌNH VĂN HÓA\n1\nSửa chữa nhà văn hóa thôn 2\nUBND xã\nBan công tác Mặt trận thôn\nQuý II/2028\n800\n"
            "Cộng\n800\nII\nCÔNG TRÌNH GIAO THÔNG\n2\nBê tông hóa đường nội đồng thôn 5\nUBND xã\nCác hộ dân\n"
            "Quý III/2028\n1.500\nTổng cộng\n2.300\nCHỦ TỊCH\n(Đã ký)\nLê Văn Tâm\n")
    rows = rebuild_tables(read_bytes(text.encode("utf-8"), "phu-luc.txt").blocks)[0].rows
    assert [r[0] for r in rows] == ["TT", "I", "1", "II", "2"]
    assert rows[-1][1:5] == ["Bê tông hóa đường nội đồng thôn 5", "UBND xã", "Các hộ dân", "Quý III/2028"]


LAST_ROW_BEFORE_A_PAGE = """\
STT
Nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời hạn
1
Rà soát quỹ đất xây dựng nhà văn hóa tại
các thôn chưa đạt chuẩn
Phòng Kinh tế
Ủy ban nhân dân các
xã, thị trấn; Hội Nông
dân huyện
Quý II/2024
2
Kiểm tra vệ sinh môi trường tại các chợ
nông thôn trên địa bàn huyện
Phòng Tài
nguyên và Môi
trường
Văn phòng Điều phối
NTM huyện; UBND các
xã, thị trấn
Thường xuyên
- 4 -
STT
Nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời hạn
3
Tổ chức hội nghị sơ kết 6 tháng
Văn phòng Ủy ban nhân dân huyện
Các phòng, ban liên quan
Tháng 7/2024
"""


def test_the_last_row_before_a_page_break_keeps_its_wrapped_cells():
    """Row 2's owner cells wrap over three lines each before the page's number and the header printed again: the
    table goes on past them, the support's acronym lines and the bodies' ends stay in their cells, and the time
    alone fills the deadline."""
    doc = rebuild_layout(read_bytes(LAST_ROW_BEFORE_A_PAGE.encode("utf-8"), "phu-luc.txt"))
    rows = [b.rows for b in doc.blocks if b.kind == "table"][0]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    assert rows[1][3:] == ["Ủy ban nhân dân các xã, thị trấn; Hội Nông dân huyện", "Quý II/2024"]
    assert rows[2][2:] == ["Phòng Tài nguyên và Môi trường", "Văn phòng Điều phối NTM huyện; UBND các xã, thị trấn",
                           "Thường xuyên"]


def test_a_season_and_its_year_is_no_body():
    from service.layout.cell_tables import _kind
    assert _kind("Vụ Đông Xuân 2025") != "bodies" and _kind("Vụ Pháp chế") == "bodies"


def test_a_caption_between_two_tables_of_one_header_is_no_cell_and_a_time_cell_keeps_its_wrapped_line():
    header = "STT\nNhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời hạn\n"
    text = ("KẾ HOẠCH\nPHỤ LỤC\n" + header + "1\nLập phương án phòng cháy tại chợ trung tâm\nPhòng Kinh tế\n"
            "Công an xã\nQuý II/2027; báo cáo\nkết quả trước 31/12/2027\n2\nTập huấn cho cán bộ cấp xã\n"
            "Phòng Nông nghiệp và Môi trường\nHội Nông dân huyện\nTháng 5/2027\nNhiệm vụ giai đoạn 2028 - 2030\n"
            + header + "1\nXây dựng đề án chuyển đổi cây trồng\nPhòng Nông nghiệp và Môi trường\nCác xã\nNăm 2028\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.text for t in tasks][:2] == ["Lập phương án phòng cháy tại chợ trung tâm", "Tập huấn cho cán bộ cấp xã"]
    assert tasks[0].deadline.text == "Quý II/2027; báo cáo kết quả trước 31/12/2027"
