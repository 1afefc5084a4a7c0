"""Task segmentation and owner inheritance (ANNOTATION.md §2)."""
from datetime import date

import pytest

from service.pipeline import analyze_text

PLAN = """KẾ HOẠCH
Triển khai thực hiện Nghị quyết
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của cán bộ, đảng viên.
II. NHIỆM VỤ CHỦ YẾU CỦA SỞ TÀI CHÍNH
1. Rà soát các khoản chi thường xuyên.
2. Phối hợp với Cục Thuế tỉnh đối chiếu số thu tiền sử dụng đất năm 2026.
III. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã, phường
a) Tổ chức tuyên truyền trên hệ thống loa truyền thanh cơ sở.
b) Báo cáo kết quả thực hiện trước ngày 15/12 hằng năm.
2. Trong năm 2025 hoàn thành việc lập, trình phê duyệt các đề án:
+ Đề án phát triển du lịch cộng đồng.
+ Đề án chuyển đổi số cấp xã.
3. Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh.
Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.
Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.
Nơi nhận:
- Sở Tài chính;
- Lưu: VT.
"""


def _tasks():
    return analyze_text(PLAN).tasks


def test_purpose_section_and_closing_are_not_tasks():
    texts = [t.text for t in _tasks()]
    assert not any("Nâng cao nhận thức" in t for t in texts)
    assert not any("Trên đây" in t for t in texts)
    assert not any("Lưu" in t for t in texts)
    assert len(texts) == 8


def test_heading_owner_is_inherited():
    by_start = {t.text[:12]: t for t in _tasks()}
    assert [b.name for b in by_start["Rà soát các "].lead] == ["Sở Tài chính"]
    task = by_start["Phối hợp với"]
    assert [b.name for b in task.lead] == ["Sở Tài chính"]
    assert [b.name for b in task.support] == ["Cục Thuế tỉnh"]
    assert [b.name for b in by_start["Tổ chức tuyê"].lead] == ["Ủy ban nhân dân các xã, phường"]


def test_lead_in_deadline_reaches_its_items_and_lead_in_is_not_a_task():
    tasks = _tasks()
    plans = [t for t in tasks if t.text.startswith("Đề án")]
    assert len(plans) == 2
    assert all(t.deadline and t.deadline.end == date(2025, 12, 31) for t in plans)
    assert not any(t.text.startswith("Trong năm 2025 hoàn thành") for t in tasks)


def _under_lead_in(lead_in: str) -> list:
    text = ("KẾ HOẠCH\nBảo đảm an toàn thực phẩm năm 2027\nI. NHIỆM VỤ\n" + lead_in +
            "\n1. Sở Y tế kiểm tra các bếp ăn tập thể tại khu công nghiệp.\n"
            "2. Sở Công Thương kiểm tra các chợ đầu mối nông sản.\n")
    return [t.deadline and t.deadline.end for t in analyze_text(text, extractor="rules").tasks]


def test_a_lead_in_span_before_a_purpose_clause_dates_its_own_act_not_the_items():
    assert _under_lead_in("Ủy ban nhân dân tỉnh tổ chức Tháng hành động vì an toàn thực phẩm trong tháng 4/2027 "
                          "để các sở, ngành thực hiện những việc sau:") == [None, None]
    assert _under_lead_in("Trong năm 2027, các sở, ngành tập trung thực hiện các nhiệm vụ sau:") \
        == [date(2027, 12, 31)] * 2


@pytest.mark.parametrize("lead_in, end", [
    ("Trong năm 2027, nhằm nâng cao chất lượng bữa ăn học đường, các sở thực hiện những việc sau:", date(2027, 12, 31)),
    ("Các sở thực hiện trong quý II/2027 để kịp sơ kết các việc sau:", date(2027, 6, 30)),
])
def test_a_span_that_opens_the_lead_in_or_follows_a_plain_doing_verb_still_reaches_the_items(lead_in, end):
    assert _under_lead_in(lead_in) == [end] * 2


def test_a_lead_in_due_date_before_a_purpose_clause_still_reaches_the_items():
    assert _under_lead_in("Các huyện hoàn thành trước ngày 30/6/2027 để kịp tổng hợp các nội dung sau:") \
        == [date(2027, 6, 30)] * 2


@pytest.mark.parametrize("lead_in", [
    "Năm 2026 các sở, ngành thực hiện những việc sau:",
    "Năm 2026:",
])
def test_a_lead_in_period_that_ended_before_the_issue_date_is_reported_on_not_passed_down(lead_in):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 12/KH-UBND\nBắc Kạn, ngày 15 tháng 01 năm 2027\nKẾ HOẠCH\n"
            "Bảo đảm an toàn thực phẩm năm 2027\nI. NHIỆM VỤ\n" + lead_in +
            "\n1. Sở Y tế kiểm tra các bếp ăn tập thể tại khu công nghiệp.\n"
            "2. Sở Công Thương kiểm tra các chợ đầu mối nông sản.\n")
    doc = analyze_text(text, extractor="rules")
    assert doc.metadata.issued_on == date(2027, 1, 15)
    assert [t.deadline for t in doc.tasks if t.text.startswith("Sở")] == [None, None]


def test_a_label_month_before_the_issue_date_is_no_deadline_one_after_it_is():
    from service.extract.deadlines import find_deadline

    issued = date(2027, 3, 20)
    assert find_deadline("Tháng 01/2027: sơ kết công tác quý IV.", default_year=2027, not_before=issued) is None
    assert find_deadline("Tháng 6/2027: sơ kết công tác 6 tháng.", default_year=2027,
                         not_before=issued).end == date(2027, 6, 30)


def test_recurring_report_and_own_subject():
    by_start = {t.text[:12]: t for t in _tasks()}
    report = by_start["Báo cáo kết "]
    assert report.deadline.recurrence == "yearly" and report.deadline.end is None
    police = by_start["Công an tỉnh"]
    assert [b.name for b in police.lead] == ["Công an tỉnh"]
    assert [b.name for b in police.support] == ["Bộ Chỉ huy Quân sự tỉnh"]


def test_directive_sentence_after_the_list_is_a_task():
    tasks = _tasks()
    office = [t for t in tasks if t.text.startswith("Văn phòng")]
    assert len(office) == 1 and office[0].origin == "sentence"


