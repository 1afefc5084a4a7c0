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


WRAPPED_WITH_DASHES = """\
Để triển khai kịp thời Kế hoạch của Ủy ban nhân dân thành phố về phòng,
chống thiên tai năm 2027, Ủy ban nhân dân thành phố đề nghị Giám đốc
các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các phường, các xã và quận
- huyện tổ chức rà soát phương án ứng phó, hoàn thành trước ngày 30/4.
Các cơ quan, đơn vị khi triển khai thực hiện cần quan tâm các nội dung:
- kiểm tra hệ thống đê điều, hồ chứa và công trình phòng, chống thiên tai
trước mùa mưa bão, báo cáo kết quả về Sở Nông nghiệp và Môi trường;
- bố trí lực lượng, phương tiện tại các khu vực trọng điểm thường xuyên
xảy ra sạt lở đất, ngập úng để kịp thời ứng cứu người dân khi cần thiết.
Ban Chỉ huy phòng thủ dân sự thành phố theo dõi, đôn đốc và tổng hợp kết quả thực
- Sở Tài chính cân đối, bố trí đủ kinh phí để các đơn vị triển khai kịp thời các
nhiệm vụ phòng, chống thiên tai đã được Ủy ban nhân dân thành phố phê duyệt.
"""


def test_a_dash_opening_a_lowercase_word_goes_on_a_full_line():
    """"… các quận" / "- huyện …" at the full width is one name; after a closed line, or before a capital,
    a dash opens an item."""
    got = paragraphs(WRAPPED_WITH_DASHES)
    assert any("các xã và quận - huyện tổ chức rà soát" in p for p in got)
    assert [p[:12] for p in got if p.startswith("- ")] == ["- kiểm tra h", "- bố trí lực", "- Sở Tài chí"]


LIST_HEAVY_LAYER = """\
1. Giao Sở Kế hoạch và Đầu tư soạn Quy chế quản lý, sử dụng tài sản của Trung tâm
Xúc tiến đầu tư tỉnh, lấy ý kiến các sở, ngành có liên quan, hoàn thiện và trình
Ủy ban nhân dân tỉnh phê duyệt trong quý II năm 2027.
2. Thành phần Hội đồng thẩm định gồm:
a) Chủ tịch Hội đồng;
b) Phó Chủ tịch Hội đồng;
c) Thư ký Hội đồng;
d) Các ủy viên.
3. Sở Tài chính thẩm định dự toán kinh phí hoạt động năm 2027 của Trung tâm Xúc
tiến đầu tư tỉnh và Quỹ hỗ trợ doanh nghiệp nhỏ và vừa, tổng hợp vào dự toán ngân
sách tỉnh, báo cáo Ủy ban nhân dân tỉnh trước ngày 25/6/2027.
4. Sở Nội vụ hướng dẫn việc tuyển dụng viên chức làm việc tại Trung tâm theo Đề án
vị trí việc làm đã được cấp có thẩm quyền phê duyệt, bảo đảm đúng cơ cấu ngạch,
xong trong năm 2027.
5. Cơ quan phối hợp:
a) Sở Tư pháp;
b) Sở Công Thương;
c) Ngân hàng Nhà nước chi nhánh tỉnh;
d) Hiệp hội doanh nghiệp tỉnh.
6. Trung tâm Xúc tiến đầu tư tỉnh xây dựng Chương trình xúc tiến đầu tư năm 2028,
gửi Sở Kế hoạch và Đầu tư cho ý kiến, trình Ủy ban nhân dân tỉnh trước ngày
15/11/2027; định kỳ sáu tháng báo cáo kết quả thực hiện.
7. Tổ chức thực hiện:
a) Văn phòng Ủy ban nhân dân tỉnh;
b) Các sở, ngành liên quan.
"""


def test_a_list_heavy_text_layer_is_still_read_as_wrapped():
    """Short items make most lines short; wrapped lines stopping mid-sentence still show the width,
    so a wrapped line opening with a capital ("Xúc tiến …", "Ủy ban …") goes on its item."""
    got = paragraphs(LIST_HEAVY_LAYER)
    assert [p[:12] for p in got] == ["1. Giao Sở K", "2. Thành phầ", "a) Chủ tịch ", "b) Phó Chủ t", "c) Thư ký Hộ",
                                     "d) Các ủy vi", "3. Sở Tài ch", "4. Sở Nội vụ", "5. Cơ quan p", "a) Sở Tư phá",
                                     "b) Sở Công T", "c) Ngân hàng", "d) Hiệp hội ", "6. Trung tâm", "7. Tổ chức t",
                                     "a) Văn phòng", "b) Các sở, n"]
    assert got[0].endswith("phê duyệt trong quý II năm 2027.")


