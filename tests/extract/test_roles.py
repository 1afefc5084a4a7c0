"""Lead (chủ trì) and support (phối hợp) of one task."""
import pytest

from service.document import Body, Task
from service.extract.roles import assign, heading_bodies, is_directive, subject_bodies


def _assign(text, inherited=()):
    task = Task(id="t1", text=text, start=0, end=len(text))
    return assign(task, list(inherited))


@pytest.mark.parametrize("text, lead, support", [
    ("Sở Giao thông vận tải chủ trì, phối hợp với Sở Tài chính, Kho bạc Nhà nước tỉnh rà soát các công trình "
     "chậm giải ngân.",
     ["Sở Giao thông vận tải"], ["Sở Tài chính", "Kho bạc Nhà nước tỉnh"]),
    ("Giao Sở Y tế chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch.", ["Sở Y tế"], ["các cơ quan liên quan"]),
    ("Trong năm 2025, các sở, ngành; các huyện, thị xã, thành phố hoàn thành việc quán triệt Nghị quyết.",
     ["các sở, ngành", "các huyện, thị xã, thành phố"], []),
    ("Hằng năm, các xã chủ động cân đối kinh phí.", ["các xã"], []),
    # openers of an adverbial before the subject
    ("Tiếp thu ý kiến góp ý của các huyện, Sở Xây dựng hoàn chỉnh dự thảo quy chế.", ["Sở Xây dựng"], []),
    ("Trước mắt, Sở Nội vụ rà soát vị trí việc làm của các đơn vị sự nghiệp.", ["Sở Nội vụ"], []),
    ("Dựa trên kết quả điều tra, Sở Lao động - Thương binh và Xã hội lập danh sách hộ cận nghèo.",
     ["Sở Lao động - Thương binh và Xã hội"], []),
    ("Nhân dịp kỷ niệm ngày thành lập tỉnh, Sở Văn hóa và Thể thao tổ chức giải chạy việt dã.",
     ["Sở Văn hóa và Thể thao"], []),
    ("Xây dựng cổng dữ liệu mở của tỉnh, giao Sở Thông tin và Truyền thông chủ trì thực hiện.",
     ["Sở Thông tin và Truyền thông"], []),
    ("Sở Văn hóa, Thể thao và Du lịch phối hợp với các Sở liên quan hướng dẫn các đơn vị nghệ thuật.",
     ["Sở Văn hóa, Thể thao và Du lịch"], ["các Sở liên quan"]),
    # an assignment after a leading adverbial: the body assigned, not the place named before the comma
    ("Riêng địa bàn thị trấn, giao Phòng Kinh tế và Hạ tầng bố trí thùng rác tại chợ.",
     ["Phòng Kinh tế và Hạ tầng"], []),
    ("Đối với các xã vùng cao, đề nghị Hội Nông dân huyện vận động hội viên thu gom rác.",
     ["Hội Nông dân huyện"], []),
    ("Tại các khu dân cư tập trung, Ủy ban nhân dân các xã bố trí điểm tập kết rác.",
     ["Ủy ban nhân dân các xã"], []),
    # a verb and its object before a purpose are the predicate, not a description of the body
    ("Mỗi trường chọn hai câu lạc bộ tiêu biểu để duy trì hoạt động thường xuyên.", ["Mỗi trường"], []),
    # "chính trị - xã hội" says what kind of mass organisation it is: part of the body's name
    ("Hội Nông dân huyện và các đoàn thể chính trị - xã hội huyện vận động hội viên trồng cây phân tán.",
     ["Hội Nông dân huyện", "các đoàn thể chính trị - xã hội huyện"], []),
    # a verb of reporting ends the body ("các đơn vị", not "các đơn vị phản ánh")
    ("Các đơn vị phản ánh kịp thời về Văn phòng Ủy ban nhân dân huyện những vướng mắc phát sinh.", ["Các đơn vị"], []),
    ("Trung tâm Chuyển đổi số tỉnh cùng các công ty viễn thông để phủ sóng các thôn vùng cao.",
     ["Trung tâm Chuyển đổi số tỉnh"], ["các công ty viễn thông"]),
    ("Giao cho Phòng Y tế kiểm tra vệ sinh an toàn thực phẩm tại các bếp ăn tập thể.", ["Phòng Y tế"], []),
    # a time phrase before the subject with no comma after it
    ("Hằng năm Trung tâm Y tế huyện khám sức khỏe miễn phí cho người cao tuổi neo đơn.",
     ["Trung tâm Y tế huyện"], []),
    ("Định kỳ 6 tháng, hằng năm cấp ủy cơ sở phải sơ kết việc học tập chuyên đề.", ["cấp ủy cơ sở"], []),
    ("Trong quý III năm 2027 các phường hoàn thành việc cắm mốc hành lang kênh.", ["các phường"], []),
    # Party bodies named without a proper name, and "mỗi"
    ("Chi ủy, bí thư chi bộ chịu trách nhiệm chuẩn bị nội dung sinh hoạt chuyên đề.", ["Chi ủy", "bí thư chi bộ"], []),
    ("Hằng quý, chi bộ chọn một chuyên đề gắn với nhiệm vụ chính trị của cơ quan.", ["chi bộ"], []),
    ("Mỗi đơn vị cần xác định lộ trình chuyển đổi số của mình.", ["Mỗi đơn vị"], []),
    # other leading adverbials
    ("Kết thúc giai đoạn thí điểm, Ban Quản lý dự án 3 có trách nhiệm bàn giao hồ sơ cho xã.",
     ["Ban Quản lý dự án 3"], []),
    ("Tùy theo quy mô của lễ hội, Phòng Văn hóa và Thông tin hướng dẫn phương án bảo đảm an ninh.",
     ["Phòng Văn hóa và Thông tin"], []),
    # a topic label before a colon, then the subject
    ("Về nguồn nhân lực: các trường cao đẳng nghề chủ động mở thêm lớp điện công nghiệp.", ["các trường cao đẳng nghề"], []),
    # a longer topic opening with "Về", a body noun inside it; a comma ends the topic
    ("Về cổ phần hóa và thoái vốn tại Tổng công ty theo lộ trình mà tỉnh đã duyệt năm 2026: "
     "Tổng công ty Cấp nước An Phú xây dựng phương án trong quý II/2027.", ["Tổng công ty Cấp nước An Phú"], []),
    # coordinators named before a bare "phối hợp" after the lead's clause, or after a label
    ("Sở Y tế chủ trì; Sở Tài chính, Sở Nội vụ phối hợp thực hiện.", ["Sở Y tế"], ["Sở Tài chính", "Sở Nội vụ"]),
    ("Sở Y tế chủ trì, Ủy ban nhân dân các huyện phối hợp tổ chức tiêm chủng cho trẻ em.",
     ["Sở Y tế"], ["Ủy ban nhân dân các huyện"]),
    ("Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Sở Tài chính, Sở Nội vụ.",
     ["Sở Y tế"], ["Sở Tài chính", "Sở Nội vụ"]),
    # a "phối hợp" that is a noun of the task names nobody
    ("Sở Y tế chủ trì, ban hành cơ chế phối hợp trong cấp cứu ngoại viện.", ["Sở Y tế"], []),
    # "Riêng" singles out the doer, with no comma after it
    ("Riêng Kho bạc Nhà nước khu vực II chủ trì, phối hợp với Sở Tài chính đối chiếu số dư tạm ứng.",
     ["Kho bạc Nhà nước khu vực II"], ["Sở Tài chính"]),
    # a Party committee that leads the body it directs: the verb ends its name
    ("Đảng ủy Biên phòng tỉnh lãnh đạo Bộ đội Biên phòng tỉnh chủ trì tuần tra đường biên giới.",
     ["Đảng ủy Biên phòng tỉnh"], []),
    # a verb inside a kind of body, no body after it: still the name
    ("Các cơ quan lãnh đạo cấp tỉnh phải gương mẫu chấp hành quy định.", ["Các cơ quan lãnh đạo cấp tỉnh"], []),
])
def test_lead_and_support_from_the_item(text, lead, support):
    task = _assign(text)
    assert [b.name for b in task.lead] == lead
    assert [b.name for b in task.support] == support