def test_offsets_point_into_the_text():
    doc = analyze_text(PLAN)
    for task in doc.tasks:
        assert doc.text[task.start:task.end] == task.text
        for body in task.lead + task.support:
            assert doc.text[body.start:body.end].lower().startswith(body.name.split()[0].lower())
    assert [s.heading for s in doc.sections if s.level == 1][:3] == [
        "MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ CHỦ YẾU CỦA SỞ TÀI CHÍNH", "TỔ CHỨC THỰC HIỆN"]


def test_conclusion_items_that_agree_or_report_are_not_tasks():
    text = ("KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về tình hình kinh tế - xã hội\n"
            "1. Ban Thường vụ Tỉnh ủy cơ bản đồng ý với Báo cáo của Ban cán sự đảng Ủy ban nhân dân tỉnh.\n"
            "2. Sở Tài chính đã triển khai đồng bộ các giải pháp thu ngân sách.\n"
            "3. Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo hoàn thành Đề án trước ngày 30/9/2025.\n")
    tasks = analyze_text(text).tasks
    assert [t.text[:4] for t in tasks] == ["Giao"]
    assert [b.name for b in tasks[0].lead] == ["Ban cán sự đảng Ủy ban nhân dân tỉnh"]


def test_a_body_qualified_by_what_it_was_given_then_a_duty_is_a_task():
    text = ("KẾ HOẠCH\nBàn giao công trình nước sạch nông thôn\n"
            "1. Ủy ban nhân dân cấp xã được phân cấp quản lý, vận hành công trình có trách nhiệm lập sổ theo dõi.\n"
            "2. Các tổ hợp tác được nhận bàn giao trạm bơm có trách nhiệm bảo dưỡng hằng năm.\n"
            "3. Các hộ gia đình được hỗ trợ đấu nối 2 triệu đồng mỗi hộ.\n")
    tasks = analyze_text(text).tasks
    assert [[b.name for b in t.lead] for t in tasks] == [
        ["Ủy ban nhân dân cấp xã"], ["Các tổ hợp tác được nhận bàn giao trạm bơm"]]