SIBLING_DASH_ITEMS = """\
Để chủ động ứng phó với thiên tai trong mùa mưa bão năm 2027, Ủy ban nhân dân huyện
giao Ủy ban nhân dân các xã khẩn trương thực hiện những nhiệm vụ trọng tâm như sau
- rà soát, cập nhật phương án ứng phó với bão mạnh, siêu bão, lũ quét và sạt lở đất
- kiểm tra hệ thống kênh mương, hồ đập và công trình thủy lợi nhỏ trước mùa mưa lũ
- bố trí lực lượng trực ban.
Các phòng chuyên môn của huyện hướng dẫn nghiệp vụ cho công chức địa chính của xã
và theo dõi tiến độ trong thời gian ngắn
- kiểm tra, xử lý các trường hợp lấn chiếm hành lang thoát lũ, báo cáo trước ngày
15/6/2027 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định về phòng chống
thiên tai và tìm kiếm cứu nạn, cứu hộ trên địa bàn huyện trong năm 2027 và các năm
tiếp theo nhằm giảm thiểu thiệt hại do thiên tai gây ra cho người dân địa phương.
"""


def test_sibling_dash_items_and_a_list_lead_in_are_not_run_together():
    """Lower-case dash items each filling the width, a lead-in ending "như sau", a short last line before a
    dash: each dash opens its own item."""
    got = paragraphs(SIBLING_DASH_ITEMS)
    assert [p[:10] for p in got if p.startswith("- ")] == ["- rà soát,", "- kiểm tra", "- bố trí l", "- kiểm tra"]


AGENDA = """\
CHƯƠNG TRÌNH HỘI NGHỊ SƠ KẾT 6 THÁNG ĐẦU NĂM 2027
Thời gian: 8 giờ 00, thứ Năm, ngày 15/7/2027
Địa điểm: Hội trường Ủy ban nhân dân huyện
Chủ trì: Chủ tịch Ủy ban nhân dân huyện
Thành phần:
Lãnh đạo các phòng, ban của huyện;
Lãnh đạo Ủy ban nhân dân 14 xã, thị trấn;
Đại diện Mặt trận Tổ quốc huyện.
Nội dung:
Khai mạc, tuyên bố lý do, giới thiệu đại biểu tham dự Hội nghị sơ kết
Báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm của Ủy ban nhân dân huyện
Báo cáo tình hình giải ngân vốn đầu tư công 6 tháng đầu năm trên địa bàn
Tham luận của Phòng Nông nghiệp về phát triển vùng trồng cây ăn quả tập trung
Tham luận của Ủy ban nhân dân xã về xây dựng nông thôn mới kiểu mẫu
Thảo luận, đóng góp ý kiến vào dự thảo báo cáo và phương hướng 6 tháng cuối
Phát biểu chỉ đạo của đồng chí Chủ tịch Ủy ban nhân dân huyện
Bế mạc Hội nghị.
Đề nghị các đại biểu đến dự đúng giờ.
"""


def test_a_typed_list_of_even_items_is_not_taken_for_wrapped_text():
    got = paragraphs(AGENDA)
    assert "Khai mạc, tuyên bố lý do, giới thiệu đại biểu tham dự Hội nghị sơ kết" in got
    assert "Phát biểu chỉ đạo của đồng chí Chủ tịch Ủy ban nhân dân huyện" in got


# Typed with a space before each mark ("sau :"), then wrapped: the mark can land alone on the next line.
LONE_MARKS = """\
Trong năm 2027, Ủy ban nhân dân huyện tiếp tục chỉ đạo các xã , thị trấn rà soát quy
hoạch sử dụng đất , hoàn thiện hồ sơ địa chính và giải quyết dứt điểm đơn thư tồn đọng
.
Để hoàn thành các chỉ tiêu đã đề ra , Phòng Tài nguyên và Môi trường huyện tập trung
thực hiện các nhiệm vụ trọng tâm , giải pháp chủ yếu trong thời gian tới như sau
:
- Hướng dẫn các xã lập kế hoạch sử dụng đất năm 2028 và trình Ủy ban nhân dân huyện
phê duyệt trước ngày 31/10/2027 .
- Kiểm tra việc chấp hành pháp luật về đất đai tại các xã có nhiều đơn thư khiếu nại
, tố cáo ; xử lý dứt điểm các trường hợp lấn chiếm đất công trên địa bàn các thị trấn
.
- Tổng hợp kết quả , gửi Ủy ban nhân dân huyện trong tháng 12 để theo dõi , chỉ đạo
.
"""


def test_a_mark_alone_on_its_line_closes_the_line_before():
    got = paragraphs(LONE_MARKS)
    assert len(got) == 5
    assert got[1].endswith("trong thời gian tới như sau:")
    assert got[3].startswith("- Kiểm tra") and got[3].endswith("thị trấn.")
    assert got[4].endswith("theo dõi , chỉ đạo.")


