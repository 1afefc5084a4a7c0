"""Cue detection per category, with context conditions."""
from service.vagueness import find_cues, load_rules


def categories(task) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for cue in find_cues(task):
        found.setdefault(cue.category, []).append(task.text[cue.start - task.start:cue.end - task.start].lower())
    return found


def test_offsets_point_into_the_document(task):
    t = task("Tiếp tục đẩy mạnh công tác tuyên truyền về chuyển đổi số.", start=500)
    cues = find_cues(t)
    assert cues and all(c.start >= 500 and t.text[c.start - 500:c.end - 500] == c.text for c in cues)


def test_slogan_verb_and_empty_object(task):
    found = categories(task("Đẩy mạnh công tác tuyên truyền về chuyển đổi số."))
    assert found["slogan_verb"] == ["đẩy mạnh"]
    assert found["empty_object"] == ["công tác"]


def test_a_control_act_after_a_slogan_verb_is_a_clear_action(task):
    """"Tăng cường kiểm tra …" names the act (ANNOTATION.md §2 level 3); "tăng cường công tác quản lý" does not."""
    assert "slogan_verb" not in categories(task("Tăng cường kiểm tra việc khai thác cát trái phép trên sông Lô."))
    assert "slogan_verb" not in categories(task("Đẩy mạnh công tác thanh tra các dự án chậm tiến độ."))
    found = categories(task("Tăng cường công tác quản lý tài nguyên nước."))
    assert found["slogan_verb"] == ["tăng cường"] and found["empty_object"] == ["công tác"]


def test_intensifier(task):
    found = categories(task("Tuyên truyền sâu rộng, quyết liệt về phòng chống tham nhũng."))
    assert {"sâu rộng", "quyết liệt"} <= set(found["intensifier"])


def test_vague_quantity(task):
    assert categories(task("Hỗ trợ một số hợp tác xã chuyển đổi số."))["vague_quantity"] == ["một số"]


def test_mot_so_dieu_of_a_decree_is_not_vague(task):
    t = task("Sửa đổi, bổ sung một số điều của Quyết định số 15/2025/QĐ-UBND về quản lý chợ.", output="Quyết định")
    assert "vague_quantity" not in categories(t)


def test_vague_time_kip_thoi_unless_a_time_is_given(task):
    assert categories(task("Báo cáo kịp thời về Ủy ban nhân dân tỉnh."))["vague_time"] == ["kịp thời"]
    assert "vague_time" not in categories(task("Báo cáo kịp thời trong 05 ngày làm việc."))


def test_hedge(task):
    found = categories(task("Thanh tra tỉnh kiểm tra, giám sát theo chức năng, nhiệm vụ được giao.",
                            lead="Thanh tra tỉnh"))
    assert found["hedge"] == ["theo chức năng, nhiệm vụ được giao"]


def test_generic_owner_only_as_owner(task):
    owner = task("Các cơ quan, đơn vị có liên quan tăng cường kiểm tra.")
    assert categories(owner)["generic_owner"] == ["các cơ quan, đơn vị có liên quan"]
    support = task("Sở Du lịch chủ trì, phối hợp với các cơ quan liên quan lập hồ sơ xếp hạng di tích.", lead="Sở Du lịch")
    assert "generic_owner" not in categories(support)


def test_empty_action(task):
    found = categories(task("Các đơn vị tổ chức triển khai thực hiện, bảo đảm đúng tiến độ, tiết kiệm, không để lãng phí."))
    assert "empty_action" in found and found["vague_time"] == ["đúng tiến độ"]


def test_slogan_verb_cancelled_by_measure_deadline_or_product(task):
    assert "slogan_verb" not in categories(task("Nâng cao tỷ lệ hộ dùng nước sạch lên 95% vào năm 2025."))
    assert "slogan_verb" not in categories(task("Đẩy mạnh tuyên truyền, hoàn thành trước ngày 30/6/2025.",
                                                deadline="trước ngày 30/6/2025"))
    assert "slogan_verb" not in categories(task("Đẩy mạnh triển khai Đề án phát triển ứng dụng dữ liệu dân cư."))


def test_citation_is_not_a_product(task):
    found = categories(task("Tiếp tục đẩy mạnh tuyên truyền Nghị quyết số 57-NQ/TW đến cán bộ."))
    assert "đẩy mạnh" in found["slogan_verb"]


def test_cancel_stays_inside_the_clause(task):
    found = categories(task("Phủ sóng 4G tại 100% thôn, bản; ưu tiên các xã biên giới."))
    assert found["slogan_verb"] == ["ưu tiên"]


def test_cue_inside_a_product_name_does_not_count(task):
    t = task("Xây dựng Đề án nâng cao chất lượng nguồn nhân lực ngành du lịch.",
             output="Đề án nâng cao chất lượng nguồn nhân lực ngành du lịch")
    assert categories(t) == {}


def test_not_in_the_middle_of_a_word(task):
    assert categories(task("Xây dựng Trung tâm nâng caoX.")) == {}


def test_cues_can_be_switched_off(task):
    t = task("Đẩy mạnh công tác tuyên truyền.")
    rules = load_rules(frozenset({"sv.day_manh"}))
    assert all(c.text.lower() != "đẩy mạnh" for c in find_cues(t, rules))


def test_lexicon_size_and_ids():
    rules = load_rules()
    assert len(rules) >= 150
    assert len({r.id for r in rules}) == len(rules)