def test_an_example_under_a_rule_is_no_task():
    text = ("HƯỚNG DẪN\nĐặt tên tệp số hóa hồ sơ lưu trữ\n"
            "1. Tên tệp gồm mã cơ quan, số mục lục và số hồ sơ, cách nhau bởi dấu gạch ngang.\n"
            "Ví dụ: hồ sơ 12 của mục lục 3 tại Lưu trữ lịch sử tỉnh đặt tên là LT-3-12.\n"
            "2. Các đơn vị lưu trữ rà soát tên tệp trước ngày 30/11/2027.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert not [t for t in tasks if "Ví dụ" in t.text]
    assert [b.name for b in tasks[-1].lead] == ["Các đơn vị lưu trữ"]


def test_a_conclusions_agreement_without_its_subject_is_no_task():
    text = ("KẾT LUẬN\ncủa Ban Thường vụ Huyện ủy về công tác tuyển quân năm 2028\n"
            "1. Cơ bản thống nhất với báo cáo của Ban Chỉ huy Quân sự huyện về kết quả giao quân.\n"
            "2. Nhất trí với đề xuất khen thưởng các xã hoàn thành sớm chỉ tiêu.\n"
            "3. Giao Ban Chỉ huy Quân sự huyện tổng kết công tác tuyển quân trước ngày 30/4/2028.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.text[:4] for t in tasks] == ["Giao"]


def test_an_agreement_then_an_assignment_keeps_the_assignment():
    text = ("THÔNG BÁO KẾT LUẬN\ncủa Chủ tịch Ủy ban nhân dân huyện tại buổi làm việc với xã Tân Lập\n"
            "1. Cơ bản đồng ý với phương án di dời chợ do xã đề xuất; giao Phòng Kinh tế và Hạ tầng hướng dẫn thủ tục "
            "trước ngày 20/6/2027.\n"
            "2. Biểu dương các hộ kinh doanh chấp hành tốt. Ủy ban nhân dân xã Tân Lập tổ chức họp dân công bố phương án.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.deadline.end if t.deadline else None for t in tasks][:1] == [date(2027, 6, 20)]
    assert [b.name for b in tasks[0].lead] == ["Phòng Kinh tế và Hạ tầng"]     # whom the agreement then assigns
    assert [b.name for b in tasks[-1].lead] == ["Ủy ban nhân dân xã Tân Lập"]


@pytest.mark.parametrize("item, kept", [
    ("Cơ bản thống nhất với báo cáo của huyện Tân Phước; Ủy ban nhân dân huyện tiếp thu ý kiến, hoàn chỉnh kế hoạch.", True),
    ("Thống nhất với đề xuất của xã, Phòng Tài chính - Kế hoạch cân đối, tham mưu bố trí vốn.", True),
    ("Biểu dương, khen thưởng kịp thời các tập thể có thành tích trong phong trào thi đua.", True),  # work, not praise
    ("Nhất trí với đề xuất khen thưởng các xã hoàn thành sớm.", False),
])
def test_an_agreement_is_no_task_only_when_nothing_is_assigned_after_it(item, kept):
    text = "THÔNG BÁO KẾT LUẬN\ncủa Thường trực Huyện ủy Tân Phước\n1. " + item + "\n"
    assert bool(analyze_text(text, extractor="rules").tasks) is kept


@pytest.mark.parametrize("item", [
    "Phòng Y tế được giao 12 biên chế công chức.",                                  # allotted, not work
    "Phòng Kinh tế được giao xây dựng đề án chợ đêm trong quý I/2027 nhưng đến nay chưa hoàn thành.",   # reported
])
def test_what_was_allotted_or_reported_after_a_passive_is_no_task(item):
    text = "CÔNG VĂN\nV/v đôn đốc thực hiện nhiệm vụ\n1. " + item + "\n"
    assert analyze_text(text, extractor="rules").tasks == []


@pytest.mark.parametrize("item, leads", [
    ("Ủy ban nhân dân cấp huyện được giao tổ chức kiểm kê rừng năm 2027, báo cáo kết quả về Sở Nông nghiệp và Môi trường.",
     [["Ủy ban nhân dân cấp huyện"]]),                                # given the work: a task
    ("Các xã được hỗ trợ 300 triệu đồng để sửa nhà văn hóa, Ủy ban nhân dân huyện có trách nhiệm giám sát.", []),
    ("Các xã được phân cấp quản lý bến đò đã thành lập tổ quản lý, phân công người có trách nhiệm trực.", []),
])
def test_a_passive_after_the_subject_is_work_only_when_it_was_given_or_its_own_duty_follows(item, leads):
    text = "KẾ HOẠCH\nQuản lý tài sản công năm 2027\n1. " + item + "\n"
    assert [[b.name for b in t.lead] for t in analyze_text(text, extractor="rules").tasks] == leads


def test_a_heading_naming_unmet_targets_keeps_the_work_under_it():
    text = ("BÁO CÁO\nTình hình thực hiện kế hoạch 6 tháng\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
            "1. Các chỉ tiêu chưa đạt kế hoạch\n"
            "- Thuế tỉnh tập trung các giải pháp chống thất thu ngân sách.\n")
    assert [[b.name for b in t.lead] for t in analyze_text(text, extractor="rules").tasks] == [["Thuế tỉnh"]]


def test_items_under_an_article_adopting_targets_are_targets_of_its_year_not_tasks():
    text = ("NGHỊ QUYẾT\nVề các chỉ tiêu kinh tế, văn hóa năm 2029 của huyện\nQUYẾT NGHỊ:\n"
            "Điều 1. Thông qua các chỉ tiêu chủ yếu năm 2029\n"
            "1. Tổng sản phẩm trên địa bàn tăng 7,8% trở lên.\n"
            "2. Tỷ lệ che phủ rừng đạt 47,5%.\n"
            "Điều 2. Giao Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này.\n")
    doc = analyze_text(text, extractor="rules")
    assert [t.text[:4] for t in doc.tasks] == ["Giao"]
    assert [(t.value, t.year) for t in doc.targets] == [(7.8, 2029), (47.5, 2029)]


def test_items_under_a_plural_heading_of_targets_and_its_groups_are_targets_not_tasks():
    text = ("NGHỊ QUYẾT\nVề các chỉ tiêu và giải pháp điều hành năm 2029 của tỉnh\nQUYẾT NGHỊ:\n"
            "Điều 1. Kế hoạch năm 2029\n1. Mục tiêu tổng quát\nGiữ vững ổn định, tạo chuyển biến về hạ tầng.\n"
            "2. Các chỉ tiêu chủ yếu năm 2029\na) Nhóm chỉ tiêu kinh tế\n"
            "(1) Tổng sản phẩm trên địa bàn tăng 7,2% trở lên.\n(2) Thu ngân sách trên địa bàn đạt 4.150 tỷ đồng.\n"
            "b) Các chỉ tiêu xã hội\n(3) Tỷ lệ hộ nghèo giảm 1,2%.\n"
            "3. Nhiệm vụ, giải pháp chủ yếu\n3.1. Đẩy nhanh giải ngân vốn đầu tư công, hoàn thành trong quý III/2029.\n")
    doc = analyze_text(text, extractor="rules")
    assert [t.text[:9] for t in doc.tasks] == ["Đẩy nhanh"]
    assert [t.value for t in doc.targets] == [7.2, 4150, 1.2]


@pytest.mark.parametrize("heading, year", [
    ("Mục tiêu năm 2029", 2029),
    ("Mục tiêu cụ thể, phấn đấu vượt kết quả năm 2027", None),      # a year compared with, not the targets'
    ("Các chỉ tiêu đã giao tại Nghị quyết số 10/NQ-HĐND năm 2027", None),
])
def test_the_year_of_targets_comes_only_from_a_heading_that_dates_them(heading, year):
    text = f"KẾ HOẠCH\nPhát triển nông nghiệp\nI. {heading}\n- Tỷ lệ xã đạt chuẩn nông thôn mới đạt 85%.\n"
    assert [t.year for t in analyze_text(text, extractor="rules").targets] == [year]


def test_items_under_a_lead_in_to_targets_are_targets_not_tasks():
    text = ("NGHỊ QUYẾT\nVề công tác đào tạo cán bộ hội nông dân giai đoạn 2026-2030\n"
            "Đến năm 2028 phấn đấu đạt các chỉ tiêu sau:\n"
            "- 100% cán bộ chuyên trách cấp huyện được bồi dưỡng nghiệp vụ;\n"
            "- Ngân sách chi cho bồi dưỡng đạt 12% tổng chi hoạt động của hội.\n"
            "Nhiệm vụ và giải pháp:\n"
            "- Ban Thường vụ Hội Nông dân tỉnh xây dựng chương trình bồi dưỡng trong năm 2026.\n"
            "- Các chi hội tổ chức sinh hoạt chuyên đề hằng quý.\n")
    doc = analyze_text(text)
    assert [t.text[:20] for t in doc.tasks] == ["Ban Thường vụ Hội Nô", "Các chi hội tổ chức "]
    assert [t.value for t in doc.targets] == [100.0, 12.0]
    assert [b.name for b in doc.tasks[1].lead] == ["Các chi hội"]


def test_items_under_a_lead_in_to_conditions_are_not_tasks():
    text = ("QUYẾT ĐỊNH\nBan hành Quy chế cấp phép dịch vụ quan trắc môi trường\n"
            "1. Đơn vị được cấp phép quan trắc phải đáp ứng các điều kiện sau:\n"
            "a) Có ít nhất 05 cán bộ kỹ thuật tốt nghiệp chuyên ngành môi trường;\n"
            "b) Có phòng thí nghiệm được công nhận theo tiêu chuẩn quốc gia.\n"
            "2. Sở Tài nguyên và Môi trường thẩm định hồ sơ trong thời hạn 15 ngày làm việc.\n")
    doc = analyze_text(text)
    assert [t.text[:20] for t in doc.tasks] == ["Sở Tài nguyên và Môi"]


def test_a_lead_in_paragraph_after_an_item_starts_a_new_list():
    text = ("KẾ HOẠCH\nPhòng chống thiên tai năm 2026\n"
            "- Rà soát các điểm sạt lở ven sông trước mùa mưa.\n"
            "Ủy ban nhân dân các xã có trách nhiệm sau:\n"
            "- Bố trí lực lượng xung kích tại các điểm xung yếu.\n")
    doc = analyze_text(text)
    assert doc.tasks[0].text.rstrip().endswith("trước mùa mưa.")
    assert [b.name for b in doc.tasks[1].lead] == ["Ủy ban nhân dân các xã"]


def test_an_agency_mandate_is_not_work_assigned():
    """A decision on an agency's functions: the duties under "Nhiệm vụ, quyền hạn" are standing; only the
    assignment of the implementing article is a task."""
    text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nQUYẾT ĐỊNH\nQuy định chức năng, nhiệm vụ, quyền hạn của Sở Nội vụ\n"
            "Điều 1. Vị trí, chức năng\nSở Nội vụ là cơ quan chuyên môn của Ủy ban nhân dân tỉnh Quảng Trị.\n"
            "Điều 2. Nhiệm vụ, quyền hạn\n1. Xây dựng, trình Ủy ban nhân dân tỉnh dự thảo quyết định về tổ chức "
            "bộ máy.\n2. Hướng dẫn, kiểm tra công tác văn thư, lưu trữ.\nĐiều 3. Tổ chức thực hiện\n"
            "Giao Giám đốc Sở Nội vụ ban hành quy chế làm việc của Sở trước ngày 30/6/2026.\n")
    doc = analyze_text(text)
    assert [t.text[:20] for t in doc.tasks] == ["Giao Giám đốc Sở Nội"]


MONTHLY = """KẾ HOẠCH
Công tác tháng 5 năm 2027
A.
Thực hiện chương trình công tác tháng 4 năm 2027
1. Phòng Nội vụ tổ chức hai lớp bồi dưỡng nghiệp vụ văn thư.
B.
Kế hoạch công tác tháng 5 năm 2027
1. Phòng Tư pháp tổ chức đối thoại chính sách với doanh nghiệp nhỏ và vừa.
2. Phòng Kinh tế trình đề án chợ đêm ven sông.
"""


def test_a_heading_that_plans_a_month_dates_its_items():
    tasks = analyze_text(MONTHLY).tasks
    planned = [t for t in tasks if t.text.startswith(("Phòng Tư pháp", "Phòng Kinh tế"))]
    assert len(planned) == 2
    assert all(t.deadline and t.deadline.end == date(2027, 5, 31) for t in planned)


def test_the_month_reported_on_is_no_deadline():
    reported = [t for t in analyze_text(MONTHLY).tasks if t.text.startswith("Phòng Nội vụ")]
    assert len(reported) == 1 and reported[0].deadline is None


def test_a_day_without_a_year_falls_in_the_year_of_issue():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 45/KH-UBND\nHà Giang, ngày 10 tháng 3 năm 2027\nKẾ HOẠCH\n"
            "Rà soát thủ tục hành chính năm 2027\n"
            "1. Các sở, ban, ngành rà soát thủ tục hành chính thuộc lĩnh vực quản lý, báo cáo trước ngày 20/7.\n"
            "2. Sở Tư pháp tổng hợp kết quả, trình Ủy ban nhân dân tỉnh trước ngày 15 tháng 8.\n")
    doc = analyze_text(text)
    assert doc.metadata.issued_on == date(2027, 3, 10)
    assert [t.deadline.end for t in doc.tasks] == [date(2027, 7, 20), date(2027, 8, 15)]


def test_a_day_before_the_issue_date_falls_in_the_next_year():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 90/KH-UBND\nHà Giang, ngày 20 tháng 12 năm 2026\nKẾ HOẠCH\n"
            "Tổng kết công tác cải cách hành chính\n"
            "1. Các sở, ban, ngành gửi báo cáo tổng kết về Sở Nội vụ trước ngày 15/01.\n")
    assert [t.deadline.end for t in analyze_text(text).tasks] == [date(2027, 1, 15)]