WRAPPED_INSIDE_PHRASES = """\
Ủy ban nhân dân tỉnh giao Trung tâm Phục vụ hành chính công tỉnh xây dựng Đề án số hóa
(gồm cơ sở dữ liệu dùng chung, nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh - LGSP;
hệ thống một cửa điện tử), trình Ủy ban nhân dân tỉnh phê duyệt trong quý II năm 2027.
Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu bố trí kinh phí thực hiện các
nhiệm vụ của Đề án theo phân cấp ngân sách hiện hành trong cả giai đoạn từ năm 2026
- 2030, bảo đảm đúng phân cấp ngân sách, định mức chi tiêu do tỉnh ban hành.
Để triển khai Đề án có hiệu quả, các cơ quan, đơn vị cần quán triệt yêu cầu chung là:
mọi hồ sơ, thủ tục hành chính phải được tiếp nhận, giải quyết trên môi trường điện tử.
Sở Nội vụ chủ trì hướng dẫn việc đánh giá, xếp loại mức độ chuyển đổi số của từng cơ quan
hành chính nhà nước cấp tỉnh và cấp xã, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12.
Ủy ban nhân dân cấp xã chủ động bố trí nhân lực, kinh phí thực hiện các nội dung như sau:
rà soát, số hóa hồ sơ địa chính, hộ tịch còn lưu trữ bằng giấy tại trụ sở làm việc;
bảo đảm an toàn thông tin mạng theo cấp độ, hằng năm báo cáo kết quả thực hiện.
"""


def test_a_wrap_inside_brackets_a_range_or_after_a_colon_goes_on():
    """A line inside an open bracket (even after ";" or in capitals), "2026" / "- 2030" and a full line ending
    "… là:" go on; the items after a list's lead-in ("… như sau:") stay items."""
    got = paragraphs(WRAPPED_INSIDE_PHRASES)
    assert got[0].endswith("(gồm cơ sở dữ liệu dùng chung, nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh - LGSP; "
                           "hệ thống một cửa điện tử), trình Ủy ban nhân dân tỉnh phê duyệt trong quý II năm 2027.")
    assert "trong cả giai đoạn từ năm 2026 - 2030, bảo đảm" in got[1]
    assert "yêu cầu chung là: mọi hồ sơ" in got[2]
    assert got[4:] == ["Ủy ban nhân dân cấp xã chủ động bố trí nhân lực, kinh phí thực hiện các nội dung như sau:",
                       "rà soát, số hóa hồ sơ địa chính, hộ tịch còn lưu trữ bằng giấy tại trụ sở làm việc;",
                       "bảo đảm an toàn thông tin mạng theo cấp độ, hằng năm báo cáo kết quả thực hiện."]


NOT_RUN_ON = """\
Để cải thiện chỉ số hài lòng của người dân, Ủy ban nhân dân huyện yêu cầu các phòng, ban
chuyên môn và Ủy ban nhân dân các xã, thị trấn tập trung thực hiện tốt các việc cụ thể:
rà soát, cắt giảm thành phần hồ sơ, thời gian giải quyết thủ tục hành chính thuộc thẩm quyền;
công khai đầy đủ, kịp thời quy trình giải quyết thủ tục tại bộ phận một cửa của cơ quan mình;
xử lý nghiêm cán bộ, công chức gây phiền hà, sách nhiễu tổ chức, cá nhân khi giải quyết việc.
Lộ trình số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại huyện được chia theo năm
- 2027: hoàn thành số hóa hồ sơ hộ tịch, đất đai tại các xã, thị trấn trước tháng 11/2027
- 2028: kết nối dữ liệu đã số hóa với các hệ thống thông tin dùng chung của tỉnh, quốc gia.
Phòng Văn hóa và Thông tin huyện mở lớp tập huấn kỹ năng số cho cán bộ xã (trong quý III.
Phòng Tài chính - Kế hoạch huyện bố trí kinh phí tổ chức lớp tập huấn từ nguồn sự nghiệp.
"""


def test_an_unmarked_list_dated_items_and_a_stray_bracket_stay_apart():
    """A full line ending "… cụ thể:" before one lower-case item a line, "- 2027: …" items after a line ending on a
    year, and a paragraph after a closed line whose "(" was never closed keep their own paragraphs."""
    got = paragraphs(NOT_RUN_ON)
    assert [p[:12] for p in got] == ["Để cải thiện", "rà soát, cắt", "công khai đầ", "xử lý nghiêm", "Lộ trình số ",
                                     "- 2027: hoàn", "- 2028: kết ", "Phòng Văn hó", "Phòng Tài ch"]


