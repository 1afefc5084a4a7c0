"""What looks like an item but is not a task (ANNOTATION.md §2)."""
import pytest

from service.pipeline import analyze_text
from service.structure.non_tasks import indicator, reason, schedule_row


@pytest.mark.parametrize("text, why", [
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp chịu trách nhiệm thi hành Quyết định này./.", "executing"),
    ("Quyết định này có hiệu lực thi hành từ ngày ban hành.", "executing"),
    ("Văn phòng Bộ xin thông báo để Thủ trưởng các đơn vị biết, thực hiện.", "courtesy"),
    ("Sở Y tế trân trọng báo cáo Bộ Y tế./.", "courtesy"),
    ("(Danh mục nhiệm vụ chi tiết tại Phụ lục kèm theo)", "pointers"),
    ("Kinh phí triển khai các hoạt động của Đề án được bố trí từ ngân sách tỉnh và nguồn xã hội hóa.", "funding"),
    ("Các nhiệm vụ cụ thể như sau:", "lead_in"),
    ("Tổng công ty Bưu chính Việt Nam;", "bodies_only"),
    ("Ủy ban nhân dân tỉnh hưng yên", "bodies_only"),           # a header line whose case was lost
    ("Giám đốc Sở Tài chính, Chủ tịch Ủy ban nhân dân các huyện căn cứ Quyết định này thi hành.", "executing"),
    ("2.", "no_words"),
    # money allocated "giao cho" a body assigns it nothing
    ("Kinh phí thực hiện được bảo đảm từ dự toán ngân sách giao cho Sở Y tế hằng năm và nguồn viện trợ.", "funding"),
    # ... also from a named source and a year ("nguồn sự nghiệp … năm 2027 giao cho các đơn vị")
    ("Kinh phí được bố trí từ nguồn sự nghiệp giáo dục năm 2027 giao cho các trường, nguồn xã hội hóa hợp pháp.", "funding"),
    ("Kinh phí được bố trí trong dự toán ngân sách xã năm 2027 giao cho Phòng Văn hóa - Xã hội và huy động từ nguồn "
     "xã hội hóa.", "funding"),
    # the courtesy close of a letter, attention and coordination asked
    ("Sở Xây dựng đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.", "closing"),
    # the marks of signatures
    ("(Đã ký) | (Đã ký)", "signature"),
])
def test_reasons(text, why):
    assert reason(text) == why


@pytest.mark.parametrize("text", [
    "Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.",
    "Kinh phí được bảo đảm từ ngân sách tỉnh và giao cho Sở Tài chính chủ trì thẩm định dự toán của các đơn vị.",
    "Đề nghị Công an tỉnh phối hợp thực hiện.",                  # coordination asked of a body by name
    "Tổng kinh phí dự kiến 2,4 tỷ đồng, giao Phòng Tài chính - Kế hoạch tham mưu bố trí.",
    "Quý III/2027 | Công an tỉnh tổ chức diễn tập chữa cháy tại chợ trung tâm",    # a doer named in the row
    "Đề nghị Sở Y tế phối hợp thực hiện và báo cáo kết quả trước ngày 30/9/2027.",
    "Hoàn thành việc rà soát trong năm 2025. Theo đó, các đơn vị báo cáo kết quả:",
    "Chủ tịch Ủy ban nhân dân xã chịu trách nhiệm trước Ủy ban nhân dân huyện nếu để xảy ra vi phạm về đất đai.",
    # roles and conditional instructions
    "Sở Y tế là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành tham mưu Ban Chỉ đạo tỉnh kiểm tra việc thực hiện.",
    "Ủy ban nhân dân các huyện, thành phố là đầu mối tổ chức thực hiện.",
    "Sở Y tế là cơ quan chủ trì, chịu trách nhiệm tổng hợp báo cáo.",
    "Đối với các xã có ổ dịch cũ thì chỉ đạo giám sát chặt chẽ, tiêm phòng bổ sung.",
    "Trường hợp phát hiện ổ dịch thì không để lây lan, phải khoanh vùng, xử lý.",
    "Nếu có khó khăn, vướng mắc thì được kịp thời báo cáo Ủy ban nhân dân tỉnh.",
    "Ủy ban nhân dân các xã kiểm tra",
    "Sở Y tế hướng dẫn",
    "Văn phòng Ủy ban nhân dân huyện thẩm định",          # a body ending in a level, then a verb
    "Ủy ban nhân dân xã chủ trì",
    "Căn cứ Quyết định thi hành án số 05/QĐ-CCTHADS, đề nghị Ủy ban nhân dân xã phối hợp cưỡng chế.",
])
def test_tasks_stay_tasks(text):
    assert reason(text) is None