def test_a_second_lead_in_of_one_kind_closes_the_first_list():
    """"+ …đến năm 2027, gồm:" then its items, then "+ … gồm:": the second lead-in closes the first list,
    so its items do not take the first lead-in's period."""
    text = ("KẾ HOẠCH\nKhai thác khoáng sản làm vật liệu xây dựng\n"
            "- Cát xây dựng:\n"
            "+ Đối với các mỏ cát nằm ngoài vùng cấm được cấp phép khai thác trong giai đoạn đến năm 2027, gồm:\n"
            "+ Khai thác mỏ cát sông Lô đoạn qua xã Tân Long.\n"
            "+ Khai thác mỏ cát sông Chảy đoạn qua xã Phú Thọ.\n"
            "+ Đối với các mỏ cát ở vùng hạn chế, chỉ xem xét từng trường hợp riêng, gồm:\n"
            "+ Khai thác mỏ cát suối Ngòi đoạn qua xã Yên Sơn.\n")
    doc = analyze_text(text)
    ends = {t.text[:35]: t.deadline and t.deadline.end for t in doc.tasks}
    assert ends == {"Khai thác mỏ cát sông Lô đoạn qua x": date(2027, 12, 31),
                    "Khai thác mỏ cát sông Chảy đoạn qua": date(2027, 12, 31),
                    "Khai thác mỏ cát suối Ngòi đoạn qua": None}


def test_a_paragraph_of_an_item_that_names_its_own_doer_is_a_task_of_its_own():
    text = ("QUYẾT ĐỊNH\nSửa đổi Quy chế quản lý chợ đêm\n"
            "Điều 1. Sửa đổi Điều 5 như sau:\n"
            "1. Hộ kinh doanh tại chợ đêm được bố trí điểm bán cố định theo sơ đồ đã phê duyệt;\n"
            "Ủy ban nhân dân thành phố hướng dẫn việc đăng ký điểm bán và thu phí theo quy định.\n"
            "2. Hộ kinh doanh phải niêm yết giá các mặt hàng;\n"
            "niêm yết công khai tại điểm bán.\n")
    doc = analyze_text(text)
    guidance = [t for t in doc.tasks if t.text.startswith("Ủy ban nhân dân thành phố hướng dẫn")]
    assert len(guidance) == 1
    assert [b.name for b in guidance[0].lead] == ["Ủy ban nhân dân thành phố"]
    assert not any("hướng dẫn việc đăng ký" in t.text for t in doc.tasks if t is not guidance[0])