CITED_ACROSS_THE_BREAK = """\
Giám đốc Sở Tài chính hướng dẫn các đơn vị dự toán cấp tỉnh lập dự toán theo quy định tại Điều
2. Trường hợp phát sinh nhiệm vụ chi ngoài dự toán, đơn vị báo cáo bằng văn bản để tổng hợp.
1. Sở Y tế tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi tại các trạm y tế định kỳ hằng năm
2. Sở Giáo dục và Đào tạo phối hợp kiểm tra công tác y tế trường học tại các cơ sở giáo dục.
3. Ủy ban nhân dân các xã, phường bố trí địa điểm tổ chức tiêm chủng và vận động người dân.
4. Trung tâm Kiểm soát bệnh tật tỉnh tổng hợp kết quả tiêm chủng, báo cáo Sở Y tế hằng quý.
5. Các cơ sở y tế tư nhân tham gia tiêm chủng dịch vụ theo đúng hướng dẫn chuyên môn của ngành.
6. Báo Lào Cai, Đài Phát thanh và Truyền hình tỉnh tuyên truyền lợi ích của việc tiêm chủng.
7. Hội Liên hiệp Phụ nữ tỉnh vận động hội viên đưa trẻ đi tiêm chủng đầy đủ, đúng lịch hẹn.
8. Sở Tài chính bảo đảm kinh phí mua vắc xin, vật tư tiêm chủng theo phân cấp ngân sách.
"""


def test_a_number_after_a_word_that_wants_one_goes_on_it():
    """"… quy định tại Điều" / "2. …" is the article's number; "… định kỳ hằng năm" / "2. …" is the next item."""
    got = paragraphs(CITED_ACROSS_THE_BREAK)
    assert got[0].endswith("theo quy định tại Điều 2. Trường hợp phát sinh nhiệm vụ chi ngoài dự toán, đơn vị báo "
                           "cáo bằng văn bản để tổng hợp.")
    assert [p[:2] for p in got[1:]] == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]


SIBLINGS_AND_BRACKETS = """\
1. Ủy ban nhân dân các xã rà soát, lập danh mục công trình giao thông cần đầu tư tại Phụ lục
2. Phòng Kinh tế và Hạ tầng huyện thẩm định hồ sơ, dự toán các công trình trong danh mục đó
3. Phòng Văn hóa và Thông tin huyện mở lớp tập huấn kỹ năng số cho cán bộ xã (trong quý III.
Trung tâm Văn hóa huyện (cơ quan thường trực) xây dựng chương trình tuyên truyền năm 2027.
4. Phòng Tài chính - Kế hoạch huyện tổng hợp nhu cầu kinh phí, báo cáo Ủy ban nhân dân huyện.
5. Thanh tra huyện theo dõi, kiểm tra việc quản lý, sử dụng vốn tại các công trình khởi công.
6. Các phòng, ban chuyên môn của huyện chủ động phối hợp với các xã trong quá trình triển khai.
7. Ủy ban nhân dân các xã, thị trấn báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.
8. Đài Truyền thanh huyện mở chuyên mục phản ánh kết quả thực hiện trên địa bàn các xã, thị trấn
9. Ban Quản lý dự án huyện lập kế hoạch giải ngân vốn theo tiến độ từng công trình được phê duyệt
"""


def test_the_next_item_of_the_list_and_a_paragraph_with_brackets_of_its_own_stay_apart():
    """"… chi tiết tại Phụ lục" / "2." is the list's next item, not the annex's number; a paragraph after a stray
    "(" typo stays apart even if it has a bracket of its own."""
    got = paragraphs(SIBLINGS_AND_BRACKETS)
    assert [p[:12] for p in got] == ["1. Ủy ban nh", "2. Phòng Kin", "3. Phòng Văn", "Trung tâm Vă", "4. Phòng Tài",
                                     "5. Thanh tra", "6. Các phòng", "7. Ủy ban nh",
                                     "8. Đài Truyề", "9. Ban Quản "]


TITLES_RUN_TO_THE_WIDTH = """\
Để triển khai Đề án phát triển du lịch cộng đồng giai đoạn 2027 - 2030, Ủy ban nhân
dân huyện tập trung thực hiện các nhóm nhiệm vụ chủ yếu:
Một là, hoàn thiện quy hoạch không gian du lịch sinh thái ở các xã vùng cao phía tây
Xây dựng bản đồ số các điểm du lịch cộng đồng, cập nhật lên cổng thông tin của huyện
trước ngày 30/9/2027, phối hợp với Trung tâm Văn hóa, Thông tin và Thể thao huyện.
Hai là, phát triển nguồn nhân lực làm du lịch của người dân tại các thôn, bản vùng
Các xã mở lớp bồi dưỡng kỹ năng đón khách, nấu ăn và hướng dẫn viên tại điểm cho hộ
gia đình tham gia, Phòng Văn hóa và Thông tin huyện có văn bản đề nghị Sở
Xây dựng tỉnh rà soát các công trình nhà ở cộng đồng, báo cáo kết quả về Bộ Kế hoạch và
Đầu tư, gửi kèm ý kiến của Ban quản lý các khu du lịch cộng đồng thuộc Trung tâm
Xúc tiến đầu tư, thương mại và du lịch tỉnh trong tháng 10/2027 theo quy định hiện hành.
Ba là, huy động các nguồn lực xã hội hóa để đầu tư hạ tầng du lịch tại các điểm đến
"""


