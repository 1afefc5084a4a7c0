"""What looks like an item but is not a task (ANNOTATION.md §2)."""
import pytest

from service.pipeline import analyze_text
from service.structure.non_tasks import reason


@pytest.mark.parametrize("text, why", [
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.", "executing"),
    ("Quyết định này có hiệu lực kể từ ngày ký.", "executing"),
    ("Văn phòng Bộ xin thông báo để các đơn vị biết, thực hiện.", "courtesy"),
    ("Sở Y tế trân trọng báo cáo Ủy ban nhân dân tỉnh./.", "courtesy"),
    ("(Danh mục nhiệm vụ chi tiết tại Phụ lục kèm theo)", "pointers"),
    ("Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách tỉnh và nguồn xã hội hóa.", "funding"),
    ("Các nhiệm vụ cụ thể như sau:", "lead_in"),
    ("Tổng công ty Bưu chính Việt Nam;", "bodies_only"),
    ("2.", "no_words"),
])
def test_reasons(text, why):
    assert reason(text) == why


@pytest.mark.parametrize("text", [
    "Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.",
    "Hoàn thành việc rà soát trong năm 2025. Theo đó, các đơn vị báo cáo kết quả:",
    "Chủ tịch Ủy ban nhân dân cấp xã chịu trách nhiệm trước Ủy ban nhân dân tỉnh nếu để xảy ra vi phạm.",
])
def test_tasks_stay_tasks(text):
    assert reason(text) is None


def test_a_funding_sentence_before_an_assignment_leaves_the_assignment():
    text = ("KẾ HOẠCH\nPhòng chống dịch bệnh\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Kinh phí thực hiện được bố trí từ ngân sách nhà nước. Hằng năm, các đơn vị được giao nhiệm vụ "
            "có trách nhiệm lập dự toán gửi Sở Tài chính.\n")
    tasks = analyze_text(text).tasks
    assert len(tasks) == 1 and tasks[0].text.startswith("Hằng năm, các đơn vị")
    assert [b.name for b in tasks[0].lead] == ["các đơn vị được giao nhiệm vụ"]
    assert tasks[0].deadline.recurrence == "yearly"