def test_grounds_then_a_doer_is_a_task_with_that_doer():
    text = ("KẾ HOẠCH\nLập kế hoạch đầu tư công trung hạn\nI. NHIỆM VỤ\n"
            "1. Sở Tài chính chủ trì lập danh mục dự án ưu tiên.\n"
            "2. Căn cứ hướng dẫn của Sở Tài chính, Ủy ban nhân dân các huyện lập danh mục dự án "
            "trình Ủy ban nhân dân tỉnh trong quý II năm 2027.\n"
            "Căn cứ nội dung Kế hoạch này, Sở Xây dựng tổ chức thực hiện./.\n")
    doc = analyze_text(text)
    grounds = [t for t in doc.tasks if t.text.startswith("Căn cứ")]
    assert [t.text[:40] for t in grounds] == ["Căn cứ hướng dẫn của Sở Tài chính, Ủy ba"]
    assert [b.name for b in grounds[0].lead] == ["Ủy ban nhân dân các huyện"]
    assert grounds[0].deadline.end == date(2027, 6, 30)


NAME_LIST = """QUYẾT ĐỊNH
Về việc tổ chức lại Tổng công ty Vận tải thủy miền Trung
Điều 1. Các đơn vị thành viên của Tổng công ty gồm:
- Công ty cổ phần Cảng Tiên Sa;
- Công ty cổ phần Vận tải biển Hòa Vang;
- Công ty cổ phần Kho vận xây dựng miền Trung (Đà Nẵng);
- Công ty cổ phần Dịch vụ hàng hải Sơn Trà.
Điều 2. Giao Hội đồng thành viên Tổng công ty hoàn thành việc sắp xếp các đơn vị trước ngày 30/6/2027.
"""


def test_an_item_of_a_list_of_names_that_reads_as_a_name_and_a_verb_is_no_task():
    """"Công ty cổ phần Kho vận | xây dựng miền Trung" reads as a doer and its work, but its siblings are names alone
    and it opens as they do: it is a name too. The assignment after the list stays a task."""
    tasks = analyze_text(NAME_LIST, extractor="rules").tasks
    assert [t.text[:20] for t in tasks] == ["Giao Hội đồng thành "]


def test_an_item_that_assigns_work_stays_a_task_in_a_list_of_names():
    text = NAME_LIST.replace("- Công ty cổ phần Kho vận xây dựng miền Trung (Đà Nẵng);",
                             "- Công ty cổ phần Cảng Liên Chiểu có trách nhiệm bàn giao kho bãi;")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.text[:20] for t in tasks] == ["Công ty cổ phần Cảng", "Giao Hội đồng thành "]