def test_a_funding_sentence_before_an_assignment_leaves_the_assignment():
    text = ("KẾ HOẠCH\nPhòng chống dịch bệnh\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Kinh phí thực hiện được bố trí từ ngân sách tỉnh. Hằng năm, các đơn vị được giao nhiệm vụ "
            "có trách nhiệm lập dự toán gửi Sở Tài chính.\n")
    tasks = analyze_text(text).tasks
    assert len(tasks) == 1 and tasks[0].text.startswith("Hằng năm, các đơn vị")
    assert [b.name for b in tasks[0].lead] == ["các đơn vị được giao nhiệm vụ"]
    assert tasks[0].deadline.recurrence == "yearly"


@pytest.mark.parametrize("text, why", [
    ("Tên đề án: Phát triển du lịch cộng đồng tỉnh Hà Giang giai đoạn 2026 - 2030.", "label_value"),
    ("Thời gian thực hiện: từ năm 2026 đến năm 2030.", "label_value"),
    ("Năm 2027: 12.500.000.000 đồng", "label_value"),
    ("Đối với chi hội ở thôn: 12.500 đồng / hội viên / năm;", "label_value"),
    ("Tiêu chí phân bổ: Tính theo số hội viên;", "label_value"),
    ("Tổng số hồ sơ đã tiếp nhận: 418", "label_value"),
    ("Việc sản xuất giống cây lâm nghiệp còn phân tán, chất lượng chưa đồng đều.", "narrative"),
    ("Trong thời gian qua, công tác cải cách hành chính đã có nhiều chuyển biến tích cực.", "narrative"),
    # a long clause between the opener and the tense word
    ("Thời gian qua, kể từ khi Luật Đất đai năm 2024 có hiệu lực thi hành, công tác cấp giấy chứng nhận quyền sử "
     "dụng đất trên địa bàn huyện đã có nhiều chuyển biến rõ rệt.", "narrative"),
    ("Thời gian qua, kể từ khi Luật Đất đai năm 2024 có hiệu lực thi hành, công tác cấp giấy chứng nhận quyền sử "
     "dụng đất trên địa bàn huyện cần được đẩy nhanh hơn nữa.", None),
    # entry into force of another act is a condition, not this document's executing clause
    ("Ban hành quy định về chế độ phụ cấp đối với lực lượng bảo vệ dân phố khi Luật Lực lượng tham gia bảo vệ an "
     "ninh, trật tự ở cơ sở có hiệu lực thi hành.", None),
    ("Quyết định này có hiệu lực thi hành kể từ ngày ký.", "executing"),
])
def test_labels_with_values_and_report_narrative(text, why):
    assert reason(text) == why


def test_narrative_with_a_directive_stays_a_task():
    assert reason("Việc kiểm tra đã chậm, vì vậy các đơn vị cần khẩn trương hoàn thành trước ngày 30/6.") is None