def test_a_comma_ends_a_topic_and_the_subject_after_it_leads():
    task = _assign("Về giải phóng mặt bằng tuyến đường ven sông, Ủy ban nhân dân huyện Tân Lập chủ trì, phối hợp với các "
                   "đơn vị: Trung tâm Phát triển quỹ đất tỉnh, Công ty Điện lực An Bình khẩn trương di dời công trình.")
    assert [b.name for b in task.lead] == ["Ủy ban nhân dân huyện Tân Lập"]


def test_item_without_subject_inherits_the_heading_body():
    heading = Body(name="Cục Biến đổi khí hậu", canonical="Cục Biến đổi khí hậu", start=0, end=20)
    task = _assign("Phối hợp với Vụ Pháp chế hoàn thiện dự thảo Nghị định.", [heading])
    assert [b.name for b in task.lead] == ["Cục Biến đổi khí hậu"]
    assert [b.name for b in task.support] == ["Vụ Pháp chế"]


def test_bodies_after_chu_tri_coordinate_and_do_not_become_the_subject():
    heading = Body(name="Ban Quản lý các khu công nghiệp", canonical="Ban Quản lý các khu công nghiệp", start=0, end=30)
    task = _assign("Trên cơ sở quy hoạch được duyệt, chủ trì phối hợp với Liên minh Hợp tác xã tỉnh, các ngành, Ủy ban nhân dân "
                   "các huyện tổ chức xúc tiến đầu tư.", [heading])
    assert [b.name for b in task.lead] == ["Ban Quản lý các khu công nghiệp"]
    assert [b.name for b in task.support] == ["Liên minh Hợp tác xã tỉnh", "các ngành", "Ủy ban nhân dân các huyện"]


