"""A heading or lead-in that names a lead and its coordinating bodies hands both to its items (phối hợp)."""
from service.pipeline import analyze_text

HEAD = "KẾ HOẠCH\nThực hiện chuyển đổi số trong ngành y tế năm 2027\nI. NHIỆM VỤ CỤ THỂ\n"


def _roles(text: str) -> list[tuple[list[str], list[str]]]:
    tasks = analyze_text(HEAD + text, extractor="rules").tasks
    return [([b.name for b in t.lead], [b.name for b in t.support]) for t in tasks]


def test_items_that_take_the_lead_in_s_lead_take_its_coordinating_bodies_too():
    roles = _roles("1. Sở Y tế chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh, Sở Khoa học và Công nghệ "
                   "thực hiện các nội dung sau:\n"
                   "a) Xây dựng cơ sở dữ liệu hồ sơ sức khỏe điện tử của người dân, hoàn thành trong quý III/2027.\n"
                   "b) Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.\n")
    assert roles == [(["Sở Y tế"], ["Trung tâm Kiểm soát bệnh tật tỉnh", "Sở Khoa học và Công nghệ"])] * 2


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


def test_a_heading_without_coordinating_bodies_hands_down_none():
    roles = _roles("1. Sở Y tế chủ trì thực hiện các nội dung sau:\n"
                   "a) Xây dựng cơ sở dữ liệu hồ sơ sức khỏe điện tử của người dân.\n"
                   "b) Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.\n")
    assert roles == [(["Sở Y tế"], [])] * 2