@pytest.mark.parametrize("item", [
    # a body of state doing work in a list of names keeps its task: only enterprises' names read as name and verb
    "- Ủy ban nhân dân huyện Đak Pơ rà soát quỹ đất tái định cư.",
    # an enterprise with work after a colon, or with a deadline, keeps its task
    "- Công ty cổ phần Lương thực Ayun Pa: dự trữ 150 tấn gạo bình ổn giá.",
    "- Công ty cổ phần Kho vận Chư Sê bàn giao kho bãi trước ngày 30/6/2027.",
    # ... and one whose name is followed by work in lower case, not by more of its name
    "- Công ty cổ phần Thương mại Pleiku xây dựng kho lạnh bảo quản nông sản.",
])
def test_work_in_a_list_of_names_stays_a_task(item):
    text = ("QUYẾT ĐỊNH\nVề việc giao nhiệm vụ bình ổn thị trường\nĐiều 1. Các đơn vị tham gia gồm:\n"
            "- Ủy ban nhân dân huyện Chư Păh;\n- Ủy ban nhân dân huyện Ia Grai;\n"
            "- Công ty cổ phần Thương mại Pleiku;\n- Công ty cổ phần Vận tải Gia Lai;\n" + item + "\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.text for t in tasks] == [item[2:]]


def test_a_heading_of_activities_hands_down_no_owner():
    text = ("KẾ HOẠCH\nBảo đảm an toàn thực phẩm năm 2028\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Thanh tra, kiểm tra, xử lý vi phạm\n"
            "a) Tăng cường hậu kiểm các sản phẩm tự công bố trên thị trường.\n"
            "b) Sở Y tế chủ trì kiểm tra các bếp ăn tập thể trong quý II/2028.\n"
            "2. Lãnh đạo, chỉ đạo, điều hành\n"
            "a) Kiện toàn Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh.\n")
    doc = analyze_text(text, extractor="rules")
    assert [[b.name for b in t.lead] for t in doc.tasks] == [[], ["Sở Y tế"], []]


def test_an_item_opening_with_a_time_already_past_tells_what_happened():
    text = ("ĐẢNG BỘ TỈNH LÀO CAI | ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ TÂN HỢP | \n* | Tân Hợp, ngày 20 tháng 3 năm 2028\n"
            "Số 12-KL/ĐU |\n\nKẾT LUẬN\ncủa Ban Thường vụ Đảng ủy xã về công tác phòng, chống bệnh dại\n-----\n\n"
            "Ngày 10/3/2028, Ban Thường vụ Đảng ủy xã họp, nghe Trạm Y tế xã báo cáo tình hình bệnh dại quý I năm "
            "2028. Sau khi nghe ý kiến của các đồng chí dự họp, Ban Thường vụ kết luận như sau:\n"
            "1. Năm 2028, Trạm Y tế xã tiêm phòng dại cho 95% đàn chó trên địa bàn.\n"
            "2. Ngày 05/3/2028, các thôn cần rà soát lại số chó nuôi chưa tiêm phòng.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.text[:8] for t in tasks] == ["Năm 2028", "Ngày 05/"]


def _leads(text: str) -> list[list[str]]:
    """The lead names of every task the rules find in `text`."""
    return [[b.name for b in t.lead] for t in analyze_text(text, extractor="rules").tasks]


LETTER = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH | Độc lập - Tự do - Hạnh phúc\n"
          "Số: 905/UBND-NL | Hà Tĩnh, ngày 02 tháng 6 năm 2028\nV/v phòng, chống hạn hán vụ Hè Thu\n\n"
          "Kính gửi:\n- Sở Nông nghiệp và Môi trường;\n- Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh;\n"
          "- Ủy ban nhân dân các xã, phường.\n\n"
          "Để chủ động ứng phó với nắng nóng kéo dài, Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện các nội dung sau:\n"
          "1. Rà soát nguồn nước các hồ chứa, xây dựng phương án cấp nước tưới trước ngày 15/6/2028.\n"
          "2. Sở Nông nghiệp và Môi trường hướng dẫn chuyển đổi cây trồng trên diện tích thiếu nước.\n"
          "3. Báo cáo tình hình thiệt hại do hạn hán về Sở Nông nghiệp và Môi trường khi có yêu cầu.\n")


def test_a_letters_items_naming_no_doer_are_its_addressees_work():
    addressees = ["Sở Nông nghiệp và Môi trường", "Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh",
                  "Ủy ban nhân dân các xã, phường"]
    assert _leads(LETTER) == [addressees, ["Sở Nông nghiệp và Môi trường"], addressees]


def test_a_plan_with_no_letter_block_hands_down_no_addressee():
    plan = LETTER.replace("V/v phòng, chống hạn hán vụ Hè Thu\n", "").replace("Số: 905/UBND-NL", "Số: 905/KH-UBND")
    plan = plan.replace("Kính gửi:", "KẾ HOẠCH\nPhòng, chống hạn hán vụ Hè Thu\n").replace("- Sở Nông nghiệp và Môi trường;\n- Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh;\n- Ủy ban nhân dân các xã, phường.\n", "")
    assert _leads(plan) == [["các đơn vị"], ["Sở Nông nghiệp và Môi trường"], ["các đơn vị"]]


def test_a_letter_that_notifies_hands_its_addressees_nothing():
    text = LETTER.replace("Để chủ động ứng phó với nắng nóng kéo dài, Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện "
                          "các nội dung sau:", "Ủy ban nhân dân tỉnh thông báo lịch kiểm tra công tác chống hạn như sau:")
    assert _leads(text)[0] == []


def test_a_lead_in_pointing_at_units_outside_a_letter_keeps_them():
    text = ("KẾ HOẠCH\nCải cách hành chính năm 2028\nIII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Ủy ban nhân dân xã\n"
            "Đôn đốc, yêu cầu các đơn vị thực hiện các nội dung sau:\n"
            "a) Báo cáo kết quả cải cách hành chính hằng quý.\n")
    assert _leads(text) == [["các đơn vị"]]


def test_a_letter_may_point_back_at_its_addressees_as_comrades():
    text = LETTER.replace("đề nghị các đơn vị thực hiện", "đề nghị các đồng chí thực hiện")
    assert _leads(text)[0][0] == "Sở Nông nghiệp và Môi trường"


def test_a_heading_of_targets_to_be_handed_out_keeps_its_work():
    text = ("KẾ HOẠCH\nGiảm nghèo bền vững năm 2028\nII. NHIỆM VỤ\n1. Các chỉ tiêu về giảm nghèo giao cho các xã\n"
            "a) Ủy ban nhân dân các xã rà soát hộ nghèo trong quý I/2028.\n"
            "b) Hoàn thành chỉ tiêu giảm 2% hộ nghèo.\n")
    assert len(analyze_text(text, extractor="rules").tasks) == 2


def test_the_issuers_own_introduction_hands_down_no_owner():
    text = ("KẾ HOẠCH\nPhòng, chống bệnh dại năm 2028\n"
            "Năm 2027 bệnh dại còn xảy ra ở 6 xã. Để chủ động phòng bệnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
            "phòng, chống bệnh dại năm 2028, gồm những nội dung chính như sau:\n"
            "I. NHIỆM VỤ\n1. Tiêm phòng dại cho đàn chó, mèo trong quý II/2028.\n"
            "2. Sở Y tế bảo đảm đủ vắc xin cho người bị chó cắn.\n")
    assert _leads(text) == [[], ["Sở Y tế"]]


@pytest.mark.parametrize("lead_in", [
    "Thực hiện Công văn số 77/BXD-HTKT của Bộ Xây dựng, UBND tỉnh đề nghị các đơn vị thực hiện các nội dung "
    "sau:",                                                               # the request after a cited document
    "Để chủ động ứng phó, UBND tỉnh đề nghị:",                           # a request to nobody named
    "Thực hiện Chỉ thị số 09/CT-TTg, để bảo đảm nguồn nước, UBND tỉnh yêu cầu Thủ trưởng các đơn vị thực hiện các việc sau:",
])
def test_a_letters_request_reaches_its_addressees_however_it_opens(lead_in):
    text = LETTER.replace("Để chủ động ứng phó với nắng nóng kéo dài, Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện "
                          "các nội dung sau:", lead_in)
    assert _leads(text)[0][0] == "Sở Nông nghiệp và Môi trường" and len(_leads(text)[0]) == 3


@pytest.mark.parametrize("lead_in, lead", [
    ("Để kịp thời nắm tình hình, UBND tỉnh đề nghị các cơ quan báo chí thực hiện các nội dung sau:",
     ["các cơ quan báo chí"]),                                            # a narrower group, not the addressees
    ("UBND tỉnh giao Sở Xây dựng chủ trì thực hiện các nội dung sau, đề nghị các đơn vị phối hợp:",
     ["Sở Xây dựng"]),                                                   # a body named and asked
])
def test_a_letters_request_to_others_keeps_whom_it_names(lead_in, lead):
    text = LETTER.replace("Để chủ động ứng phó với nắng nóng kéo dài, Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện "
                          "các nội dung sau:", lead_in)
    assert _leads(text)[0] == lead


def test_another_body_issuing_its_own_plan_is_the_owner_of_what_follows():
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH | Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/KH-UBND | Hà Tĩnh, ngày 02 tháng 6 năm 2028\n\nKẾ HOẠCH\nPhòng, chống dịch bệnh năm 2028\n\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Căn cứ Kế hoạch này, Ủy ban nhân dân các xã, phường ban hành kế hoạch của địa "
            "phương, tập trung vào các nội dung sau:\na) Rà soát các ổ dịch cũ trên địa bàn.\n")
    assert _leads(text) == [["Ủy ban nhân dân các xã, phường"]]