LETTERS = """BÁO CÁO
Tình hình triển khai công việc tháng 4 và kế hoạch tháng 5 năm 2026
A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 4
1. Đã tổ chức 03 hội nghị tập huấn cho cán bộ cấp xã.
B. NHIỆM VỤ TRỌNG TÂM THÁNG 5
1. Hoàn thành dự thảo Quy chế phối hợp, trình Ủy ban nhân dân tỉnh trước ngày 20/5/2026.
2. Phòng Tổ chức cán bộ rà soát, bổ sung quy hoạch cán bộ. Văn phòng Sở tổng hợp kết quả, báo cáo Giám đốc Sở.
Ii. TỔ CHỨC THỰC HIỆN
Các phòng chuyên môn xây dựng kế hoạch chi tiết.
"""


def test_letter_headings_and_items_that_name_two_doers():
    from service.pipeline import analyze_text
    tasks = analyze_text(LETTERS).tasks
    texts = [t.text for t in tasks]
    assert not any(t.startswith("Đã tổ chức") for t in texts)           # the report part (A) has no tasks
    assert texts[0].startswith("Hoàn thành dự thảo Quy chế")
    two = [t for t in tasks if t.text.startswith(("Phòng Tổ chức", "Văn phòng Sở"))]
    assert [[b.name for b in t.lead] for t in two] == [["Phòng Tổ chức cán bộ"], ["Văn phòng Sở"]]
    assert texts[-1].startswith("Các phòng chuyên môn")                # under "Ii." (case lost in export)


@pytest.mark.parametrize("text, why", [
    ("Là trung tâm dịch vụ logistics của vùng duyên hải.", "description"),
    ("Căn cứ Quyết định số: 45/QĐ-UBND ngày 10 tháng 3 năm 2027 của Ủy ban nhân dân tỉnh;", "basis"),
    ("Cấp quyết định: Chủ tịch Ủy ban nhân dân tỉnh;", "label_value"),
    ("Nhóm A: 12 trạm (3 trạm cấp vùng)", "label_value"),
    ("Hội thảo đã thống nhất được nhiều kiến nghị quan trọng về quản lý rừng.", "narrative"),
    ("Khu vực kho ngoại quan;", "noun_phrase"),
    ("Sau khi xem xét Tờ trình số 45/TTr-UBND ngày 02 tháng 4 năm 2027 của Ủy ban nhân dân tỉnh,", "basis"),
    ("Hội đồng nhân dân tỉnh Quảng Ngãi khóa XIII, kỳ họp thứ 5", "session"),
    ("Hội đồng nhân dân huyện khoá XX , kỳ họp chuyên đề .", "session"),
])
def test_descriptions_preamble_lines_statements_and_bare_noun_phrases(text, why):
    assert reason(text) == why


@pytest.mark.parametrize("text", [
    "Cơ quan thẩm định: Sở Xây dựng;",
    "Tổ chức hội nghị tập huấn ngay sau khi các văn bản hướng dẫn được ban hành.",
    "Rà soát các dự án đã được phê duyệt.",
    "Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh báo cáo kết quả tại kỳ họp thứ 10.",
    "Tại kỳ họp thứ 6, Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện các chỉ tiêu.",
    "Sau khi xem xét hồ sơ, Ủy ban nhân dân huyện yêu cầu Phòng Kinh tế kiểm tra hiện trạng công trình.",
    # a role given to the body of the heading above ("2. Sở Y tế" / "- Là cơ quan đầu mối, …")
    "Là cơ quan đầu mối, theo dõi, tổng hợp tình hình thực hiện Kế hoạch của các địa phương.",
    "- Là cơ quan thường trực, hướng dẫn các xã lập hồ sơ đề nghị công nhận.",
])
def test_owner_labels_and_actions_stay_tasks(text):
    assert reason(text) is None


