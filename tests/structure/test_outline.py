"""The outline: numbering as printed in PDF exports, paragraphs that go on an item, lead-ins that head a list."""
import pytest

from service.structure.outline import PARAGRAPH, classify
from service.pipeline import analyze_text

TEXT = """THÔNG BÁO
Kết luận của Giám đốc Sở tại hội nghị giao ban quý I năm 2026
Giám đốc Sở yêu cầu các phòng, đơn vị thuộc Sở thực hiện các nội dung sau:
1.
Công tác tuyên truyền
- Xây dựng chuyên mục hỏi đáp trên cổng thông tin điện tử của Sở.
Cập nhật nội dung hằng tháng.
2.
Công tác kiểm tra
- Phòng Thanh tra xây dựng kế hoạch kiểm tra năm 2026, trình Giám đốc Sở trước ngày 15/4/2026.
Văn phòng Sở xin thông báo để các phòng, đơn vị biết, thực hiện.
"""


def test_a_number_alone_on_its_line_numbers_the_next_line():
    doc = analyze_text(TEXT)
    headings = {s.heading: s.label for s in doc.sections}
    assert headings.get("Công tác tuyên truyền") == "1" and headings.get("Công tác kiểm tra") == "2"


def test_items_inherit_the_doers_a_lead_in_names_and_run_on_over_plain_lines():
    tasks = analyze_text(TEXT).tasks
    first = next(t for t in tasks if t.text.startswith("Xây dựng chuyên mục"))
    assert "Cập nhật nội dung hằng tháng." in first.text and first.deadline.recurrence == "monthly"
    assert [b.name for b in first.lead] == ["các phòng, đơn vị thuộc Sở"]
    check = next(t for t in tasks if t.text.startswith("Phòng Thanh tra"))
    assert [b.name for b in check.lead] == ["Phòng Thanh tra"] and str(check.deadline.end) == "2026-04-15"
    assert not any("xin thông báo" in t.text for t in tasks) and len(tasks) == 2


@pytest.mark.parametrize("line, rank, label", [
    ("Một là, đổi mới phương thức lãnh đạo của cấp ủy.", 2.5, "Một là"),
    ("Thứ hai: phát triển mạng lưới thư viện cơ sở.", 2.5, "Thứ hai"),
    ("Hai là , tăng cường kiểm tra , giám sát .", 2.5, "Hai là"),
    ("Hai lần kiểm tra trong năm là đủ.", PARAGRAPH, None),
])
def test_ordinal_words_number_a_list(line, rank, label):
    assert classify(line)[:2] == (rank, label)


@pytest.mark.parametrize("line, rank, label, rest", [
    ("2.1 - Các phòng chuyên môn thuộc huyện:", 3, "2.1", "Các phòng"),
    ("3.2. Ủy ban nhân dân các xã:", 3, "3.2", "Ủy ban"),
    ("1.2.3 – Rà soát hồ sơ đất đai.", 4, "1.2.3", "Rà soát"),
])
def test_decimal_numbers_with_a_dash_number_a_heading(line, rank, label, rest):
    found_rank, found_label, at = classify(line)
    assert (found_rank, found_label) == (rank, label) and line[at:].startswith(rest)


def test_items_under_a_decimal_heading_with_a_dash_inherit_its_bodies():
    text = """KẾ HOẠCH
Bồi dưỡng cán bộ công đoàn năm 2027
II. TỔ CHỨC THỰC HIỆN
2.1 - Các LĐLĐ huyện, thị xã:
- Tổ chức tập huấn nghiệp vụ cho cán bộ công đoàn mới trong quý II năm 2027.
2.2 - Hội Cựu chiến binh tỉnh:
- Rà soát danh sách đoàn viên, báo cáo trước ngày 30/6/2027.
"""
    tasks = analyze_text(text, extractor="rules").tasks
    assert [[b.name for b in t.lead] for t in tasks] == [["Các LĐLĐ huyện, thị xã"], ["Hội Cựu chiến binh tỉnh"]]