def test_a_title_run_to_the_width_does_not_swallow_the_sentence_after_it():
    """"Một là, hoàn thiện quy hoạch …" fills the line without a full stop; "Xây dựng …" in a capital is no word
    written so mid-sentence, so it opens the next paragraph. A capital after a name's head ("… đề nghị Sở" /
    "Xây dựng tỉnh", "… của Trung tâm" / "Xúc tiến") or a joining word ("… Bộ Kế hoạch và" / "Đầu tư") goes on."""
    got = paragraphs(TITLES_RUN_TO_THE_WIDTH)
    assert [p[:22] for p in got] == ["Để triển khai Đề án ph", "Một là, hoàn thiện quy",
                                     "Xây dựng bản đồ số các", "Hai là, phát triển ngu",
                                     "Các xã mở lớp bồi dưỡn", "Ba là, huy động các ng"]
    assert "đề nghị Sở Xây dựng tỉnh rà soát" in got[4] and "Bộ Kế hoạch và Đầu tư, gửi kèm" in got[4]
    assert "Trung tâm Xúc tiến đầu tư" in got[4]


NAMES_WITH_A_DASH = """\
Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị trên địa bàn thực hiện các nội dung:
1. Các xã, thị trấn lập kế hoạch phát triển hợp tác xã nông nghiệp năm 2028, gửi Phòng
Tài chính - Kế hoạch thẩm định; hằng quý báo cáo tiến độ theo mẫu của Phòng Tài chính
- Kế hoạch huyện.
2. Trung tâm Văn hóa huyện tổ chức liên hoan văn nghệ quần chúng theo hướng dẫn của Sở Văn hóa
- Thể thao và Du lịch, hoàn thành trước ngày 15/10/2028.
3. Phòng Nội vụ tổng hợp ý kiến góp ý dự thảo quy chế của các cơ quan gồm Sở Tư pháp
- Sở Nội vụ rà soát thủ tục hành chính thuộc lĩnh vực được giao, báo cáo trong quý IV/2028.
4. Thanh tra huyện theo dõi, đôn đốc việc thực hiện các nội dung nêu trên tại các xã
- Tổ chức tuyên truyền kết quả thực hiện kế hoạch trên trang thông tin điện tử của huyện.
"""


def test_a_name_broken_before_its_inner_dash_goes_on():
    """"… của Phòng Tài chính" / "- Kế hoạch huyện." is one name; a dash before a head of its own ("- Sở Nội vụ
    …") or before a word that opens a sentence ("- Tổ chức tuyên truyền …") opens an item."""
    got = paragraphs(NAMES_WITH_A_DASH)
    assert [p[:10] for p in got] == ["Ủy ban nhâ", "1. Các xã,", "2. Trung t", "3. Phòng N", "- Sở Nội v",
                                     "4. Thanh t", "- Tổ chức "]
    assert got[1].endswith("theo mẫu của Phòng Tài chính - Kế hoạch huyện.")
    assert "hướng dẫn của Sở Văn hóa - Thể thao và Du lịch, hoàn thành" in got[2]


CLAUSES_AFTER_A_SEMICOLON = """\
Để nâng cao hiệu quả quản lý chất thải rắn sinh hoạt ở khu vực nông thôn, Ủy ban nhân
dân huyện yêu cầu Ủy ban nhân dân các xã rà soát điểm tập kết rác của từng thôn, bản;
bố trí kinh phí thu gom, vận chuyển theo hợp đồng với đơn vị dịch vụ môi trường của
huyện, báo cáo Phòng Tài nguyên và Môi trường trước ngày 20 hằng tháng để tổng hợp.
- Phòng Tài nguyên và Môi trường hướng dẫn phân loại rác tại nguồn cho các hộ dân;
đồng thời kiểm tra việc xử lý rác tại các lò đốt quy mô nhỏ đang vận hành ở các xã.
Các nội dung cụ thể cần triển khai trong quý I năm 2028 ở các thôn, bản gồm có:
vận động hộ gia đình ký cam kết không vứt rác thải ra kênh mương và đường giao thông;
thành lập tổ tự quản về vệ sinh môi trường ở mỗi thôn, bản, tổ dân phố của xã.
Trung tâm Dịch vụ nông nghiệp huyện hướng dẫn kỹ thuật ủ phân hữu cơ từ rác hữu cơ.
"""