@pytest.mark.parametrize("text", [
    "Căn cứ kế hoạch vốn được giao, Công ty Cấp nước tỉnh lập dự toán chi tiết, trình Sở Tài chính thẩm định.",
    "Căn cứ hướng dẫn của Bộ Nội vụ, rà soát và đề xuất sắp xếp các đơn vị sự nghiệp trực thuộc.",
    "Căn cứ vào chức năng, nhiệm vụ được giao, thường xuyên kiểm tra việc chấp hành quy định về an toàn thực phẩm.",
    "Căn cứ Quy chế này, Phòng Nội vụ các huyện lập danh mục hồ sơ nộp lưu hằng năm.",
    "- Căn cứ dự toán được giao, Trung tâm Y tế huyện lập kế hoạch mua sắm thuốc.",
    "Căn cứ vào tình hình thực tế, chủ động bố trí kinh phí cho công tác tuyên truyền.",
    "Căn cứ Quyết định này, Sở Tài chính hướng dẫn việc thanh quyết toán.",
    "Căn cứ hướng dẫn của Sở, Ủy ban nhân dân các xã ban hành kế hoạch thực hiện trước ngày 30/6/2027.",
])
def test_grounds_followed_by_work_are_tasks(text):
    assert reason(text) is None


@pytest.mark.parametrize("text", [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Kế hoạch số 45/KH-UBND ngày 10/3/2027 của UBND tỉnh về tuyên truyền, phổ biến giáo dục pháp luật.",
    "Căn cứ Kế hoạch số 45/KH-UBND ngày 10/3/2027 của UBND tỉnh, Ủy ban nhân dân huyện ban hành Kế hoạch như sau.",
    "Căn cứ nội dung Công văn này, Sở Y tế và Sở Giáo dục và Đào tạo triển khai thực hiện./.",
    "Căn cứ ý kiến chỉ đạo trên, đề nghị Ban Quản lý các khu công nghiệp tổ chức thực hiện.",
    "Căn cứ nội dung Kế hoạch này, các phòng, ban tổ chức thực hiện nghiêm túc, kịp thời./.",
    # a cited document's name may hold a verb after a comma
    "Căn cứ Luật Phòng, chống thiên tai năm 2013.",
    "Căn cứ Luật Thi đua, khen thưởng, Luật Cán bộ, công chức.",
    "Căn cứ Quyết định số 9/2027/QĐ-UBND của tỉnh, Ủy ban nhân dân huyện ban hành Kế hoạch thực hiện trên địa bàn.",
])
def test_citations_and_the_closing_instruction_stay_basis(text):
    assert reason(text) == "basis"


@pytest.mark.parametrize("text, why", [
    ("Giai đoạn 2026 - 2028: xây dựng mới khoảng 35 km kè chống sạt lở;", "label_value"),
    ("Thời kỳ sau năm 2030: tập trung mở rộng mạng lưới cấp nước về các xã vùng cao.", "label_value"),
    ("Giai đoạn từ nay đến năm 2028: cải tạo khoảng 40 km kênh tưới;", "label_value"),
    ("Khu vực 2: Gồm 6 xã phía tây huyện với tổng diện tích khoảng 1.200 ha.", "description"),
    ("Tiểu vùng B: bao gồm các xã ven sông Hồng.", "description"),
    ("Gạch không nung: đạt 120 triệu viên/năm vào năm 2028;", "target"),
    ("Tinh bột sắn: duy trì mức 30 nghìn tấn/năm đến năm 2030.", "target"),
])
def test_phases_parts_and_output_levels_of_a_scheme_are_not_tasks(text, why):
    assert reason(text) == why


