"""The cue matcher (a spaCy PhraseMatcher over the span layer's tokens), on sentences of our own."""
from service.vagueness import find_cues
from service.vagueness.cues import Context, _raw_hits, load_rules


def raw(task, text: str) -> list[tuple[str, str]]:
    """(rule id, matched text) of every phrase match, before the context conditions."""
    return [(h.rule.id, text[h.start:h.end]) for h in _raw_hits(Context(task(text)), load_rules())]


def ids(task, text: str) -> list[str]:
    return [rule for rule, _ in raw(task, text)]


def test_a_cue_split_by_a_line_break_or_a_double_space(task):
    text = "Phòng Nội vụ đẩy\nmạnh cải cách thủ tục, tăng  cường kỷ luật công vụ tại bộ phận một cửa."
    hits = raw(task, text)
    assert ("sv.day_manh", "đẩy\nmạnh") in hits
    assert ("sv.tang_cuong", "tăng  cường") in hits
    assert "đẩy\nmạnh" in [c.text for c in find_cues(task(text))]


def test_case_does_not_matter_at_the_start_of_a_sentence(task):
    hits = raw(task, "ĐẨY MẠNH số hóa hồ sơ đất đai. Tăng Cường quảng bá các sản phẩm nông nghiệp của xã.")
    assert ("sv.day_manh", "ĐẨY MẠNH") in hits
    assert ("sv.tang_cuong", "Tăng Cường") in hits


def test_a_comma_inside_a_phrase_takes_any_space_after_it(task):
    for text in ("Các trường học tích cực, chủ động phòng bệnh sốt xuất huyết.",
                 "Các trường học tích cực,chủ động phòng bệnh sốt xuất huyết.",
                 "Các trường học tích cực,   chủ động phòng bệnh sốt xuất huyết."):
        assert "sv.tich_cuc_chu_dong" in ids(task, text), text


def test_a_comma_inside_a_phrase_takes_no_space_before_it(task):
    assert "sv.tich_cuc_chu_dong" not in ids(task, "Các trường học tích cực , chủ động phòng bệnh sốt xuất huyết.")


def test_the_longest_of_a_rules_phrases_is_taken(task):
    assert raw(task, "Ủy ban nhân dân xã tạo điều kiện thuận lợi cho hộ kinh doanh.")[:1] == [
        ("sv.tao_dieu_kien", "tạo điều kiện thuận lợi")]


def test_the_longer_overlapping_cue_wins_in_characters_not_tokens(task):
    # "hiệu lực, hiệu quả" has five tokens in 18 characters, "hiệu quả thiết thực" four in 19
    hits = raw(task, "Nâng cao hiệu lực, hiệu quả thiết thực của thanh tra chuyên ngành xây dựng.")
    assert ("in.co_hieu_qua", "hiệu quả thiết thực") in hits
    assert "eo.hieu_luc_hieu_qua" not in [rule for rule, _ in hits]
    assert ("in.cao_do", "quyết tâm cao") in raw(task, "Triển khai với quyết tâm cao việc giải phóng mặt bằng.")


def test_of_two_overlapping_cues_of_equal_length_the_earlier_wins(task):
    rules = ids(task, "Thúc đẩy mạnh thanh toán không dùng tiền mặt tại chợ truyền thống.")
    assert "sv.thuc_day" in rules and "sv.day_manh" not in rules


def test_a_rule_matches_twice_in_one_task(task):
    hits = raw(task, "Tăng cường tuyên truyền ven sông, tăng cường vận động người dân không khai thác cát.")
    assert [h for h in hits if h[0] == "sv.tang_cuong"] == [("sv.tang_cuong", "Tăng cường"),
                                                            ("sv.tang_cuong", "tăng cường")]


def test_not_before_keeps_a_specific_phrase_out(task):
    assert "vq.mot_so" not in ids(task, "Rà soát một số điều của hương ước thôn bản.")
    assert "vq.mot_so" in ids(task, "Hỗ trợ một số hộ nuôi cá lồng bị thiệt hại do lũ.")
    assert "vt.dinh_ky" not in ids(task, "Báo cáo định kỳ 6 tháng về tình hình thu ngân sách.")


def test_a_cue_glued_to_a_longer_word_is_no_cue(task):
    assert "sv.nang_cao" not in ids(task, "Bệnh viện huyện nâng caohiệu suất sử dụng giường bệnh.")
    assert "sv.nang_cao" not in ids(task, "Trong năm 2027nâng cao tỷ lệ hồ sơ trực tuyến.")
    assert "sv.nang_cao" in ids(task, "Trong năm 2027 nâng cao tỷ lệ hồ sơ trực tuyến.")