def test_a_full_line_ending_on_a_semicolon_goes_on_into_a_lower_case_clause():
    """In a hard-wrapped text a full line ending "… thôn, bản;" goes on into "bố trí kinh phí …": the sentence holds
    several clauses. A list of lower-case items, one a line, after "… gồm có:" keeps its items apart."""
    got = paragraphs(CLAUSES_AFTER_A_SEMICOLON)
    assert [p[:12] for p in got] == ["Để nâng cao ", "- Phòng Tài ", "Các nội dung", "vận động hộ ",
                                     "thành lập tổ", "Trung tâm Dị"]
    assert "từng thôn, bản; bố trí kinh phí" in got[0] and "cho các hộ dân; đồng thời kiểm tra" in got[1]


NAMES_AND_TITLES_ACROSS_THE_BREAK = """\
Để hưởng ứng phong trào thi đua của tỉnh, Ủy ban nhân dân huyện giao nhiệm vụ cụ thể như sau:
1. Các xã tiếp tục phổ biến để người dân cùng góp sức thực hiện có hiệu quả Đề án
Xây dựng xã hội học tập giai đoạn 2027 - 2030 của tỉnh, lồng ghép với sinh hoạt khu dân cư.
2. Nhiệm vụ chung của Phòng Giáo dục và Đào tạo huyện phối hợp cùng Phòng Tài chính
- Hướng dẫn các trường tiểu học tổ chức ngày hội đọc sách cho học sinh trong tháng 4/2027.
- Rà soát số học sinh có hoàn cảnh khó khăn để đề nghị hỗ trợ học bổng trước ngày 30/8/2027.
3. Trung tâm Giáo dục nghề nghiệp huyện xây dựng kế hoạch tuyển sinh năm học 2027 - 2028
Các lớp đào tạo nghề ngắn hạn mở tại xã phải bảo đảm đủ giáo viên và thiết bị thực hành.
4. Phòng Văn hóa và Thông tin theo dõi tiến độ, tập hợp kết quả thành báo cáo chung vào tháng
12/2027 theo mẫu của Phòng Nội vụ, gửi Ủy ban nhân dân huyện để báo cáo Ủy ban nhân dân tỉnh.
"""


def test_a_title_after_its_kind_goes_on_and_a_dash_after_a_whole_name_opens_an_item():
    """"… thực hiện có hiệu quả Đề án" / "Xây dựng xã hội học tập …" is the title of the scheme: it goes on. A dash
    after a name that the gazetteer does not go on with that word ("… Phòng Tài chính" / "- Hướng dẫn …", where
    "- Kế hoạch" would go on) opens an item; "Các lớp …" after "… năm học 2027 - 2028" opens a sentence."""
    got = paragraphs(NAMES_AND_TITLES_ACROSS_THE_BREAK)
    assert [p[:12] for p in got] == ["Để hưởng ứng", "1. Các xã ti", "2. Nhiệm vụ ", "- Hướng dẫn ", "- Rà soát số",
                                     "3. Trung tâm", "Các lớp đào ", "4. Phòng Văn"]
    assert "Đề án Xây dựng xã hội học tập" in got[1]


COLON_THEN_ITEMS_ONE_A_LINE = """\
Căn cứ đề nghị của Trưởng phòng Nội vụ, Ủy ban nhân dân huyện thành lập Tổ công tác liên ngành
kiểm tra việc thực hiện quy chế dân chủ ở cơ sở năm 2027 gồm các thành viên có tên dưới đây:
Phó Chủ tịch Ủy ban nhân dân huyện phụ trách khối nội chính làm Tổ trưởng Tổ công tác;
lãnh đạo Phòng Nội vụ làm Tổ phó thường trực, giúp Tổ trưởng điều hành công việc chung;
đại diện lãnh đạo Phòng Tư pháp, Thanh tra huyện và Ủy ban Mặt trận Tổ quốc huyện.
Tổ công tác có nhiệm vụ kiểm tra việc công khai các khoản thu, chi ngân sách của các xã, thị
trấn; việc tham vấn người dân đối với các công trình đường giao thông, nhà văn hóa ở khu dân cư
và báo cáo kết quả kiểm tra về Ủy ban nhân dân huyện trước ngày 15 tháng 12 năm 2027.
Tổ công tác chấm dứt hoạt động khi xong việc kiểm tra nêu trên; kinh phí hoạt động bố trí
trong dự toán ngân sách năm 2027 giao cho Phòng Nội vụ huyện để chi cho các đợt kiểm tra.
"""


def test_items_one_a_line_after_a_colon_stay_apart_whatever_the_first_opens_with():
    """After "… dưới đây:", a first item opening with a capital ("Phó Chủ tịch … Tổ công tác;") is an item of
    the list, not a sentence going on into "lãnh đạo Phòng Nội vụ …"."""
    got = paragraphs(COLON_THEN_ITEMS_ONE_A_LINE)
    assert [p[:12] for p in got] == ["Căn cứ đề ng", "Phó Chủ tịch", "lãnh đạo Phò", "đại diện lãn", "Tổ công tác ",
                                     "Tổ công tác "]