@pytest.mark.parametrize("text", [
    "Giai đoạn 2026 - 2028: Sở Xây dựng chủ trì lập hồ sơ đầu tư các tuyến kè trọng điểm.",   # a doer follows
    "Năm 2027: xây dựng 02 trạm bơm tại xã Tân Lập.",                                         # a year, not a phase
    "Sở Y tế: là cơ quan thường trực, chủ trì tổng hợp kết quả thực hiện.",                    # a role
    "Sở Công Thương: đạt được sự đồng thuận của doanh nghiệp trước khi trình phương án.",        # no figure
    "Thành lập 03 đoàn kiểm tra liên ngành: gồm đại diện Sở Y tế, Công an tỉnh và Sở Công Thương.",  # an action
    "Công an tỉnh: là lực lượng nòng cốt, chủ trì phối hợp với các đơn vị triển khai thực hiện.",   # a body
    "Năm 2026: là năm bản lề, các sở, ngành tập trung hoàn thành 100% chỉ tiêu được giao.",         # work asked
    "Ủy ban nhân dân thành phố: đạt 100% hộ gia đình sử dụng nước sạch vào năm 2028.",            # a body
    "Giai đoạn cao điểm mùa khô: tổ chức trực 24/24 giờ tại các trạm bảo vệ rừng.",                # no period
    "Giai đoạn 2026 - 2030, các xã phải hoàn thành: cứng hóa 100% đường trục xã.",                 # a doer
])
def test_labelled_work_stays_a_task(text):
    assert reason(text) is None


@pytest.mark.parametrize("text", [
    "Ủy ban nhân dân huyện yêu cầu Trưởng phòng Nội vụ và Trưởng phòng Tài chính - Kế hoạch triển khai thực hiện "
    "nghiêm túc Kế hoạch này./.",
    "Đề nghị các đơn vị trực thuộc Sở triển khai thực hiện.",
    "Yêu cầu Giám đốc các sở, ngành, Chủ tịch UBND cấp huyện chịu trách nhiệm thực hiện nghiêm chỉnh Chỉ thị này.",
    "Sở Nội vụ đề nghị các phòng chuyên môn triển khai thực hiện kịp thời nội dung công văn này.",
    "Yêu cầu các phòng, ban chuyên môn khẩn trương triển khai thực hiện Công điện này.",
    # several manner words, and the attention asked of the heads
    "Đề nghị Giám đốc các sở, ngành và Chủ tịch UBND các xã khẩn trương, nghiêm túc thực hiện./.",
    "Sở Nội vụ đề nghị Thủ trưởng các cơ quan quan tâm, chỉ đạo triển khai thực hiện./.",
    "Đề nghị các cấp ủy, chính quyền quan tâm lãnh đạo, chỉ đạo thực hiện có hiệu quả Kế hoạch này./.",
])
def test_a_closing_request_to_carry_out_the_document_is_no_task(text):
    assert reason(text) == "closing"


@pytest.mark.parametrize("text", [
    "Giao Ủy ban nhân dân huyện triển khai thực hiện Nghị quyết này.",                 # "giao" hands work
    "Ủy ban nhân dân huyện yêu cầu Trưởng các phòng chuyên môn triển khai Chỉ thị này, đồng thời gửi báo cáo "
    "kết quả về Văn phòng trước ngày 15/12/2027.",                                      # more work after it
    "Yêu cầu các sở, ngành triển khai thực hiện Đề án tuyển sinh năm 2027.",           # another document
    "Đề nghị Sở Tài chính thẩm định dự toán kinh phí thực hiện Kế hoạch này.",
    "Phòng Văn hóa huyện có trách nhiệm theo dõi việc thực hiện Kế hoạch này.",        # no request word
    "Theo yêu cầu nhiệm vụ, Công an huyện triển khai thực hiện kịp thời.",              # the word opens a phrase
    "Đề nghị Ủy ban nhân dân các xã chỉ đạo rà soát hộ nghèo trước ngày 30/9/2027.",   # work named
])
def test_requests_that_hand_work_stay_tasks(text):
    assert reason(text) is None