@pytest.mark.parametrize("text, lead", [
    ("Sau khi thống nhất với Sở Nội vụ, Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.", ["Sở Tài chính"]),
    ("Đối với các dự án do Sở Xây dựng chủ trì, Sở Tài chính thẩm định dự toán.", ["Sở Tài chính"]),
])
def test_a_cue_inside_the_adverbial_does_not_hide_the_subject(text, lead):
    assert [b.name for b in _assign(text).lead] == lead


@pytest.mark.parametrize("text", [
    "Hội nghị do Sở Nội vụ chủ trì được tổ chức vào ngày 5/3/2027.",
    "Năm 2026, các dự án do Sở Xây dựng chủ trì đã hoàn thành đúng tiến độ.",
])
def test_a_body_in_charge_of_something_reported_is_no_directive(text):
    assert not is_directive(text)


def test_a_body_put_in_charge_makes_a_directive_without_a_subject_first():
    assert is_directive("Sau khi nghe báo cáo Chủ tịch Ủy ban nhân dân huyện giao Phòng Tài chính - Kế hoạch chủ trì, "
                        "phối hợp với Ngân hàng Chính sách xã hội huyện rà soát các khoản tạm ứng.")


def test_report_sentence_is_not_an_assignment():
    assert not is_directive("Năm 2024, các cấp, các ngành trong tỉnh đã tập trung chỉ đạo quyết liệt.")
    assert not is_directive("Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.")
    assert is_directive("Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện, định kỳ báo cáo kết quả.")


@pytest.mark.parametrize("text", [
    "Theo ông Trần Văn B, Giám đốc Sở Nông nghiệp, năm tới Sở sẽ nhân rộng mô hình trồng lúa hữu cơ.",
    "Theo bà Lê Thị C, Phó Chủ tịch UBND huyện, huyện tiếp tục vận động người dân hiến đất làm đường.",
])
def test_reported_speech_names_an_official_but_assigns_nothing(text):
    """An article's "Theo ông …, <chức vụ>, …" reports what an official said; the title is no assignee."""
    assert not is_directive(text)


def test_an_official_who_directs_is_an_assignee_and_reported_speech_needs_whole_words():
    assert is_directive("Giám đốc Sở Nông nghiệp chỉ đạo nhân rộng mô hình trồng lúa hữu cơ trong năm 2027.")
    assert is_directive("Theo bàn giao của Sở Xây dựng, Ủy ban nhân dân huyện quản lý, vận hành tuyến đường.")


def test_an_assignment_after_a_topic_label_names_the_assignee():
    """"Nước thải sinh hoạt: giao cho X …": the label names the topic, "giao cho" the doer."""
    from service.extract.roles import subject_bodies
    text = "Nước thải sinh hoạt: giao cho Ủy ban nhân dân huyện căn cứ tình hình thực tế ban hành mức thu phù hợp."
    assert [b.name for b in subject_bodies(text)] == ["Ủy ban nhân dân huyện"]


def test_a_duty_after_an_apposition_is_an_assignment():
    """"X là …" describes X; "X là …, có trách nhiệm …" assigns X a duty."""
    assert not is_directive("Sở Y tế là cơ quan quản lý nhà nước về dược trên địa bàn tỉnh.")
    assert is_directive("Sở Y tế là cơ quan quản lý nhà nước về dược, chịu trách nhiệm kiểm tra chất lượng thuốc.")