A_RUN_OF_NUMBERS = """\
Để chuẩn bị cho năm học mới, Ủy ban nhân dân huyện yêu cầu các đơn vị thực hiện các nội dung sau:
1. Phòng Giáo dục và Đào tạo rà soát đội ngũ giáo viên dạy tiếng Anh ở các khối lớp 1, 2,
3. Trên cơ sở đó đề xuất phương án tuyển dụng bổ sung, báo cáo trước ngày 15/7/2027 để tổng hợp.
2. Trung tâm Y tế huyện kiểm tra công tác y tế trường học ở các trường mầm non và tiểu học.
3. Các xã, thị trấn vận động trẻ trong độ tuổi ra lớp, nhất là trẻ 5 tuổi ở các thôn số 1, 2,
4. Ủy ban nhân dân các xã báo cáo kết quả vận động về Phòng Giáo dục và Đào tạo hằng tháng.
Phòng Tài chính - Kế hoạch thẩm định dự toán mua sắm thiết bị dạy học theo đề nghị của trường.
Phòng Nội vụ hướng dẫn hồ sơ tuyển dụng giáo viên hợp đồng theo chỉ tiêu biên chế được giao.
Thanh tra huyện kiểm tra việc thu, chi các khoản đóng góp tự nguyện của phụ huynh học sinh.
Các trường học chủ động sửa chữa phòng học xuống cấp trước khi bước vào năm học 2027 - 2028.
"""


def test_a_run_of_numbers_broken_at_the_width_goes_on():
    """"… các khối lớp 1, 2," / "3. Trên cơ sở …": the number goes on the run it ends, and is no list item; the
    paragraph's own next number ("4." after an item "3. …" that ends "… thôn số 1, 2,") is still its next item."""
    got = paragraphs(A_RUN_OF_NUMBERS)
    assert [p[:12] for p in got][:5] == ["Để chuẩn bị ", "1. Phòng Giá", "2. Trung tâm", "3. Các xã, t", "4. Ủy ban nh"]
    assert "các khối lớp 1, 2, 3. Trên cơ sở đó" in got[1]


SECOND_REVIEW_CASES = """\
I. GIÁO DỤC AN TOÀN GIAO THÔNG TRONG TRƯỜNG HỌC
1.1. Đẩy mạnh phổ biến kiến thức an toàn giao thông cho học sinh các khối lớp 1, 2,
1.2. Các trường trung học cơ sở tổ chức cho học sinh ký cam kết không đi xe máy khi đến trường.
1.3. Tuyên truyền để mọi người dân hiểu rõ và tự giác thực hiện đúng quy định của pháp luật
Tổ chức các buổi sinh hoạt ngoại khóa về văn hóa giao thông tại các trường trong tháng 9/2027.
Để triển khai có hiệu quả, Ủy ban nhân dân huyện giao nhiệm vụ cho các đơn vị như sau:
Chủ trì, phối hợp với Phòng Văn hóa và Thông tin huyện xây dựng nội dung tuyên truyền theo
từng chủ đề, hoàn thành và gửi các xã, thị trấn trước ngày 15 tháng 8 năm 2027 để thực hiện;
đồng thời hướng dẫn các xã lồng ghép nội dung này vào các buổi họp thôn, tổ dân phố định kỳ.
Ủy ban nhân dân các xã giao công chức văn hóa của xã phối hợp với Phòng Văn hóa
- Xã hội xã tổ chức treo băng rôn, khẩu hiệu tại các tuyến đường trục xã trong tháng 9/2027.
"""


def test_lines_the_second_review_found_joined_or_split_wrongly():
    """A run of numbers goes on only into its next number ("lớp 1, 2," / "1.2." is the next item); "… của pháp luật"
    in lower case is no title's kind, so "Tổ chức …" opens a sentence; a paragraph of two lines after "… như sau:"
    goes on into its clause ("…;" / "đồng thời …"); "Phòng Văn hóa" / "- Xã hội xã" is one name."""
    got = paragraphs(SECOND_REVIEW_CASES)
    assert [p[:12] for p in got] == ["I. GIÁO DỤC ", "1.1. Đẩy mạn", "1.2. Các trư", "1.3. Tuyên t", "Tổ chức các ",
                                     "Để triển kha", "Chủ trì, phố", "Ủy ban nhân "]
    assert "trước ngày 15 tháng 8 năm 2027 để thực hiện; đồng thời hướng dẫn" in got[6]
    assert "phối hợp với Phòng Văn hóa - Xã hội xã tổ chức" in got[7]


NUMBER_WORD_ENDS = """\
3. Phát triển hạ tầng số
Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo bố trí ngân sách cho trung tâm dữ liệu của tỉnh.
4. Sở Tài chính tổng hợp dự toán các dự án theo Quyết định số
215/QĐ-UBND của Ủy ban nhân dân tỉnh.
5. Tổ chức các hoạt động kỷ niệm 95 năm
Ngày thành lập Hội Nông dân Việt Nam tại các xã.
6. Hưởng ứng Chương trình Chuyển đổi số
Quốc gia tại các trường học trên địa bàn.
"""