@pytest.mark.parametrize("text, why", [
    ("Người cao tuổi thuộc hộ nghèo được hỗ trợ 100% kinh phí mua thẻ bảo hiểm y tế.", "standing_rule"),
    ("Cơ quan thu phí được trích 15% trên tổng số phí thu được để chi cho công tác thu.", "standing_rule"),
    ("Đối với nhà ở tại đô thị: mức thu từ 0,1% đến 0,4% chi phí xây dựng.", "standing_rule"),
    # assignments that only mention an entitlement stay tasks
    ("Sở Tài chính có trách nhiệm hướng dẫn các đơn vị được trích lại phí sử dụng đúng quy định.", None),
    ("Rà soát, lập danh sách hộ nghèo được hỗ trợ nhà ở, hoàn thành trong quý III/2026.", None),
    ("Các doanh nghiệp được ưu tiên thuê đất phải cam kết tiến độ đầu tư.", None),
])
def test_standing_rules_of_a_scheme_are_not_tasks(text, why):
    assert reason(text) == why


@pytest.mark.parametrize("text, why", [
    ("Ngân sách tỉnh hỗ trợ 150 triệu đồng cho mỗi cụm công nghiệp ở huyện miền núi.", "funding"),
    ("Quỹ khuyến nông hỗ trợ giống cây trồng cho hộ nghèo.", "funding"),
    ("Sở Tài chính cân đối ngân sách tỉnh hỗ trợ các huyện thực hiện Đề án.", None),
    ("Quy hoạch quỹ đất ở cho các hộ tái định cư.", None),
])
def test_a_budget_that_pays_assigns_nobody(text, why):
    assert reason(text) == why


@pytest.mark.parametrize("text, why", [
    ("Lệ phí trước bạ là khoản thu nộp toàn bộ vào ngân sách nhà nước.", "description"),
    ("Năm 2027 là năm cuối của giai đoạn 2021 - 2027.", "description"),
    ("Trung tâm Dịch vụ việc làm tỉnh là đơn vị sự nghiệp công lập trực thuộc Sở Nội vụ.", "description"),
    ("Trường hợp hồ sơ đã nộp trước ngày Quyết định này có hiệu lực thì tiếp tục được giải quyết theo quy định cũ.",
     "standing_rule"),
    ("Đối với các hộ đã nhận tiền bồi thường một lần thì không xem xét hỗ trợ bổ sung.", "standing_rule"),
    ("Bệnh binh, thân nhân của bệnh binh hạng một;", "noun_phrase"),
])
def test_definitions_provisions_and_lists_of_things(text, why):
    assert reason(text) == why


@pytest.mark.parametrize("text", [
    "Hai là, đổi mới phương thức lãnh đạo của cấp ủy đối với công tác dân vận.",
    "Chợ đầu mối là đầu mối tiêu thụ nông sản nên cần được ưu tiên bố trí vốn cải tạo.",
    "Trường hợp phát sinh vướng mắc thì báo cáo Ủy ban nhân dân tỉnh để chỉ đạo giải quyết.",
    "Dự án đường nối trung tâm huyện với cửa khẩu phụ: khoảng 120 tỷ đồng, dài 14 km;",
    "Đường giao thông liên xã Tân Lập - Hòa Sơn, chiều dài 5 km;",
    "Trường mầm non xã Tân Lập, quy mô 8 phòng học;",
    "Công tác tuyên truyền, phổ biến kiến thức về phòng cháy, chữa cháy trong khu dân cư.",
])
def test_enumerations_directives_and_projects_stay_tasks(text):
    assert reason(text) is None


