"""A heading or lead-in that names a lead and its coordinating bodies hands both to its items (phối hợp)."""
import pytest

from service.pipeline import analyze_text

HEAD = "KẾ HOẠCH\nThực hiện chuyển đổi số trong ngành y tế năm 2027\nI. NHIỆM VỤ CỤ THỂ\n"


def _roles(text: str) -> list[tuple[list[str], list[str]]]:
    tasks = analyze_text(HEAD + text, extractor="rules").tasks
    return [([b.name for b in t.lead], [b.name for b in t.support]) for t in tasks]


@pytest.mark.parametrize("items, lead, support", [
    pytest.param("1. Sở Y tế chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh, Sở Khoa học và Công nghệ "
                 "thực hiện các nội dung sau:\n"
                 "a) Xây dựng cơ sở dữ liệu hồ sơ sức khỏe điện tử của người dân, hoàn thành trong quý III/2027.\n"
                 "b) Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.\n",
                 ["Sở Y tế"], ["Trung tâm Kiểm soát bệnh tật tỉnh", "Sở Khoa học và Công nghệ"],
                 id="items taking the lead-in's lead take its coordinating bodies too"),
    pytest.param("1. Sở Y tế chủ trì thực hiện các nội dung sau:\n"
                 "a) Xây dựng cơ sở dữ liệu hồ sơ sức khỏe điện tử của người dân.\n"
                 "b) Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.\n",
                 ["Sở Y tế"], [], id="a heading without coordinating bodies hands down none"),
    pytest.param("1. Sở Y tế phối hợp với Bảo hiểm xã hội tỉnh đề nghị Ủy ban nhân dân các huyện thực hiện các "
                 "nội dung sau:\na) Chỉ đạo các trạm y tế xã cập nhật hồ sơ sức khỏe điện tử.\n"
                 "b) Bố trí kinh phí duy trì phần mềm quản lý trạm y tế.\n",
                 ["Ủy ban nhân dân các huyện"], [],
                 id="a requester's coordinating body is not handed to the addressee's items"),
    pytest.param("1. Sở Y tế chủ trì, phối hợp với Trung tâm Y tế dự phòng tỉnh thực hiện các nội dung sau:\n"
                 "a) Phối hợp với Sở Tài chính thực hiện các nội dung sau:\n"
                 "- Xây dựng định mức chi cho phần mềm quản lý trạm y tế.\n"
                 "- Rà soát thiết bị công nghệ thông tin tại các trạm y tế xã.\n",
                 ["Sở Y tế"], ["Trung tâm Y tế dự phòng tỉnh", "Sở Tài chính"],
                 id="a lead-in without a lead adds its own coordinating body to those handed down"),
    pytest.param("1. Sở Y tế chủ trì xây dựng quy chế phối hợp với Công an tỉnh về chia sẻ dữ liệu dân cư, cụ thể:\n"
                 "a) Thống nhất danh mục dữ liệu được chia sẻ.\nb) Kết nối hệ thống thông tin hai ngành.\n",
                 ["Sở Y tế"], [], id="a regulation on coordination names no coordinating body"),
])
def test_both_items_under_the_heading_get_its_lead_and_the_coordinating_bodies_it_hands_down(items, lead, support):
    assert _roles(items) == [(lead, support)] * 2


def test_an_item_s_own_coordinating_body_comes_first_and_is_not_repeated():
    roles = _roles("1. Sở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện các nội dung sau:\n"
                   "a) Phối hợp với Bảo hiểm xã hội tỉnh triển khai thanh toán khám chữa bệnh không dùng tiền mặt.\n"
                   "b) Cùng Sở Tài chính rà soát định mức chi cho phần mềm quản lý bệnh viện.\n")
    assert roles[0] == (["Sở Y tế"], ["Bảo hiểm xã hội tỉnh", "Sở Tài chính"])
    assert roles[1][1].count("Sở Tài chính") == 1


def test_an_item_that_names_its_own_lead_does_not_take_the_lead_in_s_coordinating_bodies():
    roles = _roles("1. Sở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện các nội dung sau:\n"
                   "a) Xây dựng quy chế khai thác dữ liệu y tế, hoàn thành trong tháng 9/2027.\n"
                   "b) Sở Thông tin và Truyền thông bảo đảm hạ tầng mạng cho các trạm y tế xã.\n")
    assert roles[0] == (["Sở Y tế"], ["Sở Tài chính"])
    assert roles[1] == (["Sở Thông tin và Truyền thông"], [])