@pytest.mark.parametrize("heading, names", [
    ("3. Ủy ban nhân dân các xã, phường", ["Ủy ban nhân dân các xã, phường"]),
    ("1. Cục Khí tượng thủy văn có trách nhiệm:", ["Cục Khí tượng thủy văn"]),
    ("II. NHIỆM VỤ CỤ THỂ CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO", ["Sở Giáo dục và Đào tạo"]),
    ("III. TỔ CHỨC THỰC HIỆN", []),
    # a regulation's article on a body's duties or powers names the owner of its items
    ("Điều 5. Nghĩa vụ của Ban Quản lý khu kinh tế tỉnh", ["Ban Quản lý khu kinh tế tỉnh"]),
    ("Điều 6. Nhiệm vụ, quyền hạn của Trung tâm Dịch vụ việc làm", ["Trung tâm Dịch vụ việc làm"]),
    # What the named bodies do and where is part of the name when nothing else follows.
    ("2. Các doanh nghiệp bưu chính và chuyển phát hoạt động kinh doanh trên địa bàn huyện:",
     ["Các doanh nghiệp bưu chính và chuyển phát hoạt động kinh doanh trên địa bàn huyện"]),
    ("4. Các tổ chức, cá nhân kinh doanh xăng dầu trên địa bàn tỉnh:",
     ["Các tổ chức, cá nhân kinh doanh xăng dầu trên địa bàn tỉnh"]),
    ("3. Các đơn vị hoạt động kinh doanh:", ["Các đơn vị hoạt động kinh doanh"]),
    # ... but not a clause of their own, a time, a predicate, or what a named body does.
    ("1. Sở Công Thương tổ chức kiểm tra các cửa hàng xăng dầu:", ["Sở Công Thương"]),
    ("5. Các sở, ngành trong năm 2027:", ["Các sở, ngành"]),
    ("6. Các hợp tác xã sản xuất muối có trách nhiệm:", ["Các hợp tác xã sản xuất muối"]),
    ("7. Sở Xây dựng quản lý chất lượng công trình:", ["Sở Xây dựng"]),
    ("8. Các đơn vị quản lý công trình thủy lợi trước mùa mưa bão năm 2027:", ["Các đơn vị"]),
    ("9. Các chủ đầu tư quản lý dự án hoàn thành thủ tục quyết toán:", ["Các chủ đầu tư"]),
    ("10. Các cơ sở kinh doanh dịch vụ lưu trú quản lý chặt chẽ khách lưu trú:", ["Các cơ sở kinh doanh dịch vụ lưu trú"]),
    ("11. Các hợp tác xã sản xuất rau trong vùng dự án:", ["Các hợp tác xã sản xuất rau"]),
])
def test_heading_bodies(heading, names):
    text = heading.split(" ", 1)[1]
    assert [b.name for b in heading_bodies(text, 0, len(text))] == names


def test_a_heading_name_run_to_its_end_keeps_document_offsets():
    heading = "Các doanh nghiệp vận tải và kho bãi hoạt động tại cảng:"
    text = "Chỉ thị số 5.\n" + heading
    start = text.index(heading)
    [body] = heading_bodies(text, start, len(text))
    assert text[body.start:body.end] == body.name == "Các doanh nghiệp vận tải và kho bãi hoạt động tại cảng"


def test_the_body_assigned_leads_wherever_the_item_stands_in_the_text():
    """"Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh …": the council assigns, the committee leads, also when the
    item is not at offset 0 of the document."""
    text = "Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh xây dựng lộ trình thực hiện Nghị quyết này."
    task = assign(Task(id="t1", text=text, start=500, end=500 + len(text)), [])
    assert [(b.name, b.start) for b in task.lead] == [("Ủy ban nhân dân tỉnh", 528)]