def test_a_board_and_its_members_duties():
    """Composition formulas are no tasks; "X có nhiệm vụ:" hands X to its items; the next "Điều" is not
    one of those items."""
    text = ("QUYẾT ĐỊNH\nThành lập Ban Chỉ đạo Ngày hội văn hóa các dân tộc năm 2027\n"
            "Điều 2. Ban Chỉ đạo do Phó Chủ tịch Ủy ban nhân dân tỉnh làm Trưởng ban.\n"
            "Điều 3. Thành lập Tổ giúp việc cho Ban Chỉ đạo.\nTổ giúp việc có nhiệm vụ:\n"
            "- Tổng hợp báo cáo tiến độ chuẩn bị Ngày hội hằng tuần;\n"
            "- Chuẩn bị tài liệu cho các phiên họp của Ban Chỉ đạo.\n"
            "Điều 4. Giao Sở Văn hóa, Thể thao và Du lịch bố trí kinh phí tổ chức Ngày hội.\n")
    tasks = analyze_text(text).tasks
    assert [t.text[:20] for t in tasks] == ["Tổng hợp báo cáo tiế", "Chuẩn bị tài liệu ch", "Giao Sở Văn hóa, Thể"]
    assert [[b.name for b in t.lead] for t in tasks] == [["Tổ giúp việc"], ["Tổ giúp việc"],
                                                         ["Sở Văn hóa, Thể thao và Du lịch"]]


ARTICLE = """Phát triển kinh tế tập thể ở vùng trung du - mấy vấn đề đặt ra
Những năm gần đây, kinh tế tập thể ở các tỉnh trung du đã có bước phát triển khá.
1. Thực trạng
Số hợp tác xã tăng nhanh, nhưng quy mô còn nhỏ, vốn còn ít.
Nhiều hợp tác xã hoạt động cầm chừng, chưa gắn với thị trường.
2. Một số giải pháp
Các địa phương cần rà soát, sắp xếp lại các hợp tác xã yếu kém trong năm 2027.
Kinh nghiệm ở nhiều nơi cho thấy vai trò quyết định của người đứng đầu hợp tác xã.
Hợp tác xã là hình thức tổ chức kinh tế dựa trên sở hữu của các thành viên.
"""


def test_in_an_article_only_what_directs_is_a_task():
    doc = analyze_text(ARTICLE)
    assert doc.metadata.kind == "khac" and doc.metadata.title is None
    assert [t.text[:22] for t in doc.tasks] == ["Các địa phương cần rà "]


def test_a_plan_titled_on_its_first_line_before_its_basis_is_a_plan():
    text = ("Kế hoạch hỗ trợ hộ nghèo sửa chữa nhà ở năm 2027\n"
            "Thực hiện Quyết định số 12/2026/QĐ-UBND ngày 10/3/2026 của Ủy ban nhân dân tỉnh về hỗ trợ nhà ở, "
            "Ủy ban nhân dân huyện xây dựng kế hoạch như sau:\n"
            "1. Rà soát danh sách hộ nghèo có nhà ở hư hỏng, xong trước ngày 30/6/2027.\n")
    doc = analyze_text(text)
    assert doc.metadata.kind == "ke_hoach"
    assert [t.text[:10] for t in doc.tasks] == ["Rà soát da"]


RULES = """QUYẾT ĐỊNH
Quy định tỷ lệ phân chia nguồn thu giữa ngân sách tỉnh và ngân sách huyện năm 2027
Điều 1. Các khoản thu ngân sách cấp huyện hưởng 100%:
- Thuế môn bài thu từ hộ kinh doanh cá thể;
- Lệ phí trước bạ nhà, đất;
- Thu từ quỹ đất công ích của xã.
Điều 2. Giao Sở Tài chính hướng dẫn các huyện lập dự toán thu theo tỷ lệ tại Điều 1.
"""


def test_a_rule_setting_decision_lists_provisions_not_tasks():
    doc = analyze_text(RULES, extractor="rules")
    assert doc.metadata.kind == "quyet_dinh"
    assert [t.text[:20] for t in doc.tasks] == ["Giao Sở Tài chính hư"]
    plan = analyze_text(RULES.replace("Quy định tỷ lệ phân chia nguồn thu giữa ngân sách tỉnh và ngân sách huyện",
                                      "Ban hành Kế hoạch thu ngân sách"), extractor="rules")
    assert len(plan.tasks) > 1                      # a plan's ownerless items stay tasks


