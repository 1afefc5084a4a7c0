"""Funding (kinh phí) in a task or a table cell."""
import pytest

from service.extract.budget import find_budget


def test_amount_in_million():
    b = find_budget("Kinh phí: 1.500 triệu đồng")
    assert b.amount_vnd == pytest.approx(1.5e9)
    assert b.text == "Kinh phí: 1.500 triệu đồng"


def test_total_in_billion_with_sources_and_offsets():
    text = "Tổng kinh phí khoảng 20,5 tỷ đồng từ nguồn ngân sách nhà nước và nguồn xã hội hóa."
    b = find_budget(text, offset=10)
    assert b.amount_vnd == pytest.approx(2.05e10)
    assert b.source == "ngân sách nhà nước, xã hội hóa"
    assert text[b.start - 10:b.end - 10] == b.text


def test_source_after_from():
    b = find_budget("Kinh phí thực hiện từ nguồn sự nghiệp môi trường hằng năm của Bộ.")
    assert b.amount_vnd is None
    assert b.source == "sự nghiệp môi trường"


def test_source_after_do():
    b = find_budget("Kinh phí thực hiện do ngân sách trung ương bảo đảm theo phân cấp hiện hành.")
    assert b.source == "ngân sách trung ương"


def test_investment_total_and_oda():
    b = find_budget("Xây dựng trụ sở, tổng mức đầu tư 350 tỷ đồng, vốn ODA.")
    assert (b.amount_vnd, b.source) == (pytest.approx(3.5e11), "vốn ODA")
    assert b.text.startswith("tổng mức đầu tư")


def test_bare_billions_in_funding_clause():
    b = find_budget("Ủy ban nhân dân huyện dự kiến dành một khoản kinh phí hằng năm từ 2 đến 4 tỷ để hỗ trợ hợp tác xã")
    assert b.amount_vnd == pytest.approx(2e9)


@pytest.mark.parametrize("cell, source", [
    ("Ngân sách tỉnh", "ngân sách tỉnh"), ("Nguồn xã hội hóa", "xã hội hóa"),
    ("NSNN", "ngân sách nhà nước"), ("Ngân sách địa phương", "ngân sách địa phương"),
])
def test_table_cells(cell, source):
    assert find_budget(cell).source == source


def test_cell_with_amount():
    b = find_budget("500 triệu đồng (ngân sách tỉnh)")
    assert (b.amount_vnd, b.source) == (pytest.approx(5e8), "ngân sách tỉnh")
    assert find_budget("1,2 tỷ đồng").amount_vnd == pytest.approx(1.2e9)


def test_chi_thuong_xuyen():
    b = find_budget("Kinh phí tổ chức các hội thi được chi từ nguồn chi thường xuyên của các trường, trung tâm.")
    assert b.source.startswith("chi thường xuyên")


@pytest.mark.parametrize("text", [
    "Thu ngân sách đạt 20.792 tỷ đồng.",                                   # a target
    "Ưu tiên bố trí ngân sách địa phương, kết hợp thu hút vốn của doanh nghiệp và cộng đồng.",
    "Hằng năm, Ủy ban nhân dân các xã chủ động cân đối kinh phí trong dự toán của xã để duy trì đội phòng cháy, chữa cháy rừng.",
    "Phòng Tài chính - Kế hoạch tham mưu Ủy ban nhân dân huyện cân đối, bố trí kinh phí cho các hoạt động của Đề án.",
    "Việc trồng rừng phòng hộ chủ yếu do nhà nước đầu tư và một phần từ nguồn xã hội hóa.",
    "Tổ chức tập huấn cho 500 lượt cán bộ.",
])
def test_not_budgets(text):
    assert find_budget(text) is None
