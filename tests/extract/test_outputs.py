"""Output (sản phẩm): the product a task names after a delivery verb, from the lexicon's products."""
import pytest

from service.extract.outputs import find_output


@pytest.mark.parametrize("text, output", [
    ("Sở Nội vụ xây dựng Kế hoạch cải cách hành chính năm 2027, trình Ủy ban nhân dân tỉnh.",
     "Kế hoạch cải cách hành chính năm 2027"),
    ("Phòng Tư pháp tổ chức các đợt tập huấn nghiệp vụ hòa giải ở cơ sở trong quý III.",
     "đợt tập huấn nghiệp vụ hòa giải ở cơ sở"),
    ("Thanh tra huyện thành lập đoàn kiểm tra việc quản lý đất công tại các xã.",
     "đoàn kiểm tra việc quản lý đất công tại các xã"),
    ("Trung tâm Văn hóa phát hành bản tin phòng chống thiên tai hằng tháng.", "bản tin phòng chống thiên tai hằng tháng"),
    ("Xây dựng tiêu chí đánh giá mức độ hài lòng của người dân.", "tiêu chí đánh giá mức độ hài lòng của người dân"),
    # "tốt" between the verb and the product
    ("Đoàn Thanh niên tổ chức tốt hội thi tìm hiểu pháp luật về giao thông cho đoàn viên.",
     "hội thi tìm hiểu pháp luật về giao thông cho đoàn viên"),
])
def test_products_after_delivery_verbs(text, output):
    assert find_output(text).text == output


@pytest.mark.parametrize("text, output", [
    ("Văn phòng công bố danh sách các thủ tục hành chính được cắt giảm.",
     "danh sách các thủ tục hành chính được cắt giảm"),
    ("Hội Liên hiệp Phụ nữ huyện tổ chức mít-tinh hưởng ứng Tháng hành động vì bình đẳng giới.",
     "mít-tinh hưởng ứng Tháng hành động vì bình đẳng giới"),
    ("Phòng Giáo dục và Đào tạo chuẩn bị phương án tuyển sinh lớp 6 năm học 2027-2028.",
     "phương án tuyển sinh lớp 6 năm học 2027-2028"),
    ("Các hợp tác xã hoàn thiện điều lệ theo Luật Hợp tác xã trong quý II năm 2027.",
     "điều lệ theo Luật Hợp tác xã"),
    ("Sở Tài chính cung cấp bảng giá đất điều chỉnh cho Ủy ban nhân dân các xã.",
     "bảng giá đất điều chỉnh cho Ủy ban nhân dân các xã"),
])
def test_lists_charters_price_tables_and_events_are_products(text, output):
    assert find_output(text).text == output


@pytest.mark.parametrize("text", [
    "Quan tâm hơn nữa đến đời sống tinh thần của đoàn viên ở khu trọ.",
    "Thực hiện nghiêm các chính sách đối với người có công.",
    "Đề xuất giải pháp tháo gỡ khó khăn cho doanh nghiệp nhỏ và vừa.",   # a solution is not checkable
    "Theo dõi, đôn đốc và thực hiện nghiêm Chỉ thị này.",    # carrying out a document is not producing one
])
def test_no_product_named(text):
    assert find_output(text) is None


@pytest.mark.parametrize("text, output", [
    ("Để tiêu thụ nông sản vụ mùa, Phòng Kinh tế cần có phương án thu mua riêng.", "phương án thu mua riêng"),
    ("Khi mưa lũ gây sạt lở, các thôn phải sớm có tờ trình đề nghị hỗ trợ khắc phục.",
     "tờ trình đề nghị hỗ trợ khắc phục"),   # "tờ trình" keeps its " trình"
    ("Ban quản lý dự án sớm hoàn chỉnh báo cáo quyết toán công trình.", "báo cáo quyết toán công trình"),
    ("Phòng Tư pháp nghiên cứu đề án thành lập tổ hòa giải ở các thôn.", "đề án thành lập tổ hòa giải ở các thôn"),
    ("Xây dựng qui chế phối hợp giữa các phòng chuyên môn.", "qui chế phối hợp giữa các phòng chuyên môn"),
])
def test_come_up_with_complete_study_and_the_older_spelling(text, output):
    assert find_output(text).text == output


def test_a_negated_verb_names_no_product():
    assert find_output("Trả lại các trường hợp không có hồ sơ hợp lệ.") is None


@pytest.mark.parametrize("text, output", [
    ("Sở Nội vụ chủ trì xây dựng, phổ biến, hướng dẫn bộ chỉ số đánh giá cải cách hành chính cấp xã.",
     "bộ chỉ số đánh giá cải cách hành chính cấp xã"),
    ("Lập, theo dõi, thực hiện Đề án phát triển chợ ở vùng cao.",
     "Đề án phát triển chợ ở vùng cao"),
    ("Tổ chức xây dựng, thực hiện \"Đề án phát triển du lịch cộng đồng\";", "Đề án phát triển du lịch cộng đồng"),
    ("Phòng Nội vụ chuẩn bị kịp thời kế hoạch tuyển dụng viên chức năm 2027.", "kế hoạch tuyển dụng viên chức năm 2027"),
])
def test_a_list_of_verbs_an_adverb_or_a_quote_before_the_product(text, output):
    assert find_output(text).text == output


@pytest.mark.parametrize("text", [
    "Hướng dẫn các xã rà soát diện tích đất công chưa sử dụng.",
    "Quy định rõ trách nhiệm của người đứng đầu trong tiếp công dân.",
    "Quyết định việc miễn tiền sử dụng nhà văn hóa thôn cho các hội đoàn thể.",
])
def test_a_product_noun_that_opens_the_item_as_its_verb_is_no_product(text):
    assert find_output(text) is None


def test_an_item_that_is_a_product_is_its_own_output():
    assert find_output("Hướng dẫn thực hiện chế độ hỗ trợ người có công năm 2027.").text == \
        "Hướng dẫn thực hiện chế độ hỗ trợ người có công năm 2027"


@pytest.mark.parametrize("text, output", [
    ("Các xã rà soát hộ nghèo và báo cáo Uỷ ban nhân dân huyện trước ngày 20/11/2027.", "báo cáo Uỷ ban nhân dân huyện"),
    ("Mỗi trường học lập và báo cáo tiến độ hằng quý gửi Phòng Giáo dục và Đào tạo.",
     "báo cáo tiến độ hằng quý"),
    ("Các hợp tác xã duy trì chế độ báo cáo về sản lượng thu hoạch vụ đông.",
     "báo cáo về sản lượng thu hoạch vụ đông"),
    ("Tiến hành sơ kết việc thực hiện quy chế dân chủ ở cơ sở.", "sơ kết việc thực hiện quy chế dân chủ ở cơ sở"),
])
def test_a_report_named_by_its_addressee_subject_or_regime(text, output):
    assert find_output(text).text == output


@pytest.mark.parametrize("text", [
    "Khi phát hiện sai phạm, kịp thời báo cáo ngay để xử lý.",
    "Tiến hành rà soát diện tích lúa bị ngập úng.",
])
def test_reporting_or_proceeding_without_a_named_report_names_no_product(text):
    assert find_output(text) is None