def test_the_default_extractor_keeps_the_assignment_of_a_rule_setting_decision():
    """The task filter keeps an item that names its lead in its own words ("Giao Sở … hướng dẫn …"), deadline
    or not."""
    pytest.importorskip("torch")
    assert [t.text[:20] for t in analyze_text(RULES).tasks] == ["Giao Sở Tài chính hư"]


def test_a_mandate_keeps_work_with_its_own_lead_and_drops_the_stock_remit_line():
    from service.genre import genre
    text = ("QUYẾT ĐỊNH\nQuy định chức năng, nhiệm vụ, quyền hạn của Sở Nông nghiệp\n"
            "Điều 1. Sở Nông nghiệp có các nhiệm vụ sau:\n"
            "1. Thẩm định hồ sơ cấp phép khai thác gỗ rừng trồng;\n"
            "2. Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao.\n"
            "Điều 2. Sở Nội vụ chủ trì và phối hợp với Sở Nông nghiệp rà soát biên chế trước ngày 30/6/2027.\n")
    doc = analyze_text(text)
    assert genre(doc.metadata) == "mandate"
    assert [t.text[:12] for t in doc.tasks] == ["Sở Nội vụ ch"]


def test_a_weekday_is_no_list_marker():
    text = ("KẾ HOẠCH\nTổ chức Tuần lễ văn hóa du lịch năm 2027\nLịch tổ chức:\n"
            "Thứ năm, ngày 15 tháng 10 năm 2027: khai mạc.\nThứ sáu, ngày 16 tháng 10 năm 2027: họp báo.\n")
    assert not any(t.text.startswith("ngày 1") for t in analyze_text(text).tasks)


@pytest.mark.parametrize("text", ["Tổng kinh phí dự kiến khoảng 92,5 tỷ đồng.",
                                  "Tổng kinh phí thực hiện năm 2028 dự kiến 3,2 tỷ đồng, đã được bố trí trong dự toán."])
def test_an_estimate_of_the_funds_is_no_task(text):
    assert reason(text) in ("funding", "narrative")


def test_an_estimate_of_the_funds_that_assigns_someone_is_a_task():
    assert reason("Tổng kinh phí dự kiến 2,4 tỷ đồng, giao Phòng Tài chính - Kế hoạch tham mưu bố trí từ ngân sách xã.") \
        is None


@pytest.mark.parametrize("text, row", [
    ("Tháng 9 - 10/2027 | Hội thi tìm hiểu pháp luật về phòng cháy, chữa cháy", True),
    ("Tháng 5/2027 | Hội nghị triển khai; yêu cầu các xã báo cáo kết quả", False),     # something asked in the row
    ("Quý III/2027 | Công an tỉnh tổ chức diễn tập chữa cháy tại chợ trung tâm", False),  # a doer named
    ("Hội nghị sơ kết | Tháng 6/2027", False),                                           # no time first
])
def test_one_line_timetable_rows(text, row):
    assert schedule_row(text) is row


@pytest.mark.parametrize("text, named", [
    ("Số trạm cân được kiểm định trong kỳ báo cáo", True),                  # a report form's row
    ("Tỷ lệ hồ sơ được giải quyết đúng hạn", True),
    ("Tỷ lệ giải ngân phải đạt trên 95%; giao Sở Tài chính theo dõi, đôn đốc.", False),    # one assigned
    ("Tỷ lệ hồ sơ trực tuyến đạt trên 80%, Văn phòng Ủy ban nhân dân huyện theo dõi.", False),   # a body acts
    ("Số hoá hồ sơ lưu trữ của huyện, hoàn thành trong quý IV/2027.", False),   # a verb, in either spelling
    ("Số liệu thống kê gửi về Sở Tài chính để tổng hợp.", False),              # data, not an indicator
])
def test_an_indicator_s_name_opening_a_line(text, named):
    assert indicator(text) is named