def test_ordinal_items_are_tasks_with_their_sentences():
    from service.pipeline import analyze_text
    text = ("Một số giải pháp phát triển hợp tác xã nông nghiệp\n"
            "Một là, hoàn thiện cơ chế, chính sách hỗ trợ hợp tác xã, trong đó ưu tiên chính sách tín dụng, đất "
            "đai và đào tạo cán bộ quản lý.\n"
            "Rà soát, sửa đổi chính sách hỗ trợ tín dụng cho hợp tác xã.\n"
            "Hai là, nâng cao năng lực cán bộ quản lý hợp tác xã theo chuẩn chức danh do Bộ Nông nghiệp và Môi "
            "trường hướng dẫn.\n"
            "Mở các lớp bồi dưỡng kỹ năng quản trị cho giám đốc hợp tác xã.\n")
    tasks = analyze_text(text).tasks
    assert [t.text[:12] for t in tasks] == ["hoàn thiện c", "nâng cao năn"]
    assert "Mở các lớp bồi dưỡng" in tasks[1].text             # a plain line goes on the item (plain text)


def test_a_short_ordinal_title_heads_the_paragraphs_after_it():
    """"Thứ nhất, <a short title>." then paragraphs: the title is a heading, each paragraph a task that
    inherits the doers of the lead-in above."""
    from service.pipeline import analyze_text
    text = ("Để phát triển văn hóa đọc ở cơ sở, các cấp ủy, chính quyền tập trung vào các giải pháp sau:\n"
            "Thứ nhất, mở rộng mạng lưới thư viện xã.\n"
            "Bố trí phòng đọc tại nhà văn hóa của các thôn, tổ dân phố.\n"
            "Ưu tiên bổ sung sách kỹ thuật nông nghiệp cho các xã vùng sâu.\n"
            "Thứ hai, đổi mới hình thức phục vụ bạn đọc.\n"
            "Luân chuyển tủ sách giữa các điểm trường theo từng học kỳ.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.text[:12] for t in tasks] == ["Bố trí phòng", "Ưu tiên bổ s", "Luân chuyển "]
    assert all([b.name for b in t.lead] == ["các cấp ủy", "chính quyền"] for t in tasks)


def test_a_bare_lead_in_after_an_article_opens_that_articles_list():
    from service.pipeline import analyze_text
    text = ("QUYẾT ĐỊNH\nVề việc ủy quyền cho Ban Quản lý khu công nghiệp tỉnh\n"
            "Điều 1. Ủy quyền Trưởng Ban Quản lý khu công nghiệp tỉnh giải quyết một số thủ tục hành chính "
            "thuộc thẩm quyền của Ủy ban nhân dân tỉnh trong khu công nghiệp.\n"
            "Cụ thể như sau:\n"
            "1. Về đầu tư:\n"
            "a) Cấp giấy chứng nhận đăng ký đầu tư cho dự án trong khu công nghiệp;\n"
            "b) Thẩm định thiết kế cơ sở của dự án nhóm C.\n"
            "Điều 2. Giao Sở Tài chính hướng dẫn thu, chi phí thẩm định.\n")
    tasks = analyze_text(text).tasks
    items = [t for t in tasks if t.text.startswith(("Cấp giấy", "Thẩm định"))]
    assert [[b.name for b in t.lead] for t in items] == [["Trưởng Ban Quản lý khu công nghiệp tỉnh"]] * 2
    assert [b.name for b in tasks[-1].lead] == ["Sở Tài chính"]


def test_a_part_letter_on_its_own_line_numbers_the_title_below_it():
    from service.pipeline import analyze_text
    from service.structure import outline
    from service import zones

    doc = analyze_text("B.\nNhiệm vụ trọng tâm quý III năm 2027\n1. Rà soát hồ sơ địa chính.\n")
    root = outline.build_tree(doc, zones.skip_zones(doc.text))
    part = root.children[0]
    assert (part.rank, part.label, part.text.strip()) == (0.5, "B", "Nhiệm vụ trọng tâm quý III năm 2027")
    assert [c.text.strip() for c in part.children] == ["Rà soát hồ sơ địa chính."]


def test_a_lead_in_after_the_paragraphs_of_an_earlier_one_stands_beside_it():
    """Results listed under one lead-in, then the solutions under another: the second is not inside the
    first (a results section holds no tasks), so its items are tasks."""
    text = ("Xây dựng nông thôn mới ở huyện miền núi: kết quả và giải pháp\n"
            "Sau năm năm thực hiện, kết quả của phong trào được thể hiện ở các tiêu chí sau:\n"
            "Toàn huyện có 12 xã đạt chuẩn nông thôn mới.\n"
            "Thu nhập bình quân đầu người tăng gần gấp đôi so với năm đầu.\n"
            "Để giữ vững kết quả, thời gian tới huyện tập trung thực hiện các giải pháp sau:\n"
            "- Rà soát, điều chỉnh quy hoạch sản xuất nông nghiệp tập trung của các xã.\n"
            "- Huy động doanh nghiệp tham gia đầu tư hạ tầng giao thông nông thôn.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.text[:13] for t in tasks] == ["Rà soát, điều", "Huy động doan"]


def test_an_ordinal_item_that_names_its_doer_or_deadline_is_a_task_not_a_title():
    text = ("Để bảo đảm an toàn hồ chứa nước, các sở tập trung thực hiện các giải pháp sau:\n"
            "Thứ nhất, Sở Nội vụ rà soát vị trí việc làm trước ngày 30/6/2027.\n"
            "Việc rà soát phải bảo đảm đúng quy định.\n"
            "Thứ hai, bố trí đủ kinh phí trong quý II/2027.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [(t.text[:12], str(t.deadline.end)) for t in tasks] == [("Sở Nội vụ rà", "2027-06-30"),
                                                                    ("bố trí đủ ki", "2027-06-30")]


def test_a_further_lead_in_under_one_that_names_its_doer_stays_inside_it():
    text = ("KẾ HOẠCH\nPhòng, chống dịch bệnh năm 2027\nI. NHIỆM VỤ\nSở Y tế thực hiện các nhiệm vụ sau:\n"
            "Theo dõi chặt chẽ tình hình dịch bệnh trên địa bàn.\n"
            "Ngoài ra, cần thực hiện thêm các việc sau:\n- Tập huấn cho cán bộ y tế xã.\n- Dự trữ thuốc và vật tư.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [[b.name for b in t.lead] for t in tasks] == [["Sở Y tế"]] * 3


PLAN_WITH_A_NOTE = """KẾ HOẠCH

Chuyển đổi số trong các cơ quan nhà nước của tỉnh năm 2027

Để hoàn thành các chỉ tiêu chuyển đổi số năm 2027, Sở Khoa học và Công nghệ thực hiện các nhiệm vụ sau:

- Hoàn thiện nền tảng chia sẻ dữ liệu dùng chung của tỉnh trước ngày 30/6/2027.

Việc kết nối các hệ thống thông tin thực hiện theo hướng dẫn kỹ thuật của Bộ Khoa học và Công nghệ.

- Tổ chức đào tạo kỹ năng số cho cán bộ, công chức cấp xã trong quý III năm 2027.

- Đánh giá mức độ chuyển đổi số của các sở, ngành, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2027.
"""


@pytest.fixture
def typeset(tmp_path):
    """typeset(text) -> the PDF bytes of `text` set as the sample documents are (justified A4 pages)."""
    pytest.importorskip("reportlab")
    from corpora.render import parse, render_pdf

    def build(text: str) -> bytes:
        out = tmp_path / "plan.pdf"
        render_pdf(parse(text), out, title="plan")
        return out.read_bytes()
    return build


def test_a_note_after_an_item_of_a_pdf_goes_on_the_item_and_the_list_keeps_its_doer(typeset):
    """A PDF's paragraphs are rebuilt from its lines, as plain text's are: a plain paragraph after an item
    goes on the item, and the items after it still take the doer the lead-in names."""
    from service.pipeline import analyze_bytes

    pdf = analyze_bytes(typeset(PLAN_WITH_A_NOTE), "plan.pdf", extractor="rules")
    txt = analyze_text(PLAN_WITH_A_NOTE, extractor="rules")
    assert pdf.source.format == "pdf"
    for doc in (pdf, txt):
        assert [[b.name for b in t.lead] for t in doc.tasks] == [["Sở Khoa học và Công nghệ"]] * 3
        assert "Việc kết nối các hệ thống" in doc.tasks[0].text
        assert [str(t.deadline.end) for t in doc.tasks] == ["2027-06-30", "2027-09-30", "2027-12-15"]


LIST_WITH_A_LEAD_IN_INSIDE_AN_ITEM = """KẾ HOẠCH
Triển khai công tác phòng cháy, chữa cháy năm 2027
Để bảo đảm an toàn phòng cháy, chữa cháy, yêu cầu Ủy ban nhân dân các huyện, thị xã thực hiện các nội dung sau:
1. Tuyên truyền, phổ biến pháp luật
Kiện toàn tổ tuyên truyền viên ở các thôn, tổ dân phố.
2. Kiểm tra cơ sở kinh doanh
Lập danh sách cơ sở có nguy cơ cháy nổ cao trên địa bàn.
Tổ chức kiểm tra theo từng nhóm cơ sở, cụ thể:
Kiểm tra chợ và trung tâm thương mại trong quý II/2027.
Kiểm tra nhà trọ, nhà cho thuê trong quý III/2027.
3. Huấn luyện lực lượng tại chỗ
Tổ chức diễn tập chữa cháy tại khu dân cư đông người.
"""


@pytest.mark.parametrize("variant", ["as_typed", "hard_wrapped"])
def test_a_lead_in_inside_a_numbered_item_does_not_take_in_the_later_items(variant):
    """Item 2 reads as a sentence once the page width broke it ("2. Kiểm tra cơ sở kinh doanh Lập danh sách …
    ."): the lead-in after it ("… cụ thể:") heads a list inside item 2, and item 3 keeps the doers the first
    lead-in names instead of falling under one that names nobody."""
    text = LIST_WITH_A_LEAD_IN_INSIDE_AN_ITEM
    if variant == "hard_wrapped":
        text = text.replace("kinh doanh\nLập", "kinh doanh Lập")
    tasks = analyze_text(text, extractor="rules").tasks
    drill = next(t for t in tasks if "diễn tập" in t.text)
    assert [b.name for b in drill.lead] == ["Ủy ban nhân dân các huyện, thị xã"]
    checks = [t for t in tasks if t.text.startswith(("Kiểm tra chợ", "Kiểm tra nhà trọ"))]
    assert [str(t.deadline.end) for t in checks] == ["2027-06-30", "2027-09-30"]
    assert all([b.name for b in t.lead] == ["Ủy ban nhân dân các huyện, thị xã"] for t in checks)


AN_ITEM_THAT_NAMES_ITS_DOER = """KẾ HOẠCH
Bảo đảm an toàn thông tin mạng năm 2027
Ủy ban nhân dân huyện giao các cơ quan chuyên môn thực hiện các việc sau:
1. Phòng Văn hóa và Thông tin rà soát hệ thống thư điện tử công vụ, xong trước ngày 31/5/2027.
2. Phòng Tài chính - Kế hoạch bố trí kinh phí mua bản quyền phần mềm phòng chống mã độc.
Về chế độ báo cáo, thực hiện theo các mốc sau:
- Báo cáo sơ kết trước ngày 20/6/2027.
- Báo cáo tổng kết trước ngày 20/12/2027.
"""


def test_a_lead_in_after_an_item_that_names_its_doer_does_not_take_that_doer():
    """"2. Phòng Tài chính - Kế hoạch bố trí …" names its own doer: the lead-in after it ("Về chế độ báo cáo, …:")
    is no part of that item, and its items do not take the Phòng as their doer."""
    tasks = analyze_text(AN_ITEM_THAT_NAMES_ITS_DOER, extractor="rules").tasks
    reports = [t for t in tasks if t.text.startswith("Báo cáo")]
    assert len(reports) == 2 and all("Phòng Tài chính - Kế hoạch" not in [b.name for b in t.lead] for t in reports)


def test_a_roman_or_lettered_title_whose_capitals_were_lost_is_a_heading():
    """Exports that lower a title's capitals leave "Iii. tổ chức thực hiện ." or "B . nhiệm vụ …": such a title,
    full stop or not, heads the items below and is no task (no sentence opens in lower case after the numeral)."""
    text = ("KẾ HOẠCH\nPhát triển thư viện cơ sở năm 2027\n"
            "I . thực trạng mạng lưới thư viện cơ sở trên địa bàn tỉnh .\n"
            "Nhiều thư viện xã đã xuống cấp và thiếu đầu sách mới.\n"
            "B . nhiệm vụ và giải pháp\n"
            "1. Sở Văn hóa, Thể thao và Du lịch rà soát hiện trạng thư viện xã, hoàn thành trong quý II/2027.\n"
            "Iii. tổ chức thực hiện .\n"
            "1. Ủy ban nhân dân các huyện bố trí phòng đọc tại nhà văn hóa thôn trước ngày 30/9/2027.\n")
    doc = analyze_text(text, extractor="rules")
    assert [t.text[:12] for t in doc.tasks] == ["Sở Văn hóa, ", "Ủy ban nhân "]
    headings = {s.heading: s.label for s in doc.sections}
    assert headings["tổ chức thực hiện."] == "Iii" and headings["nhiệm vụ và giải pháp"] == "B"


@pytest.mark.parametrize("line, rank", [
    ("B . nhiệm vụ và giải pháp", 0.5),
    ("B . nhiệm vụ và giải pháp; các sở thực hiện.", PARAGRAPH),      # a sentence, not a lowered title
])
def test_a_capital_letter_numbers_a_lowered_title_only_when_short_and_unpunctuated(line, rank):
    assert classify(line)[0] == rank


def test_a_roman_numbered_item_in_lower_case_that_does_work_stays_a_task():
    """Lower case after a Roman numeral is a lowered title only when the line reads as one: a deadline, an
    assignment, or a line with nothing under it and no section's words makes it an item written in lower case."""
    text = ("KẾ HOẠCH\nHoạt động của Ban Chỉ đạo phòng chống thiên tai năm 2027\n"
            "I. sơ kết công tác phòng chống lụt bão 6 tháng đầu năm trong tháng 7/2027.\n"
            "II. giao Phòng Nông nghiệp rà soát các hồ chứa xung yếu.\n"
            "III. tổ chức diễn tập phòng chống bão tại 3 xã ven biển.\n")
    doc = analyze_text(text, extractor="rules")
    assert [t.text[:12] for t in doc.tasks] == ["sơ kết công ", "giao Phòng N", "tổ chức diễn"]
    assert doc.sections == []


def test_an_annex_title_after_a_short_letters_items_does_not_swallow_them():
    """A title within the first lines but after the body began is an appendix's: the header zone ends at the
    letter's subject, and its items are tasks."""
    from service import zones

    text = ("BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 512/BYT-KCB | Hà Nội, ngày 02 tháng 3 năm 2028\n"
            "V/v tăng cường phòng, chống sốt xuất huyết\nKính gửi: Sở Y tế các tỉnh, thành phố.\n"
            "1. Rà soát cơ số thuốc, dịch truyền tại các bệnh viện trước ngày 31/3/2028.\n"
            "2. Báo cáo số ca mắc về Cục Quản lý Khám, chữa bệnh trước ngày 05 hằng tháng.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nPHỤ LỤC\nDANH SÁCH CÁC TỈNH CÓ SỐ CA MẮC TĂNG CAO\n"
            "Tỉnh A | 1.250 ca\n")
    doc = analyze_text(text)
    assert zones.skip_zones(doc.text)[0][1] < doc.text.index("1. Rà soát")
    assert [t.text[:16] for t in doc.tasks] == ["Rà soát cơ số th", "Báo cáo số ca mắ"]