@pytest.mark.parametrize("text, lead", [
    ("Các cơ quan quản lý vốn của Chương trình có trách nhiệm tổng hợp số liệu giải ngân hằng quý.",
     ["Các cơ quan quản lý vốn của Chương trình"]),
    ("Hội đồng thành viên các Tổng công ty cấp thoát nước phải rà soát lại định mức chi phí.",
     ["Hội đồng thành viên các Tổng công ty cấp thoát nước"]),
    # a second body after the gap is a list, not a longer name
    ("Sở Y tế, Sở Giáo dục và Đào tạo cần phối hợp kiểm tra bếp ăn tập thể.",
     ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
])
def test_a_subject_runs_up_to_its_predicate_word(text, lead):
    from service.extract.roles import subject_bodies
    assert [b.name for b in subject_bodies(text)] == lead


@pytest.mark.parametrize("text, lead", [
    # a comma between administrative units goes on with their list inside the opening adverbial
    ("Hằng năm, theo số người có công ở mỗi xã, phường, thị trấn, Chủ tịch Ủy ban nhân dân huyện phân bổ kinh phí.",
     ["Chủ tịch Ủy ban nhân dân huyện"]),
    ("Trên cơ sở đề xuất của các huyện, thị xã, Sở Tài chính tham mưu bố trí vốn đối ứng.", ["Sở Tài chính"]),
    ("Trong quý III năm 2027, các xã, phường rà soát danh sách đối tượng.", ["các xã, phường"]),
    # a place after the last comma, with nothing after it, is where the work is done, not who does it
    ("Năm 2027: xây dựng 01 nhà máy chế biến chè tại khu vực thị trấn Tân Uyên, huyện Tân Uyên.", []),
])
def test_a_subject_after_an_adverbial_that_lists_units(text, lead):
    from service.extract.roles import subject_bodies
    assert [b.name for b in subject_bodies(text)] == lead


@pytest.mark.parametrize("text, support", [
    ("Kết hợp với các viện nghiên cứu đánh giá chất lượng giống lúa.", ["các viện nghiên cứu"]),
    ("Sở Công Thương chủ trì, phối hợp cùng Sở Tài chính xây dựng phương án bình ổn giá.", ["Sở Tài chính"]),
    ("Công an huyện phối hợp cùng với các xã, thị trấn kiểm tra hoạt động karaoke.", ["các xã, thị trấn"]),
    ("Ủy ban nhân dân huyện thống nhất với Thường trực Huyện ủy phân bổ vốn dự phòng.",
     ["Thường trực Huyện ủy"]),
    ("Tăng cường sự phối hợp giữa các lực lượng chức năng trong tuần tra.", []),
    # "cùng" alone is a coordination cue; "cùng cấp" (the same level) names nobody
    ("Chủ trì cùng các phòng chuyên môn kiểm tra an toàn thực phẩm.", ["các phòng chuyên môn"]),
    ("Các hội đoàn thể cùng cấp tham gia giám sát việc bình xét hộ nghèo.", []),
    # a longer head after a comma starts another body ("Bộ chỉ huy …", not "Bộ" as a kind of body)
    ("Phối hợp với Công an huyện, Bộ chỉ huy Quân sự tỉnh tuần tra biên giới.",
     ["Công an huyện", "Bộ chỉ huy Quân sự tỉnh"]),
    ("Phối hợp với Trung tâm Văn hóa, cơ quan báo chí ở địa phương tuyên truyền lễ hội.",
     ["Trung tâm Văn hóa", "cơ quan báo chí ở địa phương"]),
    # after "phối hợp với" an acronym no gazetteer lists is a body, with its place; a numeral is not
    ("Sở Công Thương phối hợp với VCCI tổ chức hội nghị kết nối cung cầu.", ["VCCI"]),
    ("Phối hợp với EVN và các đơn vị điện lực bảo đảm cấp điện cho mùa khô.", ["EVN", "các đơn vị điện lực"]),
    ("Sở Y tế phối hợp với BHXH tỉnh thanh toán chi phí khám chữa bệnh.", ["BHXH tỉnh"]),
    ("Phối hợp với II trường hợp còn lại.", []),
    # not a fund or an index, not a word in capitals, not the start of a longer name, not after "cùng"
    ("Phối hợp với ODA và vốn đối ứng để hoàn thành công trình.", []),
    ("PHỐI HỢP VỚI TRUNG ƯƠNG HỘI TỔ CHỨC ĐẠI HỘI", []),
    ("Phối hợp với TP. Hồ Chí Minh tổ chức tuần lễ du lịch.", []),
    ("Giao Công an tỉnh phối hợp với VNPT Lào Cai triển khai định danh điện tử.", ["VNPT Lào Cai"]),
    ("Thu hút đầu tư trong nước cùng FDI vào khu công nghiệp.", []),
])
def test_coordination_cues(text, support):
    from service.extract.roles import support_bodies
    assert [b.name for b in support_bodies(text)] == support


@pytest.mark.parametrize("text, lead", [
    ("UBND tỉnh, Ủy ban nhân dân quận - huyện chỉ tiếp nhận hồ sơ khi đủ thủ tục.",
     ["UBND tỉnh", "Ủy ban nhân dân quận - huyện"]),
    ("Các sở, các ngành khi được lấy ý kiến có trách nhiệm trả lời đúng hạn.", ["Các sở", "các ngành"]),
    ("Tổ công tác thực hiện nhiệm vụ kiểm tra có trách nhiệm báo cáo kết quả.", ["Tổ công tác"]),
])
def test_adverbs_and_clauses_end_a_subject(text, lead):
    from service.extract.roles import subject_bodies
    assert [b.name for b in subject_bodies(text)] == lead


def test_the_council_closing_line_names_three_doers():
    from service.extract.roles import subject_bodies
    text = ("Thường trực Hội đồng nhân dân huyện, các Ban của Hội đồng nhân dân huyện và đại biểu Hội đồng nhân dân "
            "huyện giám sát việc thực hiện Nghị quyết.")
    assert [b.name for b in subject_bodies(text)] == ["Thường trực Hội đồng nhân dân huyện",
                                                     "các Ban của Hội đồng nhân dân huyện",
                                                     "đại biểu Hội đồng nhân dân huyện"]


def test_the_issuer_that_guides_is_not_the_doer_of_its_guidance():
    from service.extract.roles import owners_of_list
    assert owners_of_list("Sở Tư pháp hướng dẫn việc lập hồ sơ đăng ký như sau:") == []
    assert [b.name for b in owners_of_list("Sở Tư pháp thực hiện các nhiệm vụ sau:")] == ["Sở Tư pháp"]
    # a council that stresses or concludes points sets them for others; it does not do them itself
    assert owners_of_list("Hội đồng nhân dân huyện nhấn mạnh một số nội dung sau:") == []
    assert owners_of_list("Ban Thường vụ Huyện ủy kết luận các nội dung sau:") == []


@pytest.mark.parametrize("text", [
    "Tùy theo tính chất của dự thảo, cơ quan chủ trì soạn thảo tổ chức lấy ý kiến đối tượng chịu tác động.",
    "Cơ quan chủ trì soạn thảo có trách nhiệm tiếp thu, giải trình ý kiến thẩm định.",
])
def test_the_drafting_agency_is_a_doer(text):
    from service.extract.roles import subject_bodies
    assert [b.name.lower() for b in subject_bodies(text)] == ["cơ quan chủ trì soạn thảo"]


@pytest.mark.parametrize("text, lead", [
    ("Các đồng chí Phó Chủ tịch Ủy ban nhân dân huyện theo lĩnh vực phụ trách đôn đốc các xã thực hiện.",
     ["Các đồng chí Phó Chủ tịch Ủy ban nhân dân huyện"]),
    ("Các đồng chí Thứ trưởng theo lĩnh vực được phân công chỉ đạo các vụ triển khai.", ["Các đồng chí Thứ trưởng"]),
    ("Đồng chí Bí thư Đảng ủy xã trực tiếp chỉ đạo việc kiện toàn chi bộ thôn.", ["Đồng chí Bí thư Đảng ủy xã"]),
    ("Giám đốc Sở Y tế trực tiếp chỉ đạo công tác phòng, chống dịch.", ["Giám đốc Sở Y tế"]),
    # a joint office is one name; a utility is a body
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh tổng hợp ý kiến cử tri gửi về.",
     ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"]),
    ("Điện lực huyện bảo đảm cấp điện ổn định trong dịp Tết.", ["Điện lực huyện"]),
])
def test_officials_offices_and_utilities_as_subjects(text, lead):
    from service.extract.roles import subject_bodies
    assert [b.name for b in subject_bodies(text)] == lead


def test_the_issuer_that_instructs_names_the_doers():
    from service.extract.roles import owners_of_list
    text = ("Ủy ban nhân dân huyện chỉ thị Trưởng phòng Nội vụ, Giám đốc Trung tâm Y tế huyện "
            "thực hiện nghiêm các nội dung sau:")
    assert [b.name for b in owners_of_list(text)] == ["Trưởng phòng Nội vụ", "Giám đốc Trung tâm Y tế huyện"]
    # "Chỉ thị" written capitalised after a word is the document it names, not an order
    assert owners_of_list("Để thực hiện Chỉ thị Ban Thường vụ Tỉnh ủy, trường học các cấp cần làm tốt:") == []



@pytest.mark.parametrize("text, lead", [
    ("Sở Y tế hướng dẫn các cơ sở khám bệnh phải niêm yết giá dịch vụ.", ["Sở Y tế"]),
    ("Hội Nông dân tỉnh vận động hội viên các cấp phải tham gia.", ["Hội Nông dân tỉnh"]),
    ("Sở Tài chính bố trí kinh phí để các đơn vị chủ trì triển khai kịp thời.", ["Sở Tài chính"]),
])
def test_a_clause_after_the_subject_is_not_its_name(text, lead):
    assert [b.name for b in _assign(text).lead] == lead


@pytest.mark.parametrize("text", [
    "Thành phần Ban Chỉ đạo gồm: Chủ tịch Ủy ban nhân dân huyện, các Phó Chủ tịch và Trưởng các phòng.",
    "Ví dụ: Sở Xây dựng và Sở Giao thông vận tải trước đây, nay là Sở Xây dựng.",
])
def test_a_colon_that_opens_a_list_names_no_doer(text):
    assert _assign(text).lead == []


def test_a_clause_after_a_bare_party_body_is_not_its_name():
    task = _assign("Hằng tháng, chi ủy chọn nội dung sinh hoạt phù hợp với đặc điểm đơn vị.")
    assert [b.name for b in task.lead] == ["chi ủy"]


@pytest.mark.parametrize("text, lead", [
    ("Khi nhận được hồ sơ đề nghị giao đất, Ủy ban nhân dân cấp xã có trách nhiệm niêm yết công khai.",
     ["Ủy ban nhân dân cấp xã"]),
    ("Trường hợp phát hiện sai phạm, Thanh tra huyện phải báo cáo ngay Chủ tịch Ủy ban nhân dân huyện.",
     ["Thanh tra huyện"]),
    # the condition's own subject is not the doer
    ("Khi Phòng Tài chính, Kho bạc Nhà nước huyện có yêu cầu đối chiếu số liệu thì kế toán xã cung cấp sổ sách.",
     []),
])
def test_after_a_condition_the_doer_needs_its_predicate(text, lead):
    from service.extract.roles import subject_bodies
    assert [b.name for b in subject_bodies(text)] == lead


@pytest.mark.parametrize("text, holders", [
    # whoever opens the sentence before a duty phrase holds the duty, a non-state actor or a role included
    ("Chủ nhà trọ, người quản lý khu nhà và người thuê trọ có trách nhiệm khai báo tạm trú.",
     ["Chủ nhà trọ", "người quản lý khu nhà", "người thuê trọ"]),
    ("Chủ cửa hàng kinh doanh khí dầu mỏ hóa lỏng chịu trách nhiệm về an toàn phòng cháy.",
     ["Chủ cửa hàng kinh doanh khí dầu mỏ hóa lỏng"]),
    # a known head names one body, commas and all
    ("Chi cục thuế các huyện, thị xã có nhiệm vụ đôn đốc thu nộp.", ["Chi cục thuế các huyện, thị xã"]),
    # an activity, a time, a condition or a clause holds nothing
    ("Việc thẩm định hồ sơ có trách nhiệm bảo đảm đúng thời hạn.", []),
    ("Hằng quý các đơn vị có trách nhiệm gửi báo cáo.", []),
    ("Trường hợp phát hiện sai phạm có trách nhiệm báo cáo ngay.", []),
    ("Xây dựng quy chế phối hợp có trách nhiệm.", []),
    ("sau đó người dân có trách nhiệm đăng ký.", []),
])
def test_duty_holders(text, holders):
    from service.extract.roles import duty_holders
    assert [b.name for b in duty_holders(text)] == holders


@pytest.mark.parametrize("text, holders", [
    # an item that opens with a verb calling on a body's responsibility is that body's work
    ("Nâng cao trách nhiệm của doanh nghiệp vận tải, bảo đảm an toàn hành khách.", ["doanh nghiệp vận tải"]),
    ("Phát huy trách nhiệm của Ủy ban nhân dân cấp xã và Công an xã trong việc giữ gìn trật tự.",
     ["Ủy ban nhân dân cấp xã", "Công an xã"]),
    ("Tăng cường vai trò, trách nhiệm của người đứng đầu cơ quan trong tiếp công dân.",
     ["người đứng đầu cơ quan"]),
    # defining, examining or sanctioning a responsibility, a heading naming it, or a noun phrase assigns no work
    ("Quy định rõ trách nhiệm của Sở Tài chính trong việc thẩm định giá.", []),
    ("Quy định trách nhiệm của Sở Tài chính trong việc thẩm định giá.", []),
    ("Xử lý trách nhiệm của người đứng đầu đơn vị để xảy ra sai phạm.", []),
    ("Xem xét trách nhiệm của Giám đốc Sở Xây dựng.", []),
    ("Trách nhiệm của các phòng chuyên môn: báo cáo định kỳ.", []),
    ("Sự phối hợp và trách nhiệm của các đơn vị còn hạn chế.", []),
])
def test_responsibility_holders(text, holders):
    from service.extract.roles import responsibility_holders
    assert [b.name for b in responsibility_holders(text)] == holders


def test_responsibility_holder_leads_only_an_item_naming_nobody():
    from service.document import Body, Task
    from service.extract.roles import assign
    named = assign(Task(id="t1", text="Sở Xây dựng đề cao trách nhiệm của nhà đầu tư trong bảo trì đường.", start=0, end=60),
                   [])
    assert [b.name for b in named.lead] == ["Sở Xây dựng"]
    bare = assign(Task(id="t2", text="Nâng cao trách nhiệm của nhà đầu tư trong bảo trì đường.", start=0, end=50), [])
    assert [b.name for b in bare.lead] == ["nhà đầu tư"]
    # under "3. Sở Giao thông vận tải" the Sở raises the enterprises' responsibility: the heading's owner leads
    heading = Body(name="Sở Giao thông vận tải", canonical="Sở Giao thông vận tải", start=0, end=21)
    under = assign(Task(id="t3", text="Nâng cao trách nhiệm của doanh nghiệp vận tải, bảo đảm an toàn.", start=40,
                        end=100), [heading])
    assert [b.name for b in under.lead] == ["Sở Giao thông vận tải"]


def test_a_duty_holder_of_no_known_kind_leads_its_item_over_the_heading_owner():
    text = "Chủ bến đò và người lái đò có trách nhiệm trang bị đủ áo phao cho hành khách."
    task = assign(Task(id="t1", text=text, start=0, end=len(text)), [Body(name="Ủy ban nhân dân các xã",
                                                                          canonical="Ủy ban nhân dân xã",
                                                                          start=-40, end=-18)])
    assert [b.name for b in task.lead] == ["Chủ bến đò", "người lái đò"]


@pytest.mark.parametrize("line, owner", [
    # the rest of a heading after "Nhiệm vụ của" / "Nghĩa vụ của" names the owner, known body or not
    ("Nghĩa vụ của nhân viên quản lý nhà văn hóa thôn", ["nhân viên quản lý nhà văn hóa thôn"]),
    ("Quyền và nghĩa vụ của hộ gia đình nhận khoán bảo vệ rừng", ["hộ gia đình nhận khoán bảo vệ rừng"]),
    # ... and the subject of a lead-in "… có trách nhiệm:", a provision cited in it included
    ("Các hộ dùng nước trong vùng tưới quy định tại Điều 4 có trách nhiệm:",
     ["Các hộ dùng nước trong vùng tưới quy định tại Điều 4"]),
    # not inside an action, not a time, not after an opening adverbial that holds no noun phrase
    ("Nâng cao trách nhiệm của đội ngũ giáo viên đối với học sinh cá biệt", []),
    ("Nhiệm vụ của năm 2027", []),
    ("Để hoàn thành mục tiêu trên, có các nhiệm vụ sau:", []),
])
def test_an_owner_named_by_the_shape_of_a_heading(line, owner):
    from service.extract.roles import heading_bodies
    assert [b.name for b in heading_bodies(line, 0, len(line))] == owner


@pytest.mark.parametrize("text, lead", [
    ("Sửa chữa 04 phòng học tại điểm trường Nà Lừa, hoàn thành trước ngày 20/8/2028 (Phòng Văn hóa - Xã hội chủ "
     "trì, phối hợp với các trường học trên địa bàn).", ["Phòng Văn hóa - Xã hội"]),
    # a parenthesis that places or names something is no owner
    ("Chuẩn bị phương án hỗ trợ vốn, gửi Bộ Công an (Cục Cảnh sát giao thông) cho ý kiến trước khi trình.", []),
    ("Khảo sát các điểm quặng (xã Tà Lèng, xã Hua Bum) trong năm 2028.", []),
    # co-leads
    ("Tổ chức liên hoan văn nghệ quần chúng (Trung tâm Văn hóa tỉnh và Phòng Văn hóa - Xã hội đồng chủ trì).",
     ["Trung tâm Văn hóa tỉnh", "Phòng Văn hóa - Xã hội"]),
])
def test_an_owner_in_a_parenthesis_that_says_it_leads(text, lead):
    assert [b.name for b in _assign(text).lead] == lead


def test_an_owner_in_a_parenthesis_leads_over_the_heading():
    text = "Tuyển chọn công dân nhập ngũ năm 2029 (Ban Chỉ huy quân sự xã chủ trì)."
    assert [b.name for b in _assign(text, [Body(name="Ủy ban nhân dân xã", start=0, end=5)]).lead] == \
        ["Ban Chỉ huy quân sự xã"]


@pytest.mark.parametrize("sentence, names", [
    # after a condition's clause the doer stands behind a comma
    ("Trường hợp phát hiện cháy rừng, các thôn, tổ dân phố báo cáo ngay về Ủy ban nhân dân xã.",
     ["các thôn, tổ dân phố"]),
    # a comma inside a list of levels opens no subject
    ("Trường hợp nguồn thu của thôn nhỏ, số thu không đủ chi thì được ngân sách tỉnh, huyện, thị xã hỗ trợ một phần "
     "chi phí.", []),
    # nor one inside the bodies the condition names
    ("Khi cơ quan Thuế, cơ quan Hải quan có yêu cầu thì các sở cung cấp thông tin bằng văn bản.", []),
])
def test_the_subject_after_a_condition(sentence, names):
    assert [b.name for b in subject_bodies(sentence)] == names