def test_a_courtesy_line_after_a_letters_notice_hands_its_addressees_nothing():
    text = LETTER.replace("Để chủ động ứng phó với nắng nóng kéo dài, Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện "
                          "các nội dung sau:", "UBND tỉnh thông báo lịch kiểm tra công tác chống hạn như sau:")
    text += "UBND tỉnh đề nghị Thủ trưởng các đơn vị quan tâm, phối hợp thực hiện./.\n"
    assert _leads(text)[0] == []


def test_a_request_closing_a_report_section_makes_its_items_work():
    text = LETTER.replace("1. Rà soát nguồn nước", "1. Kết quả thực hiện vụ Đông Xuân\n"
                          "Vụ Đông Xuân, toàn tỉnh thiếu nước 1.200 ha. Trên cơ sở đó, đề nghị các đơn vị:\n"
                          "a) Đánh giá nguyên nhân thiếu nước tại từng hồ chứa.\n"
                          "b) Tổng hợp diện tích phải chuyển đổi cây trồng.\n2. Rà soát nguồn nước")
    texts = [t.text for t in analyze_text(text, extractor="rules").tasks]
    assert texts[0].startswith("Đánh giá nguyên nhân") and texts[1].startswith("Tổng hợp diện tích")
    assert not any(t.startswith("Vụ Đông Xuân") for t in texts)


def test_a_heading_singling_out_a_body_hands_it_its_items():
    text = LETTER + ("4. Riêng Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh\n"
                     "- Vận hành hồ chứa theo quy trình liên hồ.\n- Báo cáo mực nước hằng ngày.\n")
    assert _leads(text)[-2:] == [["Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh"]] * 2


