"""Lead (chủ trì) and support (phối hợp) of one task."""
import pytest

from service.document import Body, Task
from service.extract.roles import assign, heading_bodies, is_directive


def _assign(text, inherited=()):
    task = Task(id="t1", text=text, start=0, end=len(text))
    return assign(task, list(inherited))


@pytest.mark.parametrize("text, lead, support", [
    ("Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Kho bạc Nhà nước tỉnh rà soát các dự án.",
     ["Sở Tài chính"], ["Sở Kế hoạch và Đầu tư", "Kho bạc Nhà nước tỉnh"]),
    ("Giao Sở Y tế chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch.", ["Sở Y tế"], ["các cơ quan liên quan"]),
    ("Trong năm 2025, các sở, ngành; các huyện, thị xã, thành phố hoàn thành việc quán triệt Nghị quyết.",
     ["các sở, ngành", "các huyện, thị xã, thành phố"], []),
    ("Hằng năm, các địa phương lập kế hoạch bố trí kinh phí.", ["các địa phương"], []),
    ("Xây dựng cơ sở dữ liệu đất đai, giao Sở Tài nguyên và Môi trường chủ trì thực hiện.",
     ["Sở Tài nguyên và Môi trường"], []),
    ("Bộ Thông tin và Truyền thông phối hợp với các Bộ liên quan chỉ đạo các cơ quan báo chí.",
     ["Bộ Thông tin và Truyền thông"], ["các Bộ liên quan"]),
])
def test_lead_and_support_from_the_item(text, lead, support):
    task = _assign(text)
    assert [b.name for b in task.lead] == lead
    assert [b.name for b in task.support] == support


def test_item_without_subject_inherits_the_heading_body():
    heading = Body(name="Cục Biến đổi khí hậu", canonical="Cục Biến đổi khí hậu", start=0, end=20)
    task = _assign("Phối hợp với Vụ Pháp chế hoàn thiện dự thảo Nghị định.", [heading])
    assert [b.name for b in task.lead] == ["Cục Biến đổi khí hậu"]
    assert [b.name for b in task.support] == ["Vụ Pháp chế"]


def test_report_sentence_is_not_an_assignment():
    assert not is_directive("Năm 2024, các cấp, các ngành trong tỉnh đã tập trung chỉ đạo quyết liệt.")
    assert not is_directive("Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.")
    assert is_directive("Văn phòng Chính phủ theo dõi, đôn đốc theo chức năng, nhiệm vụ được giao.")


@pytest.mark.parametrize("heading, names", [
    ("3. Ủy ban nhân dân các xã, phường", ["Ủy ban nhân dân các xã, phường"]),
    ("1. Cục Biến đổi khí hậu có trách nhiệm:", ["Cục Biến đổi khí hậu"]),
    ("II. NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", ["Bộ Tài nguyên và Môi trường"]),
    ("III. TỔ CHỨC THỰC HIỆN", []),
])
def test_heading_bodies(heading, names):
    text = heading.split(" ", 1)[1]
    assert [b.name for b in heading_bodies(text, 0, len(text))] == names