def test_a_word_a_number_follows_ends_a_title_before_a_capitalised_line_and_goes_on_into_a_number():
    """"3. … hạ tầng số" (digital) / "Đảng đoàn …": the title ends; "… Quyết định số" / "215/QĐ-UBND": the number is
    its; "… 95 năm" / "Ngày thành lập …": a name goes on."""
    got = paragraphs(NUMBER_WORD_ENDS)
    assert got[:2] == ["3. Phát triển hạ tầng số",
                       "Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo bố trí ngân sách cho trung tâm dữ liệu của tỉnh."]
    assert got[2].endswith("theo Quyết định số 215/QĐ-UBND của Ủy ban nhân dân tỉnh.")
    assert got[3] == "5. Tổ chức các hoạt động kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam tại các xã."
    assert got[4] == "6. Hưởng ứng Chương trình Chuyển đổi số Quốc gia tại các trường học trên địa bàn."   # a name


LAYOUT_EXAMPLES_AFTER_A_COLON = """\
      - Chọn nội dung kiểm tra gắn với những việc người dân phản ánh nhiều, chẳng hạn như:
cấp đổi giấy tờ nhà đất; đền bù khi thu hồi đất làm đường liên thôn; trợ cấp hằng tháng
cho người cao tuổi tại xã, phường.
      - Tổng hợp kết quả kiểm tra, báo cáo Ban Thường trực trước ngày 15/12/2027, gồm:
      - Số cuộc kiểm tra đã thực hiện.
      - Kiến nghị sau kiểm tra và kết quả giải quyết.
      - Báo cáo tiến độ thực hiện các kiến nghị đã được cơ quan có thẩm quyền tiếp thu, xử lý,
nêu rõ những kiến nghị chưa được giải quyết.
      - Phối hợp với Thanh tra tỉnh trao đổi thông tin về các vụ việc khiếu nại kéo dài, tránh
chồng chéo trong hoạt động kiểm tra, giám sát tại cơ sở.
"""


def test_a_lower_case_line_at_the_margin_after_examples_introduced_by_nhu_goes_on():
    found = paragraphs(LAYOUT_EXAMPLES_AFTER_A_COLON)
    assert found[0] == ("- Chọn nội dung kiểm tra gắn với những việc người dân phản ánh nhiều, chẳng hạn như: cấp đổi "
                        "giấy tờ nhà đất; đền bù khi thu hồi đất làm đường liên thôn; trợ cấp hằng tháng cho người cao "
                        "tuổi tại xã, phường.")
    assert len(found) == 6


def test_the_width_is_read_off_prose_lines_when_an_annex_gives_many_short_ones():
    """An annex of one cell a line (short lines) does not hide the width the prose wraps at: "… nhiệm kỳ" /
    "2027 - 2029 như sau:" is one sentence."""
    prose = ("- Căn cứ Hướng dẫn số 09-HD/BTCTU của Ban Tổ chức Tỉnh ủy về đại hội chi bộ trực thuộc đảng ủy cơ\n"
             "sở, Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch tổ chức đại hội chi bộ trực thuộc, nhiệm kỳ\n"
             "2027 - 2029 như sau:\n")
    items = "".join(f"{n}. Chi bộ thôn số {n} tổ chức đại hội theo đúng lịch đã được Ban Thường vụ phê duyệt, báo cáo\n"
                    f"kết quả về Văn phòng Đảng ủy ngay trong ngày đại hội.\n" for n in range(1, 7))
    annex = "".join(f"{n}\nChi bộ thôn số {n}\n{n + 10}/01/2027\nHội trường thôn\n" for n in range(1, 9))
    found = paragraphs(prose + items + "PHỤ LỤC\nLỊCH ĐẠI HỘI\nTT\nChi bộ\nNgày\nĐịa điểm\n" + annex)
    assert found[0].endswith("nhiệm kỳ 2027 - 2029 như sau:")


def test_a_heading_ending_on_the_adjective_quy_is_no_cut_quarter():
    """"… cây dược liệu quý" ends a heading; the capitalised line after it opens the item's sentence."""
    text = "".join(f"{n}. Rà soát, cập nhật hiện trạng vùng trồng dược liệu của thôn {n}, báo cáo Ủy ban nhân dân xã\n"
                   f"trước ngày 15/3/2028.\n" for n in range(1, 6))
    found = paragraphs(text + "6. Bảo tồn nguồn gen cây dược liệu quý\nTrạm Y tế xã chủ trì thực hiện.\n")
    assert found[-2:] == ["6. Bảo tồn nguồn gen cây dược liệu quý", "Trạm Y tế xã chủ trì thực hiện."]