def test_work_after_a_closing_request_in_the_same_paragraph_stays_a_task():
    text = ("KẾ HOẠCH\nBảo vệ rừng mùa khô năm 2027\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Hạt Kiểm lâm huyện theo dõi, tổng hợp kết quả.\n2. Ủy ban nhân dân các xã:\n"
            "a) Tổ chức trực phòng cháy rừng 24/24 giờ.\nb) Báo cáo kết quả trước ngày 30/6/2027.\n"
            "Yêu cầu Thủ trưởng các đơn vị và Chủ tịch Ủy ban nhân dân xã nghiêm túc triển khai thực hiện. "
            "Quá trình tổ chức trực, nếu có vướng mắc, các xã báo cáo ngay về Hạt Kiểm lâm huyện./.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert tasks[-1].text.startswith("Quá trình tổ chức trực") and tasks[-1].deadline.recurrence == "on_demand"
    assert not any(t.text.startswith("Yêu cầu Thủ trưởng") for t in tasks)


CONDITIONAL_CLOSE = ("CÔNG VĂN\nV/v phòng, chống sạt lở đất mùa mưa\n"
                     "1. Giao Phòng Kinh tế theo dõi, đôn đốc các đơn vị; tổng hợp kết quả trước ngày 15/9/2027.\n"
                     "Khi phát hiện vết nứt, sụt lún bất thường, các thôn, tổ dân phố báo cáo ngay về Ủy ban nhân dân xã. "
                     "Quá trình triển khai có vướng mắc, khó khăn, đề nghị các trường học phản ánh về Phòng Kinh tế.\n")


def test_a_report_on_a_condition_asked_of_other_doers_is_a_task_of_its_own():
    tasks = analyze_text(CONDITIONAL_CLOSE, extractor="rules").tasks
    assert [t.text[:12] for t in tasks] == ["Giao Phòng K", "Khi phát hiệ", "Quá trình tr"]
    assert [[b.name for b in t.lead] for t in tasks] == [["Phòng Kinh tế"], ["các thôn, tổ dân phố"],
                                                          ["các trường học"]]
    assert tasks[2].deadline.recurrence == "on_demand"


def test_a_report_on_a_condition_by_the_items_own_doer_stays_in_the_item():
    text = ("NGHỊ QUYẾT\nVề đề án giảm nghèo\nĐiều 2. Giao Ủy ban nhân dân tỉnh triển khai Nghị quyết này. "
            "Trường hợp cần điều chỉnh quy mô của Đề án, Ủy ban nhân dân tỉnh báo cáo Thường trực Hội đồng nhân dân "
            "tỉnh xem xét.\n")
    assert [t.text[:12] for t in analyze_text(text, extractor="rules").tasks] == ["Giao Ủy ban "]


def test_a_condition_naming_bodies_is_not_the_subject():
    text = ("QUY CHẾ\nPhối hợp cung cấp thông tin\nĐiều 5. Cung cấp thông tin\n1. Các sở gửi số liệu đúng hạn. "
            "Khi cơ quan Thuế, cơ quan Hải quan có yêu cầu thì các sở cung cấp thông tin bằng văn bản.\n")
    leads = _leads(text)
    assert "cơ quan Hải quan" not in [name for names in leads for name in names]


def test_label_lines_describe_their_heading_and_give_its_time():
    text = ("KẾ HOẠCH\nGiám sát chuyên đề năm 2027\nII. NỘI DUNG GIÁM SÁT\n"
            "1. Giám sát việc quản lý, sử dụng quỹ phòng, chống thiên tai\n- Đối tượng: Đảng ủy các xã ven biển.\n"
            "- Thời gian tiến hành: trong tháng 9 năm 2027.\n")
    tasks = analyze_text(text, extractor="rules").tasks
    assert [t.text[:30] for t in tasks] == ["Giám sát việc quản lý, sử dụng"]
    assert str(tasks[0].deadline.end) == "2027-09-30"


ITEM_HEAD = "KẾ HOẠCH\nPhòng, chống dịch bệnh gia súc năm 2027\nII. NHIỆM VỤ\n"


@pytest.mark.parametrize("item", [
    # the heading's doer or the item's own, "các" aside, asked a report on a condition: one task
    "1. Ủy ban nhân dân các xã\n- Chỉ đạo các thôn thống kê tổng đàn gia súc, hoàn thành trước ngày 30/4/2027. Khi phát "
    "hiện gia súc chết không rõ nguyên nhân, Ủy ban nhân dân các xã báo cáo ngay về Sở Nông nghiệp và Môi trường.\n",
    "1. Ủy ban nhân dân các xã rà soát, lập danh sách hộ chăn nuôi trước ngày 31/5/2027. Trường hợp khẩn cấp, Ủy ban "
    "nhân dân xã tổ chức di dời ngay các hộ dân.\n",
    # bodies named inside the condition, or those a report goes to, are no subject
    "1. Sở Tài chính chủ trì thẩm định dự toán của các đơn vị. Khi có văn bản hướng dẫn của Bộ Tài chính, Bộ Nội vụ, "
    "Sở Tài chính tổ chức tập huấn cho các đơn vị.\n",
    "1. Ủy ban nhân dân các xã rà soát danh sách hộ nghèo, hộ cận nghèo. Khi có kết quả rà soát, gửi Sở Nông nghiệp "
    "và Môi trường, Sở Tài chính tổng hợp trước ngày 15/11/2027.\n",
])
def test_a_report_on_a_condition_by_the_same_doer_stays_one_task(item):
    assert len(analyze_text(ITEM_HEAD + item, extractor="rules").tasks) == 1


def test_an_activitys_content_line_is_its_task():
    text = ("KẾ HOẠCH\nTổ chức Ngày hội văn hóa năm 2027\nII. NỘI DUNG\n1. Hoạt động tuyên truyền\n"
            "- Nội dung: Sở Văn hóa, Thể thao và Du lịch chủ trì treo băng rôn, khẩu hiệu trước ngày 25/8/2027.\n"
            "2. Hoạt động thể thao\n- Nội dung: Các xã tổ chức giải bóng chuyền hơi trong tháng 9 năm 2027.\n")
    assert _leads(text) == [["Sở Văn hóa, Thể thao và Du lịch"], ["Các xã"]]


def test_a_funding_paragraph_that_hands_someone_work_is_a_task():
    text = ("KẾ HOẠCH\nGiảm nghèo năm 2027\nIV. KINH PHÍ\nKinh phí thực hiện được bố trí từ nguồn ngân sách tỉnh; việc "
            "hướng dẫn sử dụng nguồn kinh phí hỗ trợ các hộ nghèo giao cho Sở Tài chính theo dõi, kiểm tra.\n")
    assert len(analyze_text(text, extractor="rules").tasks) == 1


def test_a_list_of_shortcomings_is_not_work():
    text = ("CHỈ THỊ\nVề phòng, chống đuối nước trẻ em\n"
            "Công tác phòng, chống đuối nước có chuyển biến. Tuy nhiên, vẫn còn những hạn chế, bất cập chủ yếu sau:\n"
            "- Số trẻ em bị đuối nước còn cao, nhất là vào dịp hè;\n"
            "- Nhiều ao, hồ, sông, suối chưa có biển cảnh báo.\n"
            "Nhằm khắc phục tình trạng trên, Ban Thường vụ Tỉnh ủy yêu cầu thực hiện tốt các nội dung sau:\n"
            "1. Sở Giáo dục và Đào tạo mở lớp dạy bơi cho học sinh tiểu học.\n")
    assert [t.text[:18] for t in analyze_text(text, extractor="rules").tasks] == ["Sở Giáo dục và Đào"]


@pytest.mark.parametrize("lead_in", ["Để khắc phục những hạn chế sau:",
                                     "Ủy ban nhân dân tỉnh yêu cầu tập trung tháo gỡ các khó khăn, vướng mắc sau:"])
def test_setting_out_to_fix_shortcomings_is_work(lead_in):
    text = ("KẾ HOẠCH\nCải cách hành chính năm 2027\nII. NHIỆM VỤ\n" + lead_in + "\n"
            "1. Sở Nội vụ rà soát, sắp xếp lại vị trí việc làm.\n2. Sở Tư pháp rà soát thủ tục hành chính.\n")
    assert _leads(text) == [["Sở Nội vụ"], ["Sở Tư pháp"]]


def test_a_request_told_in_a_report_is_no_work():
    text = ("BÁO CÁO\nKết quả phòng, chống dịch 6 tháng\nI. KẾT QUẢ THỰC HIỆN\n"
            "Thực hiện Kế hoạch số 40/KH-UBND, Ủy ban nhân dân tỉnh đã giao các sở, ngành:\n"
            "a) Sở Y tế tổ chức tiêm vắc xin cho 96% trẻ em dưới 1 tuổi.\n"
            "b) Sở Giáo dục và Đào tạo kiểm tra vệ sinh trường học.\n")
    assert _leads(text) == []


def test_a_scope_singled_out_before_a_comma_is_not_the_doer():
    text = LETTER + "4. Riêng các xã miền núi, Ủy ban nhân dân các xã bố trí lực lượng canh giữ hồ đập.\n"
    assert _leads(text)[-1] == ["Ủy ban nhân dân các xã"]


def test_timetable_rows_a_heading_hands_to_a_body_stay_its_work():
    text = ("KẾ HOẠCH\nBảo đảm an toàn thực phẩm năm 2027\nII. NHIỆM VỤ\n1. Ủy ban nhân dân các xã\n"
            "Quý II/2027 | Ký cam kết an toàn thực phẩm với các hộ kinh doanh\n"
            "Quý III/2027 | Kiểm tra việc thực hiện cam kết\n")
    assert _leads(text) == [["Ủy ban nhân dân các xã"]] * 2


def test_a_courtesy_close_and_what_follows_it_make_no_task():
    text = LETTER + ("Trân trọng cảm ơn sự phối hợp của Quý cơ quan. Thông tin chi tiết xin liên hệ Phòng Tổng hợp, "
                     "số điện thoại 0239.3811.222./.\n")
    assert len(_leads(text)) == 3


def test_targets_a_heading_hands_to_a_body_stay_its_work_and_a_report_form_does_not():
    text = ("KẾ HOẠCH\nChuyển đổi số năm 2027\nII. NHIỆM VỤ\n1. Phòng Văn hóa và Thông tin:\n"
            "a) Tỷ lệ thôn có sóng di động 4G phấn đấu đạt 100% trong năm 2027.\n"
            "b) Số người dân được hướng dẫn cài đặt ứng dụng công dân số tăng ít nhất 30%.\n"
            "PHỤ LỤC\nMẪU BÁO CÁO\nSố thôn đã phủ sóng di động 4G\nTỷ lệ người dân có tài khoản định danh\n")
    assert _leads(text) == [["Phòng Văn hóa và Thông tin"]] * 2
